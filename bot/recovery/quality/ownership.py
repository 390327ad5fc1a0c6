"""Where an apology owns what we did wrong: "we/I" and the failure, an admission, or what we did to them."""

import bisect
import functools
import re

from bot.recovery.quality import excuses, rules
from bot.recovery.quality.findings import Hit
from bot.recovery.quality.reading import Doc, blank

CONDITION_REACH = 24  # characters before "we" where "if" or "you feel that" is looked for
BARE_REGRET = 5  # words: "I am so very sorry."


class Ownership:
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
            sentence = without_denials(self.doc.sentence(index))
            if any(p.regex.search(sentence) for p in excuses.BLAME_OR_EXCUSE):
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
            self.cache[sentence] = owns(sentence)
        if self.cache[sentence]:
            return True
        # "Apologies - we billed you for a plan you had cancelled", "I'm so sorry. We sent your letter to
        # your old address": what we did, said with the regret or just after a bare "I'm sorry."
        before = self.doc.sentence(index - 1) if index else ""
        if len(rules.WORD.findall(before)) <= BARE_REGRET and rules.REGRET.regex.search(before):
            return did(sentence, 0)
        if rules.VERDICT.search(sentence) and did(before, 0):
            return True  # "Our host dropped the cake. That should never have happened."
        regret = rules.REGRET.regex.search(sentence)  # the sorry comes first: it is a sorry for what we did
        return regret is not None and did(sentence, regret.end())


def without_denials(sentence: str) -> str:
    for denial in rules.DENIALS:  # "not our fault" must not read as "our fault"
        sentence = denial.regex.sub(blank, sentence)
    return sentence


def owns(sentence: str) -> bool:
    sentence = without_denials(sentence)
    return any(p.regex.search(sentence) for p in rules.ADMISSIONS) or _agent_then_failure(sentence)


def did(sentence: str, after: int) -> bool:
    """Whether we are the doer of something in this sentence after `after`, outside a condition ("if
    we sent …")."""
    sentence = without_denials(sentence)
    return any(
        not rules.AGENT_IN_CONDITION.search(sentence, max(0, m.start() - CONDITION_REACH), m.start())
        and not rules.WE_USE.match(m.group())
        for m in rules.AGENT_DID.finditer(sentence, after)
    )


def _agent_then_failure(sentence: str) -> bool:
    """Whether "we/I" is followed closely by what we did wrong ("we sent the wrong order")."""
    failures = sorted(m.start() for f in (rules.FAILURE, rules.GERUND_FAILURE) for m in f.finditer(sentence))
    for agent in rules.AGENT.regex.finditer(sentence):
        if agent.group() == "our" and rules.NOT_US.match(sentence, agent.end()):
            continue  # "our courier lost it" blames the courier
        if rules.WE_USE.match(sentence, agent.start()):
            continue  # "the lab we use lost it" blames the lab
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
    """Whether a failure word follows `pos` within eight words (a strong one anywhere), in the same clause,
    before a stop word."""
    stop = rules.CLAUSE_BREAK.search(sentence, pos, pos + 120)
    window = sentence[pos : stop.start() if stop else pos + 120]
    halt = rules.OWNERSHIP_STOP.search(window)
    window = window[: halt.start()] if halt else window
    if rules.STRONG_FAILURE.search(window):
        return True
    words = list(rules.WORD.finditer(window))
    window = window[: words[7].end()] if len(words) > 8 else window
    return any(failure.search(window) for failure in failures)


DISOWNING = frozenset({"conditional", "agentless_passive", "blame_or_excuse"})


def missing_ownership(doc: Doc, hits: list[Hit]) -> Hit:
    """No admission found. An error when nothing says what we did, or the wording disowns it ("sorry if",
    "your order was lost", "the courier lost it"); a warning when it tells what we did but no word says
    it was wrong ("we held your deposit ten weeks"): the reader may well see ownership the rules do not."""
    message = "no ownership — say “we” and what we did wrong"
    if any(hit.rule in DISOWNING for hit in hits):
        return Hit("missing_ownership", message, "")
    for m in rules.AGENT_DID.finditer(doc.scan):
        if m.group().startswith("our") and rules.NOT_US.match(doc.scan, m.start() + 3):
            continue
        if rules.AGENT_IN_CONDITION.search(doc.scan, max(0, m.start() - CONDITION_REACH), m.start()):
            continue
        message = "ownership unclear — say plainly what we got wrong"
        return Hit("missing_ownership", message, doc.evidence(m.start(), m.end()), level="warning")
    return Hit("missing_ownership", message, "")
