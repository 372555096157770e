"""Stance detection on real and realistic news sentences.

Most tests run the stance component alone on the spaCy model, so that the only actors
are the named entities of the sentence; the end-to-end ones run the whole pipeline on
the seed articles.
"""
import pytest

from detente.records import Quote
from detente.stances.polarity import lexical_polarity
from detente.stances.taxonomy import load_taxonomy
from helpers import ARTICLES, parse


@pytest.fixture(scope="module")
def bare(plain_pipeline):
    """The spaCy model with only the stance component: no actors, no quotes."""

    def stances(text, issues="ukraine-peace-2025"):
        return plain_pipeline("detente_stances", issues=issues)(text)._.statements

    return stances


def positions(statements):
    return {(s.actor.split()[-1], s.issue, s.stance) for s in statements}


# Negation and modality


def test_will_not_accept_demands_amounting_to_seizure_of_territory_opposes_concessions(bare):
    found = bare("“The West will not accept Russian demands which simply amount to the seizure "
                 "of Ukrainian territory,” Donald Tusk told a press conference.")
    assert ("Tusk", "territorial-concessions", "oppose") in positions(found)
    assert ("Tusk", "territorial-concessions", "support") not in positions(found)


def test_borders_cannot_be_altered_by_force_opposes_concessions(bare):
    found = bare("Donald Tusk said borders cannot be altered by force.")
    assert positions(found) == {("Tusk", "territorial-concessions", "oppose")}


def test_without_negation_the_same_words_take_the_other_side(bare):
    found = bare("Donald Trump said Ukraine will have to accept Russian demands for the seizure of its territory.")
    assert positions(found) == {("Trump", "territorial-concessions", "support")}


def test_has_to_be_on_the_table_supports_discussing_concessions(bare):
    found = bare("Mark Rutte said the fact that Russia controls part of Ukraine has to be on the table in any peace talks.")
    assert ("Rutte", "territorial-concessions", "support") in positions(found)


def test_aggression_cannot_be_rewarded_opposes_concessions(bare):
    found = bare("Kaja Kallas said that aggression cannot be rewarded.")
    assert positions(found) == {("Kallas", "territorial-concessions", "oppose")}


# Rejection of a proposal, red lines


def test_rejecting_a_plan_that_recognises_crimea_opposes_recognition(bare):
    found = bare("Volodymyr Zelensky flatly rejected a US plan that would recognise Russian sovereignty over Crimea.")
    assert positions(found) == {("Zelensky", "crimea-recognition", "oppose")}


def test_rejecting_the_proposal_takes_the_issue_of_the_proposal_described_before(bare):
    text = ("Donald Trump's peace plan would see Washington formally acknowledge Moscow's sovereignty over "
            "Crimea. Volodymyr Zelensky flatly rejected the proposal on Tuesday.")
    found = [s for s in bare(text) if s.actor.endswith("Zelensky")]
    assert positions(found) == {("Zelensky", "crimea-recognition", "oppose")}
    assert "Crimea" in found[0].evidence and "rejected the proposal" in found[0].evidence


def test_criticising_a_rejection_supports_what_was_rejected(bare):
    found = bare("Donald Trump criticised Volodymyr Zelensky for his rejection of a plan that would "
                 "recognise Russian sovereignty over Crimea.")
    assert ("Trump", "crimea-recognition", "support") in positions(found)


def test_red_lines_mark_opposition(bare):
    found = bare('"Crimea is a red line for us," said Ukrainian Foreign Minister Andrii Sybiha.')
    assert positions(found) == {("Sybiha", "crimea-recognition", "oppose")}


# Reported positions without quotation


def test_reported_demand_to_abandon_nato_hopes_opposes_membership(bare):
    found = bare("Pete Hegseth told partners in Brussels that Ukraine would need to abandon hopes of joining the alliance.")
    assert positions(found) == {("Hegseth", "ukraine-nato-membership", "oppose")}


def test_possessor_of_a_push_holds_the_position(bare):
    found = bare("Donald Trump's push for Ukraine to recognize Russia's annexation of Crimea has alarmed European allies.")
    assert positions(found) == {("Trump", "crimea-recognition", "support")}


def test_negotiations_without_ukraine_undermining_order_supports_inclusive_talks(bare):
    found = bare("Keir Starmer warned that negotiations without Ukraine could undermine the entire security order.")
    assert positions(found) == {("Starmer", "inclusive-talks", "support")}


def test_participle_clause_takes_the_subject_of_its_main_clause(bare):
    found = bare("Volodymyr Zelensky rejected the deal, stressing that true peace requires Kyiv's full involvement.")
    assert ("Zelensky", "inclusive-talks", "support") in positions(found)


# Neutral mentions and hypotheticals


def test_discussing_an_issue_is_a_neutral_mention(bare):
    found = bare("Donald Trump plans to meet Volodymyr Zelensky in Washington to discuss security guarantees.")
    assert positions(found) == {("Trump", "security-guarantees", "neutral")}


def test_a_bare_mention_under_a_speech_verb_takes_no_side(bare):
    found = bare("Marco Rubio said the ceasefire was discussed at length.")
    assert all(s.stance == "neutral" for s in found)


def test_a_conditional_clause_takes_no_side(bare):
    found = bare("Analysts doubt whether Vladimir Putin will accept an unconditional ceasefire.")
    assert all(s.stance == "neutral" for s in found)


def test_a_sentence_without_an_issue_gives_no_statement(bare):
    assert bare("Donald Trump said the summit in Alaska went very well.") == []


# Common constructions of stance-taking, on sentences unlike the seed articles


@pytest.mark.parametrize("sentence, expected", [
    ("Donald Trump threatened to cut off weapons deliveries to Ukraine.",
     ("Trump", "arms-to-ukraine", "oppose")),
    ("Sergei Lavrov insisted that Kyiv must recognise the new territorial realities.",
     ("Lavrov", "territorial-concessions", "support")),
    ("Keir Starmer said Britain was ready to put troops on the ground in Ukraine to secure a peace deal.",
     ("Starmer", "security-guarantees", "support")),
    ("Mark Rutte said Ukraine's path to NATO membership was irreversible.",
     ("Rutte", "ukraine-nato-membership", "support")),
    ("Kaja Kallas said Russia should not be allowed to keep the land it has seized.",
     ("Kallas", "territorial-concessions", "oppose")),
    ("Friedrich Merz said sanctions on Russia must remain in place until a lasting peace is reached.",
     ("Merz", "sanctions-relief", "oppose")),
    ("Viktor Orbán has repeatedly blocked new EU sanctions against Russia.",
     ("Orbán", "sanctions-relief", "support")),
    ("Radosław Sikorski rejected any ceasefire that leaves Russian troops in place.",
     ("Sikorski", "ceasefire", "oppose")),
    ("Volodymyr Zelensky said Ukraine would not be forced to give up its NATO aspirations.",
     ("Zelensky", "ukraine-nato-membership", "support")),
])
def test_stance_constructions_on_news_sentences(bare, sentence, expected):
    found = positions(bare(sentence))
    assert expected in found
    assert (*expected[:2], "support" if expected[2] == "oppose" else "oppose") not in found


def test_the_cue_of_reported_speech_scopes_over_its_content(plain_pipeline):
    """"refused to withdraw troops from Donbas": the refusal, not the withdrawal, is
    the speaker's position, also when the quotes stage reports the content."""
    nlp = plain_pipeline("detente_stances")
    text = "Volodymyr Zelensky refused to withdraw troops from the Donbas region."
    content = text.index("to withdraw")
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "detente_stances":
            doc._.quotes = [Quote(id="q", doc="x.txt", doc_id="x", start=content, end=len(text) - 1,
                                  text=text[content:-1], kind="indirect", cue="refused",
                                  cue_start=text.index("refused"), cue_end=text.index("refused") + 7,
                                  speaker="Volodymyr Zelensky")]
        doc = component(doc)
    assert positions(doc._.statements) == {("Zelensky", "territorial-concessions", "oppose")}


# The second shipped taxonomy


@pytest.mark.parametrize("sentence, expected", [
    ("Iranian Foreign Minister Abbas Araghchi said Tehran would never give up its right to enrich uranium.",
     ("Araghchi", "domestic-enrichment", "support")),
    ("Steve Witkoff insisted that Iran must agree to zero enrichment.",
     ("Witkoff", "domestic-enrichment", "oppose")),
    ("Benjamin Netanyahu rejected any deal that would let Iran keep enriching uranium.",
     ("Netanyahu", "domestic-enrichment", "oppose")),
    ("Rafael Grossi called on Tehran to restore full access for IAEA inspectors.",
     ("Grossi", "iaea-inspections", "support")),
    ("Masoud Pezeshkian said Iran would not accept new sanctions.",
     ("Pezeshkian", "sanctions-relief", "support")),
])
def test_iran_nuclear_taxonomy_on_news_sentences(bare, sentence, expected):
    assert expected in positions(bare(sentence, issues="iran-nuclear-2025"))


def test_iran_taxonomy_does_not_see_ukraine_issues(bare):
    assert bare("Volodymyr Zelensky said Ukraine will never cede territory.", issues="iran-nuclear-2025") == []


# Holders named by a country's title, with the actors stage


@pytest.fixture(scope="module")
def full(build_pipeline):
    nlp = build_pipeline()
    return lambda text: {(s.actor, s.issue, s.stance) for s in nlp(text)._.statements}


def test_a_country_s_title_linked_to_another_country_s_envoy_holds_nothing(full):
    found = full("Vasily Nebenzya spoke first at the council. Poland's envoy then rejected any recognition "
                 "of Crimea as Russian.")
    assert not {f for f in found if f[0] == "Vassily Nebenzia"}


def test_a_country_s_title_linked_to_its_own_envoy_named_in_the_article_holds_the_position(full):
    found = full("Vasily Nebenzya spoke first at the council. Russia's ambassador then rejected any "
                 "recognition of Crimea as Ukrainian.")
    assert ("Vassily Nebenzia", "crimea-recognition", "oppose") in found


def test_a_country_s_title_linked_to_someone_the_article_never_names_holds_nothing(full):
    found = full("Russia's ambassador rejected any recognition of Crimea as Ukrainian.")
    assert not {f for f in found if f[0] == "Vassily Nebenzia"}


@pytest.mark.parametrize("text", [
    '"Putin rejects a ceasefire," Ukrainian President Volodymyr Zelensky said.',  # quoted
    "Ukrainian President Volodymyr Zelensky said Vladimir Putin defied the West and rejected a ceasefire.",  # second act
])
def test_a_rival_s_rejection_a_speaker_reports_is_the_rival_s_position_not_the_speaker_s(full, text):
    found = full(text)
    assert ("Vladimir Putin", "ceasefire", "oppose") in found
    assert ("Volodymyr Zelensky", "ceasefire", "oppose") not in found


def test_what_the_speaker_s_own_country_will_do_is_the_speaker_s_position(full):
    found = full('"Ukraine will never recognise Crimea as Russian," Ukrainian President Volodymyr Zelensky said.')
    assert ("Volodymyr Zelensky", "crimea-recognition", "oppose") in found


def test_cautioning_against_pressing_another_to_give_way_opposes_it_with_quotes_found(full):
    found = full("German Chancellor Friedrich Merz cautioned against pressing Ukraine to cede land in the east.")
    assert ("Friedrich Merz", "territorial-concessions", "oppose") in found
    assert ("Friedrich Merz", "territorial-concessions", "support") not in found


def test_a_predicate_adjective_s_holder_is_the_subject_of_its_verb(full):
    found = full("German Chancellor Olaf Scholz was cool to the idea of sending more weapons to Ukraine. "
                 "Ukrainian President Volodymyr Zelensky is ready to sign a 30-day ceasefire.")
    assert ("Olaf Scholz", "arms-to-ukraine", "oppose") in found
    assert ("Volodymyr Zelensky", "ceasefire", "support") in found


def test_being_against_a_course_opposes_it_and_not_against_it_does_not(full):
    assert ("Vladimir Putin", "ceasefire", "oppose") in full(
        "Russian President Vladimir Putin said he was against a ceasefire.")
    found = full("Russian President Vladimir Putin said he was not against a ceasefire in principle.")
    assert ("Vladimir Putin", "ceasefire", "oppose") not in found


def test_being_open_to_a_course_supports_it(full):
    found = full("Ukrainian President Volodymyr Zelensky said Ukraine is open to a 30-day ceasefire.")
    assert ("Volodymyr Zelensky", "ceasefire", "support") in found


def test_warning_that_a_course_would_do_harm_opposes_it(full):
    found = full("EU foreign policy chief Kaja Kallas warned that lifting sanctions now would reward Moscow.")
    assert ("Kaja Kallas", "sanctions-relief", "oppose") in found


def test_warning_that_a_thing_would_fail_is_no_side_on_it(full):
    found = full("EU foreign policy chief Kaja Kallas warned that the ceasefire would collapse within days.")
    assert not {f for f in found if f[1] == "ceasefire" and f[2] != "neutral"}


def test_calling_for_a_clause_to_happen_supports_it(bare):
    found = positions(bare("IAEA chief Rafael Grossi called for inspectors to be allowed back into Iran.",
                           issues="iran-nuclear-2025"))
    assert ("Grossi", "iaea-inspections", "support") in found


def test_officials_named_by_their_body_hold_its_position(full):
    found = full("EU foreign ministers rejected any easing of sanctions on Russia on Monday.")
    assert ("European Union", "sanctions-relief", "oppose") in found


def test_a_body_that_says_they_reject_a_course_holds_that_rejection(full):
    found = full("NATO diplomats said they rejected any easing of sanctions on Russia.")
    assert ("NATO", "sanctions-relief", "oppose") in found


@pytest.fixture(scope="module")
def countries(build_pipeline):
    nlp = build_pipeline(holders=["person", "organisation", "group", "country"])
    return lambda text: {(s.actor, s.issue, s.stance) for s in nlp(text)._.statements}


def test_a_country_that_acts_holds_the_position_when_countries_count(countries):
    assert ("Russia", "ceasefire", "oppose") in countries("Russia vetoed the ceasefire resolution at the Security Council.")
    assert ("Russia", "ceasefire", "oppose") in countries("Moscow rejected any ceasefire that would let Kyiv regroup.")


def test_a_country_merely_named_holds_nothing(countries):
    assert not countries("Russia is mentioned in a plan that would freeze the front line.")


def test_countries_hold_nothing_by_default(full):
    assert not {f for f in full("Russia vetoed the ceasefire resolution at the Security Council.") if f[0] == "Russia"}


# Statement records, end to end on the seed articles


@pytest.fixture(scope="module")
def seed_statements(build_pipeline):
    nlp = build_pipeline()
    found = {}
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found[path.name] = (text, parse(nlp, text, name=path.name)._.statements)
    return found


def test_seed_statements_are_complete_records(seed_statements):
    for name, (text, statements) in seed_statements.items():
        for s in statements:
            assert s.doc == name and s.date == "2025-08-12" and s.stance in ("support", "oppose", "neutral")
            assert text[s.start:s.end] == s.evidence
            assert 0 < s.confidence <= 1


def test_seed_evidence_mentions_the_issue(seed_statements):
    taxonomy = load_taxonomy("ukraine-peace-2025")
    for _, statements in seed_statements.values():
        for s in statements:
            assert taxonomy.issue(s.issue).matches(s.evidence), (s.issue, s.evidence)


def test_seed_quote_statements_point_to_their_quote(seed_statements):
    quoted = [s for _, statements in seed_statements.values() for s in statements if s.quote_id]
    assert quoted, "some statements come from quotations"


def test_seed_reported_positions(seed_statements):
    found = {(name[:3], s.actor.split()[-1], s.issue, s.stance)
             for name, (_, statements) in seed_statements.items() for s in statements}
    assert ("001", "Hegseth", "ukraine-nato-membership", "oppose") in found
    assert ("003", "Zelensky", "territorial-concessions", "oppose") in found
    assert ("004", "Zelensky", "crimea-recognition", "oppose") in found
    assert ("000", "Rutte", "territorial-concessions", "support") in found
    assert ("000", "Rutte", "territorial-concessions", "oppose") not in found


def sounds_like_cases():
    for name in ("ukraine-peace-2025", "iran-nuclear-2025"):
        for issue in load_taxonomy(name).issues:
            for stance, examples in (("support", issue.support_sounds_like), ("oppose", issue.oppose_sounds_like)):
                for example in examples:
                    yield pytest.param(name, issue.id, stance, example, id=f"{issue.id}-{stance}-{example[:30]}")


@pytest.mark.parametrize("taxonomy, issue, stance, example", list(sounds_like_cases()))
def test_each_taxonomy_example_reported_by_a_speaker_takes_its_side(bare, taxonomy, issue, stance, example):
    found = bare(f"Emmanuel Macron said that {example}", issues=taxonomy)
    assert (issue, stance) in {(s.issue, s.stance) for s in found}


def test_warning_against_a_course_opposes_it(bare):
    found = positions(bare("Chancellor Otto Brandt warned against forcing Ukraine to cede territory to Russia."))
    assert ("Brandt", "territorial-concessions", "oppose") in found


def test_cautioning_against_a_course_opposes_it(bare):
    found = positions(bare("Chancellor Otto Brandt cautioned against pressing Kyiv to give up land."))
    assert ("Brandt", "territorial-concessions", "oppose") in found


def test_a_relative_clause_keeps_its_own_holder(bare):
    found = positions(bare("Chancellor Otto Brandt rejected a deal that Prime Minister Ana Ruiz welcomed, "
                           "which would cede Ukrainian territory to Russia."))
    assert ("Brandt", "territorial-concessions", "oppose") in found
    assert ("Ruiz", "territorial-concessions", "support") in found
    assert ("Brandt", "territorial-concessions", "support") not in found


def test_a_question_takes_no_side(bare):
    found = positions(bare("Would Chancellor Otto Brandt accept a ceasefire?"))
    assert not any(stance != "neutral" for _, _, stance in found)
    assert ("Brandt", "ceasefire", "support") in positions(bare("Chancellor Otto Brandt accepted a ceasefire."))


def test_an_adjective_after_its_noun_says_which_ones_not_what_they_think(plain_pipeline):
    nlp = plain_pipeline("detente_stances", issues="ukraine-peace-2025")
    doc = nlp("The president urged the parties concerned to accept the truce.")
    assert lexical_polarity(next(t for t in doc if t.lower_ == "concerned")) == 0
    doc = nlp("We are deeply concerned about the truce.")
    assert lexical_polarity(next(t for t in doc if t.lower_ == "concerned")) == -1
