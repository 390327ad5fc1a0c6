"""The apology quality check (SPEC §3): which rules fire, at which level, on what words."""

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.recovery.quality import excuses, flaws, repair_words, rules
from bot.recovery.quality.check import check_apology
from bot.recovery.quality.findings import Report
from bot.recovery.quality.reading import Doc

E, W = "error", "warning"

GOOD_MINOR = (
    "I'm sorry we sent you the wrong order and spoiled your dinner. We will deliver the right meal tonight "
    "by 8pm, and your next order is on us."
)
GOOD_SERIOUS = (
    "We overbooked the hotel and left you without a room on your anniversary, and I am sorry for the night "
    "that cost you. I have booked you a suite at the Grand tonight at our cost and will call you by 6pm to "
    "confirm. We have changed how we confirm bookings so this won't happen again."
)

# (text, severity, {(rule, level)}) — each text reads like something a real leader might send.
CASES = [
    # Good apologies: ownership, a repair with a time, regret naming the harm (and, when serious, a change).
    (GOOD_MINOR, "minor", set()),
    (GOOD_SERIOUS, "major", set()),
    (
        "I'm Dana Reyes, our CEO. We served you a dish containing peanuts after you told us about your "
        "allergy; that was our failure, and I am deeply sorry for the fear and the hospital visit it caused. "
        "I will call you within the hour, and we will cover every medical cost. We have retrained the "
        "kitchen and added an allergy check to every ticket so this never happens again.",
        "critical",
        set(),
    ),
    (
        "That was our fault. I am sorry the cake was wrong on your daughter's birthday. We will deliver a "
        "new cake this afternoon.",
        "minor",
        set(),
    ),
    (  # the sorry follows the admission, so it is a sorry for that
        "We lost your luggage. Sorry. We will deliver it to your hotel tonight.",
        "minor",
        set(),
    ),
    (
        "I'm sorry we double-charged you. We have already refunded the second charge.",  # done needs no date
        "moderate",
        set(),
    ),
    # Conditional apologies.
    (
        "We lost your booking, and we're sorry if that upset you. We will rebook you for Saturday at 7pm.",
        "minor",
        {("conditional", W)},
    ),
    (
        "We're sorry you feel our service was slow. We will call you today to put it right.",
        "minor",
        {("missing_ownership", E), ("conditional", W)},
    ),
    (
        "To the extent that our delay caused problems, we apologize. We delivered your sofa three days late. "
        "We will take $100 off your bill today.",
        "minor",
        {("conditional", W)},
    ),
    (
        "We sent an email with the wrong name, and we apologize if anyone was offended. We will send a "
        "correction today.",
        "minor",
        {("conditional", W)},
    ),
    (
        "We are sorry for any trouble this may have caused. We lost your order and will resend it tomorrow.",
        "minor",
        {("missing_regret", W), ("conditional", W), ("minimizing", W)},
    ),
    # Minimizing.
    (
        "We are sorry for any inconvenience.",
        "minor",
        {("missing_ownership", E), ("missing_repair", E), ("missing_regret", W), ("minimizing", W)},
    ),
    (
        "We double-charged your card; it was a minor issue in our billing system and I'm sorry for the "
        "worry. The extra charge will be reversed by Friday.",
        "minor",
        {("minimizing", W)},
    ),
    (
        "I'm sorry we kept you waiting for your table, a slight delay on a busy night. We will have your "
        "table ready within 10 minutes.",
        "minor",
        {("minimizing", W)},
    ),
    # Agentless passives.
    (
        "Mistakes were made with your order and I'm sorry you got the wrong size. We will send the right "
        "size tomorrow.",
        "minor",
        {("missing_ownership", E), ("agentless_passive", W)},
    ),
    (
        "An error occurred in our billing. I'm sorry for the worry. We will refund the second charge today.",
        "minor",
        {("missing_ownership", E), ("agentless_passive", W)},
    ),
    (
        "I'm sorry your order was delayed and you missed the party. We will refund the delivery fee today.",
        "minor",
        {("missing_ownership", E), ("agentless_passive", W)},
    ),
    # Blame and excuses.
    (
        "We're sorry, but the warehouse was short-staffed.",
        "minor",
        {("missing_ownership", E), ("missing_repair", E), ("blame_or_excuse", E)},
    ),
    (
        "Unfortunately, due to high demand, we shipped your order late. I'm sorry you missed your event. We "
        "will refund the shipping today.",
        "minor",
        {("blame_or_excuse", E)},
    ),
    (
        "We delivered your furniture a week late, which was beyond our control. I'm sorry for the week "
        "without a bed. We will take 20% off your bill today.",
        "minor",
        {("blame_or_excuse", E)},
    ),
    (
        "We charged you a $50 fee as per our policy, and I'm sorry for the surprise on your bill. We will "
        "refund it today.",
        "minor",
        {("missing_ownership", E), ("blame_or_excuse", E)},
    ),
    (
        "You should have told us about the allergy when you booked. I'm sorry you became ill. We will refund "
        "your meal today.",
        "minor",
        {("missing_ownership", E), ("blame_or_excuse", E)},
    ),
    (
        "The courier lost your parcel. I'm sorry you're still waiting for your gift. A replacement arrives "
        "tomorrow.",
        "minor",
        {("missing_ownership", E), ("blame_or_excuse", E)},
    ),
    (
        "This was not our fault, but I'm sorry your flowers arrived wilted. We will send a fresh bouquet "
        "tomorrow.",
        "minor",
        {("missing_ownership", E), ("blame_or_excuse", E)},
    ),
    # No repair, or a repair with no time.
    ("We sent you the wrong size, and I'm sorry you had to return it.", "minor", {("missing_repair", E)}),
    (
        "We sent you the wrong size, and I'm sorry you had to return it. We will send the right one as soon "
        "as possible.",
        "minor",
        {("missing_repair", E)},
    ),
    (
        "We sent you the wrong size, and I'm sorry you had to return it. We will look into it.",
        "minor",
        {("missing_repair", E)},
    ),
    # No ownership.
    (
        "I'm sorry your room was not ready when you arrived after a long flight. We will upgrade you "
        "tonight.",
        "minor",
        {("missing_ownership", E), ("agentless_passive", W)},
    ),
    (
        "I'm sorry for the inconvenience. We will deliver your luggage tonight.",
        "minor",
        {("missing_ownership", E), ("missing_regret", W)},
    ),
    # Regret that names nothing.
    ("We lost your luggage. We will deliver it to your hotel tonight.", "minor", {("missing_regret", W)}),
    # Grovelling.
    (
        "I'm so sorry. We apologize for losing your suitcase. We are so sorry. Sorry again: we will deliver "
        "it to your hotel tonight.",
        "minor",
        {("over_apologizing", W)},
    ),
    # Empty reassurance.
    (
        "Your satisfaction is our top priority. We lost your reservation and I'm sorry your evening was "
        "ruined. We will seat you first on Friday with dinner on us.",
        "minor",
        {("empty_reassurance", W)},
    ),
    (
        "We value your business. We billed you twice and I'm sorry for the hassle of chasing us. We will "
        "refund the duplicate today.",
        "minor",
        {("empty_reassurance", W)},
    ),
    (  # the same words with an action beside them are not empty
        "We value your business, so we have refunded the duplicate charge. We billed you twice and I'm sorry "
        "for the hassle of chasing us.",
        "minor",
        set(),
    ),
    # Missing prevention matters for major and critical only.
    (GOOD_MINOR, "moderate", set()),
    (GOOD_MINOR, "major", {("missing_prevention", W)}),
    (GOOD_MINOR, "critical", {("missing_prevention", W)}),
    (GOOD_MINOR, "Critical", {("missing_prevention", W)}),
]


def fired(report: Report) -> set[tuple[str, str]]:
    """The (rule, level) pairs a report holds."""
    return {(f.rule, f.level) for f in (*report.errors, *report.warnings)}


def test_the_table_has_at_least_thirty_apologies() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize(("text", "severity", "expected"), CASES)
def test_rules_that_fire(text: str, severity: str, expected: set[tuple[str, str]]) -> None:
    report = check_apology(text, severity=severity)
    assert fired(report) == expected, report.lines()
    assert report.ok == (not any(level == E for _, level in expected))


# --- the hard cases --------------------------------------------------------------------------------


def test_but_inside_the_customers_quoted_words_is_not_an_excuse() -> None:
    text = (
        'You told us "I paid but got nothing". We lost your payment, and that is on us. I am sorry you were '
        "left out of pocket. We will refund the $40 today."
    )
    assert fired(check_apology(text)) == set()


@pytest.mark.parametrize(
    "closing", ["If you need anything else, call me directly.", "Let me know if the new time works."]
)
def test_an_if_that_is_not_a_condition(closing: str) -> None:
    text = f"I'm sorry we missed your appointment. I have rebooked you for Monday at 9am. {closing}"
    assert fired(check_apology(text)) == set()


def test_naming_the_courier_while_owning_the_failure_is_not_blame() -> None:
    text = (
        "We chose the courier and we let you down: our courier lost your parcel, and that is on us. I'm "
        "sorry you spent your weekend without it. A replacement arrives tomorrow."
    )
    assert fired(check_apology(text)) == set()


def test_but_as_an_excuse_is_an_error_with_its_words() -> None:
    report = check_apology("We're sorry, but the warehouse was short-staffed.")
    [excuse] = [f for f in report.errors if f.rule == "blame_or_excuse"]
    assert excuse.evidence == "but the warehouse was short-staffed"
    assert not report.ok


@pytest.mark.parametrize(
    "text",
    [
        "We lost your order, but we will deliver a fresh one by 7pm. I'm sorry you went without dinner.",
        "We lost your order. I'm sorry, but that is no excuse: we will deliver a fresh one by 7pm.",
        "We replaced the part but the leak came back. I'm sorry we left you with a wet floor. We will fix it "
        "today.",
        "Not only was your meal late, but it was cold, and we got that wrong. I'm sorry. We will refund it "
        "today.",
    ],
)
def test_a_but_that_takes_nothing_back(text: str) -> None:
    assert ("blame_or_excuse", E) not in fired(check_apology(text))


def test_sorry_for_any_inconvenience_is_a_warning_not_an_error() -> None:
    text = GOOD_MINOR + " We are sorry for any inconvenience."
    report = check_apology(text)
    assert report.ok
    assert [(f.rule, f.evidence) for f in report.warnings] == [("minimizing", "any inconvenience")]


def test_grovelling_is_a_warning() -> None:
    text = "Sorry we lost your bag. We apologize. We are so sorry. Sorry again. We will deliver it by Friday."
    report = check_apology(text)
    assert report.ok
    assert fired(report) == {("over_apologizing", W)}
    assert "4 apologies" in report.warnings[0].message


@pytest.mark.parametrize(
    "phrase",
    [
        "This was not a minor issue.",
        "I won't pretend this was a slight delay.",
        "Nothing about this was your fault.",
        "This was not beyond our control.",
        'Some firms would say "mistakes were made"; we will not.',
        "Please don't read this as 'sorry for any inconvenience'.",
        "You should have received a confirmation and you did not.",
    ],
)
def test_negated_or_quoted_phrases_are_not_flagged(phrase: str) -> None:
    assert fired(check_apology(f"{phrase} {GOOD_MINOR}")) == set()


def test_sentence_boundaries_keep_an_excuse_out_of_the_next_sentence() -> None:
    text = "Dear Mr. Lee, we lost your order. I'm sorry you went hungry. But we'll bring one by 7 p.m. today."
    assert fired(check_apology(text)) == set()


def test_a_passive_is_fine_when_the_next_sentence_says_who() -> None:
    text = (
        "Your room was not cleaned. That was our failure, and I am sorry. We will clean it within the hour."
    )
    assert fired(check_apology(text)) == set()


# --- the report --------------------------------------------------------------------------------------


def test_report_as_json_and_as_lines() -> None:
    report = check_apology("We are sorry for any inconvenience.")
    data = report.to_json()
    assert set(data) == {"errors", "warnings"}
    assert data["errors"][0] == {
        "rule": "missing_ownership",
        "message": "no ownership — say “we” and what we did wrong",
        "evidence": "",
    }
    assert {"rule": "minimizing", "evidence": "any inconvenience"}.items() <= data["warnings"][-1].items()
    lines = report.lines()
    assert lines[0] == "✗ no ownership — say “we” and what we did wrong"
    assert lines[-1].startswith("! minimizing") and lines[-1].endswith(": “any inconvenience”")
    assert check_apology(GOOD_MINOR).lines() == []


def test_evidence_is_the_exact_words_of_the_text() -> None:
    text = "We’re SORRY, but   the Warehouse was short-staffed. Mistakes were made."
    report = check_apology(text)
    flat = " ".join(text.split())
    for finding in (*report.errors, *report.warnings):
        assert finding.evidence in flat
    assert "but the Warehouse was short-staffed" in [f.evidence for f in report.errors]


def test_empty_text() -> None:
    assert fired(check_apology("")) == {
        ("missing_ownership", E),
        ("missing_repair", E),
        ("missing_regret", W),
    }


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["minor", "moderate", "major", "critical", "", "odd"]))
def test_any_text_gives_a_report(text: str, severity: str) -> None:
    report = check_apology(text, severity=severity)
    assert isinstance(report, Report)
    assert all(f.level == E for f in report.errors) and all(f.level == W for f in report.warnings)


_PHRASES = [
    "we",
    "I",
    "our",
    "sorry",
    "but",
    "if",
    "any",
    "inconvenience",
    "the courier",
    "lost",
    "your order",
    "was",
    "delayed",
    "will",
    "refund",
    "today",
    "by Friday",
    "not",
    "mistakes were made",
    "policy",
    "as per",
    "you",
    "should have",
    "“",
    "”",
    '"',
    "'",
    ".",
    ",",
    "\n",
    "apologize",
    "that is on us",
    "minor issue",
    "happen again",
]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_PHRASES), max_size=60))
def test_evidence_always_comes_from_the_text(words: list[str]) -> None:
    text = " ".join(words)
    flat = " ".join(text.split())
    report = check_apology(text, severity="major")
    for finding in (*report.errors, *report.warnings):
        assert finding.evidence.rstrip("…") in flat


_ALL_PATTERNS = [
    pattern
    for module in (rules, repair_words, flaws, excuses)
    for value in vars(module).values()
    for pattern in (value if isinstance(value, tuple) else (value,))
    if isinstance(pattern, rules.Pattern)
]
_VOCABULARY = sorted({w for p in _ALL_PATTERNS for w in re.findall(r"[a-z']{2,}", p.regex.pattern)})


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([*_VOCABULARY, ".", ",", "you", "we", "the", "a"]), max_size=40))
def test_looking_only_where_lead_words_are_finds_what_a_full_scan_finds(words: list[str]) -> None:
    doc = Doc(" ".join(words))
    for pattern in _ALL_PATTERNS:
        expected = [m.span() for m in pattern.regex.finditer(doc.scan)]
        assert [m.span() for m in doc.find(pattern)] == expected, pattern.regex.pattern[:60]


# --- speed ---------------------------------------------------------------------------------------------


def _long_texts() -> list[str]:
    rng = random.Random(7)
    letters = [text for text, _, _ in CASES]
    words = " ".join(letters).split()
    return [
        "\n\n".join(rng.choice(letters) for _ in range(400))[:100_000],
        " ".join(rng.choice(words) for _ in range(20_000))[:100_000],
        "".join(chr(rng.randint(32, 0x2FFF)) for _ in range(100_000)),
        "x" * 100_000,
        ("We are sorry. " * 8000)[:100_000],
    ]


@pytest.mark.parametrize(
    "text", _long_texts(), ids=["letters", "word-soup", "unicode", "one-letter", "repeated"]
)
def test_a_hundred_thousand_characters_are_checked(text: str) -> None:
    report = check_apology(text, severity="critical")
    assert isinstance(report.errors, tuple) and isinstance(report.warnings, tuple)
