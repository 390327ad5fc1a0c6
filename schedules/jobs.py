"""Jobs the clock runs. Their "module:function" names are a stored API: do not rename them."""

import logging
import time

from bot.recovery.apologies import fire_apology_escalate
from bot.recovery.checkins import fire_checkin
from bot.recovery.digest import fire_digest
from bot.recovery.reminders import fire_fix_escalate, fire_fix_reminder
from bot.slack import events
from bot.slack.context import Runtime
from bot.store import inbox
from bot.store.models import NudgeKind, utcnow
from schedules.firing import Firer, fire_due, next_due

log = logging.getLogger(__name__)
BATCH = 50  # nudges fired per transaction: the first of a crowd are visible (and sent) sooner
WAIT_WITHIN = 0.9  # seconds of its own second a tick waits for nudges falling due, short of the next
CLOCK_SLACK = 0.001  # sleep a hair past the due time: the wall clock and the sleep's clock differ
FIRERS: dict[str, Firer] = {
    NudgeKind.FIX_REMINDER: fire_fix_reminder,
    NudgeKind.FIX_ESCALATE: fire_fix_escalate,
    NudgeKind.APOLOGY_ESCALATE: fire_apology_escalate,
    NudgeKind.CHECKIN: fire_checkin,
    NudgeKind.DIGEST: fire_digest,
}
_runtime: Runtime | None = None


def bind(runtime: Runtime) -> None:
    """Give the jobs the running Bounceback (jobs take only plain arguments)."""
    global _runtime
    _runtime = runtime


def tick() -> None:
    """Once a second: fire every nudge due now or before the next tick, then deliver what is owed."""
    if _runtime is None:
        return
    replay_inbox(_runtime)
    ends = time.monotonic() + WAIT_WITHIN
    while _sleep_until_due(_runtime, ends) and _fire_all_due(_runtime):
        pass
    _runtime.wake()


def _fire_all_due(runtime: Runtime) -> int:
    """Fire batch after batch until none is left due, waking the sender after each; how many were taken."""
    taken = 0
    while True:
        fired = fire_due(runtime.db, runtime.policy, FIRERS, batch=BATCH)
        taken += fired
        if fired:
            runtime.wake()
        if fired < BATCH:
            return taken


def _sleep_until_due(runtime: Runtime, ends: float) -> bool:
    """True when a nudge is due, after sleeping for it if it falls due before `ends` (monotonic)."""
    due = next_due(runtime.db)
    if due is None:
        return False
    wait = (due - utcnow()).total_seconds()
    if wait > 0:
        if time.monotonic() + wait >= ends:
            return False  # the next tick comes first
        time.sleep(wait + CLOCK_SLACK)
    return True


def replay_inbox(runtime: Runtime) -> None:
    """Process message events whose worker died after storing them (the inbox only hands them back)."""
    with runtime.db.reading() as session:  # an idle tick takes no write lock
        waiting = [(row.event_id, row.payload) for row in inbox.stale(session)]
    for event_id, event in waiting:
        log.warning("replaying event %s: its first worker never finished it", event_id)
        with runtime.transaction() as session:
            events.process(
                session,
                policy=runtime.policy,
                stored=[(event_id, event)],
                workspace_url=runtime.workspace_url,
            )
