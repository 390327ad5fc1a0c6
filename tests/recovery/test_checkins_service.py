"""Check-ins as a state machine, driven through their services on a real SQLite session (no Slack)."""

from datetime import timedelta

import pytest

from bot.recovery import apologies, cases, checkins, fixes
from bot.recovery.customer import Customer
from bot.recovery.errors import NotAllowed, UserError
from bot.sandbox.cast import FRONT_DESK, LEAD, MANAGER, OUTSIDER, SUPPORT
from bot.store.models import ApologyState, CaseStatus, CheckinOutcome, EventKind, NudgeState, utcnow
from tests.recovery.conftest import fire_now, kinds, log, nudges, owed

APOLOGY = (
    "Dear Jane, I am sorry we served you cold soup; that was our mistake. We will bring a fresh bowl today."
)


def fixed_case(db, policy, *, severity: str = "minor") -> None:
    """REC-1: logged, apologized for by the team lead, fixed by SUPPORT."""
    with db.session() as session:
        case = log(
            session, policy, severity=severity, customer=Customer(name="Jane Doe", email="jane@example.com")
        )
        apologies.approve(session, policy=policy, case=case, actor_id=LEAD.id, text=APOLOGY, as_written=True)
        fixes.assign_owner(
            session,
            policy=policy,
            case=case,
            owner_id=SUPPORT.id,
            due=utcnow() + timedelta(hours=1),
            actor_id=FRONT_DESK.id,
            profiles={},
        )
        fixes.mark_fixed(session, policy=policy, case=case, note="fresh soup served", actor_id=SUPPORT.id)


def answer(db, policy, outcome: CheckinOutcome, *, by: str = LEAD.id, key: str | None = None):
    with db.session() as session:
        case = cases.get_case(session, policy=policy, number=1)
        checkins.record_outcome(
            session, policy=policy, case=case, outcome=outcome, note="", actor_id=by, nudge_key=key
        )
        return case


def test_a_check_in_asks_whoever_apologized_with_what_was_fixed_and_the_customers_contact(db, policy):
    fixed_case(db, policy)
    fire_now(db, policy, "checkin:1:v1:1:a1")
    with db.session() as session:
        dm = owed(session)["nudge:checkin:1:v1:1:a1"]
        shown = str(dm.payload["blocks"])
        assert (
            dm.payload["channel"] == LEAD.id and "fresh soup served" in shown and "jane@example.com" in shown
        )
        assert kinds(session, cases.get_case(session, policy=policy, number=1))[-1] == EventKind.CHECKIN_ASKED


def test_all_good_on_every_check_in_says_the_case_is_ready_to_close(db, policy):
    fixed_case(db, policy)
    fire_now(db, policy, "checkin:1:v1:1:a1")
    answer(db, policy, CheckinOutcome.OK, key="checkin:1:v1:1:a1")
    with db.session() as session:
        sent = owed(session)
        assert "Ready to close" in sent["ready:1:v1"].payload["text"]
        assert sent["answered:checkin:1:v1:1:a1"].after_key == "nudge:checkin:1:v1:1:a1"


def test_a_check_in_is_answered_once(db, policy):
    fixed_case(db, policy)
    fire_now(db, policy, "checkin:1:v1:1:a1")
    answer(db, policy, CheckinOutcome.OK, key="checkin:1:v1:1:a1")
    with pytest.raises(UserError, match="already been answered"):
        answer(db, policy, CheckinOutcome.UNHAPPY, key="checkin:1:v1:1:a1")


def test_still_unhappy_reopens_the_case_and_takes_the_apology_one_level_up(db, policy):
    fixed_case(db, policy)
    fire_now(db, policy, "checkin:1:v1:1:a1")
    case = answer(db, policy, CheckinOutcome.UNHAPPY, key="checkin:1:v1:1:a1")
    assert (case.status, case.apology_state, case.apology_leader_id) == (
        CaseStatus.REOPENED,
        ApologyState.REQUESTED,
        MANAGER.id,
    )
    with db.session() as session:
        assert any(key.startswith("unhappy:1:") for key in owed(session))


def test_the_apology_after_a_reopen_is_posted_in_the_thread_and_told_to_the_reporter_too(db, policy):
    fixed_case(db, policy)
    fire_now(db, policy, "checkin:1:v1:1:a1")
    case = answer(db, policy, CheckinOutcome.UNHAPPY, key="checkin:1:v1:1:a1")
    second = APOLOGY.replace("cold soup", "cold soup twice")
    with db.session() as session:
        case = cases.get_case(session, policy=policy, number=1)
        apologies.approve(session, policy=policy, case=case, actor_id=MANAGER.id, text=second)
    with db.session() as session:
        sent = owed(session)
        posts = [row.payload["text"] for key, row in sent.items() if key.startswith("apology:1:")]
        told = [key for key in sent if key.startswith("reporter-told:1:")]
    assert len(posts) == 2 and any("cold soup twice" in text for text in posts)
    assert len(told) == 2


def test_couldnt_reach_them_tries_again_until_the_policys_attempts_are_spent(db, policy):
    fixed_case(db, policy)  # the demo policy: two attempts
    fire_now(db, policy, "checkin:1:v1:1:a1")
    answer(db, policy, CheckinOutcome.UNREACHABLE, key="checkin:1:v1:1:a1")
    with db.session() as session:
        assert nudges(session, cases.get_case(session, policy=policy, number=1))["checkin:1:v1:1:a2"] == (
            NudgeState.PENDING
        )
    fire_now(db, policy, "checkin:1:v1:1:a2")
    answer(db, policy, CheckinOutcome.UNREACHABLE, key="checkin:1:v1:1:a2")
    with db.session() as session:
        states = nudges(session, cases.get_case(session, policy=policy, number=1))
        assert "checkin:1:v1:1:a3" not in states and "gave-up:checkin:1:v1:1:a2" in owed(session)


def test_check_ins_start_once_the_fix_is_done(db, policy):
    with db.session() as session:
        log(session, policy)
    with pytest.raises(UserError, match="not fixed yet"):
        answer(db, policy, CheckinOutcome.OK)


def test_only_whoever_apologized_someone_higher_or_an_admin_answers_a_check_in(db, policy):
    fixed_case(db, policy)
    fire_now(db, policy, "checkin:1:v1:1:a1")
    for person in (OUTSIDER, SUPPORT, FRONT_DESK):
        with pytest.raises(NotAllowed):
            answer(db, policy, CheckinOutcome.OK, by=person.id)
    answer(db, policy, CheckinOutcome.OK, by=MANAGER.id)  # higher on the ladder than the team lead
