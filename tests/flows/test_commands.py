"""`/recover` end to end: every subcommand's happy path and bad input, answered privately."""

import pytest

from bot.sandbox.cast import ADMIN, COMPLAINTS, DIRECTOR, FRONT_DESK, OUTSIDER, SUPPORT
from tests.helpers import all_cases, block_text, bot_posts, events


def answer(rig, delivery) -> str:
    """The private answer that reached the person through the command's response_url."""
    rig.service.settle()
    posts = [r for r in rig.standin.responses if r.url == delivery.response_url]
    assert len(posts) == 1, f"expected one answer, got {len(posts)}"
    assert posts[0].response_type == "ephemeral"
    return block_text(posts[0].body)


def test_help_lists_every_subcommand(rig):
    for text in ("", "help"):
        delivery = rig.driver.command(FRONT_DESK.id, text)
        assert delivery.status == 200
        reply = answer(rig, delivery)
        for usage in (
            "/recover new",
            "/recover list",
            "/recover show",
            "/recover severity",
            "/recover policy",
        ):
            assert usage in reply


def test_new_with_text_logs_a_triaged_case_and_posts_the_card_at_the_top_of_the_channel(rig):
    delivery = rig.driver.command(
        SUPPORT.id, "new Customer: Omar Haddad was overcharged $1,250 and wants a refund"
    )
    reply = answer(rig, delivery)
    assert "Logged *REC-1* as *major*" in reply
    [case] = all_cases(rig)
    assert case.source == "command" and case.customer_name == "Omar Haddad"
    [card] = bot_posts(rig, COMPLAINTS)
    assert card.get("thread_ts") in (None, card["ts"])
    assert (case.thread_channel, case.thread_ts) == (COMPLAINTS, card["ts"])
    assert "REC-1" in block_text(card) and "$1,250" in block_text(card)


def test_new_without_text_opens_the_modal_and_logs_from_it(rig):
    rig.driver.command(SUPPORT.id, "new")
    rig.service.settle()
    [view] = rig.standin.opened_views(SUPPORT.id)
    assert view["callback_id"] == "new_case"
    blank = rig.driver.view_submission(
        SUPPORT.id, view["id"], {"summary": {"summary": {"type": "plain_text_input", "value": "  "}}}
    )
    assert blank.json["response_action"] == "errors" and "summary" in blank.json["errors"]
    values = {
        "summary": {
            "summary": {"type": "plain_text_input", "value": "Wrong size delivered, second time this month"}
        },
        "customer_name": {"customer_name": {"type": "plain_text_input", "value": "Priya Shah"}},
        "customer_contact": {"customer_contact": {"type": "plain_text_input", "value": "not a contact"}},
        "severity": {"severity": {"type": "static_select", "selected_option": None}},
        "card_channel": {
            "card_channel": {"type": "conversations_select", "selected_conversation": COMPLAINTS}
        },
    }
    bad = rig.driver.view_submission(SUPPORT.id, view["id"], values)
    assert "customer_contact" in bad.json["errors"]
    assert all_cases(rig) == []
    values["customer_contact"]["customer_contact"]["value"] = "priya@example.com"
    values["severity"]["severity"]["selected_option"] = {
        "value": "major",
        "text": {"type": "plain_text", "text": "Major"},
    }
    good = rig.driver.view_submission(SUPPORT.id, view["id"], values)
    assert good.status == 200 and not good.body_text.strip()
    rig.service.settle()
    [case] = all_cases(rig)
    assert (case.severity, case.customer_email, case.source) == ("major", "priya@example.com", "modal")
    assert "set by the reporter" in case.severity_reasons[0]
    [card] = bot_posts(rig, COMPLAINTS)
    assert "priya@example.com" not in block_text(card)  # contact details never reach a channel
    assert any("Logged *REC-1*" in e["text"] for e in rig.standin.ephemerals(SUPPORT.id))


def test_list_show_and_policy(rig):
    rig.driver.command(FRONT_DESK.id, "new The shower curtain in room 12 has a small tear")
    rig.service.settle()  # so this one is REC-1
    rig.driver.command(SUPPORT.id, "new Parcel arrived crushed")
    rig.service.settle()
    listing = answer(rig, rig.driver.command(FRONT_DESK.id, "list"))
    assert "REC-1" in listing and "REC-2" in listing
    mine = answer(rig, rig.driver.command(FRONT_DESK.id, "list mine"))
    assert "REC-1" in mine and "REC-2" not in mine
    shown = answer(rig, rig.driver.command(SUPPORT.id, "show rec-2"))
    assert "REC-2" in shown and "Timeline" in shown and "logged it" in shown
    policy = answer(rig, rig.driver.command(SUPPORT.id, "policy"))
    assert "Chief executive" in policy and "critical" in policy


def test_severity_change_by_someone_on_the_case_updates_card_thread_and_timeline(rig):
    rig.driver.command(FRONT_DESK.id, "new The shower curtain in room 12 has a small tear")
    rig.service.settle()
    [case] = all_cases(rig)
    assert case.severity == "minor"
    reply = answer(
        rig, rig.driver.command(FRONT_DESK.id, "severity REC-1 major guest is leaving early over it")
    )
    assert "REC-1 is now *major*" in reply
    [case] = all_cases(rig)
    assert case.severity == "major"
    [change] = events(rig, case.id, "severity")
    assert change.data == {"from": "minor", "to": "major", "reason": "guest is leaving early over it"}
    [card] = [m for m in bot_posts(rig, COMPLAINTS) if m["ts"] == case.thread_ts]
    assert "Major" in block_text(card)
    notes = bot_posts(rig, COMPLAINTS, thread_ts=case.thread_ts)
    assert any("from minor to *major*" in m["text"] for m in notes)


@pytest.mark.parametrize(
    "who, allowed", [(OUTSIDER, False), (SUPPORT, False), (DIRECTOR, True), (ADMIN, True)]
)
def test_who_may_change_the_severity(rig, who, allowed):
    rig.driver.command(FRONT_DESK.id, "new The shower curtain in room 12 has a small tear")
    rig.service.settle()
    reply = answer(rig, rig.driver.command(who.id, "severity REC-1 moderate checking"))
    [case] = all_cases(rig)
    assert (case.severity == "moderate") is allowed
    assert ("Nothing was changed" in reply) is not allowed


@pytest.mark.parametrize(
    "text, expected",
    [
        ("frobnicate REC-1", "I don't know “frobnicate”"),
        ("show", "Name one case"),
        ("show REC-999", "There is no case REC-999"),
        ("show payload", "“payload” is not a case id"),
        ("severity REC-1 apocalyptic", "“apocalyptic” is not a severity"),
        ("severity", "Name the case and the new severity"),
        ("list everything", "is not a list"),
        ("new " + "x" * 5000, "a case summary can have 4,000"),
        ("show 💥", "is not a case id"),
    ],
)
def test_bad_input_gets_a_clear_answer_with_usage_and_changes_nothing(rig, text, expected):
    rig.driver.command(FRONT_DESK.id, "new The shower curtain in room 12 has a small tear")
    rig.service.settle()
    before = [(c.id, c.severity, c.summary) for c in all_cases(rig)]
    delivery = rig.driver.command(FRONT_DESK.id, text)
    assert delivery.status == 200
    reply = answer(rig, delivery)
    assert expected in reply
    assert "Traceback" not in reply
    assert [(c.id, c.severity, c.summary) for c in all_cases(rig)] == before
    assert rig.service.healthy()
