"""Parsed Docs as bytes (a spaCy DocBin), stored with each document so that a stage can run
again later (``detente restance``) without parsing the article again."""
from __future__ import annotations

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab


def doc_bytes(doc: Doc) -> bytes:
    """The parse of `doc` as bytes: tokens and their spacing, tags, lemmas, morphology,
    dependencies, sentence starts and entities (its extensions are not kept)."""
    docs = DocBin()
    docs.add(doc)
    return docs.to_bytes()


def doc_from_bytes(vocab: Vocab, data: bytes) -> Doc:
    """The parsed Doc that `doc_bytes` stored, over `vocab`."""
    (doc,) = DocBin().from_bytes(data).get_docs(vocab)
    return doc
