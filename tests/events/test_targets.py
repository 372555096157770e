"""Where the events stage finds an event's target when the parse puts it off the
trigger: past the trigger's own noun, through what is handed over, in a clause the
event waits on, on a participle of the object, past the forces a verb moves, in a part
of a place, the author of a thing done to, the target of the event a trigger is done
for, an unnamed area; and a light verb of escalation ("stepped up raids"). Sentences of
our own."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_alone(plain_pipeline):
    return plain_pipeline("detente_events")


def only(doc, kind: str):
    (event,) = [e for e in doc._.events if e.type == kind]
    return event


def test_the_trigger_noun_is_not_its_own_target(events_alone):
    event = only(events_alone("The interim council declared a state of emergency in Bolivia."), "COERCE")
    assert event.target == ["Bolivia"]  # not the "state" of "state of emergency"
    (event,) = events_alone("A judge halted the journalist's deportation.")._.events
    assert event.target_text == ["journalist"]  # the trigger noun's owner is its target


def test_the_recipient_of_what_is_listed_as_given(events_alone):
    event = only(events_alone("The Red Cross sent a convoy of trucks, doctors and medicine to Mozambique."), "AID")
    assert event.target == ["Mozambique"]


def test_a_recipient_that_names_no_actor_beats_what_is_given(events_alone):
    (event,) = events_alone("The museum returned the stolen statue to its rightful owners.")._.events
    assert len(event.target_text) == 1 and "owners" in event.target_text[0]


@pytest.mark.parametrize("sentence", [
    "The dockers will not end their strike until the port authority raises their wages.",
    "The dockers will not end their strike until their demands are met by the port authority.",
])
def test_an_event_held_off_until_another_acts_targets_it(events_alone, sentence):
    (event,) = [e for e in events_alone(sentence)._.events if e.trigger.startswith("end")]
    assert event.target_text == ["port authority"]


def test_the_target_of_a_participle_on_the_object(events_alone):
    (event,) = events_alone("The council lifted the sanctions imposed on Zimbabwe.")._.events
    assert (event.type, event.target) == ("CONCEDE", ["Zimbabwe"])


def test_the_forces_a_verb_moves_are_its_means(events_alone):
    (event,) = events_alone("The defence ministry mobilised troops against the rebels.")._.events
    assert (event.type, event.target_text) == ("MOBILIZE", ["rebels"])


def test_a_place_named_by_its_part(events_alone):
    event = only(events_alone("The authorities imposed a curfew in parts of Kenya."), "COERCE")
    assert event.target == ["Kenya"]


@pytest.mark.parametrize("sentence,author", [
    ("The board rejected a proposal drawn up by the dock workers.", "dock workers"),
    ("The court dismissed an appeal by the opposition leader.", "opposition leader"),
])
def test_a_thing_done_to_names_its_author(events_alone, sentence, author):
    (event,) = events_alone(sentence)._.events
    assert event.target_text == [author]


def test_stepping_up_an_attack_is_the_attack(events_alone):
    (event,) = events_alone("The insurgents stepped up their raids on police stations.")._.events
    assert (event.type, event.target_text) == ("ASSAULT", ["police stations"])


def test_the_target_of_the_event_a_trigger_is_done_for(events_alone):
    (event,) = events_alone("The king mobilised the army for an offensive against the rebels.")._.events
    assert (event.type, event.target_text) == ("MOBILIZE", ["rebels"])


def test_an_area_without_a_name_is_the_recipient_of_last_resort(events_alone):
    event = only(events_alone("The junta imposed a curfew in the border districts."), "COERCE")
    assert event.target_text == ["border districts"]
    event = only(events_alone("The junta imposed a curfew on Friday."), "COERCE")
    assert event.target_text == []  # a day is no area


def test_the_owner_of_a_prepositional_object_is_the_target(events_alone):
    (event,) = events_alone("The envoy expressed the government's commitment to Kenya's security.")._.events
    assert event.target == ["Kenya"]
    (event,) = events_alone("The ministers reaffirmed their serious concerns over the crisis.")._.events
    assert event.target == []  # what is their own is no target
    (event,) = events_alone("The rebels fought in Chad for the country's freedom.")._.events
    assert event.target == ["Chad"]  # what an event is for is no one's target



def test_a_possessive_pronoun_names_no_owner(plain_pipeline):
    from detente.events.arguments import _author
    doc = plain_pipeline()("The mayor rejected the unions' demands and their plans.")
    owners = {t.text: _author(t) for t in doc if t.text in ("demands", "plans")}
    assert owners["demands"] is not None and owners["demands"].text == "unions"
    assert owners["plans"] is None  # "their" may be the speaker's own


def test_a_place_on_what_is_set_up(events_alone):
    (event,) = events_alone("The government agreed to set up two field hospitals and a team of doctors in Sudan.")._.events
    assert event.target == ["Sudan"]
