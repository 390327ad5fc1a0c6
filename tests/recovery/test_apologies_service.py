"""The apology as a state machine, driven through its services on a real SQLite session (no Slack)."""

import pytest
from sqlalchemy import event

from bot.recovery import apologies, cases, intake
from bot.recovery.errors import NotAllowed, UserError
from bot.sandbox.cast import ADMIN, COMPLAINTS, DIRECTOR, EXECUTIVE, FRONT_DESK, LEAD, MANAGER, OUTSIDER
from bot.store.models import ApologyState, Case, CaseStatus, EventKind, NudgeState, Outbox, OutboxState
from tests.recovery.conftest import fire_now, kinds, log, nudges, owed

GOOD = (
    "Dear guest, I am sorry we served you cold soup tonight; that was our mistake. "
    "We will bring you a fresh bowl within ten minutes."
)


def test_a_new_case_asks_the_lowest_level_its_severity_needs_and_starts_its_clock(db, policy):
    with db.session() as session:
        case = log(session, policy, severity="minor")
        assert (case.apology_state, case.apology_leader_id, case.apology_level) == (
            ApologyState.REQUESTED,
            LEAD.id,
            "team_lead",
        )
        assert (case.status, case.apology_round) == (CaseStatus.APOLOGY_REQUESTED, 1)
        assert nudges(session, case) == {"apology:1:r1": NudgeState.PENDING}
        sent = owed(session)
        assert (
            sent["apology-dm:1:r1"].payload["channel"] == LEAD.id
            and sent["apology-dm:1:r1"].payload["blocks"]
        )
        assert sent["card:1"].purpose == "card" and sent["card:1"].payload["channel"] == COMPLAINTS
        assert f"home:{LEAD.id}:apology-dm:1:r1" in sent
        assert kinds(session, case) == [EventKind.LOGGED, EventKind.APOLOGY_REQUESTED]


def test_escalating_asks_one_level_up_and_turns_the_earlier_dm_into_a_note(db, policy):
    with db.session() as session:
        case = log(session, policy, severity="minor")
        apologies.escalate(session, policy=policy, case=case, actor_id=LEAD.id, reason="needs a manager")
        assert (case.apology_round, case.apology_leader_id, case.apology_level) == (2, MANAGER.id, "manager")
        assert nudges(session, case) == {
            "apology:1:r1": NudgeState.CANCELLED,
            "apology:1:r2": NudgeState.PENDING,
        }
        moved = owed(session)["moved:apology-dm:1:r1"]
        assert (moved.method, moved.after_key, moved.payload["blocks"]) == (
            "chat.update",
            "apology-dm:1:r1",
            [],
        )


def test_nobody_answering_in_time_escalates_and_at_the_top_it_is_sent_again(db, policy):
    with db.session() as session:
        case = log(session, policy, severity="critical")
        assert case.apology_leader_id == EXECUTIVE.id
    fire_now(db, policy, "apology:1:r1")
    with db.session() as session:
        case = cases.get_case(session, policy=policy, number=1)
        assert (case.apology_round, case.apology_leader_id) == (2, EXECUTIVE.id)
        assert kinds(session, case)[-1] == EventKind.ESCALATED
        assert "sent again" in owed(session)["moved:apology-dm:1:r1"].payload["text"]


def test_only_the_person_asked_someone_higher_or_an_admin_may_act_on_the_request(db, policy):
    with db.session() as session:
        log(session, policy, severity="minor")
        for person in (LEAD, DIRECTOR, ADMIN):
            apologies.open_request(session, policy=policy, case_id=1, round_=1, actor_id=person.id)
        for person in (OUTSIDER, FRONT_DESK):
            with pytest.raises(NotAllowed):
                apologies.open_request(session, policy=policy, case_id=1, round_=1, actor_id=person.id)


def test_a_request_that_moved_on_can_no_longer_be_acted_on(db, policy):
    with db.session() as session:
        case = log(session, policy, severity="minor")
        apologies.hand_over(session, policy=policy, case=case, actor_id=LEAD.id, to_id=MANAGER.id)
        with pytest.raises(UserError, match="moved on"):
            apologies.open_request(session, policy=policy, case_id=1, round_=1, actor_id=LEAD.id)
        assert (
            apologies.open_request(session, policy=policy, case_id=1, round_=2, actor_id=MANAGER.id) is case
        )


def test_approving_posts_the_apology_tells_the_reporter_and_stops_the_clock(db, policy):
    with db.session() as session:
        case = log(session, policy, severity="minor")
        apologies.approve(session, policy=policy, case=case, actor_id=LEAD.id, text=GOOD)
        assert (case.apology_state, case.apology_by, case.status) == (
            ApologyState.APPROVED,
            LEAD.id,
            CaseStatus.APOLOGIZED,
        )
        assert case.apology_errors == 0 and nudges(session, case) == {"apology:1:r1": NudgeState.CANCELLED}
        sent = owed(session)
        assert sent["apology:1:r1"].after_key == "card:1" and GOOD in sent["apology:1:r1"].payload["text"]
        assert sent["approved:apology-dm:1:r1"].method == "chat.update"
        assert sent["reporter-told:1:r1"].payload["channel"] == FRONT_DESK.id
        [approved] = [e for e in cases.timeline(session, case=case) if e.kind == EventKind.APOLOGIZED]
        assert approved.data["on_target"] is True and approved.data["as_written"] is False


def test_quality_errors_block_an_apology_unless_it_is_sent_as_written(db, policy):
    with db.session() as session:
        case = log(session, policy, severity="minor")
        with pytest.raises(UserError, match="quality errors"):
            apologies.approve(
                session, policy=policy, case=case, actor_id=LEAD.id, text="Sorry if you were upset."
            )
        assert case.apology_state == ApologyState.REQUESTED
        apologies.approve(
            session,
            policy=policy,
            case=case,
            actor_id=LEAD.id,
            text="Sorry if you were upset.",
            as_written=True,
        )
        assert case.apology_state == ApologyState.APPROVED and case.apology_errors > 0


def test_a_severity_that_needs_a_higher_level_reroutes_the_open_request(db, policy):
    with db.session() as session:
        case = log(session, policy, severity="minor")
        intake.change_severity(
            session, policy=policy, case=case, severity="major", reason="a wedding ruined", actor_id=LEAD.id
        )
        assert (case.apology_round, case.apology_leader_id) == (2, DIRECTOR.id)
        assert "card-update:1:" in " ".join(owed(session))


def test_the_case_card_going_out_starts_the_cases_thread_once(db, policy):
    with db.session() as session:
        case = log(session, policy, severity="minor")
        sent = Outbox(key="card:1", case_id=case.id, method="chat.postMessage", state=OutboxState.SENT)
        sent.result_channel, sent.result_ts = COMPLAINTS, "1700000000.000100"
        cases.thread_started(session, sent)
        sent.result_ts = "1700000099.000100"
        cases.thread_started(session, sent)  # a second delivery record never moves the thread
        session.refresh(case)
        assert (case.thread_channel, case.thread_ts) == (COMPLAINTS, "1700000000.000100")


def test_a_new_case_is_written_in_one_insert_already_asking_its_leader(db, policy):
    written: list[str] = []

    def note(conn, cursor, statement, *args):
        written.append(
            statement.split()[0].upper() + (" case" if '"case"' in statement.split("(")[0] else "")
        )

    event.listen(db.engine, "before_cursor_execute", note)
    with db.session() as session:
        case = log(session, policy, severity="minor")
    event.remove(db.engine, "before_cursor_execute", note)
    assert written.count("INSERT case") == 1 and "UPDATE case" not in written  # no flush, no second write
    assert not [s for s in written if s in ("SAVEPOINT", "RELEASE")]
    with db.reading() as session:
        stored = session.get(Case, case.id)
        assert (stored.apology_state, stored.apology_leader_id, stored.apology_round, stored.status) == (
            ApologyState.REQUESTED,
            LEAD.id,
            1,
            CaseStatus.APOLOGY_REQUESTED,
        )
        assert stored.apology_draft and stored.updated_at == stored.created_at
        assert kinds(session, stored) == [EventKind.LOGGED, EventKind.APOLOGY_REQUESTED]


def test_a_complaint_logged_alone_writes_its_rows_in_one_statement_a_table(db, policy):
    tables: list[str] = []

    def note(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("INSERT"):
            tables.append(statement.split()[2].strip('"'))

    event.listen(db.engine, "before_cursor_execute", note)
    with db.session() as session:  # `/recover new`: no batch of events around it
        case = log(session, policy, severity="minor")
        assert (
            len(owed(session)) == 3
        )  # written before log_complaint returned: the card, the DM, the Home tab
    event.remove(db.engine, "before_cursor_execute", note)
    assert sorted(tables) == ["case", "nudge", "outbox", "timelineevent"]
    with db.reading() as session:
        assert kinds(session, session.get(Case, case.id)) == [EventKind.LOGGED, EventKind.APOLOGY_REQUESTED]


def test_the_case_returned_by_a_new_complaint_is_changed_in_the_same_transaction(db, policy):
    with db.session() as session:
        case = log(session, policy, severity="minor")
        apologies.escalate(session, policy=policy, case=case, actor_id=LEAD.id, reason="needs a manager")
    with db.reading() as session:
        stored = session.get(Case, case.id)
        assert (stored.apology_round, stored.apology_level) == (2, "manager")
        assert kinds(session, stored)[-1] == EventKind.APOLOGY_REQUESTED
