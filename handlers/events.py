"""Events API: complaints-channel messages become cases; replies in a case thread become notes."""

import logging
from typing import Any

from slack_bolt import App

from bot.recovery import tell
from bot.slack import events
from bot.slack.batching import Lanes
from bot.slack.context import Runtime
from bot.store import inbox
from handlers.guard import guarded

log = logging.getLogger(__name__)
BATCH = 10  # events a transaction: fewer commits, while an acknowledgement waits for the writer only briefly
LANES = 2  # PostgreSQL: two batches at once, each working while the other waits on the server
Stored = tuple[Runtime, str, dict[str, Any]]  # (runtime, event_id, event)


def register(app: App) -> None:
    """Attach the event listeners (Bolt acknowledges events by itself)."""
    intake: Lanes[Stored] = Lanes(_handle, size=BATCH, lanes=LANES, lane_of=_lane)

    def on_message(rt: Runtime, body: dict[str, Any], event: dict[str, Any]) -> None:
        """A message the inbox already holds: made a case or a note with the others waiting (replays are safe)."""
        intake.submit((rt, body.get("event_id", ""), event))

    app.event("message")(guarded(on_message))
    app.event("app_home_opened")(guarded(on_home_opened))


def _lane(stored: Stored) -> int:
    """A message's lane: its thread's, so a reply is handled after the complaint that began the thread.
    SQLite has one writer: a second lane would only wait for it."""
    rt, _, event = stored
    if rt.db.is_sqlite:
        return 0
    return hash((event.get("channel"), event.get("thread_ts") or event.get("ts")))


def _handle(batch: list[Stored]) -> None:
    """Handle stored events in one transaction; a batch that fails goes again one event at a time,
    so a bad event holds up only itself (it stays in the inbox, and the clock replays it)."""
    rt = batch[0][0]
    stored = [(event_id, event) for _, event_id, event in batch]
    if _process(rt, stored) or len(stored) == 1:
        return
    for one in stored:
        _process(rt, [one])


def _process(rt: Runtime, stored: list[tuple[str, dict[str, Any]]]) -> bool:
    try:
        with rt.transaction() as session:
            events.process(session, policy=rt.policy, stored=stored, workspace_url=rt.workspace_url)
    except Exception:
        failed = [event_id for event_id, _ in stored]
        log.exception("message event(s) %s failed; the inbox keeps them", failed)
        inbox.let_go(failed)  # the clock replays them
        return False
    return True


def on_home_opened(rt: Runtime, body: dict[str, Any], event: dict[str, Any]) -> None:
    """Show the person their own queue on the Home tab (drawn as it goes out, like every refresh)."""
    if event.get("tab", "home") != "home":
        return
    opened = body.get("event_id") or event.get("event_ts", "")  # each opening owes its own Home tab
    with rt.transaction() as session:
        tell.refresh_home(session, user_id=event["user"], reason=f"opened:{opened}")
