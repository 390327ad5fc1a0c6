"""Triage's built-in knowledge, method against method (issue 13): the lexicon, an embedding
classifier, and the mix of the two. Run: `python -m bench.triage_methods [--grid] [--heldout]`.

- Agreement is read by 5-fold cross-validation on the tuning corpus (tests/corpus/complaints.jsonl,
  without the dev split):
  for each fold the classifier is trained (`bench/triage_train.py:train`) on the other four folds
  and the rubric's phrases, and triages the fold it never saw. The lexicon was itself written
  against the whole tuning set, so its figures there, and the mix's, flatter it.
- `--grid` also prints the mix's thresholds against each other (how the shipped ones were chosen).
- `--dev` is the honest estimate of how triage generalizes: a third of the T3- complaints (by a hash
  of their id) is a dev split whose misses are never read; the classifier is trained without it, and
  the split is only scored. The lexicon was written before the split was first scored.
- `--by-industry` trains the classifier on fifteen industries and triages the sixteenth, in turn.
- `--by-writer` prints the mix's thresholds against each other, and the word classifier alone and
  as shipped, each blind writer's batch triaged by classifiers trained on everything else (round 8 chose the shipped thresholds this way, before
  the lexicon was tuned on those batches; after that, its lexicon figures flatter).
- `--heldout` adds one reading of the held-out file per method, with the shipped weights. It is for
  reporting a finished method, never for choosing one.
- Latency, resident memory and start-up are measured per method as `bench/triage.py` does.
"""

from __future__ import annotations

import argparse
import hashlib
from dataclasses import replace
from pathlib import Path

from bench.triage import footprint, latency, quantile_ms
from bench.triage_learn import BLIND_WRITERS
from bench.triage_learn import train as train_words
from bench.triage_train import train, tuning_rows
from bot.policy.model import TriageRules
from bot.policy.reader import default_policy_path, load_policy
from bot.recovery.evaluation import Labelled, read_labelled, score_triage
from bot.recovery.triage import EMBEDDING, LEARNED, LEXICON, MIX, WORDS, Knowledge

HELDOUT = Path(__file__).parents[1] / "tests" / "corpus" / "complaints.heldout.jsonl"
TUNING = Path(__file__).parents[1] / "tests" / "corpus" / "complaints.jsonl"
FOLDS = 5
METHODS = (Knowledge(LEXICON), Knowledge(EMBEDDING), Knowledge(MIX), Knowledge(WORDS), Knowledge(LEARNED))
GRID_MAJOR = (0.6, 0.7, 0.8, None)
GRID_MODERATE = (0.65, 0.7, 0.75, 0.8, 0.9, 1.01)
DEV_SHARE = 3  # one T3- complaint in three is in the dev split
GRID_BY_WRITER = ((None, 0.8), (0.7, 0.8), (0.6, 0.8), (None, 0.7), (0.6, 0.7), (0.6, 0.65), (0.5, 0.7))


def _hash(ident: str) -> int:
    return int(hashlib.sha1(ident.encode()).hexdigest(), 16)  # stable across runs and machines


def _fold(ident: str) -> int:
    return _hash(ident) % FOLDS


def in_dev(ident: str) -> bool:
    """Whether a complaint is in the dev split: scored, never read, never trained on."""
    return ident.startswith("T3-") and _hash(ident) % DEV_SHARE == 0


def dev_split(rules: TriageRules) -> dict[str, tuple[float, float, int]]:
    """Each method on the dev split, the classifier trained on everything else."""
    trained = _trained([r for r in tuning_rows() if not in_dev(r["id"])])
    dev = [e for e in read_labelled(TUNING) if in_dev(e.ident)]
    return {k.method: _held_out(dev, replace(k, **trained), rules) for k in METHODS}


def by_industry(knowledge: Knowledge, rules: TriageRules) -> tuple[float, float, int]:
    """Each industry triaged by a classifier trained on the others (the dev split left out throughout)."""
    rows = [r for r in tuning_rows() if not in_dev(r["id"])]
    return _left_out(rows, {r["id"]: r["industry"] for r in rows}, [knowledge], rules)[0]


def by_writer(knowledges: list[Knowledge], rules: TriageRules) -> list[tuple[float, float, int]]:
    """Each blind writer's batch triaged by classifiers trained on everything else: how round 8 chose
    the mix's thresholds and the shipped method's SURER, on batches the lexicon was not yet tuned on."""
    rows = tuning_rows()
    writer = {r["id"]: r["id"].split("-")[0] for r in rows}
    return _left_out(rows, {i: w for i, w in writer.items() if w in BLIND_WRITERS}, knowledges, rules)


def _left_out(
    rows: list[dict], group: dict[str, str], knowledges: list[Knowledge], rules: TriageRules
) -> list[tuple[float, float, int]]:
    """Exact on clear cases, within one, serious called minor, per method, over the grouped
    complaints, each group triaged by a classifier trained on all rows outside it."""
    examples = [e for e in read_labelled(TUNING) if e.ident in group]
    sums = [[0, 0, 0, 0, 0] for _ in knowledges]
    for name in sorted(set(group.values())):
        trained = _trained([r for r in rows if group.get(r["id"]) != name])
        held = [e for e in examples if group[e.ident] == name]
        for total, knowledge in zip(sums, knowledges, strict=True):
            score = score_triage(held, rules, replace(knowledge, **trained))
            for at, count in enumerate(
                (score.clear, score.clear_exact, score.total, score.within_one, len(score.under_called))
            ):
                total[at] += count
    return [(exact / clear, within / total, under) for clear, exact, total, within, under in sums]


def cross_validated(knowledge: Knowledge, rules: TriageRules, weights: list) -> tuple[float, float, int]:
    """Exact on clear cases, within one, serious called minor: each fold triaged by a classifier
    that never saw it."""
    examples = [e for e in read_labelled(TUNING) if not in_dev(e.ident)]
    clear = clear_exact = within = total = under = 0
    for k in range(FOLDS):
        held = [e for e in examples if _fold(e.ident) == k]
        score = score_triage(held, rules, replace(knowledge, **weights[k]))
        clear, clear_exact = clear + score.clear, clear_exact + score.clear_exact
        total, within, under = total + score.total, within + score.within_one, under + len(score.under_called)
    return clear_exact / clear, within / total, under


def _fold_weights() -> list:
    rows = [r for r in tuning_rows() if not in_dev(r["id"])]
    return [_trained([r for r in rows if _fold(r["id"]) != k]) for k in range(FOLDS)]


def _trained(rows: list[dict]) -> dict:
    """Both classifiers trained on these rows: the embedding one and the word one."""
    return {"weights": train(rows), "words": train_words(rows)}


def _policies() -> dict[str, TriageRules]:
    rules = load_policy(default_policy_path()).triage
    return {"shipped policy": rules, "no keywords": replace(rules, keywords={})}


def _row(name: str, figures: tuple[float, float, int], cost: str) -> str:
    exact, within, under = figures
    return f"| {name} | {exact:.0%} | {within:.0%} | {under} | {cost} |"


def _held_out(examples: list[Labelled], knowledge: Knowledge, rules: TriageRules) -> tuple[float, float, int]:
    score = score_triage(examples, rules, knowledge)
    return score.clear_exact / score.clear, score.within_one / score.total, len(score.under_called)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", action="store_true", help="the mix's thresholds against each other")
    parser.add_argument("--no-costs", action="store_true", help="agreement only, no latency or memory")
    parser.add_argument("--heldout", action="store_true", help="one reading of the held-out file per method")
    parser.add_argument(
        "--dev", action="store_true", help="each method on the dev split (the honest estimate)"
    )
    parser.add_argument(
        "--by-industry", action="store_true", help="leave one industry out, for the classifier"
    )
    parser.add_argument(
        "--by-writer", action="store_true", help="each blind writer left out: the mix's thresholds, the words"
    )
    args = parser.parse_args()
    if args.by_writer:
        grid = [Knowledge(MIX, to_major, to_moderate) for to_major, to_moderate in GRID_BY_WRITER]
        print("each blind writer left out, no keywords: the mix (to major, to moderate), then the words")
        for knowledge, (exact, within, under) in zip(
            [*grid, Knowledge(WORDS), Knowledge(LEARNED)],
            by_writer([*grid, Knowledge(WORDS), Knowledge(LEARNED)], _policies()["no keywords"]),
            strict=True,
        ):
            shown = "never" if knowledge.to_major is None else f"{knowledge.to_major:.2f}"
            name = f"mix {shown} {knowledge.to_moderate:.2f}" if knowledge.method == MIX else knowledge.method
            print(f"  {name}: {exact:.1%} {within:.1%} {under}")
        return
    weights = _fold_weights()
    policies = _policies()
    if args.grid:
        print("mix thresholds (to major, to moderate): tuning 5-fold CV, shipped policy")
        for to_major in GRID_MAJOR:
            for to_moderate in GRID_MODERATE:
                knowledge = Knowledge(MIX, to_major, to_moderate)
                exact, within, under = cross_validated(knowledge, policies["shipped policy"], weights)
                shown = "never" if to_major is None else f"{to_major:.2f}"
                print(f"  {shown} {to_moderate:.2f}: {exact:.1%} {within:.1%} {under}")
    costs = {k.method: "— | — | —" for k in METHODS}
    times = {} if args.no_costs else latency(*METHODS)
    for method, taken in times.items():
        extra_s, extra_mb = footprint(method)
        p50, p99 = quantile_ms(taken, 0.5), quantile_ms(taken, 0.99)
        costs[method] = f"{p50:.2f} / {p99:.2f} | +{extra_mb:.0f} | +{extra_s:.2f}"
    heldout = read_labelled(HELDOUT) if args.heldout else []
    header = (
        "| method | exact (clear) | within one | serious called minor | p50 / p99 ms | RSS MB | start-up s |"
    )
    for name, rules in policies.items():
        print(f"\n{name}, tuning set, {FOLDS}-fold cross-validation")
        print(header + "\n|---|---|---|---|---|---|---|")
        for knowledge in METHODS:
            print(_row(knowledge.method, cross_validated(knowledge, rules, weights), costs[knowledge.method]))
        if args.dev:
            print(f"\n{name}, dev split (T3-, never read), classifier trained without it")
            print(header + "\n|---|---|---|---|---|---|---|")
            for method, figures in dev_split(rules).items():
                print(_row(method, figures, costs[method]))
        if args.by_industry:
            print(f"\n{name}, leave one industry out")
            print(header + "\n|---|---|---|---|---|---|---|")
            for knowledge in METHODS:
                print(_row(knowledge.method, by_industry(knowledge, rules), costs[knowledge.method]))
        if heldout:
            print(f"\n{name}, held-out set ({len(heldout)}), shipped weights")
            print(header + "\n|---|---|---|---|---|---|---|")
            for knowledge in METHODS:
                print(_row(knowledge.method, _held_out(heldout, knowledge, rules), costs[knowledge.method]))


if __name__ == "__main__":
    main()
