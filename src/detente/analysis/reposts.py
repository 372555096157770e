"""Near-duplicate articles: reposts and syndicated copies of one story, found with
MinHash over word shingles (datasketch), so that a story counts once however often it
was published. Exact copies never reach the store (`ingest.corpus`); these are copies
with another headline, a credit line, a trimmed paragraph or a few changed words.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Optional

from datasketch import MinHash, MinHashLSH

from detente.analysis.settings import settings
from detente.analysis.table import Table
from detente.records import Document, Statement

_WORD = re.compile(r"\w+")


def _shingles(text: str, size: int) -> set[str]:
    words = _WORD.findall(unicodedata.normalize("NFKC", text).lower())
    return {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))}


def _signature(text: str, options: dict) -> MinHash:
    signature = MinHash(num_perm=options["permutations"], seed=options["seed"])
    signature.update_batch([s.encode("utf-8") for s in _shingles(text, options["shingle_words"])])
    return signature


def reposts(documents: Iterable[Document], similarity: Optional[float] = None) -> Table:
    """One row per article found to copy an earlier one: `copy` and `original` (document
    ids and names, headlines) and the estimated Jaccard `similarity` of their word
    shingles, at least `similarity` (default: settings.yaml). The original of a group is
    its earliest article (by date, then name); every copy points to it."""
    options = dict(settings()["reposts"])
    threshold = options["similarity"] if similarity is None else similarity
    ordered = sorted(documents, key=lambda d: (d.published or "9999", d.doc))
    index = MinHashLSH(threshold=threshold, num_perm=options["permutations"])
    signatures: dict[str, MinHash] = {}
    original_of: dict[str, str] = {}
    by_id = {d.id: d for d in ordered}
    rows = Table()
    for doc in ordered:
        signature = _signature(doc.text, options)
        matches = [(signature.jaccard(signatures[m]), m) for m in index.query(signature)]
        close = sorted(((score, m) for score, m in matches if score >= threshold), key=lambda p: -p[0])
        if close:
            score, match = close[0]
            original = by_id[original_of.get(match, match)]
            original_of[doc.id] = original.id
            rows.append({"copy_id": doc.id, "copy": doc.doc, "copy_title": doc.title,
                         "original_id": original.id, "original": original.doc, "original_title": original.title,
                         "similarity": round(score, 3)})
        signatures[doc.id] = signature
        index.insert(doc.id, signature)
    return rows


def without_reposts(statements: Iterable[Statement], copies: Iterable[dict]) -> list[Statement]:
    """The statements that are not from an article `copies` (rows of `reposts`) names as a copy."""
    dropped = {row["copy_id"] for row in copies}
    return [s for s in statements if s.doc_id not in dropped]
