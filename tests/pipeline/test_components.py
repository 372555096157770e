"""Each Détente component works when added alone to a plain spaCy pipeline, found by its
entry point, as spaCy users add any component."""
from __future__ import annotations

import pytest
import spacy

from detente.config import DEFAULT_MODEL
from detente.pipeline import COMPONENTS

SENTENCE = ("“Ukraine will never give up its territory,” Ukrainian Foreign Minister Andrii Sybiha told "
            "reporters in Kyiv on Monday.")


@pytest.mark.parametrize("component", sorted(COMPONENTS.values()))
def test_a_component_added_alone_runs_on_a_news_sentence(component):
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe(component)
    doc = nlp(SENTENCE)
    assert nlp.pipe_names[-1] == component
    if component == "detente_actors":
        assert {m.actor_id for m in doc._.mentions} >= {"andrii-sybiha", "ukraine"}
        kyiv = next(t for t in doc if t.text == "Kyiv")
        assert doc._.resolver.resolve(doc[kyiv.i:kyiv.i + 1]).actor_id == "ukraine"
    elif component == "detente_quotes":
        (quote,) = doc._.quotes
        assert quote.text.startswith("Ukraine will never give up") and quote.speaker is None  # no actors stage
        assert quote.speaker_text.endswith("Andrii Sybiha")
    elif component == "detente_events":  # a concession denied is a refusal, its source unlinked
        assert [(e.type, e.source, e.source_id, e.trigger, e.tense) for e in doc._.events] == [
            ("REJECT", ["Ukraine"], [None], "give up", "future")]
    else:  # without actors and quotes, the holder is the named entity, unlinked
        assert ("Andrii Sybiha", None, "territorial-concessions", "oppose") in {
            (s.actor, s.actor_id, s.issue, s.stance) for s in doc._.statements}


def test_the_stages_together_attribute_the_quote_and_its_stance(build_pipeline):
    doc = build_pipeline()(SENTENCE)
    (quote,) = doc._.quotes
    assert quote.speaker_id == "andrii-sybiha"
    assert ("andrii-sybiha", "territorial-concessions", "oppose", quote.id) in {
        (s.actor_id, s.issue, s.stance, s.quote_id) for s in doc._.statements}


def test_components_declare_what_they_assign():
    nlp = spacy.load(DEFAULT_MODEL)
    for name in COMPONENTS.values():
        nlp.add_pipe(name)
    assigns = {name: meta.assigns for name, meta in ((n, nlp.get_pipe_meta(n)) for n in COMPONENTS.values())}
    assert "doc._.resolver" in assigns["detente_actors"]
    assert assigns["detente_quotes"] == ["doc._.quotes"] and assigns["detente_stances"] == ["doc._.statements"]
