"""Taxonomies without patterns: issues recognised by their own words (profiles)."""
import pathlib
import textwrap

import pytest
from click.testing import CliRunner

from detente.cli import cli
from detente.stances.profile import Profile, build_profiles, stem
from detente.stances.taxonomy import load_taxonomy

# An invented negotiation, written the minimal way: labels, meanings, examples, no cues.
FISHERIES = """
name: lake-fisheries
label: Fishing rights on an invented border lake
issues:
  - id: fishing-quotas
    label: Fishing quotas
    support: Binding catch quotas for every fleet on the lake.
    oppose: Leaving the catch unregulated, or lifting the quotas.
    support_sounds_like: ["Every trawler must respect a yearly catch limit."]
    oppose_sounds_like: ["Our fishermen will never accept a cap on their nets."]
  - id: joint-patrols
    label: Joint naval patrols
    support: Both navies patrolling the lake together.
    oppose: Each navy patrolling its own waters alone.
    support_sounds_like: ["Mixed crews should sail the disputed waters side by side."]
"""


@pytest.fixture(scope="module")
def fisheries(tmp_path_factory):
    path = tmp_path_factory.mktemp("tax") / "fisheries.yaml"
    path.write_text(textwrap.dedent(FISHERIES), encoding="utf-8")
    return path


def stances_of(plain_pipeline, path, text):
    doc = plain_pipeline("detente_stances", issues=str(path))(text)
    return {(s.actor, s.issue, s.stance) for s in doc._.statements}


def test_a_taxonomy_without_patterns_loads_and_builds_profiles(fisheries):
    taxonomy = load_taxonomy(str(fisheries))
    assert [i.id for i in taxonomy.issues] == ["fishing-quotas", "joint-patrols"]
    assert all(not issue.cues and issue.profile is not None for issue in taxonomy.issues)
    assert taxonomy.issue("fishing-quotas").matches("The ministers argued over fishing quotas for the lake.")
    assert not taxonomy.issue("fishing-quotas").matches("The ministers argued over the weather.")


def test_words_every_issue_uses_count_less_than_the_issues_own():
    profiles = build_profiles([
        {"id": "a", "label": "Lake quotas", "support": "Quotas on the lake."},
        {"id": "b", "label": "Lake patrols", "support": "Patrols on the lake."},
    ])
    assert profiles["a"].topic[stem("quotas")] > profiles["a"].topic[stem("lake")]


def test_a_stance_verb_over_the_issue_takes_a_side(plain_pipeline, fisheries):
    found = stances_of(plain_pipeline, fisheries, "Minister Anna Berg rejected fishing quotas for the lake on Monday.")
    assert ("Anna Berg", "fishing-quotas", "oppose") in found
    found = stances_of(plain_pipeline, fisheries, "Minister Anna Berg endorsed fishing quotas for the lake on Monday.")
    assert ("Anna Berg", "fishing-quotas", "support") in found


def test_a_pole_word_of_the_opposing_meaning_states_opposition(plain_pipeline, fisheries):
    found = stances_of(plain_pipeline, fisheries, "Minister Anna Berg said the lake's fishing quotas should be lifted.")
    assert ("Anna Berg", "fishing-quotas", "oppose") in found


def test_a_negated_stance_verb_turns_the_side(plain_pipeline, fisheries):
    found = stances_of(plain_pipeline, fisheries,
                       "Minister Anna Berg said she would not accept fishing quotas on the lake.")
    assert ("Anna Berg", "fishing-quotas", "oppose") in found


def test_taxonomy_check_validates_and_advises(fisheries, tmp_path):
    result = CliRunner().invoke(cli, ["taxonomy", "check", str(fisheries)])
    assert result.exit_code == 0, result.output
    assert "2 issues" in result.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: x\nissues:\n  - id: Bad Id\n    label: x\n    support: y\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["taxonomy", "check", str(broken)])
    assert result.exit_code != 0 and "issues[0].id" in result.output


def test_taxonomy_show_lists_and_describes():
    result = CliRunner().invoke(cli, ["taxonomy", "show"])
    assert result.exit_code == 0 and "ukraine-peace-2025" in result.output
    result = CliRunner().invoke(cli, ["taxonomy", "show", "ukraine-peace-2025"])
    assert result.exit_code == 0 and "territorial-concessions" in result.output and "patterns" in result.output


# Another invented negotiation: a weapon named by a code, and sanctions.
RADARS = """
name: selvia-radar
label: An invented dispute over a radar bought abroad
issues:
  - id: radar-purchase
    label: The Baltan K-7 radar
    support: Selvia buying, keeping and operating the Baltan K-7 radar system.
    oppose: Selvia giving up the K-7 radar, returning or destroying it.
  - id: trade-sanctions
    label: Trade sanctions on Selvia
    support: Keeping trade sanctions on Selvia in force.
    oppose: Lifting the trade sanctions on Selvia.
"""


@pytest.fixture(scope="module")
def radars(tmp_path_factory):
    path = tmp_path_factory.mktemp("tax") / "radars.yaml"
    path.write_text(textwrap.dedent(RADARS), encoding="utf-8")
    return path


def test_a_code_name_is_a_topic_word_and_a_conjoined_verb_its_pole(plain_pipeline, radars):
    found = stances_of(plain_pipeline, radars, "Envoy Lena Ortiz said Selvia must either return or destroy the K-7.")
    assert ("Lena Ortiz", "radar-purchase", "oppose") in found


def test_a_fellow_of_a_pole_word_takes_its_side(plain_pipeline, radars):
    found = stances_of(plain_pipeline, radars, "Envoy Lena Ortiz said the council should maintain the trade sanctions.")
    assert ("Lena Ortiz", "trade-sanctions", "support") in found
    found = stances_of(plain_pipeline, radars, "Envoy Lena Ortiz said the council should ease the trade sanctions.")
    assert ("Lena Ortiz", "trade-sanctions", "oppose") in found


def test_an_anonymous_source_speaks_for_the_body_it_names(build_pipeline, radars):
    nlp = build_pipeline(issues=str(radars))
    doc = nlp("A Foreign Ministry spokesperson said the council must maintain the trade sanctions on Selvia. "
              "\"Selvia will never give up the K-7 radar,\" the spokesperson added.")
    found = {(s.actor, s.issue, s.stance) for s in doc._.statements}
    assert ("Foreign Ministry", "trade-sanctions", "support") in found


def test_what_an_opposing_meaning_refuses_is_not_a_word_of_opposition():
    profiles = build_profiles([{"id": "isle", "label": "Recognition of the island",
                                "support": "Recognising the island's annexation.",
                                "oppose": "Refusing to recognise the island's annexation."}])
    assert stem("annexation") not in profiles["isle"].oppose_words


def test_a_request_denied_in_the_next_sentence_takes_the_other_side(plain_pipeline, radars):
    found = stances_of(plain_pipeline, radars, "Envoy Lena Ortiz asked the council to ease the trade sanctions. "
                                               "Minister Paul Hahn denied the request on Friday.")
    assert ("Lena Ortiz", "trade-sanctions", "oppose") in found
    assert ("Paul Hahn", "trade-sanctions", "support") in found


def test_a_position_under_a_condition_is_not_taken_outright(plain_pipeline, radars):
    found = stances_of(plain_pipeline, radars, "Minister Paul Hahn promised to ease the trade sanctions.")
    assert ("Paul Hahn", "trade-sanctions", "oppose") in found
    found = stances_of(plain_pipeline, radars,
                       "Minister Paul Hahn demanded a full inspection before easing the trade sanctions.")
    assert ("Paul Hahn", "trade-sanctions", "oppose") not in found


def test_an_issue_about_talks_is_recognised_by_its_talk_words():
    profiles = build_profiles([
        {"id": "talks", "label": "Border talks", "support": "Holding talks on the border."},
        {"id": "fence", "label": "Border fence", "support": "Building a fence on the border."},
    ])
    assert profiles["talks"].matches("The envoys agreed to hold talks about the border next month.")


def test_a_fellow_of_a_meanings_act_marks_its_side():
    profiles = build_profiles([{"id": "relief", "label": "Sanctions relief", "support": "Lifting the sanctions.",
                                "oppose": "Keeping or tightening the sanctions."}])
    assert profiles["relief"].pole([stem("further")]) == -1  # "further sanctions"
    assert profiles["relief"].pole([stem("loosen")]) == 1


def test_a_word_most_issues_share_adds_weight_but_cannot_anchor_a_sentence():
    profiles = build_profiles([
        {"id": "aid", "label": "Aid to Selvia", "support": "Continuing aid to Selvia."},
        {"id": "talks", "label": "Talks with Selvia", "support": "Holding talks with Selvia."},
        {"id": "border", "label": "Selvia's border", "support": "Redrawing the border of Selvia."},
    ])
    assert stem("Selvia") in profiles["aid"].shared and stem("aid") not in profiles["aid"].shared
    topic = {"selvia": 3.0, "aid": 1.0}
    shared = Profile("x", topic, frozenset(), frozenset(), frozenset({"selvia"}))
    own = Profile("x", topic, frozenset(), frozenset())
    assert own.about({"selvia", "aid"}) and not shared.about({"selvia", "aid"})


def test_what_a_negated_example_rules_out_is_not_a_word_of_opposition():
    profiles = build_profiles([{"id": "isle", "label": "Recognition of the island",
                                "support": "Recognising the island as Baltan.",
                                "oppose_sounds_like": ["We will never recognise its annexation."]}])
    assert stem("annexation") not in profiles["isle"].oppose_words
    assert f"not {stem('annexation')}" in profiles["isle"].oppose_words


def test_no_sign_that_others_want_a_course_is_no_stance_of_the_speaker(plain_pipeline, radars):
    found = stances_of(plain_pipeline, radars, "Minister Paul Hahn said he saw no sign that the council "
                                               "was ready to ease the trade sanctions.")
    assert not any(f[0] == "Paul Hahn" and f[1] == "trade-sanctions" and f[2] != "neutral" for f in found)
    found = stances_of(plain_pipeline, radars, "Minister Paul Hahn said there was no progress on easing "
                                               "the trade sanctions.")
    assert not any(f[0] == "Paul Hahn" and f[1] == "trade-sanctions" and f[2] != "neutral" for f in found)


def test_concern_about_a_course_opposes_it(plain_pipeline, radars):
    found = stances_of(plain_pipeline, radars, "Envoy Lena Ortiz said she was deeply concerned about "
                                               "Selvia operating the K-7 radar.")
    assert ("Lena Ortiz", "radar-purchase", "oppose") in found


TALKS = """
name: selvia-border
label: Border talks over the invented state of Selvia
issues:
  - id: selvia-at-the-table
    label: Selvia at the border talks
    support: Selvia taking part in any border talks about Selvia.
    oppose: Holding the border talks over Selvia's head.
  - id: border-fence
    label: A fence on the border
    support: Building a fence along the whole border.
    oppose: Leaving the border open.
"""


def test_a_phrase_that_leaves_out_the_issues_party_states_the_other_side(plain_pipeline, tmp_path):
    path = tmp_path / "talks.yaml"
    path.write_text(textwrap.dedent(TALKS), encoding="utf-8")
    found = stances_of(plain_pipeline, path, "Minister Paul Hahn warned that border talks without Selvia would fail.")
    assert ("Paul Hahn", "selvia-at-the-table", "support") in found
    found = stances_of(plain_pipeline, path, "Minister Paul Hahn warned that border talks with Selvia would fail.")
    assert ("Paul Hahn", "selvia-at-the-table", "oppose") in found


def test_a_demand_that_another_course_come_first_holds_this_one_off(plain_pipeline, radars):
    found = stances_of(plain_pipeline, radars,
                       "Envoy Lena Ortiz asked for a full inspection of the radar before easing the trade sanctions.")
    assert ("Lena Ortiz", "trade-sanctions", "support") in found
    found = stances_of(plain_pipeline, radars,
                       "Envoy Lena Ortiz warned that talks could collapse before anyone eased the trade sanctions.")
    assert ("Lena Ortiz", "trade-sanctions", "support") not in found


def test_an_act_the_opposing_meaning_refuses_still_joins_the_supporting_side():
    profiles = build_profiles([{"id": "relief", "label": "Sanctions relief", "support": "Lifting the sanctions.",
                                "oppose": "Keeping the sanctions and refusing any relaxation."}])
    assert profiles["relief"].pole([stem("relaxation")]) == 1


def test_the_main_clause_of_a_condition_is_a_threat_held_less_surely(plain_pipeline, radars):
    def confidence(text):
        doc = plain_pipeline("detente_stances", issues=str(radars))(text)
        return {(s.actor, s.issue, s.stance): s.confidence for s in doc._.statements}

    key = ("Paul Hahn", "trade-sanctions", "support")
    plain = confidence("Minister Paul Hahn said the council will maintain the trade sanctions.")
    threat = confidence("Minister Paul Hahn said that if Selvia turns away the inspectors, "
                        "the council will maintain the trade sanctions.")
    contingency = confidence("Minister Paul Hahn said the council will maintain the trade sanctions if necessary.")
    assert key in plain and key in threat and key in contingency
    assert threat[key] < plain[key]
    assert contingency[key] == plain[key]  # no one else's act is the condition


def test_a_persons_description_is_not_what_the_sentence_is_about(plain_pipeline, radars):
    found = stances_of(plain_pipeline, radars, "Lena Ortiz, the author of the trade sanctions on Selvia, "
                                               "said the harbour must stay open.")
    assert not any(issue == "trade-sanctions" for _, issue, _ in found)
    found = stances_of(plain_pipeline, radars, "Lena Ortiz, a former adviser on trade sanctions against Selvia, "
                                               "rejected the harbour plan.")
    assert not any(issue == "trade-sanctions" for _, issue, _ in found)


def test_dismissing_an_accusation_denies_a_fact_and_takes_no_side(plain_pipeline, radars):
    found = stances_of(plain_pipeline, radars,
                       "Minister Paul Hahn dismissed accusations that Selvia is operating the K-7 radar.")
    assert ("Paul Hahn", "radar-purchase", "oppose") not in found
    found = stances_of(plain_pipeline, radars, "Minister Paul Hahn dismissed plans to operate the K-7 radar.")
    assert ("Paul Hahn", "radar-purchase", "oppose") in found


def test_a_bare_negation_of_an_unrelated_verb_takes_no_side_on_a_mentioned_issue(plain_pipeline, radars):
    found = stances_of(plain_pipeline, radars,
                       "Minister Paul Hahn said Selvia is not going to link the K-7 radar to the old network.")
    assert ("Paul Hahn", "radar-purchase", "oppose") not in found
    found = stances_of(plain_pipeline, radars, "Minister Paul Hahn said Selvia will not operate the K-7 radar.")
    assert ("Paul Hahn", "radar-purchase", "oppose") in found  # a pole word of the issue, negated
    found = stances_of(plain_pipeline, radars, "Minister Paul Hahn said the K-7 radar is not necessary.")
    assert ("Paul Hahn", "radar-purchase", "oppose") in found  # a stance word, negated
    found = stances_of(plain_pipeline, radars, "Minister Paul Hahn rejected the K-7 radar.")
    assert ("Paul Hahn", "radar-purchase", "oppose") in found


def test_a_short_plural_shares_its_singulars_stem():
    assert stem("jets") == stem("jet") and stem("laws") == stem("law")
    assert stem("bus") == "bus" and stem("gas") == "gas"


def test_a_party_several_issues_name_adds_weight_but_cannot_anchor_a_sentence():
    profiles = build_profiles([
        {"id": "relief", "label": "Sanctions relief for Varonia", "support": "Lifting the sanctions on Varonia.",
         "oppose": "Keeping the sanctions.", "support_sounds_like": ["Its lenders could trade abroad again."]},
        {"id": "isle", "label": "Annexation of the island", "support": "Accepting that Varonia annexed the island."},
        {"id": "fish", "label": "Fishing quotas", "support": "Raising the fishing quotas."},
        {"id": "jets", "label": "Sale of R-77 jets", "support": "Selling R-77 jets to Caldor."},
    ])
    relief = profiles["relief"]
    assert stem("Varonia") in relief.names and stem("Varonia") not in relief.shared
    assert stem("Caldor") not in profiles["jets"].names  # one issue's own name is part of its topic
    assert stem("R-77") not in profiles["jets"].names  # a code names the thing at stake
    assert not relief.matches("Lenders from Varonia gathered in the capital.")
    assert relief.matches("Lenders hope the sanctions on Varonia will be lifted.")


def test_a_topic_word_that_only_modifies_another_noun_is_not_the_issue(plain_pipeline, tmp_path):
    path = tmp_path / "talks.yaml"
    path.write_text(textwrap.dedent(TALKS), encoding="utf-8")
    found = stances_of(plain_pipeline, path, "Minister Paul Hahn warned that the talks table would collapse.")
    assert not any(issue == "selvia-at-the-table" for _, issue, _ in found)


def test_a_name_the_issue_sets_things_in_may_anchor_it_as_a_place():
    profiles = build_profiles([
        {"id": "arms-transfers", "label": "Arms transfers", "support": "Shipping shells for the war in Selvia."},
        {"id": "corvia-seat", "label": "Corvia at the table", "support": "Corvia taking part in the talks."},
    ])
    selvia, corvia = stem("Selvia"), stem("Corvia")
    assert profiles["arms-transfers"].settings == {selvia}
    assert profiles["arms-transfers"].score({selvia}, frozenset({selvia}))[1] > 0
    assert profiles["corvia-seat"].score({corvia})[1] > 0
    assert profiles["corvia-seat"].score({corvia}, frozenset({corvia}))[1] == 0


HARBOUR = pathlib.Path(__file__).resolve().parent.parent / "data" / "taxonomies" / "harbour-embargo.yaml"


def test_being_against_what_an_issue_removes_supports_the_issue(plain_pipeline):
    for text in ("Foreign Minister Ilse Varga warned against the embargo on Ostrava's harbour.",
                 "Foreign Minister Ilse Varga rejected the embargo on the harbour of Ostrava."):
        found = stances_of(plain_pipeline, HARBOUR, text)
        assert ("Ilse Varga", "embargo-relief", "support") in found
        assert ("Ilse Varga", "embargo-relief", "oppose") not in found


def test_a_removal_word_next_to_what_an_issue_removes_keeps_its_side(plain_pipeline):
    lifted = stances_of(plain_pipeline, HARBOUR, "Minister Ilse Varga urged the council to waive the embargo on Ostrava's harbour.")
    assert ("Ilse Varga", "embargo-relief", "support") in lifted
    relief = stances_of(plain_pipeline, HARBOUR, "Minister Ilse Varga rejected embargo relief for the harbour of Ostrava.")
    assert ("Ilse Varga", "embargo-relief", "oppose") in relief
    kept = stances_of(plain_pipeline, HARBOUR, "Minister Ilse Varga said the embargo on Ostrava's harbour must stay in place.")
    assert ("Ilse Varga", "embargo-relief", "oppose") in kept


def test_what_a_support_meaning_removes_is_found_after_its_removal_word():
    profiles = build_profiles([
        {"id": "relief", "label": "Embargo relief", "support": "Lifting or easing the UN embargo on Ostrava."},
        {"id": "lift", "label": "The grain ban", "support": "Ending the ban on grain."},
        {"id": "keep", "label": "Port quotas", "support": "Keeping the quotas."},
    ])
    assert profiles["relief"].removed == {stem("embargo")}
    assert profiles["lift"].removed == {stem("ban")}
    assert not profiles["keep"].removed


def test_a_word_an_issue_only_writes_before_another_names_it_only_there(plain_pipeline):
    assert build_profiles([{"id": "g", "label": "Security guarantees for the harbour",
                            "support": "Navies guaranteeing safe passage."}])["g"].modifiers == {stem("security")}
    found = stances_of(plain_pipeline, HARBOUR, "Admiral Tomas Berg said security guarantees for the harbour are essential.")
    assert ("Tomas Berg", "harbour-guarantees", "support") in found
    found = stances_of(plain_pipeline, HARBOUR,
                       "Admiral Tomas Berg said the harbour is vital for national security and must be defended.")
    assert not any(issue == "harbour-guarantees" for _, issue, _ in found)


def test_a_noun_used_as_a_stance_word_is_not_a_topic_word(plain_pipeline):
    found = stances_of(plain_pipeline, HARBOUR, "Admiral Tomas Berg said compensation for the lost catch has to be on the table.")
    assert not any(issue == "guilds-at-table" for _, issue, _ in found)
    found = stances_of(plain_pipeline, HARBOUR, "Admiral Tomas Berg said the fishing guilds must have a seat at the table.")
    assert ("Tomas Berg", "guilds-at-table", "support") in found


def test_a_word_ending_in_double_e_shares_its_plurals_stem():
    assert stem("guarantee") == stem("guarantees") == stem("guaranteed")


def test_a_generic_word_is_no_topic_word_in_any_of_its_forms():
    topic = build_profiles([{"id": "seat", "label": "Guilds at the table",
                             "support": "The guilds taking part; a decision taken with them."}])["seat"].topic
    assert stem("guilds") in topic
    assert not {stem("taking"), stem("taken"), stem("takes")} & topic.keys()


# Two issues of one invented negotiation: the one's meanings name the other's label word.
DEMILITARISATION = """
name: verland-arms
label: Verland's missiles and the sanctions on it
issues:
  - id: demilitarisation
    label: Complete demilitarisation of Verland
    support: Verland scrapping its missile force completely, as the goal of any deal.
    oppose: Verland keeping or testing its missiles.
  - id: sanctions-relief
    label: Sanctions relief for Verland
    support: Easing the sanctions on Verland before its demilitarisation is complete, as Ostmark urges.
    oppose: Keeping every sanction until Verland has demilitarised.
"""


def test_a_word_of_the_label_that_another_issues_meaning_mentions_still_names_the_issue(plain_pipeline, tmp_path):
    path = tmp_path / "verland.yaml"
    path.write_text(textwrap.dedent(DEMILITARISATION), encoding="utf-8")
    assert load_taxonomy(str(path)).issue("demilitarisation").matches("They asked for full demilitarisation.")
    found = stances_of(plain_pipeline, path, "President Ida Lund turned down the request and asked instead for "
                                             "full demilitarisation before granting any relief from the sanctions.")
    assert ("Ida Lund", "demilitarisation", "support") in found
    assert ("Ida Lund", "sanctions-relief", "oppose") in found
    found = stances_of(plain_pipeline, path, "President Ida Lund said she completely supports the new ferry line.")
    assert not found  # an adverb says how, not what: "completely" is no word of the issue


def test_whoever_does_what_a_stance_word_says_is_not_what_it_is_about(plain_pipeline, fisheries):
    found = stances_of(plain_pipeline, fisheries, "Undermined by the joint naval patrols, the smugglers moved "
                                                  "south, Minister Anna Berg said.")
    assert not {f for f in found if f[1] == "joint-patrols" and f[2] != "neutral"}


# An article about another dispute of one of the negotiation's parties (Ostmark), which
# names that party throughout and the negotiation's centre (Verland) only where it is told to.
OSTMARK_DISPUTE = (
    "Foreign Minister Olaf Brandt said on Monday that easing the sanctions on Ostmark would be a mistake. "
    "Ostmark has been under sanctions since its troops crossed the Selvian border last spring. "
    "Ostmark says its soldiers are only guarding a pipeline. "
    "Trade between Ostmark and Selvia has collapsed since then. "
    "{middle}"
    "The Selvian parliament will debate the border again in June. "
    "Ostmark's ambassador did not answer questions on Monday. "
    "Farmers near the border say they cannot reach their fields. "
    "Ostmark's grain exports have halved this year. "
    "Aid groups have asked both sides to open a corridor."
)


def test_an_article_naming_the_negotiation_s_parties_but_not_its_centre_holds_no_positions(plain_pipeline, tmp_path):
    path = tmp_path / "verland.yaml"
    path.write_text(textwrap.dedent(DEMILITARISATION), encoding="utf-8")
    found = stances_of(plain_pipeline, path, OSTMARK_DISPUTE.format(middle=""))
    assert not {f for f in found if f[2] != "neutral"}
    found = stances_of(plain_pipeline, path, OSTMARK_DISPUTE.format(
        middle="Verland has tested two missiles this month. Verland's leader says he will test more. "))
    assert ("Olaf Brandt", "sanctions-relief", "oppose") in found


def test_a_topic_word_brings_the_words_that_name_the_same_thing():
    profiles = build_profiles([
        {"id": "truce", "label": "A truce", "support": "Both sides stopping the shelling now."},
        {"id": "dam", "label": "The dam", "support": "Finishing the dam."},
    ])
    assert profiles["truce"].matches("The envoys called for an immediate ceasefire.")
    assert not profiles["dam"].matches("The envoys called for an immediate ceasefire.")


def test_taking_part_in_a_meaning_makes_participation_words_its_side():
    profiles = build_profiles([{"id": "seat", "label": "Selvia at the border talks",
                                "support": "Selvia taking part in any border talks about Selvia.",
                                "oppose": "Holding the border talks over Selvia's head."}])
    assert {stem("involvement"), stem("participation")} <= profiles["seat"].support_words
    assert profiles["seat"].topic.get(stem("negotiations"))


def test_an_issue_named_only_as_when_something_happens_takes_no_side(plain_pipeline, tmp_path):
    path = tmp_path / "talks.yaml"
    path.write_text(textwrap.dedent(TALKS), encoding="utf-8")
    found = stances_of(plain_pipeline, path, "Minister Paul Hahn hopes to resolve the dispute over grain during "
                                             "the border talks about Selvia.")
    assert not {f for f in found if f[1] == "selvia-at-the-table" and f[2] != "neutral"}
