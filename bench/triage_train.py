"""Train the embedding side of triage at build time and write it into the package (issue 13).

Run: `python -m bench.triage_train`. It embeds the tuning corpus (tests/corpus/complaints.jsonl,
never the held-out file) and short phrases written from SPEC §2.2's rubric and the lexicon's names
for harm, fits a four-level logistic regression over them (numpy, full-batch gradient descent from
zero: the same input always gives the same weights), and writes `bot/recovery/triage/likeness.npz`.
The phrases are also what a reason names: a case the classifier raises "reads like" the nearest one.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from bot.policy.model import SEVERITIES
from bot.recovery.triage.care import CARE
from bot.recovery.triage.charges import CHARGES
from bot.recovery.triage.dangers import DANGERS
from bot.recovery.triage.events import EVENTS
from bot.recovery.triage.exposure import DISCLOSURES
from bot.recovery.triage.injuries import INJURIES
from bot.recovery.triage.lexicon import TO_PEOPLE
from bot.recovery.triage.likeness import WEIGHTS, Weights, embed
from bot.recovery.triage.losses import LOSSES
from bot.recovery.triage.signals import INCONVENIENCE
from bot.recovery.triage.wrongs import WRONGS

TUNING = Path(__file__).parents[1] / "tests" / "corpus" / "complaints.jsonl"
L2, STEPS, RATE = 1e-3, 1000, 1.0
PHRASE_WEIGHT = 0.5
BALANCED = True  # a phrase counts half as much as a labelled complaint

# What a service-recovery lead would call each level (SPEC §2.2), written as staff would post it.
RUBRIC: dict[str, tuple[str, ...]] = {
    "critical": (
        "a guest was injured",
        "a customer got an electric shock",
        "a child was put in danger",
        "a gas leak in the customer's home",
        "a fire started",
        "food poisoning after eating here",
        "an allergic reaction, she needed her epipen",
        "the wrong medication was given to a patient",
        "a vulnerable person left without their medicine overnight",
        "medical details disclosed to other people",
        "a data breach exposed customers' personal details",
        "financial details sent to the wrong person",
        "the customer is threatening legal action",
        "the police were called",
        "an ambulance was called",
    ),
    "major": (
        "the customer was charged twice",
        "money taken from the account by mistake",
        "a refund that never arrived",
        "the customer's property was damaged",
        "their belongings were lost",
        "files and data were lost",
        "they missed their flight because of us",
        "a wedding ruined by our mistake",
        "they missed the funeral",
        "no heating or hot water for days",
        "locked out of their bank account and cannot pay bills",
        "could not get their prescription",
        "a near miss on safety, nobody was hurt",
        "an allergy near miss caught before eating",
        "a letter with personal details sent to the wrong address",
        "the customer says they are leaving us",
        "the customer is posting about it publicly",
        "the business customer's operations stopped",
    ),
    "moderate": (
        "staff were rude to the customer",
        "a long wait with no explanation",
        "the order was wrong",
        "the delivery came late",
        "sloppy work that needs a return visit",
        "a feature is broken but there is a workaround",
        "kept on hold for an hour",
        "nobody called them back",
        "the room was not cleaned",
        "the appointment was cancelled at short notice",
    ),
    "minor": (
        "a small mistake, quickly put right",
        "a cosmetic issue, the customer is fine",
        "a typo on the receipt",
        "the coffee was lukewarm",
        "a slightly late reply, sorted now",
        "a minor mix-up fixed on the spot",
        "the customer mentioned it in passing, no harm done",
        "the wrong spelling of their name on the booking",
    ),
}


def phrases() -> list[tuple[str, str]]:
    """(text, level): the rubric's phrases and the lexicon's names for each kind of harm."""
    named = [
        (harm.says, harm.severity)
        for harm in (
            *TO_PEOPLE,
            *LOSSES,
            *CHARGES,
            *CARE,
            *INJURIES,
            *DANGERS,
            *EVENTS,
            *DISCLOSURES,
            *WRONGS,
            INCONVENIENCE,
        )
    ]
    written = [(text, level) for level, texts in RUBRIC.items() for text in texts]
    return list(dict.fromkeys([*written, *named]))


def fit(
    x: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None, *, l2: float = L2
) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression by full-batch gradient descent from zero: deterministic."""
    sample = np.ones(len(y)) if weights is None else weights
    onehot = np.eye(len(SEVERITIES))[y]
    w = np.zeros((x.shape[1], len(SEVERITIES)))
    b = np.zeros(len(SEVERITIES))
    for _ in range(STEPS):
        p = probabilities(x, w, b)
        grad = (p - onehot) * (sample / sample.sum())[:, None]
        w -= RATE * (x.T @ grad + l2 * w)
        b -= RATE * grad.sum(axis=0)
    return w, b


def probabilities(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    z = x @ w + b
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def training_set(rows: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The complaints and the phrases, embedded, with their levels and sample weights."""
    extra = phrases()
    texts = [r["text"] for r in rows] + [text for text, _ in extra]
    levels = [r["severity"] for r in rows] + [level for _, level in extra]
    y = np.array([SEVERITIES.index(s) for s in levels])
    weights = np.array([1.0] * len(rows) + [PHRASE_WEIGHT] * len(extra))
    if BALANCED:  # each level weighs the same in all: the corpus has more serious cases than minor ones
        weights = weights * (len(y) / (len(SEVERITIES) * np.bincount(y, minlength=len(SEVERITIES))))[y]
    return embed(texts), y, weights


def tuning_rows() -> list[dict]:
    return [json.loads(line) for line in TUNING.read_text(encoding="utf-8").splitlines() if line.strip()]


def train(rows: list[dict]) -> Weights:
    """The classifier and the phrases it names, from these labelled complaints."""
    x, y, sample = training_set(rows)
    w, b = fit(x, y, sample)
    kinds = phrases()
    return {
        "w": w.astype(np.float32),
        "b": b.astype(np.float32),
        "kinds": np.array([text for text, _ in kinds]),
        "kind_levels": np.array([SEVERITIES.index(level) for _, level in kinds], dtype=np.int8),
        "kind_vectors": embed([text for text, _ in kinds]).astype(np.float32),
    }


def main() -> None:
    rows = tuning_rows()
    np.savez_compressed(WEIGHTS, **train(rows))
    print(f"wrote {WEIGHTS} from {len(rows)} complaints and {len(phrases())} phrases")


if __name__ == "__main__":
    main()
