"""Whether an apology repairs the failure by a time: what we will do or have done, and by when."""

import re

from bot.recovery.quality import flaws, repair_words, rules
from bot.recovery.quality.findings import Hit, Level
from bot.recovery.quality.ownership import owns
from bot.recovery.quality.reading import Doc


def missing_repair(doc: Doc) -> list[Hit]:
    if (
        next(doc.matches(repair_words.REPAIR_DONE), None) is not None
        or _timed_action(doc)
        or _done_passive(doc)
    ):
        return []
    actions = sorted((m for _, m in doc.matches(repair_words.REPAIR_ACTIONS)), key=lambda m: m.start())
    timed: set[int] = set()
    for m in actions:
        index = doc.sentence_of(m.start())
        if index in timed:
            continue
        if repair_words.TIME.search(doc.sentence(index)) or repair_words.TIME.search(doc.sentence(index + 1)):
            return []
        timed.add(index)
    if actions:
        # A concrete repair with no time is a warning; contact alone or "as soon as possible" is an error.
        m = next((m for m in actions if _concrete(doc, m)), actions[0])
        level: Level | None = "warning" if _concrete(doc, m) else None
        message = "no time on the repair — say by when (“by Friday 5pm”, “today”)"
        return [Hit("missing_repair", message, doc.evidence(m.start(), m.end()), m.start(), m.end(), level)]
    vague = next(doc.find(repair_words.VAGUE_REPAIR), None)
    if vague:
        message = "vague repair — say exactly what we will do and by when"
        return [Hit("missing_repair", message, doc.evidence(vague.start(), vague.end()))]
    plausible = _plausible_repair(doc)
    if plausible is not None:  # something is promised or timed that the rules cannot read as a repair
        message = "repair unclear — say plainly what we will do to put it right, and by when"
        return [Hit("missing_repair", message, doc.evidence(*plausible), *plausible, "warning")]
    return [Hit("missing_repair", "no repair — say what we will do to put it right, and by when", "")]


def _plausible_repair(doc: Doc) -> tuple[int, int] | None:
    """Where a sentence that is not the sorry, the admission or a change for next time
    puts an amount on something for them ("here's £20 towards a taxi"): a repair in words the rules do not
    know, so its absence is only a warning."""
    changes = _changes(doc)
    for index in range(len(doc.starts)):
        sentence = doc.sentence(index)
        sign = repair_words.PLAUSIBLE_REPAIR.search(sentence)
        if (
            sign
            and index not in changes
            and not rules.REGRET.regex.search(sentence)
            and not repair_words.VAGUE_REPAIR.regex.search(sentence)
            and not owns(sentence)
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
    for m in repair_words.DONE_PASSIVE.finditer(doc.scan):
        sentence = doc.sentence(doc.sentence_of(m.start()))
        if not (
            rules.REGRET.regex.search(sentence)
            or repair_words.VAGUE_REPAIR.regex.search(sentence)
            or owns(sentence)
            or any(p.regex.search(sentence) for p in flaws.AGENTLESS_PASSIVE)
        ):
            return True
    return False


def _concrete(doc: Doc, m: re.Match[str]) -> bool:
    """Whether the repair names something done for them (not only a call), with no "as soon as possible"."""
    sentence = doc.sentence(doc.sentence_of(m.start()))
    return bool(
        repair_words.CONCRETE_REPAIR.search(m.group())
    ) and not repair_words.VAGUE_REPAIR.regex.search(sentence)


def _timed_action(doc: Doc) -> bool:
    """Whether a sentence that is not the apology itself puts a time on something done for them."""
    # "From today every dose is checked" changes things for the next customer: only what comes before a
    # change in the same sentence can be the repair ("the locks are changed at 4pm, and from now on …").
    changes = _changes(doc)
    for index in range(len(doc.starts)):
        sentence = doc.sentence(index)[: changes.get(index)]
        timed = repair_words.TIME.search(sentence) and repair_words.TIMED_ACTION.search(sentence)
        if (
            timed
            and not rules.REGRET.regex.search(sentence)
            and not repair_words.VAGUE_REPAIR.regex.search(sentence)
            and not owns(sentence)  # "we double-booked your bike on Saturday" is the failure, not the repair
        ):
            return True
    return False
