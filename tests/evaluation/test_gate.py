"""The accuracy gate's comparison logic: scorer output, floors, updates (the runs are not made)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from detente.evaluation import gate
from detente.evaluation.gate import Baseline, FloorWouldDrop, GateError, Row, Stories

QUOTES_REPORT = """quotes: gold=40 predicted=42
span        P=0.905 R=0.950 F1=0.927
attribution P=0.810 R=0.850 F1=0.829
recall by kind: direct 20/20, indirect 10/12
F1 0.829"""


def test_the_scorers_figure_lines_are_parsed_by_line_name():
    assert gate.parse_figures(QUOTES_REPORT) == {
        "span": {"P": 0.905, "R": 0.950, "F1": 0.927},
        "attribution": {"P": 0.810, "R": 0.850, "F1": 0.829},
    }


def test_a_scoring_picks_its_metrics_from_the_report():
    scoring = gate.Scoring("demo", "all", "quotes", ("demo.quotes.jsonl",), gate.QUOTE_FIGURES)
    assert gate.pick(gate.parse_figures(QUOTES_REPORT), scoring.metrics()) == {
        "demo quotes attribution F1": 0.829, "demo quotes span F1": 0.927}


def test_a_missing_figure_line_is_an_error_naming_it():
    with pytest.raises(GateError, match="no 'stance' line"):
        gate.pick(gate.parse_figures(QUOTES_REPORT), {"demo stances F1": ("stance", "F1")})


def test_every_metric_name_is_unique():
    names = [name for scoring in gate.SCORINGS for name in scoring.metrics()]
    assert len(names) == len(set(names)) == 12


def test_stories_select_by_file_stem():
    korean = Stories(only=frozenset({"voa_1"}))
    ukraine = Stories(without=frozenset({"voa_1"}))
    assert "voa_1.txt" in korean and "voa_2.txt" not in korean
    assert "voa_1.txt" not in ukraine and "000_seed.txt" in ukraine


@pytest.mark.parametrize("value, floor", [(0.95, 0.945), (0.9449, 0.939), (0.5, 0.495), (None, None)])
def test_a_floor_is_the_figure_less_the_tolerance_rounded_down(value, floor):
    assert gate.floor_for(value, 0.005) == floor


def test_check_sets_each_figure_beside_its_floor():
    baseline = Baseline(floors={"a": 0.9, "b": 0.9, "gone": 0.5})
    rows = gate.check(baseline, {"a": 0.91, "b": 0.89, "new": 0.7})
    assert [(r.metric, r.ok, r.verdict) for r in rows] == [
        ("a", True, "ok"), ("b", False, "BELOW"), ("new", True, "no floor"), ("gone", False, "BELOW")]


def test_a_figure_on_its_floor_holds_it_and_an_unmeasured_one_does_not():
    assert Row("a", 0.9, 0.9).ok
    assert not Row("a", None, 0.9).ok
    assert Row("a", None, None).ok


def test_an_update_raises_floors_and_records_the_figures():
    new = gate.updated(Baseline(floors={"a": 0.8}, measured={"a": 0.805}), {"a": 0.9, "b": 0.7})
    assert new.floors == {"a": 0.895, "b": 0.695}
    assert new.measured == {"a": 0.9, "b": 0.7}


def test_an_update_within_the_tolerance_keeps_the_floor():
    new = gate.updated(Baseline(floors={"a": 0.895}, measured={"a": 0.9}), {"a": 0.897})
    assert new.floors == {"a": 0.895} and new.measured == {"a": 0.897}


def test_an_update_refuses_to_lower_a_floor():
    baseline = Baseline(floors={"a": 0.895, "b": 0.5}, measured={"a": 0.9, "b": 0.505})
    with pytest.raises(FloorWouldDrop, match=r"'a' would drop from 0\.895 to 0\.875: it measured 0\.880"):
        gate.updated(baseline, {"a": 0.88, "b": 0.6})
    with pytest.raises(FloorWouldDrop, match="'b' .* was not measured"):
        gate.updated(baseline, {"a": 0.9, "b": None})


def test_an_update_allowed_to_lower_pins_every_floor_to_its_figure():
    baseline = Baseline(floors={"a": 0.895, "b": 0.5})
    new = gate.updated(baseline, {"a": 0.88, "b": 0.9, "c": None}, allow_lower=True)
    assert new.floors == {"a": 0.875, "b": 0.895, "c": None}


def test_a_baseline_survives_its_json(tmp_path):
    baseline = Baseline(floors={"a": 0.895, "b": None}, measured={"a": 0.9, "b": None}, tolerance=0.01)
    path = tmp_path / "baseline.json"
    path.write_text(baseline.to_json(), encoding="utf-8")
    assert gate.load_baseline(path) == baseline


def test_a_missing_baseline_has_no_floors_and_a_broken_one_is_an_error(tmp_path):
    assert gate.load_baseline(tmp_path / "none.json") == Baseline()
    (tmp_path / "bad.json").write_text('{"floors": []}', encoding="utf-8")
    with pytest.raises(GateError, match="is not a gate baseline"):
        gate.load_baseline(tmp_path / "bad.json")


def test_the_tables_show_a_dash_for_what_was_not_measured():
    rows = [Row("seeds quotes span F1", 0.97, 0.965), Row("korean-peninsula stances F1", None, None)]
    assert gate.table(rows).splitlines()[2].split() == ["korean-peninsula", "stances", "F1", "—", "—", "no", "floor"]
    markdown = gate.markdown(rows, {"korean-peninsula": "it exited with 2"})
    assert "| seeds quotes span F1 | 0.970 | 0.965 |" in markdown
    assert "- The run 'korean-peninsula' failed, so its metrics read —: it exited with 2" in markdown


def test_the_command_skips_without_the_shared_folder(tmp_path, capsys):
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "gate.py"
    spec = importlib.util.spec_from_file_location("gate_command", path)
    command = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(command)
    assert command.main(["--shared", str(tmp_path / "absent")]) == 0
    assert "so the gate is skipped" in capsys.readouterr().out


def test_figures_replace_only_the_marked_block_of_a_readme():
    readme = f"# Title\nBefore.\n{gate.FIGURES_START}\nold table\n{gate.FIGURES_END}\nAfter.\n"
    updated = gate.with_figures(readme, "| new |\n")
    assert updated == f"# Title\nBefore.\n{gate.FIGURES_START}\n| new |\n{gate.FIGURES_END}\nAfter.\n"
    assert gate.with_figures("no markers here", "| new |\n") == "| new |\n"
