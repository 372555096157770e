"""Statements: who stands where on which issue, with the sentence that shows it.

``find_statements`` finds the phrases of an issue taxonomy's cues in each sentence,
works out their polarity in context (``polarity.walk``) and attributes the position to
whoever holds it:

- inside a quotation, to its speaker, or to the body an anonymous speaker names ("a State
  Department spokesperson");
- otherwise, to the subject or possessor of the stance or speech word that governs the
  phrase ("Zelensky flatly rejected any deal that stripped Ukraine of land", "Trump's
  push for Ukraine to recognize Russia's annexation of Crimea");
- words that only describe a person ("Jane Roe, a former adviser on sanctions, said")
  are not what a sentence is about when an issue is recognised by its profile;
- "rejected the proposal" takes the issues of the proposal described in the sentences
  just before, and its evidence spans from that description to the rejection; so does a
  noun named again that governed an issue phrase there ("a freeze on the sale of the F-35
  jet. Trump blocked the sale").

A position under a condition (if, unless, until, before) or in a question is not taken;
one in the main clause of a condition on another's act (a threat or promise: "if they
punish us, we will answer in kind") is held less surely; one a demand puts off until
another course comes first ("asked for disarmament before granting any relief") is held
off: the other side.

An article about another conflict that only shares the taxonomy's words holds no
positions on its issues (``scene``).

Several statements of one actor on one issue in one document may disagree; with
``resolve_conflicts`` the minority side is dropped (ties keep both). ``actor_kinds``
says whose positions count (``detente.config.DEFAULT_HOLDERS`` by default). Officials
named in the plural by their body hold its position ("EU foreign ministers rejected ...").
What a quoted speaker says someone else wants is that other's position, not the
speaker's ("Putin rejects a ceasefire", said by Zelensky), unless the speaker may speak for
them (their own country or body).

Without quotes only reported positions are found; without a resolver their holders are
the named entities of the sentence.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from detente.actors.anonymous import is_person_noun
from detente.actors.resolver import SpeakerResolver
from detente.config import DEFAULT_HOLDERS
from detente.lang.en import CONCLUDING, NEGATORS, PROPOSALS, STANCE_PLACE_PREPOSITIONS, WARNING
from detente.nlp import docinfo
from detente.records import Actor, Quote, Stance, Statement, record_id
from detente.stances.confidence import CONFIDENCE
from detente.stances.polarity import (
    Step,
    agents,
    contingent,
    demanded,
    hypothetical,
    lexical_polarity,
    others_attitude,
    postponed,
    predicted_act,
    reported_act,
    walk,
)
from detente.stances.profile import REMOVAL_STEMS, WORD, Profile, stem
from detente.stances.scene import about
from detente.stances.taxonomy import PROFILE_SOURCE, Cue, Taxonomy, clue_text, normalise

ANTECEDENT_WINDOW = 3
GROUP_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})  # too vague to hold a position
MAX_CONJUNCTS = 3  # how far up a chain of conjoined verbs a pole word is looked for
POLE_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV"})
NEVER = re.compile(r"(?!)")  # the pattern of a cue that stands for a profile's match
DEFINITE = frozenset({"the", "this", "that", "such"})  # determiners of something named before
RELATIVE_TAGS = frozenset({"WP", "WDT"})  # who, which, that
NAMING_LINKS = frozenset({"exact", "alias", "surname", "fuzzy", "local"})  # mentions that name the actor
PLACE_ENTITIES = frozenset({"GPE", "LOC"})
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
    stance: Stance
    start: int
    end: int
    quote_id: Optional[str]
    confidence: float


def find_statements(doc: Doc, quotes: list[Quote], resolver: Optional[SpeakerResolver], taxonomy: Taxonomy,
                    actor_kinds: Iterable[str] = DEFAULT_HOLDERS, resolve_conflicts: bool = True) -> list[Statement]:
    """Who stands where in a parsed `doc` on the issues of `taxonomy`: positions in the
    `quotes` go to their speakers, reported positions to their holders as `resolver`
    links them (without one, to the named entities of the sentence). Only holders of
    `actor_kinds` count; with `resolve_conflicts` the minority side of one holder on one
    issue is dropped. An article that is not about the taxonomy's negotiation (``scene.about``)
    holds no positions on its issues."""
    if not about(doc, taxonomy):
        return []
    findings = list(_DocStances(doc, quotes, resolver, taxonomy, frozenset(actor_kinds)).find())
    if resolve_conflicts:
        findings = majority(findings)
    return to_statements(doc, findings)


class _DocStances:
    """The positions of one document."""

    def __init__(self, doc: Doc, quotes: list[Quote], resolver: Optional[SpeakerResolver], taxonomy: Taxonomy,
                 actor_kinds: frozenset[str]):
        self.doc, self.quotes, self.resolver = doc, quotes, resolver
        self.taxonomy = taxonomy
        self.actor_kinds = actor_kinds
        self.principals = principals(doc, quotes, resolver)

    def find(self) -> Iterable[Finding]:
        """Every position found in `doc`, one per sentence, holder and issue."""
        doc = self.doc
        sents = list(doc.sents)
        proposals: list[tuple[int, dict]] = []  # (sentence index, {issue: (depth, polarity)})
        governing: list[tuple[int, dict]] = []  # (sentence index, {noun lemma: (issue, polarity)})
        for n, sent in enumerate(sents):
            found: dict[tuple, Finding] = {}
            described: dict[str, tuple[int, int]] = {}
            nouns: dict[str, tuple[str, int]] = {}
            matches = [*cue_matches(sent, self.taxonomy.cues), *profile_matches(sent, self.taxonomy.profiles)]
            for cue, anchor, span in matches:
                for finding in self.attribute(sent, cue, anchor, span, described, nouns):
                    key = (finding.holder.name, finding.issue)
                    if key not in found or rank(finding) > rank(found[key]):
                        found[key] = finding
            for finding in [*self.anaphora(sents, n, proposals), *self.repeated(sents, n, governing)]:
                key = (finding.holder.name, finding.issue)
                if key not in found or found[key].stance == "neutral":
                    found[key] = finding
            if described and any(t.lemma_.lower() in PROPOSALS and t.pos_ in ("NOUN", "VERB") for t in sent):
                proposals.append((n, described))
            if nouns:
                governing.append((n, nouns))
            yield from found.values()

    def attribute(self, sent: Span, cue: Cue, anchor: Token, span: frozenset,
                  described: dict, nouns: dict) -> Iterable[Finding]:
        """Positions on `cue`'s issue found from the phrase headed by `anchor`; notes in
        `described` what the sentence says a proposal would do on the issue, and in `nouns`
        the nouns that govern the phrase ("the sale" of "the sale of the F-35 jet")."""
        keep_negation = not cue.spells_negation
        quote = enclosing_quote(self.quotes, anchor)
        holder = self.quote_holder(quote) if quote is not None else None
        if quote is not None and holder is not None:
            steps = walk(anchor, span, cue.polarity, stop=quote_tokens(self.doc, quote), keep_negation=keep_negation)
            note_governors(cue, span, steps, nouns)
            yield from self.in_quotation(holder, cue, anchor, steps, sent, quote)
            return
        steps = walk(anchor, span, cue.polarity, keep_negation=keep_negation)
        describe(cue, anchor, span, steps, described)
        note_governors(cue, span, steps, nouns)
        asked = question(sent)  # the article asks; no one takes a side
        findings = []
        for step in steps:
            if step.role is None or step.token.i in span:
                continue
            if postponed(anchor, step.token) and lexical_polarity(step.token) > 0:
                step = replace(step, polarity=-step.polarity)  # demands another course first: not this one now
                conditional = False
            else:
                conditional = hypothetical(step.token) or hypothetical(anchor, within=step.token)
            if contingent(anchor, within=step.token):
                step = replace(step, hedged=True)  # a threat or promise: less sure
            for holder in self.holders(step.token):
                stance = "neutral" if conditional or asked else decide(cue, step, asserted=step.role == "speech")
                findings.append(Finding(holder, cue.issue, stance, sent.start_char, sent.end_char, None,
                                        confidence(stance, step, quoted=False)))
        yield from findings
        if all(f.stance == "neutral" for f in findings):
            partial = enclosing_quote(self.quotes, anchor, kinds=("partial",))
            holder = self.quote_holder(partial) if partial is not None else None
            if partial is not None and holder is not None:  # "a softer appeal that Ukraine be “closely involved”"
                yield quoted(holder, cue, anchor, steps[-1], sent, partial)

    def in_quotation(self, speaker: Holder, cue: Cue, anchor: Token, steps: list[Step], sent: Span,
                     quote: Quote) -> Iterable[Finding]:
        """The positions a quotation states with the phrase headed by `anchor`: the
        speaker's, or, where the speaker tells what someone else wants ("she wants to take
        your guns away"), none of the speaker's and the other's if the document names them."""
        reported = others_attitude(steps)
        others = self.holders(reported.token, every_kind=True) if reported is not None else []
        finding = quoted(speaker, cue, anchor, steps[-1], sent, quote)
        if reported is None or any(self.speaks_for(speaker, other) for other in others) or (
                not others and speaker.kind != "person"):  # "NATO diplomats said they rejected ..."
            yield finding
            return
        yield replace(finding, stance="neutral", confidence=confidence("neutral", steps[-1], quoted=True))
        if reported.role != "stance" or hypothetical(anchor, within=reported.token):
            return  # another's act, not an attitude ("he doubted Okafor would act to stop ..."), or a condition
        for other in others:
            if other.kind in self.actor_kinds:
                stance = decide(cue, reported, asserted=False)
                yield Finding(other, cue.issue, stance, sent.start_char, sent.end_char, None,
                              confidence(stance, reported, quoted=False))

    def anaphora(self, sents: list, n: int, proposals: list) -> Iterable[Finding]:
        """"X rejected the proposal": X's stance on the issues of the proposal described
        in the sentences just before."""
        earlier = [(m, issues) for m, issues in proposals if n - ANTECEDENT_WINDOW <= m < n]
        if not earlier:
            return
        m, described = earlier[-1]
        issue = min(described, key=lambda i: described[i][0])  # the proposal's gist
        for token in sents[n]:
            if token.lemma_.lower() in PROPOSALS and (definite_object(token) or concluded(token)):
                yield from self.taken_up(token, issue, described[issue][1], sents[m], sents[n])

    def repeated(self, sents: list, n: int, governing: list) -> Iterable[Finding]:
        """"Trump blocked the sale", a sentence after "a freeze on the sale of the F-35 jet":
        a definite noun that governed an issue phrase in the sentences just before takes
        that issue, with the phrase's side at the noun."""
        earlier: dict[str, tuple[int, str, int]] = {}
        for m, nouns in governing:
            if n - ANTECEDENT_WINDOW <= m < n:
                earlier.update({lemma: (m, *found) for lemma, found in nouns.items()})
        for token in sents[n] if earlier else ():
            if token.lemma_.lower() in earlier and token.pos_ == "NOUN" and definite_object(token):
                m, issue, polarity = earlier[token.lemma_.lower()]
                yield from self.taken_up(token, issue, polarity, sents[m], sents[n])

    def taken_up(self, token: Token, issue: str, polarity: int, earlier: Span, sent: Span) -> Iterable[Finding]:
        """The positions on `issue` of whoever takes a stance on `token`, a noun for what
        `earlier` described with `polarity` ("rejected the proposal"), with evidence from
        `earlier` to `sent`; none under a condition."""
        verb = token.head
        steps = walk(token, frozenset({token.i}), 1)
        step = next((s for s in steps if s.token.i == verb.i), None)
        if step is not None and step.role != "stance" and concluded(token):  # "encouraged they reached a deal"
            step = next((s for s in steps if s.role == "stance" and s.token.i != verb.i), None)
        if step is None or step.role != "stance" or hypothetical(verb):
            return
        stance: Stance = "support" if polarity * step.polarity > 0 else "oppose"
        quote = enclosing_quote(self.quotes, step.token)
        speaker = self.quote_holder(quote) if quote is not None else None
        for holder in self.holders(step.token) or ([speaker] if speaker is not None else []):
            yield Finding(holder, issue, stance, earlier.start_char, sent.end_char, quote.id if quote else None,
                          CONFIDENCE["proposal_rejected"])

    def holders(self, token: Token, every_kind: bool = False) -> list[Holder]:
        """The actors who hold the position `token` expresses (its subject or possessor), of
        the kinds that count or, with `every_kind`, of any kind."""
        found = []
        for head in agents(token):
            for member in members(head):
                holder = self.holder_of(member, every_kind)
                if holder is not None and holder not in found:
                    found.append(holder)
        return found

    def holder_of(self, token: Token, every_kind: bool = False) -> Optional[Holder]:
        """The actor of the noun phrase headed by `token`, if it is of a kind that counts (or
        of any kind, with `every_kind`); a relative pronoun stands for the noun its clause
        describes ("Okafor, who opposed ..."), and persons named in the plural by their role
        for the body a name before it says they serve ("EU foreign ministers")."""
        if token.tag_ in RELATIVE_TAGS and token.head.dep_ == "relcl":
            token = token.head.head
        if self.resolver is not None:
            holder = mention_holder(self.resolver, token)
            if holder is None or holder.kind == "anonymous":
                holder = body_of(self.resolver, token) or holder
        else:
            holder = entity_holder(self.doc, token)
        if holder is None or (holder.kind not in self.actor_kinds and not every_kind):
            return None
        return holder

    def speaks_for(self, speaker: Holder, other: Holder) -> bool:
        """Whether `speaker` may speak for `other`: the same actor, or a country or body that
        the speaker serves ("Kyiv will not recognise …", said by Ukraine's president) or that
        nothing known of the speaker rules out ("China calls on …", said by a diplomat)."""
        if other.name == speaker.name:
            return True
        if other.kind == "person":
            return False
        actor = self.resolver.actor(speaker.actor_id) if self.resolver is not None else None
        serves = served(actor) if actor is not None else set()
        return not serves or other.actor_id in serves

    def quote_holder(self, quote: Quote) -> Optional[Holder]:
        """The speaker of `quote`, or the organisation an anonymous speaker speaks for, if
        of a kind that counts."""
        if not quote.speaker:
            return None
        if quote.id in self.principals:
            principal = self.principals[quote.id]
            return principal if principal.kind in self.actor_kinds else None
        if self.resolver is not None and quote.speaker_start is not None and quote.speaker_end is not None:
            source = self.doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
            if source is not None and len(source) and misattributed(self.resolver, source.root):
                return None
        actor = self.resolver.actor(quote.speaker_id) if self.resolver is not None else None
        kind = actor.kind if actor is not None else ("anonymous" if quote.speaker.startswith("anonymous") else "person")
        holder = Holder(quote.speaker, quote.speaker_id, kind)
        return holder if holder.kind in self.actor_kinds else None


def principals(doc: Doc, quotes: list[Quote], resolver: Optional[SpeakerResolver]) -> dict[str, Holder]:
    """The organisation each anonymous source speaks for, by quote id: the one named in the
    source's own words ("a State Department spokesperson"), and for a later quote of the
    same kind of source ("the spokesperson said"), the one named last."""
    found: dict[str, Holder] = {}
    by_noun: dict[str, Holder] = {}
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.speaker is None or not quote.speaker.startswith("anonymous:"):
            continue
        noun = quote.speaker.split()[-1].lower()
        holder = by_noun.get(noun)
        if quote.speaker_start is not None and quote.speaker_end is not None:
            source = doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
            named = organisation_in(source, resolver) if source is not None else None
            if named is not None:
                holder = by_noun[noun] = named
        if holder is not None:
            found[quote.id] = holder
    return found


def body_of(resolver: SpeakerResolver, token: Token) -> Optional[Holder]:
    """The body that persons named by their role in the plural speak for, when a name before
    the role says which ("EU foreign ministers", "Kremlin officials"), as the actors stage
    linked it."""
    if token.tag_ != "NNS" or not is_person_noun(token):
        return None
    for modifier in token.lefts:
        mention = resolver.mention_at(modifier) if modifier.pos_ == "PROPN" else None
        actor = resolver.actor(mention.actor_id) if mention is not None else None
        if actor is not None and actor.kind in ("organisation", "country"):
            return Holder(actor.name, actor.id, actor.kind)
    return None


def organisation_in(source: Span, resolver: Optional[SpeakerResolver]) -> Optional[Holder]:
    """The organisation named before the head noun of an anonymous source's description
    ("a senior State Department official"), as the actors stage linked it or by its name;
    nothing new is added to the document's actors."""
    names = [t for t in source if t.pos_ == "PROPN" and t.i < source.root.i]
    if not names:
        return None
    name = source.doc[names[0].i:names[-1].i + 1]
    mention = resolver.mention_at(name.root) if resolver is not None else None
    actor = resolver.actor(mention.actor_id) if resolver is not None and mention is not None else None
    if actor is not None and actor.kind == "organisation":
        return Holder(actor.name, actor.id, actor.kind)
    return Holder(name.text, None, "organisation") if name.root.ent_type_ == "ORG" else None


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


def profile_matches(sent: Span, profiles: list[Profile]) -> Iterable[tuple[Cue, Token, frozenset]]:
    """Each issue without cues that its profile recognises in `sent`, as a cue: the
    phrase is headed by the sentence's weightiest topic word of the issue, with the
    compounds and modifiers that are topic words too; a pole word next to it ("lift the
    sanctions", "keep the sanctions") makes it a support or oppose phrase, and without one
    it is a mention, which takes a side only under a stance word. A topic word that only
    modifies another noun ("the security order") names that noun's thing, not the issue, and
    one the issue only writes before another of its words names the issue only there
    ("security guarantees", not "national security"). A noun that is a stance word in the
    sentence ("on the table") is not a topic word there, nor is an adverb ("completely"): it
    says how, not what."""
    if not profiles:
        return
    described = descriptions(sent)
    stems = [stem(t.text) if WORD.fullmatch(t.text) and t.i not in described and not stance_noun(t)
             and t.pos_ != "ADV" else "" for t in sent]
    found = set(stems)
    where = places(sent)
    only_places = frozenset(stems[i] for i in where) - {s for k, s in enumerate(stems) if k not in where}
    for profile in profiles:
        astray = stray_modifiers(sent, stems, profile)
        if not profile.about(found - astray, only_places):
            continue
        weights = [0.0 if s in profile.shared or s in astray or (k in where and s not in profile.settings)
                   else profile.topic.get(s, 0.0) for k, s in enumerate(stems)]
        best = max(range(len(stems)), key=lambda k: (weights[k], sent[k].pos_ == "NOUN", -k))
        cue, head, span = profile_phrase(sent, sent[best], profile, stems)
        if head.i == best + sent.start or profile.topic.get(stems[head.i - sent.start]):
            yield cue, head, span


def stance_noun(token: Token) -> bool:
    """Whether `token` is a noun that `lexical_polarity` reads as a stance word where it stands
    ("has to be on the table", "a red line")."""
    return token.pos_ == "NOUN" and lexical_polarity(token) != 0


def stray_modifiers(sent: Span, stems: list[str], profile: Profile) -> frozenset[str]:
    """The words `profile`'s issue only writes before another of its words ("security" of
    "security guarantees") that `sent` never writes on one of them ("national security"):
    something else than the issue."""
    used = {s for s in stems if s in profile.modifiers}
    attached = {stems[k] for k, t in enumerate(sent) if stems[k] in used and t.dep_ in ("compound", "amod", "nmod")
                and sent.start <= t.head.i < sent.end and profile.topic.get(stems[t.head.i - sent.start])}
    return frozenset(used - attached)


def profile_phrase(sent: Span, anchor: Token, profile: Profile, stems: list[str]) -> tuple[Cue, Token, frozenset]:
    """The issue phrase around `anchor`, a topic word of `profile` in `sent`, as a cue."""
    span = {anchor.i}
    while anchor.dep_ == "compound" and sent.start <= anchor.head.i < sent.end:
        anchor = anchor.head  # the phrase's head: "fishing" in "fishing quotas"
        span.add(anchor.i)
    span.update(c.i for c in anchor.children
                if c.dep_ in ("compound", "amod") and profile.topic.get(stems[c.i - sent.start]))
    kind, negating = "mentions", False
    for near in pole_candidates(anchor):
        if near.i in span or not (sent.start <= near.i < sent.end) or near.pos_ not in POLE_POS:
            continue
        negator = next((c for c in near.children if c.lower_ in NEGATORS and c.dep_ in ("neg", "det")), None)
        words = {stems[near.i - sent.start], stem(near.lemma_)}
        pole = profile.pole([f"not {w}" for w in words]) if negator is not None else 0
        negating = bool(pole)
        pole = pole or profile.pole(words)
        if pole:
            kind = "support" if pole > 0 else "oppose"
            span.update([near.i, *([negator.i] if negating and negator is not None else [])])
            break
    left_out = excluded(anchor, profile, stems, sent.start)
    if left_out:  # "talks without Selvia": the other side of what the phrase names
        kind = "support" if kind == "oppose" else "oppose"
        span.update(t.i for t in left_out)
    removed = kind == "mentions" and names_removed(anchor, profile, stems[anchor.i - sent.start])
    return Cue(profile.issue, kind, PROFILE_SOURCE, NEVER, negating=negating, removed=removed), anchor, frozenset(span)


def names_removed(anchor: Token, profile: Profile, anchor_stem: str) -> bool:
    """Whether the phrase headed by `anchor` names bare what the issue's supported position
    takes away ("warned against sanctions", for sanctions relief): no removal word ("waive",
    "relief") next to it."""
    near = [*anchor.children, *pole_candidates(anchor)]
    return anchor_stem in profile.removed and not any(
        stem(t.text) in REMOVAL_STEMS or stem(t.lemma_) in REMOVAL_STEMS for t in near)


def descriptions(sent: Span) -> set[int]:
    """Indices of the tokens that describe a person named in `sent` ("Gary Samore, a former
    coordinator for arms control, said"): who someone is, not what the sentence is about."""
    found: set[int] = set()
    for token in sent:
        if token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
            found.update(t.i for t in token.subtree)
    return found


def places(sent: Span) -> set[int]:
    """Positions in `sent` (from its start) of the names that say where something happens
    ("the war in Europe"): a place, not a party to an issue."""
    return {t.i - sent.start for t in sent
            if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ in STANCE_PLACE_PREPOSITIONS
            and t.ent_type_ in PLACE_ENTITIES}


def excluded(anchor: Token, profile: Profile, stems: list[str], start: int) -> list[Token]:
    """The "without" and its object when the issue phrase headed by `anchor` leaves out
    one of the issue's topic words ("negotiations without Selvia"), else nothing."""
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ in NEGATORS:
            objects = [g for g in child.children if g.dep_ == "pobj" and profile.topic.get(stems[g.i - start])]
            if objects:
                return [child, *objects]
    return []


def pole_candidates(anchor: Token) -> list[Token]:
    """The words next to an issue phrase's head that may say which side it states: its
    modifiers, the word that governs it (through a preposition, the word above that) and
    the verbs that word is conjoined with or completes ("destroy or return or get rid of
    it")."""
    near = [c for c in anchor.children if c.dep_ in ("amod", "compound", "nmod")]
    head = anchor.head
    if head.i != anchor.i:
        near.append(head)
        if head.dep_ == "prep" or anchor.dep_ == "pobj":
            head = head.head
            near.append(head)
        for _ in range(MAX_CONJUNCTS):
            if head.dep_ not in ("conj", "acomp", "oprd") or head.head.i == head.i:
                break
            head = head.head
            near.append(head)
    return near


def question(sent: Span) -> bool:
    """Whether `sent` is a question ("Would Berlin accept a truce?")."""
    return sent.text.rstrip(" \n\"'”’").endswith("?")


def quoted(holder: Holder, cue: Cue, anchor: Token, top: Step, sent: Span, quote: Quote) -> Finding:
    """The position a quotation's speaker takes with the phrase headed by `anchor`."""
    demand = demanded(anchor, within=top.token, warning=warns(quote, sent.doc))
    if demand:  # "we will look elsewhere if the jets are not delivered": the speaker wants them
        top = replace(top, polarity=top.polarity * demand, marked=True, worded=True)
        stance = decide(cue, top, asserted=True)
    elif (hypothetical(anchor, within=top.token) or (quote.kind == "direct" and predicted_act(anchor, top.token))
          or (not top.marked and reported_act(anchor, within=top.token))):
        stance = "neutral"  # a condition, a guess at what others may do, or what they did: no side of the speaker's
    else:
        stance = decide(cue, top, asserted=True)
    if contingent(anchor, within=top.token):
        top = replace(top, hedged=True)  # a threat or promise: less sure
    return Finding(holder, cue.issue, stance, sent.start_char, sent.end_char, quote.id,
                   confidence(stance, top, quoted=True))


def warns(quote: Quote, doc: Doc) -> bool:
    """Whether the word that reports `quote` is a warning ("warned that the bases are at risk
    if ...")."""
    if quote.cue_start is None or quote.cue_end is None:
        return False
    cue = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    return cue is not None and any(t.lemma_.lower() in WARNING for t in cue)


def describe(cue: Cue, anchor: Token, span: frozenset, steps: list[Step], described: dict) -> None:
    """Note what the sentence says on `cue`'s issue, for a later "rejected the proposal":
    the polarity at the proposal noun (or the root), shallowest phrase first."""
    content = next((s for s in steps if s.role == "proposal" and s.token.i not in span), steps[-1])
    if content.neutral or (cue.needs_stance_word and not content.marked):
        return
    depth = len(list(anchor.ancestors))
    if cue.issue not in described or depth < described[cue.issue][0]:
        described[cue.issue] = (depth, content.polarity)


def concluded(token: Token) -> bool:
    """Whether `token` is what a verb of ``CONCLUDING`` concludes ("reached an agreement")."""
    return token.dep_ == "dobj" and token.head.lemma_.lower() in CONCLUDING


def definite_object(token: Token) -> bool:
    """Whether `token` is the object of its verb, with a determiner for something named
    before ("rejected the plan", "the sale was blocked")."""
    return token.dep_ in ("dobj", "nsubjpass") and any(c.lower_ in DEFINITE for c in token.children)


def note_governors(cue: Cue, span: frozenset, steps: list[Step], nouns: dict) -> None:
    """Note in `nouns` the nouns above the issue phrase of `cue` up to its clause's verb
    ("sale" and "freeze" of "a freeze on the sale of the F-35 jet"), each with the phrase's
    polarity there (+1 at "sale", -1 at "freeze"), unless only a topic word governs it."""
    for step in steps:
        if step.token.i in span:
            continue
        if step.token.pos_ in ("VERB", "AUX") or step.neutral:
            return
        if step.token.pos_ == "NOUN":
            nouns.setdefault(step.token.lemma_.lower(), (cue.issue, step.polarity))


def decide(cue: Cue, step: Step, asserted: bool) -> Stance:
    """support, oppose or neutral, from the climb so far. Mentions need a stance word;
    support and oppose phrases take a side when asserted or under a stance word."""
    if step.neutral:
        return "neutral"
    if not step.marked and (cue.needs_stance_word or not asserted):
        return "neutral"
    if cue.negation_is_blind and not step.worded:
        return "neutral"
    return "support" if step.polarity > 0 else "oppose"


def confidence(stance: str, step: Step, quoted: bool) -> float:
    """How sure a position is, from the table of the stance stage's confidences."""
    value = CONFIDENCE["quoted"] if quoted else CONFIDENCE["reported"]
    if stance == "neutral":
        value -= CONFIDENCE["neutral_penalty"]
    if step.hedged:
        value -= CONFIDENCE["hedge_penalty"]
    return round(value, 2)


def rank(finding: Finding) -> tuple:
    return (finding.stance != "neutral", finding.confidence)


def enclosing_quote(quotes: list[Quote], token: Token, kinds: tuple = ("direct", "indirect")) -> Optional[Quote]:
    """The longest quotation of one of `kinds` whose content holds `token`. Partial
    quotes are left to the reporting sentence around them, which says what they mean
    ("he “regrets” that the US had made “concessions”"), and only hold the position
    when that sentence names no one else."""
    inside = [q for q in quotes if q.kind in kinds and q.start <= token.idx < q.end]
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
        tokens.update(t.i for t in governing_words(doc, quote, cue))
    return frozenset(tokens)


def governing_words(doc: Doc, quote: Quote, cue: Optional[Span]) -> list[Token]:
    """The words from an indirect quotation's cue up to the verb its speaker is the subject
    of, when the cue lies below it ("cautioned against pressing Ukraine to cede land": the
    caution scopes over the pressing); none when the speaker's verb is the cue's own."""
    if cue is None or not len(cue) or quote.speaker_start is None or quote.speaker_end is None:
        return []
    source = doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
    if source is None or not len(source) or source.root.dep_ != "nsubj":
        return []
    verb = source.root.head
    path = []
    for token in cue.root.ancestors:
        path.append(token)
        if token.i == verb.i:
            return path
    return []


def members(token: Token) -> list[Token]:
    """`token` and the actors it lists: conjuncts, appositions, "including X"."""
    found = [token]
    for child in token.children:
        if child.dep_ in ("conj", "appos"):
            found.extend(members(child))
        elif child.dep_ == "prep" and child.lower_ in ("including", "like", "among"):
            found.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def mention_holder(resolver: SpeakerResolver, token: Token) -> Optional[Holder]:
    """The actor of the mention whose head is `token`, as the actors stage linked it
    (pronouns and titles included), or as `resolver` resolves a pronoun or common noun."""
    if token.lower_ in GROUP_PRONOUNS:
        return None
    mention = resolver.mention_at(token)
    if mention is None and (token.pos_ == "PRON" or token.tag_ == "NN"):
        mention = resolver.resolve(token.doc[token.left_edge.i:token.i + 1])
    if mention is None or not mention.actor:
        return None
    if misattributed(resolver, token):
        return None
    actor = resolver.actor(mention.actor_id)
    return Holder(mention.actor, mention.actor_id, actor.kind if actor is not None else mention.kind)


def misattributed(resolver: SpeakerResolver, token: Token) -> bool:
    """Whether the mention headed by `token` is a title that a country possesses ("North
    Korea's envoy") linked to someone the document never names, or known to serve another
    country: the actors stage's guess, not the article's word."""
    mention = resolver.mention_at(token)
    if mention is None or mention.method != "title":
        return False
    countries = {m.actor_id for c in token.children if c.dep_ == "poss"
                 for m in [resolver.mention_at(c)] if m is not None and m.kind == "country"}
    if not countries:
        return False
    actor = resolver.actor(mention.actor_id)
    named = any(m.actor_id == mention.actor_id and m.method in NAMING_LINKS for m in resolver.mentions)
    serves = served(actor) if actor is not None else set()
    # of someone whom nothing tells what country they serve, the article's naming is all there is
    return not named or (bool(serves) and not countries & serves)


def served(actor: Actor) -> set[str]:
    """The ids of the country and bodies `actor` serves."""
    return {x for x in (actor.country, *(role.of for role in actor.roles)) if x}


def entity_holder(doc: Doc, token: Token) -> Optional[Holder]:
    """Without the actors stage: the named entity headed by `token`, persons under the
    longest name in the document that ends with the same word."""
    if token.ent_type_ not in ENTITY_KINDS:
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
        mine, theirs = weight[(f.holder.name, f.issue, f.stance)], weight[(f.holder.name, f.issue, other)]
        return f.stance != "neutral" and theirs > mine
    return [f for f in findings if not losing(f)]


def to_statements(doc: Doc, findings: list[Finding]) -> list[Statement]:
    document = doc._.document
    doc_name = document.doc if document is not None else ""
    doc_id = document.id if document is not None else ""
    date = document.published if document is not None else None
    text = docinfo.info(doc).text  # Doc.text joins every token anew: once, for linear time
    statements = []
    for f in findings:
        statements.append(Statement(
            id=record_id(doc_id, f.holder.actor_id or f.holder.name, f.issue, f.start),
            doc=doc_name, doc_id=doc_id, date=date, actor=f.holder.name, actor_id=f.holder.actor_id,
            issue=f.issue, stance=f.stance, evidence=text[f.start:f.end], start=f.start, end=f.end,
            quote_id=f.quote_id, confidence=f.confidence,
        ))
    return statements
