"""The baseline: a bare Bolt app that acknowledges every command, action and event and does nothing else.

It is served exactly as Bounceback is (waitress, the same thread count, the same listener pool size,
signature verification on) and acknowledges exactly as Bounceback does: commands, buttons and
shortcuts in a global middleware on the request thread, as soon as the signature is verified
(`bot/slack/app.py:acknowledge_first`), so Bolt never polls for a listener's `ack()` in 10 ms
sleeps; events are acknowledged by Bolt itself. The difference between the two is what Bounceback
itself adds.
"""

import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import waitress
from slack_bolt import Ack, App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.sandbox import cast
from bot.slack.app import ACKNOWLEDGED_FIRST
from bot.slack.client import make_client
from bot.slack.http import EVENTS_PATH

WAITRESS_THREADS = 8  # as bot.server.Service
LISTENER_WORKERS = 16  # as bot.server.Service


def create_bare_app(signing_secret: str, api_url: str) -> App:
    """A Bolt app whose every listener only acknowledges; its client (auth.test) is Bounceback's."""
    app = App(
        client=make_client(cast.BOT_TOKEN, api_url),
        signing_secret=signing_secret,
        process_before_response=False,
        raise_error_for_unhandled_request=False,
        listener_executor=ThreadPoolExecutor(max_workers=LISTENER_WORKERS, thread_name_prefix="bare"),
    )
    anything = re.compile(".*")

    @app.middleware
    def acknowledge_first(body: dict[str, Any], ack: Ack, next: Any) -> None:
        """As Bounceback: commands, buttons and shortcuts are answered here, on the request thread."""
        if "command" in body or body.get("type") in ACKNOWLEDGED_FIRST:
            ack()
        next()

    @app.command(anything)
    def on_command() -> None:
        """Acknowledged by the middleware."""

    @app.action(anything)
    def on_action() -> None:
        """Acknowledged by the middleware."""

    @app.event(anything)
    def on_event(body: dict[str, Any]) -> None:
        """Events are acknowledged by Bolt itself."""

    return app


class BareServer:
    """The bare app behind waitress on loopback; `start()`, `url`, `stop()`."""

    def __init__(self, signing_secret: str, api_url: str) -> None:
        handler = SlackRequestHandler(create_bare_app(signing_secret, api_url), path=EVENTS_PATH)
        self._server: Any = waitress.create_server(
            handler, host="127.0.0.1", port=0, threads=WAITRESS_THREADS
        )

    def serve(self) -> None:
        """Serve until `stop()` (blocks)."""
        self._server.run()

    @property
    def url(self) -> str:
        """Where the driver sends requests."""
        return f"http://127.0.0.1:{self._server.effective_port}{EVENTS_PATH}"

    def stop(self) -> None:
        """Stop listening and let requests in flight finish."""
        self._server.close()
        self._server.task_dispatcher.shutdown(cancel_pending=False, timeout=5)
