"""Finding a plain-text article's headline, date, author and outlet.

The date comes from where a publisher puts it, never from a date the story merely
mentions: the URL (`/2025/08/12/`), the file name (`outlet_2025-08-12_slug.txt`), a
byline (`By Jane Doe | Aug. 12, 2025`) or a dateline (a line that is only a date, or a
wire dateline `KYIV, Aug. 12, 2025 (Reuters) -`). The method is recorded beside it.
A file named OUTLET_DATE_SLUG also gives the outlet.
"""
from __future__ import annotations

import re
from datetime import date as Date
from typing import Optional

import dateparser

_HEADLINE_MAX_WORDS = 25
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_PATTERNS = [
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b"),
    re.compile(rf"\b{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}\b"),
    re.compile(rf"\b\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}\b"),
]
_NAME_DATES = [
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_/.](?P<m>[01]\d)[-_/.](?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
]
_OUTLET_NAME = re.compile(r"^([a-z][a-z0-9.-]*)_(\d{4}-\d{2}-\d{2})_")
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]+,\s+(?:[A-Z][a-z]+,\s+)?$")
_BYLINE_LEAD = re.compile(r"^\s*By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*[|,–—-]\s*")
_BYLINE = re.compile(r"^\s*By\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s*$")
_NAME_LINE = re.compile(r"^\s*([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\s*$")
_DATELINE_EXTRAS = re.compile(
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?|\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?|"
    r"\b(?:UTC|GMT|[A-Z]{2,4}T)\b|\b(?:Published|Updated|Posted)(?: on)?:?|[\s,\-–—|:()]+"
)


def find_title(lines: list[str]) -> Optional[str]:
    """The first line, when it reads as a headline: short, unpunctuated, followed by text."""
    if len(lines) < 2:
        return None
    first = lines[0].strip()
    words = first.split()
    if not words or len(words) > _HEADLINE_MAX_WORDS:
        return None
    if first.rstrip("\"”’'")[-1:] in (".", ",", ";", ":"):
        return None
    if not any(line.strip() for line in lines[1:]):
        return None
    return first


def date_in_name(name: Optional[str]) -> Optional[str]:
    """The ISO date a URL or file name holds (2025-08-12, 2025/08/12, 20250812), if valid."""
    for pattern in _NAME_DATES:
        for match in pattern.finditer(name or ""):
            try:
                return Date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
            except ValueError:
                continue
    return None


def outlet_in_name(name: Optional[str]) -> Optional[str]:
    """The outlet a file name starts with when it reads OUTLET_DATE_SLUG
    (`politico_2016-10-02_talks.txt` → `politico`), as news archives name their files."""
    match = _OUTLET_NAME.match(name or "")
    return match.group(1) if match and date_in_name(match.group(2)) else None


def _line_date(line: str) -> Optional[tuple[str, str]]:
    """(raw date, method) when the line is a dateline or a byline with a date."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(line):
            before, after = line[: match.start()], line[match.end():]
            rest = before + after
            if not _DATELINE_EXTRAS.sub("", rest):
                return match.group(0), "dateline"
            if _BYLINE_LEAD.match(before) and not _DATELINE_EXTRAS.sub("", _BYLINE_LEAD.sub("", before) + after):
                return match.group(0), "byline"
            if _WIRE_DATELINE.match(before) and re.match(r"^\s*(?:\([^)]{1,40}\))?\s*[-–—]", after):
                return match.group(0), "dateline"
    return None


def find_date(lines: list[str], url: Optional[str] = None, name: Optional[str] = None,
              ) -> tuple[Optional[str], Optional[str]]:
    """The article's date as (ISO date, method): from its URL, else its file name, else a
    byline or dateline of the text; (None, None) when none holds one."""
    for where, method in ((url, "url"), (name, "file name")):
        found = date_in_name(where)
        if found:
            return found, method
    for line in lines:
        hit = _line_date(line)
        if hit is None:
            continue
        parsed = dateparser.parse(
            hit[0], languages=["en"], settings={"DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first"})
        if parsed:
            return parsed.date().isoformat(), hit[1]
    return None, None


def find_author(lines: list[str]) -> tuple[Optional[str], Optional[str]]:
    """The author as (name, method): a "By Name" byline, else a signature line before a dateline."""
    for line in lines:
        match = _BYLINE.match(line)
        if match:
            return match.group(1), "byline"
    stripped = [line for line in lines if line.strip()]
    for index in range(len(stripped) - 1, max(len(stripped) - 4, 0) - 1, -1):
        match = _NAME_LINE.match(stripped[index])
        followed_by_date = index + 1 < len(stripped) and find_date([stripped[index + 1]])[0]
        if match and followed_by_date:
            return match.group(1), "signature"
    return None, None
