"""Parsed Docs as bytes, stored with each document so that a stage can run again later
(``detente restance``) without parsing the article again.

A parse is kept as its token array (``Doc.to_array``) with the strings its values name,
read off the array's distinct values rather than token by token (a spaCy DocBin visits
every token for them, which doubles the cost); parses stored as DocBins by earlier
versions still load.
"""
from __future__ import annotations

import zlib

import numpy
import srsly
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

ATTRS = ("ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "LEMMA", "MORPH", "POS",
         "SENT_START")
"""What a stored parse keeps: tokens, tags, dependencies, entities, lemmas, morphology,
parts of speech and sentence starts (a Doc's extensions are not kept)."""
STRING_COLUMNS = [i for i, attr in enumerate(ATTRS) if attr not in ("HEAD", "ENT_IOB", "POS", "SENT_START")]
FORMAT = "detente-parse-1"
COMPRESSION = 3
"""zlib's level: output within 5% of its default's size, made faster."""


def doc_bytes(doc: Doc) -> bytes:
    """The parse of `doc` as bytes (see ``ATTRS``)."""
    array = doc.to_array(list(ATTRS))
    strings = doc.vocab.strings
    message = {
        "format": FORMAT, "attrs": list(ATTRS), "tokens": len(doc), "array": array.tobytes(),
        "spaces": doc.to_array("SPACY").astype(bool).tobytes(),
        "strings": [strings[int(key)] for key in numpy.unique(array[:, STRING_COLUMNS]) if key],
    }
    return zlib.compress(srsly.msgpack_dumps(message), COMPRESSION)


def doc_from_bytes(vocab: Vocab, data: bytes) -> Doc:
    """The parsed Doc that `doc_bytes` stored (or a DocBin of one Doc), over `vocab`."""
    message = srsly.msgpack_loads(zlib.decompress(data))
    if message.get("format") != FORMAT:
        (doc,) = DocBin().from_bytes(data).get_docs(vocab)
        return doc
    for string in message["strings"]:
        vocab.strings.add(string)
    attrs = message["attrs"]
    array = numpy.frombuffer(message["array"], dtype=numpy.uint64).reshape(message["tokens"], len(attrs))
    spaces = numpy.frombuffer(message["spaces"], dtype=bool).tolist()
    words = [vocab.strings[int(key)] for key in array[:, attrs.index("ORTH")]]
    return Doc(vocab, words=words, spaces=spaces).from_array(attrs, array)  # type: ignore[arg-type]  # thinc's Ints2d
