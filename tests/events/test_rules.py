"""The events stage's readings of modality, purpose and arguments, on sentences of our
own: announced conflict, reported obligations, calls with a purpose, cut cooperation,
labour strikes, reported-speech pronouns and recipients that are things or places."""
from __future__ import annotations

import pytest

from detente.events.given import code_between
from detente.events.ontology import load_ontology


@pytest.fixture(scope="module")
def events_alone(plain_pipeline):
    return plain_pipeline("detente_events")


def types(doc) -> list[str]:
    return [e.type for e in doc._.events]


def test_a_conflict_announced_for_the_future_is_a_threat(events_alone):
    (event,) = events_alone("The opposition parties will boycott the parliamentary vote.")._.events
    assert (event.type, event.tense) == ("THREATEN", "future")
    (event,) = events_alone("The opposition parties boycotted the parliamentary vote.")._.events
    assert event.type == "PROTEST"


def test_a_recognition_promised_for_the_future_is_an_agreement(events_alone):
    assert "AGREE" in types(events_alone("The government will recognise the new republic next week."))
    assert "SUPPORT" in types(events_alone("The government recognised the new republic last week."))


def test_a_reported_obligation_is_a_demand_on_its_subject(events_alone):
    doc = events_alone("The foreign minister said the rebels must leave the occupied towns.")
    request = next(e for e in doc._.events if e.type == "REQUEST")
    assert request.target_text == ["rebels"]
    assert "REQUEST" not in types(events_alone("The foreign minister said the rebels left the occupied towns."))
    assert "REQUEST" not in types(events_alone("The foreign minister said we must stay calm."))


@pytest.mark.parametrize("sentence,expected", [
    ("The chancellor phoned the new president to congratulate him on his victory.", "SUPPORT"),
    ("The prime minister called her counterpart on Tuesday to discuss the gas dispute.", "CONSULT"),
])
def test_a_call_is_coded_by_its_purpose(events_alone, sentence, expected):
    assert types(events_alone(sentence))[0] == expected


def test_cutting_a_cooperation_reduces_relations(events_alone):
    (event,) = events_alone("The donors reduced their military aid to the junta.")._.events
    assert event.type == "SANCTION"


def test_demands_that_are_met_are_no_meeting(events_alone):
    assert "CONSULT" not in types(events_alone("The dockers will stay out until their demands are met."))


def test_a_labour_strike_is_a_protest_and_an_air_strike_an_assault(events_alone):
    assert types(events_alone("Dock workers went on strike in Rotterdam on Tuesday.")) == ["PROTEST"]
    assert types(events_alone("Nurses held a strike over unpaid wages.")) == ["PROTEST"]
    assert types(events_alone("The air force carried out a strike on the fuel depot.")) == ["ASSAULT"]


def test_a_pronoun_of_reported_speech_is_its_speaker(events_alone):
    doc = events_alone("The rebel council said it would free the captured soldiers.")
    release = next(e for e in doc._.events if e.trigger == "free")
    assert release.source_text == ["rebel council"] and release.type == "AGREE"  # a promised release


def test_the_patient_of_a_trigger_noun_is_its_target(events_alone):
    (event,) = events_alone("The prosecutors opened an investigation into the mining company.")._.events
    assert event.type == "ACCUSE" and "mining company" in event.target_text[0]


def test_a_day_is_no_recipient(events_alone):
    (event,) = events_alone("The rebels declared a truce on Monday.")._.events
    assert event.type == "RETREAT" and not any("Monday" in t for t in event.target_text)


def test_troops_on_alert_and_a_mediation_effort(events_alone):
    assert types(events_alone("The border troops remained on alert after the shooting.")) == ["MOBILIZE"]
    assert types(events_alone("Norway launched a mediation effort between the two parties.")) == ["CONSULT"]


def test_an_agentless_passive_is_the_state_where_it_happened(events_alone):
    (event,) = events_alone("Two reporters were arrested in Belarus on Friday.")._.events
    assert (event.type, event.source) == ("COERCE", ["Belarus"])


def test_the_willing_country_sends_to_the_recipient(events_alone):
    (event,) = events_alone("Kenya is willing to send police officers to Haiti.")._.events
    assert (event.type, event.source, event.target) == ("AGREE", ["Kenya"], ["Haiti"])  # Haiti receives them


def test_calling_for_punishment_between_given_actors_accuses(events_alone):
    text = "The senators called for sanctions against the shipping firm."
    doc = events_alone(text)
    source, target = text.index("The senators"), text.index("the shipping firm")
    found = code_between(doc, (source, source + 12), (target, len(text) - 1), load_ontology("plover"))
    assert found is not None and found.type == "ACCUSE"
    (event,) = events_alone("The ministers urged the junta to free the prisoners or face sanctions.")._.events
    assert event.type == "REQUEST"  # a demand backed by a threat of sanctions is still a demand


def test_what_the_source_owns_is_no_target(events_alone):
    (event,) = events_alone("Chile began withdrawing its soldiers from Bolivia.")._.events
    assert event.target == ["Bolivia"]
    (event,) = events_alone("The envoys held their second meeting with the Kenyan president.")._.events
    assert event.type == "CONSULT" and event.target_text == ["Kenyan president"]


def test_what_is_given_is_no_recipient(events_alone):
    (event,) = events_alone("Portugal will contribute soldiers to Mozambique.")._.events
    assert event.target == ["Mozambique"]  # the soldiers are what is given


def test_the_parties_between_which_a_mediation_runs_are_its_targets(events_alone):
    (event,) = events_alone("Norway launched a mediation effort between Colombia and Venezuela.")._.events
    assert (event.type, event.target) == ("CONSULT", ["Colombia", "Venezuela"])


def test_a_threat_is_aimed_at_the_subject_of_its_condition(events_alone):
    doc = events_alone("The miners threatened to stage a general strike unless the cabinet resigned within a week.")
    (event,) = doc._.events
    assert (event.type, event.target_text) == ("THREATEN", ["cabinet"])


def test_a_purpose_clause_names_the_target(events_alone):
    (event,) = events_alone("Police fired tear gas to disperse the students.")._.events
    assert (event.type, event.target_text) == ("ASSAULT", ["students"])


@pytest.mark.parametrize("sentence,kind,target", [
    ("A judge found the former minister guilty of taking bribes.", "ACCUSE", "former minister"),
    ("The new government set free the political prisoners.", "RETREAT", "political prisoners"),
])
def test_an_adjective_the_parser_put_off_the_verb_still_spells_the_trigger(events_alone, sentence, kind, target):
    (event,) = events_alone(sentence)._.events
    assert (event.type, event.target_text) == (kind, [target])
    assert not events_alone("The court found it difficult to explain the delay.")._.events


def test_an_arrest_warrant_is_an_arrest(events_alone):
    (event,) = events_alone("Police issued an arrest warrant for the opposition leader.")._.events
    assert (event.type, event.target_text) == ("COERCE", ["opposition leader"])


def test_rolling_back_tariffs_ends_a_conflict(events_alone):
    (event,) = events_alone("The government rolled back tariffs on steel imports.")._.events
    assert event.type == "CONCEDE"


def test_a_call_with_a_purpose_to_a_person_is_a_phone_call(events_alone):
    (event,) = events_alone("The president called his Kenyan counterpart on Friday to explain the delay.")._.events
    assert (event.type, event.mode, event.target_text) == ("CONSULT", "phone", ["his Kenyan counterpart"])
    assert not events_alone("The senator called the decision a disgrace.")._.events
    doc = events_alone("The premier called for sanctions against Chile after its president cancelled the deal.")
    assert "called for" in [e.trigger for e in doc._.events]  # a phrasal call keeps its own reading
