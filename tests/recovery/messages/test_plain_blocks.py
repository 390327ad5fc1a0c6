"""The case card and the apology request DM, drawn as plain dicts, are byte for byte what slack_sdk's models
draw (the reference below is how they were built before), for cases of every kind."""

import json
from typing import Any

import pytest
from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)

from bot.policy.durations import format_duration
from bot.policy.model import SEVERITIES
from bot.recovery.cases import case_key
from bot.recovery.customer import redact_contact
from bot.recovery.messages import apology, card
from bot.recovery.messages.fix import fix_line
from bot.recovery.messages.ids import Action
from bot.recovery.messages.text import SECTION_CHARS, clip, customer_line, quote
from bot.recovery.quality.check import check_apology
from bot.store.models import ApologyState, FixStatus, Source, utcnow
from tests.recovery.messages.test_builders import POLICY, a_case


def modelled_card(case) -> list[dict[str, Any]]:
    key = case_key(POLICY, case)
    why = redact_contact("; ".join(case.severity_reasons)) or "no reason recorded"
    facts = [f"*Reported by* <@{case.reporter_id}>"]
    if case.customer_name:
        facts.append(f"*Customer* {clip(case.customer_name, 80)}")
    facts.append(f"*Status* {case.status.replace('_', ' ')}")
    summary = quote(redact_contact(case.summary), card.CARD_SUMMARY_CHARS)
    blocks = [
        SectionBlock(
            text=MarkdownTextObject(text=f"*{key}* · *{card.severity_label(case.severity)}*\n{summary}")
        ),
        ContextBlock(elements=[MarkdownTextObject(text=f"*Why {case.severity}:* {clip(why, 500)}")]),
        SectionBlock(text=MarkdownTextObject(text="   ·   ".join(facts))),
        ContextBlock(elements=[MarkdownTextObject(text=card.apology_line(POLICY, case))]),
        ContextBlock(elements=[MarkdownTextObject(text=fix_line(POLICY, case))]),
        ActionsBlock(
            block_id=f"case:{case.id}",
            elements=[
                ButtonElement(text="Change severity", action_id=Action.CHANGE_SEVERITY, value=str(case.id)),
                ButtonElement(text="Assign fix owner", action_id=Action.ASSIGN_OWNER, value=str(case.id)),
                ButtonElement(text="Edit details", action_id=Action.EDIT_DETAILS, value=str(case.id)),
                ButtonElement(
                    text="Record improvement", action_id=Action.RECORD_IMPROVEMENT, value=str(case.id)
                ),
            ],
        ),
    ]
    if case.permalink and case.source != Source.CHANNEL:
        blocks.insert(
            2, ContextBlock(elements=[MarkdownTextObject(text=f"<{case.permalink}|Original message>")])
        )
    return [block.to_dict() for block in blocks]


def modelled_request(case, report, reason: str) -> list[dict[str, Any]]:
    key, level = case_key(POLICY, case), POLICY.level(case.apology_level)
    within = format_duration(POLICY.rule(case.severity).respond_within)
    up = POLICY.next_level(level.level)
    later = f"it goes to the {up.title.lower()}" if up else "it is sent again"
    link = f" · <{case.permalink}|the complaint>" if case.permalink else ""
    value = f"{case.id}:{case.apology_round}"
    asks = (
        f"A customer deserves an apology from a *{level.title.lower()}*: {reason}.\n"
        f"Please act within *{within}*; after that {later}.\n{quote(case.summary, 600)}"
    )
    why = clip("; ".join(case.severity_reasons), 300)
    blocks = [
        HeaderBlock(text=clip(f"Apology needed: {key} ({case.severity})", 150)),
        SectionBlock(text=MarkdownTextObject(text=clip(asks, SECTION_CHARS))),
        ContextBlock(
            elements=[
                MarkdownTextObject(
                    text=f"*Customer:* {customer_line(case)}{link} · *Why {case.severity}:* {why}"
                )
            ]
        ),
        SectionBlock(
            text=MarkdownTextObject(text="*Draft apology*\n" + quote(case.apology_draft or "", 2500))
        ),
        ContextBlock(elements=[MarkdownTextObject(text=clip(apology.findings(report), 1900))]),
        ActionsBlock(
            block_id=f"apology:{case.id}",
            elements=[
                ButtonElement(
                    text="Approve & send", action_id=Action.APPROVE_APOLOGY, value=value, style="primary"
                ),
                ButtonElement(text="Edit", action_id=Action.EDIT_APOLOGY, value=value),
                ButtonElement(text="Hand to someone else", action_id=Action.HAND_APOLOGY, value=value),
                ButtonElement(text="Escalate", action_id=Action.ESCALATE_APOLOGY, value=value),
            ],
        ),
    ]
    return [block.to_dict() for block in blocks]


LONG = "The guest's order 'never came' — \"twice\" <b>&amp; then</b> 🍲 " * 80  # past every clip
CASES = {
    "as in the channel": a_case(),
    "by command, with its link": a_case(source=Source.COMMAND, status="reopened"),
    "no customer, no link, no draft": a_case(customer_name=None, permalink=None, apology_draft=None),
    "long texts": a_case(summary=LONG, severity_reasons=[LONG, LONG], customer_name=LONG, apology_draft=LONG),
    "approved, fix done": a_case(
        apology_state=ApologyState.APPROVED,
        apology_by="U1",
        apology_at=utcnow(),
        fix_status=FixStatus.FIXED,
        fixed_at=utcnow(),
    ),
    "first round, nobody asked yet": a_case(apology_round=1, apology_leader_id=None, apology_level="manager"),
    **{severity: a_case(id=123_456_789, severity=severity) for severity in SEVERITIES},
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_card_is_what_the_models_draw(name: str) -> None:
    case = CASES[name]
    assert json.dumps(card.case_card(POLICY, case)) == json.dumps(modelled_card(case))


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_apology_request_is_what_the_models_draw(name: str) -> None:
    case = CASES[name]
    report = check_apology(case.apology_draft or "", severity=case.severity)
    _, blocks = apology.request(POLICY, case, report=report, reason="a reason & <why>")
    assert json.dumps(blocks) == json.dumps(modelled_request(case, report, "a reason & <why>"))
