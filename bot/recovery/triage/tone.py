"""How upset a complaint reads: VADER's sentiment (its lexicon ships inside the package), shouting
and "!!". Tone explains a case; it never makes a small lapse serious on its own."""

from __future__ import annotations

import functools
import re
import threading

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

# VADER's cost grows with the square of the text; the opening of a complaint carries its tone.
TONE_CHARS = 2000
UPSET = -0.5  # compound score of a negative text; with shouting or "!!" it is a very upset complaint
FURIOUS = -0.85  # compound score so negative that it is very upset even when written calmly

_ACRONYM = re.compile(r"ASAP|FYI|USD|EUR|GBP|CEO|CFO|CTO|VIP|HVAC|ATM|SMS|PDF|URL|API|ETA|FAQ|TBD|AKA|RSVP")
_SHOUTED = re.compile(r"(?<![\w-])[^\W\d_]{3,}(?![\w-])")  # not "REC-12"
_EXCLAIMED = re.compile(r"(?<![!?])[!?]*![!?]*![!?]*")  # "!!", "!!!", "?!!", "!?!"


_ANALYZER_LOCK = threading.Lock()


@functools.cache
def _build_analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()  # reads its lexicon files: once per process


def _compound(text: str) -> float:
    """VADER's compound score; one analyzer is shared by all threads, since scoring only reads its lexicon."""
    with _ANALYZER_LOCK:  # functools.cache alone may build it twice when two threads race
        analyzer = _build_analyzer()
    return float(analyzer.polarity_scores(text)["compound"])


def tone(text: str) -> str | None:
    """ "very upset tone (“UNACCEPTABLE”, “!!”)" when the text reads very upset, else None."""
    opening = text[:TONE_CHARS]
    score = _compound(opening)
    shouted = [word for word in _SHOUTED.findall(opening) if word.isupper() and not _ACRONYM.fullmatch(word)]
    exclaimed = [run[:6] for run in _EXCLAIMED.findall(opening)]
    if score > FURIOUS and not (score <= UPSET and (shouted or exclaimed)):
        return None
    evidence = [*list(dict.fromkeys(shouted))[:3], *exclaimed[:1]]
    quoted = ", ".join(f"“{word}”" for word in evidence)
    return f"very upset tone ({quoted})" if quoted else "very upset tone"
