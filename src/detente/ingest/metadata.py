"""Finding a plain-text article's headline, date and author in its text."""
from __future__ import annotations

import re
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


def find_date(lines: list[str]) -> tuple[Optional[str], Optional[str]]:
    """The article's date as (ISO date, method): a line that is only a date (a dateline)
    first, else the first date written out with its year anywhere in the text."""
    candidates = []
    for index, line in enumerate(lines):
        for pattern in _DATE_PATTERNS:
            for match in pattern.finditer(line):
                rest = line[: match.start()] + line[match.end():]
                is_dateline = not _DATELINE_EXTRAS.sub("", rest)
                candidates.append((not is_dateline, index, match.group(0)))
    for not_dateline, _, raw in sorted(candidates):
        parsed = dateparser.parse(
            raw, languages=["en"], settings={"DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first"}
        )
        if parsed:
            return parsed.date().isoformat(), ("text" if not_dateline else "dateline")
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
