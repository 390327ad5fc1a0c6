"""Slack hears back at once, and a person's press is never queued behind a flood of events."""

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from typing import Any

import pytest
import waitress
from sqlmodel import select

from bot.recovery.messages.ids import Action, Modal
from bot.runtime import build_runtime
from bot.sandbox import cast
from bot.sandbox.driver import SlackDriver
from bot.sandbox.rig import Rig
from bot.slack.app import create_app
from bot.slack.context import Runtime
from bot.slack.executor import ListenerPools
from bot.slack.http import EVENTS_PATH, wsgi_app
from bot.store.models import Case
from handlers import register_all
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


@contextmanager
def serving(pool: Executor) -> Iterator[tuple[SlackDriver, Runtime]]:
    """Bounceback's app with this listener pool, behind a real HTTP server, against a stand-in."""
    rig = Rig()  # only for its settings, stand-in and temporary database; the app is served below
    rig.standin.start()
    cast.populate(rig.standin)
    runtime = build_runtime(rig.settings, rig.policy)
    runtime.sender.start()
    server: Any = waitress.create_server(
        wsgi_app(
            create_app(
                runtime, register=register_all, signing_secret=cast.SIGNING_SECRET, listener_executor=pool
            ),
            lambda: True,
        ),
        host="127.0.0.1",
        port=0,
    )
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}"
    try:
        yield SlackDriver(url, cast.SIGNING_SECRET, rig.standin), runtime
    finally:
        server.close()
        runtime.sender.stop()
        runtime.db.dispose()
        rig.stop()


@pytest.fixture
def busy() -> Iterator[tuple[SlackDriver, BusyPool, Runtime]]:
    pool = BusyPool()
    with serving(pool) as (driver, runtime):
        yield driver, pool, runtime


def test_a_command_and_a_button_are_acknowledged_before_any_worker_is_free(busy) -> None:
    driver, pool, runtime = busy
    logged = driver.command(cast.FRONT_DESK.id, "new The soup was cold", channel_id=cast.COMPLAINTS)
    assert logged.status == 200  # answered while no listener could run
    with runtime.db.reading() as session:
        assert session.exec(select(Case)).all() == []
    pool.release()
    card = wait_until(lambda: bot_posts_in(driver, cast.COMPLAINTS), what="the case card")[0]

    pressed = driver.block_action(
        cast.FRONT_DESK.id, Action.CHANGE_SEVERITY, message=(cast.COMPLAINTS, card["ts"])
    )
    assert pressed.status == 200
    assert driver.standin.opened_views(cast.FRONT_DESK.id) == []
    pool.release()
    opened = driver.standin.opened_views(cast.FRONT_DESK.id)
    assert [view["callback_id"] for view in opened] == [Modal.SEVERITY]


def bot_posts_in(driver: SlackDriver, channel: str) -> list[dict[str, Any]]:
    return [m for m in driver.standin.messages(channel) if m.get("bot_id") == driver.standin.bot_id]


def test_a_flood_of_complaint_events_never_delays_a_persons_button() -> None:
    pools = ListenerPools(people=2, background=1)
    with serving(pools) as (driver, runtime):
        driver.command(cast.FRONT_DESK.id, "new The soup was cold", channel_id=cast.COMPLAINTS)
        card = wait_until(lambda: bot_posts_in(driver, cast.COMPLAINTS), what="the case card")[0]
        flood = threading.Event()
        pools.background(True)  # as the app marks an event's request: the one background worker is busy
        pools.submit(flood.wait, 30)
        pools.background(False)
        driver.post_message(cast.WAITER.id, cast.COMPLAINTS, "We waited an hour for a table that was booked.")

        driver.block_action(cast.FRONT_DESK.id, Action.CHANGE_SEVERITY, message=(cast.COMPLAINTS, card["ts"]))
        opened = wait_until(lambda: driver.standin.opened_views(cast.FRONT_DESK.id), what="the modal")
        with runtime.db.reading() as session:
            stored = len(session.exec(select(Case)).all())
        flood.set()
        wait_until(lambda: len(bot_posts_in(driver, cast.COMPLAINTS)) == 2, what="the second case's card")
        pools.shutdown()
    assert [view["callback_id"] for view in opened] == [Modal.SEVERITY]
    assert stored == 1  # the modal opened while the complaint still waited for the background lane
