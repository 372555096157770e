"""The actor knowledge base: loading, overriding, validation with file and line, lookups."""
import pytest

from detente.actors import kb
from helpers import DATA

FIXTURE = DATA / "kb"


@pytest.fixture(scope="module")
def base():
    return kb.load_kb([FIXTURE])


def test_role_holder_depends_on_the_date(base):
    assert [a.id for a in base.holders("Prime Minister", "poland", "2022-06-01")] == ["mateusz-morawiecki"]
    assert [a.id for a in base.holders("Prime Minister", "poland", "2025-08-12")] == ["donald-tusk"]
    assert [a.id for a in base.holders("Secretary General", "nato", "2020-01-01")] == ["jens-stoltenberg"]


def test_latest_holder_when_the_date_is_unknown(base):
    assert [a.id for a in base.holders("Secretary General", "nato", None)] == ["mark-rutte"]


def test_spellings_and_surnames_find_one_person(base):
    for spelling in ("Volodymyr Zelenskyy", "Zelenskiy", "volodymyr zelensky"):
        assert [a.id for a in base.by_name(spelling)] == ["volodymyr-zelensky"]
    assert [a.id for a in base.by_surname("Zelensky")] == ["volodymyr-zelensky"]


def test_metonyms_demonyms_and_capitals(base):
    assert [a.id for a in base.by_metonym("the Kremlin")] == ["russia"]
    assert [a.id for a in base.by_demonym("Poles")] == ["poland"]
    assert "belgium" in [a.id for a in base.by_capital("Brussels")]
    assert "european-union" in [a.id for a in base.by_metonym("Brussels")]


def test_surname_keeps_particles():
    assert kb.surname("Ursula von der Leyen") == "von der Leyen"
    assert kb.surname("Jonas Gahr Støre") == "Støre"


def test_a_later_folder_overrides_a_record_with_the_same_id():
    merged = kb.load_kb([FIXTURE, DATA / "kb_override"])
    tusk = merged.get("donald-tusk")
    assert tusk.description == "Polish Prime Minister (user record)"
    assert "Donald Franciszek Tusk" in tusk.aliases
    assert merged.by_name("Radoslaw Sikorski")[0].id == "radoslaw-sikorski"


def test_a_bad_record_names_file_and_line():
    with pytest.raises(kb.KbError) as err:
        kb.load_kb([DATA / "kb_bad"])
    assert "kb_bad/people.yaml:5:" in str(err.value)
    assert "slug" in str(err.value)


def test_broken_yaml_names_file_and_line(tmp_path):
    (tmp_path / "people.yaml").write_text("- id: kaja-kallas\n  name: [Kaja Kallas\n  kind: person\n")
    with pytest.raises(kb.KbError) as err:
        kb.load_kb([tmp_path])
    assert f"{tmp_path / 'people.yaml'}:" in str(err.value)


def test_check_reports_every_problem_with_its_line(tmp_path):
    (tmp_path / "people.yaml").write_text(
        "- id: hanna-example\n  name: Hanna Example\n  kind: person\n  gender: female\n  party: none\n"
        "- id: jan-example\n  name: Jan Example\n  kind: persn\n"
        "- id: ola-example\n  name: Ola Example\n  kind: person\n  gender: female\n"
        "  roles:\n    - {title: Prime Minister, of: poland, start: 12 May 2024}\n")
    problems = [p for p in kb.check([tmp_path]) if str(tmp_path) in p]
    where = str(tmp_path / "people.yaml")
    assert any(p.startswith(f"{where}:5:") and "'party'" in p for p in problems)
    assert any(p.startswith(f"{where}:8:") and "persn" in p for p in problems)
    assert any(p.startswith(f"{where}:13:") and "ISO date" in p for p in problems)


def test_describe_tells_roles_and_names(base):
    text = kb.describe(base.get("donald-tusk"), base)
    assert text.startswith("Donald Tusk (person")
    assert "Prime Minister of Poland, 2023-12-13 to now" in text
    assert "President of the European Council of European Union" in text


@pytest.mark.parametrize("name, forms", [
    ("Karim al-Haddad", {"al-haddad", "haddad"}),
    ("Leila el-Masri", {"el-masri", "masri"}),
    ("Anna Kowal-Nowak", {"kowal-nowak"}),
    ("Ursula von der Leyen", {"von der leyen"}),
])
def test_a_surname_is_also_known_without_its_hyphenated_particle(name, forms):
    assert kb.surname_forms(name) == forms
