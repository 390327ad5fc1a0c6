"""Cases get unique, increasing ids under concurrency, on SQLite and on a real PostgreSQL server."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.policy.reader import load_policy
from bot.recovery.cases import Complaint, case_key, log_case
from bot.sandbox.cast import COMPLAINTS, DEMO_POLICY, FRONT_DESK
from bot.sandbox.rig import Rig
from bot.store.db import Database
from tests.helpers import all_cases, bot_posts

POLICY = load_policy(DEMO_POLICY)


def _log_many(db: Database, count: int, *, duplicates: bool) -> list[int]:
    def log(n: int) -> int:
        source = f"msg:C1:{n // 2 if duplicates else n}"
        with db.session() as session:
            case, _ = log_case(
                session,
                policy=POLICY,
                complaint=Complaint(
                    text=f"complaint {n}", reporter_id="U1", source="channel", source_key=source
                ),
            )
            return case.id

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(log, range(count)))


@pytest.fixture(params=["sqlite", "postgres"])
def database(request, tmp_path):
    url = (
        f"sqlite:///{tmp_path / 'cases.sqlite3'}"
        if request.param == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    db = Database(url)
    db.migrate()
    db.migrate()  # a second start finds nothing to do
    yield db
    db.dispose()


def test_concurrent_intake_numbers_cases_uniquely_and_in_order(database):
    ids = _log_many(database, 40, duplicates=False)
    assert sorted(ids) == list(range(1, 41))
    with database.session() as session:
        from bot.store.models import Case

        assert case_key(POLICY, session.get(Case, 40)) == "REC-40"


def test_concurrent_duplicate_deliveries_make_one_case_each(database):
    ids = _log_many(database, 40, duplicates=True)
    assert len(set(ids)) == 20
    for n in range(0, 40, 2):
        assert ids[n] == ids[n + 1]


@pytest.mark.postgres
def test_the_whole_bot_runs_on_postgresql(postgres_url):
    with Rig(database_url=postgres_url) as rig:
        ts, _ = rig.driver.post_message(
            FRONT_DESK.id, COMPLAINTS, "Checkout bill was wrong twice, $180 extra."
        )
        rig.standin.wait_for(lambda: bot_posts(rig, COMPLAINTS, thread_ts=ts), what="the card")
        rig.restart()
        rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, "The pool was closed without notice.")
        rig.service.settle()
        assert [c.id for c in all_cases(rig)] == [1, 2]


def test_reads_see_the_last_commit_while_a_writer_holds_the_lock(database):
    import threading

    from sqlmodel import select

    from bot.store.models import Case

    _log_many(database, 1, duplicates=False)
    writer_holds_lock, reader_done = threading.Event(), threading.Event()
    seen: list[int] = []

    def write() -> None:
        with database.session() as session:
            log_case(
                session,
                policy=POLICY,
                complaint=Complaint(text="later", reporter_id="U1", source="channel", source_key="msg:C1:x"),
            )
            writer_holds_lock.set()
            reader_done.wait(timeout=30)

    writer = threading.Thread(target=write)
    writer.start()
    assert writer_holds_lock.wait(timeout=30)
    with database.reading() as session:
        seen = [case.id for case in session.exec(select(Case))]
    reader_done.set()
    writer.join(timeout=30)
    assert seen == [1]  # the committed case, not the one still being written, and no waiting for it


def test_the_migrations_build_what_the_models_declare(database):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    with database.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []


def test_after_a_restart_sqlite_finds_check_in_answers_by_case_not_by_kind(tmp_path):
    from sqlalchemy import insert
    from sqlmodel import col, select

    from bot.store.models import Case, TimelineEvent

    url = f"sqlite:///{tmp_path / 'history.sqlite3'}"
    first = Database(url)
    first.migrate()
    with first.session() as session:
        session.execute(
            insert(Case),
            [
                {
                    "source_key": f"k{n}",
                    "source": "command",
                    "summary": "s",
                    "reporter_id": "U1",
                    "severity": "minor",
                    "severity_reasons": [],
                }
                for n in range(1000)
            ],
        )
        kinds = ("logged", "checkin_asked", "checkin")
        session.execute(
            insert(TimelineEvent),
            [{"case_id": n, "kind": k, "data": {}} for n in range(1, 1001) for k in kinds],
        )
    first.dispose()
    restarted = Database(url)
    restarted.migrate()  # every start-up: the planner's statistics are brought up to date
    # How the Home tab looks for the answers to a person's check-ins (bot/recovery/home.py:checkins_due)
    answers = select(TimelineEvent).where(
        TimelineEvent.kind == "checkin", col(TimelineEvent.case_id).in_(range(1, 51))
    )
    statement = answers.compile(restarted.engine, compile_kwargs={"literal_binds": True})
    with restarted.engine.connect() as connection:
        plan = " ".join(row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}"))
    restarted.dispose()
    assert "ix_timelineevent_case_id" in plan, plan
