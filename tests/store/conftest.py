"""The databases the store tests run against: a SQLite file always, and PostgreSQL when
DETENTE_TEST_PG_URL names a server (`.ci/run` starts one with `.ci/postgres start`)."""
from __future__ import annotations

import pytest

from dbs import fresh_postgres, postgres_url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A SQLAlchemy URL of an empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'detente.db'}"
    if not postgres_url():
        pytest.skip("no PostgreSQL server: set DETENTE_TEST_PG_URL (.ci/postgres start DIR prints one)")
    return fresh_postgres()
