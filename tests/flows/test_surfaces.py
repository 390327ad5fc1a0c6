"""The other Slack surfaces end to end: shortcut, card buttons and their modals, Home, health, faults."""

import json
import urllib.request
from urllib.parse import urlencode

from bot.recovery.messages.ids import Action, Input, Modal
from bot.sandbox.cast import COMPLAINTS, DIRECTOR, FRONT_DESK, OUTSIDER, RANDOM, SUPPORT
from handlers.forms import PRESS_AGAIN
from tests.helpers import all_cases, block_text, bot_posts, events

FORM = "application/x-www-form-urlencoded"


def text_input(value):
    return {"type": "plain_text_input", "value": value}


def log_one(
    rig, text="Guest in 301 found the room's welcome card misspelled her name at 4pm."
) -> tuple[str, object]:
    ts, _ = rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, text)
    rig.standin.wait_for(lambda: bot_posts(rig, COMPLAINTS, thread_ts=ts), what="the card")
    [card] = bot_posts(rig, COMPLAINTS, thread_ts=ts)
    return ts, card


def test_log_as_complaint_prefills_the_modal_and_links_the_case_to_the_message(rig):
    text = "A guest emailed: the spa booking vanished. Customer: Ana Ruiz, ana.ruiz@example.com"
    ts, _ = rig.driver.post_message(SUPPORT.id, RANDOM, text)
    assert rig.driver.message_shortcut(SUPPORT.id, RANDOM, ts).status == 200
    rig.service.settle()
    [view] = rig.standin.opened_views(SUPPORT.id)
    by_block = {b["block_id"]: b["element"] for b in view["blocks"]}
    assert by_block[Input.SUMMARY]["initial_value"] == text
    assert by_block[Input.CUSTOMER_NAME]["initial_value"] == "Ana Ruiz"
    assert by_block[Input.CUSTOMER_CONTACT]["initial_value"] == "ana.ruiz@example.com"
    values = {
        Input.SUMMARY: {Input.SUMMARY: text_input(text)},
        Input.CUSTOMER_NAME: {Input.CUSTOMER_NAME: text_input("Ana Ruiz")},
        Input.CUSTOMER_CONTACT: {Input.CUSTOMER_CONTACT: text_input("ana.ruiz@example.com")},
        Input.CARD_CHANNEL: {
            Input.CARD_CHANNEL: {"type": "conversations_select", "selected_conversation": COMPLAINTS}
        },
    }
    assert rig.driver.view_submission(SUPPORT.id, view["id"], values).status == 200
    rig.service.settle()
    [case] = all_cases(rig)
    assert (case.source, case.channel_id, case.message_ts) == ("shortcut", RANDOM, ts)
    assert case.permalink and RANDOM in case.permalink
    [card] = bot_posts(rig, COMPLAINTS)
    assert "Original message" in block_text(card) and "ana.ruiz@example.com" not in block_text(card)
    again = rig.driver.message_shortcut(FRONT_DESK.id, RANDOM, ts)
    rig.service.settle()
    assert again.status == 200
    assert [r.text for r in rig.standin.responses if r.url == again.response_url] == [
        "This message is already logged as *REC-1*."
    ]
    assert len(all_cases(rig)) == 1


def test_the_change_severity_button_opens_a_modal_that_re_routes_the_apology(rig):
    _, card = log_one(rig)
    press = rig.driver.block_action(
        FRONT_DESK.id, Action.CHANGE_SEVERITY, value="1", message=(COMPLAINTS, card["ts"])
    )
    assert press.status == 200
    rig.service.settle()
    [view] = rig.standin.opened_views(FRONT_DESK.id)
    no_reason = rig.driver.view_submission(
        FRONT_DESK.id,
        view["id"],
        {
            Input.SEVERITY: {
                Input.SEVERITY: {"type": "static_select", "selected_option": {"value": "critical"}}
            },
            Input.REASON: {Input.REASON: text_input("")},
        },
    )
    assert Input.REASON in no_reason.json["errors"]
    values = {
        Input.SEVERITY: {Input.SEVERITY: {"type": "static_select", "selected_option": {"value": "critical"}}},
        Input.REASON: {Input.REASON: text_input("guest slipped on the wet floor")},
    }
    assert rig.driver.view_submission(FRONT_DESK.id, view["id"], values).status == 200
    rig.service.settle()
    [case] = all_cases(rig)
    assert case.severity == "critical"
    card_now = rig.standin.message(COMPLAINTS, card["ts"])
    assert "Critical" in block_text(card_now) and "Chief executive" in block_text(card_now)


def test_an_outsider_pressing_a_card_button_is_refused_privately_and_nothing_changes(rig):
    _, card = log_one(rig)
    [logged] = all_cases(rig)
    for action in (Action.CHANGE_SEVERITY, Action.EDIT_DETAILS):
        press = rig.driver.block_action(OUTSIDER.id, action, value="1", message=(COMPLAINTS, card["ts"]))
        assert press.status == 200
        rig.service.settle()
        refusals = [r for r in rig.standin.responses if r.url == press.response_url]
        assert len(refusals) == 1 and "Only the people on" in refusals[0].text
        assert refusals[0].response_type == "ephemeral"
    assert rig.standin.opened_views(OUTSIDER.id) == []
    [case] = all_cases(rig)
    assert case.severity == logged.severity and [e.kind for e in events(rig, case.id)] == [
        "logged",
        "apology_requested",
    ]


def test_a_press_slack_delivers_twice_opens_one_modal_and_explains_the_second(rig):
    _, card = log_one(rig)
    press = rig.driver.block_action(FRONT_DESK.id, Action.CHANGE_SEVERITY, message=(COMPLAINTS, card["ts"]))
    again = rig.driver.send(urlencode({"payload": json.dumps(press.payload)}).encode(), FORM)
    assert (press.status, again.status) == (200, 200)
    rig.service.settle()
    assert [v["callback_id"] for v in rig.standin.opened_views(FRONT_DESK.id)] == [Modal.SEVERITY]
    told = [r.text for r in rig.standin.responses if r.url == press.response_url]
    assert told == [PRESS_AGAIN]  # a plain answer, not the apology for a bug


def test_edit_details_keeps_the_contact_private(rig):
    _, card = log_one(rig)
    rig.driver.block_action(DIRECTOR.id, Action.EDIT_DETAILS, value="1", message=(COMPLAINTS, card["ts"]))
    rig.service.settle()
    [view] = rig.standin.opened_views(DIRECTOR.id)
    values = {
        Input.SUMMARY: {Input.SUMMARY: text_input("Room 301 not cleaned by 4pm; guest waited in the lobby")},
        Input.CUSTOMER_NAME: {Input.CUSTOMER_NAME: text_input("Marta Silva")},
        Input.CUSTOMER_CONTACT: {Input.CUSTOMER_CONTACT: text_input("+1 415 555 0134")},
    }
    assert rig.driver.view_submission(DIRECTOR.id, view["id"], values).status == 200
    rig.service.settle()
    [case] = all_cases(rig)
    assert (case.customer_name, case.customer_phone) == ("Marta Silva", "+1 415 555 0134")
    shown = block_text(rig.standin.message(COMPLAINTS, card["ts"]))
    assert "Marta Silva" in shown and "555" not in shown
    assert "555" not in events(rig, case.id, "details")[0].text


def test_home_tab_shows_my_cases(rig):
    log_one(rig)
    assert rig.driver.app_home_opened(FRONT_DESK.id).status == 200
    rig.service.settle()
    home = rig.standin.home(FRONT_DESK.id)
    assert home is not None and "REC-1" in block_text(home)


def test_url_verification_and_health(rig):
    verification = rig.driver.url_verification("abc123")
    assert verification.status == 200 and verification.json == {"challenge": "abc123"}
    health_url = rig.service.url.replace("/slack/events", "/healthz")
    with urllib.request.urlopen(health_url, timeout=5) as response:
        assert response.status == 200
        assert json.load(response) == {"ok": True, "database": "up", "scheduler": "up"}


def test_a_card_slack_keeps_refusing_is_kept_and_delivered_exactly_once_later(rig):
    rig.standin.fail("chat.postMessage", kind="500", times=6)  # more than the client's own 3 retries
    ts, _ = rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, "The minibar charge is wrong.")
    rig.standin.wait_for(
        lambda: bot_posts(rig, COMPLAINTS, thread_ts=ts), timeout=30, what="the card, eventually"
    )
    rig.service.settle()
    assert len(bot_posts(rig, COMPLAINTS, thread_ts=ts)) == 1
    assert len([f for f in rig.standin.faults if f.method == "chat.postMessage"]) == 6
