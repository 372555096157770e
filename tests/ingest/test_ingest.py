"""Reading articles: formats, metadata found in the text, and inputs that cannot be read."""
from __future__ import annotations

import json
from pathlib import Path

from detente import ingest
from detente.records import Document, Problem


def read_all(path: Path, **options) -> list:
    return list(ingest.read(path, ingest.Options(**options)))


def test_txt_keeps_the_file_text_unchanged_and_finds_headline_date_and_signature(articles):
    path = next(articles.glob("000_*.txt"))
    (doc,) = read_all(path)
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.title == "Cracks Appear In NATO Unity Ahead Of Alaska Summit On Ukraine Territorial Concessions"
    assert doc.published == "2025-08-12"  # from the closing "Tue, 08/12/2025 – 04:15", not the tweet's date
    assert doc.date_method == "dateline"
    assert doc.author == "Tyler Durden"
    assert doc.doc == path.name


def test_txt_byline_gives_the_author_and_a_first_sentence_is_not_a_headline(articles):
    (doc,) = read_all(next(articles.glob("004_*.txt")))
    assert doc.author == "Vafa Guliyeva"
    (lead,) = read_all(next(articles.glob("001_*.txt")))
    assert lead.title is None  # the file opens with a long sentence, not a headline
    assert lead.published is None


def test_same_text_has_the_same_id_whatever_the_whitespace(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Tusk said  the West will not accept it.\n", encoding="utf-8")
    b.write_text("Tusk said the West\nwill not accept it.", encoding="utf-8")
    assert read_all(a)[0].id == read_all(b)[0].id


def test_html_main_text_and_metadata_via_trafilatura(tmp_path):
    page = tmp_path / "story.html"
    body = " ".join(["Kaja Kallas said any deal that excludes Europe would be a dirty one."] * 6)
    page.write_text(
        "<html><head><title>Kallas warns on deal | Example News</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta name="author" content="Jane Roe">'
        '<meta property="article:published_time" content="2025-02-14T10:00:00Z"></head>'
        f"<body><nav>Home | World</nav><article><h1>Kallas warns on deal</h1><p>{body}</p>"
        f"<p>{body}</p></article><footer>Cookie policy</footer></body></html>",
        encoding="utf-8",
    )
    (doc,) = read_all(page)
    assert "dirty one" in doc.text and "Cookie policy" not in doc.text
    assert doc.published == "2025-02-14"
    assert doc.author == "Jane Roe"
    assert doc.outlet == "Example News"


def test_jsonl_records_with_mapped_fields_and_a_malformed_line(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"id": "a1", "body": "Rutte said allies must stay united.", "when": "2025-03-01"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "a2", "body": "Hegseth told partners to spend more.", "outlet": "Politico"}) + "\n",
        encoding="utf-8",
    )
    items = read_all(path, fields={"text": "body", "date": "when"})
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.doc for d in docs] == ["a1", "a2"]
    assert docs[0].published == "2025-03-01" and docs[1].outlet == "Politico"
    assert len(problems) == 1 and problems[0].source.endswith("corpus.jsonl:2")
    assert "not valid JSON" in problems[0].reason


def test_csv_records_keep_their_paragraphs(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text('id,text,title\nx1,"Zelensky said Ukraine will not cede land.\nKyiv, he said, stands firm.",Kyiv firm\n',
                    encoding="utf-8")
    (doc,) = read_all(path)
    assert (doc.doc, doc.title) == ("x1", "Kyiv firm")
    assert doc.text == "Zelensky said Ukraine will not cede land.\nKyiv, he said, stands firm."


def test_bad_inputs_each_get_a_reason(tmp_path):
    cases = {
        "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 10, "binary"),
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"  \n\n ", "empty"),
        "latin1.txt": ("Präsident Macron sagte, der Frieden sei möglich.".encode("latin-1"), "not valid UTF-8"),
        "scripts-only.html": (b"<html><head><script>var x = 1;</script></head><body><div>", "no article text"),
    }
    for name, (data, reason) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        (problem,) = read_all(path)
        assert isinstance(problem, Problem), name
        assert reason in problem.reason and problem.source == str(path)


def test_truncated_html_still_yields_the_text_it_has(tmp_path):
    path = tmp_path / "truncated.html"
    sentence = "Boris Pistorius told journalists he regrets that the US had made concessions. "
    path.write_text(f"<html><body><article><p>{sentence * 5}</p><p>{sentence * 3}<div><b>cut off he", encoding="utf-8")
    (doc,) = read_all(path)
    assert "Pistorius told journalists" in doc.text


def test_a_huge_file_is_skipped_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(50_000_000)  # 50 MB, sparse: costs no disk
    (problem,) = read_all(path)
    assert "50.0 MB" in problem.reason and "--max-size" in problem.reason


def test_a_declared_encoding_is_used(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Präsident Macron sagte, der Frieden sei möglich.".encode("latin-1"))
    (doc,) = read_all(path, encoding="latin-1")
    assert doc.text.startswith("Präsident")


def test_discover_walks_folders_and_reports_missing_and_unknown_paths(tmp_path, articles):
    (tmp_path / "notes.md").write_text("# not an article")
    found = list(ingest.discover([articles, tmp_path / "missing", tmp_path / "notes.md"]))
    files = [f for f in found if isinstance(f, Path)]
    problems = [p for p in found if isinstance(p, Problem)]
    assert len(files) == 5 and all(f.suffix == ".txt" for f in files)  # SOURCES.md is not read
    assert [p.reason for p in problems][0] == "does not exist"
    assert "unknown file type '.md'" in problems[1].reason
