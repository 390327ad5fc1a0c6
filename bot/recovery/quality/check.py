"""The apology quality check (SPEC §3): named rules that say what an apology is missing or gets wrong.

An apology works when it owns the failure, repairs it by a time, names the harm, and (for serious
cases) says what changed; excuses, conditionals and grovelling undo it. Each rule reports the exact
words that triggered it. The patterns and their reasons live in `bot.quality_rules`.
"""

import bisect
import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from bot.recovery.quality import rules

Level = Literal["error", "warning"]

ERROR_RULES = frozenset({"missing_ownership", "missing_repair", "blame_or_excuse"})
NEEDS_PREVENTION = frozenset({"major", "critical"})
MAX_PER_RULE = 10  # a 100k-character paste should not produce a thousand-line report


@dataclass(frozen=True)
class Finding:
    """One problem with an apology, with the words that triggered it."""

    rule: str
    message: str
    evidence: str
    level: Level


@dataclass(frozen=True)
class Report:
    """The result of checking one apology: errors block sending as written, warnings advise."""

    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when there are no errors."""
        return not self.errors

    def to_json(self) -> dict[str, list[dict[str, str]]]:
        """The report as plain data, as `bounceback check-apology --json` prints it."""

        def plain(findings: tuple[Finding, ...]) -> list[dict[str, str]]:
            return [{"rule": f.rule, "message": f.message, "evidence": f.evidence} for f in findings]

        return {"errors": plain(self.errors), "warnings": plain(self.warnings)}

    def lines(self) -> list[str]:
        """One human line per finding: "✗ …" for errors, "! …" for warnings."""
        out = []
        for mark, findings in (("✗", self.errors), ("!", self.warnings)):
            for f in findings:
                out.append(f"{mark} {f.message}" + (f": “{f.evidence}”" if f.evidence else ""))
        return out


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
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in sorted(_ABBREVIATIONS)) + r"(?<!\b[a-z]\.)"
_SENTENCE_END = re.compile(rf"(?:[!?…]|\.{_NOT_AFTER})[.!?…]*[\"')\]]*\s+|\n\s*")
_DENSE = 40  # when a lead word is one word in forty, one plain scan beats trying each place


@functools.cache
def _lead_word(lead: str) -> re.Pattern[str]:
    # The literal comes first so the regex engine can skip to it; the look-behind checks a word starts there.
    whole = "" if len(lead) >= 3 else "(?![a-z0-9])"
    return re.compile(f"{re.escape(lead)}(?<![a-z0-9]{re.escape(lead)}){whole}")


class _Doc:
    """The text prepared once for every rule: normalized, quotes blanked, indexed by word, in sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        masked = _normalize(text)
        stripped = masked.strip()
        if len(stripped) > 1 and stripped[0] == stripped[-1] == '"':  # a whole apology pasted in quotes
            first, last = masked.index('"'), masked.rindex('"')
            masked = masked[:first] + " " + masked[first + 1 : last] + " " + masked[last + 1 :]
        for quoted in (_DOUBLE_QUOTED, _SINGLE_QUOTED):
            masked = quoted.sub(_blank, masked)
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


def _blank(m: re.Match[str]) -> str:
    quoted = m.group()
    return " " * len(quoted) if "\n" not in quoted else re.sub(r"[^\n]", " ", quoted)


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    # A line break ends a sentence unless the next line just carries on in lower case.
    return m.group()[0] != "\n" or m.group().count("\n") > 1 or not text[m.end() : m.end() + 1].islower()


class _Ownership:
    """Where the apology owns what we did wrong, worked out one sentence at a time, only when asked."""

    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        leads = (rules.AGENT, rules.REGRET_FOR_GERUND, *rules.ADMISSIONS)
        self.candidates = sorted({doc.sentence_of(m.start()) for p in leads for m in doc.find(p)})
        self.cache: dict[str, bool] = {}

    @functools.cached_property
    def anywhere(self) -> bool:
        """Whether any sentence owns the failure."""
        return any(self.owns(index) for index in self.candidates)

    def owns(self, index: int) -> bool:
        """Whether sentence `index` owns the failure: "we/I" + what we did wrong, or "that is on us"."""
        sentence = self.doc.sentence(index)
        if sentence not in self.cache:
            self.cache[sentence] = _owns(sentence)
        return self.cache[sentence]


def _owns(sentence: str) -> bool:
    for denial in rules.DENIALS:  # "not our fault" must not read as "our fault"
        sentence = denial.regex.sub(_blank, sentence)
    return any(p.regex.search(sentence) for p in rules.ADMISSIONS) or _agent_then_failure(sentence)


def _agent_then_failure(sentence: str) -> bool:
    """Whether "we/I" is followed closely by what we did wrong ("we sent the wrong order")."""
    failures = sorted(m.start() for f in (rules.FAILURE, rules.GERUND_FAILURE) for m in f.finditer(sentence))
    if not failures:
        return False
    for agent in rules.AGENT.regex.finditer(sentence):
        i = bisect.bisect_left(failures, agent.end())
        if i == len(failures) or failures[i] - agent.end() > 120:
            continue
        if rules.AGENT_IN_CONDITION.search(sentence, max(0, agent.start() - 10), agent.start()):
            continue  # "if we made a mistake" owns nothing
        if _failure_within(sentence, agent.end(), rules.FAILURE):
            return True
    return any(  # "sorry for losing your bag", "sorry for not calling": the gerund carries the "I"
        rules.GERUND_FAILURE.match(sentence, m.end()) or _failure_within(sentence, m.end(), rules.FAILURE)
        for m in rules.REGRET_FOR_GERUND.regex.finditer(sentence)
    )


def _failure_within(sentence: str, pos: int, *failures: re.Pattern[str]) -> bool:
    """Whether a failure word follows `pos` within eight words, in the same clause, before a stop word."""
    stop = rules.CLAUSE_BREAK.search(sentence, pos, pos + 120)
    window = sentence[pos : stop.start() if stop else pos + 120]
    halt = rules.OWNERSHIP_STOP.search(window)
    window = window[: halt.start()] if halt else window
    words = list(rules.WORD.finditer(window))
    window = window[: words[7].end()] if len(words) > 8 else window
    return any(failure.search(window) for failure in failures)


@dataclass(frozen=True)
class _Hit:
    """A finding still tied to where it was found, so overlapping matches of one rule count once."""

    rule: str
    message: str
    evidence: str
    start: int = -1
    end: int = -1


def _tidy(hits: list[_Hit]) -> list[Finding]:
    kept: list[Finding] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    seen: set[tuple[str, str]] = set()
    for hit in hits:
        taken = spans.setdefault(hit.rule, [])
        key = (hit.rule, hit.evidence.lower())
        overlaps = any(start < hit.end and hit.start < end for start, end in taken)
        if key in seen or overlaps or len(taken) >= MAX_PER_RULE:
            continue
        seen.add(key)
        taken.append((hit.start, hit.end))
        level: Level = "error" if hit.rule in ERROR_RULES else "warning"
        kept.append(Finding(hit.rule, hit.message, hit.evidence, level))
    return kept


@functools.lru_cache(maxsize=512)  # a draft is checked when written and again when shown
def check_apology(text: str, *, severity: str = "minor") -> Report:
    """Check an apology against SPEC §3 and say, with evidence, what is missing or wrong."""
    doc = _Doc(text if isinstance(text, str) else "")
    owned = _Ownership(doc)
    hits: list[_Hit] = []
    if not owned.anywhere:
        hits.append(_Hit("missing_ownership", "no ownership — say “we” and what we did wrong", ""))
    hits += _missing_repair(doc)
    hits += _missing_regret(doc, owned)
    level = str(severity).strip().lower()
    if level in NEEDS_PREVENTION and next(doc.matches(rules.PREVENTION), None) is None:
        hits.append(
            _Hit("missing_prevention", f"{level}: nothing on what we changed so it won't happen again", "")
        )
    hits += _flagged(doc, "conditional", rules.CONDITIONAL)
    hits += _flagged(doc, "minimizing", rules.MINIMIZING)
    hits += _flagged(
        doc, "agentless_passive", rules.AGENTLESS_PASSIVE, unless=lambda i: _owned_near(owned, i)
    )
    hits += _flagged(doc, "blame_or_excuse", rules.BLAME_OR_EXCUSE)
    hits += _but_excuses(doc)
    if not owned.anywhere:
        hits += _flagged(doc, "blame_or_excuse", rules.THIRD_PARTY)
    acted = {doc.sentence_of(m.start()) for _, m in doc.matches((*rules.REPAIR_ACTIONS, *rules.PREVENTION))}
    hits += _flagged(doc, "empty_reassurance", rules.EMPTY_REASSURANCE, unless=acted.__contains__)
    hits += _over_apologizing(doc)
    findings = _tidy(hits)
    return Report(
        errors=tuple(f for f in findings if f.level == "error"),
        warnings=tuple(f for f in findings if f.level == "warning"),
    )


# --- missing: repair and regret ---------------------------------------------------------------------


def _missing_repair(doc: _Doc) -> list[_Hit]:
    if next(doc.matches(rules.REPAIR_DONE), None) is not None:
        return []
    actions = sorted((m for _, m in doc.matches(rules.REPAIR_ACTIONS)), key=lambda m: m.start())
    timed: set[int] = set()
    for m in actions:
        index = doc.sentence_of(m.start())
        if index in timed:
            continue
        if rules.TIME.search(doc.sentence(index)) or rules.TIME.search(doc.sentence(index + 1)):
            return []
        timed.add(index)
    if actions:
        m = actions[0]
        message = "no time on the repair — say by when (“by Friday 5pm”, “today”)"
        return [_Hit("missing_repair", message, doc.evidence(m.start(), m.end()), m.start(), m.end())]
    vague = next(doc.find(rules.VAGUE_REPAIR), None)
    if vague:
        message = "vague repair — say exactly what we will do and by when"
        return [_Hit("missing_repair", message, doc.evidence(vague.start(), vague.end()))]
    return [_Hit("missing_repair", "no repair — say what we will do to put it right, and by when", "")]


def _missing_regret(doc: _Doc, owned: _Ownership) -> list[_Hit]:
    first, checked, specific = -1, set[int](), dict[str, bool]()
    for m in doc.find(rules.REGRET):
        index = doc.sentence_of(m.start())
        if index in checked:
            continue
        checked.add(index)
        sentence = doc.sentence(index)
        if sentence not in specific:
            words = (w.group() for w in rules.WORD.finditer(sentence))
            specific[sentence] = any(len(w) > 2 and w not in rules.GENERIC_WORDS for w in words)
        if specific[sentence] or owned.owns(index - 1):
            return []
        first = index if first < 0 else first
    if first < 0:
        return [_Hit("missing_regret", "no apology — say sorry for what this did to them", "")]
    message = "sorry for what? — name the harm (“sorry we kept you waiting two hours”)"
    return [_Hit("missing_regret", message, doc.evidence(doc.starts[first], doc.ends[first]))]


# --- flagged wording --------------------------------------------------------------------------------


def _flagged(
    doc: _Doc, rule: str, patterns: Iterable[rules.Pattern], unless: Callable[[int], bool] | None = None
) -> list[_Hit]:
    found = []
    for pattern, m in doc.matches(patterns):
        if unless is None or not unless(doc.sentence_of(m.start())):
            found.append(_Hit(rule, pattern.reason, doc.evidence(m.start(), m.end()), m.start(), m.end()))
            if len(found) >= 4 * MAX_PER_RULE:
                break
    return found


def _owned_near(owned: _Ownership, index: int) -> bool:
    """A passive is fine when the sentence before, itself or the one after says who did it."""
    return owned.owns(index) or owned.owns(index - 1) or owned.owns(index + 1)


def _but_excuses(doc: _Doc) -> list[_Hit]:
    """ "Sorry, but …": a "but" after an apology or admission that is not followed by a commitment."""
    found: list[_Hit] = []
    openers: dict[int, tuple[float, float]] = {}
    for m in doc.find(rules.BUT):
        index = doc.sentence_of(m.start())
        if not doc.masked[doc.starts[index] : m.start()].strip():
            index -= 1  # "I'm sorry. But the warehouse …": the apology is in the sentence before
        if index not in openers:
            openers[index] = (
                min(_first(doc, index, rules.BUT_AFTER_APOLOGY), _first(doc, index, rules.FAILURE)),
                _first(doc, index, rules.BUT_NOT_ONLY),
            )
        apologized_at, not_only_at = openers[index]
        if apologized_at > m.start() or not_only_at < m.start():
            continue
        if rules.BUT_NOT_CONTRAST.search(doc.masked, max(0, m.start() - 12), m.start()):
            continue  # "nothing but", "last but not least"
        if rules.BUT_THEN_COMMITMENT.match(doc.masked, m.end(), m.end() + 80):
            continue
        stop = rules.CLAUSE_BREAK.search(doc.masked, m.end() + 1, m.end() + 120)
        words = list(rules.WORD.finditer(doc.masked, m.start(), stop.start() if stop else m.end() + 60))
        end = words[min(len(words), 7) - 1].end() if words else m.end()
        found.append(_Hit("blame_or_excuse", rules.BUT.reason, doc.evidence(m.start(), end), m.start(), end))
        if len(found) >= MAX_PER_RULE:
            break
    return found


def _first(doc: _Doc, index: int, pattern: re.Pattern[str]) -> float:
    """Where `pattern` first matches in sentence `index`, or infinity."""
    m = pattern.search(doc.sentence(index))
    return doc.starts[index] + m.start() if m else math.inf


def _over_apologizing(doc: _Doc) -> list[_Hit]:
    regrets = list(rules.REGRET.regex.finditer(doc.masked))  # every copy counts
    if len(regrets) <= 2:
        return []
    third = doc.sentence_of(regrets[2].start())
    message = f"over-apologizing — {len(regrets)} apologies; one sincere apology is enough"
    return [_Hit("over_apologizing", message, doc.evidence(doc.starts[third], doc.ends[third]))]
