"""Statements: who stands where on which issue, with the sentence that shows it.

The ``detente_stances`` component finds the phrases of an issue taxonomy's cues in each
sentence, works out their polarity in context (``stance_polarity.walk``) and attributes
the position to whoever holds it:

- inside a quotation (``doc._.quotes``), to its speaker;
- otherwise, to the subject or possessor of the stance or speech word that governs the
  phrase ("Zelensky flatly rejected any deal that stripped Ukraine of land", "Trump's
  push for Ukraine to recognize Russia's annexation of Crimea");
- "rejected the proposal" takes the issues of the proposal described in the sentences
  just before, and its evidence spans from that description to the rejection.

Several statements of one actor on one issue in one document may disagree; with
``resolve_conflicts`` the minority side is dropped (ties keep both). ``actor_kinds``
says whose positions count: by default persons, organisations and groups, leaving out
whole countries (named in passing, "Kyiv balked") and anonymous sources, which a
discourse network cannot follow from one article to the next.

Without ``doc._.quotes`` only reported positions are found; without ``doc._.mentions``
their holders are the named entities of the sentence.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from detente.issues import Cue, Taxonomy, clue_text, load_taxonomy, normalise
from detente.records import Quote, Statement, record_id
from detente.stance_polarity import PROPOSALS, Step, agents, hypothetical, walk

DEFAULT_KINDS = ("person", "organisation", "group")
ANTECEDENT_WINDOW = 3
GROUP_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})  # too vague to hold a position
ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "country"}


@dataclass(frozen=True)
class Holder:
    """An actor a position is attributed to."""

    name: str
    actor_id: Optional[str]
    kind: str


@dataclass(frozen=True)
class Finding:
    """A position found in one sentence, before it becomes a Statement."""

    holder: Holder
    issue: str
    stance: str
    start: int
    end: int
    quote_id: Optional[str]
    confidence: float


@Language.factory(
    "detente_stances",
    default_config={"issues": "ukraine-peace-2025", "actor_kinds": list(DEFAULT_KINDS), "resolve_conflicts": True},
)
def make_stances(nlp: Language, name: str, issues: str, actor_kinds: list, resolve_conflicts: bool):
    """The stance component, for the taxonomy `issues` (a shipped name or a file path)."""
    return StanceDetector(load_taxonomy(issues), tuple(actor_kinds), resolve_conflicts)


class StanceDetector:
    """Sets ``doc._.statements`` from the taxonomy's cues, quotes and reported positions."""

    def __init__(self, taxonomy: Taxonomy, actor_kinds: tuple = DEFAULT_KINDS, resolve_conflicts: bool = True):
        self.taxonomy = taxonomy
        self.actor_kinds = frozenset(actor_kinds)
        self.resolve_conflicts = resolve_conflicts

    def __call__(self, doc: Doc) -> Doc:
        findings = list(self.find(doc))
        if self.resolve_conflicts:
            findings = majority(findings)
        doc._.statements = to_statements(doc, findings)
        return doc

    def find(self, doc: Doc) -> Iterable[Finding]:
        """Every position found in `doc`, one per sentence, holder and issue."""
        sents = list(doc.sents)
        proposals: list[tuple[int, dict]] = []  # (sentence index, {issue: (depth, polarity)})
        for n, sent in enumerate(sents):
            found: dict[tuple, Finding] = {}
            described: dict[str, tuple[int, int]] = {}
            for cue, anchor, span in cue_matches(sent, self.taxonomy.cues):
                for finding in self.attribute(doc, sent, cue, anchor, span, described):
                    key = (finding.holder.name, finding.issue)
                    if key not in found or rank(finding) > rank(found[key]):
                        found[key] = finding
            for finding in self.anaphora(doc, sents, n, proposals):
                found.setdefault((finding.holder.name, finding.issue), finding)
            if described and any(t.lemma_.lower() in PROPOSALS and t.pos_ == "NOUN" for t in sent):
                proposals.append((n, described))
            yield from found.values()

    def attribute(self, doc: Doc, sent: Span, cue: Cue, anchor: Token, span: frozenset,
                  described: dict) -> Iterable[Finding]:
        """Positions on `cue`'s issue found from the phrase headed by `anchor`; notes in
        `described` what the sentence says a proposal would do on the issue."""
        keep_negation = not cue.spells_negation
        quote = enclosing_quote(doc, anchor)
        holder = self.quote_holder(doc, quote) if quote is not None else None
        if holder is not None:
            steps = walk(anchor, span, cue.polarity, stop=quote_tokens(doc, quote), keep_negation=keep_negation)
            yield quoted(holder, cue, anchor, steps[-1], sent, quote)
            return
        steps = walk(anchor, span, cue.polarity, keep_negation=keep_negation)
        describe(cue, anchor, span, steps, described)
        findings = []
        for step in steps:
            if step.role is None or step.token.i in span:
                continue
            for holder in self.holders(doc, step.token):
                stance = "neutral" if hypothetical(step.token) else decide(cue, step, asserted=step.role == "speech")
                findings.append(Finding(holder, cue.issue, stance, sent.start_char, sent.end_char, None,
                                        confidence(stance, step, quoted=False)))
        yield from findings
        if all(f.stance == "neutral" for f in findings):
            partial = enclosing_quote(doc, anchor, kinds=("partial",))
            holder = self.quote_holder(doc, partial) if partial is not None else None
            if holder is not None:  # "a softer appeal that Ukraine be “closely involved”"
                yield quoted(holder, cue, anchor, steps[-1], sent, partial)

    def anaphora(self, doc: Doc, sents: list, n: int, proposals: list) -> Iterable[Finding]:
        """"X rejected the proposal": X's stance on the issues of the proposal described
        in the sentences just before."""
        earlier = [(m, issues) for m, issues in proposals if n - ANTECEDENT_WINDOW <= m < n]
        if not earlier:
            return
        m, described = earlier[-1]
        issue = min(described, key=lambda i: described[i][0])  # the proposal's gist
        polarity = described[issue][1]
        for token in sents[n]:
            if not (token.lemma_.lower() in PROPOSALS and token.dep_ in ("dobj", "nsubjpass")
                    and any(c.lower_ in ("the", "this", "that", "such") for c in token.children)):
                continue
            verb = token.head
            steps = walk(token, frozenset({token.i}), 1)
            step = next((s for s in steps if s.token.i == verb.i), None)
            if step is None or step.role != "stance":
                continue
            stance = "support" if polarity * step.polarity > 0 else "oppose"
            for holder in self.holders(doc, verb):
                yield Finding(holder, issue, stance, sents[m].start_char, sents[n].end_char, None, 0.5)

    def holders(self, doc: Doc, token: Token) -> list[Holder]:
        """The actors who hold the position `token` expresses (its subject or possessor)."""
        found = []
        for head in agents(token):
            for member in members(head):
                holder = self.holder_of(doc, member)
                if holder is not None and holder not in found:
                    found.append(holder)
        return found

    def holder_of(self, doc: Doc, token: Token) -> Optional[Holder]:
        holder = mention_holder(doc, token) or entity_holder(doc, token)
        if holder is None or holder.kind not in self.actor_kinds:
            return None
        return holder

    def quote_holder(self, doc: Doc, quote: Quote) -> Optional[Holder]:
        if not quote.speaker:
            return None
        actor = (doc._.actors or {}).get(quote.speaker_id) if quote.speaker_id else None
        kind = actor.kind if actor is not None else ("anonymous" if quote.speaker.startswith("anonymous") else "person")
        holder = Holder(quote.speaker, quote.speaker_id, kind)
        return holder if holder.kind in self.actor_kinds else None


def cue_matches(sent: Span, cues: list[Cue]) -> Iterable[tuple[Cue, Token, frozenset]]:
    """Each cue found in `sent`, with the head token of the matched phrase and the
    indices of the tokens it covers; a match that begins or ends a longer one is left
    out, so the more specific issue wins ("Russian sovereignty over Crimea")."""
    text = normalise(sent.text)
    lowered = clue_text(text)
    spans = []
    for cue in cues:
        if not cue.may_occur(lowered):
            continue
        for match in cue.pattern.finditer(text):
            char_span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
            if char_span is not None and len(char_span):
                spans.append((cue, char_span))
    for cue, span in spans:
        if any(other.start <= span.start and span.end <= other.end and len(other) > len(span)
               and (other.start == span.start or other.end == span.end) for _, other in spans):
            continue
        yield cue, span.root, frozenset(range(span.start, span.end))


def quoted(holder: Holder, cue: Cue, anchor: Token, top: Step, sent: Span, quote: Quote) -> Finding:
    """The position a quotation's speaker takes with the phrase headed by `anchor`."""
    stance = "neutral" if hypothetical(anchor, within=top.token) else decide(cue, top, asserted=True)
    return Finding(holder, cue.issue, stance, sent.start_char, sent.end_char, quote.id,
                   confidence(stance, top, quoted=True))


def describe(cue: Cue, anchor: Token, span: frozenset, steps: list[Step], described: dict) -> None:
    """Note what the sentence says on `cue`'s issue, for a later "rejected the proposal":
    the polarity at the proposal noun (or the root), shallowest phrase first."""
    content = next((s for s in steps if s.role == "proposal" and s.token.i not in span), steps[-1])
    if content.neutral or (cue.needs_stance_word and not content.marked):
        return
    depth = len(list(anchor.ancestors))
    if cue.issue not in described or depth < described[cue.issue][0]:
        described[cue.issue] = (depth, content.polarity)


def decide(cue: Cue, step: Step, asserted: bool) -> str:
    """support, oppose or neutral, from the climb so far. Mentions need a stance word;
    support and oppose phrases take a side when asserted or under a stance word."""
    if step.neutral:
        return "neutral"
    if not step.marked and (cue.needs_stance_word or not asserted):
        return "neutral"
    return "support" if step.polarity > 0 else "oppose"


def confidence(stance: str, step: Step, quoted: bool) -> float:
    value = 0.8 if quoted else 0.7
    if stance == "neutral":
        value -= 0.3
    if step.hedged:
        value -= 0.2
    return round(value, 2)


def rank(finding: Finding) -> tuple:
    return (finding.stance != "neutral", finding.confidence)


def enclosing_quote(doc: Doc, token: Token, kinds: tuple = ("direct", "indirect")) -> Optional[Quote]:
    """The longest quotation of one of `kinds` whose content holds `token`. Partial
    quotes are left to the reporting sentence around them, which says what they mean
    ("he “regrets” that the US had made “concessions”"), and only hold the position
    when that sentence names no one else."""
    inside = [q for q in doc._.quotes or () if q.kind in kinds and q.start <= token.idx < q.end]
    return max(inside, key=lambda q: q.end - q.start, default=None)


def quote_tokens(doc: Doc, quote: Quote) -> Optional[frozenset]:
    """Indices of the tokens of a quotation's content and, for reported speech, of its
    cue, whose own polarity scopes over the content ("refused to withdraw troops from
    Donbas"); None where the content's offsets do not align."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tokens = set(range(span.start, span.end))
    if quote.kind == "indirect" and quote.cue_start is not None and quote.cue_end is not None:
        cue = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
        tokens.update(range(cue.start, cue.end) if cue is not None else ())
    return frozenset(tokens)


def members(token: Token) -> list[Token]:
    """`token` and the actors it lists: conjuncts, appositions, "including X"."""
    found = [token]
    for child in token.children:
        if child.dep_ in ("conj", "appos"):
            found.extend(members(child))
        elif child.dep_ == "prep" and child.lower_ in ("including", "like", "among"):
            found.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def mention_holder(doc: Doc, token: Token) -> Optional[Holder]:
    """The actor of the mention whose head is `token`, linked by the actors component
    (pronouns and titles included)."""
    if doc._.mentions is None or token.lower_ in GROUP_PRONOUNS:
        return None
    for mention in doc._.mentions:
        if mention.actor and mention.start <= token.idx < mention.end:
            return holder_from(doc, mention)
    if token.pos_ == "PRON" or token.tag_ == "NN":
        try:
            from detente.actors.link import resolve_speaker
        except ImportError:
            return None
        phrase = doc[token.left_edge.i:token.i + 1]
        mention = resolve_speaker(doc, phrase)
        if mention is not None and mention.actor:
            return holder_from(doc, mention)
    return None


def holder_from(doc: Doc, mention) -> Holder:
    actor = (doc._.actors or {}).get(mention.actor_id) if mention.actor_id else None
    return Holder(mention.actor, mention.actor_id, actor.kind if actor is not None else mention.kind)


def entity_holder(doc: Doc, token: Token) -> Optional[Holder]:
    """Without the actors component: the named entity headed by `token`, persons under
    the longest name in the document that ends with the same word."""
    if doc._.mentions is not None or token.ent_type_ not in ENTITY_KINDS:
        return None
    ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if ent is None:
        return None
    name = entity_name(ent)
    if ent.label_ == "PERSON":
        same = [entity_name(e) for e in doc.ents if e.label_ == "PERSON" and e.root.lower_ == ent.root.lower_]
        name = max(same, key=len)
    return Holder(name, None, ENTITY_KINDS[ent.label_])


def entity_name(ent: Span) -> str:
    """An entity's text without a possessive ending ("Donald Trump's")."""
    words = [t for t in ent if t.tag_ != "POS"]
    return ent.doc[words[0].i:words[-1].i + 1].text if words else ent.text


def majority(findings: list[Finding]) -> list[Finding]:
    """Keep, for each holder and issue, the side with more weight of evidence."""
    weight: dict[tuple, float] = defaultdict(float)
    for f in findings:
        if f.stance != "neutral":
            weight[(f.holder.name, f.issue, f.stance)] += f.confidence
    def losing(f: Finding) -> bool:
        other = "oppose" if f.stance == "support" else "support"
        return f.stance != "neutral" and weight[(f.holder.name, f.issue, other)] > weight[(f.holder.name, f.issue, f.stance)]
    return [f for f in findings if not losing(f)]


def to_statements(doc: Doc, findings: list[Finding]) -> list[Statement]:
    document = doc._.document
    doc_name = document.doc if document is not None else ""
    doc_id = document.id if document is not None else ""
    date = document.published if document is not None else None
    statements = []
    for f in findings:
        statements.append(Statement(
            id=record_id(doc_id, f.holder.actor_id or f.holder.name, f.issue, f.start),
            doc=doc_name, doc_id=doc_id, date=date, actor=f.holder.name, actor_id=f.holder.actor_id,
            issue=f.issue, stance=f.stance, evidence=doc.text[f.start:f.end], start=f.start, end=f.end,
            quote_id=f.quote_id, confidence=f.confidence,
        ))
    return statements
