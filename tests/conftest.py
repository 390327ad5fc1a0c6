"""Shared fixtures: the whole bot against the Slack stand-in, and real PostgreSQL databases."""

import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from hypothesis import settings

from bot.policy.model import Policy
from bot.policy.reader import load_policy
from bot.sandbox.cast import DEMO_POLICY
from bot.sandbox.rig import Rig

# Property tests draw the same examples on every run, so CI is repeatable; HYPOTHESIS_PROFILE=explore
# draws new ones (worth a run after changing a message builder).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

POSTGRES = os.environ.get("BOUNCEBACK_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture
def policy() -> Policy:
    """The demo policy: a four-level ladder, durations in seconds."""
    return load_policy(DEMO_POLICY)


@pytest.fixture
def rig() -> Iterator[Rig]:
    """Bounceback on a fresh SQLite database, behind its HTTP server, against a fresh stand-in."""
    with Rig() as running:
        yield running


def _admin_connection() -> psycopg.Connection:
    try:
        return psycopg.connect(POSTGRES, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        message = f"PostgreSQL is not reachable at {POSTGRES} ({str(error).strip().splitlines()[0]})"
        if os.environ.get("BOUNCEBACK_REQUIRE_POSTGRES") == "1":
            pytest.fail(message + "; BOUNCEBACK_REQUIRE_POSTGRES=1 requires it")
        pytest.skip(message + "; set BOUNCEBACK_TEST_POSTGRES to run the PostgreSQL tests")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A brand-new PostgreSQL database for one test, dropped afterwards."""
    name = f"bounceback_test_{uuid.uuid4().hex[:12]}"
    with _admin_connection() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    yield f"{base}/{name}"
    with _admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgres"])
def either_database_url(request, tmp_path) -> str:
    """A new SQLite file, then a new PostgreSQL database: for behaviour that must hold on both."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'bounceback.sqlite3'}"
    return request.getfixturevalue("postgres_url")
