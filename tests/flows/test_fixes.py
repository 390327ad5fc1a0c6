"""Fix owners, deadlines and reminders end to end, with a policy written in seconds."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from bot.recovery.messages.ids import Action, Input
from bot.sandbox.cast import COMPLAINTS, DEMO_POLICY, DIRECTOR, FRONT_DESK, MANAGER, OUTSIDER, SUPPORT
from bot.sandbox.rig import Rig
from bot.store.models import Nudge, Outbox, utcnow
from tests.helpers import all_cases, block_text, events, policy_file, wait_until

FAST = {
    'before_due = ["6s", "3s"]': 'before_due = ["2s", "1s"]',
    'overdue_every = "3s"': 'overdue_every = "1s"',
    'escalate_overdue_after = "5s"': 'escalate_overdue_after = "2s"',
}


@pytest.fixture
def fast(tmp_path):
    with Rig(policy_path=policy_file(tmp_path, DEMO_POLICY, FAST)) as rig:
        yield rig


def reply(rig, delivery) -> str:
    rig.service.settle()
    return " ".join(block_text(r.body) for r in rig.standin.responses if r.url == delivery.response_url)


def dms(rig, user_id) -> list[dict]:
    return [m for m in rig.standin.dm(user_id) if m.get("bot_id") == rig.standin.bot_id]


def nudges(rig, case_id=1) -> list[Nudge]:
    with rig.service.runtime.db.session() as session:
        return list(session.exec(select(Nudge).where(Nudge.case_id == case_id).order_by(Nudge.id)))


def new_case(rig, text="The spa booking for Ms. Alvarez was lost; she waited 40 minutes.") -> None:
    rig.driver.command(FRONT_DESK.id, f"new {text}")
    rig.service.settle()


def test_the_whole_reminder_sequence_then_mark_fixed_stops_it(fast):
    new_case(fast)
    answer = reply(
        fast, fast.driver.command(FRONT_DESK.id, f"owner REC-1 <@{SUPPORT.id}|sam> due in 4 seconds")
    )
    assert f"<@{SUPPORT.id}> now owns the fix for *REC-1*" in answer
    [owner_dm] = fast.standin.wait_for(lambda: dms(fast, SUPPORT.id), what="the owner's DM")
    assert "asked you to fix *REC-1*" in block_text(owner_dm) and "[Mark fixed]" not in block_text(owner_dm)
    leader = fast.standin.wait_for(
        lambda: [m for m in dms(fast, MANAGER.id) if "Heads-up" in m["text"]],
        timeout=20,
        what="the leader's heads-up",
    )
    assert "overdue" in leader[0]["text"] and "REC-1" in leader[0]["text"]
    texts = [m["text"] for m in dms(fast, SUPPORT.id)]
    assert texts[0].startswith("You own the fix for REC-1")
    kinds = [
        "before" if "Reminder" in t else "due" if "due *now*" in t else "overdue" if "overdue" in t else t
        for t in texts[1:]
    ]
    assert kinds[:3] == ["before", "before", "due"] and "overdue" in kinds[3:]
    fast.driver.block_action(
        SUPPORT.id, Action.MARK_FIXED, value="1", message=(owner_dm["channel"], owner_dm["ts"])
    )
    fast.service.settle()
    assert all(n.state in ("done", "cancelled") for n in nudges(fast) if n.kind.startswith("fix"))
    [case] = all_cases(fast)
    assert case.fix_status == "fixed" and case.status == "following_up"  # check-ins are scheduled
    assert "marked fixed" in fast.standin.message(owner_dm["channel"], owner_dm["ts"])["text"]
    # the clock keeps running: a later reminder of another case fires, and REC-1 gets nothing more
    before = len(dms(fast, SUPPORT.id))
    new_case(fast, "Second case to prove the clock moved on.")
    fast.driver.command(FRONT_DESK.id, f"owner REC-2 <@{DIRECTOR.id}> due in 2 seconds")
    fast.standin.wait_for(
        lambda: any("due *now*" in m["text"] for m in dms(fast, DIRECTOR.id)), what="REC-2 due"
    )
    assert len(dms(fast, SUPPORT.id)) == before


def test_need_more_time_reschedules_and_tells_the_leader(fast):
    new_case(fast)
    fast.driver.command(FRONT_DESK.id, f"owner REC-1 <@{SUPPORT.id}> due in 3 seconds")
    [owner_dm] = fast.standin.wait_for(lambda: dms(fast, SUPPORT.id), what="the owner's DM")
    fast.driver.block_action(
        SUPPORT.id, Action.NEED_MORE_TIME, value="1", message=(owner_dm["channel"], owner_dm["ts"])
    )
    fast.service.settle()
    [view] = fast.standin.opened_views(SUPPORT.id)
    bad = fast.driver.view_submission(
        SUPPORT.id,
        view["id"],
        {
            Input.FIX_DUE: {Input.FIX_DUE: {"type": "plain_text_input", "value": "last tuesday"}},
            Input.REASON: {Input.REASON: {"type": "plain_text_input", "value": "waiting on the supplier"}},
        },
    )
    assert "already passed" in bad.json["errors"][Input.FIX_DUE]
    good = fast.driver.view_submission(
        SUPPORT.id,
        view["id"],
        {
            Input.FIX_DUE: {Input.FIX_DUE: {"type": "plain_text_input", "value": "in 5 seconds"}},
            Input.REASON: {Input.REASON: {"type": "plain_text_input", "value": "waiting on the supplier"}},
        },
    )
    assert good.status == 200
    fast.service.settle()
    [heads_up] = [m for m in dms(fast, MANAGER.id) if "moved the fix deadline" in m["text"]]
    assert "moved the fix deadline" in heads_up["text"] and "waiting on the supplier" in heads_up["text"]
    [case] = all_cases(fast)
    due = fast.standin.wait_for(
        lambda: [m for m in dms(fast, SUPPORT.id) if "due *now*" in m["text"]], what="due DM"
    )
    assert float(due[0]["ts"]) >= case.fix_due_at.timestamp() - 0.01
    sent = [n.key for n in nudges(fast) if n.state == "done"]
    assert sent and all(":v2:" in key for key in sent)
    assert all(n.state == "cancelled" for n in nudges(fast) if ":v1:" in n.key)


def test_reminders_wait_for_the_end_of_the_owners_quiet_hours(tmp_path):
    now = datetime.now(ZoneInfo("America/New_York"))
    start, end = (now - timedelta(hours=1)).strftime("%H:%M"), (now + timedelta(hours=2)).strftime("%H:%M")
    quiet = {**FAST, "checkin_retry": f'quiet_hours = "{start}-{end}"\ncheckin_retry'}
    with Rig(policy_path=policy_file(tmp_path, DEMO_POLICY, quiet)) as rig:
        new_case(rig)
        rig.driver.command(FRONT_DESK.id, f"owner REC-1 <@{SUPPORT.id}> due in 2 seconds")
        due = wait_until(
            lambda: [n for n in nudges(rig) if n.key.endswith(":due") and n.deferrals], what="deferral"
        )[0]
        ends = now.replace(second=0, microsecond=0) + timedelta(hours=2)
        assert abs(due.due_at.timestamp() - ends.timestamp()) < 61
        rig.service.settle()
        assert [m["text"] for m in dms(rig, SUPPORT.id)] == [m["text"] for m in dms(rig, SUPPORT.id)[:1]]
        assert any(e.kind == "deferred" for e in events(rig, 1))


def test_show_lists_what_is_scheduled(fast):
    new_case(fast)
    reply(fast, fast.driver.command(FRONT_DESK.id, f"owner REC-1 <@{SUPPORT.id}> due in 1 hour"))
    shown = reply(fast, fast.driver.command(FRONT_DESK.id, "show REC-1"))
    assert "Scheduled" in shown and "fix reminder to" in shown and "heads-up to" in shown


def test_fixed_by_command_and_the_typed_grammar(fast):
    new_case(fast)
    assert "has no fix owner yet" in reply(fast, fast.driver.command(FRONT_DESK.id, "fixed REC-1"))
    assert "mention the owner" in reply(fast, fast.driver.command(FRONT_DESK.id, "owner REC-1 sam"))
    assert "can't tell who" in reply(fast, fast.driver.command(FRONT_DESK.id, "owner REC-1 @sam due fri"))
    assert "can't read “whenever”" in reply(
        fast, fast.driver.command(FRONT_DESK.id, f"owner REC-1 <@{SUPPORT.id}> due whenever")
    )
    assert "already passed" in reply(
        fast, fast.driver.command(FRONT_DESK.id, f"owner REC-1 <@{SUPPORT.id}> due yesterday")
    )
    assert all_cases(fast)[0].fix_status == "none"
    answer = reply(fast, fast.driver.command(FRONT_DESK.id, f"owner REC-1 <@{SUPPORT.id}>"))
    assert "now owns the fix" in answer  # no deadline given: the policy's fix_within target
    assert "Nothing was changed" in reply(fast, fast.driver.command(OUTSIDER.id, "fixed REC-1"))
    assert "due" in reply(fast, fast.driver.command(SUPPORT.id, "due REC-1 tomorrow 5pm"))
    [case] = all_cases(fast)
    local = case.fix_due_at.astimezone(ZoneInfo("America/New_York"))
    assert (local.hour, local.minute) == (17, 0) and local.date() > utcnow().astimezone(local.tzinfo).date()
    assert "marked fixed" in reply(
        fast, fast.driver.command(SUPPORT.id, "fixed REC-1 replaced the booking system entry")
    )
    assert "already marked fixed" in reply(fast, fast.driver.command(SUPPORT.id, "fixed REC-1"))
    assert [e.kind for e in events(fast, 1)].count("fixed") == 1
    listing = reply(fast, fast.driver.command(SUPPORT.id, "list mine"))
    assert "REC-1" in listing


def test_the_assign_button_opens_a_person_and_date_time_picker(fast):
    new_case(fast)
    [card] = [m for m in fast.standin.messages(COMPLAINTS) if m.get("bot_id")]
    fast.driver.block_action(FRONT_DESK.id, Action.ASSIGN_OWNER, value="1", message=(COMPLAINTS, card["ts"]))
    fast.service.settle()
    [view] = fast.standin.opened_views(FRONT_DESK.id)
    past = fast.driver.view_submission(
        FRONT_DESK.id,
        view["id"],
        {
            Input.FIX_OWNER: {Input.FIX_OWNER: {"type": "users_select", "selected_user": SUPPORT.id}},
            Input.FIX_DUE: {
                Input.FIX_DUE: {
                    "type": "datetimepicker",
                    "selected_date_time": int(utcnow().timestamp()) - 60,
                }
            },
        },
    )
    assert Input.FIX_DUE in past.json["errors"]
    due = int(utcnow().timestamp()) + 3600
    ok = fast.driver.view_submission(
        FRONT_DESK.id,
        view["id"],
        {
            Input.FIX_OWNER: {Input.FIX_OWNER: {"type": "users_select", "selected_user": SUPPORT.id}},
            Input.FIX_DUE: {Input.FIX_DUE: {"type": "datetimepicker", "selected_date_time": due}},
        },
    )
    assert ok.status == 200
    fast.service.settle()
    [case] = all_cases(fast)
    assert (case.fix_owner_id, int(case.fix_due_at.timestamp())) == (SUPPORT.id, due)
    assert f"<@{SUPPORT.id}> by" in block_text(fast.standin.message(COMPLAINTS, card["ts"]))
    with fast.service.runtime.db.session() as session:
        assert session.exec(select(Outbox).where(Outbox.key == "owner-dm:1:v1")).one().state == "sent"


def test_marking_fixed_after_more_time_still_updates_the_owners_dm(fast):
    new_case(fast)
    fast.driver.command(FRONT_DESK.id, f"owner REC-1 <@{SUPPORT.id}> due in 1 hour")
    [owner_dm] = fast.standin.wait_for(lambda: dms(fast, SUPPORT.id), what="the owner's DM")
    fast.driver.command(SUPPORT.id, "due REC-1 in 2 hours")
    fast.driver.block_action(
        SUPPORT.id, Action.MARK_FIXED, value="1", message=(owner_dm["channel"], owner_dm["ts"])
    )
    fast.service.settle()
    assert "marked fixed by" in fast.standin.message(owner_dm["channel"], owner_dm["ts"])["text"]
    with fast.service.runtime.db.session() as session:
        assert not session.exec(select(Outbox).where(col(Outbox.state).not_in(("sent", "superseded")))).all()
