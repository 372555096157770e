r"""Event ontologies as data: PLOVER 2.0 ships as ``ontologies/plover.yaml``.

An ontology file gives each event type its quad category, its conflict–cooperation
score, a description, example sentences, its trigger lemmas (``verbs``, ``nouns``) and
its modes, each with a description, an optional score of its own and triggers of its
own. ``light_verbs`` take a trigger noun as their object ("imposed sanctions"),
``future_heads`` and ``negating_heads`` govern an event as a to-infinitive ("plans to
meet", "failed to agree"), and ``embeds`` lists the types whose verbs govern another
event as their complement ("threatened to strike" is a threat), ``intentions`` the
type of a cooperation that is only intended ("is willing to withdraw" is AGREE in
PLOVER) and ``threats`` that of a conflict only announced ("will boycott the vote" is
THREATEN); ``obligations`` codes "X said Y must …" (REQUEST), ``purpose_heads`` are
triggers whose purpose clause is the event ("phoned X to congratulate him" is SUPPORT);
``recode`` changes a type when the trigger's phrase (with ``in: object``, its object)
holds one of some words or entities (troops deployed to keep the peace are AID), and
``refusals`` the type of a cooperation denied ("did not agree" is REJECT), ``endings``
the type of ending a conflict its object names ("lifted the embargo" is CONCEDE) and, under ``cooperation``, of ending a
cooperation ("reduced aid" is SANCTION); ``passive_not`` lists verbs that are no event in
the passive ("until their demands are met"), ``reciprocal`` the types whose joint sources
without a target act on each other ("X and Y met" is X meeting Y). A trigger listed
twice belongs to the first type or mode that lists it.

``load_ontology(name_or_path)`` takes a shipped name or the path of a user's file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NoReturn, Optional, get_args

import yaml

from detente.errors import OntologyError
from detente.records import EventType

ONTOLOGY_DIR = Path(__file__).parent / "ontologies"
EVENT_TYPES: tuple[str, ...] = get_args(EventType)


@dataclass(frozen=True)
class Trigger:
    """What a trigger lemma codes: an event type and, when the lemma says it, a mode."""

    type: str
    mode: Optional[str] = None


@dataclass(frozen=True)
class Intention:
    """Future (or ready) events of some types coded as another: intended cooperation is
    AGREE, announced conflict THREATEN."""

    type: str
    of: frozenset[str]
    heads: frozenset[str]  # words of readiness: "willing to withdraw"


@dataclass(frozen=True)
class Recode:
    """A type (in a mode, when given) recoded when the trigger's phrase (with
    `in_object`, its object alone) holds one of `words` or an entity of one of `entities`
    ("provided $5 million in support" is AID)."""

    type: str
    mode: Optional[str]
    words: frozenset[str]
    entities: frozenset[str]
    new: str
    in_object: bool = False


@dataclass(frozen=True)
class EventKind:
    """One event type of the ontology."""

    name: str
    quad: str
    score: float
    description: str
    examples: tuple[str, ...] = ()
    modes: dict[str, str] = field(default_factory=dict)  # mode -> description
    mode_scores: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Ontology:
    """Event types, their modes and scores, and the trigger lexicon."""

    name: str
    label: str
    source: str
    kinds: dict[str, EventKind]
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    mode_nouns: dict[tuple[str, str], str]  # (type, noun) -> mode: "sent weapons" is military aid
    light_verbs: frozenset[str]
    future_heads: frozenset[str]
    negating_heads: frozenset[str]
    embeds: frozenset[str]
    intentions: tuple[Intention, ...] = ()  # future cooperation is AGREE, future conflict THREATEN
    recode: tuple[Recode, ...] = ()
    obligation: Optional[str] = None  # the type of "X said Y must …"
    speech_verbs: frozenset[str] = frozenset()  # the verbs that report it
    modals: frozenset[str] = frozenset()  # the modals of obligation
    purpose_heads: frozenset[str] = frozenset()  # "phoned X to congratulate": the purpose is the event
    call: Optional[Trigger] = None  # "called the president to explain …": a phone call
    call_verbs: frozenset[str] = frozenset()
    refusal: Optional[str] = None  # the type of a cooperation denied
    ending: Optional[str] = None  # the type of ending a conflict ("lifted the embargo")
    ending_verbs: frozenset[str] = frozenset()
    cut: Optional[str] = None  # the type of ending a cooperation ("reduced aid")
    passive_not: frozenset[str] = frozenset()
    reciprocal: frozenset[str] = frozenset()  # types whose joint sources act on each other
    refused: frozenset[str] = frozenset()  # the types it applies to

    def score(self, event_type: str, mode: Optional[str] = None) -> float:
        """The conflict–cooperation score of `event_type` in `mode` (the type's when the
        mode gives none)."""
        kind = self.kinds[event_type]
        return kind.mode_scores.get(mode or "", kind.score)

    @cached_property
    def head_lemmas(self) -> frozenset[str]:
        """The lemmas a trigger's head verb can have: the first word of each verb trigger
        and ending verb, and the light, call and speech verbs."""
        heads = {key.split()[0] for key in (*self.verbs, *self.ending_verbs)}
        return frozenset(heads | {w.lower() for w in self.light_verbs | self.call_verbs | self.speech_verbs})


def shipped() -> list[str]:
    """Names of the ontologies that ship with Détente."""
    return sorted(p.stem for p in ONTOLOGY_DIR.glob("*.yaml"))


def load_ontology(name_or_path: str) -> Ontology:
    """Load and validate an ontology by shipped name or file path."""
    path = ONTOLOGY_DIR / f"{name_or_path}.yaml" if name_or_path in shipped() else Path(name_or_path).expanduser()
    if not path.is_file():
        raise OntologyError(f"No event ontology called {name_or_path!r}: give the name of a shipped one "
                            f"({', '.join(shipped())}) or the path of a YAML file.")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise OntologyError(f"{path}: cannot read the event ontology: {err}") from err
    return parse_ontology(data, str(path))


def parse_ontology(data: object, source: str) -> Ontology:
    """Build an Ontology from parsed YAML, naming the file and field of any error."""
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict) or not data["types"]:
        _fail(source, "types", "must map PLOVER event types to their definitions")
    verbs: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    mode_nouns: dict[tuple[str, str], str] = {}
    kinds = {}
    for name, item in data["types"].items():
        if name not in EVENT_TYPES:
            _fail(source, f"types.{name}", f"is not a PLOVER 2.0 type ({', '.join(EVENT_TYPES)})")
        if not isinstance(item, dict) or not isinstance(item.get("score"), (int, float)):
            _fail(source, f"types.{name}", "must be a mapping with a numeric `score`")
        modes = item.get("modes") or {}
        if not isinstance(modes, dict):
            _fail(source, f"types.{name}.modes", "must map mode names to their definitions")
        for mode, spec in modes.items():
            if not isinstance(spec, dict):
                _fail(source, f"types.{name}.modes.{mode}", "must be a mapping with a `description`")
            _add(verbs, _words(spec, "verbs", f"types.{name}.modes.{mode}", source), Trigger(name, mode))
            for noun in _words(spec, "nouns", f"types.{name}.modes.{mode}", source):
                mode_nouns.setdefault((name, noun), mode)
                _add(nouns, [noun], Trigger(name, mode))
        _add(verbs, _words(item, "verbs", f"types.{name}", source), Trigger(name))
        _add(nouns, _words(item, "nouns", f"types.{name}", source), Trigger(name))
        kinds[name] = EventKind(
            name=name, quad=str(item.get("quad", "")), score=float(item["score"]),
            description=" ".join(str(item.get("description", "")).split()),
            examples=tuple(_words(item, "examples", f"types.{name}", source)),
            modes={m: str(s.get("description", "")) for m, s in modes.items()},
            mode_scores={m: float(s["score"]) for m, s in modes.items() if isinstance(s.get("score"), (int, float))},
        )
    embeds = _words(data, "embeds", "", source)
    unknown = [e for e in embeds if e not in kinds]
    if unknown:
        _fail(source, "embeds", f"names {unknown[0]!r}, which is not one of the types")
    intentions = []
    for key in ("intentions", "threats"):
        spec = data.get(key) or {}
        if not isinstance(spec, dict) or (spec and spec.get("type") not in kinds):
            _fail(source, key, "must be a mapping whose `type` is one of the types")
        if spec:
            intentions.append(Intention(spec["type"], frozenset(_words(spec, "of", key, source)),
                                        frozenset(_words(spec, "heads", key, source))))
    obligations = data.get("obligations") or {}
    if not isinstance(obligations, dict) or (obligations and obligations.get("type") not in kinds):
        _fail(source, "obligations", "must be a mapping whose `type` is one of the types")
    refusals = data.get("refusals") or {}
    if not isinstance(refusals, dict) or (refusals and refusals.get("type") not in kinds):
        _fail(source, "refusals", "must be a mapping whose `type` is one of the types")
    calls = data.get("calls") or {}
    if not isinstance(calls, dict) or (calls and calls.get("type") not in kinds):
        _fail(source, "calls", "must be a mapping whose `type` is one of the types")
    endings = data.get("endings") or {}
    if not isinstance(endings, dict) or (endings and endings.get("type") not in kinds) or (
            endings.get("cooperation") not in (None, *kinds)):
        _fail(source, "endings", "must be a mapping whose `type` (and `cooperation`) are types of the file")
    recode = []
    for n, rule in enumerate(data.get("recode") or []):
        if not isinstance(rule, dict) or rule.get("type") not in kinds or rule.get("as") not in kinds:
            _fail(source, f"recode[{n}]", "must give a `type`, `words` and the type to code `as`, types of the file")
        if rule.get("in") not in (None, "object"):
            _fail(source, f"recode[{n}].in", "must be `object` (read the trigger's object alone) or absent")
        recode.append(Recode(rule["type"], rule.get("mode"), frozenset(_words(rule, "words", f"recode[{n}]", source)),
                             frozenset(_words(rule, "entities", f"recode[{n}]", source)), rule["as"],
                             rule.get("in") == "object"))
    return Ontology(
        name=str(data.get("name") or Path(source).stem), label=str(data.get("label") or data.get("name") or ""),
        source=source, kinds=kinds, verbs=verbs, nouns=nouns, mode_nouns=mode_nouns,
        light_verbs=frozenset(_words(data, "light_verbs", "", source)),
        future_heads=frozenset(_words(data, "future_heads", "", source)),
        negating_heads=frozenset(_words(data, "negating_heads", "", source)),
        embeds=frozenset(embeds),
        intentions=tuple(intentions),
        recode=tuple(recode),
        obligation=obligations.get("type"),
        speech_verbs=frozenset(_words(obligations, "verbs", "obligations", source)),
        modals=frozenset(_words(obligations, "modals", "obligations", source)),
        purpose_heads=frozenset(_words(data, "purpose_heads", "", source)),
        call=Trigger(calls["type"], calls.get("mode")) if calls else None,
        call_verbs=frozenset(_words(calls, "verbs", "calls", source)),
        refusal=refusals.get("type"),
        ending=endings.get("type"),
        ending_verbs=frozenset(" ".join(v.lower().split()) for v in _words(endings, "verbs", "endings", source)),
        cut=endings.get("cooperation"),
        passive_not=frozenset(_words(data, "passive_not", "", source)),
        reciprocal=frozenset(_words(data, "reciprocal", "", source)),
        refused=frozenset(_words(refusals, "of", "refusals", source)),
    )


def _add(lexicon: dict[str, Trigger], words: list[str], trigger: Trigger) -> None:
    for word in words:
        lexicon.setdefault(" ".join(word.lower().split()), trigger)


def _words(data: dict, key: str, at: str, source: str) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        _fail(source, f"{at}.{key}" if at else key, "must be a list of strings")
    return value


def _fail(source: str, field_path: str, problem: str) -> NoReturn:
    raise OntologyError(f"{source}, field `{field_path}`: {problem}.")
