"""What the apology check reports: findings with their evidence, errors and warnings, and the rule names."""

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]

ERROR_RULES = frozenset({"missing_ownership", "missing_repair", "blame_or_excuse"})
RULES = ERROR_RULES | {
    "missing_regret",
    "missing_prevention",
    "conditional",
    "minimizing",
    "agentless_passive",
    "empty_reassurance",
    "over_apologizing",
}
MAX_PER_RULE = 10  # a 100k-character paste should not produce a thousand-line report


@dataclass(frozen=True)
class Finding:
    """One problem with an apology, with the words that triggered it."""

    rule: str
    message: str
    evidence: str
    level: Level


@dataclass(frozen=True)
class Report:
    """The result of checking one apology: errors block sending as written, warnings advise."""

    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when there are no errors."""
        return not self.errors

    def to_json(self) -> dict[str, list[dict[str, str]]]:
        """The report as plain data, as `bounceback check-apology --json` prints it."""

        def plain(findings: tuple[Finding, ...]) -> list[dict[str, str]]:
            return [{"rule": f.rule, "message": f.message, "evidence": f.evidence} for f in findings]

        return {"errors": plain(self.errors), "warnings": plain(self.warnings)}

    def lines(self) -> list[str]:
        """One human line per finding: "✗ …" for errors, "! …" for warnings."""
        out = []
        for mark, findings in (("✗", self.errors), ("!", self.warnings)):
            for f in findings:
                out.append(f"{mark} {f.message}" + (f": “{f.evidence}”" if f.evidence else ""))
        return out


@dataclass(frozen=True)
class Hit:
    """A finding still tied to where it was found, so overlapping matches of one rule count once."""

    rule: str
    message: str
    evidence: str
    start: int = -1
    end: int = -1
    level: Level | None = None  # None: the rule's own level; a weak sign of a missing part is a warning


def tidy(hits: list[Hit]) -> list[Finding]:
    kept: list[Finding] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    seen: set[tuple[str, str]] = set()
    for hit in hits:
        taken = spans.setdefault(hit.rule, [])
        key = (hit.rule, hit.evidence.lower())
        overlaps = any(start < hit.end and hit.start < end for start, end in taken)
        if key in seen or overlaps or len(taken) >= MAX_PER_RULE:
            continue
        seen.add(key)
        taken.append((hit.start, hit.end))
        level: Level = hit.level or ("error" if hit.rule in ERROR_RULES else "warning")
        kept.append(Finding(hit.rule, hit.message, hit.evidence, level))
    return kept
