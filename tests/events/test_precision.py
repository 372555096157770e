"""Words the events stage must not read as events, on sentences of our own: giving
words or feelings is no aid, an impersonal obligation no demand, and a recoding word
outside the trigger's own phrase recodes nothing."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_alone(plain_pipeline):
    return plain_pipeline("detente_events")


def types(doc) -> list[str]:
    return [e.type for e in doc._.events]


@pytest.mark.parametrize("sentence", [
    "The spokesman said he was unable to provide further details about the raid.",
    "Two correspondents contributed to this story.",
    "The ruling gave the families new hope.",
])
def test_handing_over_words_or_feelings_is_no_aid(events_alone, sentence):
    assert "AID" not in types(events_alone(sentence))


def test_handing_over_goods_is_aid(events_alone):
    assert types(events_alone("Sweden provided tents and blankets to the flooded province.")) == ["AID"]


def test_an_impersonal_obligation_is_no_demand(events_alone):
    assert "REQUEST" not in types(events_alone("It should be viewed as a warning to the region, the senator said."))
    assert "REQUEST" in types(events_alone("The senator said the cabinet should resign."))


def test_a_recoding_word_outside_the_trigger_phrase_recodes_nothing(events_alone):
    doc = events_alone("The delegates attended a summit in Geneva, where they discussed humanitarian corridors.")
    assert "AID" not in types(doc)
    assert "AID" in types(events_alone("Fresh Danish peacekeepers arrived in Cyprus on Friday."))
