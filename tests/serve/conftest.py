"""A store of the seed articles plus a hostile one, and the app over it (read-only)."""
from __future__ import annotations

import pytest

from dbs import build_store
from detente.store import sqlite_url
from detente.store.query import read_only

pytest.importorskip("fastapi", reason="the server tests need the serve extra (pip install 'detente[serve]')")

@pytest.fixture(scope="session")
def store_url(tmp_path_factory) -> str:
    return build_store(sqlite_url(tmp_path_factory.mktemp("serve") / "detente.db"))


@pytest.fixture(scope="session")
def app(store_url):
    from detente.serve import create_app

    return create_app(read_only(store_url))


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    return TestClient(app)
