"""Apology at the right level, end to end: routing, who may act, approval, edits, escalation, gestures."""

import json
import subprocess
import sys

import pytest

from bot.recovery.messages.ids import Action, Input
from bot.recovery.quality.check import check_apology
from bot.sandbox.cast import (
    COMPLAINTS,
    DEMO_POLICY,
    DIRECTOR,
    EXECUTIVE,
    FRONT_DESK,
    LEAD,
    MANAGER,
    OUTSIDER,
    SUPPORT,
)
from bot.sandbox.rig import Rig
from tests.helpers import all_cases, block_text, bot_posts, events, policy_file

QUICK = {'respond_within = "12s"': 'respond_within = "2s"', 'respond_within = "30s"': 'respond_within = "2s"'}


@pytest.fixture
def quick(tmp_path):
    with Rig(policy_path=policy_file(tmp_path, DEMO_POLICY, QUICK)) as rig:
        yield rig


def requests(rig, leader) -> list[dict]:
    return [m for m in rig.standin.dm(leader.id) if "Apology needed" in (m.get("text") or "")]


def press(rig, who, action_id, message) -> object:
    button = next(
        e
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == action_id
    )
    delivery = rig.driver.block_action(
        who.id, action_id, value=button["value"], message=(message["channel"], message["ts"])
    )
    rig.service.settle()
    return delivery


def refusals(rig, delivery) -> list[str]:
    return [r.text for r in rig.standin.responses if r.url == delivery.response_url]


def log(rig, text, who=FRONT_DESK) -> str:
    ts, _ = rig.driver.post_message(who.id, COMPLAINTS, text)
    rig.service.settle()
    return ts


def test_a_minor_complaint_asks_the_team_lead_with_a_draft_that_passes_its_check(rig):
    ts = log(rig, "Customer: Ana Ruiz says the toast at breakfast was a little overdone this morning.")
    [request] = requests(rig, LEAD)
    shown = block_text(request)
    assert "Apology needed: REC-1 (minor)" in shown and "team lead" in shown.lower()
    assert "Draft apology" in shown and "Ana" in shown
    assert "Quality check:* ✓" in shown
    labels = [e["text"]["text"] for b in request["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert labels == ["Approve & send", "Edit", "Hand to someone else", "Escalate"]
    [card] = bot_posts(rig, COMPLAINTS, thread_ts=ts)
    assert f"<@{LEAD.id}> (Team lead) is asked to apologize" in block_text(card)
    [case] = all_cases(rig)
    assert (case.apology_state, case.apology_leader_id, case.status) == (
        "requested",
        LEAD.id,
        "apology_requested",
    )


@pytest.mark.parametrize("who", [OUTSIDER, SUPPORT, FRONT_DESK])
def test_only_the_person_asked_anyone_higher_or_an_admin_may_act(rig, who):
    log(rig, "Customer: Ana Ruiz says the toast at breakfast was a little overdone this morning.")
    [request] = requests(rig, LEAD)
    for action in (Action.APPROVE_APOLOGY, Action.EDIT_APOLOGY, Action.HAND_APOLOGY, Action.ESCALATE_APOLOGY):
        delivery = press(rig, who, action, request)
        assert delivery.status == 200
        assert any(
            "Only they, someone higher on the ladder, or an admin" in r for r in refusals(rig, delivery)
        )
    assert rig.standin.opened_views(who.id) == []
    [case] = all_cases(rig)
    assert (case.apology_state, case.apology_round) == ("requested", 1)


def test_approve_and_send_posts_the_signed_apology_and_retires_the_request(rig):
    ts = log(rig, "Customer: Ana Ruiz says the toast at breakfast was a little overdone this morning.")
    [request] = requests(rig, LEAD)
    press(rig, MANAGER, Action.APPROVE_APOLOGY, request)  # someone higher on the ladder may act too
    [case] = all_cases(rig)
    assert (case.apology_state, case.apology_by, case.status) == ("approved", MANAGER.id, "apologized")
    posted = [m for m in bot_posts(rig, COMPLAINTS, thread_ts=ts) if "*Apology*" in m["text"]]
    assert len(posted) == 1 and f"approved by <@{MANAGER.id}> (Customer service manager)" in posted[0]["text"]
    assert case.apology_text.splitlines()[-1] in posted[0]["text"]
    retired = rig.standin.message(request["channel"], request["ts"])
    assert "approved by" in retired["text"] and not retired.get("blocks")
    assert any("has its apology" in m["text"] for m in rig.standin.dm(FRONT_DESK.id))
    [done] = events(rig, case.id, "apologized")
    waited = int((case.apology_at - case.created_at).total_seconds())
    assert done.data["on_target"] is True and done.data["seconds"] == waited
    again = press(rig, LEAD, Action.APPROVE_APOLOGY, request)
    assert any("has moved on" in r for r in refusals(rig, again))
    assert len([m for m in bot_posts(rig, COMPLAINTS, thread_ts=ts) if "*Apology*" in m["text"]]) == 1


def test_an_unanswered_request_climbs_the_ladder_then_repeats_at_the_top(quick):
    log(quick, "Customer: Omar Haddad was overcharged $1,240 and says never again.")
    [first] = requests(quick, DIRECTOR)
    quick.standin.wait_for(
        lambda: len(requests(quick, EXECUTIVE)) >= 2, timeout=15, what="two rounds at the top"
    )
    assert "has moved on" in quick.standin.message(first["channel"], first["ts"])["text"]
    [case] = all_cases(quick)
    escalations = [e.text for e in events(quick, case.id, "escalated")]
    assert "no answer from" in escalations[0] and "escalated to chief executive" in escalations[0]
    assert "sent again" in escalations[1]


def test_a_severity_change_that_needs_a_higher_level_reroutes_at_once(rig):
    log(rig, "Customer: Ana Ruiz says the toast at breakfast was a little overdone this morning.")
    [request] = requests(rig, LEAD)
    rig.driver.command(FRONT_DESK.id, "severity REC-1 critical she had an allergic reaction")
    rig.service.settle()
    assert len(requests(rig, EXECUTIVE)) == 1
    assert "severity is now critical" in rig.standin.message(request["channel"], request["ts"])["text"]


def test_edit_shows_errors_inline_until_sent_as_written(rig):
    ts = log(rig, "Customer: Ana Ruiz says the toast at breakfast was a little overdone this morning.")
    [request] = requests(rig, LEAD)
    press(rig, LEAD, Action.EDIT_APOLOGY, request)
    [view] = rig.standin.opened_views(LEAD.id)
    excuse = "We're sorry, but the kitchen was short-staffed this morning."
    values = {Input.APOLOGY_TEXT: {Input.APOLOGY_TEXT: {"type": "plain_text_input", "value": excuse}}}
    refused = rig.driver.view_submission(LEAD.id, view["id"], values)
    assert refused.json["response_action"] == "errors" and "✗" in refused.json["errors"][Input.APOLOGY_TEXT]
    assert all_cases(rig)[0].apology_state == "requested"
    values[Input.AS_WRITTEN] = {
        Input.AS_WRITTEN: {"type": "checkboxes", "selected_options": [{"value": "yes"}]}
    }
    values[Input.GESTURE_WHAT] = {
        Input.GESTURE_WHAT: {"type": "plain_text_input", "value": "a free breakfast tomorrow"}
    }
    values[Input.GESTURE_AMOUNT] = {Input.GESTURE_AMOUNT: {"type": "number_input", "value": "18"}}
    sent = rig.driver.view_submission(LEAD.id, view["id"], values)
    assert sent.status == 200 and not sent.body_text.strip()
    rig.service.settle()
    [case] = all_cases(rig)
    expected_errors = len(check_apology(excuse, severity="minor").errors)
    assert expected_errors >= 1
    assert (case.apology_state, case.apology_text, case.apology_errors) == (
        "approved",
        excuse,
        expected_errors,
    )
    thread = [m["text"] for m in bot_posts(rig, COMPLAINTS, thread_ts=ts)]
    assert any(excuse in t for t in thread) and any("a free breakfast tomorrow ($18.00)" in t for t in thread)


def test_hand_over_goes_only_to_the_same_level_or_higher_and_escalate_goes_one_up(rig):
    log(rig, "Customer: Ana Ruiz says the toast at breakfast was a little overdone this morning.")
    [request] = requests(rig, LEAD)
    press(rig, LEAD, Action.HAND_APOLOGY, request)
    [view] = rig.standin.opened_views(LEAD.id)
    lower = rig.driver.view_submission(
        LEAD.id,
        view["id"],
        {Input.HAND_TO: {Input.HAND_TO: {"type": "users_select", "selected_user": SUPPORT.id}}},
    )
    assert "not on the apology ladder" in lower.json["errors"][Input.HAND_TO]
    rig.driver.view_submission(
        LEAD.id,
        view["id"],
        {Input.HAND_TO: {Input.HAND_TO: {"type": "users_select", "selected_user": MANAGER.id}}},
    )
    rig.service.settle()
    [handed] = requests(rig, MANAGER)
    assert all_cases(rig)[0].apology_leader_id == MANAGER.id
    press(rig, MANAGER, Action.ESCALATE_APOLOGY, handed)
    [view] = rig.standin.opened_views(MANAGER.id)
    rig.driver.view_submission(
        MANAGER.id,
        view["id"],
        {
            Input.REASON: {
                Input.REASON: {"type": "plain_text_input", "value": "she is a regular and very upset"}
            }
        },
    )
    rig.service.settle()
    assert len(requests(rig, DIRECTOR)) == 1
    assert "escalated it: she is a regular" in rig.standin.message(handed["channel"], handed["ts"])["text"]


def test_gestures_within_the_limit_are_given_and_above_it_go_for_approval(rig):
    ts = log(rig, "Customer: Ana Ruiz says the toast at breakfast was a little overdone this morning.")
    given = rig.driver.command(LEAD.id, "gesture REC-1 a complimentary dessert $20")
    rig.service.settle()
    assert any("Recorded" in r.text for r in rig.standin.responses if r.url == given.response_url)
    asked = rig.driver.command(LEAD.id, "gesture REC-1 a night on the house $400")
    rig.service.settle()
    assert any(
        f"<@{DIRECTOR.id}> has been asked" in r.text
        for r in rig.standin.responses
        if r.url == asked.response_url
    )
    [ask] = [m for m in rig.standin.dm(DIRECTOR.id) if "would like to give" in m["text"]]
    refused = press(rig, OUTSIDER, Action.APPROVE_GESTURE, ask)
    assert any("only they, someone higher, or an admin" in r for r in refusals(rig, refused))
    press(rig, DIRECTOR, Action.APPROVE_GESTURE, ask)
    thread = [m["text"] for m in bot_posts(rig, COMPLAINTS, thread_ts=ts)]
    assert any("a complimentary dessert ($20.00)" in t for t in thread)
    assert any("Approved by" in t and "a night on the house" in t for t in thread)
    assert any("approved the gesture" in m["text"] for m in rig.standin.dm(LEAD.id))
    assert [e.kind for e in events(rig, 1) if e.kind.startswith("gesture")] == [
        "gesture",
        "gesture_requested",
        "gesture_approved",
    ]


def test_every_draft_of_a_morning_of_complaints_passes_check_apology(rig, tmp_path):
    for text in (
        "Guest in 214 says her coffee was cold at breakfast.",
        "Customer: Tom Becker waited 50 minutes for a table he had booked, and our host was rude to him.",
        "Customer: Omar Haddad was charged twice for his stay ($1,240). He says never again.",
        "Customer: Grace Kim had an allergic reaction after the kitchen served nuts. Her lawyer called.",
    ):
        log(rig, text)
    for case in all_cases(rig):
        result = subprocess.run(
            [sys.executable, "-m", "bot.cli", "check-apology", "--severity", case.severity, "--json"],
            input=case.apology_draft,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stdout
        assert json.loads(result.stdout)["errors"] == []
