"""The model as Détente loads it: paragraph boundaries set before the parser."""
from __future__ import annotations


def test_a_line_break_starts_a_sentence_even_without_a_full_stop(build_pipeline):
    nlp = build_pipeline(stages=[])
    doc = nlp("Talks resume in Geneva\nThe envoy arrives Monday and\n\nthe ministers follow on Tuesday")
    starts = [s[0].text for s in doc.sents if not s[0].is_space]
    assert starts == ["Talks", "The", "the"]


def test_a_text_without_line_breaks_or_tokens_is_left_alone(build_pipeline):
    nlp = build_pipeline(stages=[])
    assert len(nlp("")) == 0
    assert [s.text for s in nlp("Talks resume.").sents] == ["Talks resume."]
