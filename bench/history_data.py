"""A long history, generated fast: N cases over two years with their timelines, gestures and check-ins.

Python draws each case's random facts once (seeded, so SQLite and PostgreSQL get the same data)
into a staging table (executemany / COPY); the database then derives every row of `case`,
`timelineevent`, `nudge` and `gesture` from it with INSERT … SELECT, in the shapes Bounceback's
migrations create and with its storage conventions (SQLite: naive UTC text with microseconds).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from bot.sandbox import cast

SPAN_DAYS = 730
CHUNK = 50_000
STAGE = "bench_stage"
STAGE_COLUMNS = (
    "id, created, sev, customer, reporter, owner, waited, assign_after, fix_after, fixed_ok, "
    "answer_hours, answer_roll, outcome, errors, edited, gesture_state, amount"
)
SEVERITIES = ("minor", "moderate", "major", "critical")
WEIGHTS = (50, 30, 15, 5)
LEADERS = (cast.LEAD.id, cast.MANAGER.id, cast.DIRECTOR.id, cast.EXECUTIVE.id)
LEVELS = ("team_lead", "manager", "director", "executive")
RESPOND = (86_400, 28_800, 14_400, 7_200)  # seconds, as bench/policy.toml
FIX_WITHIN = (3 * 86_400, 2 * 86_400, 86_400, 28_800)
STAFF = (cast.SUPPORT.id, cast.WAITER.id, cast.FRONT_DESK.id, *(f"U0STAFF{n:03d}" for n in range(40)))


def stage_rows(count: int, *, now: float, seed: int = 7) -> Iterator[list[tuple[object, ...]]]:
    """Each case's random facts, in batches: created (epoch s), severity index, customer, people, delays."""
    rng = random.Random(seed)
    span = SPAN_DAYS * 86_400
    batch: list[tuple[object, ...]] = []
    for case_id in range(1, count + 1):
        sev = rng.choices(range(4), WEIGHTS)[0]
        gesture = rng.random()
        batch.append(
            (
                case_id,
                now - span * (1 - case_id / (count + 1)) - rng.random() * 60,
                sev,
                rng.randrange(700_000),  # about one customer in three complains again
                rng.choice(STAFF),
                rng.choice(STAFF),
                int(rng.expovariate(1 / (RESPOND[sev] * 0.6))),
                rng.randrange(60, 3_600),
                int(rng.expovariate(1 / (FIX_WITHIN[sev] * 0.7))),
                int(rng.random() < 0.97),
                rng.randrange(1, 48),
                rng.random(),
                rng.choices(("ok", "unhappy", "unreachable"), (85, 5, 10))[0],
                int(rng.random() < 0.04),
                int(rng.random() < 0.3),
                ("given", "approved", "declined", "pending")[int(gesture * 50) % 4]
                if gesture < 0.2
                else None,
                round(rng.uniform(5, 400), 2),
            )
        )
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def stage_table(dialect: str) -> str:
    """CREATE TABLE for the staging rows."""
    real = "DOUBLE PRECISION" if dialect == "postgresql" else "REAL"
    return (
        f"CREATE TABLE {STAGE} (id INTEGER PRIMARY KEY, created {real}, sev INTEGER, customer INTEGER, "
        "reporter VARCHAR(32), owner VARCHAR(32), waited INTEGER, assign_after INTEGER, fix_after INTEGER, "
        "fixed_ok INTEGER, answer_hours INTEGER, answer_roll REAL, outcome VARCHAR(16), errors INTEGER, "
        f"edited INTEGER, gesture_state VARCHAR(16), amount {real})"
    )


def _pick(values: tuple[object, ...], index: str = "s.sev") -> str:
    return "CASE " + " ".join(f"WHEN {index} = {i} THEN {v!r}" for i, v in enumerate(values)) + " END"


class _Sql:
    """The dialect's spelling of a timestamp from epoch seconds, of JSON objects, and of booleans in them."""

    def __init__(self, dialect: str) -> None:
        self.pg = dialect == "postgresql"

    def ts(self, seconds: str) -> str:
        if self.pg:
            return f"to_timestamp({seconds})"
        return f"strftime('%Y-%m-%d %H:%M:%f', {seconds}, 'unixepoch') || '000'"

    def obj(self, *pairs: tuple[str, str]) -> str:
        fn = "json_build_object" if self.pg else "json_object"
        return f"{fn}(" + ", ".join(f"'{k}', {v}" for k, v in pairs) + ")"

    def flag(self, condition: str) -> str:
        return f"({condition})" if self.pg else f"json(CASE WHEN {condition} THEN 'true' ELSE 'false' END)"


def derive(dialect: str, now: float) -> list[str]:
    """The INSERT … SELECT statements that turn the staging rows into Bounceback's tables."""
    q = _Sql(dialect)
    d = 86_400
    facts = (
        f"SELECT s.*, {_pick(LEADERS)} AS leader, {now} - s.created AS age, "
        f"s.created + s.waited AS apologized_at, s.created + s.assign_after AS assigned_at, "
        f"s.created + s.fix_after AS fixed_at, s.created + {_pick(FIX_WITHIN)} AS due_at, "
        f"s.created + s.fix_after + 2 * {d} AS asked_at, "
        f"s.created + s.fix_after + 2 * {d} + s.answer_hours * 3600 AS answered_at FROM {STAGE} s"
    )
    flags = (
        f"SELECT f.*, f.waited < f.age AS apologized, f.assigned_at < {now} AS assigned, "
        f"(f.assigned_at < {now} AND f.fix_after < f.age AND f.fixed_ok = 1) AS fixed FROM ({facts}) f"
    )
    more = (
        f"SELECT g.*, (g.fixed AND g.asked_at < {now}) AS asked, "
        f"(g.fixed AND g.answered_at < {now} AND g.answer_roll < 0.95) AS answered FROM ({flags}) g"
    )
    status = (
        f"CASE WHEN h.answered AND h.outcome = 'ok' AND h.apologized AND h.fixed_at + 4 * {d} < {now} "
        "THEN 'closed' WHEN h.answered AND h.outcome = 'unhappy' THEN 'reopened' WHEN h.fixed "
        "THEN 'following_up' WHEN h.assigned THEN 'fix_assigned' WHEN h.apologized THEN 'apologized' "
        "ELSE 'apology_requested' END"
    )
    cases = f"SELECT h.*, {status} AS status FROM ({more}) h"
    table = "bench_facts"
    empty = q.obj()
    key = "'checkin:' || id || ':v1:1:a1'"
    asked = q.obj(("key", key))
    answer = q.obj(("outcome", "outcome"), ("note", "''"), ("key", key))
    apology = q.obj(
        ("seconds", "waited"),
        ("on_target", q.flag(f"waited <= {_pick(RESPOND, 'sev')}")),
        ("errors", "errors"),
        ("as_written", q.flag("errors > 0")),
        ("edited", q.flag("edited = 1")),
    )
    fixed = q.obj(("on_time", q.flag("fixed_at <= due_at")))
    lesson = q.obj(("root_cause", "'cause ' || (id % 97)"), ("change", "'we changed step ' || (id % 13)"))
    branches = [
        f"SELECT id AS case_id, created AS t, reporter AS actor, 'logged' AS kind, 'triaged' AS note, "
        f"{empty} AS data FROM {table}",
        f"SELECT id, created + 1, NULL, 'apology_requested', 'asked ' || leader, {q.obj(('round', '1'))} "
        f"FROM {table}",
        f"SELECT id, apologized_at, leader, 'apologized', 'approved', {apology} FROM {table} WHERE apologized",
        f"SELECT id, assigned_at, reporter, 'owner', 'owns the fix', {empty} FROM {table} WHERE assigned",
        f"SELECT id, fixed_at, owner, 'fixed', 'done', {fixed} FROM {table} WHERE fixed",
        f"SELECT id, asked_at, NULL, 'checkin_asked', 'asked', {asked} FROM {table} WHERE asked",
        f"SELECT id, answered_at, leader, 'checkin', outcome, {answer} FROM {table} WHERE answered",
        f"SELECT id, answered_at + 1, leader, 'reopened', 'still unhappy', {empty} FROM {table} "
        "WHERE answered AND outcome = 'unhappy'",
        f"SELECT id, fixed_at + 4 * {d} - 3600, leader, 'improvement', 'a change', {lesson} FROM {table} "
        "WHERE status = 'closed' AND sev >= 2",
        f"SELECT id, fixed_at + 4 * {d}, leader, 'closed', '', {empty} FROM {table} WHERE status = 'closed'",
    ]
    return [
        f"CREATE TABLE {table} AS {cases}",
        'INSERT INTO "case" (id, source_key, source, summary, reporter_id, channel_id, message_ts, '
        "customer_name, customer_key, severity, severity_reasons, status, created_at, updated_at, "
        "fix_owner_id, fix_due_at, fix_status, fix_version, fixed_at, apology_state, apology_level, "
        "apology_leader_id, apology_round, apology_text, apology_by, apology_at, apology_errors) "
        f"SELECT c.id, 'msg:{cast.COMPLAINTS}:' || c.id, 'channel', "
        "'Guest ' || c.customer || ' waited an hour for room service and the food was cold', c.reporter, "
        f"'{cast.COMPLAINTS}', '' || c.id, 'Guest ' || c.customer, 'name:guest ' || c.customer, "
        f"{_pick(SEVERITIES, 'c.sev')}, '[\"mentions a triage word\"]', c.status, {q.ts('c.created')}, "
        f"{q.ts(str(now))}, CASE WHEN c.assigned THEN c.owner END, "
        f"CASE WHEN c.assigned THEN {q.ts('c.due_at')} END, "
        "CASE WHEN c.fixed THEN 'fixed' WHEN c.assigned THEN 'assigned' ELSE 'none' END, "
        f"CASE WHEN c.assigned THEN 1 ELSE 0 END, CASE WHEN c.fixed THEN {q.ts('c.fixed_at')} END, "
        f"CASE WHEN c.apologized THEN 'approved' ELSE 'requested' END, {_pick(LEVELS, 'c.sev')}, c.leader, 1, "
        "CASE WHEN c.apologized THEN 'I am so sorry; we will re-clean the room by 6pm and I will call you "
        "tomorrow.' END, CASE WHEN c.apologized THEN c.leader END, "
        f"CASE WHEN c.apologized THEN {q.ts('c.apologized_at')} END, CASE WHEN c.apologized THEN c.errors "
        f"ELSE 0 END FROM {table} c ORDER BY c.id",
        f"INSERT INTO timelineevent (case_id, at, actor_id, kind, text, data) SELECT case_id, {q.ts('t')}, "
        f"actor, kind, note, data FROM ({' UNION ALL '.join(branches)}) u ORDER BY t",
        "INSERT INTO nudge (key, kind, case_id, recipient_id, due_at, state, payload, deferrals, created_at, "
        f"fired_at) SELECT {key}, 'checkin', id, leader, {q.ts('asked_at')}, 'done', "
        f"{q.obj(('n', '1'), ('attempt', '1'), ('version', '1'))}, 0, {q.ts('fixed_at')}, {q.ts('asked_at')} "
        f"FROM {table} WHERE asked ORDER BY asked_at",
        "INSERT INTO gesture (case_id, what, amount, offered_by, state, decided_by, created_at) "
        "SELECT id, 'a complimentary night', amount, leader, gesture_state, "
        f"CASE WHEN gesture_state IN ('approved', 'declined') THEN leader END, {q.ts('created + 7200')} "
        f"FROM {table} WHERE gesture_state IS NOT NULL",
        f"DROP TABLE {table}",
        f"DROP TABLE {STAGE}",
    ]
