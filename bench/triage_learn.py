"""Train triage's word classifier at build time and write it into the package (issue 13).

Run: `python -m bench.triage_learn` after the tuning corpus changes (tests/corpus/complaints.jsonl,
never the held-out file). Every word and word pair seen in at least MIN_SEEN complaints is a term,
weighted by how rare it is (tf-idf); a four-level logistic regression over them is fit by
full-batch gradient descent from zero (numpy: the same corpus always gives the same weights), each
level weighing the same in all, and written to `bot/recovery/triage/learned.npz`.
`python -m bench.triage_methods --by-writer` says how it agrees with people when each blind
writer's batch is left out of training in turn, alone and as shipped (with the lexicon and its floor).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence

import numpy as np

from bench.triage_train import tuning_rows
from bot.policy.model import SEVERITIES
from bot.recovery.triage.learned import WEIGHTS, Model, terms

MIN_SEEN = 2
# Batches by writers outside the team, briefed only with the rubric: their id's first part.
BLIND_WRITERS = ("H4a", "H4b", "T11", "T12", "T13", "T14", "H5a", "T16", "T17", "T18", "T19")
L2, STEPS, RATE = 1e-4, 1000, 1.0
LEVELS = len(SEVERITIES)


def vocabulary(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The terms seen in at least MIN_SEEN texts, sorted, and their idf."""
    seen = Counter(term for text in texts for term in set(terms(text)))
    kept = sorted(term for term, count in seen.items() if count >= MIN_SEEN)
    idf = np.array([np.log((1 + len(texts)) / (1 + seen[term])) + 1 for term in kept])
    return np.array(kept), idf


def train(rows: Sequence[dict]) -> Model:
    texts = [r["text"] for r in rows]
    kept, idf = vocabulary(texts)
    empty = Model(kept, idf, np.zeros((len(kept), LEVELS)), np.zeros(LEVELS))
    vectors = [empty.vector(text) for text in texts]
    y = np.array([SEVERITIES.index(r["severity"]) for r in rows])
    w, b = fit(vectors, y, len(kept))
    return Model(kept, idf, w, b)


def fit(
    vectors: list[tuple[np.ndarray, np.ndarray]], y: np.ndarray, width: int
) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression on sparse rows by full-batch gradient descent from zero: deterministic.
    Each level weighs the same in all (the corpus has more serious cases than minor ones)."""
    row = np.concatenate([np.full(len(at), i) for i, (at, _) in enumerate(vectors)])
    col = np.concatenate([at for at, _ in vectors])
    value = np.concatenate([v for _, v in vectors])
    sample = (len(y) / (LEVELS * np.bincount(y, minlength=LEVELS)))[y]
    sample = sample / sample.sum()
    onehot = np.eye(LEVELS)[y]
    w, b = np.zeros((width, LEVELS)), np.zeros(LEVELS)
    for _ in range(STEPS):
        part = w[col] * value[:, None]
        z = np.stack([np.bincount(row, part[:, k], len(y)) for k in range(LEVELS)], axis=1) + b
        e = np.exp(z - z.max(axis=1, keepdims=True))
        grad = (e / e.sum(axis=1, keepdims=True) - onehot) * sample[:, None]
        spread = grad[row] * value[:, None]
        w -= RATE * (
            np.stack([np.bincount(col, spread[:, k], width) for k in range(LEVELS)], axis=1) + L2 * w
        )
        b -= RATE * grad.sum(axis=0)
    return w, b


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    rows = tuning_rows()
    model = train(rows)
    np.savez_compressed(WEIGHTS, terms=model.terms, idf=model.idf, w=model.w.astype(np.float32), b=model.b)
    print(f"wrote {WEIGHTS}: {len(model.terms)} terms from {len(rows)} complaints")


if __name__ == "__main__":
    main()
