"""How serious a complaint is, chosen from its text and always explained in plain words (SPEC §2.2)."""

from __future__ import annotations

import functools
import itertools
import re
import threading
from dataclasses import dataclass
from decimal import Decimal

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from bot.policy.model import SEVERITIES, TriageRules
from bot.recovery.customer import redact_contact

NO_SIGNS = "no signs of serious harm"
BY_REPORTER = "set by the reporter"

# VADER's cost grows with the square of the text; the opening of a complaint carries its tone.
TONE_CHARS = 2000
UPSET = -0.5  # compound score of a negative text; with shouting or "!!" it is a very upset complaint
FURIOUS = -0.85  # compound score so negative that it is very upset even when written calmly

# Keywords whose matches read better as what the customer is doing than as "mentions …".
_THEMES = (
    (
        "threatens legal action",
        ("lawyer", "lawsuit", "attorney", "legal action", "solicitor", "court", "sue"),
    ),
    ("threatens to leave", ("never again", "cancel my", "cancel", "switching", "competitor", "last straw")),
    ("asks for money back", ("refund", "chargeback", "money back", "reimburs")),
)
_ACRONYM = re.compile(r"ASAP|FYI|USD|EUR|GBP|CEO|CFO|CTO|VIP|HVAC|ATM|SMS|PDF|URL|API|ETA|FAQ|TBD|AKA|RSVP")
_SHOUTED = re.compile(r"(?<![\w-])[^\W\d_]{3,}(?![\w-])")  # not "REC-12"
_EXCLAIMED = re.compile(r"(?<![!?])[!?]*![!?]*![!?]*")  # "!!", "!!!", "?!!", "!?!"

_SEVERITY_WORD = "|".join(SEVERITIES)
_EXPLICIT = re.compile(
    rf"(?=[s\[(])(?:\b(?:severity|sev)\b\s*(?:[:=–—-]|\bis\b)?\s*(?P<said>{_SEVERITY_WORD})\b"
    rf"|\[\s*(?P<bracketed>{_SEVERITY_WORD})\s*\]|\(\s*(?P<parenthesized>{_SEVERITY_WORD})\s*\))",
    re.IGNORECASE,
)

# Money: a number right after or right before a currency marker. Markers are found first (a plain
# character search), so a text full of digits costs no more than one without.
_NUMBER = r"\d{1,15}(?:[.,]\d{1,3}){0,5}(?![.,]?\d)"
_SCALE = r"(?:\s?(?P<scale>k|m|mn|bn|thousand|million|billion)\b)?"
_CODES = r"usd|eur|gbp|cad|aud|nzd|chf|jpy|inr|sgd|hkd"
_WORDS = r"dollars?|bucks|euros?|quid|pounds sterling"
_SYMBOL = re.compile(r"[$€£¥₹]")
_FIRST_LETTERS = "".join(sorted({word[0] for word in f"{_CODES}|{_WORDS}".split("|")}))
_NAMED = re.compile(
    # The look-ahead on first letters lets the engine skip most positions: ten times faster on long texts.
    rf"(?=[{_FIRST_LETTERS}])\b(?:(?P<code>{_CODES})(?![^\W\d_])|(?:{_WORDS})\b)",  # "USD250", "250 dollars"
    re.IGNORECASE,
)
_LETTERS = re.compile(r"(?<![A-Za-z])[A-Z]{1,2}\Z")  # "US$", "CA$"
_AFTER = re.compile(rf"\s?(?P<number>{_NUMBER}){_SCALE}(?:\s?\b(?:{_CODES}|{_WORDS})\b)?", re.IGNORECASE)
# Not the tail of a time, date, phone, order number or word: "5:30 $", "#12345 $".
_BEFORE = re.compile(rf"(?<![\w.,:/#-])(?P<number>{_NUMBER}){_SCALE}\s?\Z", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
MAX_AMOUNTS = 1000  # a complaint names a few; a pasted spreadsheet must not make triage slow
_SCALES = {
    "k": 1000,
    "thousand": 1000,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "bn": 10**9,
    "billion": 10**9,
}
_SIGNS = {"usd": "$", "dollar": "$", "dollars": "$", "bucks": "$", "eur": "€", "euro": "€", "euros": "€"}
_SIGNS |= {"gbp": "£", "quid": "£", "pounds sterling": "£", "jpy": "¥", "inr": "₹"}


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


_ANALYZER_LOCK = threading.Lock()


@functools.cache
def _build_analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()  # reads its lexicon files: once per process


def _compound(text: str) -> float:
    """VADER's compound score; one analyzer is shared by all threads, since scoring only reads its lexicon."""
    with _ANALYZER_LOCK:  # functools.cache alone may build it twice when two threads race
        analyzer = _build_analyzer()
    return float(analyzer.polarity_scores(text)["compound"])


def triage(
    text: str, rules: TriageRules, *, explicit: str | None = None, repeat: Repeat | None = None
) -> Triage:
    """The severity of a complaint and why: keywords, money, tone, repeats; the reporter's choice wins."""
    chosen = _severity_name(explicit) if explicit and explicit.strip() else explicit_severity(text)
    found: list[tuple[int, str]] = [
        *_keyword_reasons(text, rules),
        *_money_reasons(text, rules),
        *_tone(text),
    ]
    level = max((rank for rank, _ in found), default=0)
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


def explicit_severity(text: str) -> str | None:
    """The severity the reporter wrote ("severity: major", "sev critical", "[major]", "(critical)"), if any."""
    match = _EXPLICIT.search(text)
    if match is None:
        return None
    return next(word for word in match.groups() if word).lower()


def money_amounts(text: str) -> list[Decimal]:
    """The amounts of money in the text, in order (the first MAX_AMOUNTS): "$1,200.50", "300 dollars", "1.5k$"."""
    return [amount for amount, _ in _money(text)]


def _severity_name(value: str) -> str:
    name = value.strip().lower()
    if name not in SEVERITIES:
        raise ValueError(f"“{value}” is not a severity; use one of {', '.join(SEVERITIES)}.")
    return name


def _keyword_reasons(text: str, rules: TriageRules) -> list[tuple[int, str]]:
    """One reason per theme, ranked by its most serious word; words in that order, then as they appear."""
    folded = text.casefold()
    themes: dict[str, list[tuple[int, int, str]]] = {}
    for rank, severity in enumerate(SEVERITIES):
        for keyword in rules.keywords.get(severity, ()):
            for at, word in _written_as(text, folded, keyword):
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
    mentions = _money(text)
    if not mentions:
        return []
    # The largest single amount: adding them up would count "$1,200 … yes, $1,200" twice.
    amount, sign = max(mentions, key=lambda mention: mention[0])
    reached = [rank for rank, s in enumerate(SEVERITIES) if s in rules.money and amount >= rules.money[s]]
    if not reached:
        return []
    shown = f"{amount:,.2f}".removesuffix(".00")
    return [(max(reached), f"{shown} {sign} at stake" if sign.isalpha() else f"{sign}{shown} at stake")]


def _money(text: str) -> list[tuple[Decimal, str]]:
    """(amount, how to show its currency) for the first MAX_AMOUNTS amounts of money, in order."""
    found: dict[int, tuple[Decimal, str]] = {}  # by where the number starts: "$250 USD" is one amount
    if not _DIGIT.search(text):
        return []
    for marker in itertools.islice(_SYMBOL.finditer(text), MAX_AMOUNTS):
        sign, at = marker.group(), marker.start()
        letters = _LETTERS.search(text, max(0, at - 2), at) if sign == "$" else None
        _read_amount(found, text, marker.span(), (letters.group() if letters else "") + sign, prefix=True)
    for marker in itertools.islice(_NAMED.finditer(text), MAX_AMOUNTS):
        word = marker.group().lower()
        sign = _SIGNS.get(word, word.upper())
        _read_amount(found, text, marker.span(), sign, prefix=marker.group("code") is not None)
    return [found[at] for at in sorted(found)][:MAX_AMOUNTS]


def _read_amount(
    found: dict[int, tuple[Decimal, str]], text: str, marker: tuple[int, int], sign: str, *, prefix: bool
) -> None:
    """Add the amount next to a currency marker: "$80" / "USD 80" (prefix) or "80$" / "80 dollars"."""
    start, end = marker
    match = (_AFTER.match(text, end) if prefix else None) or _BEFORE.search(text, max(0, start - 60), start)
    if match is None or match.start("number") in found:
        return
    number = _number(match.group("number"))
    if number is not None:
        scale = _SCALES.get((match.group("scale") or "").lower(), 1)
        found[match.start("number")] = (number * scale, sign)


def _number(written: str) -> Decimal | None:
    """1,200.50 / 1.200,50 / 80,50 / 1.5 / 2.500 / 1,00,000 as a Decimal; None when the separators make no sense."""
    marks = re.findall(r"[.,]", written)
    groups = re.split(r"[.,]", written)
    decimals = ""
    if len(set(marks)) == 2:  # "1,200.50" or "1.200,50": the last mark is the decimal one
        if marks.count(marks[-1]) > 1:
            return None
        decimals = groups.pop()
    elif len(marks) == 1 and len(groups[1]) != 3:  # "80,50", "1.5"; "2.500" is two thousand five hundred
        decimals = groups.pop()
    grouped = groups[1:]
    if grouped and (
        len(groups[0]) > 3 or len(grouped[-1]) != 3 or any(len(g) not in (2, 3) for g in grouped)
    ):
        return None
    return Decimal("".join(groups) + (f".{decimals}" if decimals else ""))


def _tone(text: str) -> list[tuple[int, str]]:
    opening = text[:TONE_CHARS]
    score = _compound(opening)
    shouted = [word for word in _SHOUTED.findall(opening) if word.isupper() and not _ACRONYM.fullmatch(word)]
    exclaimed = [run[:6] for run in _EXCLAIMED.findall(opening)]
    if score > FURIOUS and not (score <= UPSET and (shouted or exclaimed)):
        return []
    evidence = [*list(dict.fromkeys(shouted))[:3], *exclaimed[:1]]
    quoted = ", ".join(f"“{word}”" for word in evidence)
    return [(SEVERITIES.index("moderate"), f"very upset tone ({quoted})" if quoted else "very upset tone")]


def _repeat_reason(repeat: Repeat) -> str:
    who = repeat.customer.strip()
    if not who or redact_contact(who) != who:  # reasons are shown in channels: never an e-mail or phone
        who = "this customer"
    return f"second complaint from {who} (after {repeat.case_key})"
