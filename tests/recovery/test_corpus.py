"""The labelled corpora in tests/corpus: big and varied enough to judge the bot by, and the bot's
judgment on the tuning part (the held-out part is reported by `bounceback eval`, never tuned on)."""

import json
from collections import Counter
from pathlib import Path

from bot.policy.model import DEFAULT_MONEY, TriageRules
from bot.recovery import evaluation
from bot.recovery.triage import LEXICON, MIX, Knowledge

CORPUS = Path(__file__).parents[1] / "corpus"
NO_KEYWORDS = TriageRules(keywords={}, money=DEFAULT_MONEY)


def _written(*names: str) -> list[Path]:
    """The corpus files that have examples: the held-out parts are empty until someone who has not
    seen the code writes them."""
    return [CORPUS / name for name in names if (CORPUS / name).read_text(encoding="utf-8").strip()]


def test_the_complaints_cover_every_level_and_at_least_twelve_industries() -> None:
    # A held-out set once read is folded into the tuning set under its own ids: counted once.
    rows = list(
        {
            row["id"]: row
            for path in _written("complaints.jsonl", "complaints.heldout.jsonl")
            for row in map(json.loads, path.open())
        }.values()
    )
    assert len(rows) >= 300
    assert len({row["industry"] for row in rows}) >= 12
    assert set(Counter(row["severity"] for row in rows)) == {"minor", "moderate", "major", "critical"}
    assert all(row["why"].strip() for row in rows)
    assert len({row["text"] for row in rows}) == len(rows)


def test_the_apologies_are_good_and_flawed_with_public_ones_named_by_source() -> None:
    examples = [
        example
        for path in _written("apologies.jsonl", "apologies.heldout.jsonl")
        for example in evaluation.read_labelled(path, apologies=True)
    ]
    assert len(examples) >= 150
    assert {e.good for e in examples} == {True, False}
    assert all(e.good == (not e.flaws) for e in examples)
    public = [
        line
        for path in _written("apologies.jsonl", "apologies.heldout.jsonl")
        for line in path.open()
        if '"source": "written"' not in line
    ]
    assert len(public) >= 20


def test_triage_on_the_tuning_set_without_keywords_stays_close_to_people() -> None:
    score = evaluation.score_triage(evaluation.read_labelled(CORPUS / "complaints.jsonl"), NO_KEYWORDS)
    assert score.within_one / score.total >= 0.95
    assert score.clear_exact / score.clear >= 0.8


def test_the_mix_on_the_tuning_set_calls_fewer_serious_cases_minor_than_the_lexicon() -> None:
    examples = evaluation.read_labelled(CORPUS / "complaints.jsonl")
    lexicon = evaluation.score_triage(examples, NO_KEYWORDS, Knowledge(LEXICON))
    mixed = evaluation.score_triage(examples, NO_KEYWORDS, Knowledge(MIX))
    assert len(mixed.under_called) < len(lexicon.under_called)
    assert mixed.clear_exact >= lexicon.clear_exact and mixed.within_one >= lexicon.within_one


def test_the_apology_check_on_the_tuning_set_names_flaws_and_spares_good_apologies() -> None:
    score = evaluation.score_apologies(evaluation.read_labelled(CORPUS / "apologies.jsonl", apologies=True))
    assert score.flawed_named / score.flawed >= 0.85
    assert len(score.good_with_errors) / score.good <= 0.05


def test_a_bad_line_is_named_with_its_number(tmp_path: Path) -> None:
    labelled = tmp_path / "bad.jsonl"
    labelled.write_text('{"text": "ok", "severity": "minor"}\n{"text": "x", "severity": "huge"}\n')
    try:
        evaluation.read_labelled(labelled)
    except evaluation.LabelError as err:
        assert ":2:" in str(err) and "severity" in str(err)
    else:
        raise AssertionError("a bad severity was accepted")
