"""The other sub-commands, as the README shows them: report, kb check, kb show, evaluate."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from detente.cli import cli
from detente.cli.common import SHARED
from helpers import DATA


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_report_rebuilds_the_page_and_exports_from_the_store(tmp_path, articles):
    out = tmp_path / "out"
    assert invoke("run", str(next(articles.glob("000_*.txt"))), "-o", str(out), "--quiet").exit_code == 0
    (out / "report.html").unlink()
    result = invoke("report", str(out))
    assert result.exit_code == 0, result.output
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Donald Tusk" in page and "territorial" in page.lower()
    assert (out / "conflict.graphml").exists()


def test_report_on_a_folder_without_a_run_is_a_usage_error(tmp_path):
    assert invoke("report", str(tmp_path / "nowhere")).exit_code == 2


def test_kb_check_accepts_the_shipped_records_and_reports_bad_ones_with_their_line():
    ok = invoke("kb", "check")
    assert ok.exit_code == 0 and "valid" in ok.output
    bad = invoke("kb", "check", "--kb", str(DATA / "kb_bad"))
    assert bad.exit_code == 1
    assert "people.yaml:" in bad.output


def test_kb_show_finds_an_actor_by_spelling_variant_and_by_metonym():
    zelensky = invoke("kb", "show", "Zelenskiy")
    assert zelensky.exit_code == 0 and "Volodymyr Zelensky" in zelensky.output and "President" in zelensky.output
    kremlin = invoke("kb", "show", "Kremlin")
    assert "Russia" in kremlin.output
    assert invoke("kb", "show", "Nobody Atall").exit_code == 1


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="the project's shared gold folder is not beside this checkout")
def test_evaluate_prints_the_scorer_figures_for_each_task(tmp_path):
    result = invoke("evaluate", str(SHARED / "corpus" / "seeds"), "-o", str(tmp_path / "eval"))
    assert result.exit_code == 0, result.output
    for line in ("actor       P=", "attribution P=", "stance      P="):
        assert line in result.output
