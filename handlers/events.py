"""Events API: complaints-channel messages become cases; replies in a case thread become notes."""

from typing import Any

from slack_bolt import App

from bot.recovery import tell
from bot.slack import events
from bot.slack.context import Runtime
from handlers.guard import guarded


def register(app: App) -> None:
    """Attach the event listeners (Bolt acknowledges events by itself)."""
    app.event("message")(guarded(on_message))
    app.event("app_home_opened")(guarded(on_home_opened))


def on_message(rt: Runtime, body: dict[str, Any], event: dict[str, Any]) -> None:
    """A message the inbox already holds: make it a case or a note (idempotent, so replays are safe)."""
    with rt.transaction() as session:
        events.process(
            session,
            policy=rt.policy,
            event_id=body.get("event_id", ""),
            event=event,
            workspace_url=rt.workspace_url,
        )


def on_home_opened(rt: Runtime, body: dict[str, Any], event: dict[str, Any]) -> None:
    """Show the person their own queue on the Home tab (drawn as it goes out, like every refresh)."""
    if event.get("tab", "home") != "home":
        return
    opened = body.get("event_id") or event.get("event_ts", "")  # each opening owes its own Home tab
    with rt.transaction() as session:
        tell.refresh_home(session, user_id=event["user"], reason=f"opened:{opened}")
