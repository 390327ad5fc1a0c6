"""Cues read from a text's index of words find exactly what trying each word in turn finds."""

import json
from pathlib import Path

from bot.recovery.triage import reading
from bot.recovery.triage.care import CARE
from bot.recovery.triage.charges import CHARGES
from bot.recovery.triage.dangers import DANGERS
from bot.recovery.triage.events import EVENTS
from bot.recovery.triage.exposure import DISCLOSURES
from bot.recovery.triage.injuries import INJURIES
from bot.recovery.triage.lexicon import TO_PEOPLE
from bot.recovery.triage.losses import LOSSES
from bot.recovery.triage.signals import EXPOSURE, REPEAT, SMALL, UNHURT, VULNERABLE
from bot.recovery.triage.wrongs import WRONGS

CORPUS = Path(__file__).parents[1] / "corpus" / "complaints.jsonl"
CUES = sorted(
    {
        c
        for harm in (
            *TO_PEOPLE,
            *LOSSES,
            *CHARGES,
            *CARE,
            *INJURIES,
            *DANGERS,
            *EVENTS,
            *DISCLOSURES,
            *WRONGS,
        )
        for c in (*harm.cues, *harm.vetoes, *harm.needs)
    }
    | {*SMALL, *VULNERABLE, *REPEAT, *EXPOSURE, *UNHURT}
)


def test_every_cue_finds_the_same_places_through_the_index_as_word_by_word() -> None:
    texts = [json.loads(line)["text"] for line in CORPUS.read_text().splitlines()[:120]]
    texts += ["A six-year-old's electric shock from the socket, then re-shocked", "didnt isnt cant wont"]
    assert any(group.stems for cue in CUES for c in reading.cues(cue) for group in c.groups)
    for text in texts:
        indexed = reading.words(text)
        plain = list(indexed)  # a plain list: each group tried against each word
        for cue in CUES:
            assert reading.find(indexed, cue) == reading.find(plain, cue), (cue, text)


def test_a_cue_form_is_tried_only_when_the_text_has_one_of_its_needed_words() -> None:
    written = "fire_brigade|police ~ called"  # two forms: "police … called" and "fire brigade … called"

    def tried(*vocabulary: str) -> list[str]:
        forms = reading.cues(written)
        chosen = reading.forms_for(written, frozenset(vocabulary))
        return [" ".join(min(g.exact) for g in forms[n].groups) for n in chosen]

    assert tried("police", "called") == ["police called"]
    assert tried("fire", "brigade", "police", "call") == ["police called", "fire brigade called"]
    assert tried("called", "ambulance") == []
    # a form of stems alone has no plain word it needs: it is always tried
    assert reading.forms_for("burn* ... hand*", frozenset({"soup"})) == (0,)
    assert reading.find(reading.words("Nobody called the police."), written) == [(3, 1)]
