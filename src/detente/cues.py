"""Cue lexicon for quotation extraction, as data: which words introduce reported speech.

Lemmas, lower case. ``SPEECH_VERBS`` introduce direct and indirect speech (X said that …);
``BELIEF_VERBS`` report a position the same way;
``DIRECTIVE_VERBS`` take an object and a to-infinitive as the reported content
(X urged Y to …); ``SPEECH_NOUNS`` are words for an utterance whose quoted content can be
given in quotation marks (his appeal that Ukraine be “closely involved”);
``GENERIC_SOURCES`` are plural nouns that, bare, name no particular source
("officials warn …", "experts caution …").
"""
from __future__ import annotations

SPEECH_VERBS = frozenset("""
acknowledge add admit affirm agree allege announce answer argue assert assure boast caution
charge claim comment complain concede conclude confirm contend counter declare demand deny describe
echo emphasise emphasize estimate explain insist indicate maintain mention note observe
pledge point predict proclaim promise propose recall reiterate remark reply report respond
retort reveal say signal state stress suggest swear tell testify threaten tweet underline
underscore vow warn write shout yell chant exclaim joke quip lament scoff snap thunder muse
recount ask post retweet
""".split())

# Verbs of belief report a position as indirect speech does (Trump believes that …).
BELIEF_VERBS = frozenset("""
believe think fear hope doubt worry feel know suspect assume expect understand realize
realise recognize recognise find show learn guess imagine
""".split())

# Verbs of commitment take a to-infinitive as the reported content (the senator vowed to …;
# Kyiv refused to …). Unspoken intentions (want, plan) are not reported speech.
INTENTION_VERBS = frozenset("""
vow pledge promise refuse decline offer propose demand
""".split())

DIRECTIVE_VERBS = frozenset("""
ask beg call encourage implore press push urge warn tell advise
""".split())

SPEECH_NOUNS = frozenset("""
appeal call claim comment demand message pledge plea promise remark statement vow warning
words
""".split())

# Verbs that label their object; a label they take in quotation marks is the subject's
# word, not a scare quote (Christie described Clinton as a “disgrace”).
NAMING_VERBS = frozenset("""
accuse blame blast brand call characterize characterise condemn criticize criticise decry
deride denounce describe dismiss dub hail label laud liken mock praise slam term
""".split())

# Naming verbs that report a judgement without quotation marks (Democrats called the
# citation a political ploy; she described the plan as reckless), and "call for".
LABELLING_VERBS = frozenset("""
brand call characterize characterise describe dub label term
""".split())

GENERIC_SOURCES = frozenset("""
analysts commentators critics experts observers officials people pundits sources diplomats
""".split())

# Dashes that put the source after a quotation: “…” ― Olena Kovalenko
ATTRIBUTION_DASHES = frozenset("―—–-")

# Phrasal cues whose object names the source: "according to X".
SOURCE_PREPOSITIONS = (("according", "to"),)

# Verbs that report speech only with a text as their subject: “…,” the statement read.
TEXT_VERBS = frozenset({"read"})
TEXTS = frozenset("""
statement letter article editorial sign headline post tweet message memo note release banner
placard poster caption communique communiqué
""".split())

# Verbs that carry on someone's speech when they take no complement of their own
# (“…,” she continued; he went on: “…”), not "he continued to fight".
CARRY_ON_VERBS = frozenset({"continue", "go on"})
