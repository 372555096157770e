"""English lexicons, read once from the YAML files beside this module.

``cues.yaml`` is the cue lexicon of quotation extraction (speech, belief, intention and
directive verbs, speech nouns, naming verbs …); ``stance.yaml`` the stance lexicon
(supportive and opposing words, phrasal stance verbs, proposal and topic nouns, modals
of necessity, negators, hedges); ``profiles.yaml`` the generic words issue profiles
ignore; ``actors.yaml`` the words that mark a name as no actor's and abbreviated titles; ``events.yaml`` the actor nouns
and prepositions of event coding. Lemmas are lower case. Each list is a frozenset here.
"""
from __future__ import annotations

from pathlib import Path

import yaml

HERE = Path(__file__).parent


def _load(name: str) -> dict:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


_cues = _load("cues.yaml")
SPEECH_VERBS = frozenset(_cues["speech_verbs"])
BELIEF_VERBS = frozenset(_cues["belief_verbs"])
INTENTION_VERBS = frozenset(_cues["intention_verbs"])
AGENT_ONLY_VERBS = frozenset(_cues["agent_only_verbs"])
DIRECTIVE_VERBS = frozenset(_cues["directive_verbs"])
SPEECH_NOUNS = frozenset(_cues["speech_nouns"])
CONDITION_MARKS = frozenset(_cues["condition_marks"])
NAMING_VERBS = frozenset(_cues["naming_verbs"])
LABELLING_VERBS = frozenset(_cues["labelling_verbs"])
GENERIC_SOURCES = frozenset(_cues["generic_sources"])
ATTRIBUTION_DASHES = frozenset(_cues["attribution_dashes"])
SOURCE_PREPOSITIONS = tuple(tuple(words) for words in _cues["source_prepositions"])
TEXT_VERBS = frozenset(_cues["text_verbs"])
TEXTS = frozenset(_cues["texts"])
CARRY_ON_VERBS = frozenset(_cues["carry_on_verbs"])
VERB_ENDINGS = tuple(tuple(pair) for pair in _cues["verb_endings"])
SOURCE_NOUNS = frozenset(_cues["anonymous_source_nouns"])
ORGANISATION_NOUNS = frozenset(_cues["organisation_nouns"])
SOURCE_DOCUMENT_NOUNS = frozenset(_cues["source_document_nouns"])
CREDIT_VERBS = frozenset(_cues["credit_verbs"])
MEDIUM_NOUNS = frozenset(_cues["medium_nouns"])
RELAY_VERBS = frozenset(_cues["relay_verbs"])

_actors = _load("actors.yaml")
THING_HEADS = frozenset(_actors["thing_heads"])
NAME_JOINERS = frozenset(_actors["name_joiners"])
ACRONYM_SKIPS = frozenset(_actors["acronym_skips"])
PUBLISHING_VERBS = frozenset(_actors["publishing_verbs"])
PERSON_NOUN_ENDINGS = tuple(_actors["person_noun_endings"])
NOT_PERSON_NOUNS = frozenset(_actors["not_person_nouns"])
PERSON_NOUNS = frozenset(_actors["person_nouns"])
BODY_NOUNS = frozenset(_actors["body_nouns"])
TITLE_ABBREVIATIONS: dict[str, str] = dict(_actors["title_abbreviations"])

_stance = _load("stance.yaml")
SUPPORTIVE = frozenset(_stance["supportive"])
OPPOSING = frozenset(_stance["opposing"])
OPPOSING_NOUNS = frozenset(_stance["opposing_nouns"])
JUDGING = frozenset(_stance["judging"])
# lemma -> {particle: polarity}: a stance word only with one of its particles ("rule out")
PHRASAL: dict[str, dict[str, int]] = {lemma: {str(k): int(v) for k, v in particles.items()}
                                      for lemma, particles in _stance["phrasal"].items()}
PROPOSALS = frozenset(_stance["proposals"])
CONCLUDING = frozenset(_stance["concluding"])
TOPICS = frozenset(_stance["topics"])
TOPIC_NOUNS = frozenset(_stance["topic_nouns"])
NECESSITY = frozenset(_stance["necessity"])
TIME_PREPOSITIONS = frozenset(_stance["time_prepositions"])
NEGATORS = frozenset(_stance["negators"])
HEDGES = frozenset(_stance["hedges"])
CONDITIONS = frozenset(_stance["conditions"])
CONTINGENT = frozenset(_stance["contingent"])
POSTPONING = frozenset(_stance["postponing"])
DEMANDING = frozenset(_stance["demanding"])
DEMANDING_IF_NEGATED = frozenset(_stance["demanding_if_negated"])
WARNING = frozenset(_stance["warning"])
REPRISALS = frozenset(_stance["reprisals"])

# Words of an issue's description that say how, not what: never topic words of a profile.
_profiles = _load("profiles.yaml")
GENERIC_TOPIC_WORDS = frozenset(_profiles["generic"])
STANCE_PLACE_PREPOSITIONS = frozenset(_profiles["place_prepositions"])
REMOVAL_WORDS = frozenset(_profiles["removal"])
# Groups of words that name the same act: a pole word of an issue brings its fellows.
POLE_SYNONYMS = tuple(frozenset(group) for group in _profiles["pole_synonyms"])
# Groups of words that name the same thing: a topic word of an issue brings its fellows.
TOPIC_SYNONYMS = tuple(frozenset(group) for group in _profiles["topic_synonyms"])
# Phrases of a description that one listed word stands for ("taking part": participate).
PROFILE_PHRASES: dict[str, str] = dict(_profiles["phrases"])

_events = _load("events.yaml")
ACTOR_NOUNS = frozenset(_events["actor_nouns"])
TARGET_PREPOSITIONS = tuple(_events["target_prepositions"])
THING_PREPOSITIONS = frozenset(_events["thing_prepositions"])
NOUN_TARGET_PREPOSITIONS = tuple(_events["noun_target_prepositions"])
GENERIC_NOUNS = frozenset(_events["generic_nouns"])
TRANSFER_VERBS = frozenset(_events["transfer_verbs"])
SELF_PRONOUNS = frozenset(_events["self_pronouns"])
IMMATERIAL_OBJECTS = frozenset(_events["immaterial_objects"])
IMPERSONAL_PRONOUNS = frozenset(_events["impersonal_pronouns"])
PLACE_PREPOSITIONS = frozenset(_events["place_prepositions"])
FUTURE_MARKERS = frozenset(_events["future_markers"])
CONDITION_MARKS = frozenset(_events["condition_marks"])
FORCE_NOUNS = frozenset(_events["force_nouns"])
DEPLOYMENT_VERBS = frozenset(_events["deployment_verbs"])
AREA_NOUNS = frozenset(_events["area_nouns"])
AREA_PREPOSITIONS = frozenset(_events["area_prepositions"])
