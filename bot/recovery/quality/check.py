"""The apology quality check (SPEC §3): named rules that say what an apology is missing or gets wrong.

An apology works when it owns the failure, repairs it by a time, names the harm, and (for serious
cases) says what changed; excuses, conditionals and grovelling undo it. Each rule reports the exact
words that triggered it. The patterns live in `rules.py` and `repair_words.py` (what a good apology
says), `flaws.py` and `excuses.py` (wording that undoes it); `ownership.py` and `repair.py` read
ownership and repair sentence by sentence; `findings.py` holds what a check reports.
"""

import functools
import math
import re
from collections.abc import Callable, Iterable

from bot.recovery.quality import excuses, flaws, repair_words, rules
from bot.recovery.quality.findings import MAX_PER_RULE, Hit, Report, tidy
from bot.recovery.quality.ownership import BARE_REGRET, Ownership, missing_ownership, owns
from bot.recovery.quality.reading import Doc
from bot.recovery.quality.repair import missing_repair

NEEDS_PREVENTION = frozenset({"major", "critical"})
# After a "but", more ownership takes nothing back when a person owns it ("but we should have checked",
# "but it's our job"), not when a thing of ours failed ("but my van broke down").
_BY_US = re.compile(
    r"\b(?:we|i)\b|\b(?:on|down\s+to)\s+(?:us|me)\b|\b(?:our|my)\s+(?:job|fault|responsibility|mistake|error)\b"
)


@functools.lru_cache(maxsize=512)  # a draft is checked when written and again when shown
def check_apology(text: str, *, severity: str = "minor") -> Report:
    """Check an apology against SPEC §3 and say, with evidence, what is missing or wrong."""
    doc = Doc(text if isinstance(text, str) else "")
    owned = Ownership(doc)
    hits: list[Hit] = []
    hits += missing_repair(doc)
    hits += _missing_regret(doc, owned)
    level = str(severity).strip().lower()
    if level in NEEDS_PREVENTION and next(doc.matches(rules.PREVENTION), None) is None:
        hits.append(
            Hit("missing_prevention", f"{level}: nothing on what we changed so it won't happen again", "")
        )
    hits += _flagged(doc, "conditional", flaws.CONDITIONAL)
    hits += _flagged(doc, "minimizing", flaws.MINIMIZING)
    repaired = [(m.start(), m.end()) for _, m in doc.matches(repair_words.REPAIR_DONE)]
    hits += [  # "the bill has been cancelled" is the repair, not a failure without a doer
        hit
        for hit in _flagged(
            doc, "agentless_passive", flaws.AGENTLESS_PASSIVE, unless=lambda i: _owned_near(owned, i)
        )
        if not any(start < hit.end and hit.start < end for start, end in repaired)
    ]
    hits += _flagged(doc, "blame_or_excuse", excuses.BLAME_OR_EXCUSE)
    hits += _but_excuses(doc)
    if not owned.anywhere:
        hits += _flagged(doc, "blame_or_excuse", excuses.THIRD_PARTY)
    acted = {
        doc.sentence_of(m.start()) for _, m in doc.matches((*repair_words.REPAIR_ACTIONS, *rules.PREVENTION))
    }
    hits += _flagged(doc, "empty_reassurance", flaws.EMPTY_REASSURANCE, unless=acted.__contains__)
    hits += _over_apologizing(doc)
    if not owned.anywhere:
        hits.insert(0, missing_ownership(doc, hits))
    findings = tidy(hits)
    return Report(
        errors=tuple(f for f in findings if f.level == "error"),
        warnings=tuple(f for f in findings if f.level == "warning"),
    )


def _missing_regret(doc: Doc, owned: Ownership) -> list[Hit]:
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
        if len(rules.WORD.findall(sentence)) <= BARE_REGRET and owned.owns(index + 1):
            return []  # "I'm sorry. We lost your referral letter …": the sorry is for what comes next
        first = index if first < 0 else first
    if first < 0:
        return [Hit("missing_regret", "no apology — say sorry for what this did to them", "")]
    message = "sorry for what? — name the harm (“sorry we kept you waiting two hours”)"
    return [Hit("missing_regret", message, doc.evidence(doc.starts[first], doc.ends[first]))]


# --- flagged wording --------------------------------------------------------------------------------


def _flagged(
    doc: Doc, rule: str, patterns: Iterable[rules.Pattern], unless: Callable[[int], bool] | None = None
) -> list[Hit]:
    found = []
    for pattern, m in doc.matches(patterns):
        if unless is None or not unless(doc.sentence_of(m.start())):
            found.append(Hit(rule, pattern.reason, doc.evidence(m.start(), m.end()), m.start(), m.end()))
            if len(found) >= 4 * MAX_PER_RULE:
                break
    return found


def _owned_near(owned: Ownership, index: int) -> bool:
    """A passive is fine when the sentence itself or the one after says who did it ("It was lost. That's
    on us."), or when it is the sorry for what the admission before did ("We lost it. I'm sorry you were
    left out of pocket."); otherwise an admission before it owns something else ("I double-booked you.
    Your key was misplaced.")."""
    if owned.owns(index) or owned.owns(index + 1):
        return True
    regret = rules.REGRET.regex.search(owned.doc.sentence(index))
    return regret is not None and owned.owns(index - 1)


def _but_excuses(doc: Doc) -> list[Hit]:
    """ "Sorry, but …": a "but" after an apology or admission that is not followed by a commitment."""
    found: list[Hit] = []
    openers: dict[int, tuple[float, float]] = {}
    for m in doc.find(excuses.BUT):
        index = doc.sentence_of(m.start())
        if not doc.masked[doc.starts[index] : m.start()].strip():
            index -= 1  # "I'm sorry. But the warehouse …": the apology is in the sentence before
        if index not in openers:
            openers[index] = (
                min(_first(doc, index, excuses.BUT_AFTER_APOLOGY), _first(doc, index, rules.FAILURE)),
                _first(doc, index, excuses.BUT_NOT_ONLY),
            )
        apologized_at, not_only_at = openers[index]
        if apologized_at > m.start() or not_only_at < m.start():
            continue
        if excuses.BUT_NOT_CONTRAST.search(doc.masked, max(0, m.start() - 12), m.start()):
            continue  # "nothing but", "last but not least"
        if excuses.BUT_THEN_COMMITMENT.match(doc.masked, m.end(), m.end() + 80):
            continue
        rest = doc.masked[m.end() : doc.ends[doc.sentence_of(m.start())]]
        if _BY_US.search(rest) and owns(rest):
            continue  # "the supplier sent the wrong one, but it's our job to check": more ownership, not less
        stop = rules.CLAUSE_BREAK.search(doc.masked, m.end() + 1, m.end() + 120)
        words = list(rules.WORD.finditer(doc.masked, m.start(), stop.start() if stop else m.end() + 60))
        end = words[min(len(words), 7) - 1].end() if words else m.end()
        found.append(Hit("blame_or_excuse", excuses.BUT.reason, doc.evidence(m.start(), end), m.start(), end))
        if len(found) >= MAX_PER_RULE:
            break
    return found


def _first(doc: Doc, index: int, pattern: re.Pattern[str]) -> float:
    """Where `pattern` first matches in sentence `index`, or infinity."""
    m = pattern.search(doc.sentence(index))
    return doc.starts[index] + m.start() if m else math.inf


def _over_apologizing(doc: Doc) -> list[Hit]:
    regrets = list(rules.REGRET.regex.finditer(doc.masked))  # every copy counts
    if len(regrets) <= 2:
        return []
    third = doc.sentence_of(regrets[2].start())
    message = f"over-apologizing — {len(regrets)} apologies; one sincere apology is enough"
    return [Hit("over_apologizing", message, doc.evidence(doc.starts[third], doc.ends[third]))]
