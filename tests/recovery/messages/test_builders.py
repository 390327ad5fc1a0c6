"""Block Kit builders as pure functions: valid for Slack, our ids only, and contact details only in DMs."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.policy.reader import load_policy
from bot.recovery.messages import apology, card, checkin, fix, followup, gesture, home, severity
from bot.recovery.messages.ids import Action, Input, Modal
from bot.recovery.quality.check import check_apology
from bot.sandbox.cast import DEMO_POLICY, DIRECTOR, FRONT_DESK, SUPPORT
from bot.store.models import ApologyState, Case, FixStatus, Nudge, NudgeKind, Source, TimelineEvent, utcnow

POLICY = load_policy(DEMO_POLICY)
EMAIL, PHONE = "jane.doe@example.com", "+1 415 555 0134"


def a_case(**changes: Any) -> Case:
    """REC-7 in memory: a major complaint whose text carries the customer's contact, asked of the director."""
    now = utcnow()
    values = dict(
        id=7,
        source_key="msg:C1:1",
        source=Source.CHANNEL,
        summary=f"Jane Doe ({EMAIL}, {PHONE}) found glass in her soup. Call her back on {PHONE}.",
        reporter_id=FRONT_DESK.id,
        permalink="https://acme.slack.com/archives/C1/p1",
        customer_name="Jane Doe",
        customer_email=EMAIL,
        customer_phone=PHONE,
        severity="major",
        severity_reasons=[f"mentions “glass”; customer {EMAIL}"],
        created_at=now - timedelta(hours=1),
        apology_state=ApologyState.REQUESTED,
        apology_level="director",
        apology_leader_id=DIRECTOR.id,
        apology_round=2,
        apology_draft="Dear Jane,\n\nI am sorry we served you soup with glass in it; that was our mistake.",
        fix_status=FixStatus.ASSIGNED,
        fix_owner_id=SUPPORT.id,
        fix_due_at=now + timedelta(hours=3),
        fix_version=1,
    )
    return Case(**(values | changes))


CASE = a_case()
REPORT = check_apology(CASE.apology_draft, severity=CASE.severity)
NUDGE = Nudge(
    key="checkin:7:v1:1:a1", kind=NudgeKind.CHECKIN, due_at=utcnow(), case_id=7, recipient_id=DIRECTOR.id
)
EVENTS = [TimelineEvent(id=1, case_id=7, kind="logged", actor_id=FRONT_DESK.id, text=f"major: {EMAIL}")]
QUEUE = home.Queue(apologies=[CASE], fixes=[CASE], checkins=[CASE], recent=[CASE])

# What each builder draws, and whether it may carry the customer's contact details (only DMs and modals
# seen by the people on the case may).
BLOCKS: dict[str, tuple[list[dict[str, Any]], bool]] = {
    "case card": (card.case_card(POLICY, CASE), False),
    "case card, reopened": (card.case_card(POLICY, a_case(status="reopened", source=Source.COMMAND)), False),
    "/recover show": (card.timeline_blocks(POLICY, CASE, EVENTS, [NUDGE]), False),
    "apology request DM": (apology.request(POLICY, CASE, report=REPORT, reason="major complaints")[1], True),
    "fix owner DM": (fix.owner_dm(POLICY, CASE, assigned_by=FRONT_DESK.id), True),
    "fix reminder DM": (fix.reminder(POLICY, CASE, when="overdue", overdue_for="2h")[1], False),
    "check-in DM": (checkin.checkin_dm(POLICY, CASE, nudge_key=NUDGE.key, changes=["two checks"])[1], True),
    "gesture approval DM": (gesture.ask_blocks("🎁 a refund", 3), False),
    "closing refused": (followup.improvement_prompt(7, message="Record what we changed first."), False),
}
VIEWS: dict[str, tuple[dict[str, Any], bool]] = {
    "new case modal": (card.new_case_view(POLICY, summary=CASE.summary, contact=EMAIL), True),
    "severity modal": (severity.severity_view(POLICY, CASE), False),
    "details modal": (card.details_view(POLICY, CASE), True),
    "assign owner modal": (fix.assign_view(POLICY, CASE, initial_due=2_000_000_000), False),
    "more time modal": (fix.more_time_view(POLICY, CASE), False),
    "edit apology modal": (apology.edit_view(POLICY, CASE, report=REPORT, gesture="a refund"), False),
    "hand over modal": (apology.hand_view(POLICY, CASE), False),
    "escalate modal": (apology.escalate_view(POLICY, CASE), False),
    "improvement modal": (followup.improvement_view(POLICY, CASE), False),
    "home tab": (home.home_view(POLICY, QUEUE, team=None, now=utcnow()), False),
}
TEXTS: dict[str, str] = {
    "card text": card.card_text(POLICY, CASE),
    "/recover list": card.case_list(POLICY, [CASE], "open"),
    "fix heads-up": fix.leader_heads_up(POLICY, CASE, overdue_for="1d"),
    "posted apology": apology.posted(
        CASE, text="We are sorry.", approver=DIRECTOR.id, title="Director", waited="1h"
    ),
}


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_every_message_builder_draws_blocks_slack_sdk_reads_back_as_valid(name: str) -> None:
    blocks, _ = BLOCKS[name]
    for raw in blocks:
        block = Block.parse(raw)
        assert block is not None, raw
        block.validate_json()  # raises on anything over Slack's limits


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_view_builder_draws_a_view_slack_sdk_reads_back_as_valid(name: str) -> None:
    view, _ = VIEWS[name]
    View(**view).validate_json()
    if view["type"] == "modal":
        assert view["callback_id"] in set(Modal), view["callback_id"]


@pytest.mark.parametrize("name", sorted(BLOCKS) + sorted(VIEWS))
def test_every_button_and_input_uses_an_id_the_listeners_register(name: str) -> None:
    drawn = BLOCKS[name][0] if name in BLOCKS else VIEWS[name][0]
    for node in _walk(drawn):
        if node.get("type") == "button":
            assert node["action_id"] in set(Action), node["action_id"]
        if node.get("type") == "input":
            assert node["block_id"] in set(Input) and node["element"]["action_id"] == node["block_id"], node


@pytest.mark.parametrize("name", sorted(BLOCKS) + sorted(VIEWS) + sorted(TEXTS))
def test_contact_details_appear_only_where_the_people_on_the_case_see_them(name: str) -> None:
    if name in TEXTS:
        drawn, private = TEXTS[name], False
    else:
        drawn, private = BLOCKS[name] if name in BLOCKS else VIEWS[name]
    shown = str(drawn)
    if private:
        assert EMAIL in shown, f"the {name} should show the customer's contact to the people on the case"
    else:
        assert EMAIL not in shown and "555 0134" not in shown, f"the {name} shows the customer's contact"


def test_the_card_names_the_case_its_severity_and_who_is_asked_to_apologize() -> None:
    shown = str(card.case_card(POLICY, CASE))
    assert "REC-7" in shown and "Major" in shown and f"<@{DIRECTOR.id}>" in shown and "glass" in shown


def test_a_dm_says_when_we_have_no_way_to_reach_the_customer() -> None:
    unreachable = a_case(customer_email=None, customer_phone=None)
    for drawn in (
        fix.owner_dm(POLICY, unreachable, assigned_by=FRONT_DESK.id),
        checkin.checkin_dm(POLICY, unreachable, nudge_key=NUDGE.key, changes=[])[1],
    ):
        assert "Jane Doe · no contact details recorded" in str(drawn)
