"""A week's figures with nothing in it, for the tests of what people read in the digest."""

from datetime import datetime, timedelta
from decimal import Decimal

from bot.policy.model import SEVERITIES, Policy
from bot.recovery.metrics import Figures


def quiet_week(policy: Policy, since: datetime) -> Figures:
    """Seven days from `since` with no case opened, apologized for, fixed or checked in on."""
    return Figures(
        since=since,
        until=since + timedelta(days=7),
        opened=0,
        closed=0,
        reopened=0,
        by_severity=dict.fromkeys(SEVERITIES, 0),
        apologies=0,
        median_to_apology=None,
        apologies_on_target=0,
        clean_apologies=0,
        as_written=0,
        median_by_severity=dict.fromkeys(SEVERITIES),
        target_by_severity={name: policy.rule(name).respond_within for name in SEVERITIES},
        fixes_done=0,
        fixes_on_time=0,
        fixes_overdue_open=0,
        checkins={"ok": 0, "unhappy": 0, "unreachable": 0},
        gestures=0,
        gesture_total=Decimal(0),
        improvements=(),
        repeat_customers=0,
    )
