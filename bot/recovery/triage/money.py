"""Amounts of money in a complaint ("$1,200.50", "300 dollars", "1.5k$", "USD 80"), read without
being fooled by times, dates, phone or order numbers."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

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


def money_amounts(text: str) -> list[Decimal]:
    """The amounts of money in the text, in order (the first MAX_AMOUNTS): "$1,200.50", "300 dollars", "1.5k$"."""
    return [amount for amount, _ in money(text)]


def money(text: str) -> list[tuple[Decimal, str]]:
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
