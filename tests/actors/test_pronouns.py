"""Pronouns: a person the text has called "he" is no "she"; "he" for a singular unnamed
source, never for a plural one. Sentences of our own."""
import pytest

from helpers import parse, speaker_of


@pytest.fixture(scope="module")
def nlp(build_pipeline):
    return build_pipeline(stages=["actors", "quotes"])


def test_a_man_called_he_is_not_she(nlp):
    text = ("Aldo Ferrant and Mira Castel met the judge on Monday. "
            "Ferrant told Castel the boat had carried forty people, and he spoke for an hour. "
            "She said the sea was rough that night.")
    doc = parse(nlp, text)
    assert speaker_of(doc, "sea was rough") == "Mira Castel"


def test_he_after_an_unnamed_source_is_that_source(nlp):
    text = ("A ferry captain who asked not to be named described the crossing. "
            "“The waves were higher than the mast,” he said.")
    speaker = speaker_of(parse(nlp, text), "waves were higher")
    assert speaker is not None and speaker.startswith("anonymous:") and speaker.endswith("captain")


def test_he_is_not_a_plural_unnamed_source(nlp):
    text = ("Two ferry captains described the crossing to reporters. "
            "“The waves were higher than the mast,” he said.")
    speaker = speaker_of(parse(nlp, text), "waves were higher")
    assert speaker is None or not speaker.endswith("captains")


def test_they_after_people_named_together_is_one_of_them(nlp):
    text = ("Senators Maria Lopez, John Peters and Tom Berg wrote to the fisheries minister of Estonia on Tuesday. "
            "“We are deeply worried about the state of the harbour,” they wrote.")
    assert speaker_of(parse(nlp, text), "deeply worried") in ("Maria Lopez", "John Peters", "Tom Berg")


def test_they_is_not_one_person_named_alone(nlp):
    text = ("Ana Ruiz wrote to the minister on Tuesday. "
            "“We are deeply worried about the state of the harbour,” they wrote.")
    assert speaker_of(parse(nlp, text), "deeply worried") != "Ana Ruiz"


def test_he_after_an_unnamed_speaker_is_not_a_man_named_in_passing(nlp):
    text = ("“The roads are a mess,” a lorry driver complained at the depot. "
            "He agreed with Mayor Anton Vestergaard's remark that the bridge must close, but he was angry. "
            "“Nobody asked us first,” he added.")
    speaker = speaker_of(parse(nlp, text), "Nobody asked us")
    assert speaker is not None and speaker.startswith("anonymous:") and speaker.endswith("driver")


def test_the_role_noun_of_a_named_speaker_stays_that_person(nlp):
    text = ("Mayor Anton Vestergaard spoke at the depot on Monday. "
            "The mayor said the bridge must close for a month. "
            "“Nobody likes it,” he added.")
    assert speaker_of(parse(nlp, text), "Nobody likes it") == "Anton Vestergaard"
