"""Long and odd inputs, end to end: nothing the bot sends for them is a payload Slack would refuse.

The rig is strict (`Rig(strict=True)`, the default): leaving it raises RefusedBySlack when the
stand-in refused anything the bot sent, so each test here also asserts that by finishing.
"""

import pytest

from bot.recovery.messages.ids import Action, Input
from bot.sandbox.cast import COMPLAINTS, DEMO_POLICY, FRONT_DESK, LEAD, SUPPORT
from bot.sandbox.rig import Rig
from tests.flows.test_followup import QUICK
from tests.helpers import all_cases, bot_posts, policy_file

EMOJI = "😡🍲🔥👩🏽‍🍳🇯🇵"
LINES = "\n".join(f"line {n}: the soup was cold {EMOJI}" for n in range(400))  # ~14,000 characters
SHORT_LINES = "\n".join("x" for _ in range(3000))  # a line per character: quoting doubles it
NAME = "Grace " + "Kimberly-Ann " * 40 + EMOJI

COMPLAINTS_TEXT = {
    "many lines": f"Customer: Grace Kim says\n{LINES}",
    "a line per character": f"Customer: Grace Kim says the soup was cold\n{SHORT_LINES}",
    "one long line": "Customer: Grace Kim says the soup was cold " + "and salty " * 3000,
    "a long name": f"Customer: {NAME} says the soup was cold and nobody came back to the table.",
    "emoji only": "Customer: 👩🏽‍🍳 says " + EMOJI * 2000,
}


def value(block_id: str, text: str) -> dict:
    return {block_id: {block_id: {"type": "plain_text_input", "value": text}}}


def requests(rig, leader_id: str) -> list[dict]:
    return [m for m in rig.standin.dm(leader_id) if "Apology needed" in (m.get("text") or "")]


def press(rig, user_id: str, action_id: str, message: dict) -> None:
    button = next(
        e
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == action_id
    )
    rig.driver.block_action(
        user_id, action_id, value=button["value"], message=(message["channel"], message["ts"])
    )
    rig.service.settle()


@pytest.mark.parametrize("text", COMPLAINTS_TEXT.values(), ids=COMPLAINTS_TEXT.keys())
def test_a_long_or_odd_complaint_makes_no_payload_slack_refuses(rig, text):
    ts, _ = rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, text)
    rig.service.settle()
    [case] = all_cases(rig)
    assert bot_posts(rig, COMPLAINTS, thread_ts=ts), "the card was posted"
    leader = case.apology_leader_id
    [request] = requests(rig, leader)
    press(rig, leader, Action.EDIT_APOLOGY, request)  # the draft, long as it is, in a modal
    [view] = rig.standin.opened_views(leader)
    apology = f"We are sorry, Grace. {EMOJI}\n" + "We will fix the soup by Friday.\n" * 120
    rig.driver.view_submission(leader, view["id"], value(Input.APOLOGY_TEXT, apology[:3000]))
    rig.service.settle()
    for command in (f"show REC-{case.id}", "list", "stats", f"timeline REC-{case.id}"):
        rig.driver.command(SUPPORT.id, command)
    rig.driver.app_home_opened(leader)
    rig.service.settle()
    assert rig.standin.refused == []


def test_a_long_summary_edited_in_the_details_modal_makes_no_payload_slack_refuses(rig):
    ts, _ = rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, COMPLAINTS_TEXT["many lines"])
    rig.service.settle()
    [card] = bot_posts(rig, COMPLAINTS, thread_ts=ts)[:1]
    press(rig, FRONT_DESK.id, Action.EDIT_DETAILS, card)
    [view] = rig.standin.opened_views(FRONT_DESK.id)
    rig.driver.view_submission(FRONT_DESK.id, view["id"], value(Input.SUMMARY, SHORT_LINES))
    rig.service.settle()
    rig.driver.command(FRONT_DESK.id, "new " + SHORT_LINES)
    rig.service.settle()
    assert rig.standin.refused == []


LONG_EMAIL = "grace." + "k" * 300 + "@example.com"  # 318 characters: the column holds 320
LONG_PHONE = "+1 415 555 0199 " + "0" * 40


def test_long_contact_details_fill_the_log_and_details_modals_without_a_refusal(rig):
    text = f"Customer: {NAME} ({LONG_EMAIL}, {LONG_PHONE}) says the soup was cold.\n{SHORT_LINES}"
    ts, _ = rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, text)
    rig.service.settle()
    card = next(m for m in bot_posts(rig, COMPLAINTS, thread_ts=ts) if m.get("blocks"))
    press(rig, FRONT_DESK.id, Action.EDIT_DETAILS, card)  # the contact line, e-mail and phone, in a modal
    [view] = rig.standin.opened_views(FRONT_DESK.id)
    assert LONG_EMAIL in str(view["blocks"])
    assert rig.standin.refused == []


def test_a_long_fix_note_and_long_improvements_make_a_check_in_slack_takes(tmp_path):
    with Rig(policy_path=policy_file(tmp_path, DEMO_POLICY, QUICK)) as rig:
        rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, "Customer: Ana Ruiz says the toast was overdone.")
        rig.service.settle()
        [request] = requests(rig, LEAD.id)
        press(rig, LEAD.id, Action.APPROVE_APOLOGY, request)
        for command in (
            f"improve REC-1 {'the toaster ' * 300}=> {'we changed it ' * 280}",
            f"improve REC-1 {EMOJI * 300}=> {EMOJI * 400}",
            f"owner REC-1 <@{SUPPORT.id}> due in 1 hour",
            "fixed REC-1 " + "Remade the order and sent it up. " * 120,
        ):
            rig.driver.command(SUPPORT.id if command.startswith("fixed") else FRONT_DESK.id, command)
            rig.service.settle()
        rig.standin.wait_for(
            lambda: any("is everything okay?" in (m.get("text") or "") for m in rig.standin.dm(LEAD.id)),
            what="the check-in DM",
        )
        assert rig.standin.refused == []
