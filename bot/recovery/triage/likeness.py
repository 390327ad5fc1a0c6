"""What a complaint reads like, by meaning rather than by its words (issue 13's embedding method).

Sentences are embedded with wordllama, whose 16 MB weights ship inside its wheel (nothing is
downloaded), and a four-level logistic regression trained at build time by `bench/triage_train.py`
on the tuning corpus and the rubric's phrases scores them; its weights are `likeness.npz`. The model
is loaded on first use, so commands that never triage start as fast as before. Both steps are plain
arithmetic on fixed weights: the same text always reads the same way.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).with_name("likeness.npz")
READ_CHARS = 3000  # as harms.READ_CHARS: a pasted wall of text is read for its start
_lock = threading.Lock()
_loaded: dict[str, object] = {}
_CLAUSE = re.compile(r"[^.!?;,\n]+")
QUOTE_CHARS = 60
MIN_QUOTED = 3  # words: a clause of one or two says too little to quote
Weights = dict[str, np.ndarray]  # w, b: the classifier; kinds, kind_levels, kind_vectors: the phrases


@dataclass(frozen=True)
class Likeness:
    """How likely each level is (minor … critical), and the nearest rubric phrase at or above a level."""

    chances: tuple[float, ...]
    vector: np.ndarray
    weights: Weights

    def at_least(self, level: int) -> float:
        """The chance that the complaint is at this level or worse."""
        return float(sum(self.chances[level:]))

    def reads_like(self, level: int) -> str:
        """The rubric's phrase at this level nearest in meaning: "a child was put in danger"."""
        eligible = self.weights["kind_levels"] == level
        similarity = np.where(eligible, self.weights["kind_vectors"] @ self.vector, -np.inf)
        return str(self.weights["kinds"][int(np.argmax(similarity))])

    def shown_by(self, text: str, level: int) -> str:
        """The words of the text that read most like this level or worse: its clause the classifier
        is surest about, so a reason by meaning still quotes what triggered it."""
        clauses = [c.strip() for c in _CLAUSE.findall(text[:READ_CHARS]) if len(c.split()) >= MIN_QUOTED]
        best = clauses[0] if clauses else text.strip()
        if len(clauses) > 1:
            z = embed(clauses) @ self.weights["w"] + self.weights["b"]
            e = np.exp(z - z.max(axis=1, keepdims=True))
            chances = (e / e.sum(axis=1, keepdims=True))[:, level:].sum(axis=1)
            best = clauses[int(np.argmax(chances))]
        best = " ".join(best.split())
        return best if len(best) <= QUOTE_CHARS else best[: QUOTE_CHARS - 1].rstrip() + "…"


def likeness(text: str, weights: Weights | None = None) -> Likeness:
    """What the complaint reads like, by meaning; `weights` other than the shipped ones are for the
    bench's cross-validation."""
    weights = shipped() if weights is None else weights
    vector = embed([text[:READ_CHARS]])[0]
    z = vector @ weights["w"] + weights["b"]
    e = np.exp(z - z.max())
    return Likeness(tuple(float(p) for p in e / e.sum()), vector, weights)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length sentence vectors, one a row."""
    return np.asarray(_model().embed(texts, norm=True), dtype=np.float32)


def _model():  # wordllama is imported only here, and only when a complaint first needs it
    with _lock:
        if "model" not in _loaded:
            # One sentence at a time needs no thread pool, and an idle pool spinning would take CPU
            # from the bot's own threads.
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            import wordllama

            _loaded["model"] = wordllama.WordLlama.load(
                cache_dir=Path(wordllama.__file__).parent, disable_download=True
            )
        return _loaded["model"]


def shipped() -> Weights:
    """The weights trained at build time."""
    with _lock:
        if "weights" not in _loaded:
            with np.load(WEIGHTS) as stored:
                _loaded["weights"] = {name: stored[name] for name in stored.files}
        return _loaded["weights"]  # type: ignore[return-value]
