"""Mention linking: every name, title, metonym and pronoun of a document to an actor.

Every PERSON, ORG, GPE and NORP entity (and every knowledge-base name the tagger missed)
is linked to an actor: by name, alias, surname, fuzzy spelling, metonym or demonym, or
becomes a document-local actor. Titles without names link to the role's holder on the
article's date; he/she link to the most fitting earlier person.
"""
from __future__ import annotations

import functools
import re
import weakref
from typing import Iterable, Optional, cast

from rapidfuzz import fuzz
from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from detente.actors import acronyms, anonymous, pronouns, titles
from detente.actors.kb import NAME_PARTICLES, KnowledgeBase, fold, load_kb, slug, surname, surname_forms
from detente.lang.en import (
    CREDIT_VERBS,
    MEDIUM_NOUNS,
    NAME_JOINERS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PUBLISHING_VERBS,
    RELAY_VERBS,
    SOURCE_DOCUMENT_NOUNS,
    SPEECH_VERBS,
    THING_HEADS,
    TITLE_ABBREVIATIONS,
)
from detente.nlp import docinfo
from detente.records import Actor, ActorKind, LinkMethod, Mention, text_id

LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
PLACE_LABELS = ("GPE", "LOC", "FAC")
GOVERNMENT_NOUNS = {"administration", "government", "cabinet"}
EVENT_NOUNS = {"summit", "talks", "meeting", "conference", "agreement", "accords", "deal",
               "process", "format", "declaration", "forum"}
TIME_NOUNS = {"day", "days", "era", "times", "period", "years", "rule", "past"}
AGENT_DEPS = ("nsubj", "nsubjpass", "poss", "agent")
DASHES = {"-", "–", "—"}
FUZZY_MIN = 75
HONORIFICS = frozenset({"mr", "ms", "mrs", "dr"})
BYLINE_TOKENS = 12  # the longest byline line ("By …"), in tokens
BYLINE_START = re.compile(r"\s*by\b", re.IGNORECASE)  # how a byline line opens
ROLE_LOOK_BACK = 20_000  # characters before a role noun ("the mayor") searched for whom it names
ROLE_LOOK_AHEAD = 2  # sentences after a role noun's own ("Freedonia's envoy …") searched for whom it introduces
AUTHOR_PREPOSITIONS = ("by", "from", "of")
AUTHOR_LOOK_BACK = 400  # tokens: how far back "the report" looks for the report it names
DESIGNATION = re.compile(r"^[A-Z]+-\d")  # a model or weapon designation: S-400, F-35
ORG_NOUNS = ORGANISATION_NOUNS


class Linker:
    """The knowledge base and matchers one pipeline links with."""

    def __init__(self, kb: KnowledgeBase, vocab: Vocab, verbs: Optional[frozenset[str]] = None):
        self.kb = kb
        self.verbs = verbs  # English verbs, lower case ("watch", "read"); None: not known
        self.names = PhraseMatcher(vocab, attr="ORTH")
        tokenizer = cast(Tokenizer, English().tokenizer)
        self.names.add("KB", list(tokenizer.pipe(sorted(kb.surface_forms()))))
        self.titles = titles.matcher(vocab, tokenizer)


@functools.lru_cache(maxsize=8)
def linker_for(kb_dirs: tuple[str, ...], vocab: Vocab, verbs: Optional[frozenset[str]] = None) -> Linker:
    """The linker of the knowledge base in `kb_dirs`, built once per pipeline vocabulary."""
    return Linker(load_kb(kb_dirs), vocab, verbs)


def _headline(sent: Span) -> bool:
    """Whether a sentence is in title case (a headline), where the tagger's PERSON and ORG
    labels are unreliable ("Cracks Appear In NATO Unity"); worked out once per sentence."""

    def title_case() -> bool:
        if sent.text.rstrip().rstrip("\"”’)").endswith((".", "!", "?")):
            return False  # a sentence of the body, however many names it holds
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        return len(words) >= 3 and sum(_capitalised(t) or t.is_upper for t in words) >= 0.75 * len(words)

    return docinfo.info(sent.doc).memo(("headline", sent.start), title_case)


def _capitalised(t: Token) -> bool:
    """A word written with a capital and then small letters or none ('McCaul', 'Zelensky')."""
    return t.text[:1].isupper() and not t.is_upper


def _name_like(span: Span) -> bool:
    return all((_capitalised(t) or (t.is_upper and len(t) <= 5) or t.text in DASHES or t.lower_ in NAME_PARTICLES
                or (t.i > span.start and t.doc[t.i - 1].text in DASHES and t.is_lower and len(t) <= 3))
               for t in span) and span[-1].pos_ == "PROPN"  # Ursula von der Leyen, Zia-ul Haq


def _person_by_context(ent: Span) -> bool:
    """Whether a name the tagger took for an organisation is a person's by its context: an
    honorific before it (Ms. Tajaroensuk), a relative clause with "who", an age or a
    person's role without an article after it (Chalida Tajaroensuk, who heads …; Amina
    Wanjiru, 31, works …; Ana Ruiz, director at the fund, says …)."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS:
        return True
    after = doc[ent.end:ent.end + 3]
    if not all(_capitalised(t) for t in ent) or any(t.lower_ in ORG_NOUNS for t in ent):
        return False
    if _role_in_apposition(ent):
        return True  # Ana Ruiz, director at the fund, says …
    age = len(after) == 3 and after[1].like_num and after[2].text == ","  # Amina Wanjiru, 31, works …
    return len(after) >= 2 and after[0].text == "," and (after[1].lower_ == "who" or age) and len(ent) >= 2


def _role_in_apposition(name: Span) -> bool:
    """Whether a name is followed by a comma and a person's role without an article, in
    apposition: "Ana Ruiz, director at the fund", "Li Wei, the group's spokesman"."""
    after = name.doc[name.end:name.end + 1]
    role = [c for c in name.root.children if c.dep_ == "appos" and c.i > name.end and c.tag_ == "NN"
            and not any(d.dep_ == "det" for d in c.children)]
    return bool(role) and after.text == "," and (
        role[0].lemma_.lower() in PERSON_NOUNS or role[0].lower_ in titles.title_words())


def _untagged_people(doc: Doc) -> list[Span]:
    """Names the tagger gave no label that a person's role in apposition shows to be a
    person's (Ana Ruiz, the union's executive director, told …)."""
    out = []
    for t in docinfo.tokens_where(doc, "TAG", ("NNP",)):
        if t.ent_type_ or t.dep_ not in ("nsubj", "nsubjpass") or not _capitalised(t):
            continue
        name = Span(doc, _name_start(doc, t.i, t.i + 1), t.i + 1, label="PERSON")
        if len(name) > 1 and _role_in_apposition(name) and not any(w.lower_ in titles.title_words() for w in name):
            out.append(name)
    return out


def _name_start(doc: Doc, start: int, end: int) -> int:
    """The start of a person's name, back past the capitalised given names before it that
    the tagger left unlabelled (Siyoka | Simasiku, director at …), titles and honorifics not."""
    while start > doc[start].sent.start and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(
            start, end) and doc[start - 1].tag_ == "NNP" and doc[start - 1].is_alpha \
            and not doc[start - 1].ent_type_ and _capitalised(doc[start - 1]) \
            and doc[start - 1].lower_ not in titles.title_words() and doc[start - 1].lower_ not in HONORIFICS:
        start -= 1
    return start


def _name_end(ent: Span) -> int:
    """The end of a person's name, past capitalised names right after the entity that the
    tagger left out of it and gave no other label (Lau | PeiWen runs …)."""
    doc, end = ent.doc, ent.end
    while end < len(doc) and doc[end - 1].whitespace_ == " " and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ \
            and doc[end].text[:1].isupper() and doc[end].is_alpha and doc[end].lower_ not in titles.title_words() \
            and doc[end].lower_ not in ORG_NOUNS and doc[end].lower_ not in GOVERNMENT_NOUNS:
        end += 1
    return end


def _short_forms(names: Iterable[str], taken: set[str]) -> dict[str, str]:
    """Folded given name or family-first surname -> full name, for the short forms no
    surname claims and only one person of the document has: "Wei" for Wei Tianming,
    "Niran" for Niran Suwannarat, "Karimi" for Ahmad Zia al-Karimi."""
    found: dict[str, set[str]] = {}
    for name in names:
        parts = name.split()
        forms = [parts[0]] + [p.split("-", 1)[1] for p in parts[1:]
                              if "-" in p and p.split("-", 1)[0].lower() in NAME_PARTICLES]
        for form in forms:
            if len(form.strip(".")) > 1 and fold(form) not in taken:
                found.setdefault(fold(form), set()).add(name)
    return {key: next(iter(full)) for key, full in found.items() if len(full) == 1}


def _described_name(span: Span) -> Span:
    """The name at the end of a speaker phrase that opens with lower-case words describing
    the person ("international relations lecturer Ana Ruiz" -> "Ana Ruiz"); else `span`."""
    root, start = span.root, span.root.i
    if root.pos_ != "PROPN" or root.i != span.end - 1:
        return span
    while start > span.start and span.doc[start - 1].pos_ == "PROPN" and _capitalised(span.doc[start - 1]):
        start -= 1
    described = start > span.start and span.doc[start - 1].is_lower and span.doc[start - 1].pos_ == "NOUN"
    return span.doc[start:span.end] if described and root.i > start else span


def _names_a_thing(span: Span) -> bool:
    """Whether a name the KB does not know names no actor: a facility, programme, law or
    weapon by its head word (the last, the one before "for", "of" or "to", or the noun it
    modifies: "Korvan Rocket Launching Ground", "Green Schools Program for Rural Youth", the
    Velda Hills prison), a designation ("T-90"), or a title in quotation marks."""
    words = [t.lower_ for t in span]
    joiner = next((i for i, w in enumerate(words) if w in NAME_JOINERS and i > 0), len(words))
    if words[-1] in THING_HEADS or words[joiner - 1] in THING_HEADS or DESIGNATION.search(span.text):
        return True
    root = span.root
    if root.dep_ == "compound" and root.head.i == span.end and root.head.pos_ == "NOUN" \
            and root.head.lemma_.lower() in THING_HEADS:
        return True
    return _in_quotation_marks(span)


def _in_quotation_marks(span: Span) -> bool:
    """Whether a name stands alone in quotation marks, a title or label (the book “Stone
    Roads”, the so-called “Axis of Calm,”), not a name of an actor."""
    doc, end = span.doc, span.end
    if end < len(doc) and doc[end].is_punct and not doc[end].is_quote:
        end += 1
    return span.start > 0 and end < len(doc) and doc[span.start - 1].is_quote and doc[end].is_quote


def _document_noun(t: Token) -> bool:
    """A common noun for a written source: report, statement, data (lemma "datum")."""
    return t.pos_ == "NOUN" and (t.lower_ in SOURCE_DOCUMENT_NOUNS or t.lemma_.lower() in SOURCE_DOCUMENT_NOUNS)


def _countries_in(span: Span, country_mentions: list[tuple[int, str]]) -> set[str]:
    """The ids of the countries linked inside `span` (China, Beijing, Chinese, U.S.), from
    the document's country mentions as (start, actor id)."""
    return {actor_id for start, actor_id in country_mentions if span.start_char <= start < span.end_char}


class DocLinker:
    """Links the mentions of one document, keeping doc._.mentions and doc._.actors."""

    def __init__(self, linker: Linker, doc: Doc, speakers: Iterable[str] = ()):
        self.kb, self.linker, self.doc = linker.kb, linker, doc
        self.speakers = set(speakers)  # actor ids already resolved as speakers
        document = doc._.document
        self.date = document.published if document is not None else None
        self.doc_name = document.doc if document is not None else ""
        self.doc_id = document.id if document is not None else text_id(doc.text)
        if doc._.mentions is None:
            doc._.mentions = []
        if doc._.actors is None:
            doc._.actors = {}
        self.mentions: list[Mention] = doc._.mentions  # kept: each ``doc._`` makes an object
        self.actors: dict[str, Actor] = doc._.actors
        full = {fold(surname(a.name)): a.name for a in doc._.actors.values()
                if a.local and a.kind == "person"}
        self._local_names = {**_short_forms(full.values(), set(full)), **full}

    # --- the whole document ----------------------------------------------------------

    def link_all(self) -> None:
        spans = self._candidate_spans()
        self._local_names = self._local_full_names(spans)
        later = [s for s in spans if not self._link_span(s, first_pass=True)]
        for span in later:
            self._link_span(span, first_pass=False)
        self._link_bare_surnames()
        self._drop_bystanders()
        self._link_titles()
        pronouns.infer_genders(self.doc)
        self._link_unnamed_speakers()
        self._link_pronouns()
        self._drop_passing_countries()
        self._drop_passing_organisations()
        self.mentions.sort(key=lambda m: (m.start, m.end))

    def _candidate_spans(self) -> list[Span]:
        ents = []
        for ent in self._joined_ents():
            if ent.label_ in LABELS:
                ents.extend(self._pieces(ent, "PERSON" if ent.label_ == "ORG" and _person_by_context(ent) else None))
        ents.extend(_untagged_people(self.doc))
        taken = {t.i for s in ents for t in s}
        extra = [s for s in self.linker.names(self.doc, as_spans=True)
                 if not any(t.i in taken for t in s) and s[0].pos_ in ("PROPN", "ADJ", "NOUN")
                 and (_capitalised(s[0]) or s[0].is_upper)]
        return sorted(ents + filter_spans(extra), key=lambda s: s.start)

    def _joined_ents(self) -> list[Span]:
        """The tagger's entities, an organisation's name rejoined where the tagger split it
        at "for" or "of" (Andean Federation | for the | Defense of Indigenous Languages)."""
        doc = self.doc
        out: list[Span] = []
        for ent in doc.ents:
            last = out[-1] if out else None
            if last is not None and last.label_ == "ORG" and ent.label_ == "ORG" and not self.kb.by_name(last.text):
                between = doc[last.end:ent.start]
                if len(between) in (1, 2) and between[0].lower_ in NAME_JOINERS and all(
                        t.lower_ == "the" for t in between[1:]):
                    out[-1] = Span(doc, last.start, ent.end, label="ORG")
                    continue
            out.append(ent)
        return out

    def _pieces(self, ent: Span, label: Optional[str] = None) -> list[Span]:
        """An entity cleaned of leading articles, possessives and line breaks, and split at
        dashes joining two names ("Trump-Putin"); relabelled `label` when given."""
        doc, label = self.doc, label or ent.label_
        start, end = ent.start, ent.end
        if label == "PERSON":
            end = _name_end(ent)
            start = _name_start(doc, start, end)
        while start < end and (doc[start].pos_ in ("DET", "VERB", "AUX", "PUNCT") or doc[start].is_space):
            start += 1
        for i in range(start, end):
            if "\n" in doc[i].text or doc[i].is_space:
                end = i
                break
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
            end -= 1
        # "Caliber.Az": keep the whole written word
        while end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text.startswith(".") and len(doc[end]) > 1:
            end += 1
        pieces, piece_start = [], start
        for i in range(start, end):
            if doc[i].text in DASHES and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
                pieces.append((piece_start, i))
                piece_start = i + 1
        pieces.append((piece_start, end))
        if label == "PERSON" and len(pieces) > 1 and not all(self._known_piece(doc[s:e]) for s, e in pieces):
            pieces = [(start, end)]  # a hyphenated name: Maren Holt-Varga
        return [Span(doc, s, e, label=label) for s, e in pieces if e > s]

    def _known_piece(self, piece: Span) -> bool:
        text = docinfo.span_text(piece)
        return bool(self.kb.by_name(text) or self.kb.by_surname(text) or self.kb.by_metonym(text))

    def _local_full_names(self, spans: list[Span]) -> dict[str, str]:
        """Folded surname -> longest full form of each person the KB does not know."""
        out: dict[str, str] = {}
        for s in spans:
            if s.label_ == "PERSON" and len(s) > 1 and self._person_context_ok(s) and not self._kb_name(s):
                name = docinfo.span_text(self._strip_titles(s))
                key = fold(surname(name))
                if len(name) > len(out.get(key, "")):
                    out[key] = name
        return {**_short_forms(out.values(), set(out)), **out}

    # --- one name ----------------------------------------------------------------------

    def _link_span(self, span: Span, first_pass: bool) -> bool:
        """Link `span`; on the first pass only what needs no other mention. True when done."""
        found = self._kb_name(span) or self._government(span) or self._event(span)
        if not found and first_pass:
            return False
        found = found or self._by_surname(span) or self._local(span)
        if found:
            actor, method, confidence, (start, end) = found
            self._mention(start, end, actor, method, confidence)
        return True

    def _kb_name(self, span: Span):
        """Name, alias, metonym, capital or demonym in the knowledge base: a body's name as
        written (it may begin with a title word: the European Union, the Security
        Council), else the name without the title words before it."""
        kb = self.kb
        written_text = docinfo.span_text(span)
        written = kb.by_name(written_text)
        text = written_text if any(a.kind != "person" for a in written) else docinfo.span_text(self._strip_titles(span))
        if not text:
            return None
        where = (span.start_char, span.end_char)
        found = written if text == written_text else kb.by_name(text)
        if len(found) > 1:
            found = [a for a in found if a.id in self.actors] or found
        if len(found) == 1:
            method = "exact" if fold(text) == fold(found[0].name) else "alias"
            return found[0], method, 0.95 if method == "exact" else 0.9, where
        metonym, capital = kb.by_metonym(text), kb.by_capital(text)
        if metonym or capital:
            agentive = span.root.dep_ in AGENT_DEPS or span.root.head.lemma_ in SPEECH_VERBS
            choice = metonym if (agentive or not capital) else ([a for a in capital if a in metonym] or capital)
            if len(choice) > 1:
                choice = [a for a in choice if a.id in self.actors]
            if len(choice) == 1:
                return choice[0], "metonym", 0.8, where
        demonym = kb.by_demonym(text)
        if len(demonym) == 1 and not self._name_in_context(span) and span.root.head.lower_ not in TIME_NOUNS:
            return demonym[0], "alias", 0.85, where
        return None

    def _government(self, span: Span):
        """'the Biden administration' -> the country of Biden."""
        if len(span) < 2 or span[-1].lower_ not in GOVERNMENT_NOUNS:
            return None
        name = Span(self.doc, span.start, span.end - 1, label="PERSON")
        inner = self._kb_name(name) or self._by_surname(name)
        country = self.kb.get(inner[0].country) if inner and inner[0].kind == "person" else None
        if country is None:
            return None
        return country, "metonym", 0.75, (span.start_char, span.end_char)

    def _event(self, span: Span):
        """'NATO's Washington Summit', 'the Minsk talks' -> the place's country, if a capital."""
        if len(span) < 2 or span[-1].lower_ not in EVENT_NOUNS:
            return None
        place = span[:-1]
        capital = self.kb.by_capital(place.text) or self.kb.by_metonym(place.text)
        if len(capital) != 1:
            return None
        return capital[0], "metonym", 0.7, (place.start_char, place.end_char)

    def _by_surname(self, span: Span):
        """A surname (or a misspelling of one) of a person the document names in full,
        else a surname the knowledge base knows of one person."""
        name = self._strip_titles(span)
        if len(name) == 0:
            return None
        if len(name) > 1 and span.label_ == "PERSON" and (
                not self._person_context_ok(span) or (name.start == span.sent.start and self._may_be_a_verb(name[0]))):
            name = name[-1:]  # "Watch Turk lay down": a sentence-initial verb is no given name
        name_text = docinfo.span_text(name)
        key = fold(name_text)
        where = (name.start_char, name.end_char)
        people = [a for a in self.actors.values() if a.kind == "person"]
        for a in people:
            if any(key in surname_forms(n) for n in [a.name, *a.aliases]):
                return a, "surname", 0.9, where
        short = self._local_names.get(key) if len(name) == 1 else None
        if short is not None and f"local:{slug(short)}" in self.actors:
            return self.actors[f"local:{slug(short)}"], "surname", 0.85, where
        found = self.kb.by_surname(name_text)
        if len(found) == 1 and span.label_ in ("PERSON", "ORG") and name[-1].pos_ == "PROPN":
            return found[0], "surname", 0.8, where
        if len(name) > 1:
            misspelt = self._misspelt_full_name(name_text)
            if misspelt is not None:
                return misspelt[0], "fuzzy", round(0.6 + 0.3 * misspelt[1] / 100, 2), where
        if len(name) == 1 and self._name_in_context(span):
            scored = [(fuzz.ratio(key, fold(surname(a.name))), a) for a in people]
            scored = [(s, a) for s, a in scored if s >= FUZZY_MIN and key[:1] == fold(surname(a.name))[:1]]
            if scored:
                score, actor = max(scored, key=lambda sa: sa[0])
                return actor, "fuzzy", round(0.6 + 0.3 * score / 100, 2), where
        return None

    def _may_be_a_verb(self, word: Token) -> bool:
        """Whether a capitalised word could be an English verb ("Watch", "Read"), not a given
        name ("Jill"); any word may be where the pipeline knows no verbs."""
        return self.linker.verbs is None or word.lower_ in self.linker.verbs

    def _misspelt_full_name(self, text: str) -> Optional[tuple[Actor, float]]:
        """The one person of the knowledge base with the surname of the full name `text`
        whose name `text` misspells ("Malie Joly" for Mélanie Joly), with how close it is:
        the given name starts with the same letter and the whole name is within FUZZY_MIN."""
        key = fold(text)
        found = [a for a in self.kb.by_surname(surname(text)) if a.kind == "person"]
        if len(found) != 1:
            return None
        names = [fold(n) for n in [found[0].name, *found[0].aliases]]
        score = max((fuzz.ratio(key, n) for n in names if n[:1] == key[:1]), default=0.0)
        return (found[0], score) if score >= FUZZY_MIN else None

    def _name_in_context(self, span: Span) -> bool:
        """Whether a capitalised word is used as a person's name: tagged PERSON, or the
        bare singular subject of a verb ("Tursk said"), never "a Turk" or "Turks"."""
        root = span.root
        if root.tag_ != "NNP" or any(c.dep_ == "det" for c in root.children):
            return False
        return span.label_ == "PERSON" or (root.dep_ == "nsubj" and root.head.pos_ == "VERB")

    def _person_context_ok(self, span: Span) -> bool:
        return _name_like(self._strip_titles(span)) and not _headline(span.sent)

    def _strip_titles(self, span: Span) -> Span:
        """The span without leading title words ('President Zelenskiy' -> 'Zelenskiy')."""
        doc = span.doc
        titled = docinfo.info(doc).memo("title words", lambda: frozenset(
            docinfo.info(doc).positions(doc, "LOWER", titles.title_words())))
        start = span.start
        while start < span.end - 1 and start in titled:
            start += 1
        return span if start == span.start else doc[start:span.end]

    # --- document-local actors ------------------------------------------------------------

    def _local_person(self, span: Span):
        if not self._person_context_ok(span) or _in_quotation_marks(span):
            return None
        name = self._strip_titles(span)
        full = self._local_names.get(fold(surname(name.text)), name.text)
        if not fold(full).endswith(fold(name.text)):
            full = name.text  # another person of the same surname: Bill and Hillary Clinton
        actor = self._local_actor(full, "person", description=self._title_before(span))
        return actor, "local", 0.7, (name.start_char, name.end_char)

    def _local(self, span: Span):
        """A document-local person, organisation or place for a name the KB does not know."""
        where = (span.start_char, span.end_char)
        doc = self.doc
        if (span.start > 0 and doc[span.start - 1].text in DASHES and not doc[span.start - 1].whitespace_) or (
                span.end < len(doc) and doc[span.end].text in DASHES and not doc[span.end - 1].whitespace_):
            return None  # "Elmendorf–Richardson": part of a compound name
        if _names_a_thing(span):
            return None  # a facility, programme, law or weapon: "Korvan Rocket Launching Ground", "T-90"
        if span.label_ == "PERSON" and len(span) > 1:
            return self._local_person(span)
        if span.label_ == "PERSON" and len(span) == 1 and self._person_context_ok(span):
            full = self._local_names.get(fold(span.text))
            if full:
                return self._local_actor(full, "person"), "surname", 0.8, where
            if span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.lemma_ in SPEECH_VERBS:
                return self._local_actor(span.text, "person"), "local", 0.6, where
            return None
        if span.label_ == "ORG" and acronyms.is_acronym(span):
            defined = acronyms.defined_name(span)
            if defined is not None and _names_a_thing(defined):
                return None  # a programme's or a law's acronym: PISA, CAATSA
            expanded = self._expansion(span, defined)
            if expanded is not None:
                return expanded, "alias", 0.7, where
        if span.label_ == "ORG" and self._org_like(span):
            return self._full_organisation(span) or self._local_actor(span.text, "organisation"), "local", 0.6, where
        if span.label_ in PLACE_LABELS and len(span) > 1 and self._titled(span) and self._person_context_ok(span):
            return self._local_person(span)  # "Harbour Mayor Tomas Vellinga", tagged as a place
        if span.label_ in PLACE_LABELS and _capitalised(span[0]):
            return self._local_actor(span.text, "place"), "local", 0.5, where
        return None

    def _expansion(self, acronym: Span, name: Optional[Span]) -> Optional[Actor]:
        """The organisation an acronym stands for: `name`, the one the article defines it by
        (the Baloch Liberation Army, or BLA), else a local organisation of the document whose
        initials spell it (the Department of Homeland Security … DHS), else the first run of
        capitalised words in the article whose initials spell it."""
        if name is not None:
            known = self._kb_name(name)
            return known[0] if known else self._local_actor(name.text, "organisation")
        known = next((a for a in self.actors.values() if a.local and a.kind == "organisation"
                      and acronyms.initials(a.name.split()) == acronym.text), None)
        spelt = acronyms.spelt_out(acronym.doc, acronym.text) if known is None and len(acronym.text) >= 3 else None
        return known or (self._local_actor(spelt.text, "organisation") if spelt is not None else None)

    def _full_organisation(self, span: Span) -> Optional[Actor]:
        """The organisation already linked whose name ends in the words of `span` (the
        Department of Port Safety … Port Safety)."""
        if len(span) < 2:
            return None
        return next((a for a in self.actors.values() if a.kind == "organisation"
                     and fold(a.name).endswith(" " + fold(span.text))), None)

    def _org_like(self, span: Span) -> bool:
        """Whether an unknown ORG looks like an organisation's name: an acronym, a web
        outlet ('Caliber.Az') or several capitalised words; not a headline or title word."""
        if _headline(span.sent) or any(t.like_num for t in span) or span[0].lower_ in titles.title_words() \
                or span[-1].lower_ in GOVERNMENT_NOUNS | EVENT_NOUNS:
            return False
        if len(span) == 1:
            word = span.text
            return (word.isupper() and 2 <= len(word) <= 5) or "." in word.strip(".")
        return all(_capitalised(t) or t.is_upper or not t.is_alpha or t.is_stop for t in span) \
            and span[-1].pos_ == "PROPN"

    def _titled(self, span: Span) -> bool:
        """Whether a person's title comes right before `span` (Mayor, Minister, Dr.)."""
        before = self.doc[span.start - 1] if span.start > 0 else None
        return before is not None and _capitalised(before) and before.lower_.rstrip(".") in titles.title_words()

    def _title_before(self, span: Span) -> Optional[str]:
        """The title an article gives a person before the name ('German Defence Minister')."""
        doc, i = self.doc, span.start
        while i > span.sent.start and (_capitalised(doc[i - 1]) or doc[i - 1].is_upper) and not doc[i - 1].is_punct \
                and doc[i - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
            i -= 1
        words = doc[i:span.start].text
        return words if words and any(w in titles.title_words() for w in words.lower().split()) else None

    def _local_actor(self, name: str, kind: ActorKind, description: Optional[str] = None) -> Actor:
        actor_id = f"local:{slug(name)}"
        actor = self.actors.get(actor_id)
        if actor is None:
            actor = Actor(id=actor_id, name=name, kind=kind, description=description, local=True)
            self.actors[actor_id] = actor
        elif description and not actor.description:
            actor.description = description
        return actor

    def _drop_bystanders(self) -> None:
        """Forget the names that take no part in the story: bylines and credits (By Dorian
        Jones; Ilir Ikonomi contributed to this report), and outlets and platforms that only
        relay (told VOA, VOA's Korean Service, posted on X)."""
        doc, facts = self.doc, docinfo.info(self.doc)
        relay: dict[str, bool] = {}
        for m in self.mentions:
            tokens = facts.token_range(doc, m.start, m.end)
            if tokens is None or not m.actor_id:
                continue
            span = doc[tokens[0]:tokens[1]]
            if self._credit(span):
                relay.setdefault(m.actor_id, True)
                continue
            relay[m.actor_id] = relay.get(m.actor_id, True) and m.kind == "organisation" and self._relays(span)
        gone = {a for a, only in relay.items() if only}
        if gone:
            self.mentions[:] = [m for m in self.mentions if m.actor_id not in gone]
            _spans.pop(self.doc, None)
            for actor_id in gone:
                self.actors.pop(actor_id, None)

    def _drop_passing_countries(self) -> None:
        """Mark as places the countries named once in passing, as a place or a modifier (in
        Japan, French wine): named once and never as an agent, they take no part in the story."""
        doc, facts = self.doc, docinfo.info(self.doc)
        by_actor: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.actor_id and m.kind == "country":
                by_actor.setdefault(m.actor_id, []).append(m)
        gone = set()
        for actor_id, found in by_actor.items():
            if len(found) != 1 or found[0].method == "pronoun":
                continue
            tokens = facts.token_range(doc, found[0].start, found[0].end)
            if tokens is not None and doc[tokens[0]:tokens[1]].root.dep_ not in AGENT_DEPS:
                gone.add(actor_id)
        for m in self.mentions:
            if m.actor_id in gone:
                m.kind = "place"  # the country as a place, not as a party to the story

    def _drop_passing_organisations(self) -> None:
        """Forget the organisations the knowledge base does not know that the article names
        once in passing, never as an agent (a court, a programme's sponsor): they take no part
        in the story. One that speaks later is found again as a speaker."""
        doc, facts = self.doc, docinfo.info(self.doc)
        by_actor: dict[str, list[Mention]] = {}
        for m in self.mentions:
            actor = self.actors.get(m.actor_id) if m.actor_id else None
            if actor is not None and actor.local and actor.kind == "organisation":
                by_actor.setdefault(actor.id, []).append(m)
        gone = set()
        for actor_id, found in by_actor.items():
            tokens = facts.token_range(doc, found[0].start, found[0].end) if len(found) == 1 else None
            if tokens is not None and not self._agent(doc[tokens[0]:tokens[1]].root):
                gone.add(actor_id)
        if gone:
            self.mentions[:] = [m for m in self.mentions if m.actor_id not in gone]
            _spans.pop(doc, None)
            for actor_id in gone:
                self.actors.pop(actor_id, None)

    @staticmethod
    def _agent(root: Token) -> bool:
        """Whether a name acts in its sentence: a subject, a possessor or an agent (or in
        apposition to or coordinated with one), or the author of a written source (data
        from X, an X report)."""
        while root.dep_ in ("appos", "conj", "compound") and root.head != root:
            if root.dep_ == "compound" and _document_noun(root.head):
                return True
            root = root.head
        head = root.head
        if root.dep_ in AGENT_DEPS:
            return True
        return root.dep_ == "pobj" and (head.dep_ == "agent" or (
            head.lower_ in AUTHOR_PREPOSITIONS and _document_noun(head.head)))

    def _credit(self, span: Span) -> bool:
        """A name in a byline paragraph (By …) or a credit (… contributed to this report)."""
        text = docinfo.info(self.doc).text
        line_start = text.rfind("\n", 0, span.start_char) + 1
        return (BYLINE_START.match(text, line_start) is not None and self._byline(span)) or self._credited(span)

    def _byline(self, span: Span) -> bool:
        """Whether a name is in a byline paragraph: By …, no verb, at most BYLINE_TOKENS tokens."""
        doc, most = self.doc, BYLINE_TOKENS + 1  # look no further than a byline's length: linear time
        start = span.start
        while start > max(span.start - most, 0) and "\n" not in doc[start - 1].text:
            start -= 1
        end = span.end
        while end < min(span.end + most, len(doc)) and "\n" not in doc[end].text:
            end += 1
        line = doc[start:end]
        return line[0].lower_ == "by" and len(line) <= BYLINE_TOKENS and not any(t.pos_ == "VERB" for t in line)

    def _credited(self, span: Span) -> bool:
        """Whether a name is the subject of a credit verb (… contributed to this report)."""
        root = span.root
        while root.dep_ == "conj" and root.head != root:
            root = root.head
        verb = root.head
        return root.dep_ == "nsubj" and verb.lemma_ in CREDIT_VERBS and (
            verb.lemma_ != "report" or any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children))

    def _relays(self, span: Span) -> bool:
        """Whether an organisation's mention is that of a medium the story passes through:
        the addressee of a speech verb (told the Post), a platform (on X), a service or
        reporter of it, the employer of a credited journalist (the Post's Ana Ruiz
        contributed), the one who asked (asked by the Post)."""
        doc, root = self.doc, span.root
        if span.end < len(doc) and doc[span.end].lower_ in MEDIUM_NOUNS:
            return True
        if (root.dep_ in ("poss", "compound") and root.head.lower_ in MEDIUM_NOUNS) or any(
                t.lower_ in MEDIUM_NOUNS for t in span[1:]):
            return True
        head = root.head
        if root.dep_ in ("poss", "compound") and head.ent_type_ == "PERSON" and head.dep_ == "nsubj" \
                and head.head.lemma_ in CREDIT_VERBS:
            return True
        if root.dep_ in ("dobj", "dative") and (head.lemma_ in SPEECH_VERBS or head.lemma_ in RELAY_VERBS):
            return True
        if root.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_ == "ask":
            return True
        return root.dep_ == "pobj" and head.lower_ in ("to", "on", "with") and (
            head.head.lemma_ in SPEECH_VERBS or head.head.lemma_ in RELAY_VERBS or head.lower_ == "on")

    def _link_bare_surnames(self) -> None:
        """Surnames of the document's people that the tagger did not mark as names."""
        known = {surname(a.name): a for a in self.actors.values()
                 if a.kind == "person" and len(a.name.split()) > 1}
        covered = {(m.start, m.end) for m in self.mentions}
        taken = {i for m in self.mentions for i in range(m.start, m.end)}
        for tok in docinfo.tokens_where(self.doc, "ORTH", known):
            actor = known.get(tok.text)
            if actor and tok.pos_ == "PROPN" and tok.idx not in taken and (tok.idx, tok.idx + len(tok)) not in covered:
                self._mention(tok.idx, tok.idx + len(tok), actor, "surname", 0.85)

    # --- titles and pronouns -----------------------------------------------------------------

    def _link_titles(self) -> None:
        for span in titles.title_spans(self.doc, self.linker.titles):
            found = self._title(span)
            if found:
                self._mention(span.start_char, span.end_char, found, "title", 0.8)

    def _title(self, span: Span) -> Optional[Actor]:
        """The holder of the role a title without a name names, on the article's date."""
        doc = self.doc
        if span[-1].tag_ in ("NNS", "NNPS"):
            return None  # "foreign ministers": several people
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and (after.ent_type_ == "PERSON" or self._mention_at(after.idx)):
            return None  # "Secretary of State Marco Rubio": the name is linked itself
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.lower_ == "as":
            return None  # "Tusk, as head of ...": describes someone named
        if before is not None and before.text == "," and span.start > 1 and self._person_at(doc[span.start - 2]):
            return None  # "Kaja Kallas, the EU's foreign policy chief": an apposition
        if _indefinite(span.root):
            return None  # "a State Department spokesperson": someone the text does not name
        of = self._title_of(span)
        if of is None and not span[0].is_title:
            return None  # "the president", "an aide": which one the text does not say
        named = frozenset(m.actor_id for m in self.mentions if m.actor_id and m.start < span.start_char)
        found = titles.holder(self.kb, span.text, of, self.date, named)
        return found or self._role_holder_after(span, span.root)  # a holder the KB does not know: named next

    def _title_of(self, span: Span) -> Optional[str]:
        """The country or organisation a title is of: 'Poland's', 'Polish', 'NATO', 'of NATO'."""
        doc = self.doc
        i = span.start - 1
        while i >= span.sent.start and (doc[i].tag_ == "POS" or doc[i].lower_ in ("the", "a", "an")):
            i -= 1
        candidates = [doc[i]] if i >= span.sent.start else []
        if span.end < len(doc) and doc[span.end].lower_ == "of":
            candidates.extend(c for c in doc[span.end].children if c.dep_ == "pobj")
        for tok in candidates:
            m = self._mention_at(tok.idx, inside=True)
            actor = self.actors.get(m.actor_id) if m and m.actor_id else None
            if actor is not None and actor.kind == "person":
                actor = self.kb.get(actor.country)
            if actor is not None and actor.kind in ("country", "organisation"):
                return actor.id
        return None

    def _link_unnamed_speakers(self) -> None:
        """Link people a text introduces by role as they speak (a ferry captain said …) as
        anonymous sources before the pronouns, so that a later "he" can stand for them
        rather than for a name in passing. Only an indefinite phrase introduces someone new;
        "the mayor" may be a person named before. One the article names next by a fitting
        title (a senior envoy said … Ambassador Ana Torres told …) is that person."""
        facts = docinfo.info(self.doc)
        for t in docinfo.tokens_where(self.doc, "TAG", ("NN",)):
            if _introduces_a_speaker(t) and self._mention_at(t.idx, inside=True) is None \
                    and not facts.is_quoted(t.idx):
                span = self.doc[t.left_edge.i:t.i + 1]
                named = self._role_holder_after(span, t)
                if named is not None:
                    self._mention(span.start_char, span.end_char, named, "title", 0.75)
                else:
                    self._anonymous(span, 0.5)

    def _link_pronouns(self) -> None:
        for tok in docinfo.tokens_where(self.doc, "LOWER", pronouns.GENDER):
            if pronouns.pronoun_kind(tok) in ("male", "female"):
                found = pronouns.resolve(self.doc, tok, self.speakers)
                if found:
                    self._mention(tok.idx, tok.idx + len(tok), found[0], "pronoun", found[1])

    # --- speakers ---------------------------------------------------------------------------

    def speaker(self, span: Span) -> Optional[Mention]:
        """The mention of the actor who speaks as `span`, added to the document if new."""
        doc = self.doc
        if len(span) == 1 and pronouns.pronoun_kind(span[0]):
            existing = self._mention_at(span[0].idx)
            if existing is not None and existing.start == span.start_char:
                return existing
            found = pronouns.resolve(doc, span[0], self.speakers)
            if found is None:
                source = self._unnamed_subject_before(span[0])
                return self._anonymous(source, 0.5) if source is not None else None
            return self._mention(span.start_char, span.end_char, found[0], "pronoun", found[1])
        if len(span) == 1 and span[0].lower_ == "it" and span[0].pos_ == "PRON":
            found = pronouns.resolve(doc, span[0], self.speakers, kind="neuter")
            return self._mention(span.start_char, span.end_char, found[0], "pronoun", found[1]) if found else None
        covering = self._mention_at(span.root.idx, inside=True)
        named = next((t for t in span if t.pos_ != "DET"), span[0])
        if covering is not None and covering.start <= named.idx and covering.end >= span.end_char \
                and covering.method != "pronoun":
            return covering  # part of a longer name: "The Andean Federation" for the Federation for the …
        inside = [m for m in self.mentions if m.start >= span.start_char and m.end <= span.end_char]
        if _document_noun(span.root) and not inside:
            author = self._author(span.root) or self._earlier_author(span.root)
            if author is not None:  # "according to data from X", "the report" after "X's report"
                return self._mention(span.start_char, span.end_char, author, "metonym", 0.7)
        role = self._role_noun(span)
        orgs = [m for m in inside if m.kind == "organisation" and m.method != "pronoun"]
        if role is not None and role.lemma_.lower() in ORG_NOUNS and orgs:
            return orgs[-1]  # "the Harbour Daily news agency", "the Kestrel rights group": the name is the body
        if role is not None:
            antecedent = self._role_antecedent(span, role) or self._role_holder_after(span, role)
            if antecedent is not None:
                return self._mention(span.start_char, span.end_char, antecedent, "title", 0.75)
            # "Erdogan's communication chief", "a Jakarta-based social worker": the names
            # inside modify the speaker and are not the speaker
            if role.lemma_.lower() not in GOVERNMENT_NOUNS | SOURCE_DOCUMENT_NOUNS:
                inside = []
        people = [m for m in inside if m.kind == "person" and m.method != "pronoun"]
        if people:
            return people[-1]
        for piece in titles.title_spans(doc, self.linker.titles):
            if piece.start < span.start or piece.end > span.end:
                continue
            actor = self._title(piece)
            if actor is not None:
                return self._mention(span.start_char, span.end_char, actor, "title", 0.8)
        if anonymous.is_source(span):
            return self._anonymous(span, 0.7)
        own = self._own_name(span) if inside else span
        if own is None:
            return max(inside, key=lambda m: m.end - m.start)
        own = _described_name(own)
        person = _name_like(own) and own.root.lower_ not in ORG_NOUNS
        clean = Span(doc, own.start, own.end, label="PERSON" if person else "ORG")
        found = self._kb_name(clean) or self._by_surname(clean) or (
            self._local_person(clean) if len(clean) > 1 else self._local(clean))
        if found:
            actor, method, confidence, (start, end) = found
            return self._mention(start, end, actor, method, confidence)
        if span.root.pos_ == "NOUN" and anonymous.speaks_by_role(span):  # "a receptionist", "a JetBlue pilot"
            return self._anonymous(span, 0.5)
        return None

    def _anonymous(self, span: Span, confidence: float) -> Mention:
        actor = anonymous.anonymous_actor(span, self.doc_id, lambda s: (self._kb_name(s) or (None,))[0])
        self.actors.setdefault(actor.id, actor)
        return self._mention(span.start_char, span.end_char, self.actors[actor.id], "anonymous", confidence)

    def _unnamed_subject_before(self, pronoun: Token) -> Optional[Span]:
        """For a he or she no name fits, the latest person named by role as a subject in
        its sentence or the one before (A ferry captain … described the crossing. “…,” he
        said): a singular person noun, as the source it stands for."""
        doc = self.doc
        first = doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else pronoun.sent.start
        for t in reversed(doc[first:pronoun.i]):
            if t.dep_ == "nsubj" and t.tag_ == "NN" and anonymous.is_person_noun(t):
                return doc[t.left_edge.i:t.i + 1]
        return None

    def _own_name(self, span: Span) -> Optional[Span]:
        """The speaker's own name when the mentions inside `span` only modify it: "the
        Norwegian Coastal Research Institute" (not Norway), "Norway's Halvard Brekke" (not
        Norway); None when a mention covers the head."""
        root = span.root
        if root.pos_ != "PROPN" or any(m.start <= root.idx < m.end for m in self.mentions):
            return None
        start = max([t.i + 1 for t in span if t.tag_ == "POS"] + [span.start])
        while start < root.i and self.doc[start].pos_ in ("DET", "PUNCT"):
            start += 1
        own = self.doc[start:span.end]
        return own if all(_capitalised(t) or t.is_upper or t.is_stop for t in own) else None

    # --- written sources ------------------------------------------------------------------

    def _author(self, noun: Token) -> Optional[Actor]:
        """Who a document noun is by: its possessor or modifier (the OECD's report, World
        Bank data), "by", "from" or "of" X, the agent of its participle (a report released
        by X) or the subject of the verb that published it (X released a report)."""
        authors = [c for c in noun.children if c.dep_ in ("poss", "compound") and c.i < noun.i]
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in PUBLISHING_VERBS:
            authors.extend(c for c in noun.head.children if c.dep_ == "nsubj")
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in AUTHOR_PREPOSITIONS:
                authors.extend(o for o in c.children if o.dep_ == "pobj")
            if c.dep_ == "acl":
                authors.extend(o for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj")
        return self._actor_of(authors)

    def _earlier_author(self, noun: Token) -> Optional[Actor]:
        """Who the latest earlier written source was by: a document of the same kind (the
        report … the report), the subject of the same word as a verb (X reported that …
        the report) or a body named with "according to" (according to the ministry … a
        statement said)."""
        lemma = noun.lemma_.lower()
        for tok in reversed(self.doc[max(0, noun.i - AUTHOR_LOOK_BACK):noun.i]):
            if tok.lemma_.lower() == lemma and _document_noun(tok):
                author = self._author(tok)
            elif tok.lemma_.lower() == lemma and tok.pos_ == "VERB":
                author = self._actor_of([c for c in tok.children if c.dep_ == "nsubj"])
            elif tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0 \
                    and self.doc[tok.head.i - 1].lower_ == "according":
                author = self._actor_of([tok])
            else:
                continue
            if author is not None:
                return author
        return None

    def _actor_of(self, tokens: list[Token]) -> Optional[Actor]:
        """The person, organisation or country of the first of `tokens` a linked mention (not a pronoun) covers."""
        for token in tokens:
            m = self._mention_at(token.idx, inside=True)
            if m is None or not m.actor_id or m.method == "pronoun":
                continue
            actor = self.actors.get(m.actor_id)
            if actor is not None and actor.kind in ("person", "organisation", "country"):
                return actor
        return None

    # --- role nouns -----------------------------------------------------------------------

    def _role_noun(self, span: Span) -> Optional[Token]:
        """The head of a speaker phrase that names a role, not a name: "the mayor", "the
        rights group", "Erdogan's communication chief" (a common noun no mention covers)."""
        root = span.root
        if root.pos_ != "NOUN" or root.tag_ == "NNS" or self._mention_at(root.idx, inside=True) is not None \
                or root.lemma_.lower() in SOURCE_DOCUMENT_NOUNS:
            return None
        return root

    def _role_antecedent(self, span: Span, role: Token) -> Optional[Actor]:
        """The person or organisation the article introduced earlier with the role `span`
        names (Solo Mayor Hadi Rudyatmo … the mayor; LICADHO, a rights group … the group;
        Secretary of State Marco Rubio … the top U.S. diplomat), the most recent first.
        A bare organisation noun ("the group", "the company") falls back to the most recent
        organisation named before."""
        doc = self.doc
        lemma, canon = self._role_terms(span, role)
        words = {t.lower_ for t in span if t.pos_ in ("NOUN", "ADJ", "PROPN") and t.i != role.i
                 and self._mention_at(t.idx, inside=True) is None}
        country_mentions = self._country_mentions()
        owners = _countries_in(span[:role.i - span.start], country_mentions)
        best: Optional[tuple[bool, int, int, Actor]] = None
        latest_org: Optional[tuple[int, Actor]] = None
        earlier = self._actor_mentions_between(span.start_char - ROLE_LOOK_BACK, span.start_char)
        countries: dict[str, set[str]] = {}
        for m, actor, tokens in earlier:
            if actor.kind == "organisation" and (latest_org is None or m.start > latest_org[0]) and (
                    actor.id in self.speakers or doc[tokens[0]:tokens[1]].root.dep_ in AGENT_DEPS[:2]):
                latest_org = (m.start, actor)
            context, lemmas, text = self._role_context(tokens, actor)
            if _fits_role(lemmas, text, lemma, canon):
                own = self._countries_of(actor, earlier, country_mentions, countries)
                if owners and own and not owners & own:
                    continue  # "China's envoy" names no envoy of another country
                key = (bool(owners & own), len(words & {w.split("|")[1] for w in context}), m.start)
                if best is None or key > best[:3]:
                    best = (*key, actor)
        if best is not None:
            return best[3]
        if lemma in ORG_NOUNS and latest_org is not None:
            return latest_org[1]
        return None

    def _role_holder_after(self, span: Span, role: Token) -> Optional[Actor]:
        """The person a role phrase that no earlier mention holds introduces before naming
        them: the one person named later in its sentence or in the ROLE_LOOK_AHEAD
        sentences after it whose own title, apposition or description fits the role, of
        the country the phrase names where both say (Freedonia's envoy rejected the charge.
        "…," Ambassador Ana Torres said). Where no one fits, the one person first named in
        a later sentence of the window as a subject with no description at all (China's
        envoy told reporters … Fu Ling blamed …): news names someone new so only right
        after giving the role. None when no one or more than one could be the one."""
        doc = self.doc
        if not anonymous.is_person_noun(role):
            return None
        last = span.sent
        for _ in range(ROLE_LOOK_AHEAD):
            if last.end < len(doc):
                last = doc[last.end].sent
        lemma, canon = self._role_terms(span, role)
        country_mentions = self._country_mentions()
        owners = _countries_in(doc[role.left_edge.i:role.i], country_mentions)
        later = [(m, actor, tokens) for m, actor, tokens in self._actor_mentions_between(span.end_char, last.end_char)
                 if actor.kind == "person" and doc[tokens[0]:tokens[1]].root.left_edge.i > role.i]  # not its own title
        countries: dict[str, set[str]] = {}
        fitting, undescribed = set(), set()
        for m, actor, tokens in later:
            _, lemmas, text = self._role_context(tokens, actor)
            own = self._countries_of(actor, later, country_mentions, countries)
            if _fits_role(lemmas, text, lemma, canon) and not (owners and own and not owners & own):
                fitting.add(actor.id)
            elif not lemmas and tokens[0] >= span.sent.end and _subject(doc[tokens[0]:tokens[1]].root) \
                    and not self._named_before(actor, m.start):
                undescribed.add(actor.id)
        chosen = fitting or undescribed
        return self.actors[next(iter(chosen))] if len(chosen) == 1 else None

    def _named_before(self, actor: Actor, char: int) -> bool:
        """Whether a mention of `actor` starts before character `char`."""
        return any(m.actor_id == actor.id and m.start < char for m in self.mentions)

    def _role_terms(self, span: Span, role: Token) -> tuple[str, set[str]]:
        """What a role phrase asks of the person it names: the role's lemma and the
        canonical titles its plain words may stand for ("envoy": special envoy, ambassador)."""
        canon: set[str] = set()
        plain = [t.lower_ for t in span if t.pos_ in ("NOUN", "ADJ") and self._mention_at(t.idx, inside=True) is None]
        for k in range(len(plain)):
            canon.update(c.lower() for c in titles.variants().get(" ".join(plain[k:]), ()))
        return role.lemma_.lower(), canon

    def _country_mentions(self) -> list[tuple[int, str]]:
        """The document's mentions of countries as (start, actor id), those named once in
        passing (kept as places) too: "the Chinese envoy" names China's envoy."""
        countries = {a.id for a in self.actors.values() if a.kind == "country"}
        return [(m.start, m.actor_id) for m in self.mentions if m.actor_id in countries]

    def _actor_mentions_between(self, start: int, end: int) -> list[tuple[Mention, Actor, tuple[int, int]]]:
        """The mentions of people and organisations (not pronouns or anonymous sources)
        that start between characters `start` and `end`, with their actors and tokens."""
        doc, facts = self.doc, docinfo.info(self.doc)
        out = []
        for m in self.mentions:
            if not start <= m.start < end or m.method in ("pronoun", "anonymous") or not m.actor_id:
                continue
            actor = self.actors.get(m.actor_id)
            if actor is None or actor.kind not in ("person", "organisation"):
                continue
            tokens = facts.token_range(doc, m.start, m.end)
            if tokens is not None:
                out.append((m, actor, tokens))
        return out

    def _countries_of(self, actor: Actor, found: list[tuple[Mention, Actor, tuple[int, int]]],
                      country_mentions: list[tuple[int, str]], memo: dict[str, set[str]]) -> set[str]:
        """The countries an actor belongs to: its own and those the descriptions of its
        mentions in `found` name; kept in `memo` by actor id."""
        if actor.id not in memo:
            memo[actor.id] = {actor.country} if actor.country else set()
            memo[actor.id].update(
                c for _, a, (start, end) in found if a.id == actor.id
                for part in self._context_parts(self.doc[start:end]) for c in _countries_in(part, country_mentions))
        return memo[actor.id]

    def _context_parts(self, mention: Span) -> list[Span]:
        """The phrases the article describes a mention's actor with: the title before the
        name, an apposition on either side and a copula's complement (Pinto is the former
        director of …); worked out once per mention, since every role noun asks again."""
        doc = self.doc
        offsets = docinfo.info(doc).memo(("context parts", mention.start, mention.end),
                                         lambda: [(p.start, p.end) for p in self._described_by(mention)])
        return [doc[start:end] for start, end in offsets]

    def _described_by(self, mention: Span) -> list[Span]:
        doc, root = self.doc, mention.root
        parts: list[Span] = [doc[root.left_edge.i:mention.start]]
        for c in root.children:
            if c.dep_ in ("appos", "acl", "relcl") and c.i > root.i:
                parts.append(doc[c.left_edge.i:c.right_edge.i + 1])
        if root.dep_ == "appos":
            head = root.head
            parts.append(doc[head.left_edge.i:head.i + 1])
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
            parts.extend(doc[c.left_edge.i:c.right_edge.i + 1] for c in root.head.children if c.dep_ == "attr")
        return parts

    def _role_context(self, mention: tuple[int, int], actor: Actor) -> tuple[frozenset[str], frozenset[str], str]:
        """The words of the phrases that describe the mention of tokens `mention` (see
        _context_parts) and of the actor's description, as "lemma|word"; their lemmas; and
        those lemmas as one space-padded string: worked out once per mention and description."""

        def compute() -> tuple[frozenset[str], frozenset[str], str]:
            parts = self._context_parts(self.doc[mention[0]:mention[1]])
            words = {f"{t.lemma_.lower()}|{t.lower_}" for part in parts for t in part if t.is_alpha}
            words.update(f"{w}|{w}" for part in parts for t in part
                         if (w := TITLE_ABBREVIATIONS.get(t.lower_.rstrip("."), "")))  # Gen. … the general
            words.update(f"{w}|{w}" for w in (actor.description or "").lower().split())
            lemmas = frozenset(w.split("|")[0] for w in words)
            return frozenset(words), lemmas, " " + " ".join(sorted(lemmas)) + " "

        return docinfo.info(self.doc).memo(("role context", *mention, actor.description), compute)

    # --- bookkeeping -----------------------------------------------------------------------

    def _mention(self, start: int, end: int, actor: Actor, method: LinkMethod, confidence: float) -> Mention:
        existing = _by_span(self.doc).get((start, end))
        if existing is not None:
            return existing
        self.actors.setdefault(actor.id, actor)
        mention = Mention(doc=self.doc_name, doc_id=self.doc_id, start=start, end=end,
                          text=docinfo.info(self.doc).text[start:end], actor=actor.name, actor_id=actor.id,
                          kind=actor.kind, method=method, confidence=confidence)
        self.mentions.append(mention)
        return mention

    def _mention_at(self, char: int, inside: bool = False) -> Optional[Mention]:
        for m in self.mentions:
            if m.start == char or (inside and m.start <= char < m.end):
                return m
        return None

    def _person_at(self, token: Token) -> bool:
        m = self._mention_at(token.idx, inside=True)
        return m is not None and m.kind == "person"


def _introduces_a_speaker(t: Token) -> bool:
    """Whether `t` heads an indefinite singular person noun that is the subject of a speech
    verb (a ferry captain said …)."""
    return t.dep_ == "nsubj" and t.tag_ == "NN" and t.head.lemma_ in SPEECH_VERBS and anonymous.is_person_noun(t) \
        and _indefinite(t)


def _fits_role(lemmas: frozenset[str], text: str, lemma: str, canon: set[str]) -> bool:
    """Whether the lemmas describing an actor (`text`: the same, space-padded) hold a
    role's lemma or every word of one of the canonical titles it may stand for."""
    return lemma in lemmas or any(all(" " + w + " " in text for w in c.split() if w not in ("of", "the"))
                                  for c in canon)


def _subject(token: Token) -> bool:
    """Whether a word is a clause's subject or coordinated with one (Ana and Lina said)."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _indefinite(noun: Token) -> bool:
    """Whether a noun has the indefinite article: "a spokesperson", "an aide"."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


_spans: "weakref.WeakKeyDictionary[Doc, tuple[int, int, dict[tuple[int, int], Mention]]]" = weakref.WeakKeyDictionary()


def _by_span(doc: Doc) -> dict[tuple[int, int], Mention]:
    """The mentions of `doc` by (start, end), brought up to date with those appended since
    (one mention per span, so that adding one costs constant time, not a scan)."""
    mentions = doc._.mentions
    owner, count, index = _spans.get(doc, (0, 0, {}))
    if owner != id(mentions) or count > len(mentions):
        count, index = 0, {}
    for m in mentions[count:]:
        index.setdefault((m.start, m.end), m)
    _spans[doc] = (id(mentions), len(mentions), index)
    return index
