"""Issue taxonomies: shipped ones, users' own files, and errors that say where."""
import textwrap

import pytest
import spacy

from detente.config import DEFAULT_MODEL
from detente.errors import TaxonomyError
from detente.stances.taxonomy import load_taxonomy, shipped

UKRAINE_ISSUES = {
    "territorial-concessions", "crimea-recognition", "ukraine-nato-membership", "inclusive-talks",
    "ceasefire", "sanctions-relief", "arms-to-ukraine", "security-guarantees",
}

MINIMAL = """
name: gaza-ceasefire
label: Gaza ceasefire talks
issues:
  - id: hostage-deal
    label: Hostage release deal
    support: A deal that frees the hostages in exchange for prisoners and a pause in fighting.
    cues:
      support: ["release of (?:all )?(?:the )?hostages"]
      mentions: ["hostage deal"]
"""


def write(tmp_path, text, name="taxonomy.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_shipped_taxonomies_load_by_name():
    assert {"ukraine-peace-2025", "iran-nuclear-2025"} <= set(shipped())
    ukraine = load_taxonomy("ukraine-peace-2025")
    assert {issue.id for issue in ukraine.issues} == UKRAINE_ISSUES
    assert all(issue.support and issue.cues for issue in ukraine.issues)


def test_every_example_is_matched_by_its_issue():
    for name in shipped():
        for issue in load_taxonomy(name).issues:
            for example in issue.support_sounds_like + issue.oppose_sounds_like:
                assert issue.matches(example), (name, issue.id, example)


def test_cues_match_across_quotation_marks_and_curly_apostrophes():
    ukraine = load_taxonomy("ukraine-peace-2025")
    assert ukraine.issue("inclusive-talks").matches("a softer appeal that Ukraine be “closely involved.”")
    assert ukraine.issue("crimea-recognition").matches("Moscow’s sovereignty over Crimea")


def test_a_users_file_loads_by_path_and_drives_the_component(tmp_path):
    path = write(tmp_path, MINIMAL)
    taxonomy = load_taxonomy(str(path))
    assert taxonomy.name == "gaza-ceasefire" and taxonomy.issue("hostage-deal").label == "Hostage release deal"
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("detente_stances", config={"issues": str(path)})
    doc = nlp("Benjamin Netanyahu rejected the hostage deal proposed by the mediators.")
    assert [(s.issue, s.stance) for s in doc._.statements] == [("hostage-deal", "oppose")]


def test_unknown_name_lists_the_shipped_ones():
    with pytest.raises(TaxonomyError, match="ukraine-peace-2025"):
        load_taxonomy("no-such-negotiation")


@pytest.mark.parametrize("broken, field", [
    (MINIMAL.replace("    support: A deal", "    supports: A deal"), "issues[0].support"),
    (MINIMAL.replace("id: hostage-deal", "id: Hostage Deal"), "issues[0].id"),
    (MINIMAL.replace('["hostage deal"]', '["hostage (deal"]'), "issues[0].cues.mentions[0]"),
    (MINIMAL.replace('["hostage deal"]', '["{hostages} deal"]'), "issues[0].cues.mentions[0]"),
    (MINIMAL.replace("      mentions:", "      against:"), "issues[0].cues"),
    (MINIMAL.replace("issues:", "topics:"), "issues"),
])
def test_errors_name_the_file_and_the_field(tmp_path, broken, field):
    path = write(tmp_path, broken)
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(str(path))
    assert str(path) in str(err.value) and f"`{field}`" in str(err.value)


def test_a_duplicate_issue_id_is_an_error(tmp_path):
    issue = MINIMAL.split("issues:\n", 1)[1]
    path = write(tmp_path, MINIMAL + issue)
    with pytest.raises(TaxonomyError, match="used twice"):
        load_taxonomy(str(path))


def test_unreadable_yaml_is_an_error_naming_the_file(tmp_path):
    path = write(tmp_path, "name: [unclosed\n")
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_taxonomy(str(path))
