"""Article dates from where publishers put them, never from a date the story mentions."""
from __future__ import annotations

import pytest

from detente.ingest.text import document_from_text

MENTIONS = ("Talks resume in Geneva\n\nThe envoys last met on March 3, 2024, and again on 2024-06-01, "
            "officials said.\nNeither side has published a draft since then.")


@pytest.mark.parametrize("text, name, url, expected", [
    (MENTIONS, "politico_2016-10-02_talks-resume.txt", None, ("2016-10-02", "file name")),
    (MENTIONS, "story-20191125.txt", None, ("2019-11-25", "file name")),
    (MENTIONS, "talks.txt", "https://example.org/world/2023/05/17/talks-resume", ("2023-05-17", "url")),
    ("Talks resume\nBy Jane Doe | March 3, 2024\n\nThe envoys met again on June 1, 2024.", "a.txt", None,
     ("2024-03-03", "byline")),
    ("Talks resume\n\nGENEVA, Oct. 4, 2022 (Reuters) - The envoys met again, a year after June 1, 2021.",
     "a.txt", None, ("2022-10-04", "dateline")),
    ("Talks resume\nPublished: Tue, 08/12/2025 – 04:15\n\nThey met on June 1, 2024.", "a.txt", None,
     ("2025-08-12", "dateline")),
])
def test_dates_from_names_urls_bylines_and_datelines(text, name, url, expected):
    doc = document_from_text(text, name, name, url=url)
    assert (doc.published, doc.date_method) == expected


@pytest.mark.parametrize("name", ["talks.txt", "report-2025-13-45.txt", "id_123456789.txt"])
def test_a_date_merely_mentioned_is_no_date(name):
    doc = document_from_text(MENTIONS, name, name)
    assert (doc.published, doc.date_method) == (None, None)


@pytest.mark.parametrize("name, outlet", [("politico_2016-10-02_talks-resume.txt", "politico"),
                                          ("voa_6180015.txt", None), ("2016-10-02_talks.txt", None),
                                          ("politico_2016-99-02_talks.txt", None)])
def test_an_archive_file_name_gives_the_outlet(name, outlet):
    assert document_from_text(MENTIONS, name, name).outlet == outlet
