"""What DocInfo works out once per document."""
from __future__ import annotations

import spacy

from detente.nlp import docinfo


def test_is_quoted_tells_characters_inside_double_quotation_marks_from_those_outside():
    text = 'The envoy called it "a first step" and the minister said "not yet." Talks resume Monday.'
    doc = spacy.blank("en")(text)
    facts = docinfo.info(doc)
    inside = [text.index("first"), text.index("not yet")]
    outside = [text.index("envoy"), text.index("minister"), text.index("Talks"), text.index('"a first')]
    assert all(facts.is_quoted(char) for char in inside)
    assert not any(facts.is_quoted(char) for char in outside)
    assert facts.is_quoted(text.index("step")) and not facts.is_quoted(text.index(" and the"))


def test_positions_finds_tokens_of_a_kind_in_order_and_tokens_where_yields_them(build_pipeline):
    nlp = build_pipeline(stages=[])
    doc = nlp("She said the envoy had left. He denied it, and she repeated her claim.")
    facts = docinfo.info(doc)
    assert [doc[i].text for i in facts.positions(doc, "LOWER", ("she", "he"))] == ["She", "He", "she"]
    assert [t.text for t in docinfo.tokens_where(doc, "POS", ("VERB",))] == [
        t.text for t in doc if t.pos_ == "VERB"]
    assert [t.text for t in docinfo.tokens_where(doc, "ORTH", (",",))] == [","]
    assert facts.positions(doc, "LOWER", ("nowhere",)) == []


def test_distinct_lists_each_word_once_and_positions_takes_many_values_alike():
    doc = spacy.blank("en")("Talks in Oslo, talks in Rome, then Vienna and Geneva; talks in Oslo again next week.")
    facts = docinfo.info(doc)
    assert sorted(facts.distinct(doc, "ORTH")) == sorted({t.text for t in doc})
    assert sorted(facts.distinct(doc, "LOWER")) == sorted({t.lower_ for t in doc})
    many = [w for w in facts.distinct(doc, "ORTH") if w not in (",", "in")]
    assert len(many) > docinfo.FEW_VALUES
    assert facts.positions(doc, "ORTH", many) == [t.i for t in doc if t.text in many]
