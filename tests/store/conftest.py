"""The store's tests share one database fixture: SQLite and PostgreSQL alike, brought up to date."""

from collections.abc import Iterator

import pytest

from bot.store.db import Database
from tests.helpers import migrated


@pytest.fixture
def db(either_database_url) -> Iterator[Database]:
    yield from migrated(either_database_url)
