"""The apology quality check (SPEC §3): named rules that say what an apology is missing or gets wrong.

An apology works when it owns the failure, repairs it by a time, names the harm, and (for serious
cases) says what changed; excuses, conditionals and grovelling undo it. Each rule reports the exact
words that triggered it. The patterns live in `rules.py` (what a good apology says) and `flaws.py`
(wording that undoes it).
"""

import bisect
import functools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from bot.recovery.quality import flaws, rules
from bot.recovery.quality.reading import Doc, blank

Level = Literal["error", "warning"]

ERROR_RULES = frozenset({"missing_ownership", "missing_repair", "blame_or_excuse"})
RULES = ERROR_RULES | {
    "missing_regret",
    "missing_prevention",
    "conditional",
    "minimizing",
    "agentless_passive",
    "empty_reassurance",
    "over_apologizing",
}
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


CONDITION_REACH = 24  # characters before "we" where "if" or "you feel that" is looked for
BARE_REGRET = 5  # words: "I am so very sorry."


class _Ownership:
    """Where the apology owns what we did wrong, worked out one sentence at a time, only when asked."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        leads = (rules.AGENT, rules.REGRET_FOR_GERUND, *rules.ADMISSIONS)
        self.candidates = sorted({doc.sentence_of(m.start()) for p in leads for m in doc.find(p)})
        self.cache: dict[str, bool] = {}

    @functools.cached_property
    def anywhere(self) -> bool:
        """Whether any sentence owns the failure, or says what we did to them in an apology that says sorry."""
        return any(self.owns(index) for index in self.candidates) or self.done_to_them

    @functools.cached_property
    def done_to_them(self) -> bool:
        if next(self.doc.find(rules.REGRET), None) is None:
            return False
        for index in self.candidates:
            sentence = _without_denials(self.doc.sentence(index))
            if any(p.regex.search(sentence) for p in flaws.BLAME_OR_EXCUSE):
                continue  # "we charged you a fee as per our policy" justifies it
            for m in rules.DONE_TO_YOU.finditer(sentence):
                if not rules.AGENT_IN_CONDITION.search(
                    sentence, max(0, m.start() - CONDITION_REACH), m.start()
                ):
                    return True
        return False

    def owns(self, index: int) -> bool:
        """Whether sentence `index` owns the failure: "we/I" + what we did wrong, or "that is on us"."""
        sentence = self.doc.sentence(index)
        if sentence not in self.cache:
            self.cache[sentence] = _owns(sentence)
        if self.cache[sentence]:
            return True
        # "Apologies - we billed you for a plan you had cancelled", "I'm so sorry. We sent your letter to
        # your old address": what we did, said with the regret or just after a bare "I'm sorry."
        before = self.doc.sentence(index - 1) if index else ""
        if len(rules.WORD.findall(before)) <= BARE_REGRET and rules.REGRET.regex.search(before):
            return _did(sentence, 0)
        if rules.VERDICT.search(sentence) and _did(before, 0):
            return True  # "Our host dropped the cake. That should never have happened."
        regret = rules.REGRET.regex.search(sentence)  # the sorry comes first: it is a sorry for what we did
        return regret is not None and _did(sentence, regret.end())


def _without_denials(sentence: str) -> str:
    for denial in rules.DENIALS:  # "not our fault" must not read as "our fault"
        sentence = denial.regex.sub(blank, sentence)
    return sentence


def _owns(sentence: str) -> bool:
    sentence = _without_denials(sentence)
    return any(p.regex.search(sentence) for p in rules.ADMISSIONS) or _agent_then_failure(sentence)


def _did(sentence: str, after: int) -> bool:
    """Whether we are the doer of something in this sentence after `after`, outside a condition ("if
    we sent …")."""
    sentence = _without_denials(sentence)
    return any(
        not rules.AGENT_IN_CONDITION.search(sentence, max(0, m.start() - CONDITION_REACH), m.start())
        for m in rules.AGENT_DID.finditer(sentence, after)
    )


def _agent_then_failure(sentence: str) -> bool:
    """Whether "we/I" is followed closely by what we did wrong ("we sent the wrong order")."""
    failures = sorted(m.start() for f in (rules.FAILURE, rules.GERUND_FAILURE) for m in f.finditer(sentence))
    for agent in rules.AGENT.regex.finditer(sentence):
        if agent.group() == "our" and rules.NOT_US.match(sentence, agent.end()):
            continue  # "our courier lost it" blames the courier
        if rules.WRONG_THING.match(sentence, agent.end()) and not rules.AGENT_IN_CONDITION.search(
            sentence, max(0, agent.start() - CONDITION_REACH), agent.start()
        ):
            return True  # "I read the wrong rate", "we picked the wrong list"
        i = bisect.bisect_left(failures, agent.end())
        if i == len(failures) or failures[i] - agent.end() > 120:
            continue
        if rules.AGENT_IN_CONDITION.search(sentence, max(0, agent.start() - CONDITION_REACH), agent.start()):
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
    level: Level | None = None  # None: the rule's own level; a weak sign of a missing part is a warning


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
        level: Level = hit.level or ("error" if hit.rule in ERROR_RULES else "warning")
        kept.append(Finding(hit.rule, hit.message, hit.evidence, level))
    return kept


@functools.lru_cache(maxsize=512)  # a draft is checked when written and again when shown
def check_apology(text: str, *, severity: str = "minor") -> Report:
    """Check an apology against SPEC §3 and say, with evidence, what is missing or wrong."""
    doc = Doc(text if isinstance(text, str) else "")
    owned = _Ownership(doc)
    hits: list[_Hit] = []
    hits += _missing_repair(doc)
    hits += _missing_regret(doc, owned)
    level = str(severity).strip().lower()
    if level in NEEDS_PREVENTION and next(doc.matches(rules.PREVENTION), None) is None:
        hits.append(
            _Hit("missing_prevention", f"{level}: nothing on what we changed so it won't happen again", "")
        )
    hits += _flagged(doc, "conditional", flaws.CONDITIONAL)
    hits += _flagged(doc, "minimizing", flaws.MINIMIZING)
    repaired = [(m.start(), m.end()) for _, m in doc.matches(rules.REPAIR_DONE)]
    hits += [  # "the bill has been cancelled" is the repair, not a failure without a doer
        hit
        for hit in _flagged(
            doc, "agentless_passive", flaws.AGENTLESS_PASSIVE, unless=lambda i: _owned_near(owned, i)
        )
        if not any(start < hit.end and hit.start < end for start, end in repaired)
    ]
    hits += _flagged(doc, "blame_or_excuse", flaws.BLAME_OR_EXCUSE)
    hits += _but_excuses(doc)
    if not owned.anywhere:
        hits += _flagged(doc, "blame_or_excuse", flaws.THIRD_PARTY)
    acted = {doc.sentence_of(m.start()) for _, m in doc.matches((*rules.REPAIR_ACTIONS, *rules.PREVENTION))}
    hits += _flagged(doc, "empty_reassurance", flaws.EMPTY_REASSURANCE, unless=acted.__contains__)
    hits += _over_apologizing(doc)
    if not owned.anywhere:
        hits.insert(0, _missing_ownership(doc, hits))
    findings = _tidy(hits)
    return Report(
        errors=tuple(f for f in findings if f.level == "error"),
        warnings=tuple(f for f in findings if f.level == "warning"),
    )


# --- missing: ownership, repair and regret ----------------------------------------------------------

DISOWNING = frozenset({"conditional", "agentless_passive", "blame_or_excuse"})


def _missing_ownership(doc: Doc, hits: list[_Hit]) -> _Hit:
    """No admission found. An error when nothing says what we did, or the wording disowns it ("sorry if",
    "your order was lost", "the courier lost it"); a warning when it tells what we did but no word says
    it was wrong ("we held your deposit ten weeks"): the reader may well see ownership the rules do not."""
    message = "no ownership — say “we” and what we did wrong"
    if any(hit.rule in DISOWNING for hit in hits):
        return _Hit("missing_ownership", message, "")
    for m in rules.AGENT_DID.finditer(doc.scan):
        if m.group().startswith("our") and rules.NOT_US.match(doc.scan, m.start() + 3):
            continue
        if rules.AGENT_IN_CONDITION.search(doc.scan, max(0, m.start() - CONDITION_REACH), m.start()):
            continue
        message = "ownership unclear — say plainly what we got wrong"
        return _Hit("missing_ownership", message, doc.evidence(m.start(), m.end()), level="warning")
    return _Hit("missing_ownership", message, "")


def _missing_repair(doc: Doc) -> list[_Hit]:
    if next(doc.matches(rules.REPAIR_DONE), None) is not None or _timed_action(doc) or _done_passive(doc):
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
        # A concrete repair with no time is a warning; contact alone or "as soon as possible" is an error.
        m = next((m for m in actions if _concrete(doc, m)), actions[0])
        level: Level | None = "warning" if _concrete(doc, m) else None
        message = "no time on the repair — say by when (“by Friday 5pm”, “today”)"
        return [_Hit("missing_repair", message, doc.evidence(m.start(), m.end()), m.start(), m.end(), level)]
    vague = next(doc.find(rules.VAGUE_REPAIR), None)
    if vague:
        message = "vague repair — say exactly what we will do and by when"
        return [_Hit("missing_repair", message, doc.evidence(vague.start(), vague.end()))]
    plausible = _plausible_repair(doc)
    if plausible is not None:  # something is promised or timed that the rules cannot read as a repair
        message = "repair unclear — say plainly what we will do to put it right, and by when"
        return [_Hit("missing_repair", message, doc.evidence(*plausible), *plausible, "warning")]
    return [_Hit("missing_repair", "no repair — say what we will do to put it right, and by when", "")]


def _plausible_repair(doc: Doc) -> tuple[int, int] | None:
    """Where a sentence that is not the sorry, the admission or a change for next time
    puts an amount on something for them ("here's £20 towards a taxi"): a repair in words the rules do not
    know, so its absence is only a warning."""
    changes = _changes(doc)
    for index in range(len(doc.starts)):
        sentence = doc.sentence(index)
        sign = rules.PLAUSIBLE_REPAIR.search(sentence)
        if (
            sign
            and index not in changes
            and not rules.REGRET.regex.search(sentence)
            and not rules.VAGUE_REPAIR.regex.search(sentence)
            and not _owns(sentence)
        ):
            start = doc.starts[index]
            return start + sign.start(), start + sign.end()
    return None


def _changes(doc: Doc) -> dict[int, int]:
    """For each sentence that says what we changed for next time, where in it the change begins."""
    changes: dict[int, int] = {}
    for _, m in doc.matches(rules.PREVENTION):
        index = doc.sentence_of(m.start())
        changes[index] = min(changes.get(index, len(doc.scan)), m.start() - doc.starts[index])
    return changes


def _done_passive(doc: Doc) -> bool:
    """Whether a sentence that neither says sorry nor owns the failure says something of theirs has been
    dealt with ("The fine's been cleared"), without a failure word or a promise still to come."""
    for m in rules.DONE_PASSIVE.finditer(doc.scan):
        sentence = doc.sentence(doc.sentence_of(m.start()))
        if not (
            rules.REGRET.regex.search(sentence)
            or rules.VAGUE_REPAIR.regex.search(sentence)
            or _owns(sentence)
            or any(p.regex.search(sentence) for p in flaws.AGENTLESS_PASSIVE)
        ):
            return True
    return False


def _concrete(doc: Doc, m: re.Match[str]) -> bool:
    """Whether the repair names something done for them (not only a call), with no "as soon as possible"."""
    sentence = doc.sentence(doc.sentence_of(m.start()))
    return bool(rules.CONCRETE_REPAIR.search(m.group())) and not rules.VAGUE_REPAIR.regex.search(sentence)


def _timed_action(doc: Doc) -> bool:
    """Whether a sentence that is not the apology itself puts a time on something done for them."""
    # "From today every dose is checked" changes things for the next customer: only what comes before a
    # change in the same sentence can be the repair ("the locks are changed at 4pm, and from now on …").
    changes = _changes(doc)
    for index in range(len(doc.starts)):
        sentence = doc.sentence(index)[: changes.get(index)]
        timed = rules.TIME.search(sentence) and rules.TIMED_ACTION.search(sentence)
        if (
            timed
            and not rules.REGRET.regex.search(sentence)
            and not rules.VAGUE_REPAIR.regex.search(sentence)
            and not _owns(sentence)  # "we double-booked your bike on Saturday" is the failure, not the repair
        ):
            return True
    return False


def _missing_regret(doc: Doc, owned: _Ownership) -> list[_Hit]:
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
    doc: Doc, rule: str, patterns: Iterable[rules.Pattern], unless: Callable[[int], bool] | None = None
) -> list[_Hit]:
    found = []
    for pattern, m in doc.matches(patterns):
        if unless is None or not unless(doc.sentence_of(m.start())):
            found.append(_Hit(rule, pattern.reason, doc.evidence(m.start(), m.end()), m.start(), m.end()))
            if len(found) >= 4 * MAX_PER_RULE:
                break
    return found


def _owned_near(owned: _Ownership, index: int) -> bool:
    """A passive is fine when the sentence itself or the one after says who did it ("It was lost. That's
    on us."), or when it is the sorry for what the admission before did ("We lost it. I'm sorry you were
    left out of pocket."); otherwise an admission before it owns something else ("I double-booked you.
    Your key was misplaced.")."""
    if owned.owns(index) or owned.owns(index + 1):
        return True
    regret = rules.REGRET.regex.search(owned.doc.sentence(index))
    return regret is not None and owned.owns(index - 1)


def _but_excuses(doc: Doc) -> list[_Hit]:
    """ "Sorry, but …": a "but" after an apology or admission that is not followed by a commitment."""
    found: list[_Hit] = []
    openers: dict[int, tuple[float, float]] = {}
    for m in doc.find(flaws.BUT):
        index = doc.sentence_of(m.start())
        if not doc.masked[doc.starts[index] : m.start()].strip():
            index -= 1  # "I'm sorry. But the warehouse …": the apology is in the sentence before
        if index not in openers:
            openers[index] = (
                min(_first(doc, index, flaws.BUT_AFTER_APOLOGY), _first(doc, index, rules.FAILURE)),
                _first(doc, index, flaws.BUT_NOT_ONLY),
            )
        apologized_at, not_only_at = openers[index]
        if apologized_at > m.start() or not_only_at < m.start():
            continue
        if flaws.BUT_NOT_CONTRAST.search(doc.masked, max(0, m.start() - 12), m.start()):
            continue  # "nothing but", "last but not least"
        if flaws.BUT_THEN_COMMITMENT.match(doc.masked, m.end(), m.end() + 80):
            continue
        stop = rules.CLAUSE_BREAK.search(doc.masked, m.end() + 1, m.end() + 120)
        words = list(rules.WORD.finditer(doc.masked, m.start(), stop.start() if stop else m.end() + 60))
        end = words[min(len(words), 7) - 1].end() if words else m.end()
        found.append(_Hit("blame_or_excuse", flaws.BUT.reason, doc.evidence(m.start(), end), m.start(), end))
        if len(found) >= MAX_PER_RULE:
            break
    return found


def _first(doc: Doc, index: int, pattern: re.Pattern[str]) -> float:
    """Where `pattern` first matches in sentence `index`, or infinity."""
    m = pattern.search(doc.sentence(index))
    return doc.starts[index] + m.start() if m else math.inf


def _over_apologizing(doc: Doc) -> list[_Hit]:
    regrets = list(rules.REGRET.regex.finditer(doc.masked))  # every copy counts
    if len(regrets) <= 2:
        return []
    third = doc.sentence_of(regrets[2].start())
    message = f"over-apologizing — {len(regrets)} apologies; one sincere apology is enough"
    return [_Hit("over_apologizing", message, doc.evidence(doc.starts[third], doc.ends[third]))]
