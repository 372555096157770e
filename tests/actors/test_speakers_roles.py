"""Speakers named by role, possessive heads, genders shown by the text, bystanders, and
`detente kb suggest`: sentences of our own."""
import pytest
from click.testing import CliRunner

from detente.cli import cli
from helpers import parse, speaker_of


@pytest.fixture(scope="module")
def nlp(build_pipeline):
    return build_pipeline(stages=["actors", "quotes"])


def test_inner_capital_name_with_title_becomes_local_actor(nlp):
    doc = parse(nlp, "“The bridge will open next spring,” Republican Representative Hugh McTavish told reporters.")
    assert speaker_of(doc, "bridge will open") == "Hugh McTavish"


def test_role_noun_follows_back_to_the_person_introduced_with_it(nlp):
    text = ("Harbour Mayor Tomas Vellinga opened the new ferry terminal on Monday. "
            "The ceremony drew a large crowd. "
            "“We waited twenty years for this,” the mayor said.")
    assert speaker_of(parse(nlp, text), "waited twenty years") == "Tomas Vellinga"


def test_organisation_noun_follows_back_to_the_organisation(nlp):
    text = ("The Coastal Wildlife Fund, a conservation group, released a survey of the bay. "
            "The group said the number of seals had doubled since the ban on trawling.")
    assert speaker_of(parse(nlp, text), "seals had doubled") == "Coastal Wildlife Fund"


def test_possessor_of_a_role_head_is_not_the_speaker(nlp):
    text = ("Marta Oslund faces charges of fraud in the harbour case. "
            "Oslund’s lawyer said the evidence against his client was thin.")
    assert speaker_of(parse(nlp, text), "evidence against") != "Marta Oslund"


def test_named_apposition_of_a_role_noun_speaks(nlp):
    text = ("Marta Oslund faces charges of fraud in the harbour case. "
            "Oslund’s lawyer, Piet Janssen, said the evidence against her was thin.")
    assert speaker_of(parse(nlp, text), "evidence against") == "Piet Janssen"


def test_she_does_not_go_to_a_man(nlp):
    text = ("Ivo Marnik, a fisherman from the island, remembers the storm of his childhood. "
            "“The sea took everything,” he said. "
            "Lena Osterhaus said she studies the storms of the coast. "
            "“The records are patchy but the pattern is clear,” she said.")
    doc = parse(nlp, text)
    assert speaker_of(doc, "records are patchy") == "Lena Osterhaus"


def test_quote_without_cue_carries_on_the_reported_speaker(nlp):
    text = ("Ivo Marnik, a fisherman from the island, remembers the storm. "
            "“The sea took everything,” he said. "
            "Lena Osterhaus said she hoped the new wall would hold. "
            "“We have built it twice as high as the old one.”")
    assert speaker_of(parse(nlp, text), "twice as high") == "Lena Osterhaus"


def test_byline_and_relaying_outlet_are_not_actors(nlp):
    text = ("Harbour Talks Resume\nBy Anna Kessling\n\n"
            "Harbour Mayor Tomas Vellinga told the Coastal Post that talks with the union would resume on Monday.")
    doc = parse(nlp, text)
    names = {m.actor for m in doc._.mentions}
    assert "Anna Kessling" not in names and "Coastal Post" not in names
    assert "Tomas Vellinga" in names


def test_kb_suggest_writes_draft_records_from_a_run(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "harbour.txt").write_text(
        "Harbour Talks Resume\n\n"
        "Harbour Mayor Tomas Vellinga said on Monday that talks with the dockworkers would resume. "
        "NATO officials said the port would stay open. "
        "“We have waited long enough,” Vellinga told reporters.\n", encoding="utf-8")
    out = tmp_path / "run"
    runner = CliRunner()
    result = runner.invoke(cli, ["run", str(articles), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    (out / "actors.jsonl").unlink()  # the store is read, not the exports
    result = runner.invoke(cli, ["kb", "suggest", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "kb-suggestions.yaml").read_text(encoding="utf-8")
    assert "name: Tomas Vellinga" in text and "Mayor" in text
    assert "quote(s) in 1 document(s)" in text and "name: NATO" not in text


def test_kb_suggest_on_a_folder_without_a_run_says_so(tmp_path):
    result = CliRunner().invoke(cli, ["kb", "suggest", str(tmp_path)])
    assert result.exit_code == 2
    assert "holds no Détente run" in result.output


def test_a_role_with_a_possessive_country_names_no_other_countrys_person(nlp):
    text = ("“We will not sign,” said Marek Dvorsky, Slovakia's ambassador to the talks. "
            "Hungary's ambassador said the new rules on fishing quotas were unfair.")
    assert speaker_of(parse(nlp, text), "fishing quotas") != "Marek Dvorsky"


def test_a_role_with_a_possessive_country_prefers_that_countrys_person(nlp):
    text = ("Lukas Berger, Austria's envoy to the council, asked for a vote. "
            "Jan Novak, the Czech envoy, said the text was not ready. "
            "Austria's envoy said the vote should be held in March.")
    assert speaker_of(parse(nlp, text), "held in March") == "Lukas Berger"


def test_a_surname_the_tagger_left_out_of_the_name_belongs_to_it(nlp):
    text = ("Rino Tabakovic said the harbour was quiet. "
            "In Osaka, Lau PeiWen runs a small bakery. "
            "He said the price of flour had doubled since the spring.")
    doc = parse(nlp, text)
    assert [m.actor for m in doc._.mentions if m.text.startswith("Lau")] == ["Lau PeiWen"]
    assert speaker_of(doc, "price of flour") == "Lau PeiWen"


def test_a_name_the_tagger_took_for_an_organisation_is_a_person_by_the_role_after_it(nlp):
    text = ("“The river has never been this low,” said Tomas Berglund. "
            "Naledi Masire, director at the Lake Basin Forum, says fishermen will be the first to suffer. "
            "“Without rain the boats cannot leave the harbour,” she said.")
    doc = parse(nlp, text)
    assert speaker_of(doc, "boats cannot leave") == "Naledi Masire"


def test_a_name_the_tagger_missed_is_a_person_by_the_role_after_it(nlp):
    text = ("Dul Sarin, a farmer, said the river had flooded his fields. "
            "Pen Nhem, the union’s executive director, told reporters the strike was over. "
            "He called for the wages to be paid so that Dul Sarin “can feed his family again.”")
    doc = parse(nlp, text)
    assert speaker_of(doc, "feed his family") == "Pen Nhem"
