"""Issue profiles: how an issue without patterns is recognised in a sentence.

An analyst's minimal taxonomy gives, for each issue, a label, what support and oppose
mean, and a few example sentences. From these words a profile is built:

- *topic words*, weighted by where they come from (label and keywords count most, the
  meanings next, the examples least) and by how specific they are to the issue among the
  taxonomy's issues (a word every issue uses, such as the country at the centre of the
  negotiation, counts little; a party several issues name, such as a country, adds weight
  but cannot by itself make a sentence about the issue);
- *pole words*, which only one side's meaning and examples use ("lifting" sanctions for
  support, "keeping" them for oppose): met next to the topic word in a sentence, they say
  which side the phrase itself states, as a pattern of the ``support`` or ``oppose`` kind
  would.

Words are compared by a crude stem (lower case, common suffixes off), so that the
profile can be matched against a bare string (``Issue.matches``) as well as a parsed
sentence. Stop words, the stance lexicon (support, reject, must, not ...) and the generic
words of ``lang/en/profiles.yaml`` never count as topic words: they say how, not what;
words that name talk ("talks", "negotiate") may, since an issue can be about talks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from detente.lang.en import (
    GENERIC_TOPIC_WORDS,
    HEDGES,
    NECESSITY,
    NEGATORS,
    OPPOSING,
    POLE_SYNONYMS,
    PROFILE_PHRASES,
    PROPOSALS,
    REMOVAL_WORDS,
    STANCE_PLACE_PREPOSITIONS,
    SUPPORTIVE,
    TOPIC_SYNONYMS,
)

# A word, or a code of letters and digits that names a thing ("S-400s", "F-35", "G7").
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[0-9]+[A-Za-z]*)?")
SUFFIXES = ("isations", "izations", "isation", "ization", "ations", "ation", "ising", "izing", "ised", "ized",
            "ises", "izes", "ise", "ize", "ating", "ated", "ates", "ate", "ments", "ment", "ings", "ing",
            "ies", "ied", "ed", "es", "s", "ly")
MIN_STEM = 4
MIN_PLURAL_STEM = 3  # a short word's plural "s" comes off when this many letters are left
NOT_PLURAL = ("ss", "us", "is")
# Weights of the places a topic word comes from.
SOURCE_WEIGHTS = {"label": 3.0, "keywords": 3.0, "meaning": 1.5, "example": 1.0}
NAMING_WEIGHT = SOURCE_WEIGHTS["label"]  # the weight of a word that names the issue
# A sentence is about an issue when its topic words weigh this much together ...
THRESHOLD = 3.0
# ... and one of them is this specific to the issue (a word of the label or keywords that
# few other issues use, or two words of its meanings).
MIN_ANCHOR = 1.5
# A word more than this share of a taxonomy's issues use cannot be that anchor.
SHARED = 0.5
NOT_TOPICS = frozenset(STOP_WORDS) | SUPPORTIVE | OPPOSING | NEGATORS | HEDGES | NECESSITY | PROPOSALS


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem: lower case, possessive and one common suffix off, final e's off."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    for suffix in SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= MIN_STEM:
            w = w[: -len(suffix)]
            break
    else:
        if w.endswith("s") and not w.endswith(NOT_PLURAL) and len(w) > MIN_PLURAL_STEM:
            w = w[:-1]  # a short plural: "jets", "arms", "laws"
    while w.endswith("e") and len(w) > MIN_STEM:  # "guarantee" as "guarantees" ("guarante")
        w = w[:-1]
    return w


def words(text: str) -> list[str]:
    """The words of `text` that can be topic or pole words."""
    return [w for w in WORD.findall(text) if len(w) > 2 and w.lower() not in NOT_TOPICS]


def forms(word: str) -> set[str]:
    """The stems of `word` and of its inflections, which the crude stem does not always
    bring together ("cede", "ceding", "ceded")."""
    base = word[:-1] if word.endswith("e") else word
    return {stem(w) for w in (word, word + "s", base + "ing", base + "ed")}


# the stems that are never topic words: the generic words in every form ("taking", "takes")
NOT_TOPIC_STEMS = frozenset(stem(w) for w in NOT_TOPICS) | frozenset().union(*map(forms, GENERIC_TOPIC_WORDS))
WORD_OR_BREAK = re.compile(WORD.pattern + r"|[,;:.()]")
OPPOSING_STEMS = frozenset().union(*map(forms, OPPOSING))  # "ending" too, which the stem keeps whole
# stop words that name an act ("keep", "give"): pole words all the same
STOP_POLES = frozenset().union(*(forms(w) for w in frozenset().union(*POLE_SYNONYMS) & STOP_WORDS))
SYNONYM_STEMS = tuple(frozenset().union(*map(forms, group)) for group in POLE_SYNONYMS)
TOPIC_SYNONYM_STEMS = tuple(frozenset().union(*map(forms, group)) - NOT_TOPIC_STEMS for group in TOPIC_SYNONYMS)
PHRASE = re.compile(r"\b(" + "|".join(map(re.escape, sorted(PROFILE_PHRASES, key=len, reverse=True))) + r")\b",
                    re.IGNORECASE)
REMOVAL_STEMS = frozenset().union(*map(forms, REMOVAL_WORDS))


def acts(text: str) -> set[str]:
    """The stems of the words of `text` that ``POLE_SYNONYMS`` lists, but for those it
    negates or refuses ("refusing any relaxation" names no act of its side)."""
    ruled_out = {s[4:] for s in pole_stems(text) if s.startswith("not ")}
    return {s for s in map(stem, WORD.findall(text)) if any(s in group for group in SYNONYM_STEMS)} - ruled_out


def synonyms(found: set[str]) -> set[str]:
    """The fellows in ``POLE_SYNONYMS`` of the pole stems `found`."""
    return set().union(*(group for group in SYNONYM_STEMS if group & found))


def stems(text: str) -> set[str]:
    return {s for s in map(stem, words(text)) if s not in NOT_TOPIC_STEMS}


def pole_stems(text: str) -> set[str]:
    """The stems of `text` that can be pole words; the rest of a clause after a negator
    is marked ("no threat" gives "not threat"; "will never recognise its annexation",
    "not recognis" and "not annexation"), since the phrase then means the other side,
    and so is the rest of a clause after an opposing word ("refusing to recognise the
    annexation": the annexation is what is refused, not a word of refusal). Names
    ("Kyiv", "Moscow") say who, not which side: they are never pole words."""
    found, negate, refused = set(), False, False
    for n, match in enumerate(WORD_OR_BREAK.finditer(text.replace("n't", " not"))):
        word = match.group()
        lower = word.lower()
        if not word[0].isalpha():
            negate = refused = False
            continue
        if lower in NEGATORS:
            negate = True
            continue
        if lower in OPPOSING or stem(word) in OPPOSING_STEMS:
            refused = True
            continue
        s = stem(word)
        if s in STOP_POLES or (s not in NOT_TOPIC_STEMS and len(word) > 2 and lower not in NOT_TOPICS
                               and (n == 0 or word.islower())):
            found.add(f"not {s}" if negate or refused else s)
    return found


@dataclass(frozen=True)
class Profile:
    """The topic words (stem -> weight) and pole words of one issue; `shared` topic words,
    which most of the taxonomy's issues use ("Ukraine"), and `names` of parties that
    several issues name ("Russia"), which say who takes part rather than what is at stake,
    add to a sentence's weight but cannot anchor it; `settings`, the places its own words
    set it in ("the war in Ukraine"); `removed`, what its supported position takes away
    ("sanctions" for sanctions relief), which a sentence that names it bare is about the other
    side of ("warned against sanctions" supports relief); `modifiers`, the common words its
    label writes before another of its words and no text writes alone ("security" of
    "security guarantees")."""

    issue: str
    topic: dict[str, float]
    support_words: frozenset[str]
    oppose_words: frozenset[str]
    shared: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    settings: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()

    def score(self, found: Iterable[str], places: frozenset[str] = frozenset()) -> tuple[float, float]:
        """Total weight of the distinct topic stems in `found`, and the largest one that
        can anchor it: not one of `places`, the names a sentence uses only for where
        something happens, unless the issue's own words set it there too."""
        found = set(found) & self.topic.keys()
        weights = [self.topic[s] for s in found]
        unanchored = self.shared | self.names | (places - self.settings)
        return sum(weights), max((self.topic[s] for s in found - unanchored), default=0.0)

    def about(self, found: Iterable[str], places: frozenset[str] = frozenset()) -> bool:
        total, best = self.score(found, places)
        return total >= THRESHOLD and best >= MIN_ANCHOR

    def matches(self, text: str) -> bool:
        """Whether a bare string is about the issue."""
        return self.about(stem(w) for w in WORD.findall(text))

    def pole(self, found: Iterable[str]) -> int:
        """+1 when `found` holds only support words, -1 only oppose words, else 0."""
        found = set(found)
        support, oppose = bool(found & self.support_words), bool(found & self.oppose_words)
        return 0 if support == oppose else (1 if support else -1)


def texts_of(issue: dict) -> list[str]:
    """The label, keywords, meanings and examples of an issue."""
    return [issue["label"], *(issue.get("keywords") or ()), issue["support"], issue.get("oppose") or "",
            *issue.get("support_sounds_like", ()), *issue.get("oppose_sounds_like", ())]


def name_stems(texts: list[str]) -> frozenset[str]:
    """The stems of the words `texts` only ever write capitalised past a sentence's first
    word ("Ukraine", "Russian", "NATO"). Codes of letters and digits ("S-400", "F-35")
    name things, not parties."""
    capitalised, lower = set(), set()
    for text in texts:
        for sentence in re.split(r"(?<=[.!?:;])\s+", text):
            for n, word in enumerate(WORD.findall(sentence)):
                if word.islower():
                    lower.add(stem(word))
                elif n > 0 and word[0].isupper() and not any(c.isdigit() for c in word):
                    capitalised.add(stem(word))
    return frozenset(capitalised - lower)


def setting_stems(texts: list[str]) -> frozenset[str]:
    """The stems of the names `texts` write as where something happens ("the war in Ukraine")."""
    found = set()
    for text in texts:
        for match in re.finditer(r"\b(\w+)\s+(?:the\s+)?([A-Z]\w*)", text):
            if match.group(1).lower() in STANCE_PLACE_PREPOSITIONS:
                found.add(stem(match.group(2)))
    return frozenset(found)


def modifier_stems(label: str, texts: list[str]) -> frozenset[str]:
    """The stems of the common words `label` writes directly before another of its topic
    words ("Security guarantees", "Military aid") that no text of the issue writes without
    one: words that name the issue only with the word they modify. Names and codes ("the
    K-7 radar") name a thing of their own."""
    before: set[str] = set()
    alone: set[str] = set()
    names = name_stems([label, *texts])
    for n, text in enumerate([label, *texts]):
        topical = stems(text)
        found = [(stem(w), w.islower() or (k == 0 and stem(w) not in names))
                 if w[0].isalpha() and stem(w) in topical else ("", False)
                 for k, w in enumerate(m.group() for m in WORD_OR_BREAK.finditer(text))]
        for (s, common), (following, _) in zip(found, [*found[1:], ("", False)]):
            if s and following and n == 0 and common:
                before.add(s)
            elif s and not following:
                alone.add(s)
    return frozenset(before - alone)


def removed_stems(label: str, support: str) -> frozenset[str]:
    """The stems of what an issue's supported position takes away: the word before a removal
    word of `label` ("Sanctions relief") and the first word after one in `support` that is
    neither a removal word, a stop word nor a name ("Lifting or easing UN sanctions",
    "Lifting the freeze")."""
    found: set[str] = set()
    label_words = WORD.findall(label)
    found.update(stem(before) for before, word in zip(label_words, label_words[1:]) if stem(word) in REMOVAL_STEMS)
    after = False
    for match in WORD_OR_BREAK.finditer(support):
        word = match.group()
        if not word[0].isalpha():
            after = False
        elif stem(word) in REMOVAL_STEMS:
            after = True
        elif after and word.islower() and word not in STOP_WORDS:
            found.add(stem(word))
            after = False
    return frozenset(found - REMOVAL_STEMS - NOT_TOPIC_STEMS)


def one_word(text: str) -> str:
    """`text` with each phrase of ``PROFILE_PHRASES`` as the word it stands for."""
    return PHRASE.sub(lambda m: PROFILE_PHRASES[m.group().lower()], text)


def described(issue: dict) -> dict:
    """An issue's description with its phrases written as single words."""
    texts = {key: one_word(issue[key]) for key in ("label", "support", "oppose") if issue.get(key)}
    lists = {key: [one_word(t) for t in issue.get(key) or ()]
             for key in ("keywords", "support_sounds_like", "oppose_sounds_like")}
    return {**issue, **texts, **lists}


def with_fellows(weights: dict[str, float]) -> dict[str, float]:
    """`weights` and, for each topic word, its fellows in ``TOPIC_SYNONYMS`` at its weight."""
    found = dict(weights)
    for s, w in weights.items():
        for group in TOPIC_SYNONYM_STEMS:
            if s in group:
                found.update({f: max(found.get(f, 0.0), w) for f in group})
    return found


def build_profiles(issues: list[dict]) -> dict[str, Profile]:
    """Profiles of the issues described by `issues`, each a mapping with id, label,
    support, oppose, keywords, support_sounds_like and oppose_sounds_like."""
    issues = [described(issue) for issue in issues]
    raw: dict[str, dict[str, float]] = {}
    names: dict[str, frozenset[str]] = {}
    settings: dict[str, frozenset[str]] = {}
    removed: dict[str, frozenset[str]] = {}
    modifiers: dict[str, frozenset[str]] = {}
    poles: dict[str, tuple[set[str], set[str]]] = {}
    for issue in issues:
        weights: dict[str, float] = {}

        def add(texts: Iterable[str], kind: str, into: dict[str, float] = weights) -> None:
            for text in texts:
                for s in stems(text):
                    into[s] = max(into.get(s, 0.0), SOURCE_WEIGHTS[kind])

        add([issue["label"]], "label")
        add(issue.get("keywords") or (), "keywords")
        add([issue["support"], issue.get("oppose") or ""], "meaning")
        add([*issue.get("support_sounds_like", ()), *issue.get("oppose_sounds_like", ())], "example")
        raw[issue["id"]] = with_fellows(weights)
        names[issue["id"]] = name_stems(texts_of(issue))
        settings[issue["id"]] = setting_stems(texts_of(issue))
        removed[issue["id"]] = removed_stems(issue["label"], issue["support"])
        modifiers[issue["id"]] = modifier_stems(issue["label"], texts_of(issue)[1:])
        support = set().union(*map(pole_stems, [issue["support"], *issue.get("support_sounds_like", ())]))
        oppose = set().union(*map(pole_stems, [issue.get("oppose") or "", *issue.get("oppose_sounds_like", ())]))
        support, oppose = support - oppose, oppose - support
        # a fellow of a pole word of the meanings joins its side, unless it or a fellow of
        # its own is on the other
        meant_support, meant_oppose = acts(issue["support"]), acts(issue.get("oppose") or "")
        more_support = synonyms(meant_support) - synonyms(oppose | meant_oppose) - oppose
        more_oppose = synonyms(meant_oppose) - synonyms(support | meant_support) - support
        poles[issue["id"]] = (support | more_support, oppose | more_oppose)
    count = len(raw)
    df: dict[str, int] = {}
    named: dict[str, int] = {}  # in how many issues' labels or keywords
    for weights in raw.values():
        for s, w in weights.items():
            df[s] = df.get(s, 0) + 1
            named[s] = named.get(s, 0) + (w == NAMING_WEIGHT)
    profiles = {}
    for issue_id, weights in raw.items():
        # a word every issue uses counts a fifth; one only this issue uses, in full; a common
        # word of the label or keywords by how many labels and keywords name it, since another
        # issue's meaning that mentions it ("sanctions stay until it has denuclearized")
        # does not make it any less this issue's name ("Denuclearization")
        own = {s for s, w in weights.items() if w == NAMING_WEIGHT and s not in names[issue_id]}
        specificity = {s: (1.0 if count == 1 else 0.2 + 0.8 * (count - (named[s] if s in own else df[s])) / (count - 1))
                       for s in weights}
        topic = {s: round(w * specificity[s], 3) for s, w in weights.items()}
        support, oppose = poles[issue_id]
        shared = frozenset(s for s in weights if count > 2 and df[s] > count * SHARED)
        # a name several issues use is a party ("Russia"); one issue's own is its topic ("Crimea")
        parties = frozenset(s for s in names[issue_id] if df.get(s, 0) > 1)
        profiles[issue_id] = Profile(issue_id, {s: w for s, w in topic.items() if w > 0.2}, frozenset(support),
                                     frozenset(oppose), shared, parties, settings[issue_id], removed[issue_id],
                                     modifiers[issue_id])
    return profiles
