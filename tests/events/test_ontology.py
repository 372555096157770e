"""Event ontologies are data a user can adjust, and a bad one is a usage error."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from detente.errors import OntologyError
from detente.events.ontology import ONTOLOGY_DIR, load_ontology


def test_a_user_can_change_a_score_and_a_trigger(tmp_path: Path):
    data = yaml.safe_load((ONTOLOGY_DIR / "plover.yaml").read_text(encoding="utf-8"))
    data["types"]["CONSULT"]["score"] = 3.0
    data["types"]["CONSULT"]["verbs"].append("huddle")
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    ontology = load_ontology(str(path))
    assert ontology.score("CONSULT") == 3.0 and ontology.verbs["huddle"].type == "CONSULT"


def test_a_mode_can_carry_its_own_score(tmp_path: Path):
    data = yaml.safe_load((ONTOLOGY_DIR / "plover.yaml").read_text(encoding="utf-8"))
    data["types"]["ASSAULT"]["modes"]["beat"]["score"] = -6.0
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    ontology = load_ontology(str(path))
    assert ontology.score("ASSAULT", "beat") == -6.0 and ontology.score("ASSAULT", "firearms") == -9.3


@pytest.mark.parametrize("text,field", [
    ("types: {WAGE_WAR: {score: -9}}", "types.WAGE_WAR"),
    ("types: {ASSAULT: {score: high}}", "types.ASSAULT"),
    ("types: {ASSAULT: {score: -9, verbs: attack}}", "types.ASSAULT.verbs"),
    ("name: empty", "types"),
    ("types: {ASSAULT: {score: -9}}\nrecode: [{type: ASSAULT, words: [pay], in: sentence, as: ASSAULT}]",
     "recode\\[0\\].in"),
    ("types: {ASSAULT: {score: -9}}\nthreats: {type: WAGE_WAR}", "threats"),
])
def test_a_bad_ontology_names_the_file_and_the_field(tmp_path: Path, text, field):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OntologyError, match=rf"bad\.yaml, field `{field}`"):
        load_ontology(str(path))


def test_an_unknown_ontology_name_is_a_usage_error():
    with pytest.raises(OntologyError, match="No event ontology called 'cameo'"):
        load_ontology("cameo")
