"""A speaker introduced by role and named only in a sentence after ("Freedonia's envoy
said … Ambassador Ana Torres told …"), the reverse convention and pronouns after both:
sentences of our own."""
import pytest

from helpers import parse, speaker_of


@pytest.fixture(scope="module")
def nlp(build_pipeline):
    return build_pipeline(stages=["actors", "quotes"])


def test_role_goes_to_the_person_named_next_with_a_fitting_title(nlp):
    text = ("Freedonia's envoy said the inspection report was a fabrication. "
            "“We reject every line of it,” Ambassador Ana Torres told the council.")
    assert speaker_of(parse(nlp, text), "inspection report") == "Ana Torres"


def test_role_goes_to_a_person_named_two_sentences_later(nlp):
    text = ("The bloc's negotiator said the offer on fishing quotas was final. "
            "The talks resumed on Monday after a week of delays. "
            "Chief negotiator Piet Marten told reporters the deadline stood.")
    assert speaker_of(parse(nlp, text), "fishing quotas") == "Piet Marten"


def test_title_of_a_country_without_a_known_holder_goes_to_the_person_named_next(nlp):
    text = ("Poland's envoy said the inspection report was a fabrication. "
            "“We reject every line of it,” Ambassador Ewa Nowak told the council.")
    assert speaker_of(parse(nlp, text), "inspection report") == "Ewa Nowak"


def test_role_is_not_given_to_a_person_whose_title_does_not_fit(nlp):
    text = ("The envoy said the charge against the convoy was a fabrication. "
            "Marco Ruiz, who chairs the committee, told reporters the vote would go ahead.")
    assert speaker_of(parse(nlp, text), "against the convoy") != "Marco Ruiz"


def test_role_is_not_given_when_two_people_fit(nlp):
    text = ("Freedonia's envoy said the charge against the convoy was a fabrication. "
            "Ambassador Ana Torres and Ambassador Lina Vogt left the chamber after the vote.")
    speaker = speaker_of(parse(nlp, text), "against the convoy")
    assert speaker not in ("Ana Torres", "Lina Vogt")


def test_role_is_not_given_to_an_envoy_of_another_country(nlp):
    text = ("The Chinese envoy said the charge against the convoy was a fabrication. "
            "“We need more time,” French Ambassador Claude Merlin told the council.")
    assert speaker_of(parse(nlp, text), "against the convoy") != "Claude Merlin"


def test_name_first_then_role_still_links_back(nlp):
    text = ("Ambassador Ana Torres arrived in Geneva on Monday for the water talks. "
            "The envoy said the talks would be hard.")
    assert speaker_of(parse(nlp, text), "would be hard") == "Ana Torres"


def test_pronoun_after_a_role_and_its_name_goes_to_the_person(nlp):
    text = ("Freedonia's envoy said the inspection report was a fabrication. "
            "“We reject every line of it,” Ambassador Ana Torres told the council. "
            "She said the inspectors had never visited the port.")
    doc = parse(nlp, text)
    assert speaker_of(doc, "never visited") == "Ana Torres"
    assert speaker_of(doc, "inspection report") == "Ana Torres"


def test_indefinite_role_goes_to_the_person_named_next_with_its_title(nlp):
    text = ("On Tuesday, a top Freedonian general said the spring drills would continue. "
            "“We will not stop,” said Gen. Piet Marten, commander of the northern army.")
    assert speaker_of(parse(nlp, text), "spring drills") == "Piet Marten"


def test_indefinite_role_stays_anonymous_when_no_title_fits(nlp):
    text = ("On Tuesday, a senior Freedonian diplomat said the border would stay closed. "
            "Piet Marten, a trader from the port, told reporters he had lost a month of business.")
    assert speaker_of(parse(nlp, text), "stay closed").startswith("anonymous:")


@pytest.mark.parametrize("title, role", [("Sen.", "senator"), ("Gov.", "governor"), ("Gen.", "general")])
def test_role_links_back_to_a_name_with_the_abbreviated_title(nlp, title, role):
    text = f"{title} Maria Holt toured the flooded valley on Monday. The {role} said the dam would be repaired."
    assert speaker_of(parse(nlp, text), "dam would be repaired") == "Maria Holt"


def test_role_goes_to_a_new_name_without_description_in_the_next_sentence(nlp):
    text = ("Freedonia's tax commissioner says no one from the agency leaked the files. "
            "Karl Weber says he ordered staff to check the logs.")
    assert speaker_of(parse(nlp, text), "leaked the files") == "Karl Weber"


def test_role_does_not_go_to_one_of_two_new_names(nlp):
    text = ("The governor said the dam would hold. "
            "Karl Weber and Lina Vogt said the river was rising.")
    assert speaker_of(parse(nlp, text), "dam would hold") not in ("Karl Weber", "Lina Vogt")


def test_role_does_not_go_to_a_new_name_in_its_own_sentence(nlp):
    text = ("The envoy said Ana Torres would lead the talks. "
            "Ana Torres arrived on Monday.")
    assert speaker_of(parse(nlp, text), "lead the talks") != "Ana Torres"


def test_role_does_not_go_to_a_new_name_with_a_description_that_does_not_fit(nlp):
    text = ("The envoy said the talks on the canal had failed. "
            "Karl Weber, a trader from the port, said the closure cost him a month of business.")
    assert speaker_of(parse(nlp, text), "canal had failed") != "Karl Weber"


def test_a_new_name_after_a_title_does_not_displace_the_knowledge_bases_holder(nlp):
    text = ("Russia's president said the talks on the grain corridor would resume. "
            "Ivan Sorokin said the delegation was ready.")
    assert speaker_of(parse(nlp, text), "grain corridor") != "Ivan Sorokin"
