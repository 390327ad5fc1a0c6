"""The Slack app factory: a Bolt App wired to a Runtime, with one error handler."""

import logging
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.slack.client import pinned_logger
from bot.slack.context import Runtime
from bot.slack.errors import tell_user
from bot.slack.executor import ListenerPools
from bot.store import inbox

log = logging.getLogger(__name__)
ACKNOWLEDGED_FIRST = {"block_actions", "shortcut", "message_action"}


def create_app(
    runtime: Runtime,
    *,
    register: Callable[[App], None],
    signing_secret: str | None,
    listener_executor: Executor | None = None,
    verify_token: bool = True,
) -> App:
    """Build the Bolt app with the listeners `register` attaches (this calls auth.test unless told not to).

    Without a signing secret (Socket Mode) requests are not signed, so none is checked.
    """
    pinned_logger("slack_bolt.App")  # Bolt's own debug lines are formatted only when they are logged
    app = App(
        client=runtime.client,
        signing_secret=signing_secret or "socket-mode-does-not-sign",
        token_verification_enabled=verify_token,
        request_verification_enabled=signing_secret is not None,
        process_before_response=False,
        raise_error_for_unhandled_request=False,
        listener_executor=listener_executor,
    )

    def provide_runtime(context: BoltContext) -> None:
        """Listeners name an `rt: Runtime` argument; Bolt hands them context items by name.

        Their `client` is the runtime's, not the WebClient Bolt builds for each request: the
        runtime's keeps its connections to Slack open between calls (bot/slack/client.py), and
        it holds the same bot token (one workspace).
        """
        context["rt"] = runtime
        context["client"] = runtime.client

    def store_messages_first(body: dict[str, Any]) -> None:
        """A message event is in the database before Slack gets its 200 (see bot/store/inbox.py)."""
        event = body.get("event") or {}
        if body.get("type") == "event_callback" and event.get("type") == "message" and body.get("event_id"):
            inbox.accept(runtime.db, event_id=body["event_id"], event=event)  # ahead of intake's batches

    def acknowledge_first(body: dict[str, Any], ack: Any) -> None:
        """Answer Slack's 3 seconds on the request thread, not behind other requests' work.

        Commands, buttons and shortcuts are acknowledged here, as soon as the request is verified,
        so their listeners never do. Modal submissions are left to their listeners: they may answer
        with errors shown in the modal.
        """
        answered = "command" in body or body.get("type") in ACKNOWLEDGED_FIRST
        if answered:
            ack()
        if isinstance(listener_executor, ListenerPools):  # Bolt acknowledges events itself
            listener_executor.background(body.get("type") == "event_callback")

    @app.middleware
    def before_listeners(context: BoltContext, body: dict[str, Any], ack: Any, next: Any) -> None:
        """The three steps above, in order, as one middleware: Bolt prepares each middleware's
        arguments on every request, and a press is the request that can least afford it."""
        provide_runtime(context)
        store_messages_first(body)
        acknowledge_first(body, ack)
        next()

    @app.error
    def on_error(error: Exception, body: dict[str, Any], client: WebClient) -> None:
        tell_user(error, body, client)

    register(app)
    return app
