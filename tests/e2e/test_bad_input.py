"""Bad input, as a careless or a hostile user gives it (issue 13): every case is made here
from bytes, and each failed before its fix. A run over the bad corpus ends without a
traceback, stores every good article, and names every bad file in errors.jsonl."""
from __future__ import annotations

import codecs
import csv
import errno
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from click.testing import CliRunner

from dbs import fresh_postgres, postgres_url
from detente import runner
from detente.actors.kb import slug
from detente.cli import cli
from detente.config import Config
from detente.errors import RunError
from detente.executors import budget
from detente.executors.pool import PoolExecutor
from detente.exports.files import replacing, safe_cell
from detente.ingest.decode import suggest_encoding
from detente.records import Document, text_id

STORY = (
    "Foreign ministers met in Vienna on Tuesday to revive the stalled talks on the grain corridor.\n\n"
    "\"We will not sign a deal that leaves our ports closed,\" said Marta Kowalczyk, the chief negotiator.\n\n"
    "Officials said the next round would take place in Geneva after the holiday.\n"
)


def article(name: str, extra: str = "") -> str:
    """A short article of our own; `extra` makes its text (and its id) its own."""
    return f"Talks on the grain corridor resume in {name}\n\n{extra}{STORY}"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def problems(out: Path) -> dict[str, str]:
    return {p["source"]: p["reason"] for p in read_jsonl(out / "errors.jsonl")}


def deep_folder(root: Path, depth: int) -> Path:
    """A folder `depth` levels below `root`, made one level at a time (no path too long)."""
    here = os.getcwd()
    os.chdir(root)
    try:
        for _ in range(depth):
            os.mkdir("d")
            os.chdir("d")
        return Path(os.getcwd())
    finally:
        os.chdir(here)


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory) -> Path:
    """Good articles with bad ones among them, written as bytes."""
    root = tmp_path_factory.mktemp("bad-corpus")
    # control characters and bidi controls in names; a NUL after the first 8 KB
    (root / "controls.txt").write_bytes(article(
        "Vienna", "Ivan\x01Petrov said the corridor must stay open. Olga\x1bSmirnova said the same.\n\n"
        "\u202eAnna Berg\u202c said inspections would start soon.\n\n").encode())
    padding = "The delegations also discussed insurance for the ships that carry the grain. " * 120
    (root / "late-nul.txt").write_bytes(article("Geneva", padding + "\n\nPeter\x00Novak said he agreed.\n\n").encode())
    # cells a spreadsheet would run as formulas
    (root / "formulas.txt").write_bytes((
        "=HYPERLINK(\"http://attacker.example\",\"Talks resume\")\n\n"
        "\"=1+2 is what we want,\" said Karl Weber.\n\n-Putin said nothing. @Mention said more.\n\n" + STORY).encode())
    # JSON Lines: metadata that is not text, a line nested too deep, then good records
    lines = [
        {"id": "good-1", "text": article("Oslo")},
        {"id": "list-title", "title": ["a", "b"], "text": article("Rome")},
        {"id": "object-author", "author": {"name": "x"}, "text": article("Bern")},
    ]
    deep = "[" * 100_000 + "]" * 100_000
    records = "\n".join(json.dumps(r) for r in lines) + "\n" + deep + "\n" + json.dumps(
        {"id": "good-2", "text": article("Riga")}) + "\n"
    (root / "records.jsonl").write_bytes(records.encode())
    # a UTF-16 JSON Lines file
    wide = json.dumps({"id": "wide", "text": article("Tallinn")}) + "\n" + json.dumps(
        {"id": "wide-2", "text": article("Vilnius")}) + "\n"
    (root / "wide.jsonl").write_bytes(codecs.BOM_UTF16_LE + wide.encode("utf-16-le"))
    # a file name that is not UTF-8
    os.makedirs(os.fsencode(root / "names"))
    with open(os.path.join(os.fsencode(root / "names"), b"caf\xe9.txt"), "wb") as fh:
        fh.write(article("Lisbon").encode())
    # a CSV field over the csv module's 131,072 characters, with rows after it
    with open(root / "long.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "text"])
        writer.writerow(["long", article("Madrid", "The ministers read the draft once more. " * 4000)])
        writer.writerow(["after-1", article("Paris")])
        writer.writerow(["after-2", article("Prague")])
    # a Western text that is not UTF-8
    (root / "latin.txt").write_bytes(article("Zürich", "Le délégué a déclaré que la négociation était très "
                                             "difficile.\n\n").encode("latin-1"))
    # old HTML whose tags are never closed
    paragraphs = "".join(f"<p>Point {i}: the envoys agreed that the corridor stays open.<font face=arial>"
                         for i in range(300))
    (root / "old.html").write_bytes(f"<html><head><title>Old page</title></head><body><table><tr><td>{paragraphs}"
                                    "</body></html>".encode())
    # a very deep folder tree with an article at its bottom
    (deep_folder(root, 1100) / "bottom.txt").write_bytes(article("Sofia").encode())
    # a folder that cannot be read (made unreadable below, by the run's fixture)
    (root / "locked").mkdir()
    (root / "locked" / "hidden.txt").write_bytes(article("Athens").encode())
    yield root
    os.chdir(root)  # remove the deep tree one level at a time (shutil.rmtree recurses)
    try:
        depth = 1100
        while depth:
            os.chdir("/".join(["d"] * (depth - 1)) or ".")
            for name in os.listdir("d"):
                os.unlink(os.path.join("d", name))
            os.rmdir("d")
            os.chdir(root)
            depth -= 1
    finally:
        os.chdir(Path(__file__).parent)


@pytest.fixture(scope="module")
def bad_run(bad_corpus, tmp_path_factory):
    """One run over the bad corpus, with CSV files, while the folder `locked` cannot be listed."""
    out = tmp_path_factory.mktemp("bad-run") / "out"
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fsdecode(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "scandir", scandir)
        result = invoke("run", str(bad_corpus), "-o", str(out), "--quiet", "--csv")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 0, result.output
    assert "unexpected" not in result.output
    return out


@pytest.mark.skipif(not postgres_url(), reason="no PostgreSQL server: set DETENTE_TEST_PG_URL")
def test_the_bad_corpus_on_postgresql_loses_no_good_article(bad_corpus, bad_run, tmp_path):
    result = invoke("run", str(bad_corpus), "-o", str(tmp_path / "out"), "--db", fresh_postgres(), "--quiet")
    assert result.exit_code == 0 and "unexpected" not in result.output, result.output
    assert set(stored(bad_run)) <= set(stored(tmp_path / "out"))


def stored(out: Path) -> dict[str, dict]:
    return {d["doc"]: d for d in read_jsonl(out / "documents.jsonl")}


def test_control_characters_never_reach_names_exports_or_later_runs(bad_run):
    docs = stored(bad_run)
    assert "Ivan" in docs["controls.txt"]["text"] and "Peter" in docs["late-nul.txt"]["text"]
    for path in bad_run.iterdir():
        if path.suffix in (".jsonl", ".csv", ".graphml"):
            content = path.read_text(encoding="utf-8")
            assert not any(c in content for c in "\x00\x01\x1b"), path.name
    for name in ("networks.graphml", "agreement.graphml", "conflict.graphml"):
        ElementTree.parse(bad_run / name)
    assert invoke("report", str(bad_run)).exit_code == 0


def test_bidi_controls_are_stripped_from_names(bad_run):
    names = [m["text"] for m in read_jsonl(bad_run / "mentions.jsonl")]
    assert "Anna Berg" in names
    assert not any("\u202e" in n or "\u202c" in n for n in names)


def test_json_lines_with_bad_fields_keep_their_article_and_say_so(bad_run, bad_corpus):
    docs = stored(bad_run)
    assert {"good-1", "good-2", "list-title", "object-author"} <= set(docs)
    assert docs["list-title"]["title"] == "Talks on the grain corridor resume in Rome"
    found = problems(bad_run)
    source = str(bad_corpus / "records.jsonl")
    assert "list" in found[f"{source}:2"] and "dict" in found[f"{source}:3"]
    assert "deeply" in found[f"{source}:4"]


def test_a_utf16_json_lines_file_is_read(bad_run):
    assert {"wide", "wide-2"} <= set(stored(bad_run))


def test_a_file_name_that_is_not_utf8_is_stored_with_a_replacement_character(bad_run):
    assert "caf\ufffd.txt" in stored(bad_run)


def test_a_csv_field_over_the_csv_limit_loses_no_row(bad_run):
    docs = stored(bad_run)
    assert {"long", "after-1", "after-2"} <= set(docs)
    assert len(docs["long"]["text"]) > 131_072


def test_a_latin1_file_is_reported_with_a_western_encoding_hint(bad_run, bad_corpus):
    reason = problems(bad_run)[str(bad_corpus / "latin.txt")]
    assert "--encoding cp1252" in reason
    assert suggest_encoding("Der Präsident sprach über Verträge.".encode("latin-1")) == "cp1252"
    assert suggest_encoding("外交部发言人表示谈判取得进展".encode("gb18030")) not in (None, "cp1252")


def test_old_html_with_unclosed_tags_keeps_every_paragraph_and_says_how(bad_run, bad_corpus):
    assert stored(bad_run)["old.html"]["text"].count("the envoys agreed") == 300
    assert "plain text" in problems(bad_run)[str(bad_corpus / "old.html")]


def test_a_very_deep_folder_tree_is_read_to_the_bottom(bad_run):
    assert "bottom.txt" in stored(bad_run)


def test_an_unreadable_folder_is_reported(bad_run, bad_corpus):
    reason = problems(bad_run)[str(bad_corpus / "locked")]
    assert "could not be read" in reason and "left out" in reason
    assert "hidden.txt" not in stored(bad_run)


def test_no_csv_cell_starts_a_formula(bad_run):
    assert stored(bad_run)["formulas.txt"]["title"].startswith("=HYPERLINK")
    cells = 0
    for path in bad_run.glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    cells += 1
                    assert not cell.startswith(("=", "+", "@")) and not (cell.startswith("-") and not
                                                                        _number(cell)), (path.name, cell)
    assert cells > 100
    assert safe_cell("=1+1") == "'=1+1" and safe_cell(-1) == -1


def _number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


def test_running_into_a_folder_inside_the_input_twice_reads_no_exports(tmp_path):
    (tmp_path / "one.txt").write_text(article("Warsaw"), encoding="utf-8")
    (tmp_path / "two.txt").write_text(article("Kyiv"), encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):
        result = invoke("run", str(tmp_path), "-o", str(out), "--quiet", "--csv")
        assert result.exit_code == 0, result.output
    assert sorted(stored(out)) == ["one.txt", "two.txt"]


def test_a_second_run_into_a_locked_output_folder_says_so(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(article("Minsk"), encoding="utf-8")
    out = tmp_path / "out"
    assert invoke("run", str(tmp_path / "in"), "-o", str(out), "--quiet").exit_code == 0
    with runner.holding(out):
        for command in (["run", str(tmp_path / "in"), "-o", str(out), "--quiet"], ["report", str(out)]):
            result = invoke(*command)
            assert result.exit_code == 1 and "Another Détente run is writing to" in result.output
    assert invoke("report", str(out)).exit_code == 0


def test_a_full_disk_leaves_the_earlier_file_whole(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("the earlier report", encoding="utf-8")
    with pytest.raises(RunError, match="No space left"), replacing(target) as handle:
        handle.write("half a new rep")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert target.read_text(encoding="utf-8") == "the earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_names_in_other_scripts_get_distinct_stable_ids():
    ids = {slug(name) for name in ("Иван Петров", "Олег Сидоров", "习近平", "李强", "Ivan Петров")}
    assert len(ids) == 5 and all(ids)
    assert slug("Иван Петров") == slug("Иван Петров") and slug("Boris Pistorius") == "boris-pistorius"


def test_a_worker_that_cannot_start_ends_the_run_with_one_sentence():
    config = Config().replace(pipeline_model="no_such_model_installed")
    documents = [Document(id=text_id(t), doc=f"{i}.txt", source=f"{i}.txt", text=t)
                 for i, t in enumerate([article("Baku"), article("Yerevan")])]
    with pytest.raises(RunError, match="could not start"):
        list(PoolExecutor(2).map(config, documents))


def test_two_workers_with_a_malformed_kb_stop_before_starting(tmp_path, articles):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "people.yaml").write_bytes(b"- id: [unclosed\n")
    done = subprocess.run([sys.executable, "-m", "detente.cli", "run", str(articles), "-o", str(tmp_path / "out"),
                           "--workers", "2", "--kb", str(kb), "--quiet"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_document_over_its_time_budget_is_reported_not_waited_for(build_pipeline):
    nlp = build_pipeline()
    text = " ".join(STORY.replace("\n", " ") for _ in range(300_000 // len(STORY)))
    long = Document(id=text_id(text), doc="dense.txt", source="dense.txt", text=text)
    short = Document(id=text_id(STORY), doc="short.txt", source="short.txt", text=STORY)
    results = budget.analyse(nlp, [short, long], 1)
    assert results[0].document.doc == "short.txt"  # type: ignore[union-attr]
    assert "time budget of 1 s" in results[1].reason  # type: ignore[union-attr]


def test_kb_check_explains_a_bad_date_and_a_file_that_is_not_utf8(tmp_path):
    dated, latin = tmp_path / "dated", tmp_path / "latin"
    dated.mkdir()
    latin.mkdir()
    (dated / "people.yaml").write_bytes(b"- id: jan-nowak\n  name: Jan Nowak\n  kind: person\n  gender: male\n"
                                        b"  roles:\n    - title: minister\n      start: 2025-13-45\n")
    (latin / "people.yaml").write_bytes("- id: jan-nowak\n  name: Józef\n  kind: person\n".encode("latin-1"))
    for folder, words in ((dated, "write dates as YYYY-MM-DD"), (latin, "not UTF-8")):
        result = invoke("kb", "check", "--kb", str(folder))
        assert result.exit_code == 1 and words in result.output and "unexpected" not in result.output


def test_usage_mistakes_exit_2_and_leave_nothing_behind(tmp_path, articles):
    assert invoke("evaluate", str(tmp_path / "missing"), "-o", str(tmp_path / "eval")).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert invoke("report", str(empty)).exit_code == 2 and not list(empty.iterdir())
    bad_field = invoke("run", str(articles), "-o", str(tmp_path / "out"), "--field", "body=text")
    assert bad_field.exit_code == 2 and not (tmp_path / "out").exists()


def test_file_names_and_reasons_are_printed_as_they_are_not_as_markup(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(article("Bratislava"), encoding="utf-8")
    (tmp_path / "in" / "[draft] notes.txt").write_bytes(b"")
    result = invoke("run", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 0 and "[draft] notes.txt: is empty" in result.output
