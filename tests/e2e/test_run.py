"""`detente run` end to end: the demo articles, re-runs, resuming after a kill, bad input."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import cli


def run_cli(*args: str):
    return CliRunner().invoke(cli, ["run", *args, "--quiet"])


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory, articles) -> Path:
    out = tmp_path_factory.mktemp("demo")
    result = run_cli(str(articles), "-o", str(out), "--csv")
    assert result.exit_code == 0, result.output
    return out


def test_demo_run_stores_the_five_articles_with_their_metadata(demo_out, articles):
    docs = {d["doc"]: d for d in read_jsonl(demo_out / "documents.jsonl")}
    assert sorted(docs) == sorted(p.name for p in articles.glob("*.txt"))
    first = docs["000_c526768f29ef2cde.txt"]
    assert first["title"].startswith("Cracks Appear In NATO Unity")
    assert first["published"] == "2025-08-12"
    assert docs["004_a5406d2cf627a0f8.txt"]["title"] == "NATO faces diplomatic turmoil over US peace plan favoring Russia"
    for name, doc in docs.items():
        assert doc["text"] == (articles / name).read_text(encoding="utf-8")
    assert (demo_out / "detente.db").exists() and (demo_out / "quotes.csv").exists()


def test_every_span_slices_the_article_text(demo_out, articles):
    texts = {p.name: p.read_text(encoding="utf-8") for p in articles.glob("*.txt")}
    mentions = read_jsonl(demo_out / "mentions.jsonl")
    quotes = read_jsonl(demo_out / "quotes.jsonl")
    assert len(mentions) > 50 and len(quotes) > 20
    for m in mentions:
        assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
    for q in quotes:
        assert texts[q["doc"]][q["start"]:q["end"]] == q["text"]


def test_rerun_adds_nothing_and_new_articles_add_only_themselves(tmp_path, articles):
    out = tmp_path / "out"
    first_two = tmp_path / "in"
    first_two.mkdir()
    for path in sorted(articles.glob("*.txt"))[:2]:
        (first_two / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli(str(first_two), "-o", str(out)).exit_code == 0
    before = {name: (out / f"{name}.jsonl").read_text() for name in ("documents", "mentions", "quotes", "statements")}
    again = run_cli(str(first_two), "-o", str(out))
    assert again.exit_code == 0 and "Analysed 0 new document(s), 2 already stored" in again.output
    assert before == {name: (out / f"{name}.jsonl").read_text() for name in before}
    more = run_cli(str(articles), "-o", str(out))
    assert "Analysed 3 new document(s), 2 already stored" in more.output
    assert len(read_jsonl(out / "documents.jsonl")) == 5


def test_the_same_article_twice_is_stored_once(tmp_path, articles):
    src = next(articles.glob("003_*.txt"))
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert len(read_jsonl(tmp_path / "out" / "documents.jsonl")) == 1


def test_bad_inputs_are_reported_and_the_rest_is_processed(tmp_path, articles):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(next(articles.glob("004_*.txt")).read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "latin1.txt").write_bytes("Le président a déclaré la paix.".encode("latin-1"))
    (corpus / "lines.jsonl").write_text('{"id": "ok", "text": "Rutte said allies must stay united."}\n{"id": \n')
    with open(corpus / "huge.txt", "wb") as fh:
        fh.truncate(50_000_000)
    result = run_cli(str(corpus), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "Traceback" not in result.output
    errors = read_jsonl(tmp_path / "out" / "errors.jsonl")
    reasons = {Path(e["source"]).name: e["reason"] for e in errors}
    assert set(reasons) == {"binary.txt", "empty.txt", "latin1.txt", "lines.jsonl:2", "huge.txt"}
    assert "binary" in reasons["binary.txt"] and "MB limit" in reasons["huge.txt"]
    for name in reasons:
        assert name.split(":")[0] in result.output
    assert {d["doc"] for d in read_jsonl(tmp_path / "out" / "documents.jsonl")} == {"good.txt", "ok"}


def test_nothing_readable_exits_1_and_usage_errors_exit_2(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert run_cli(str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out")).exit_code == 1
    assert CliRunner().invoke(cli, ["run", str(tmp_path)]).exit_code == 2  # no -o
    assert CliRunner().invoke(cli, ["run", str(tmp_path), "-o", "x", "--workers", "0"]).exit_code == 2


BAD_TAXONOMY = "name: broken\nissues:\n  - id: Not An Id\n    label: x\n    support: y\n"


@pytest.mark.parametrize("options, names", [
    (["MISSING"], "missing.txt"),
    (["--issues", "TAXONOMY"], "taxonomy.yaml"),
    (["--issues", "no-such-negotiation"], "no-such-negotiation"),
    (["--field", "headline=title"], "--field"),
    (["--field", "text"], "--field"),
    (["--db", "nosuchdb://x/y"], "nosuchdb"),
    (["--db", "not a url"], "not a url"),
    (["--kb", "NOKB"], "no-kb"),
    (["--model", "no_such_model"], "no_such_model"),
    (["--config", "CONFIG"], "detente.toml"),
])
def test_a_usage_mistake_is_one_sentence_exit_2_and_leaves_no_output(tmp_path, articles, options, names):
    (tmp_path / "taxonomy.yaml").write_text(BAD_TAXONOMY, encoding="utf-8")
    (tmp_path / "detente.toml").write_text("[stances]\nissue = 'typo'\n", encoding="utf-8")
    paths = {"MISSING": str(tmp_path / "missing.txt"), "TAXONOMY": str(tmp_path / "taxonomy.yaml"),
             "NOKB": str(tmp_path / "no-kb"), "CONFIG": str(tmp_path / "detente.toml")}
    args = [paths.get(o, o) for o in options]
    extra = args if options[0] == "MISSING" else []
    flags = [] if extra else args
    result = run_cli(str(articles), *extra, "-o", str(tmp_path / "out"), *flags)
    assert result.exit_code == 2, result.output
    assert names in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) <= 2  # one sentence (rich may wrap it)
    assert not (tmp_path / "out").exists()


def test_an_unwritable_output_folder_is_a_sentence_not_a_traceback(tmp_path, articles):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run_cli(str(articles), "-o", str(blocker / "out"))
    assert result.exit_code == 1
    assert "cannot be written" in result.output and "Traceback" not in result.output


def test_two_workers_give_the_same_output_as_one(tmp_path, articles, demo_out):
    out = tmp_path / "out"
    assert run_cli(str(articles), "-o", str(out), "--workers", "2").exit_code == 0
    for name in ("documents", "mentions", "quotes", "statements", "actors"):
        assert (out / f"{name}.jsonl").read_text() == (demo_out / f"{name}.jsonl").read_text(), name


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_a_killed_run_loses_nothing_and_the_next_run_resumes(tmp_path, articles):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))]
    for i in range(40):  # distinct articles: each a seed with its own closing line
        (corpus / f"{i:03d}.txt").write_text(f"{texts[i % 5]}\nCopy {i}.\n", encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "detente.cli", "run", str(corpus), "-o", str(out), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _stored(out / "detente.db") < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    kept = _stored(out / "detente.db")
    assert 3 <= kept < 40
    resumed = subprocess.run(cmd, capture_output=True, text=True)
    assert resumed.returncode == 0
    assert f"Analysed {40 - kept} new document(s), {kept} already stored" in resumed.stdout
    assert len(read_jsonl(out / "documents.jsonl")) == 40
