"""The "Change severity" modal filled in from a template is the one slack_sdk's models build, for every case."""

import pytest

from bot.policy.model import SEVERITIES
from bot.recovery.messages import severity
from tests.recovery.messages.test_builders import POLICY, a_case


def modelled(case_id: int, current: str) -> dict:
    """The modal for this case as the models build (and check) it, every part made afresh."""
    title = f"Severity of {POLICY.case_prefix}-{case_id}"[:24]
    return severity.modelled(title, str(case_id), severity.option(current))


@pytest.mark.parametrize("current", [*SEVERITIES, "retired"])
@pytest.mark.parametrize("case_id", [7, 123_456_789_012])
def test_the_template_builds_what_the_models_build(case_id: int, current: str) -> None:
    assert severity.severity_view(POLICY, a_case(id=case_id, severity=current)) == modelled(case_id, current)


def test_one_modal_built_does_not_change_the_next() -> None:
    first = severity.severity_view(POLICY, a_case(id=1, severity="minor"))
    severity.severity_view(POLICY, a_case(id=2, severity="critical"))
    assert first == modelled(1, "minor")
