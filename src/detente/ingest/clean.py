"""Clean strings before they are stored: no control characters, no bidi overrides, and
file names that are always valid text."""
from __future__ import annotations

import os
import re
from pathlib import Path

# C0 controls but tab, newline and carriage return; DEL and C1 controls; the bidi
# embedding, override and isolate controls and marks; noncharacters U+FFFE, U+FFFF.
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")

LINE_BREAKS = re.compile("[\x0b\x0c\x85]")  # vertical tab, form feed, next line: line breaks kept as such


def clean_text(text: str) -> str:
    """`text` without control characters (tab kept, line breaks as newlines) and bidi
    controls, which would otherwise end up inside names, exports and the report."""
    return UNSAFE.sub("", LINE_BREAKS.sub("\n", text))


def shown(path: Path | str) -> str:
    """A path as text that is always valid UTF-8: bytes of a file name that are not
    UTF-8 become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")
