"""Mixed quotes: reported speech holding a short quoted fragment is a statement of its own,
beside the fragment; a long fragment carries the claim alone. Sentences of our own."""
import pytest

from helpers import parse


@pytest.fixture(scope="module")
def parser(plain_pipeline):
    return plain_pipeline("detente_quotes")


def found(nlp, text):
    return [(q.kind, q.text) for q in parse(nlp, text, name="a.txt")._.quotes]


def test_a_clause_holding_a_short_fragment_is_reported_speech(parser):
    text = "The mayor said residents along the river must “stay calm” until the water recedes."
    quotes = found(parser, text)
    assert ("indirect", "residents along the river must “stay calm” until the water recedes") in quotes
    assert ("partial", "stay calm") in quotes


@pytest.mark.parametrize("text", [
    "The coach said his players “had given everything they had on a cold and windy night” in the final.",
    "The coach added he thinks “we are ready” to win the final on Sunday.",
])
def test_a_long_fragment_or_one_with_its_own_subject_is_a_partial_quote_alone(parser, text):
    assert [kind for kind, _ in found(parser, text)] == ["partial"]


def test_a_fragment_closing_the_clause_with_its_full_stop_inside_the_marks(parser):
    text = "The envoy urged the two neighbours to reopen the border and end the “increasingly costly standoff.”"
    quotes = found(parser, text)
    assert ("indirect", "to reopen the border and end the “increasingly costly standoff") in quotes
    assert ("partial", "increasingly costly standoff.") in quotes


def test_a_quoted_verb_of_the_clause_carries_the_claim(parser):
    text = "The coach told reporters he “regrets” that the league had ignored the players’ “concerns.”"
    assert [kind for kind, _ in found(parser, text)] == ["partial", "partial"]
