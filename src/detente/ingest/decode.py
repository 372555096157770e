"""Turning a file's bytes into text, with a clear reason when they are not text."""
from __future__ import annotations

import codecs
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Optional, Union

from charset_normalizer import from_bytes

from ..records import Problem
from .clean import shown


class NotText(Exception):
    """The bytes are not decodable text; the message says why."""


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode `data` as UTF-8 (or UTF-16 with a BOM, or `encoding` when given)."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as err:
            raise NotText(f"could not be decoded as {encoding}: {err}") from err
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise NotText("looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        guess = suggest_encoding(data[:65536])
        hint = f"; it looks like {guess}, so try --encoding {guess}" if guess else ""
        raise NotText(
            f"is not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}){hint}"
        ) from err


WESTERN = ("cp1252",)
"""Encodings tried first for text that is not UTF-8: most such news text is Western."""


def suggest_encoding(data: bytes) -> str | None:
    """An encoding that turns `data` into plausible text (Western ones first), or None."""
    guess = from_bytes(data).best()
    for encoding in (*WESTERN, *([guess.encoding] if guess else [])):
        try:
            if plausible(data.decode(encoding)):
                return encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def plausible(text: str) -> bool:
    """Whether decoded text reads as text: in mostly ASCII text, the other characters are
    no controls; text mostly outside ASCII is letters of a script other than Latin
    (Latin letters and symbols in bulk are the signs of a wrong decoding)."""
    unusual = [c for c in text if not c.isascii()]
    if len(unusual) < len(text) / 4:
        return not any(unicodedata.category(c)[0] == "C" for c in unusual)
    letters = [c for c in unusual if c.isalpha()]
    scripts = Counter(unicodedata.name(c, "?").split()[0] for c in letters)
    return len(letters) >= 0.8 * len(unusual) and scripts.most_common(1)[0][0] != "LATIN"


def read_text(path: Path, encoding: Optional[str] = None) -> Union[str, Problem]:
    """The decoded text of a file, or the Problem saying why it is not text."""
    try:
        return decode(path.read_bytes(), encoding)
    except NotText as err:
        return Problem(shown(path), str(err))
