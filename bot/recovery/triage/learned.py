"""What a complaint's words say about its level, learned from the labelled complaints (issue 13).

A bag of words and word pairs, weighted by how rare each is (tf-idf), scored by a four-level
logistic regression that `bench/triage_learn.py` trains at build time on the tuning corpus and
writes into `learned.npz`. Judged by leaving each blind writer's batch out of training in turn, it
agreed with people on about nine clear cases in ten, where the lexicon alone agreed on three in
four: the lexicon knows harm by the phrases it was written with, and the classifier weighs every
word it has seen labelled. Its reasons quote the words that weighed most towards the level it
chose. Plain arithmetic on fixed weights: the same text always reads the same way.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).with_name("learned.npz")
READ_CHARS = 3000  # as harms.READ_CHARS: a pasted wall of text is read for its start
QUOTED = 3  # words a reason quotes
# Terms a text needs for the classifier to be as sure as its weights say: a one-line note has fewer
# words to go on, and its chances are flattened towards even (a quarter of complaints have fewer
# than 27 known terms; at 20 and below, chosen by leaving each blind writer out, nothing was lost).
FULL_EVIDENCE = 20
_WORD = re.compile(r"[a-z][a-z']+")
_lock = threading.Lock()
_shipped: list[Model] = []


# Words that carry grammar rather than harm: alone they are no term ("her", "was"), but a pair with
# a word that carries meaning is ("no_injuries", "her_insulin").
_GRAMMAR_WORDS = """a an the and or but if of to in on at by for with from as into onto about over under up down out
    off than then so too very just also i me my mine we us our ours you your yours he him his she her
    hers it its they them their theirs this that these those there here is am are was were be been
    being do does did done have has had having will would can could should shall may might must who
    whom whose which what when where why how all any both each few more most other some such no nor
    not only own same s t don didn doesn isn wasn weren hasn haven hadn won wouldn couldn shouldn re
    ve ll d m o y it's i'm i've i'd i'll he's she's they're they've we're we've you're that's there's
    let's what's who's"""
GRAMMAR = frozenset(_GRAMMAR_WORDS.split())


def terms(text: str) -> list[str]:
    """The words of a text that carry meaning, and each pair of neighbours with at least one such
    word, lower-cased: "charged", "charged_twice", "no_injuries"."""
    words = _WORD.findall(text[:READ_CHARS].lower().replace("’", "'"))
    pairs = (f"{a}_{b}" for a, b in itertools.pairwise(words) if a not in GRAMMAR or b not in GRAMMAR)
    return [*(word for word in words if word not in GRAMMAR), *pairs]


@dataclass(frozen=True)
class Model:
    """The terms the classifier knows, how rare each was, and its weights (one column a level)."""

    terms: np.ndarray
    idf: np.ndarray
    w: np.ndarray
    b: np.ndarray
    index: dict[str, int] = field(init=False, repr=False, compare=False)  # term → its row

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {str(term): i for i, term in enumerate(self.terms)})

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The text's known terms (their indices) and their tf-idf values, of unit length."""
        counts = Counter(self.index[t] for t in terms(text) if t in self.index)
        at = np.array(sorted(counts), dtype=np.int64)
        values = np.log1p(np.array([counts[i] for i in at], dtype=np.float64)) * self.idf[at]
        norm = np.linalg.norm(values)
        return at, values / norm if norm else values


@dataclass(frozen=True)
class Learned:
    """Each level's chance, and the terms of the text with what they weigh towards each level."""

    chances: tuple[float, ...]
    found: tuple[str, ...]
    pulls: np.ndarray  # one row a term found: its value in the text times the model's weights

    @property
    def level(self) -> int:
        return int(np.argmax(self.chances))

    def shown_by(self, text: str, level: int) -> str:
        """The words that weighed most towards `level` over the others, as written: “charged twice”."""
        if not self.found:
            return ""
        towards = self.pulls[:, level] - np.delete(self.pulls, level, axis=1).max(axis=1)
        shown: list[str] = []
        for i in np.argsort(-towards, kind="stable"):
            written = _as_written(text, self.found[i]) if towards[i] > 0 else None
            if written and not any(_overlap(written, other) for other in shown):
                shown.append(written)
            if len(shown) == QUOTED:
                break
        return ", ".join(f"“{word}”" for word in shown)


def read(text: str, model: Model | None = None) -> Learned:
    """What the complaint's words say; a `model` other than the shipped one is for the bench. A text
    with fewer than FULL_EVIDENCE known terms reads less surely: its scores are scaled down."""
    model = shipped() if model is None else model
    at, values = model.vector(text)
    pulls = model.w[at] * values[:, None]
    z = (pulls.sum(axis=0) + model.b) * min(1.0, len(at) / FULL_EVIDENCE)
    e = np.exp(z - z.max())
    return Learned(tuple(float(p) for p in e / e.sum()), tuple(str(model.terms[i]) for i in at), pulls)


def _as_written(text: str, term: str) -> str | None:
    """Where a term stands in the text, as written ("charged_twice" → "Charged twice")."""
    apostrophe = "['’]"
    parts = [re.escape(word).replace("'", apostrophe) for word in term.split("_")]
    pattern = r"(?<![\w'’])" + r"[^\w'’]+".join(parts) + r"(?![\w'’])"
    match = re.search(pattern, text[:READ_CHARS], re.IGNORECASE)
    return match.group() if match else None


def _overlap(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a in b or b in a


def shipped() -> Model:
    """The classifier trained at build time, loaded once."""
    with _lock:
        if not _shipped:
            with np.load(WEIGHTS) as stored:
                _shipped.append(Model(stored["terms"], stored["idf"], stored["w"], stored["b"]))
        return _shipped[0]
