"""Pairing quotation marks: quotations whose closing mark never comes."""
from __future__ import annotations

import pytest

from detente.nlp.quotemarks import find_quotes


def contents(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


@pytest.mark.parametrize("text, content", [
    ("The mayor spoke to reporters.\n\n“The bridge will reopen in spring. We owe the ferry crews a great deal.\n\n"
     "The council met again on Tuesday.",
     "The bridge will reopen in spring. We owe the ferry crews a great deal."),
    ("Asked about the strike, the harbour master said: \"Nobody wins when the cranes stand still.",
     "Nobody wins when the cranes stand still."),
], ids=["paragraph left open", "article ends open"])
def test_a_quotation_never_closed_ends_with_its_paragraph(text, content):
    assert contents(text) == [content]


def test_a_quotation_reopened_without_closing_ends_before_the_next_one():
    text = ("“The orchards need rain,” the grower said. “The wells are low and the river is lower. "
            "“We will plant barley instead,” she added.")
    assert contents(text) == ["The orchards need rain,", "The wells are low and the river is lower.",
                              "We will plant barley instead,"]


@pytest.mark.parametrize("text", [
    "The committee called the plan a \"bridge to nowhere and left the hall.",
    "The rangers said ‘the dam would hold, and it did.",
], ids=["double mark inside a sentence", "single mark"])
def test_a_stray_mark_inside_a_sentence_opens_nothing(text):
    assert contents(text) == []
