"""Turning a file's bytes into text, with a clear reason when they are not text."""
from __future__ import annotations

import codecs
from pathlib import Path
from typing import Optional, Union

from charset_normalizer import from_bytes

from ..records import Problem


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
        guess = from_bytes(data[:65536]).best()
        hint = f"; it looks like {guess.encoding}, so try --encoding {guess.encoding}" if guess else ""
        raise NotText(
            f"is not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}){hint}"
        ) from err


def read_text(path: Path, encoding: Optional[str] = None) -> Union[str, Problem]:
    """The decoded text of a file, or the Problem saying why it is not text."""
    try:
        return decode(path.read_bytes(), encoding)
    except NotText as err:
        return Problem(str(path), str(err))
