"""Triage by meaning: the embedding classifier that raises what the lexicon calls minor (issue 13)."""

import subprocess
import sys

import numpy as np

from bench.triage_train import train, tuning_rows
from bot.policy.model import SEVERITIES, TriageRules
from bot.recovery.triage import EMBEDDING, LEXICON, MIX, Knowledge, triage
from bot.recovery.triage.likeness import likeness, shipped

NO_KEYWORDS = TriageRules(keywords={}, money={})
MIXED = Knowledge(MIX)
# A medication given twice a day that no lexicon cue names: "tablets" at the "wrong" time is meaning.
DOUBLE_DOSE = "the carer gave mum the evening tablets at lunchtime as well as at night"


def test_a_case_the_lexicon_calls_minor_is_raised_by_what_it_reads_like_quoting_its_words() -> None:
    assert triage(DOUBLE_DOSE, NO_KEYWORDS, knowledge=Knowledge(LEXICON)).severity == "minor"
    verdict = triage(DOUBLE_DOSE, NO_KEYWORDS, knowledge=MIXED)
    assert verdict.severity == "moderate"
    phrase, _, quoted = verdict.reasons[0].removeprefix("reads like ").partition(" (“")
    assert verdict.reasons[0].startswith("reads like ")  # the rubric's words, not a number
    assert phrase in set(shipped()["kinds"])
    assert quoted.rstrip("”)").rstrip("…") in DOUBLE_DOSE  # and the complaint's own words


def test_the_classifier_alone_never_makes_a_case_serious_in_the_mix() -> None:
    # Words it reads in pieces ("misspelled" → "miss…") must not make a once-only occasion missed.
    for text in (DOUBLE_DOSE, "the guest's welcome card misspelled her name", "they missed the bus"):
        verdict = triage(text, NO_KEYWORDS, knowledge=MIXED)
        assert SEVERITIES.index(verdict.severity) <= SEVERITIES.index("moderate"), verdict


def test_what_the_reporter_denies_is_not_read_by_meaning() -> None:
    denied = "Nobody was hurt and nothing was damaged, but the guest is unhappy about the noise tonight."
    assert triage(denied, NO_KEYWORDS, knowledge=MIXED).severity == "minor"


def test_a_lapse_called_small_is_not_raised_by_meaning() -> None:
    small = "They charged me $4.50 for extra milk, which seems a bit much."
    assert triage(small, NO_KEYWORDS, knowledge=MIXED).severity == "minor"


def test_a_few_words_are_too_few_to_read_by_meaning() -> None:
    for text in ("$1,000,000 gone", "", "   ", "😡😡😡"):
        assert triage(text, NO_KEYWORDS, knowledge=Knowledge(EMBEDDING)).severity == "minor"


def test_the_same_text_always_reads_the_same() -> None:
    first, second = likeness(DOUBLE_DOSE), likeness(DOUBLE_DOSE)
    assert first.chances == second.chances
    assert abs(sum(first.chances) - 1) < 1e-6


def test_the_shipped_weights_are_what_the_build_script_trains() -> None:
    trained, stored = train(tuning_rows()), shipped()
    assert set(trained) == set(stored)
    for name in ("w", "b", "kind_vectors"):
        assert np.allclose(trained[name], stored[name], atol=1e-4), name
    assert list(trained["kinds"]) == list(stored["kinds"])


def test_the_model_is_loaded_only_when_a_complaint_needs_it() -> None:
    probe = (
        "import sys\n"
        "import bot.cli\n"
        "from bot.recovery.triage import triage, Knowledge\n"
        "from bot.policy.model import TriageRules\n"
        "assert 'wordllama' not in sys.modules\n"
        "triage('a guest was injured by the door', TriageRules(keywords={}, money={}), knowledge=Knowledge('mix'))\n"
        "assert 'wordllama' not in sys.modules  # the lexicon settled it\n"
        "triage('the guest says her receipt had a typo', TriageRules(keywords={}, money={}), knowledge=Knowledge('lexicon'))\n"
        "assert 'wordllama' not in sys.modules  # the lexicon alone never loads it\n"
        "triage('the guest says her receipt had a typo', TriageRules(keywords={}, money={}))\n"
        "assert 'wordllama' not in sys.modules  # nor does the shipped triage, which reads by words\n"
        "triage('the guest says her receipt had a typo', TriageRules(keywords={}, money={}), knowledge=Knowledge('mix'))\n"
        "assert 'wordllama' in sys.modules  # the mix reads what the lexicon calls minor by meaning\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)


def test_prepare_loads_the_model_before_any_complaint() -> None:
    probe = (
        "import sys\n"
        "from bot.recovery.triage import prepare, Knowledge\n"
        "prepare(Knowledge('lexicon'))\n"
        "prepare()\n"
        "assert 'wordllama' not in sys.modules  # the shipped triage never needs it\n"
        "prepare(Knowledge('mix'))\n"
        "assert 'wordllama' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)


def test_prepare_reads_the_dictionary_of_lemmas_before_any_complaint() -> None:
    probe = (
        "from simplemma.strategies.dictionaries import dictionary_factory as factory\n"
        "from bot.recovery.triage import Knowledge, harms, prepare\n"
        "loads = []\n"
        "load = factory._load_dictionary_from_disk\n"
        "factory._load_dictionary_from_disk = lambda lang: loads.append(lang) or load(lang)\n"
        "prepare(Knowledge('lexicon'))\n"
        "assert loads == ['en'], loads\n"
        "harms.read('Housekeeping threw away her insulin; her children were upset.')\n"
        "assert loads == ['en'], loads  # the first complaint reads nothing from disk\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)
