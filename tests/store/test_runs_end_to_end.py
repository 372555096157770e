"""`detente run` end to end on PostgreSQL: the same records as on SQLite, a killed run
resumed, two runs writing to one database at once, and each run recorded."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from dbs import fresh_postgres, postgres_url
from detente.store import open_store
from detente.store.schema import TABLES

pytestmark = pytest.mark.skipif(not postgres_url(), reason="no PostgreSQL server: set DETENTE_TEST_PG_URL")
NAMES = ("documents", "actors", "mentions", "quotes", "statements")


def detente_run(*args: str) -> list[str]:
    return [sys.executable, "-m", "detente.cli", "run", *args, "--quiet"]


def exported(out: Path) -> dict[str, str]:
    return {name: (out / f"{name}.jsonl").read_text(encoding="utf-8") for name in NAMES}


@pytest.fixture(scope="module")
def sqlite_out(tmp_path_factory, articles) -> Path:
    out = tmp_path_factory.mktemp("sqlite")
    subprocess.run(detente_run(str(articles), "-o", str(out)), check=True, capture_output=True)
    return out


def test_postgresql_gives_the_records_sqlite_gives(tmp_path, articles, sqlite_out):
    url = fresh_postgres()
    done = subprocess.run(detente_run(str(articles), "-o", str(tmp_path), "--db", url), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert exported(tmp_path) == exported(sqlite_out)
    (run,) = open_store(url).runs()
    assert run["added"] == 5 and run["counts"]["quotes"] == len(exported(sqlite_out)["quotes"].splitlines())


def test_two_runs_writing_at_once_store_each_record_once(tmp_path, articles, sqlite_out):
    url = fresh_postgres()
    runs = [subprocess.Popen(detente_run(str(articles), "-o", str(tmp_path / name), "--db", url),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in ("a", "b")]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    assert exported(tmp_path / "b") == exported(sqlite_out)
    assert sorted(r["added"] for r in open_store(url).runs()) in ([0, 5], [1, 4], [2, 3])


def _stored(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(TABLES["documents"])).scalar_one()
    except Exception:  # the tables may not exist yet
        return 0
    finally:
        engine.dispose()


def _wait_for_the_server_to_drop(url: str) -> None:
    engine = create_engine(url)
    others = text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
    with engine.connect() as conn:
        deadline = time.monotonic() + 30
        while conn.execute(others).scalar_one() and time.monotonic() < deadline:
            time.sleep(0.1)
    engine.dispose()


def test_a_killed_run_loses_nothing_and_the_next_run_resumes(tmp_path, articles):
    url = fresh_postgres()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))]
    for i in range(30):  # distinct articles: each a seed with its own closing line
        (corpus / f"{i:03d}.txt").write_text(f"{texts[i % 5]}\nCopy {i}.\n", encoding="utf-8")
    cmd = detente_run(str(corpus), "-o", str(tmp_path / "out"), "--db", url)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _stored(url) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    _wait_for_the_server_to_drop(url)  # a COMMIT sent just before the kill may still land
    kept = _stored(url)
    assert 3 <= kept < 30
    resumed = subprocess.run(cmd, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"Analysed {30 - kept} new document(s), {kept} already stored" in resumed.stdout
    lines = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["doc"] for line in lines) == [f"{i:03d}.txt" for i in range(30)]
