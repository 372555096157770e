"""`detente restance`: the stances of a stored run found again with another taxonomy, from
the stored parses, as a full run with that taxonomy would find them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import cli
from detente.store import open_store, sqlite_url

TALKS = (
    "Iranian Foreign Minister Abbas Araghchi said on Tuesday that Tehran will never give up its right to enrich "
    "uranium. \u201cWe will keep enriching on our own soil,\u201d Araghchi told reporters in Muscat.\n\n"
    "Secretary of State Marco Rubio said Iran must agree to zero enrichment before Washington lifts sanctions.\n\n"
    "In a separate briefing, NATO Secretary General Mark Rutte said he supports an immediate ceasefire in Ukraine "
    "and rejected any deal that would hand Ukrainian territory to Russia.\n"
)
ENVOYS = (
    "Polish Prime Minister Donald Tusk said on Friday that Ukraine must not cede territory in any peace deal.\n\n"
    "Abbas Araghchi said the Islamic Republic would continue enrichment on its own soil whatever the talks bring.\n"
)
ARTICLES = {"talks.txt": TALKS, "envoys.txt": ENVOYS}


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def statements(out: Path) -> list[dict]:
    lines = (out / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted((json.loads(line) for line in lines if line.strip()), key=lambda s: s["id"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def iran_run(tmp_path_factory, corpus) -> tuple[Path, str]:
    """A full run with the Iran taxonomy, to compare the re-analysis with, and what it printed."""
    out = tmp_path_factory.mktemp("iran")
    result = invoke("run", str(corpus), "-o", str(out), "--issues", "iran-nuclear-2025", "--quiet")
    assert result.exit_code == 0, result.output
    return out, result.output


def test_the_run_summary_says_how_many_articles_could_not_be_dated(iran_run):
    _, printed = iran_run
    assert "2 of its articles could not be dated" in printed


@pytest.fixture(scope="module")
def restanced(tmp_path_factory, corpus) -> tuple[Path, list[dict], list[dict]]:
    """A run with the default (Ukraine) taxonomy, its statements, then `restance` with the
    Iran taxonomy into the same folder."""
    out = tmp_path_factory.mktemp("restanced")
    assert invoke("run", str(corpus), "-o", str(out), "--quiet").exit_code == 0
    before = statements(out)
    result = invoke("restance", str(out), "--issues", "iran-nuclear-2025", "--quiet")
    assert result.exit_code == 0, result.output
    assert "iran-nuclear-2025" in result.output
    assert "statements of ukraine-peace-2025 on the issue(s) sanctions-relief" in result.output
    return out, before, statements(out)


def test_each_statement_names_the_taxonomy_and_kb_it_came_from(restanced):
    _, before, _ = restanced
    assert before and {s["taxonomy"] for s in before} == {"ukraine-peace-2025"}
    assert all(s["kb"] == [] for s in before)


def test_restance_finds_what_a_full_run_with_that_taxonomy_finds(restanced, iran_run):
    _, _, after = restanced
    found = [s for s in after if s["taxonomy"] == "iran-nuclear-2025"]
    assert found == statements(iran_run[0])
    assert {s["issue"] for s in found} >= {"domestic-enrichment"}


def test_restance_keeps_the_statements_of_the_other_taxonomy(restanced):
    _, before, after = restanced
    assert [s for s in after if s["taxonomy"] == "ukraine-peace-2025"] == before


def test_restance_rewrites_the_report_with_the_new_issues(restanced):
    out, _, _ = restanced
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "domestic-enrichment" in page or "Enrichment on Iranian soil" in page


def test_restance_with_the_run_taxonomy_gives_back_the_run_statements(restanced):
    out, _, after = restanced
    assert invoke("restance", str(out), "--issues", "ukraine-peace-2025", "--quiet").exit_code == 0
    assert statements(out) == after
    runs = open_store(sqlite_url(out / "detente.db")).runs()
    assert [r["taxonomy"] for r in runs][:2] == ["ukraine-peace-2025", "iran-nuclear-2025"]
    assert runs[-1]["taxonomy"] == "ukraine-peace-2025" and runs[-1]["added"] == 0


def test_restance_twice_is_idempotent(restanced):
    out, _, after = restanced
    assert invoke("restance", str(out), "--issues", "iran-nuclear-2025", "--quiet").exit_code == 0
    assert statements(out) == after


def test_a_run_with_another_taxonomy_over_stored_articles_points_to_restance(tmp_path, corpus):
    out = tmp_path / "out"
    assert invoke("run", str(corpus / "envoys.txt"), "-o", str(out), "--quiet").exit_code == 0
    again = invoke("run", str(corpus / "envoys.txt"), "-o", str(out), "--issues", "iran-nuclear-2025", "--quiet")
    assert again.exit_code == 0
    assert "keep the statements of ukraine-peace-2025" in again.output and "detente restance" in again.output


def test_restance_of_a_folder_without_a_run_is_a_usage_error(tmp_path):
    result = invoke("restance", str(tmp_path / "nowhere"), "--issues", "iran-nuclear-2025")
    assert result.exit_code == 2 and "detente.db" in result.output
    assert not (tmp_path / "nowhere").exists()


def test_restance_with_an_unknown_taxonomy_changes_nothing(restanced):
    out, _, after = restanced
    result = invoke("restance", str(out), "--issues", "no-such-taxonomy")
    assert result.exit_code == 2
    assert statements(out) == after


def test_two_taxonomies_that_share_an_issue_id_keep_apart_in_the_store(restanced):
    _, before, after = restanced
    shared = [s for s in after if s["issue"] == "sanctions-relief"]
    assert {s["taxonomy"] for s in shared} == {"ukraine-peace-2025", "iran-nuclear-2025"}
    assert len({s["id"] for s in after}) == len(after)
    def places(taxonomy):
        return {(s["doc"], s["actor"], s["start"]) for s in shared if s["taxonomy"] == taxonomy}
    assert places("ukraine-peace-2025") & places("iran-nuclear-2025")  # one sentence, both taxonomies
    assert [s for s in after if s["taxonomy"] == "ukraine-peace-2025"] == before
