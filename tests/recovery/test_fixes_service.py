"""The fix as a state machine, driven through its services on a real SQLite session (no Slack)."""

from datetime import timedelta

import pytest

from bot.recovery import cases, fixes
from bot.recovery.errors import NotAllowed, UserError
from bot.sandbox.cast import FRONT_DESK, LEAD, OUTSIDER, SUPPORT
from bot.store.models import CaseStatus, EventKind, FixStatus, NudgeState, utcnow
from tests.recovery.conftest import fire_now, kinds, log, nudges, owed

V1 = ("fix:1:v1:before:6s", "fix:1:v1:before:3s", "fix:1:v1:due", "fix:1:v1:overdue:1", "fix:1:v1:escalate")


def assign(session, policy, case, *, due_in: timedelta = timedelta(minutes=5), by: str = FRONT_DESK.id):
    """SUPPORT owns the fix, due in `due_in`, given by `by` (the reporter, who may change the case)."""
    return fixes.assign_owner(
        session,
        policy=policy,
        case=case,
        owner_id=SUPPORT.id,
        due=utcnow() + due_in,
        actor_id=by,
        profiles={},
    )


def test_an_owner_and_a_deadline_schedule_every_reminder_and_dm_the_owner(db, policy):
    with db.session() as session:
        case = assign(session, policy, log(session, policy))
        assert (case.fix_status, case.fix_version, case.status) == (
            FixStatus.ASSIGNED,
            1,
            CaseStatus.FIX_ASSIGNED,
        )
        assert nudges(session, case) == {"apology:1:r1": NudgeState.PENDING} | dict.fromkeys(
            V1, NudgeState.PENDING
        )
        sent = owed(session)
        assert sent["owner-dm:1:v1"].payload["channel"] == SUPPORT.id
        assert any(key.startswith("owner:1:") for key in sent) and f"home:{SUPPORT.id}:owner:1:v1" in sent
        assert kinds(session, case)[-1] == EventKind.OWNER


def test_someone_not_on_the_case_cannot_assign_its_fix(db, policy):
    with db.session() as session:
        case = log(session, policy)
        with pytest.raises(NotAllowed):
            assign(session, policy, case, by=OUTSIDER.id)
        assert case.fix_status == FixStatus.NONE and nudges(session, case) == {
            "apology:1:r1": NudgeState.PENDING
        }


def test_moving_the_deadline_replaces_the_reminders_and_tells_the_leader_why(db, policy):
    with db.session() as session:
        case = assign(session, policy, log(session, policy))
        fixes.change_due(
            session,
            policy=policy,
            case=case,
            due=utcnow() + timedelta(hours=1),
            reason="the part is on back order",
            actor_id=SUPPORT.id,
            profiles={},
        )
        states = nudges(session, case)
        assert case.fix_version == 2 and all(states[key] == NudgeState.CANCELLED for key in V1)
        assert states["fix:1:v2:due"] == NudgeState.PENDING
        [told] = [row for key, row in owed(session).items() if key.startswith("more-time:1:")]
        assert told.payload["channel"] == LEAD.id and "back order" in told.payload["text"]


def test_marking_it_fixed_stops_the_reminders_and_schedules_the_check_ins(db, policy):
    with db.session() as session:
        case = assign(session, policy, log(session, policy, severity="moderate"))
        fixes.mark_fixed(session, policy=policy, case=case, note="new boiler fitted", actor_id=SUPPORT.id)
        states = nudges(session, case)
        assert (case.fix_status, case.status, case.fix_note) == (
            FixStatus.FIXED,
            CaseStatus.FOLLOWING_UP,
            "new boiler fitted",
        )
        assert all(states[key] == NudgeState.CANCELLED for key in V1)
        assert [k for k, s in states.items() if k.startswith("checkin:")] == [
            "checkin:1:v1:1:a1",
            "checkin:1:v1:2:a1",
        ]
        done = owed(session)["done:owner-dm:1:v1"]
        assert (done.method, done.after_key, done.payload["blocks"]) == ("chat.update", "owner-dm:1:v1", [])


def test_a_fix_is_changed_only_while_it_is_open(db, policy):
    with db.session() as session:
        case = log(session, policy)
        with pytest.raises(UserError, match="no fix owner yet"):
            fixes.mark_fixed(session, policy=policy, case=case, note="", actor_id=LEAD.id)
        assign(session, policy, case)
        fixes.mark_fixed(session, policy=policy, case=case, note="", actor_id=SUPPORT.id)
        with pytest.raises(UserError, match="already marked fixed"):
            fixes.mark_fixed(session, policy=policy, case=case, note="", actor_id=SUPPORT.id)
        with pytest.raises(UserError, match="already fixed"):
            assign(session, policy, case)


def test_an_overdue_reminder_dms_the_owner_and_schedules_the_next_one(db, policy):
    with db.session() as session:
        assign(session, policy, log(session, policy), due_in=timedelta(seconds=-1))
    fire_now(db, policy, "fix:1:v1:overdue:1")
    with db.session() as session:
        case = cases.get_case(session, policy=policy, number=1)
        assert nudges(session, case)["fix:1:v1:overdue:2"] == NudgeState.PENDING
        reminder = owed(session)["nudge:fix:1:v1:overdue:1"]
        assert reminder.payload["channel"] == SUPPORT.id and "overdue" in reminder.payload["text"]
        assert kinds(session, case)[-1] == EventKind.REMINDER
