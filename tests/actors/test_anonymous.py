"""Unnamed sources: only nouns of people and roles become anonymous actors; sentences of our own."""
import pytest

from helpers import parse


@pytest.fixture(scope="module")
def nlp(build_pipeline):
    return build_pipeline(stages=["actors", "quotes"])


def resolve_phrase(doc, phrase):
    start = doc.text.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    return doc._.resolver.resolve(span)


@pytest.mark.parametrize("text, phrase", [
    ("Norway shipped winter tents to the flooded valley.", "winter tents"),
    ("The town handed out fresh drinking water to every family.", "fresh drinking water"),
    ("Canada sent spare turbine parts to the dam.", "spare turbine parts"),
])
def test_a_thing_is_no_anonymous_source(nlp, text, phrase):
    found = resolve_phrase(parse(nlp, text), phrase)
    assert found is None or found.kind != "anonymous"
    assert not any(a.kind == "anonymous" for a in parse(nlp, text)._.actors.values())


@pytest.mark.parametrize("text, phrase, head", [
    ("A night-shift receptionist at the hotel said the guests had fled before dawn.",
     "A night-shift receptionist", "receptionist"),
    ("A ferry pilot told reporters the harbour was closed to all traffic.", "A ferry pilot", "pilot"),
])
def test_a_person_known_by_role_is_an_anonymous_source(nlp, text, phrase, head):
    found = resolve_phrase(parse(nlp, text), phrase)
    assert found is not None and found.kind == "anonymous" and found.actor.endswith(head)


def test_plural_sources_are_named_by_their_singular_head(nlp):
    text = "Two Norwegian coast guard officers told reporters the trawler had ignored every warning."
    found = resolve_phrase(parse(nlp, text), "Two Norwegian coast guard officers")
    assert found is not None and found.kind == "anonymous" and found.actor.endswith(" officer")
