"""Organisations the knowledge base does not know: those named once in passing are no
actors, those that act are. Sentences of our own."""
import pytest

from helpers import parse


@pytest.fixture(scope="module")
def nlp(build_pipeline):
    return build_pipeline(stages=["actors", "quotes"])


def names(doc):
    return {a.name for a in doc._.actors.values()}


def test_an_organisation_named_once_in_passing_is_no_actor(nlp):
    text = ("The fishermen of Harlow Bay met the harbour master on Monday. "
            "The bay was mapped decades ago with money from the Kestrel Maritime Foundation. "
            "The fishermen want the quay repaired before the winter storms.")
    assert "Kestrel Maritime Foundation" not in names(parse(nlp, text))


def test_an_organisation_named_once_as_an_agent_is_an_actor(nlp):
    text = ("The Kestrel Maritime Foundation paid for a new survey of Harlow Bay. "
            "The fishermen want the quay repaired before the winter storms.")
    assert "Kestrel Maritime Foundation" in names(parse(nlp, text))


def test_an_organisation_named_in_passing_that_speaks_is_an_actor(nlp):
    text = ("The bay was mapped decades ago with money from the Kestrel Maritime Foundation. "
            "“The quay must be repaired before the storms,” said the Kestrel Maritime Foundation.")
    doc = parse(nlp, text)
    assert any(q.speaker == "Kestrel Maritime Foundation" for q in doc._.quotes)
