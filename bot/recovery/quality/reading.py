"""Reading an apology once for every rule: normalized, quoted speech blanked, split into sentences.

Letters go lower case and quotes straight one character for one, so a match in the normalized text
points at the same words in the original; the rules (`rules.py`, `flaws.py`) are written for it.
"""

import bisect
import functools
import re
from collections.abc import Iterable, Iterator

from bot.recovery.quality import rules

# Letters go lower case and curly quotes straight, one character for one: offsets never move.
_CURLY, _PLAIN = "’‘‛′“”„‟″«»\u00a0\u2009\u202f", "''''" + '"' * 7 + "   "
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_NORMALIZE = str.maketrans(_UPPER + _CURLY, _UPPER.lower() + _PLAIN)
_LONGEST_SENTENCE = 600  # past this it is a paste without full stops: read it in pieces
# Quoted speech is someone else's words (usually the customer's), so no rule reads inside it.
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\n]|\n(?![ \t]*\n)){0,600}?"')
_SINGLE_QUOTED = re.compile(r"(?:^|(?<=[\s(\[{]))'(?=[^\s'])(?:[^'\n]|(?<=\w)'(?=\w)){1,300}?'(?!\w)")
# A full stop after "Mr", "e.g", "p.m" or an initial does not end a sentence; a blank line always does.
_ABBREVIATIONS = rules.word_set("mr mrs ms dr st jr sr prof e.g i.e vs approx a.m p.m")
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in sorted(_ABBREVIATIONS)) + r"(?<!(?<![\w'])[a-z]\.)"
_SENTENCE_END = re.compile(rf"(?:[!?…]|\.{_NOT_AFTER})[.!?…]*[\"')\]]*\s+|\n\s*")
_DENSE = 40  # when a lead word is one word in forty, one plain scan beats trying each place


@functools.cache
def _lead_word(lead: str) -> re.Pattern[str]:
    # The literal comes first so the regex engine can skip to it; the look-behind checks a word starts there.
    whole = "" if len(lead) >= 3 else "(?![a-z0-9])"
    return re.compile(f"{re.escape(lead)}(?<![a-z0-9]{re.escape(lead)}){whole}")


class Doc:
    """The text prepared once for every rule: normalized, quotes blanked, indexed by word, in sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        masked = _normalize(text)
        stripped = masked.strip()
        if len(stripped) > 1 and stripped[0] == stripped[-1] == '"':  # a whole apology pasted in quotes
            first, last = masked.index('"'), masked.rindex('"')
            masked = masked[:first] + " " + masked[first + 1 : last] + " " + masked[last + 1 :]
        for quoted in (_DOUBLE_QUOTED, _SINGLE_QUOTED):
            masked = quoted.sub(blank, masked)
        self.masked = masked
        ends = [m.end() for m in _SENTENCE_END.finditer(masked) if _ends_sentence(text, m)]
        self.starts = _split_long(masked, [0, *ends])
        self.ends = [*self.starts[1:], len(masked)]
        self.scan = _first_copies(masked, self.starts, self.ends)
        self._leads: dict[str, list[int]] = {}

    def find(self, pattern: rules.Pattern) -> Iterator[re.Match[str]]:
        """The matches of `pattern` in `scan`, as `finditer` gives them, tried only at its lead words."""
        positions = self.positions(pattern.leads)
        if len(positions) * _DENSE > len(self.scan):
            yield from pattern.regex.finditer(self.scan)
            return
        end = -1
        for pos in positions:
            m = pattern.regex.match(self.scan, pos) if pos >= end else None
            if m:
                end = m.end()
                yield m

    def positions(self, leads: tuple[str, ...]) -> list[int]:
        """Where words starting with one of `leads` begin (a lead under three letters is a whole word)."""
        for lead in leads:
            if lead not in self._leads:
                self._leads[lead] = [m.start() for m in _lead_word(lead).finditer(self.scan)]
        return sorted({pos for lead in leads for pos in self._leads[lead]})

    def matches(self, patterns: Iterable[rules.Pattern]) -> Iterator[tuple[rules.Pattern, re.Match[str]]]:
        """Every match of `patterns`, leaving out the negated ones ("not a minor issue")."""
        for pattern in patterns:
            for m in self.find(pattern):
                if not (pattern.negatable and self.negated(m.start())):
                    yield pattern, m

    def negated(self, pos: int) -> bool:
        """Whether a not/no/never a few words back in the same clause negates what starts at `pos`."""
        return bool(rules.NEGATION_BEFORE.search(self.masked, max(0, pos - 60), pos))

    def sentence_of(self, pos: int) -> int:
        """The index of the sentence holding `pos`."""
        return bisect.bisect_right(self.starts, pos) - 1

    def sentence(self, index: int) -> str:
        """The masked text of sentence `index` ('' past either end)."""
        if 0 <= index < len(self.starts):
            return self.masked[self.starts[index] : self.ends[index]]
        return ""

    def evidence(self, start: int, end: int, limit: int = 90) -> str:
        """The original words at [start, end), whitespace tidied, cut at a word boundary if long."""
        words = " ".join(self.text[start:end].split())
        return words if len(words) <= limit else words[:limit].rsplit(" ", 1)[0] + "…"


def _normalize(text: str) -> str:
    """Lower case, straight quotes and plain spaces, one character for one."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters: lower the ASCII letters only
        return text.translate(_NORMALIZE)
    for curly, plain in zip(_CURLY, _PLAIN, strict=True):
        lowered = lowered.replace(curly, plain)
    return lowered


def _split_long(masked: str, starts: list[int]) -> list[int]:
    """Sentence starts, plus a break at a space every few hundred characters of an endless sentence."""
    out = []
    for start, end in zip(starts, [*starts[1:], len(masked)], strict=True):
        out.append(start)
        while end - start > _LONGEST_SENTENCE:
            space = masked.rfind(" ", start + _LONGEST_SENTENCE // 2, start + _LONGEST_SENTENCE)
            start = space + 1 if space >= 0 else start + _LONGEST_SENTENCE
            out.append(start)
    return out


def _first_copies(masked: str, starts: list[int], ends: list[int]) -> str:
    """`masked` with every repeat of an earlier sentence blanked: a long paste is read once per sentence."""
    seen: set[str] = set()
    pieces = []
    for start, end in zip(starts, ends, strict=True):
        sentence = masked[start:end]
        pieces.append(" " * len(sentence) if sentence.strip() in seen else sentence)
        seen.add(sentence.strip())
    return "".join(pieces)


def blank(m: re.Match[str]) -> str:
    """The match as spaces, keeping its line breaks: offsets never move."""
    quoted = m.group()
    return " " * len(quoted) if "\n" not in quoted else re.sub(r"[^\n]", " ", quoted)


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    # A line break ends a sentence unless the next line just carries on in lower case.
    return m.group()[0] != "\n" or m.group().count("\n") > 1 or not text[m.end() : m.end() + 1].islower()
