"""The `/recover` grammar reads a typed case id into a case number at the surface, or says what is wrong."""

import pytest

from bot.recovery.errors import UserError
from bot.slack.grammar import Command, UsageError, case_number, parse


@pytest.mark.parametrize("typed", ["REC-42", "rec-42", "REC42", " Rec-042 "])
def test_a_case_id_is_read_however_it_is_typed(typed: str) -> None:
    assert case_number("REC", typed) == 42


@pytest.mark.parametrize("typed", ["42", "ACME-42", "REC-", "REC-4x", "REC-1234567890", "💥"])
def test_anything_else_is_not_a_case_id(typed: str) -> None:
    assert case_number("REC", typed) is None


def test_a_command_carries_the_case_number_and_its_arguments() -> None:
    assert parse("severity rec-12 major a wedding", prefix="REC") == Command(
        "severity", case=12, args={"severity": "major", "reason": "a wedding"}
    )
    assert parse("close ACME-3", prefix="ACME") == Command("close", case=3)


def test_a_wrong_case_id_is_refused_with_the_usage_and_what_ids_look_like() -> None:
    with pytest.raises(UsageError) as refused:
        parse("show payload", prefix="REC")
    assert "“payload” is not a case id — they look like REC-12." in str(refused.value)
    assert "Usage: `/recover show REC-12`" in str(refused.value)


def test_the_command_is_checked_before_the_case_id() -> None:
    with pytest.raises(UserError, match="is not a severity"):
        parse("severity nonsense extreme", prefix="REC")


def test_an_unknown_command_shows_the_usage_itself_not_a_pointer_to_help() -> None:
    with pytest.raises(UsageError) as refused:
        parse("bogus", prefix="REC")
    message = str(refused.value)
    assert "I don't know “bogus”" in message and "/recover help" not in message
    for usage in ("/recover new [what happened]", "/recover show REC-12", "/recover policy"):
        assert f"`{usage}`" in message


@pytest.mark.parametrize(
    ("typed", "meant"), [("shwo REC-1", "show"), ("sevrity REC-1 major", "severity"), ("lsit", "list")]
)
def test_a_typo_gets_the_nearest_command_and_its_usage(typed: str, meant: str) -> None:
    with pytest.raises(UsageError) as refused:
        parse(typed, prefix="REC")
    message = str(refused.value)
    assert f"did you mean `{meant}`?" in message
    assert f"Usage: `/recover {meant}" in message
