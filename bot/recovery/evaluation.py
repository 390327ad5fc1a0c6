"""How well triage and the apology check agree with people: scored on labelled sets (SPEC §5 `eval`).

An admin runs `bounceback eval triage last-quarter.jsonl` before rolling out a policy change; the
team runs it on `tests/corpus/` to hold the bot's judgment to numbers. One JSON object a line:
- triage: `{"text", "severity"}`, optionally `"clear": false` for a borderline case and an `"id"`;
- apologies: `{"text", "severity", "good": true|false, "flaws": [rule, …]}`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.policy.model import SEVERITIES, TriageRules
from bot.recovery.quality.check import check_apology
from bot.recovery.quality.findings import RULES
from bot.recovery.triage import SHIPPED, Knowledge, triage

SERIOUS = ("major", "critical")


class LabelError(ValueError):
    """A labelled file that cannot be read: the line and what is wrong with it."""


@dataclass(frozen=True)
class Labelled:
    """One labelled example."""

    line: int
    text: str
    severity: str
    ident: str
    clear: bool = True
    good: bool | None = None
    flaws: tuple[str, ...] = ()


def read_labelled(path: Path, *, apologies: bool = False) -> list[Labelled]:
    """The examples in a JSON Lines file; a `LabelError` names the first line that is not right."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise LabelError(f"{path}: cannot read it ({err.strerror or err})") from err
    out = []
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            out.append(_example(path, number, raw, apologies=apologies))
    if not out:
        raise LabelError(f"{path}: no examples (one JSON object a line)")
    return out


def _example(path: Path, number: int, raw: str, *, apologies: bool) -> Labelled:
    where = f"{path}:{number}"
    try:
        row = json.loads(raw)
    except json.JSONDecodeError as err:
        raise LabelError(f"{where}: not JSON ({err.msg})") from err
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        raise LabelError(f'{where}: expected an object with a "text"')
    severity = str(row.get("severity", "")).strip().lower()
    if severity not in SEVERITIES:
        raise LabelError(f'{where}: "severity" must be one of {", ".join(SEVERITIES)}')
    flaws = row.get("flaws", [])
    if apologies:
        if not isinstance(row.get("good"), bool) or not isinstance(flaws, list):
            raise LabelError(f'{where}: an apology needs "good": true|false and "flaws": [...]')
        unknown = sorted(set(map(str, flaws)) - RULES)
        if unknown:
            raise LabelError(
                f"{where}: unknown flaw {unknown[0]!r}; the rules are {', '.join(sorted(RULES))}"
            )
    return Labelled(
        line=number,
        text=row["text"],
        severity=severity,
        ident=str(row.get("id") or f"line {number}"),
        clear=row.get("clear", True) is not False,
        good=row.get("good") if apologies else None,
        flaws=tuple(map(str, flaws)) if apologies else (),
    )


@dataclass(frozen=True)
class Miss:
    """An example the bot got wrong: what people said, what the bot said, and why."""

    ident: str
    expected: str
    got: str
    text: str
    why: str = ""


@dataclass(frozen=True)
class TriageScore:
    """Agreement of triage with people's labels."""

    total: int
    exact: int
    within_one: int
    clear: int
    clear_exact: int
    confusion: dict[tuple[str, str], int]  # (labelled, triaged) → count
    under_called: tuple[Miss, ...]  # labelled major or critical, triaged minor
    misses: tuple[Miss, ...] = field(default=())

    def lines(self, *, show_misses: bool = False) -> list[str]:
        """The report as `bounceback eval triage` prints it."""
        out = [
            f"{self.total} complaints",
            f"exact:         {_share(self.exact, self.total)}",
            f"within one:    {_share(self.within_one, self.total)}",
            f"clear, exact:  {_share(self.clear_exact, self.clear)}",
            f"serious called minor: {len(self.under_called)}",
            "",
            "labelled ↓ / triaged →  " + "".join(f"{s:>10}" for s in SEVERITIES),
        ]
        for labelled in SEVERITIES:
            row = "".join(f"{self.confusion.get((labelled, got), 0):>10}" for got in SEVERITIES)
            out.append(f"{labelled:>22}  {row}")
        shown = self.misses if show_misses else self.under_called
        if shown:
            out += ["", "misses:" if show_misses else "serious cases called minor:"]
            out += [f"  {m.ident}: {m.expected} → {m.got}: {m.text[:100]}\n      {m.why}" for m in shown]
        return out

    def to_json(self) -> dict[str, object]:
        """The figures as plain data."""
        return {
            "total": self.total,
            "exact": _ratio(self.exact, self.total),
            "within_one": _ratio(self.within_one, self.total),
            "clear_exact": _ratio(self.clear_exact, self.clear),
            "serious_called_minor": [m.ident for m in self.under_called],
            "confusion": {f"{a}->{b}": n for (a, b), n in sorted(self.confusion.items())},
        }


def score_triage(
    examples: Iterable[Labelled], rules: TriageRules, knowledge: Knowledge = SHIPPED
) -> TriageScore:
    """Triage each example with these rules and count how often it agrees with the label."""
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[Miss] = []
    total = exact = within = clear = clear_exact = 0
    for example in examples:
        verdict = triage(example.text, rules, knowledge=knowledge)
        distance = abs(SEVERITIES.index(verdict.severity) - SEVERITIES.index(example.severity))
        total += 1
        exact += distance == 0
        within += distance <= 1
        clear += example.clear
        clear_exact += example.clear and distance == 0
        confusion[(example.severity, verdict.severity)] += 1
        if distance:
            misses.append(
                Miss(example.ident, example.severity, verdict.severity, example.text, verdict.explain())
            )
    under = tuple(m for m in misses if m.expected in SERIOUS and m.got == "minor")
    return TriageScore(total, exact, within, clear, clear_exact, dict(confusion), under, tuple(misses))


@dataclass(frozen=True)
class ApologyScore:
    """Agreement of the apology check with people's labels."""

    good: int
    good_with_errors: tuple[Miss, ...]
    flawed: int
    flawed_named: int  # flawed apologies where the check names at least one of the labelled flaws
    recall: dict[str, tuple[int, int]]  # rule → (found, labelled)
    missed: tuple[Miss, ...]  # flawed apologies where no labelled flaw was named

    def lines(self, *, show_misses: bool = False) -> list[str]:
        """The report as `bounceback eval apologies` prints it."""
        out = [
            f"{self.good + self.flawed} apologies: {self.good} good, {self.flawed} flawed",
            f"flawed, a flaw named by its kind: {_share(self.flawed_named, self.flawed)}",
            f"good, reported with an error:     {_share(len(self.good_with_errors), self.good)}",
            "",
            "per rule (found / labelled):",
        ]
        out += [f"  {rule:<20} {_share(n, of)}" for rule, (n, of) in sorted(self.recall.items())]
        shown = [*self.good_with_errors, *(self.missed if show_misses else ())]
        if shown:
            out += ["", "misses:"]
            out += [f"  {m.ident}: {m.expected} → {m.got}: {m.text[:100]}\n      {m.why}" for m in shown]
        return out

    def to_json(self) -> dict[str, object]:
        """The figures as plain data."""
        return {
            "good": self.good,
            "flawed": self.flawed,
            "flawed_named": _ratio(self.flawed_named, self.flawed),
            "good_with_errors": _ratio(len(self.good_with_errors), self.good),
            "recall": {rule: _ratio(n, of) for rule, (n, of) in sorted(self.recall.items())},
        }


def score_apologies(examples: Iterable[Labelled]) -> ApologyScore:
    """Check each apology and count the flaws named, and the errors reported on good ones."""
    good = flawed = named = 0
    good_errors: list[Miss] = []
    missed: list[Miss] = []
    found: Counter[str] = Counter()
    labelled: Counter[str] = Counter()
    for example in examples:
        report = check_apology(example.text, severity=example.severity)
        reported = {f.rule for f in (*report.errors, *report.warnings)}
        said = "; ".join(report.lines()) or "no findings"
        if example.good:
            good += 1
            if report.errors:
                good_errors.append(Miss(example.ident, "good", "error", example.text, said))
            continue
        flawed += 1
        labelled.update(example.flaws)
        found.update(set(example.flaws) & reported)
        if reported & set(example.flaws):
            named += 1
        else:
            missed.append(Miss(example.ident, ", ".join(example.flaws), "not named", example.text, said))
    recall = {rule: (found[rule], n) for rule, n in labelled.items()}
    return ApologyScore(good, tuple(good_errors), flawed, named, recall, tuple(missed))


def _share(n: int, of: int) -> str:
    return f"{n}/{of} ({n / of:.0%})" if of else "—"


def _ratio(n: int, of: int) -> float | None:
    return round(n / of, 3) if of else None
