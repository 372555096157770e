"""Stored parses: a Doc comes back from its bytes as it was parsed, and parses stored as
spaCy DocBins by earlier versions still load."""
from __future__ import annotations

import pytest
from spacy.tokens import DocBin
from spacy.vocab import Vocab

from detente.nlp.stored import doc_bytes, doc_from_bytes

TEXT = ("The envoy of Valdoria, Marta Quell, told the council on Friday that her government "
        "would not sign the water accord.\n\n“We have waited long enough,” she said.")


@pytest.fixture(scope="module")
def parsed(build_pipeline):
    nlp = build_pipeline(stages=[])
    return nlp, nlp(TEXT)


def _annotations(doc):
    return [(t.text, t.whitespace_, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_iob_,
             t.ent_type_, t.is_sent_start) for t in doc]


def test_a_parse_comes_back_with_its_tags_tree_entities_and_sentences(parsed):
    nlp, doc = parsed
    back = doc_from_bytes(nlp.vocab, doc_bytes(doc))
    assert back.text == TEXT
    assert _annotations(back) == _annotations(doc)
    assert [(e.text, e.label_) for e in back.ents] == [(e.text, e.label_) for e in doc.ents]
    assert [s.text for s in back.sents] == [s.text for s in doc.sents]


def test_a_parse_stored_as_a_docbin_still_loads(parsed):
    nlp, doc = parsed
    old = DocBin()
    old.add(doc)
    assert _annotations(doc_from_bytes(nlp.vocab, old.to_bytes())) == _annotations(doc)


def test_a_parse_loads_into_a_fresh_vocabulary(parsed):
    nlp, doc = parsed
    back = doc_from_bytes(Vocab(), doc_bytes(doc))
    assert [t.lemma_ for t in back] == [t.lemma_ for t in doc]
    assert [t.dep_ for t in back] == [t.dep_ for t in doc]


def test_an_empty_text_round_trips(parsed):
    nlp, _ = parsed
    assert len(doc_from_bytes(nlp.vocab, doc_bytes(nlp("")))) == 0
