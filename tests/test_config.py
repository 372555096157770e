"""Configuration as data: detente.toml read, printed, checked; options override it."""
from __future__ import annotations

import tomllib

import pytest
from click.testing import CliRunner

from detente.cli import cli
from detente.config import Config, from_mapping, load
from detente.errors import ConfigError


def test_the_printed_defaults_read_back_as_the_same_configuration(tmp_path):
    result = CliRunner().invoke(cli, ["config"])
    assert result.exit_code == 0
    assert tomllib.loads(result.output)["stances"]["issues"] == "ukraine-peace-2025"
    (tmp_path / "detente.toml").write_text(result.output, encoding="utf-8")
    assert load(tmp_path / "detente.toml") == Config()


def test_a_file_changes_only_what_it_names_and_options_override_it(tmp_path):
    path = tmp_path / "cluster.toml"
    path.write_text('[run]\nworkers = 8\n\n[stances]\nissues = "iran-nuclear-2025"\n', encoding="utf-8")
    config = load(path)
    assert (config.run.workers, config.stances.issues, config.pipeline.model) == (
        8, "iran-nuclear-2025", Config().pipeline.model)
    assert config.replace(run_workers=2, stances_issues=None).run.workers == 2
    assert config.replace(stances_issues=None).stances.issues == "iran-nuclear-2025"


@pytest.mark.parametrize("data, says", [
    ({"stance": {"issues": "x"}}, "no section [stance]"),
    ({"stances": {"issue": "x"}}, "[stances] has no setting 'issue'"),
    ({"run": {"workers": "two"}}, "[run] workers must be a int"),
    ({"run": {"workers": True}}, "[run] workers must be a int"),
    ({"run": {"workers": 0}}, "whole numbers of 1 or more"),
    ({"pipeline": {"stages": ["actors", "server"]}}, "'server' does not exist"),
    ({"stances": {"holders": ["person", "nation"]}}, "holder kind 'nation' does not exist"),
])
def test_a_mistake_names_the_file_section_and_setting(data, says):
    with pytest.raises(ConfigError, match="my.toml") as err:
        from_mapping(data, "my.toml")
    assert says in str(err.value)


def test_a_file_that_is_not_toml_is_one_sentence(tmp_path):
    path = tmp_path / "detente.toml"
    path.write_text("[run\nworkers = 2\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["config", "--config", str(path)])
    assert result.exit_code == 2 and "is not valid TOML" in result.output and "Traceback" not in result.output
