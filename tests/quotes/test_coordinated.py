"""Coordinated statements in reported speech: a clause the parser joined to the cue stays
in the content; a second cue verb starts a statement of its own. Sentences of our own."""
import pytest

from helpers import parse


@pytest.fixture(scope="module")
def parser(plain_pipeline):
    return plain_pipeline("detente_quotes")


def texts(nlp, text):
    return [q.text for q in parse(nlp, text, name="a.txt")._.quotes]


@pytest.mark.parametrize("text, content", [
    ("The fisherman says he tried to reach the shore but the current pulled him back.",
     "he tried to reach the shore but the current pulled him back"),
    ("The director said the museum can reopen quickly, but the repairs are also costly.",
     "the museum can reopen quickly, but the repairs are also costly"),
])
def test_a_clause_joined_to_the_cue_stays_in_the_content(parser, text, content):
    assert content in texts(parser, text)


@pytest.mark.parametrize("text, first, second", [
    ("The mayor said the ferry will resume in May, and added that the fares will not rise.",
     "the ferry will resume in May", "the fares will not rise"),
    ("The curator said the paintings were found in an attic and said she wanted to lend them to the city.",
     "the paintings were found in an attic", "she wanted to lend them to the city"),
])
def test_a_second_cue_starts_a_statement_of_its_own(parser, text, first, second):
    found = texts(parser, text)
    assert first in found and second in found


def test_that_and_that_is_one_statement(parser):
    text = "The minister said the vote was rushed and that he would ask the court to annul it."
    assert "the vote was rushed and that he would ask the court to annul it" in texts(parser, text)


@pytest.mark.parametrize("text, content", [
    ("The ministry said in a letter that the border would stay closed until June.",
     "the border would stay closed until June"),
    ("Hours later, the harbour authority said in a statement that the ferry sank at dawn.",
     "the ferry sank at dawn"),
])
def test_the_clause_after_in_a_statement_is_the_content(parser, text, content):
    assert content in texts(parser, text)


def test_a_relative_clause_on_the_statement_is_not_the_content(parser):
    text = "The ministry said in a letter that it sent to the mayor that the border would stay closed."
    assert "it sent to the mayor" not in " ".join(texts(parser, text))


def test_a_clause_of_the_narrator_after_a_cue_between_commas_is_not_the_content(parser):
    text = ("The bridge was safe until the flood, the engineer said, but now the town council "
            "wants a second inspection.")
    found = texts(parser, text)
    assert "The bridge was safe until the flood" in found
    assert not any("council" in t for t in found), found
