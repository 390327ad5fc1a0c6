"""Jobs the clock runs. Their "module:function" names are a stored API: do not rename them."""

import logging

from bot import inbox
from bot.apologies import fire_apology_escalate
from bot.checkins import fire_checkin
from bot.digest import fire_digest
from bot.reminders import fire_fix_escalate, fire_fix_reminder
from bot.runtime import Runtime
from schedules.firing import Firer, fire_due

log = logging.getLogger(__name__)
BATCH = 200
FIRERS: dict[str, Firer] = {
    "fix_reminder": fire_fix_reminder,
    "fix_escalate": fire_fix_escalate,
    "apology_escalate": fire_apology_escalate,
    "checkin": fire_checkin,
    "digest": fire_digest,
}
_runtime: Runtime | None = None


def bind(runtime: Runtime) -> None:
    """Give the jobs the running Bounceback (jobs take only plain arguments)."""
    global _runtime
    _runtime = runtime


def tick() -> None:
    """Once a second: fire every nudge that is due, then deliver what is owed to Slack."""
    if _runtime is None:
        return
    replay_inbox(_runtime)
    while fire_due(_runtime.db, _runtime.policy, FIRERS, batch=BATCH) == BATCH:
        _runtime.sender.wake()
    _runtime.sender.wake()


def replay_inbox(runtime: Runtime) -> None:
    """Process message events whose worker died after storing them."""
    with runtime.db.session() as session:
        waiting = [(row.event_id, row.payload) for row in inbox.stale(session)]
    for event_id, event in waiting:
        log.warning("replaying event %s: its first worker never finished it", event_id)
        with runtime.transaction() as session:
            inbox.process(
                session,
                policy=runtime.policy,
                event_id=event_id,
                event=event,
                workspace_url=runtime.workspace_url,
            )
