"""Slack hears back at once, even when every listener worker is busy with earlier requests' work."""

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from typing import Any

import pytest
import waitress
from sqlmodel import select

from bot import ids
from bot.app import create_app
from bot.http import EVENTS_PATH, wsgi_app
from bot.models import Case
from bot.runtime import Runtime
from bot.sandbox import cast
from bot.sandbox.driver import SlackDriver
from bot.sandbox.rig import Rig
from tests.helpers import wait_until


class BusyPool(Executor):
    """A listener pool whose workers are all taken: nothing submitted starts until `release()`."""

    def __init__(self) -> None:
        self._held: list[tuple[Future, Callable[..., Any]]] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        self._held.append((future, lambda: fn(*args, **kwargs)))
        return future

    def release(self) -> None:
        held, self._held = self._held, []
        for future, run in held:
            future.set_result(run())


@pytest.fixture
def busy() -> Iterator[tuple[SlackDriver, BusyPool, Runtime]]:
    rig = Rig()  # only for its settings, stand-in and temporary database; the app is served below
    rig.standin.start()
    cast.populate(rig.standin)
    runtime = Runtime.build(rig.settings, rig.policy)
    runtime.sender.start()
    pool = BusyPool()
    server: Any = waitress.create_server(
        wsgi_app(create_app(runtime, listener_executor=pool), lambda: True), host="127.0.0.1", port=0
    )
    serving = threading.Thread(target=server.run, daemon=True)
    serving.start()
    url = f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}"
    yield SlackDriver(url, cast.SIGNING_SECRET, rig.standin), pool, runtime
    server.close()
    runtime.sender.stop()
    runtime.db.dispose()
    rig.stop()


def test_a_command_and_a_button_are_acknowledged_before_any_worker_is_free(busy) -> None:
    driver, pool, runtime = busy
    logged = driver.command(cast.FRONT_DESK.id, "new The soup was cold", channel_id=cast.COMPLAINTS)
    assert logged.status == 200  # answered while no listener could run
    with runtime.db.reading() as session:
        assert session.exec(select(Case)).all() == []
    pool.release()
    card = wait_until(lambda: bot_posts_in(driver, cast.COMPLAINTS), what="the case card")[0]

    pressed = driver.block_action(
        cast.FRONT_DESK.id, ids.CHANGE_SEVERITY, message=(cast.COMPLAINTS, card["ts"])
    )
    assert pressed.status == 200
    assert driver.standin.opened_views(cast.FRONT_DESK.id) == []
    pool.release()
    opened = driver.standin.opened_views(cast.FRONT_DESK.id)
    assert [view["callback_id"] for view in opened] == [ids.SEVERITY_VIEW]


def bot_posts_in(driver: SlackDriver, channel: str) -> list[dict[str, Any]]:
    return [m for m in driver.standin.messages(channel) if m.get("bot_id") == driver.standin.bot_id]
