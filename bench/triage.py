"""Triage against its budget (issue 13): p99 per complaint ≤ 20 ms, ≤ 150 MB extra resident memory,
start-up ≤ 2 s slower. Run: `python -m bench.triage`. Every complaint in tests/corpus is triaged
30 times with the shipped policy; memory and start-up are measured in fresh interpreters, against
one that imports the bot's policy layer only (the baseline)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).parents[1] / "tests" / "corpus"
ROUNDS = 30

_PROBE = """
import resource, time
t = time.perf_counter()
import bot.policy.reader as reader
policy = reader.load_policy(reader.default_policy_path())
{extra}
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
_WITH_TRIAGE = "from bot.recovery.triage import triage\ntriage('guest says housekeeping binned her insulin', policy.triage)"


def _fresh(extra: str) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE.format(extra=extra)], capture_output=True, text=True, check=True
    )
    seconds, megabytes = map(float, out.stdout.split())
    return seconds, megabytes


def main() -> None:
    from bot.policy.reader import default_policy_path, load_policy
    from bot.recovery.triage import triage

    rules = load_policy(default_policy_path()).triage
    texts = [
        json.loads(line)["text"]
        for name in ("complaints.jsonl", "complaints.heldout.jsonl")
        for line in (CORPUS / name).open()
    ]
    texts.append("x " * 20000)  # a pasted wall of text
    for text in texts:  # warm the lemma cache as a running bot would be
        triage(text, rules)
    times = []
    for _ in range(ROUNDS):
        for text in texts:
            start = time.perf_counter()
            triage(text, rules)
            times.append(time.perf_counter() - start)
    times.sort()
    p50, p99, worst = (times[int(q * (len(times) - 1))] * 1000 for q in (0.5, 0.99, 1.0))
    base = min(_fresh("") for _ in range(3))
    full = min(_fresh(_WITH_TRIAGE) for _ in range(3))
    print(
        f"triage latency over {len(times)} runs: p50 {p50:.2f} ms, p99 {p99:.2f} ms (budget 20), worst {worst:.1f} ms"
    )
    print(
        f"start-up: +{full[0] - base[0]:.2f} s (budget 2)   resident memory: +{full[1] - base[1]:.0f} MB (budget 150)"
    )
    print(f"mean {statistics.mean(times) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
