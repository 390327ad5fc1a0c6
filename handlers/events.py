"""Events API: complaints-channel messages become cases; replies in a case thread become notes."""

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot import home, intake, metrics, slack
from bot.cases import Complaint
from bot.customer import extract_customer
from bot.models import utcnow
from handlers.guard import guarded

PERSON_SUBTYPES = (None, "thread_broadcast", "file_share")


def register(app: App) -> None:
    """Attach the event listeners (Bolt acknowledges events by itself)."""
    app.event("message")(guarded(on_message))
    app.event("app_home_opened")(guarded(on_home_opened))


def on_message(body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    """A person's message: a new case at the top of a complaints channel, a note inside a case thread."""
    if event.get("subtype") not in PERSON_SUBTYPES or event.get("bot_id") or not event.get("user"):
        return  # edits, deletions, joins and bots never make cases
    rt = context["rt"]
    channel, ts, text = event["channel"], event["ts"], event.get("text") or ""
    thread_ts = event.get("thread_ts")
    if thread_ts and thread_ts != ts:
        with rt.transaction() as session:
            intake.note_reply(
                session, channel=channel, thread_ts=thread_ts, ts=ts, user_id=event["user"], text=text
            )
        return
    if channel not in rt.policy.complaints_channels or not text.strip():
        return
    complaint = Complaint(
        text=text,
        reporter_id=event["user"],
        source="channel",
        source_key=f"msg:{channel}:{ts}",
        customer=extract_customer(text),
        channel_id=channel,
        message_ts=ts,
        permalink=slack.permalink(client, channel, ts),
        thread_channel=channel,
        thread_ts=ts,
    )
    with rt.transaction() as session:
        intake.log_complaint(
            session, policy=rt.policy, complaint=complaint, card_channel=channel, card_thread_ts=ts
        )


def on_home_opened(
    body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Show the person their own queue on the Home tab."""
    if event.get("tab", "home") != "home":
        return
    rt = context["rt"]
    since, until = metrics.window("7d", now=utcnow())
    with rt.db.session() as session:
        team = metrics.summary_lines(
            metrics.figures(session, policy=rt.policy, since=since, until=until), policy=rt.policy
        )
        view = home.home_view(session, policy=rt.policy, user_id=event["user"], team=team)
    client.views_publish(user_id=event["user"], view=view)
