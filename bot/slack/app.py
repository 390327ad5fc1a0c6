"""The Slack app factory: a Bolt App wired to a Runtime, with one error handler."""

import logging
from concurrent.futures import Executor
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.recovery.errors import UserError
from bot.runtime import Runtime
from bot.slack.client import respond
from bot.slack.executor import ListenerPools
from bot.store import inbox

log = logging.getLogger(__name__)
ACKNOWLEDGED_FIRST = {"block_actions", "shortcut", "message_action"}
SORRY = (
    "Sorry — something went wrong on our side and this did not go through. "
    "It has been logged for the admins; please try again in a minute."
)


def create_app(
    runtime: Runtime, *, listener_executor: Executor | None = None, verify_token: bool = True
) -> App:
    """Build the Bolt app (this calls auth.test unless verify_token is False)."""
    from handlers import register_all  # handlers depend on bot, never the other way at import time

    app = App(
        client=runtime.client,
        signing_secret=runtime.settings.signing_secret or "socket-mode-does-not-sign",
        token_verification_enabled=verify_token,
        request_verification_enabled=runtime.settings.signing_secret is not None,
        process_before_response=False,
        raise_error_for_unhandled_request=False,
        listener_executor=listener_executor,
    )

    @app.middleware
    def provide_runtime(context: BoltContext, next: Any) -> None:
        context["rt"] = runtime
        next()

    @app.middleware
    def store_messages_first(body: dict[str, Any], next: Any) -> None:
        """A message event is in the database before Slack gets its 200 (see bot/inbox.py)."""
        event = body.get("event") or {}
        if body.get("type") == "event_callback" and event.get("type") == "message" and body.get("event_id"):
            with runtime.transaction() as session:
                inbox.accept(session, event_id=body["event_id"], event=event)
        next()

    @app.middleware
    def acknowledge_first(body: dict[str, Any], ack: Any, next: Any) -> None:
        """Answer Slack's 3 seconds on the request thread, not behind other requests' work.

        Every command, button and shortcut listener acknowledges with a bare ack() before it does
        anything, so this one does it for them as soon as the request is verified. Modal submissions
        are left to their listeners: they may answer with errors shown in the modal.
        """
        answered = "command" in body or body.get("type") in ACKNOWLEDGED_FIRST
        if answered:
            ack()
        if isinstance(listener_executor, ListenerPools):  # Bolt acknowledges events itself
            listener_executor.background(body.get("type") == "event_callback")
        next()

    @app.error
    def on_error(error: Exception, body: dict[str, Any], client: WebClient) -> None:
        tell_user(error, body, client)

    register_all(app)
    return app


def tell_user(error: Exception, body: dict[str, Any], client: WebClient) -> None:
    """A person's mistake gets its message; a bug gets an apology and a traceback in the log."""
    blocks = None
    if isinstance(error, UserError):
        text, blocks = str(error), error.blocks
        log.info("refused: %s", text.splitlines()[0])
    else:
        text = SORRY
        log.error("unhandled error for %s", body.get("type") or body.get("command"), exc_info=error)
    response_url = body.get("response_url") or next(iter(body.get("response_urls") or []), {}).get(
        "response_url"
    )
    if response_url:
        respond(response_url, text=text, blocks=blocks, replace_original=False)
        return
    user = body.get("user_id") or (body.get("user") or {}).get("id")
    if user:
        client.chat_postMessage(channel=user, text=text)
