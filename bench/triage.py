"""Triage against its budget (issue 13): p99 per complaint ≤ 20 ms, ≤ 150 MB extra resident memory,
start-up ≤ 2 s slower. Run: `python -m bench.triage`. Every tuning complaint
(tests/corpus/complaints.jsonl) is triaged 30 times with the shipped policy; memory and start-up are
measured in fresh interpreters, against one that imports the bot's policy layer only (the baseline).
The probe triages a complaint the lexicon calls minor, so a method that reads by meaning loads the
embedding model and it is counted (the shipped method reads by words and never loads it)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bot.recovery.triage import SHIPPED, Knowledge

CORPUS = Path(__file__).parents[1] / "tests" / "corpus"
ROUNDS = 30

# Peak resident memory from /proc (VmHWM): getrusage's ru_maxrss carries the parent's peak over
# fork and exec, so a probe started by a large bench process would read the bench's own size.
_PROBE = """
import re, time
t = time.perf_counter()
import bot.policy.reader as reader
policy = reader.load_policy(reader.default_policy_path())
{extra}
with open('/proc/self/status') as status:
    peak = int(re.search(r'VmHWM:\\s*(\\d+)', status.read()).group(1))
print(time.perf_counter() - t, peak / 1024)
"""
_WITH_TRIAGE = (
    "from bot.recovery.triage import triage, Knowledge\n"
    "for text in ('guest says housekeeping binned her insulin', 'the guest says her receipt had a typo'):\n"
    "    triage(text, policy.triage, knowledge=Knowledge({method!r}))\n"
    "import sys\n"
    "assert {method!r} not in ('embedding', 'mix') or 'wordllama' in sys.modules, 'the model was not loaded'"
)


def _fresh(extra: str) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE.format(extra=extra)], capture_output=True, text=True, check=True
    )
    seconds, megabytes = map(float, out.stdout.split())
    return seconds, megabytes


def latency(*methods: Knowledge) -> dict[str, list[float]]:
    """Seconds of each triage by each method, sorted: every corpus complaint (and a pasted wall of
    text), 30 times. The methods take turns on each text, so a busy machine slows them alike."""
    from bot.policy.reader import default_policy_path, load_policy
    from bot.recovery.triage import triage

    rules = load_policy(default_policy_path()).triage
    # The tuning corpus only: the held-out file is read once, by the lead, and by nothing else.
    texts = [json.loads(line)["text"] for line in (CORPUS / "complaints.jsonl").open() if line.strip()]
    texts.append("x " * 20000)  # a pasted wall of text
    chosen = methods or (SHIPPED,)
    for text in texts:  # warm the lemma cache and the model as a running bot would be
        for knowledge in chosen:
            triage(text, rules, knowledge=knowledge)
    times: dict[str, list[float]] = {knowledge.method: [] for knowledge in chosen}
    for _ in range(ROUNDS):
        for text in texts:
            for knowledge in chosen:
                start = time.perf_counter()
                triage(text, rules, knowledge=knowledge)
                times[knowledge.method].append(time.perf_counter() - start)
    return {method: sorted(taken) for method, taken in times.items()}


def quantile_ms(times: list[float], q: float) -> float:
    return times[int(q * (len(times) - 1))] * 1000


def footprint(method: str = SHIPPED.method) -> tuple[float, float]:
    """Extra start-up seconds and resident MB of a fresh interpreter that triages once."""
    base = min(_fresh("") for _ in range(3))
    full = min(_fresh(_WITH_TRIAGE.format(method=method)) for _ in range(3))
    return full[0] - base[0], full[1] - base[1]


def main() -> None:
    times = latency()[SHIPPED.method]
    p50, p99 = quantile_ms(times, 0.5), quantile_ms(times, 0.99)
    extra_s, extra_mb = footprint()
    print(
        f"triage latency over {len(times)} runs: p50 {p50:.2f} ms, p99 {p99:.2f} ms (budget 20), "
        f"worst {times[-1] * 1000:.1f} ms"
    )
    print(f"start-up: +{extra_s:.2f} s (budget 2)   resident memory: +{extra_mb:.0f} MB (budget 150)")
    print(f"mean {statistics.mean(times) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
