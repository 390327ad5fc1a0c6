"""The figures as people read them: how often triage's severity was kept, and what people corrected."""

from dataclasses import replace
from datetime import UTC, datetime

from bot.policy.reader import default_policy_path, load_policy
from bot.recovery.messages.figures import summary_lines
from bot.recovery.metrics import Correction, Figures
from bot.recovery.words import SharedWord
from tests.recovery.messages.weeks import quiet_week

POLICY = load_policy(default_policy_path())
SINCE = datetime(2025, 3, 3, tzinfo=UTC)


def week(**triage: object) -> Figures:
    """A week of 31 cases, none apologized for, fixed or checked in on; `triage` as given."""
    opened = {"minor": 20, "moderate": 5, "major": 5, "critical": 1}
    fig = replace(quiet_week(POLICY, SINCE), opened=sum(opened.values()), by_severity=opened)
    return replace(fig, **triage)


def triage_lines(fig: Figures) -> list[str]:
    return [line for line in summary_lines(fig, policy=POLICY) if line.startswith("Triage:")]


def test_the_triage_line_says_how_often_people_kept_it_and_what_they_corrected_most() -> None:
    fix = Correction("moderate", "major", 5, SharedWord("medication", 3))
    lines = summary_lines(week(triaged=31, triage_kept=26, correction=fix), policy=POLICY)
    assert lines[1:3] == [
        "Cases by severity: 1 critical · 5 major · 5 moderate · 20 minor",
        "Triage: people kept the severity on *26 of 31* cases (84%). "
        "Most common correction: 5 raised from moderate to major — 3 mention “medication”.",
    ]


def test_a_lowered_severity_and_no_shared_word_read_plainly() -> None:
    fig = week(triaged=4, triage_kept=2, correction=Correction("critical", "major", 2))
    assert triage_lines(fig) == [
        "Triage: people kept the severity on *2 of 4* cases (50%). "
        "Most common correction: 2 lowered from critical to major."
    ]
    assert triage_lines(week(triaged=1, triage_kept=1)) == [
        "Triage: people kept the severity on *1 of 1* case (100%)."
    ]


def test_the_share_is_never_rounded_to_all_or_none() -> None:
    assert "*199 of 200* cases (99%)." in triage_lines(week(triaged=200, triage_kept=199))[0]
    assert "*1 of 300* cases (1%)." in triage_lines(week(triaged=300, triage_kept=1))[0]
    assert "*0 of 3* cases (0%)." in triage_lines(week(triaged=3, triage_kept=0))[0]


def test_no_triage_line_without_a_triaged_case_in_the_period() -> None:
    assert triage_lines(week()) == []
