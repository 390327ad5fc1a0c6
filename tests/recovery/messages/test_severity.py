"""The "Change severity" modal built from a template is the one slack_sdk's models build, for every case."""

import pytest
from slack_sdk.models.blocks import InputBlock, Option, PlainTextInputElement, StaticSelectElement
from slack_sdk.models.views import View

from bot.policy.model import SEVERITIES
from bot.recovery.messages import severity
from bot.recovery.messages.card import severity_label
from bot.recovery.messages.ids import Input, Modal
from tests.recovery.messages.test_builders import POLICY, a_case


def modelled(case_id: int, current: str) -> dict:
    """The modal as slack_sdk's models build (and check) it."""
    options = [Option(text=severity_label(s), value=s) for s in SEVERITIES]
    return View(
        type="modal",
        callback_id=Modal.SEVERITY,
        title=f"Severity of {POLICY.case_prefix}-{case_id}"[:24],
        submit="Change it",
        close="Cancel",
        private_metadata=str(case_id),
        blocks=[
            InputBlock(
                block_id=Input.SEVERITY,
                label="New severity",
                element=StaticSelectElement(
                    action_id=Input.SEVERITY,
                    options=options,
                    initial_option=Option(text=severity_label(current), value=current),
                ),
            ),
            InputBlock(
                block_id=Input.REASON,
                label="Why?",
                hint="It goes on the case's timeline, and re-routes the apology if the level changes.",
                element=PlainTextInputElement(action_id=Input.REASON, max_length=300),
            ),
        ],
    ).to_dict()


@pytest.mark.parametrize("current", [*SEVERITIES, "retired"])
@pytest.mark.parametrize("case_id", [7, 123_456_789_012])
def test_the_template_builds_what_the_models_build(case_id: int, current: str) -> None:
    assert severity.severity_view(POLICY, a_case(id=case_id, severity=current)) == modelled(case_id, current)


def test_one_modal_built_does_not_change_the_next() -> None:
    first = severity.severity_view(POLICY, a_case(id=1, severity="minor"))
    severity.severity_view(POLICY, a_case(id=2, severity="critical"))
    assert first == modelled(1, "minor")
