"""Helpers the tests share: running a pipeline on a text as an article."""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from detente.records import Document, text_id

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
DATA = Path(__file__).resolve().parent / "data"


def parse(nlp: Language, text: str, published: str | None = "2025-08-12", name: str = "article.txt") -> Doc:
    """`text` run through `nlp` as the article `name`, dated `published`."""
    doc = nlp.make_doc(text)
    doc._.document = Document(id=text_id(text), doc=name, source=name, text=text, published=published)
    return nlp(doc)


def speaker_of(doc: Doc, fragment: str) -> str | None:
    """The speaker of the first quote of `doc` whose text holds `fragment`."""
    hits = [q for q in doc._.quotes if fragment in q.text]
    assert hits, [q.text for q in doc._.quotes]
    return hits[0].speaker
