"""Events API: complaints-channel messages become cases; replies in a case thread become notes."""

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.recovery import home, metrics
from bot.store import inbox
from bot.store.models import utcnow
from handlers.guard import guarded


def register(app: App) -> None:
    """Attach the event listeners (Bolt acknowledges events by itself)."""
    app.event("message")(guarded(on_message))
    app.event("app_home_opened")(guarded(on_home_opened))


def on_message(body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    """A message the inbox already holds: make it a case or a note (idempotent, so replays are safe)."""
    rt = context["rt"]
    with rt.transaction() as session:
        inbox.process(
            session,
            policy=rt.policy,
            event_id=body.get("event_id", ""),
            event=event,
            workspace_url=rt.workspace_url,
        )


def on_home_opened(
    body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Show the person their own queue on the Home tab."""
    if event.get("tab", "home") != "home":
        return
    rt = context["rt"]
    since, until = metrics.window("7d", now=utcnow())
    with rt.db.reading() as session:
        team = metrics.summary_lines(
            metrics.figures(session, policy=rt.policy, since=since, until=until), policy=rt.policy
        )
        view = home.home_view(session, policy=rt.policy, user_id=event["user"], team=team)
    client.views_publish(user_id=event["user"], view=view)
