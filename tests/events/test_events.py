"""The events stage on sentences of our own: each PLOVER type, negation, tense, threats
against assaults, speech acts linked to their quotes, pronoun sources."""
from __future__ import annotations

import pytest

from detente.events.given import code_between
from detente.events.ontology import load_ontology

ONE_PER_TYPE = [
    ("AGREE", "The two governments agreed to reopen the railway line."),
    ("CONSULT", "The Polish foreign minister met his Hungarian counterpart in Budapest."),
    ("SUPPORT", "The African Union praised the election commission for its work."),
    ("CONCEDE", "The junta lifted the curfew in the capital."),
    ("COOPERATE", "Turkey and Greece cooperated with each other on border security."),
    ("AID", "Japan donated medical supplies to Pakistan."),
    ("RETREAT", "The rebels released twelve hostages on Sunday."),
    ("REQUEST", "The union urged the government to raise pensions."),
    ("ACCUSE", "The opposition accused the ruling party of fraud."),
    ("REJECT", "The parliament rejected the government's budget."),
    ("THREATEN", "The militia threatened to burn the villages."),
    ("PROTEST", "Thousands of students demonstrated against the new law in Belgrade."),
    ("SANCTION", "The donor country suspended its aid to the health ministry."),
    ("MOBILIZE", "The army deployed tanks along the border."),
    ("COERCE", "Police arrested three journalists in Istanbul."),
    ("ASSAULT", "Gunmen attacked a police station in the north."),
]


@pytest.fixture(scope="module")
def events_alone(plain_pipeline):
    return plain_pipeline("detente_events")


@pytest.fixture(scope="module")
def full(build_pipeline):
    return build_pipeline(stages=["actors", "quotes", "events"])


def test_the_ontology_lists_the_sixteen_plover_types():
    ontology = load_ontology("plover")
    assert sorted(ontology.kinds) == sorted(t for t, _ in ONE_PER_TYPE)
    assert ontology.score("ASSAULT") < ontology.score("THREATEN") < 0 < ontology.score("CONSULT")


@pytest.mark.parametrize("event_type,sentence", ONE_PER_TYPE, ids=[t for t, _ in ONE_PER_TYPE])
def test_each_type_is_coded_from_its_sentence(events_alone, event_type, sentence):
    events = events_alone(sentence)._.events
    assert [e.type for e in events] == [event_type]
    (event,) = events
    assert event.source and event.evidence == sentence and not event.negated
    assert event.trigger.split()[0] in sentence


def test_the_actors_of_an_event_are_resolved(full):
    (event,) = full("Japan donated medical supplies to Pakistan.")._.events
    assert (event.source_id, event.target_id, event.mode) == (["japan"], ["pakistan"], "economic")
    (event,) = full("Turkey and Greece sent relief supplies to Libya after the floods.")._.events
    assert event.source_id == ["turkey", "greece"]  # a compound source
    (event,) = full("Turkey and Greece cooperated with each other on border security.")._.events
    assert (event.source_id, event.target_id) == (["turkey"], ["greece"])  # joint sources of a reciprocal act


def test_a_denied_agreement_is_a_refusal_not_an_agreement(events_alone):
    (event,) = events_alone("The ministers did not agree on a date for the vote.")._.events
    assert event.type == "REJECT" and event.trigger == "agree" and not event.negated
    (event,) = events_alone("The rebels failed to agree on a ceasefire line with the army.")._.events
    assert event.type == "REJECT"


def test_a_denied_attack_is_a_negated_assault(events_alone):
    (event,) = events_alone("The army did not attack the town during the truce.")._.events
    assert (event.type, event.negated) == ("ASSAULT", True)
    (event,) = events_alone("The militia never shelled the bridge, the mayor said.")._.events
    assert (event.type, event.negated) == ("ASSAULT", True)


def test_a_threat_is_not_an_assault(events_alone):
    threat = events_alone("Iran threatened to attack the tankers in the strait.")._.events
    assault = events_alone("Iran attacked the tankers in the strait.")._.events
    assert [e.type for e in threat] == ["THREATEN"] and [e.type for e in assault] == ["ASSAULT"]


def test_a_future_meeting_is_future(events_alone):
    (event,) = events_alone("The foreign ministers of Chile and Peru will meet in Lima next week.")._.events
    assert event.tense == "future" and event.trigger == "meet" and event.place == "Lima"
    # the PLOVER manual codes intended cooperation as AGREE
    assert event.type == "AGREE"
    (past,) = events_alone("The foreign ministers of Chile and Peru met in Lima.")._.events
    assert (past.type, past.tense) == ("CONSULT", "past")


def test_a_speech_act_is_an_event_linked_to_its_quote(full):
    doc = full("Ukraine's foreign minister demanded that Russia withdraw its troops from Kherson.")
    (quote,) = doc._.quotes
    (event,) = doc._.events
    assert event.type == "REQUEST" and event.quote_id == quote.id
    assert event.source_id == [quote.speaker_id] and event.target_id == ["russia"]


def test_a_pronoun_source_is_the_person_it_stands_for(full):
    doc = full("Andrii Sybiha arrived in Warsaw on Monday. He condemned the Russian strikes on Kyiv.")
    accuse = next(e for e in doc._.events if e.type == "ACCUSE")
    assert accuse.source_text == ["He"] and accuse.source_id == ["andrii-sybiha"]


def test_a_sentence_date_beats_the_article_date(events_alone):
    (event,) = events_alone("On 3 March 2024 the navy seized a cargo ship off the coast.")._.events
    assert event.date == "2024-03-03" and event.type == "COERCE"


def test_the_event_between_given_actors(events_alone):
    text = "Moscow warned Tbilisi that it would cut gas supplies."
    doc = events_alone(text)
    source, target = text.index("Moscow"), text.index("Tbilisi")
    found = code_between(doc, (source, source + 6), (target, target + 7), load_ontology("plover"))
    assert found is not None and found.type == "THREATEN"


def test_the_stage_leaves_the_actors_stages_mentions_alone(build_pipeline, full):
    text = "Andrii Sybiha arrived in Warsaw on Monday. He condemned the Russian strikes on Kyiv."
    before = [(m.start, m.end, m.actor_id) for m in build_pipeline(stages=["actors", "quotes"])(text)._.mentions]
    doc = full(text)
    assert [(m.start, m.end, m.actor_id) for m in doc._.mentions] == before and doc._.events


def test_ending_a_conflict_is_a_concession(events_alone):
    (event,) = events_alone("The trade bloc lifted its embargo on the island's sugar.")._.events
    assert event.type == "CONCEDE" and "embargo" in event.trigger
    (event,) = events_alone("The dockers called off their strike after the pay offer.")._.events
    assert event.type == "CONCEDE"


def test_imposing_sanctions_is_coercion_and_recalling_peacekeepers_reduces_relations(events_alone):
    (event,) = events_alone("The European Union imposed sanctions on Venezuelan officials.")._.events
    assert (event.type, event.mode) == ("COERCE", "restrict")  # PLOVER's CAMEO mapping, code 163
    (event,) = events_alone("The United Nations withdrew its peacekeepers from the buffer zone.")._.events
    assert event.type == "SANCTION"
    (event,) = events_alone("The rebels pulled out of the hill town they had held since May.")._.events
    assert event.type == "RETREAT"


def test_demanding_an_inquiry_is_an_accusation(events_alone):
    (event,) = events_alone("Rights groups called for an investigation into the shooting of the protesters.")._.events
    assert event.type == "ACCUSE"
    (event,) = events_alone("The farmers called for lower fuel prices.")._.events
    assert event.type == "REQUEST"


def test_a_finding_of_guilt_accuses_and_backing_with_money_is_aid(events_alone):
    (event,) = events_alone("A district court convicted the former mayor of bribery.")._.events
    assert event.type == "ACCUSE"  # PLOVER's CAMEO mapping, code 116: find guilty
    (event,) = events_alone("The bank supported the reconstruction with loans to the port authority.")._.events
    assert event.type == "AID"
    (event,) = events_alone("The council supported the new curfew.")._.events
    assert event.type == "SUPPORT"


def test_given_actors_named_by_an_actor_noun_are_no_event(events_alone):
    text = "Army soldiers escorted the aid convoy to the refugee camp."
    doc = events_alone(text)
    source, target = text.index("Army soldiers"), text.index("the refugee camp")
    found = code_between(doc, (source, source + 13), (target, target + 16), load_ontology("plover"))
    assert found is None or found.type != "MOBILIZE"  # "soldiers" name the source, they are no deployment
