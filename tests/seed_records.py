"""Records for the analysis and report tests: the seed articles with statements and events
coded by hand from their sentences, and the actors a knowledge base would give for them."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from detente.events.ontology import load_ontology
from detente.records import Actor, Document, Event, Quote, Role, Statement, record_id, text_id

ARTICLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
DATES = {"000": "2025-08-12", "001": "2025-02-14", "002": "2025-04-25", "003": "2025-08-16", "004": "2025-04-24"}


def country(id_, name, *blocs):
    return Actor(id=id_, name=name, kind="country", memberships=list(blocs))


ACTORS = [
    country("united-states", "United States", "nato", "g7", "osce"),
    country("poland", "Poland", "nato", "european-union", "osce"),
    country("germany", "Germany", "nato", "european-union", "g7", "osce"),
    country("estonia", "Estonia", "nato", "european-union", "osce"),
    country("netherlands", "Netherlands", "nato", "european-union", "osce"),
    country("united-kingdom", "United Kingdom", "nato", "g7", "osce"),
    country("ukraine", "Ukraine", "osce"),
    Actor(id="nato", name="NATO", kind="organisation"),
    Actor(id="european-union", name="European Union", kind="organisation", aliases=["EU"], memberships=["g7"]),
    Actor(id="g7", name="G7", kind="organisation"),
    Actor(id="donald-tusk", name="Donald Tusk", kind="person", country="poland",
          roles=[Role("Prime Minister", "poland", "2023-12-13")]),
    Actor(id="mark-rutte", name="Mark Rutte", kind="person", country="netherlands",
          roles=[Role("Prime Minister", "netherlands", "2010-10-14", "2024-07-02"),
                 Role("Secretary General", "nato", "2024-10-01")]),
    Actor(id="kaja-kallas", name="Kaja Kallas", kind="person", country="estonia",
          roles=[Role("High Representative", "european-union", "2024-12-01")]),
    Actor(id="boris-pistorius", name="Boris Pistorius", kind="person", country="germany",
          roles=[Role("Minister of Defence", "germany", "2023-01-19")]),
    Actor(id="pete-hegseth", name="Pete Hegseth", kind="person", country="united-states",
          roles=[Role("Secretary of Defense", "united-states", "2025-01-25")]),
    Actor(id="donald-trump", name="Donald Trump", kind="person", country="united-states",
          roles=[Role("President", "united-states", "2025-01-20")]),
    Actor(id="volodymyr-zelensky", name="Volodymyr Zelensky", kind="person", country="ukraine",
          roles=[Role("President", "ukraine", "2019-05-20")]),
    Actor(id="keir-starmer", name="Keir Starmer", kind="person", country="united-kingdom",
          roles=[Role("Prime Minister", "united-kingdom", "2024-07-05")]),
]

# the same with clubs the articles never name, which the United States and Germany share
CLUBS = [Actor(id="schengen", name="Schengen Area", kind="organisation"),
         Actor(id="eurozone", name="Eurozone", kind="organisation")]
ACTORS_WITH_CLUBS = [replace(a, memberships=a.memberships + [c.id for c in CLUBS])
                     if a.id in ("united-states", "germany") else a for a in ACTORS] + CLUBS

# (article, actor id, issue, stance, a sentence of the article that shows the stance)
CODED = [
    ("000", "donald-tusk", "territorial-concessions", "oppose",
     "“The West, including European countries, will not accept Russian demands which simply amount to the seizure of Ukrainian territory.”"),
    ("000", "donald-tusk", "inclusive-talks", "support",
     "insisting that Ukraine must be actively included in any talks."),
    ("000", "kaja-kallas", "territorial-concessions", "oppose",
     "All temporarily occupied territories belong to Ukraine,” EU foreign policy chief Kaja Kallas has said."),
    ("000", "mark-rutte", "territorial-concessions", "support",
     "has to be on the table” in any peace talks after the Alaska summit, NATO Secretary General Mark Rutte said on CBS on Sunday."),
    ("001", "kaja-kallas", "territorial-concessions", "oppose",
     "“It’s not good negotiation tactics if you just give away everything before the negotiations have even started.”"),
    ("001", "kaja-kallas", "inclusive-talks", "support",
     "Kallas said any deal that excludes European involvement would be a “dirty\" one"),
    ("001", "pete-hegseth", "ukraine-nato-membership", "oppose",
     "Ukraine would need to abandon hopes of joining the alliance"),
    ("001", "pete-hegseth", "territorial-concessions", "support",
     "Ukraine would need to abandon hopes of joining the alliance and territory that Russia or its separatist allies have taken since 2014."),
    ("001", "mark-rutte", "inclusive-talks", "support",
     "a softer appeal that Ukraine be “closely involved.”"),
    ("001", "boris-pistorius", "territorial-concessions", "oppose",
     "German Defence Minister Boris Pistorius told journalists he “regrets” that the US administration had made “concessions.\""),
    ("002", "donald-trump", "crimea-recognition", "support",
     "if he wants Crimea, why didn’t they fight for it eleven years ago when it was handed over to Russia without a shot being fired"),
    ("002", "volodymyr-zelensky", "crimea-recognition", "oppose",
     "his rejection of a US plan that would given recognition of Russian sovereignty over the Crimean Peninsula."),
    ("003", "donald-trump", "territorial-concessions", "support",
     "Trump signaled that Ukraine may need to cede territory such as Donetsk and Luhansk to unlock negotiations"),
    ("003", "volodymyr-zelensky", "territorial-concessions", "oppose",
     "President Zelenskiy flatly rejected any deal that stripped Ukraine of sovereign land"),
    ("003", "volodymyr-zelensky", "inclusive-talks", "support",
     "stressing that true peace requires Kyiv’s full involvement."),
    ("003", "keir-starmer", "inclusive-talks", "support",
     "European leaders, including UK Prime Minister Keir Starmer, echoed this demand"),
    ("004", "donald-trump", "crimea-recognition", "support",
     "US President Donald Trump’s push for Ukraine to recognize Russia’s annexation of Crimea"),
    ("004", "volodymyr-zelensky", "crimea-recognition", "oppose",
     "Kyiv will not recognize any Russian claim over occupied territory."),
    ("004", "kaja-kallas", "crimea-recognition", "oppose",
     "EU foreign policy chief Kaja Kallas echoed the sentiment, declaring, “Crimea is Ukraine.”"),
]


def mentioned(actors: list[Actor], docs: list[Document]) -> list[str]:
    """Ids of the actors whose name or an alias occurs as a word in the articles, as the
    store's actors are those the articles mention."""
    return [a.id for a in actors if any(re.search(rf"\b{re.escape(name)}\b", d.text)
                                        for name in (a.name, *a.aliases) for d in docs)]


def documents() -> list[Document]:
    docs = []
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append(Document(id=text_id(text), doc=path.name, source=str(path), text=text,
                             published=DATES[path.name[:3]], title=text.splitlines()[0][:120]))
    return docs


def statements(docs: list[Document]) -> list[Statement]:
    by_prefix = {d.doc[:3]: d for d in docs}
    names = {a.id: a.name for a in ACTORS}
    found = []
    for prefix, actor_id, issue, stance, sentence in CODED:
        doc = by_prefix[prefix]
        start = doc.text.find(sentence)
        assert start >= 0, f"{sentence!r} is not in {doc.doc}"
        found.append(Statement(
            id=record_id(doc.id, actor_id, issue, start), doc=doc.doc, doc_id=doc.id, date=doc.published,
            actor=names[actor_id], actor_id=actor_id, issue=issue, stance=stance, evidence=sentence,
            start=start, end=start + len(sentence), confidence=0.8))
    return found


def quotes(statements_: list[Statement]) -> list[Quote]:
    return [Quote(id=record_id("q", s.id), doc=s.doc, doc_id=s.doc_id, start=s.start, end=s.end,
                  text=s.evidence, kind="indirect", speaker=s.actor, speaker_id=s.actor_id, confidence=0.8)
            for s in statements_]


# (article, type, mode, sources, targets, trigger, negated, tense, a sentence of the article
# that shows the event); an actor is an id of ACTORS or, for one they do not hold, a name
CODED_EVENTS = [
    ("000", "CONSULT", None, ["united-states"], ["European partners"], "consulting", False, "future",
     "“The US has committed to consulting with its European partners ahead of the Alaska meeting,” Tusk told a press conference."),
    ("000", "REJECT", None, ["donald-tusk"], ["Russia"], "accept", False, "future",
     "“The West, including European countries, will not accept Russian demands which simply amount to the seizure of Ukrainian territory.”"),
    ("000", "THREATEN", None, ["donald-tusk"], ["Russia"], "warned", False, "past",
     "has warned Russia against getting the idea it can challenge other countries’ borders “with impunity.”"),
    ("001", "CONSULT", "phone", ["donald-trump"], ["Vladimir Putin"], "phone call", False, "past",
     "weren't caught off guard by Trump and Putin's phone call."),
    ("002", "ACCUSE", None, ["donald-trump"], ["volodymyr-zelensky"], "criticism", False, "past",
     "Trump on Wednesday unleashed immense criticism on the Ukrainian President for his rejection of a US plan"),
    ("002", "REJECT", None, ["volodymyr-zelensky"], ["united-states"], "rejection", False, "past",
     "his rejection of a US plan that would given recognition of Russian sovereignty over the Crimean Peninsula."),
    ("002", "CONSULT", None, ["mark-rutte"], ["pete-hegseth", "Marco Rubio", "Mike Waltz"], "meetings", False, "past",
     "this message was also conveyed in the NATO chief's meetings with Defense Secretary Pete Hegseth"),
    ("002", "REQUEST", "change", ["mark-rutte"], ["united-states"], "urge", False, "future",
     "Rutte would urge the White House \"not to force Ukraine to accept a peace deal against its will.\""),
    ("002", "AID", "military", ["united-states"], ["ukraine"], "flow", False, "present",
     "Aside from a brief interruption in March, US arms continue to flow to Ukraine."),
    ("003", "REJECT", None, ["volodymyr-zelensky"], [], "rejected", False, "past",
     "President Zelenskiy flatly rejected any deal that stripped Ukraine of sovereign land"),
    ("003", "AGREE", None, ["united-states"], ["Russia"], "agreed", False, "past",
     "both sides agreed to keep diplomatic channels open."),
    ("003", "CONSULT", "visit", ["donald-trump"], ["volodymyr-zelensky"], "meet", False, "future",
     "Trump plans to meet President Zelenskiy in Washington to discuss potential frameworks"),
    ("003", "CONCEDE", None, ["Vladimir Putin"], ["ukraine"], "compromise", True, "present",
     "With Putin showing no willingness to compromise on annexed regions"),
    ("003", "REQUEST", "yield", ["donald-trump"], ["ukraine"], "pressure", False, "present",
     "Trump placing unprecedented pressure on Kyiv to make territorial concessions"),
    ("004", "REJECT", None, ["volodymyr-zelensky"], ["donald-trump"], "rejected", False, "past",
     "Ukrainian President Volodymyr Zelenskyy flatly rejected the proposal earlier this week"),
    ("004", "REJECT", "meet", ["united-states"], ["ukraine"], "withdrawal", False, "past",
     "The Trump administration’s withdrawal from preparatory talks with Ukrainian and European officials in London"),
]


def events(docs: list[Document]) -> list[Event]:
    """The events of CODED_EVENTS, scored by the shipped PLOVER ontology."""
    plover = load_ontology("plover")
    by_prefix = {d.doc[:3]: d for d in docs}
    names = {a.id: a.name for a in ACTORS}
    found = []
    for prefix, type_, mode, sources, targets, trigger, negated, tense, sentence in CODED_EVENTS:
        doc = by_prefix[prefix]
        start = doc.text.find(sentence)
        assert start >= 0, f"{sentence!r} is not in {doc.doc}"
        at = sentence.find(trigger)
        found.append(Event(
            id=record_id(doc.id, "event", start, trigger), doc=doc.doc, doc_id=doc.id, type=type_, mode=mode,
            source=[names.get(a, a) for a in sources], source_id=[a if a in names else None for a in sources],
            target=[names.get(a, a) for a in targets], target_id=[a if a in names else None for a in targets],
            date=doc.published, trigger=trigger, evidence=sentence, start=start, end=start + len(sentence),
            trigger_start=start + at, trigger_end=start + at + len(trigger), negated=negated, tense=tense,
            score=plover.score(type_, mode), confidence=0.8))
    return found
