"""The baseline for the history benchmark: hand-written SQL that computes the same figures and Home tab.

What a person fluent in SQL would send over a plain DBAPI connection: one pass over the window's
timeline events for every count, one for the apologies with their medians (window functions, so
no rows come back to Python), one for the improvements, and the case, gesture and customer
queries as they must be. The answers are compared with `bot.recovery.metrics.figures` so the two are
known to compute the same thing.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from bench.scheduler import stamp
from bot.policy.model import SEVERITIES
from bot.recovery.metrics import Figures


class Dialect:
    """How SQLite and PostgreSQL spell parameters and reads from the JSON `data` column."""

    def __init__(self, name: str) -> None:
        self.pg = name == "postgresql"

    def sql(self, text: str) -> str:
        return re.sub(r":(\w+)", r"%(\1)s", text) if self.pg else text

    def text(self, field: str, column: str = "e.data") -> str:
        return f"({column} ->> '{field}')" if self.pg else f"json_extract({column}, '$.{field}')"

    def number(self, field: str) -> str:
        return f"CAST(e.data ->> '{field}' AS INTEGER)" if self.pg else f"json_extract(e.data, '$.{field}')"

    def yes(self, field: str) -> str:
        """1 when the JSON boolean is true, else 0."""
        truth = f"CAST(e.data ->> '{field}' AS BOOLEAN)" if self.pg else f"json_extract(e.data, '$.{field}')"
        return f"CASE WHEN {truth} THEN 1 ELSE 0 END"

    def when(self, at: datetime) -> Any:
        """A datetime as the column stores it (SQLite: naive UTC text)."""
        return at if self.pg else stamp(at)


WINDOW = "e.at >= :since AND e.at < :until"


def figures(connection: Any, dialect: Dialect, since: datetime, until: datetime) -> dict[str, Any]:
    """The figures `/recover stats` and the digest show, by hand-written SQL."""
    d = dialect
    params = {"since": d.when(since), "until": d.when(until)}

    def rows(text: str) -> list[Any]:
        return list(connection.execute(d.sql(text), params).fetchall())

    counts = rows(
        "SELECT "
        + ", ".join(
            f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"
            for condition in (
                "e.kind = 'closed'",
                "e.kind = 'reopened'",
                "e.kind = 'fixed'",
                f"e.kind = 'fixed' AND {d.yes('on_time')} = 1",
                *(
                    f"e.kind = 'checkin' AND {d.text('outcome')} = '{o}'"
                    for o in ("ok", "unhappy", "unreachable")
                ),
            )
        )
        + f" FROM timelineevent e WHERE e.kind IN ('closed', 'reopened', 'fixed', 'checkin') AND {WINDOW}"
    )[0]
    apologies = rows(
        f"WITH a AS (SELECT c.severity AS severity, {d.number('seconds')} AS s, {d.yes('on_target')} AS on_target, "
        f"CASE WHEN {d.number('errors')} > 0 THEN 0 ELSE 1 END AS clean, {d.yes('as_written')} AS as_written "
        f"FROM timelineevent e JOIN \"case\" c ON c.id = e.case_id WHERE e.kind = 'apologized' AND {WINDOW}), "
        "r AS (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY severity ORDER BY s) AS k, "
        "COUNT(*) OVER (PARTITION BY severity) AS n, ROW_NUMBER() OVER (ORDER BY s) AS k_all, "
        "COUNT(*) OVER () AS n_all FROM a) "
        "SELECT '*', COUNT(*), SUM(on_target), SUM(clean), SUM(as_written), "
        "AVG(CASE WHEN k_all IN ((n_all + 1) / 2, (n_all + 2) / 2) THEN s END) FROM r "
        "UNION ALL SELECT severity, COUNT(*), 0, 0, 0, AVG(CASE WHEN k IN ((n + 1) / 2, (n + 2) / 2) THEN s END) "
        "FROM r GROUP BY severity"
    )
    improvements = rows(
        f"SELECT e.case_id, {d.text('root_cause')}, {d.text('change')}, e.at FROM timelineevent e "
        f"WHERE e.kind = 'improvement' AND {WINDOW} ORDER BY e.at, e.id"
    )
    opened = rows(
        'SELECT severity, COUNT(*) FROM "case" WHERE created_at >= :since AND created_at < :until GROUP BY severity'
    )
    overdue = rows(
        'SELECT COUNT(*) FROM "case" WHERE fix_due_at < :until AND created_at < :until AND '
        "((fix_status = 'assigned' AND status != 'closed') OR fixed_at >= :until)"
    )[0][0]
    gestures = rows(
        "SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM gesture WHERE state IN ('given', 'approved') "
        "AND created_at >= :since AND created_at < :until"
    )[0]
    repeats = rows(
        'SELECT COUNT(*) FROM (SELECT customer_key FROM "case" WHERE customer_key IN (SELECT customer_key '
        'FROM "case" WHERE customer_key IS NOT NULL AND created_at >= :since AND created_at < :until) '
        "GROUP BY customer_key HAVING COUNT(*) >= 2) repeats"
    )[0][0]
    overall = next((row for row in apologies if row[0] == "*"), ("*", 0, 0, 0, 0, None))
    by_severity = {row[0]: row[5] for row in apologies if row[0] != "*"}
    return {
        "opened": sum(n for _, n in opened),
        "by_severity": {s: dict(opened).get(s, 0) for s in SEVERITIES},
        "closed": int(counts[0] or 0),
        "reopened": int(counts[1] or 0),
        "fixes": (int(counts[2] or 0), int(counts[3] or 0)),
        "checkins": {o: int(counts[4 + i] or 0) for i, o in enumerate(("ok", "unhappy", "unreachable"))},
        "apologies": (int(overall[1]), int(overall[2] or 0), int(overall[3] or 0), int(overall[4] or 0)),
        "median": _seconds(overall[5]),
        "median_by_severity": {s: _seconds(by_severity.get(s)) for s in SEVERITIES},
        "overdue_open": int(overdue),
        "gestures": (int(gestures[0]), Decimal(str(gestures[1])).quantize(Decimal("0.01"))),
        "improvements": len(improvements),
        "repeat_customers": int(repeats),
    }


def _seconds(value: Any) -> timedelta | None:
    return None if value is None else timedelta(seconds=float(value))


def from_figures(fig: Figures) -> dict[str, Any]:
    """Bounceback's figures in the same shape, to compare."""
    return {
        "opened": fig.opened,
        "by_severity": dict(fig.by_severity),
        "closed": fig.closed,
        "reopened": fig.reopened,
        "fixes": (fig.fixes_done, fig.fixes_on_time),
        "checkins": dict(fig.checkins),
        "apologies": (fig.apologies, fig.apologies_on_target, fig.clean_apologies, fig.as_written),
        "median": fig.median_to_apology,
        "median_by_severity": dict(fig.median_by_severity),
        "overdue_open": fig.fixes_overdue_open,
        "gestures": (fig.gestures, fig.gesture_total),
        "improvements": len(fig.improvements) + fig.earlier_improvements,
        "repeat_customers": fig.repeat_customers,
    }


def differences(ours: dict[str, Any], raw: dict[str, Any]) -> list[str]:
    """The names of the figures on which the two disagree."""
    return [name for name in raw if ours.get(name) != raw[name]]


def home(connection: Any, dialect: Dialect, user_id: str) -> list[list[Any]]:
    """The Home tab's queues for one person (the team's figures come from `figures`)."""
    d = dialect
    params = {"user": user_id}
    statements = (
        "SELECT id, severity, summary FROM \"case\" WHERE apology_state = 'requested' "
        "AND apology_leader_id = :user LIMIT 10",
        "SELECT id, severity, summary, fix_due_at FROM \"case\" WHERE fix_status = 'assigned' "
        "AND fix_owner_id = :user ORDER BY fix_due_at LIMIT 10",
        "SELECT n.key, c.id, c.severity, c.summary FROM (SELECT key, case_id, fired_at FROM nudge "
        "WHERE kind = 'checkin' AND state = 'done' AND recipient_id = :user ORDER BY fired_at DESC LIMIT 50) n "
        'JOIN "case" c ON c.id = n.case_id WHERE NOT EXISTS (SELECT 1 FROM timelineevent e '
        f"WHERE e.case_id = n.case_id AND e.kind = 'checkin' AND {d.text('key')} = n.key) "
        "ORDER BY n.fired_at DESC LIMIT 10",
        "SELECT id, severity, summary, status FROM \"case\" WHERE status != 'closed' "
        "AND (reporter_id = :user OR fix_owner_id = :user) ORDER BY id DESC LIMIT 5",
    )
    return [list(connection.execute(d.sql(text), params).fetchall()) for text in statements]
