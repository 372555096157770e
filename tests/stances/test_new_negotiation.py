"""A minimal taxonomy for a negotiation the project never shipped (tests/data/taxonomies),
on sentences written for these tests: threats with conditions, warnings, relative clauses,
a proposal rejected in the next sentence."""
import pathlib

import pytest

from detente.stances.profile import build_profiles, stem

RIVER_DAM = pathlib.Path(__file__).resolve().parent.parent / "data" / "taxonomies" / "river-dam.yaml"


@pytest.fixture(scope="module")
def nlp(build_pipeline):
    return build_pipeline(issues=str(RIVER_DAM))


def stances(nlp, text):
    return {(s.actor, s.issue, s.stance) for s in nlp(text)._.statements}


def test_a_threat_unless_the_issue_is_met_supports_it(nlp):
    found = stances(nlp, '"We will walk out of the talks unless a binding water-sharing treaty is signed," '
                         'Foreign Minister Sami Karim said.')
    assert ("Sami Karim", "water-treaty", "support") in found


def test_a_threat_if_the_issue_is_not_met_supports_it(nlp):
    found = stances(nlp, '"Our farmers will march on the capital if the water treaty is not signed," '
                         'Foreign Minister Sami Karim said.')
    assert ("Sami Karim", "water-treaty", "support") in found
    assert ("Sami Karim", "water-treaty", "oppose") not in found


def test_a_threat_if_a_freeze_is_not_lifted_supports_what_the_freeze_holds_back(nlp):
    found = stances(nlp, '"We will block the river upstream if the freeze on mediation is not lifted," '
                         'Foreign Minister Sami Karim said.')
    assert ("Sami Karim", "mediation", "support") in found
    assert ("Sami Karim", "mediation", "oppose") not in found


def test_a_plain_condition_takes_no_side(nlp):
    found = stances(nlp, '"We will walk out of the talks if the binding water-sharing treaty is signed," '
                         'Foreign Minister Sami Karim said.')
    assert not {f for f in found if f[1] == "water-treaty" and f[2] != "neutral"}


def test_an_outcome_no_actor_carries_out_is_no_demand(nlp):
    found = stances(nlp, '"If the binding water-sharing treaty is not signed, that will be a signal to the region," '
                         'analyst Maria Duval said.')
    assert ("Maria Duval", "water-treaty", "support") not in found


def test_warning_of_harm_if_a_course_is_taken_opposes_it(nlp):
    found = stances(nlp, "Foreign Minister Sami Karim warned that millions downstream would go hungry "
                         "if the reservoir is filled this year.")
    assert ("Sami Karim", "dam-filling", "oppose") in found


def test_warning_of_harm_if_a_course_is_not_taken_supports_it(nlp):
    found = stances(nlp, "Foreign Minister Sami Karim warned that the region would face unrest "
                         "if a binding water-sharing treaty is not signed.")
    assert ("Sami Karim", "water-treaty", "support") in found
    assert ("Sami Karim", "water-treaty", "oppose") not in found


def test_a_reprisal_threatened_if_a_course_is_taken_opposes_it(nlp):
    found = stances(nlp, '"We will retaliate if the reservoir is filled before a deal," '
                         'Foreign Minister Sami Karim said.')
    assert ("Sami Karim", "dam-filling", "oppose") in found
    assert ("Sami Karim", "dam-filling", "support") not in found


def test_warning_against_a_course_opposes_it(nlp):
    found = stances(nlp, "Foreign Minister Sami Karim warned against filling the dam's reservoir before the rains.")
    assert ("Sami Karim", "dam-filling", "oppose") in found


def test_a_relative_pronoun_holds_for_the_noun_its_clause_describes(nlp):
    found = stances(nlp, "Water Minister Lena Okafor, who has long opposed outside mediation, said on Monday "
                         "that the reservoir would be filled as planned.")
    assert ("Lena Okafor", "mediation", "oppose") in found
    assert {f[0] for f in found if f[1] == "mediation"} == {"Lena Okafor"}


def test_a_proposal_rejected_in_the_next_sentence_takes_the_other_side(nlp):
    found = stances(nlp, "The African Union on Monday proposed a binding water-sharing treaty guaranteeing a "
                         "minimum yearly flow. Water Minister Lena Okafor rejected the proposal the next day.")
    assert ("African Union", "water-treaty", "support") in found
    assert ("Lena Okafor", "water-treaty", "oppose") in found


def test_the_inflections_of_a_short_refusal_word_refuse_too():
    profiles = build_profiles([{"id": "port", "label": "The port blockade",
                                "support": "Keeping the port shut to shipping.",
                                "oppose": "Ending the blockade."}])
    assert stem("blockade") not in profiles["port"].oppose_words


TOWN_DISPUTE = (
    "Mayor Tomas Berg rejected a binding water-sharing treaty with the neighbouring town on Tuesday. "
    "The two towns have argued over the canal for a decade. "
    "Farmers on the east bank say their fields dried out last summer. "
    "The town council will meet again in the spring. "
    "Residents packed the hall for the vote. "
    "Several shops closed early so that their owners could attend. "
    "Local radio carried the debate live. "
    "A regional court is expected to rule on the canal next year. "
    "{closing}"
)


def test_an_article_about_another_dispute_that_shares_the_issue_words_holds_no_positions(nlp):
    found = stances(nlp, TOWN_DISPUTE.format(closing="The mayor said the fight was far from over."))
    assert not {f for f in found if f[2] != "neutral"}


def test_the_same_article_naming_the_negotiation_s_parties_holds_them(nlp):
    found = stances(nlp, TOWN_DISPUTE.format(closing="The African Union has offered to send observers. The "
                                                     "World Bank has offered to fund a new gauge on the canal."))
    assert ("Tomas Berg", "water-treaty", "oppose") in found


def test_resolving_a_freeze_favours_what_the_freeze_holds_back(nlp):
    found = stances(nlp, "Foreign Minister Sami Karim said his government hopes to resolve the freeze on mediation.")
    assert ("Sami Karim", "mediation", "support") in found
    assert ("Sami Karim", "mediation", "oppose") not in found


def test_a_relative_clause_predicated_of_the_issue_gives_its_whole_direction(nlp):
    resolved = stances(nlp, "Foreign Minister Sami Karim said the freeze on mediation is something he hopes to "
                            "resolve.")
    welcomed = stances(nlp, "Foreign Minister Sami Karim said the freeze on mediation is something he welcomes.")
    assert ("Sami Karim", "mediation", "support") in resolved
    assert ("Sami Karim", "mediation", "oppose") not in resolved
    assert ("Sami Karim", "mediation", "oppose") in welcomed


def test_what_others_did_in_a_quotation_is_no_position_of_the_speaker(nlp):
    others = stances(nlp, '"Last month the two ministers invited a neutral broker to chair the dam talks," '
                          'Foreign Minister Sami Karim said.')
    own = stances(nlp, '"We have invited a neutral broker to chair the dam talks," Foreign Minister Sami Karim said.')
    assert ("Sami Karim", "mediation", "support") not in others
    assert ("Sami Karim", "mediation", "support") in own


ARCTIC_LANES = pathlib.Path(__file__).resolve().parent.parent / "data" / "taxonomies" / "arctic-lanes.yaml"


@pytest.fixture(scope="module")
def arctic(build_pipeline):
    return build_pipeline(issues=str(ARCTIC_LANES))


def test_a_party_named_only_as_a_place_does_not_make_the_sentence_about_its_seat(arctic):
    found = stances(arctic, '"A long winter of quarrels in Greenland is not good for anyone," '
                            'Trade Minister Jane Holt said.')
    assert not {f for f in found if f[1] == "greenland-at-table"}


def test_a_party_named_as_such_still_makes_the_sentence_about_its_seat(arctic):
    found = stances(arctic, "Trade Minister Jane Holt insisted that Greenland must take part in the negotiation.")
    assert ("Jane Holt", "greenland-at-table", "support") in found


def test_a_quoted_guess_at_what_a_named_actor_may_do_is_no_side_of_the_speaker(nlp):
    for text in ('"Prime Minister Ivo Tamas could reject outside mediation," analyst Maria Duval said.',
                 'Analyst Maria Duval said, "The summit is risky because Prime Minister Ivo Tamas may overreach '
                 'and start rejecting outside mediation."'):
        found = stances(nlp, text)
        assert not {f for f in found if f[0] == "Maria Duval" and f[2] != "neutral"}


def test_a_hedged_position_of_the_speakers_own_or_a_hedged_necessity_is_still_taken(nlp):
    assert ("Sami Karim", "mediation", "oppose") in stances(
        nlp, '"We might well reject outside mediation," Foreign Minister Sami Karim said.')
    assert ("Maria Duval", "mediation", "support") in stances(
        nlp, '"Velaria may have to accept outside mediation," analyst Maria Duval said.')


def test_a_role_named_before_its_holder_holds_the_position_of_the_person_named_next(nlp):
    found = stances(nlp, "Egypt's envoy defended the binding water-sharing treaty on Friday. "
                         '"It guarantees every farmer downstream a fair share," Ambassador Hala Nassar told the council.')
    assert ("Hala Nassar", "water-treaty", "support") in found


def test_a_noun_that_governed_an_issue_phrase_takes_its_issue_when_rejected_next(arctic):
    found = {(s.actor, s.issue, s.stance) for s in arctic(
        "The shipping council announced the collection of transit fees for the strait on Monday. "
        "Foreign Minister Erik Lund rejected the collection on Tuesday.")._.statements}
    assert ("Erik Lund", "transit-fees", "oppose") in found
    found = {(s.actor, s.issue, s.stance) for s in arctic(
        "The shipping council announced the collection of transit fees for the strait on Monday. "
        "Foreign Minister Erik Lund rejected a collection of old maps on Tuesday.")._.statements}
    assert not {f for f in found if f[0] == "Erik Lund" and f[2] != "neutral"}


def test_an_issue_word_in_the_holder_s_title_is_not_what_the_holder_rejects(nlp):
    found = stances(nlp, "The treaty's chief negotiator, Sami Karim, rejected the new timetable on Monday.")
    assert ("Sami Karim", "water-treaty", "oppose") not in found


def test_an_issue_that_would_do_harm_is_opposed_by_who_says_so(nlp):
    found = stances(nlp, "Foreign Minister Sami Karim said the filling of the reservoir would endanger "
                         "millions downstream.")
    assert ("Sami Karim", "dam-filling", "oppose") in found


def test_steps_to_prevent_a_course_oppose_it(nlp):
    found = stances(nlp, "Water Minister Lena Okafor said her government would take every step to prevent "
                         "the filling of the reservoir.")
    assert ("Lena Okafor", "dam-filling", "oppose") in found


def test_boycotting_a_course_opposes_it_and_praising_it_supports_it(nlp):
    found = stances(nlp, "Lena Okafor said her country would boycott any mediation by outside brokers. "
                         "Foreign Minister Sami Karim praised the outside mediation offered by the World Bank.")
    assert ("Lena Okafor", "mediation", "oppose") in found
    assert ("Sami Karim", "mediation", "support") in found


def test_refusing_to_reduce_or_to_repeal_a_course_supports_it(nlp):
    found = stances(nlp, "Water Minister Lena Okafor vowed not to reduce outside mediation of the talks. "
                         "Foreign Minister Sami Karim opposed any repeal of the water-sharing treaty.")
    assert ("Lena Okafor", "mediation", "support") in found
    assert ("Sami Karim", "water-treaty", "support") in found
    assert not {f for f in found if f[2] == "oppose"}


def test_calling_a_course_a_hoax_or_a_farce_opposes_it(nlp):
    found = stances(nlp, "Lena Okafor called the binding water-sharing treaty a hoax. "
                         "Foreign Minister Sami Karim described outside mediation as a disaster.")
    assert ("Lena Okafor", "water-treaty", "oppose") in found
    assert ("Sami Karim", "mediation", "oppose") in found


def test_calling_a_course_a_necessary_step_supports_it(nlp):
    found = stances(nlp, "Foreign Minister Sami Karim called the water-sharing treaty a necessary step.")
    assert ("Sami Karim", "water-treaty", "support") in found


def test_what_a_speaker_says_another_wants_is_the_other_s_position(nlp):
    found = stances(nlp, "Water Minister Lena Okafor spoke in the capital on Monday. "
                         '"She wants to stop outside mediation," Foreign Minister Sami Karim said.')
    assert ("Lena Okafor", "mediation", "oppose") in found
    assert not {f for f in found if f[0] == "Sami Karim" and f[2] != "neutral"}


def test_voting_for_or_against_a_course_takes_its_side(nlp):
    found = stances(nlp, "Foreign Minister Sami Karim voted against outside mediation. "
                         "Water Minister Lena Okafor voted for the binding water-sharing treaty.")
    assert ("Sami Karim", "mediation", "oppose") in found
    assert ("Lena Okafor", "water-treaty", "support") in found


def test_backing_off_a_course_opposes_it_and_backing_it_supports_it(nlp):
    assert ("Lena Okafor", "water-treaty", "oppose") in stances(
        nlp, "Water Minister Lena Okafor backed off the binding water-sharing treaty.")
    assert ("Lena Okafor", "water-treaty", "support") in stances(
        nlp, "Water Minister Lena Okafor backed the binding water-sharing treaty.")


def test_campaigning_for_the_abolition_of_a_course_opposes_it(nlp):
    found = stances(nlp, "Water Minister Lena Okafor campaigned for the abolition of outside mediation.")
    assert ("Lena Okafor", "mediation", "oppose") in found


def test_doubting_that_another_would_act_against_a_course_is_no_side_of_the_doubter(nlp):
    found = stances(nlp, "Foreign Minister Sami Karim said he doubted Water Minister Lena Okafor would act "
                         "to stop outside mediation.")
    assert ("Sami Karim", "mediation", "oppose") not in found


def test_an_agreement_welcomed_in_the_next_sentence_takes_its_issue(nlp):
    found = stances(nlp, "The two countries agreed on Monday to bring in an outside mediator for the dam talks. "
                         "Water Minister Lena Okafor welcomed the agreement.")
    assert ("Lena Okafor", "mediation", "support") in found


AGREED = "The two countries agreed on Monday to bring in an outside mediator for the dam talks. "


def test_being_heartened_that_the_parties_reached_an_agreement_supports_its_issue(nlp):
    found = stances(nlp, AGREED + '"I am heartened that the parties have reached an agreement," '
                                  'Water Minister Lena Okafor said.')
    assert ("Lena Okafor", "mediation", "support") in found


def test_a_quoted_we_that_rejects_the_agreement_is_the_speaker(nlp):
    found = stances(nlp, AGREED + '"We reject the agreement," Water Minister Lena Okafor said.')
    assert ("Lena Okafor", "mediation", "oppose") in found


def test_voicing_concerns_about_a_course_opposes_it(nlp):
    found = stances(nlp, "Foreign Minister Sami Karim voiced concerns about outside mediation.")
    assert ("Sami Karim", "mediation", "oppose") in found


def test_a_rival_position_the_speaker_shares_is_the_speaker_s(nlp):
    found = stances(nlp, '"It is a very difficult vote for those of us who oppose outside mediation," '
                         'Foreign Minister Sami Karim said.')
    assert ("Sami Karim", "mediation", "oppose") in found


def test_advising_a_course_or_calling_it_of_paramount_importance_supports_it(nlp):
    assert ("Sami Karim", "water-treaty", "support") in stances(
        nlp, "Foreign Minister Sami Karim advised the council to sign a binding water-sharing treaty.")
    assert ("Sami Karim", "water-treaty", "support") in stances(
        nlp, "Foreign Minister Sami Karim said a binding water-sharing treaty is of paramount importance.")


def test_calling_a_course_unacceptable_opposes_it_when_parsed_as_its_noun_s(nlp):
    found = stances(nlp, "Foreign Minister Sami Karim called the idea of filling the reservoir this year unacceptable.")
    assert ("Sami Karim", "dam-filling", "oppose") in found
