"""A database made by an earlier Bounceback migrates at start-up and reads back as it was written."""

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from bot.store.db import MIGRATIONS, Database
from bot.store.models import ApologyState, Case, CaseStatus, FixStatus, Nudge, NudgeKind, NudgeState, Source

BEFORE_THE_MOVE = "0005"  # the head revision when the code moved into bot/{policy,store,recovery,slack}/


@pytest.fixture(params=["sqlite", "postgres"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'earlier.sqlite3'}"
    return request.getfixturevalue("postgres_url")


def _as_an_earlier_version_left_it(url: str) -> None:
    """The schema at BEFORE_THE_MOVE, with a case and a nudge written as plain strings, by raw SQL."""
    database = Database(url)
    with database.engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, BEFORE_THE_MOVE)
        connection.execute(
            text(
                'INSERT INTO "case" (id, source_key, source, summary, reporter_id, severity, severity_reasons,'
                " status, created_at, updated_at, fix_status, fix_version, apology_state, apology_round,"
                " apology_errors) VALUES (1, 'msg:C1:1', 'channel', 'Cold soup', 'U1', 'minor', '[]',"
                " 'apology_requested', '2026-11-30 10:00:00', '2026-11-30 10:00:00', 'none', 0, 'requested', 1, 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO nudge (key, kind, case_id, due_at, state, payload, deferrals, created_at)"
                " VALUES ('apology:1:r1', 'apology_escalate', 1, '2026-11-30 11:00:00', 'pending', '{}', 0,"
                " '2026-11-30 10:00:00')"
            )
        )
    database.dispose()


def test_a_database_from_before_the_move_migrates_at_start_up_and_reads_as_written(url: str) -> None:
    _as_an_earlier_version_left_it(url)
    database = Database(url)
    try:
        database.migrate()  # what `bounceback run` does first
        with database.reading() as session:
            case, nudge = session.get(Case, 1), session.get(Nudge, 1)
            revision = session.connection().execute(text("SELECT version_num FROM alembic_version")).scalar()
            assert revision >= BEFORE_THE_MOVE
            assert (case.status, case.apology_state, case.fix_status, case.source) == (
                CaseStatus.APOLOGY_REQUESTED,
                ApologyState.REQUESTED,
                FixStatus.NONE,
                Source.CHANNEL,
            )
            assert isinstance(case.status, CaseStatus) and (nudge.kind, nudge.state) == (
                NudgeKind.APOLOGY_ESCALATE,
                NudgeState.PENDING,
            )
    finally:
        database.dispose()
