"""A complaint read word by word, with each word's dictionary form, and the cues that find ideas in it.

"binned", "threw away" and "tossed" are one idea only once words are reduced to their lemma
(simplemma ships its English data inside the package: nothing is downloaded). A cue is a short
pattern over words written as text, so the knowledge in `harms.py` reads like a list of phrases:

    "throw|bin|toss|discard ... medic*|meds|insulin"

- `a|b` is one word, any of these (its lemma or as written); `medic*` is any word starting so.
- two groups side by side are two words in a row; `...` lets up to seven words come between them,
  in that order; `~` lets the second come up to five words before or after the first;
- `fire_brigade` is an option of two words in a row.
A cue never reaches across a sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import simplemma

GAP = 8  # "…": the next group may be up to this many words on
NEAR = 6  # "~": the next group may be up to this many words before or after

_WORD = re.compile(
    r"(?:\d+-)?[^\W\d_]+(?:[-'’&][^\W\d_]+)*|\d+(?:st|nd|rd|th)\b|\d+(?:[.,:]\d+)*"
)  # "3rd" is a word
_SENTENCE_END = re.compile(r"[.!?;\n]+\s*|\s+[-–—]\s+|:\s+(?=\S)")
_CLAUSE_END = re.compile(r"[.!?;,:()\n–—]|\s-\s")
_CLITICS = {"n't": "not", "'ve": "have", "'ll": "will", "'d": "would", "'re": "", "'m": "", "'s": ""}
# Staff often type contractions without the apostrophe: "didnt", "isnt", "couldnt" read as "did not".
_BARE_NOT = {
    f"{base}nt": base
    for base in (
        "did",
        "is",
        "was",
        "were",
        "are",
        "could",
        "would",
        "should",
        "does",
        "do",
        "has",
        "have",
        "had",
    )
} | {"cant": "can", "wont": "will", "aint": "is"}


@dataclass(frozen=True)
class Word:
    """One word of the text: as written (lower case), its lemma, where it is, and its sentence."""

    text: str
    lemma: str
    start: int
    end: int
    sentence: int
    clause: int  # a comma, dash or bracket starts a new one: negation stays inside it


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of an English word, lower case ("threw" → "throw", "children" → "child")."""
    return str(simplemma.lemmatize(word, lang="en")).lower()


class Words(list[Word]):
    """The words of a text, with where each word and lemma stands, so a cue's first word is looked up
    rather than tried against every word (a complaint is read against hundreds of cues)."""

    @functools.cached_property
    def places(self) -> dict[str, tuple[int, ...]]:
        """Each word, as written and as its lemma, and the indexes where it stands."""
        found: dict[str, list[int]] = {}
        for i, word in enumerate(self):
            found.setdefault(word.text, []).append(i)
            if word.lemma != word.text:
                found.setdefault(word.lemma, []).append(i)
        return {key: tuple(at) for key, at in found.items()}

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word of the text, as written and as its lemma."""
        return frozenset(self.places)

    @functools.cached_property
    def fitted(self) -> dict[Group, tuple[list[int], frozenset[int]]]:
        """The words each cue group tried so far fits (in order, and as a set): a group shared by many
        cues ("not", "staff|waiter*") is tried against the text once."""
        return {}


def words(text: str) -> Words:
    """The words of the text in order; "wasn't" is "was" then "not", "she's" is "she"."""
    out = Words()
    sentence, clause, last = 0, 0, 0
    for m in _WORD.finditer(text):
        if _SENTENCE_END.search(text, last, m.start()):
            sentence += 1
        if _CLAUSE_END.search(text, last, m.start()):
            clause += 1
        last = m.end()
        written = m.group().lower().replace("’", "'")
        for part, start, end in _split_clitic(written, m.start(), m.end()):
            if part:
                out.append(Word(part, lemma(part) if part.isalpha() else part, start, end, sentence, clause))
    return out


def _split_clitic(written: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    for clitic, meaning in _CLITICS.items():
        if written.endswith(clitic) and len(written) > len(clitic):
            base = written[: -len(clitic)]
            base = {"ca": "can", "wo": "will", "sha": "shall"}.get(base, base)
            yield base, start, end - len(clitic)
            yield meaning, end - len(clitic), end
            return
    base = _BARE_NOT.get(written)
    if base is not None:
        yield base, start, start + len(base)
        yield "not", start, end  # quoted from the whole word: "isnt on the list"
        return
    yield written.strip("'-"), start, end


@dataclass(frozen=True)
class Group:
    """One word of a cue: any of these words or lemmas, or any word starting with one of the stems."""

    exact: frozenset[str]
    stems: tuple[str, ...]
    endings: tuple[str, ...]  # "*year-old": "six-year-old", "6-year-old"

    def fits(self, word: Word) -> bool:
        """Whether this word (as written or as its lemma) is one of the group's."""
        if word.text in self.exact or word.lemma in self.exact:
            return True
        if self.stems and (word.text.startswith(self.stems) or word.lemma.startswith(self.stems)):
            return True
        return bool(self.endings) and word.text.endswith(self.endings)

    def places(self, text_words: list[Word]) -> list[int]:
        """The indexes of the words this group fits, in order."""
        if not isinstance(text_words, Words):
            return [i for i, word in enumerate(text_words) if self.fits(word)]
        return self._fitted(text_words)[0]

    def _fitted(self, text_words: Words) -> tuple[list[int], frozenset[int]]:
        known = text_words.fitted.get(self)
        if known is None:
            places = self._places(text_words)
            known = text_words.fitted[self] = (places, frozenset(places))
        return known

    def fits_at(self, text_words: list[Word], i: int) -> bool:
        """Whether the group fits the word at index `i`."""
        if isinstance(text_words, Words):
            return i in self._fitted(text_words)[1]
        return self.fits(text_words[i])

    def _places(self, text_words: Words) -> list[int]:
        if self.endings:
            return [i for i, word in enumerate(text_words) if self.fits(word)]
        # a word fits when its text or its lemma is one of the words, or starts with a stem: both are in
        # the vocabulary, each indexed to where it stands, and the vocabulary is shorter than the text
        present = self.exact & text_words.vocabulary
        if self.stems:
            present |= {w for w in text_words.vocabulary if w.startswith(self.stems)}
        if not present:
            return []
        index = text_words.places
        return sorted({i for option in present for i in index[option]})


@dataclass(frozen=True)
class Cue:
    """Groups of words in a row, or near each other: one way of saying an idea."""

    written: str
    groups: tuple[Group, ...]
    joins: tuple[str, ...]  # between group i and i+1: " " next word, "..." within GAP after, "~" either side

    @functools.cached_property
    def needed(self) -> tuple[frozenset[str], ...]:
        """The groups of plain words: the text has none of one of them, the cue cannot match."""
        return tuple(g.exact for g in self.groups if not (g.stems or g.endings))

    def find(self, text_words: list[Word]) -> list[tuple[int, ...]]:
        """The word indexes each place the cue matches, left to right (one per group, in group order)."""
        if isinstance(text_words, Words):
            vocabulary = text_words.vocabulary
            for needed in self.needed:
                if needed.isdisjoint(vocabulary):
                    return []
        found = [self._rest(text_words, (i,), 1) for i in self.groups[0].places(text_words)]
        return [matched for matched in found if matched is not None]

    def _rest(self, text_words: list[Word], matched: tuple[int, ...], step: int) -> tuple[int, ...] | None:
        if step == len(self.groups):
            return matched
        group, join, at = self.groups[step], self.joins[step - 1], matched[-1]
        sentence = text_words[at].sentence
        if join == " ":
            places = range(at + 1, min(at + 2, len(text_words)))
        elif join == "...":
            places = range(at + 1, min(at + 1 + GAP, len(text_words)))
        else:
            places = range(max(0, at - NEAR), min(at + 1 + NEAR, len(text_words)))
        for j in places:
            if j not in matched and text_words[j].sentence == sentence and group.fits_at(text_words, j):
                found = self._rest(text_words, (*matched, j), step + 1)
                if found is not None:
                    return found
        return None


@functools.cache
def cues(written: str) -> tuple[Cue, ...]:
    """Compile a cue from its text ("electric*|socket ~ shock|jolt"); an option of several words is
    written with underscores ("fire_brigade|police") and becomes its own cue, word after word."""
    variants: list[tuple[list[Group], list[str]]] = [([], [])]
    join = " "
    for token in written.split():
        if token in ("...", "~"):
            join = token
            continue
        options = [_normal(o) for o in token.split("|")]
        single = [o for o in options if "_" not in o]
        ways: list[list[Group]] = [[_group(single)]] if single else []
        ways += [[_group([part]) for part in o.split("_")] for o in options if "_" in o]
        variants = [
            (groups + way, joins + ([join] if groups else []) + [" "] * (len(way) - 1))
            for groups, joins in variants
            for way in ways
        ]
        join = " "
    if not variants[0][0]:
        raise ValueError(f"empty cue: {written!r}")
    return tuple(Cue(written, tuple(groups), tuple(joins)) for groups, joins in variants)


def _normal(option: str) -> str:
    """An option read the way the text is: "can't_log" is "can_not_log", "someone_else's" is "someone_else"."""
    parts = [p for part in option.split("_") for p, _, _ in _split_clitic(part, 0, len(part))]
    return "_".join(p for p in parts if p)


def _group(options: list[str]) -> Group:
    return Group(
        exact=frozenset(o for o in options if "*" not in o),
        stems=tuple(o[:-1] for o in options if o.endswith("*")),
        endings=tuple(o[1:] for o in options if o.startswith("*")),
    )


def find(text_words: list[Word], written: str) -> list[tuple[int, ...]]:
    """The word indexes of every place the cue, in any of its forms, matches."""
    forms, keys, by_word, always = _indexed(written)
    if isinstance(text_words, Words):  # only the forms whose needed words the text has are tried
        present = keys.intersection(text_words.vocabulary)
        if not present and not always:
            return []  # most cues are far from most complaints: one look a cue, not one a form
        forms = tuple(forms[n] for n in _chosen(present, by_word, always))
    return [matched for form in forms for matched in form.find(text_words)]


def forms_for(written: str, vocabulary: frozenset[str]) -> tuple[int, ...]:
    """Which forms of the cue (their indexes in `cues(written)`, in order) a text with this vocabulary
    could match: a form that needs one of a group's plain words is left out when the text has none."""
    _, keys, by_word, always = _indexed(written)
    return _chosen(keys.intersection(vocabulary), by_word, always)


def _chosen(
    present: frozenset[str], by_word: dict[str, tuple[int, ...]], always: tuple[int, ...]
) -> tuple[int, ...]:
    if not present:
        return always
    return tuple(sorted({n for word in present for n in by_word[word]}.union(always)))


@functools.cache
def _indexed(
    written: str,
) -> tuple[tuple[Cue, ...], frozenset[str], dict[str, tuple[int, ...]], tuple[int, ...]]:
    """The cue's forms; for each, one of its plain-word groups (the smallest), indexed by word; and the
    forms with none (always tried)."""
    forms = cues(written)
    by_word: dict[str, list[int]] = {}
    always: list[int] = []
    for n, form in enumerate(forms):
        if not form.needed:
            always.append(n)
            continue
        for word in min(form.needed, key=len):
            by_word.setdefault(word, []).append(n)
    index = {word: tuple(found) for word, found in by_word.items()}
    return forms, frozenset(index), index, tuple(always)


def quote(text: str, text_words: list[Word], span: tuple[int, int], limit: int = 60) -> str:
    """The words of a match as written, on one line, clipped to `limit` characters."""
    first, last = span
    written = " ".join(text[text_words[first].start : text_words[last].end].split())
    return written if len(written) <= limit else written[: limit - 1].rstrip() + "…"
