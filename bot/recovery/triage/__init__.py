"""How serious a complaint is, chosen from its text and always explained in plain words (SPEC §2.2)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from bot.policy.model import SEVERITIES, TriageRules
from bot.recovery.customer import redact_contact
from bot.recovery.triage import harms, learned
from bot.recovery.triage.learned import Learned, Model
from bot.recovery.triage.likeness import Weights, likeness
from bot.recovery.triage.money import money
from bot.recovery.triage.tone import tone

NO_SIGNS = "no signs of serious harm"
MODERATE = SEVERITIES.index("moderate")
_QUOTED = re.compile(r"“([^”]*)”")
_WORD = re.compile(r"[^\W\d_][\w'-]*")  # a word begins with a letter
MIN_WORDS = 4  # "$1,000,000 gone" is too little to read by meaning
READ_WORDS_CHARS = 200
BY_REPORTER = "set by the reporter"
SERIOUS = SEVERITIES.index("major")
CRITICAL = SEVERITIES.index("critical")
LEXICON, EMBEDDING, MIX = "lexicon", "embedding", "mix"
WORDS, LEARNED = "words", "learned"  # the word classifier alone; with the lexicon (shipped)
# How much likelier the word classifier must find its level than the lexicon's for its level to
# win (chosen by leaving each blind writer out: python -m bench.triage_methods --by-writer).
SURER = 0.1
UPSET = "very upset tone"
LIGHTER = "weighed lighter in context"


@dataclass(frozen=True)
class Knowledge:
    """The built-in knowledge of harm, as `bench/triage_methods.py` compares them. Shipped: `learned`,
    the word classifier (`learned.py`) choosing the level, the lexicon quoting the harm it names and
    holding a floor one level below what it found. Also: the word classifier alone (`words`), the
    lexicon alone, the embedding classifier alone, or the mix of rounds 1–7: the lexicon, with the
    embedding classifier raising a case the lexicon calls minor to moderate when it is this sure
    (threshold chosen by cross-validation on the tuning corpus, checked on the dev split and fresh
    batches). In the mix the embedding classifier never makes a case major or critical on its own
    (`to_major` None): on the dev split and the T9/T10 batches raising to major gained and lost about
    as many cases as it fixed. `weights` and a `words` model other than the shipped ones are for the
    cross-validation."""

    method: str = LEARNED
    to_major: float | None = None
    to_moderate: float = 0.8
    weights: Weights | None = field(default=None, compare=False)
    words: Model | None = field(default=None, compare=False)


SHIPPED = Knowledge()

# Keywords whose matches read better as what the customer is doing than as "mentions …".
_THEMES = (
    (
        "threatens legal action",
        ("lawyer", "lawsuit", "attorney", "legal action", "solicitor", "court", "sue"),
    ),
    ("threatens to leave", ("never again", "cancel my", "cancel", "switching", "competitor", "last straw")),
    ("asks for money back", ("refund", "chargeback", "money back", "reimburs")),
)
_SEVERITY_WORD = "|".join(SEVERITIES)
_EXPLICIT = re.compile(
    rf"(?=[s\[(])(?:\b(?:severity|sev)\b\s*(?:[:=–—-]|\bis\b)?\s*(?P<said>{_SEVERITY_WORD})\b"
    rf"|\[\s*(?P<bracketed>{_SEVERITY_WORD})\s*\]|\(\s*(?P<parenthesized>{_SEVERITY_WORD})\s*\))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Repeat:
    """An earlier case for the same customer."""

    case_key: str
    severity: str
    customer: str


@dataclass(frozen=True)
class Triage:
    """A severity and the reasons for it, most serious first."""

    severity: str
    reasons: tuple[str, ...]

    def explain(self) -> str:
        """One line for a case card: "critical: mentions “injured”; threatens legal action (“lawyer”)"."""
        return f"{self.severity}: {'; '.join(self.reasons)}"


def triage(
    text: str,
    rules: TriageRules,
    *,
    explicit: str | None = None,
    repeat: Repeat | None = None,
    knowledge: Knowledge = SHIPPED,
) -> Triage:
    """The severity of a complaint and why: harm however it is worded, the policy's keywords, money,
    repeats and what raises a case; tone explains; the reporter's choice wins."""
    chosen = _severity_name(explicit) if explicit and explicit.strip() else explicit_severity(text)
    reading = harms.read(text)
    by_policy = [*_keyword_reasons(text, rules, reading), *_money_reasons(text, rules)]
    if knowledge.method in (LEARNED, WORDS):
        level, found = _learned(text, reading, by_policy, knowledge, repeat)
    else:
        level, found = _as_written(text, reading, by_policy, knowledge, repeat)
    if not found:
        found.append((0, NO_SIGNS))
    if repeat is not None:
        level = min(level + 1, len(SEVERITIES) - 1)
        found.append((level, _repeat_reason(repeat)))
    if chosen is not None:
        level = SEVERITIES.index(chosen)
        found.insert(0, (len(SEVERITIES), BY_REPORTER))
    ordered = sorted(found, key=lambda reason: -reason[0])  # stable: ties keep the order they were found
    return Triage(SEVERITIES[level], tuple(dict.fromkeys(reason for _, reason in ordered)))


def _as_written(
    text: str,
    reading: harms.Reading,
    by_policy: list[tuple[int, str]],
    knowledge: Knowledge,
    repeat: Repeat | None = None,
) -> tuple[int, list[tuple[int, str]]]:
    """The level the lexicon's findings and the policy set, with what raises or lowers it, and the
    embedding classifier's raise by meaning (the lexicon, embedding and mix methods)."""
    if knowledge.method == EMBEDDING:
        reading = harms.Reading((), {}, None, reading.denied, reading.deniers)
    built_in = [(SEVERITIES.index(found.level), found.reason) for found in reading.found]
    found = [*by_policy, *_besides(built_in, by_policy)]
    level = max((rank for rank, _ in found), default=0)
    upset = tone(text)
    if upset is not None:
        found.append((0, upset))
    if level == MODERATE and reading.small and max((r for r, _ in by_policy), default=0) < MODERATE:
        level = 0  # only the built-in knowledge made it moderate, and the reporter says it was small
        found.append((0, f"called small or put right (“{reading.small}”)"))
    if _reads_by_meaning(text, level, reading, knowledge):
        raised = _by_meaning(_undenied(text, reading), text, level, knowledge)
        if raised is not None:
            level = raised[0]
            found.append(raised)
    raisers = [r for kind, r in reading.raisers.items() if repeat is None or kind != harms.REPEATED]
    if level >= MODERATE and raisers:
        level = min(level + 1, len(SEVERITIES) - 1)
        found.append((level, raisers[0]))
    return level, found


def _learned(
    text: str,
    reading: harms.Reading,
    by_policy: list[tuple[int, str]],
    knowledge: Knowledge,
    repeat: Repeat | None,
) -> tuple[int, list[tuple[int, str]]]:
    """The word classifier's level when it finds it likelier than the lexicon's by SURER, explained
    by the lexicon where it names the harm, and never more than one level below what the lexicon
    found: a person hurt stays at least major, a serious case is never called minor. The policy's
    keywords and amounts still add on top. A few words are too few to read this way: the lexicon's
    verdict stands."""
    lexicon = replace(knowledge, method=LEXICON)
    if len(_WORD.findall(text[:READ_WORDS_CHARS])) < MIN_WORDS:
        return _as_written(text, reading, by_policy, lexicon, repeat)
    verdict, own = _as_written(text, reading, [], lexicon, repeat)
    if knowledge.method == WORDS:
        verdict, own = 0, [(rank, reason) for rank, reason in own if reason.startswith(UPSET)]
    read = learned.read(_undenied(text, reading), knowledge.words)  # "nobody was hurt" is not about hurt
    level = read.level
    if knowledge.method == LEARNED:
        if read.chances[level] - read.chances[verdict] <= SURER:
            level = verdict
        level = max(level, verdict - 1)  # the words temper what the lexicon found; they never dismiss it
        if level == CRITICAL > verdict and _denies_hurt(text, reading):
            level = SERIOUS  # "the alarm went off but nobody was hurt": a near miss at most (the rubric)
    own = _reweighed(own, level, verdict, read, text)
    policy = max((rank for rank, _ in by_policy), default=0)
    tone_said = [(rank, reason) for rank, reason in own if reason.startswith(UPSET)]
    besides = _besides([(rank, reason) for rank, reason in own if not reason.startswith(UPSET)], by_policy)
    return max(level, policy), [*by_policy, *besides, *tone_said]


def _denies_hurt(text: str, reading: harms.Reading) -> bool:
    """Whether the complaint denies that anyone was hurt or made ill ("nobody was hurt", "no injuries")."""
    for at in reading.denied:
        word = _WORD.match(text, at)
        if word is not None and word.group().lower().startswith(_HURT):
            return True
    return False


_HURT = ("hurt", "injur", "harm", "ill", "sick", "burn", "fire", "reaction", "shock", "bleed", "wound")


def _reweighed(
    own: list[tuple[int, str]], level: int, verdict: int, read: Learned, text: str
) -> list[tuple[int, str]]:
    """The lexicon's reasons for a case the word classifier put at `level`: above the lexicon's
    verdict, the words that weighed most are added; below it, the findings weighed lighter say so."""
    if level == verdict:
        return own
    shown = read.shown_by(text, level)
    by_words = (level, f"reads like a {SEVERITIES[level]} complaint" + (f" ({shown})" if shown else ""))
    if level > verdict:
        return [*own, by_words]
    kept = [(rank, reason) for rank, reason in own if rank <= level]
    lighter = ", ".join(reason for rank, reason in own if rank > level)
    if not any(rank == level and not reason.startswith(UPSET) for rank, reason in kept):
        kept.insert(0, by_words)
    return [*kept, (level, f"{LIGHTER}: {lighter}")]


def prepare(knowledge: Knowledge = SHIPPED) -> None:
    """Load what triage reads with, at start-up: never inside the first complaint's intake (the
    dictionary of lemmas and the compiled cues, and the sentence model when it reads by meaning)."""
    harms.read(_WARM_UP)
    if knowledge.method in (EMBEDDING, MIX):
        likeness("prepare", knowledge.weights)
    if knowledge.method in (LEARNED, WORDS):
        learned.read(_WARM_UP, knowledge.words)


_WARM_UP = "The guest waited an hour and nobody came; her son's insulin was thrown away."


def _reads_by_meaning(text: str, level: int, reading: harms.Reading, knowledge: Knowledge) -> bool:
    """Whether the classifier is asked: alone, always; mixed, when the lexicon found the case minor
    and the reporter did not call it small. A few words are too few to read by meaning."""
    if knowledge.method == LEXICON or len(_WORD.findall(text[:READ_WORDS_CHARS])) < MIN_WORDS:
        return False
    if knowledge.method == EMBEDDING:
        return True
    ceiling = SERIOUS if knowledge.to_major is not None else MODERATE  # what it may raise to
    return level < ceiling and not reading.small


def _by_meaning(text: str, written: str, level: int, knowledge: Knowledge) -> tuple[int, str] | None:
    """The level the classifier gives a case found no worse than `level` (`text` without the words it
    denies), with the rubric's phrase it reads like and the words as `written` that read most so. Mixed with the lexicon, it only raises what the lexicon calls minor, and only when sure."""
    read = likeness(text, knowledge.weights)
    if knowledge.method == EMBEDDING:
        best = max(range(len(SEVERITIES)), key=lambda rank: read.chances[rank])
    elif knowledge.to_major is not None and read.at_least(SERIOUS) >= knowledge.to_major:
        best = SERIOUS
    elif read.at_least(MODERATE) >= knowledge.to_moderate:
        best = MODERATE
    else:
        return None
    if best <= level:
        return None
    return best, f"reads like {read.reads_like(best)} (“{read.shown_by(written, best)}”)"


def _undenied(text: str, reading: harms.Reading) -> str:
    """The text without the words it denies and the words that deny them: "nobody was hurt" must read
    neither like someone was hurt nor like nobody came."""
    kept, at = [], 0
    for start in sorted(reading.denied | reading.deniers):
        word = _WORD.match(text, start)
        if word is not None and start >= at:
            kept.append(text[at:start])
            at = word.end()
    return "".join([*kept, text[at:]])


def _besides(built_in: list[tuple[int, str]], policy: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The built-in reasons that add something to the policy's: not the same words said twice, and
    no "an inconvenience" once the policy already made the case moderate or worse."""
    quoted = {q.casefold() for _, reason in policy for q in _QUOTED.findall(reason)}
    out = []
    for rank, why in built_in:
        words = {q.casefold() for q in _QUOTED.findall(why)}
        if words and words <= quoted and any(r >= rank for r, _ in policy):
            continue
        said = why.split(" (“")[0]  # the same theme the policy already gave: "threatens legal action"
        if any(r >= rank and reason.startswith(said + " (") for r, reason in policy):
            continue
        if rank == MODERATE and any(r >= MODERATE for r, _ in policy):
            continue
        out.append((rank, why))
    return out


def explicit_severity(text: str) -> str | None:
    """The severity the reporter wrote ("severity: major", "sev critical", "[major]", "(critical)"), if any."""
    match = _EXPLICIT.search(text)
    if match is None:
        return None
    return next(word for word in match.groups() if word).lower()


def _severity_name(value: str) -> str:
    name = value.strip().lower()
    if name not in SEVERITIES:
        raise ValueError(f"“{value}” is not a severity; use one of {', '.join(SEVERITIES)}.")
    return name


def _keyword_reasons(text: str, rules: TriageRules, reading: harms.Reading) -> list[tuple[int, str]]:
    """One reason per theme, ranked by its most serious word; words in that order, then as they appear."""
    folded = text.casefold()
    themes: dict[str, list[tuple[int, int, str]]] = {}
    for rank, severity in enumerate(SEVERITIES):
        for keyword in rules.keywords.get(severity, ()):
            for at, word in _written_as(text, folded, keyword):
                if reading.denies(at):  # "nobody was hurt" is not a mention of harm
                    continue
                themes.setdefault(_theme(keyword), []).append((-rank, at, word))
    reasons: list[tuple[int, str]] = []
    for theme, found in themes.items():
        words = dict.fromkeys(word for _, _, word in sorted(found))
        quoted = ", ".join(f"“{word}”" for word in list(words)[:4])
        reasons.append((-min(found)[0], f"{theme} ({quoted})" if theme else f"mentions {quoted}"))
    return sorted(reasons, key=lambda reason: -reason[0])


def _written_as(text: str, folded: str, keyword: str) -> list[tuple[int, str]]:
    """Where and how the keyword appears (the whole word, as written), at most three different ways."""
    parts = keyword.casefold().split()
    first = folded.find(parts[0]) if parts else -1
    if first < 0:  # a plain substring search rules most keywords out far faster than a regex
        return []
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(part) for part in parts) + r"\w*", re.IGNORECASE)
    start = first if len(folded) == len(text) else 0  # casefold can change lengths ("ß" → "ss")
    seen: dict[str, tuple[int, str]] = {}
    for match in itertools.islice(pattern.finditer(text, start), 100):
        written = " ".join(match.group().split())
        seen.setdefault(written.casefold(), (match.start(), written))
        if len(seen) == 3:
            break
    return list(seen.values())


def _theme(keyword: str) -> str:
    """What a policy keyword says the customer is doing; "" when it is just something mentioned."""
    for theme, stems in _THEMES:
        if keyword in stems or any(stem.startswith(keyword) for stem in stems if len(keyword) >= 4):
            return theme
    return ""


def _money_reasons(text: str, rules: TriageRules) -> list[tuple[int, str]]:
    mentions = money(text)
    if not mentions:
        return []
    # The largest single amount: adding them up would count "$1,200 … yes, $1,200" twice.
    amount, sign = max(mentions, key=lambda mention: mention[0])
    reached = [rank for rank, s in enumerate(SEVERITIES) if s in rules.money and amount >= rules.money[s]]
    if not reached:
        return []
    shown = f"{amount:,.2f}".removesuffix(".00")
    return [(max(reached), f"{shown} {sign} at stake" if sign.isalpha() else f"{sign}{shown} at stake")]


def _repeat_reason(repeat: Repeat) -> str:
    who = repeat.customer.strip()
    if not who or redact_contact(who) != who:  # reasons are shown in channels: never an e-mail or phone
        who = "this customer"
    return f"second complaint from {who} (after {repeat.case_key})"
