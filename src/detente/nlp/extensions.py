"""Doc extensions: each stage registers the ones it fills, so that it works when added
alone to a spaCy pipeline.

``doc._.document`` (the :class:`~detente.records.Document` being analysed: its name,
id and date) is shared by all stages; the pipeline sets it before they run.
"""
from __future__ import annotations

from spacy.tokens import Doc


def register_extensions(*names: str) -> None:
    """Register each Doc extension in `names` (default None) that is not registered yet."""
    for name in names:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions("document")
