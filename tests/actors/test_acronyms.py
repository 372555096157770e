"""Acronyms join the organisation they stand for: defined in parentheses or with "or",
or spelled by the initials of a name the article gave before. Sentences of our own."""
import pytest

from helpers import parse, speaker_of


@pytest.fixture(scope="module")
def nlp(build_pipeline):
    return build_pipeline(stages=["actors", "quotes"])


def actor_names(doc):
    return {m.actor for m in doc._.mentions if m.kind not in ("place", "anonymous")}


@pytest.mark.parametrize("text", [
    "The Coastal Fisheries Protection Board (CFPB) closed the bay on Monday. "
    "The CFPB said the closure would last until the storms pass.",
    "Fishermen protested outside the offices of the Coastal Fisheries Protection Board, or CFPB, on Monday. "
    "The CFPB said the closure would last until the storms pass.",
])
def test_a_defined_acronym_speaks_as_the_organisation(nlp, text):
    doc = parse(nlp, text)
    assert speaker_of(doc, "closure would last") == "Coastal Fisheries Protection Board"
    assert "CFPB" not in actor_names(doc)


def test_an_acronym_spelled_by_an_earlier_name_joins_it(nlp):
    text = ("The Department of Harbour Safety inspected the ferry on Monday. "
            "DHS said the ferry could sail again once its lifeboats were replaced.")
    doc = parse(nlp, text)
    assert speaker_of(doc, "ferry could sail") == "Department of Harbour Safety"


def test_an_acronym_no_name_spells_stays_its_own_organisation(nlp):
    doc = parse(nlp, "The Department of Harbour Safety inspected the ferry. KPX said the ferry could sail again.")
    assert speaker_of(doc, "ferry could sail") == "KPX"


def test_the_acronym_of_a_programme_is_no_actor(nlp):
    text = ("Pupils took the tests of the Program for Reading Skills (PRS) in May. "
            "PRS showed that scores had risen in every region, and PRS will test pupils again next year.")
    names = actor_names(parse(nlp, text))
    assert "PRS" not in names and "Program for Reading Skills" not in names


@pytest.mark.parametrize("text", [
    "The Board of Harbour Appeals met on Monday, a week after the strike. "
    "The BHA said the pilots' claims would be heard in May.",
    "Pilots have appealed to the Northern Harbour Pilots Association (NHPA) for help. "
    "The NHPA said the new rules would cost them half their work.",
])
def test_an_acronym_is_the_organisation_whose_name_it_spells(nlp, text):
    doc = parse(nlp, text)
    names = actor_names(doc)
    assert not any(n.isupper() for n in names), names
    assert speaker_of(doc, "would") in ("Board of Harbour Appeals", "Northern Harbour Pilots Association")
