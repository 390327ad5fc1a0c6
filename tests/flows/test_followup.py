"""Closing the loop end to end: check-ins until the customer is okay, improvements, close and reopen."""

import pytest
from sqlmodel import select

from bot.recovery.messages.ids import Action, Input
from bot.sandbox.cast import COMPLAINTS, DEMO_POLICY, FRONT_DESK, LEAD, MANAGER, OUTSIDER, SUPPORT
from bot.sandbox.rig import Rig
from bot.store.models import Nudge
from tests.helpers import all_cases, block_text, bot_posts, events, policy_file

QUICK = {
    'checkins = ["4s"]': 'checkins = ["1s"]',
    'checkins = ["3s", "6s"]': 'checkins = ["1s"]',
    'checkin_retry = "3s"': 'checkin_retry = "1s"',
}


@pytest.fixture
def loop(tmp_path):
    with Rig(policy_path=policy_file(tmp_path, DEMO_POLICY, QUICK)) as rig:
        yield rig


def reply(rig, delivery) -> str:
    rig.service.settle()
    return " ".join(block_text(r.body) for r in rig.standin.responses if r.url == delivery.response_url)


def fixed_case(
    rig, text="Customer: Ana Ruiz says the toast at breakfast was a little overdone this morning."
) -> str:
    """A minor case, apologized for by the team lead and fixed; returns its thread ts."""
    ts, _ = rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, text)
    rig.service.settle()
    request = next(m for m in rig.standin.dm(LEAD.id) if "Apology needed" in m["text"])
    button = next(e for b in request["blocks"] if b["type"] == "actions" for e in b["elements"])
    rig.driver.block_action(
        LEAD.id, Action.APPROVE_APOLOGY, value=button["value"], message=(request["channel"], request["ts"])
    )
    rig.service.settle()
    rig.driver.command(FRONT_DESK.id, f"owner REC-1 <@{SUPPORT.id}> due in 1 hour")
    rig.service.settle()
    rig.driver.command(SUPPORT.id, "fixed REC-1 Remade the order and sent it up")
    rig.service.settle()
    return ts


def checkin_dms(rig, who=LEAD) -> list[dict]:
    return [m for m in rig.standin.dm(who.id) if "is everything okay?" in (m.get("text") or "")]


def press(rig, who, action_id, message):
    value = next(
        e["value"]
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == action_id
    )
    delivery = rig.driver.block_action(
        who.id, action_id, value=value, message=(message["channel"], message["ts"])
    )
    rig.service.settle()
    return delivery


def test_after_the_fix_whoever_apologized_checks_in_and_all_good_makes_it_ready_to_close(loop):
    ts = fixed_case(loop)
    [dm] = loop.standin.wait_for(lambda: checkin_dms(loop), what="the check-in DM")
    shown = block_text(dm)
    assert "Time to check in with Ana Ruiz about REC-1: is everything okay?" in shown
    assert "Remade the order and sent it up" in shown
    assert all_cases(loop)[0].status == "following_up"
    refused = press(loop, OUTSIDER, Action.CHECKIN_OK, dm)
    assert any(
        "only they, someone higher, or an admin" in r.text
        for r in loop.standin.responses
        if r.url == refused.response_url
    )
    press(loop, LEAD, Action.CHECKIN_OK, dm)
    assert "all good" in loop.standin.message(dm["channel"], dm["ts"])["text"]
    assert any("Ready to close" in m["text"] for m in bot_posts(loop, COMPLAINTS, thread_ts=ts))
    assert [e.data["outcome"] for e in events(loop, 1, "checkin")] == ["ok"]
    again = press(loop, LEAD, Action.CHECKIN_OK, dm)
    assert "already been answered" in " ".join(
        r.text for r in loop.standin.responses if r.url == again.response_url
    )


def test_answering_two_fired_check_ins_says_ready_to_close_once(tmp_path):
    both = {
        'checkins = ["4s"]': 'checkins = ["1s", "2s"]',
        'checkins = ["3s", "6s"]': 'checkins = ["1s", "2s"]',
    }
    with Rig(policy_path=policy_file(tmp_path, DEMO_POLICY, both)) as rig:
        ts = fixed_case(rig)
        first, second = rig.standin.wait_for(
            lambda: (dms := checkin_dms(rig)) and len(dms) == 2 and dms, what="both check-in DMs"
        )
        press(rig, LEAD, Action.CHECKIN_OK, first)
        press(rig, LEAD, Action.CHECKIN_OK, second)
        ready = [m for m in bot_posts(rig, COMPLAINTS, thread_ts=ts) if "Ready to close" in m["text"]]
        assert len(ready) == 1
        assert [e.data["outcome"] for e in events(rig, 1, "checkin")] == ["ok", "ok"]


def test_still_unhappy_reopens_escalates_and_tells_the_thread(loop):
    ts = fixed_case(loop)
    [dm] = loop.standin.wait_for(lambda: checkin_dms(loop), what="the check-in DM")
    press(loop, LEAD, Action.CHECKIN_UNHAPPY, dm)
    [case] = all_cases(loop)
    assert (case.status, case.apology_leader_id, case.apology_state) == ("reopened", MANAGER.id, "requested")
    assert any("still unhappy" in m["text"] for m in bot_posts(loop, COMPLAINTS, thread_ts=ts))
    assert any("Apology needed: REC-1" in m["text"] for m in loop.standin.dm(MANAGER.id))


def test_couldnt_reach_them_tries_again_up_to_the_policy_limit(loop):
    ts = fixed_case(loop)
    [first] = loop.standin.wait_for(lambda: checkin_dms(loop), what="the first check-in")
    press(loop, LEAD, Action.CHECKIN_UNREACHABLE, first)
    second = loop.standin.wait_for(
        lambda: [m for m in checkin_dms(loop) if m["ts"] != first["ts"]], what="the retry"
    )[0]
    press(loop, LEAD, Action.CHECKIN_UNREACHABLE, second)
    assert any("after 2 tries" in m["text"] for m in bot_posts(loop, COMPLAINTS, thread_ts=ts))
    with loop.service.runtime.db.session() as session:
        assert not session.exec(select(Nudge).where(Nudge.kind == "checkin", Nudge.state == "pending")).all()


def test_typed_checkin_improve_close_and_reopen(loop):
    loop.driver.command(
        FRONT_DESK.id, "new Customer: Omar Haddad was overcharged $1,240 and says never again"
    )
    loop.service.settle()
    assert "is not fixed yet" in reply(loop, loop.driver.command(FRONT_DESK.id, "checkin REC-1 ok"))
    refusal = reply(loop, loop.driver.command(FRONT_DESK.id, "close REC-1"))
    assert "can't close until we record what we changed" in refusal and "Record improvement" in refusal
    assert "Usage" in reply(loop, loop.driver.command(FRONT_DESK.id, "improve REC-1 no arrow here"))
    # Slack escapes the arrow in command text as =&gt;
    answer = reply(
        loop,
        loop.driver.command(
            FRONT_DESK.id,
            "improve REC-1 a double charge on retries =&gt; the payment page now blocks a second submit",
        ),
    )
    assert "Recorded on *REC-1*" in answer
    [case] = all_cases(loop)
    [improvement] = events(loop, case.id, "improvement")
    assert improvement.data == {
        "root_cause": "a double charge on retries",
        "change": "the payment page now blocks a second submit",
    }
    assert "Nothing was changed" in reply(loop, loop.driver.command(OUTSIDER.id, "close REC-1"))
    assert "is closed" in reply(loop, loop.driver.command(FRONT_DESK.id, "close REC-1"))
    with loop.service.runtime.db.session() as session:
        assert not session.exec(select(Nudge).where(Nudge.state == "pending", Nudge.case_id == 1)).all()
    assert "already closed" in reply(loop, loop.driver.command(FRONT_DESK.id, "close REC-1"))
    assert "is reopened" in reply(loop, loop.driver.command(FRONT_DESK.id, "reopen REC-1 he wrote again"))
    assert all_cases(loop)[0].status == "reopened"
    shown = reply(loop, loop.driver.command(FRONT_DESK.id, "show REC-1"))
    for step in ("logged it", "apology requested", "what we changed", "closed it", "reopened it"):
        assert step in shown


def test_the_record_improvement_button_and_modal(loop):
    loop.driver.command(FRONT_DESK.id, "new The lift was broken for two days")
    loop.service.settle()
    [card] = bot_posts(loop, COMPLAINTS)
    loop.driver.block_action(
        FRONT_DESK.id, Action.RECORD_IMPROVEMENT, value="1", message=(COMPLAINTS, card["ts"])
    )
    loop.service.settle()
    [view] = loop.standin.opened_views(FRONT_DESK.id)
    blank = loop.driver.view_submission(
        FRONT_DESK.id,
        view["id"],
        {Input.ROOT_CAUSE: {Input.ROOT_CAUSE: {"type": "plain_text_input", "value": ""}}},
    )
    assert set(blank.json["errors"]) == {Input.ROOT_CAUSE, Input.CHANGE}
    values = {
        Input.ROOT_CAUSE: {
            Input.ROOT_CAUSE: {"type": "plain_text_input", "value": "no maintenance contract"}
        },
        Input.CHANGE: {
            Input.CHANGE: {"type": "plain_text_input", "value": "signed a 24h maintenance contract"}
        },
    }
    assert loop.driver.view_submission(FRONT_DESK.id, view["id"], values).status == 200
    loop.service.settle()
    assert any("signed a 24h maintenance contract" in m["text"] for m in bot_posts(loop, COMPLAINTS))
