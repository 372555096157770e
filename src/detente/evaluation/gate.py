"""The accuracy gate: Détente's figures on the development gold, held above pinned floors.

:func:`measure` runs ``detente run`` as a user would (the seeds with the VOA development
stories; the stories of each user-written taxonomy under it; the patterns-free Ukraine
taxonomy on the Ukraine stories) and scores each run with the project's scorer.
:func:`check` compares the figures with the floors of a :class:`Baseline`;
:func:`updated` raises floors to new figures less the tolerance, and lowers one only
when told to. ``benchmarks/gate.py`` is the command.
"""
from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from detente.errors import EvaluationError
from detente.evaluation import scorer

TOLERANCE = 0.005
RUN_TIMEOUT_S = 120
KOREAN_PENINSULA = frozenset({"voa_6184244", "voa_6181235", "voa_7677701"})
TURKEY_S400 = frozenset({"voa_6180015", "voa_6180932"})
FIGURE_LINE = re.compile(r"^(\w+)\s+P=(\d+\.\d+) R=(\d+\.\d+) F1=(\d+\.\d+)$", re.MULTILINE)


class GateError(EvaluationError):
    """The gate cannot measure, or cannot write the baseline asked for."""


class FloorWouldDrop(GateError):
    """An update would lower a floor and lowering was not allowed."""


@dataclass(frozen=True)
class Stories:
    """Articles by file stem: those in `only` (all when None), less those in `without`."""

    only: frozenset[str] | None = None
    without: frozenset[str] = frozenset()

    def __contains__(self, doc: str) -> bool:
        stem = PurePath(doc).stem
        return (self.only is None or stem in self.only) and stem not in self.without


ALL = Stories()
UKRAINE = Stories(without=KOREAN_PENINSULA | TURKEY_S400)


@dataclass(frozen=True)
class Run:
    """One ``detente run``: the articles of `corpora` (folders of shared/corpus) among
    `stories`, under the taxonomy `issues` (a file in shared/taxonomies; None: the default)."""

    name: str
    corpora: tuple[str, ...]
    stories: Stories = ALL
    issues: str | None = None


@dataclass(frozen=True)
class Scoring:
    """One scorer call: the `task` output of run `run` against the lines of the `gold`
    files (in shared/gold) about `stories`. `figures` are the (label, scorer line, figure)
    kept; each becomes the metric "{name} {task} {label}"."""

    name: str
    run: str
    task: str
    gold: tuple[str, ...]
    figures: tuple[tuple[str, str, str], ...]
    stories: Stories = ALL

    def metrics(self) -> dict[str, tuple[str, str]]:
        """Metric name -> (scorer line, figure)."""
        return {f"{self.name} {self.task} {label}": (line, figure) for label, line, figure in self.figures}


QUOTE_FIGURES = (("attribution F1", "attribution", "F1"), ("span F1", "span", "F1"))
STANCE_F1 = (("F1", "stance", "F1"),)
STANCE_GOLD = ("seeds.stances.jsonl", "voa-dev.stances.jsonl")

RUNS = (
    Run("all", ("seeds", "voa-dev")),
    Run("ukraine-minimal", ("seeds", "voa-dev"), UKRAINE, "ukraine-peace-2025-minimal.yaml"),
    Run("korean-peninsula", ("voa-dev",), Stories(only=KOREAN_PENINSULA), "korean-peninsula.yaml"),
    Run("turkey-s400-2019", ("voa-dev",), Stories(only=TURKEY_S400), "turkey-s400-2019.yaml"),
)
SCORINGS = (
    Scoring("seeds", "all", "quotes", ("seeds.quotes.jsonl",), QUOTE_FIGURES),
    Scoring("voa-dev", "all", "quotes", ("voa-dev.quotes.jsonl",), QUOTE_FIGURES),
    Scoring("seeds", "all", "actors", ("seeds.actors.jsonl",), (("F1", "actor", "F1"),)),
    Scoring("voa-dev", "all", "actors", ("voa-dev.actors.jsonl",),
            (("P", "actor", "P"), ("R", "actor", "R"), ("F1", "actor", "F1"))),
    Scoring("ukraine-peace-2025", "all", "stances", STANCE_GOLD, STANCE_F1, UKRAINE),
    Scoring("korean-peninsula", "korean-peninsula", "stances", STANCE_GOLD, STANCE_F1, Stories(only=KOREAN_PENINSULA)),
    Scoring("turkey-s400-2019", "turkey-s400-2019", "stances", STANCE_GOLD, STANCE_F1, Stories(only=TURKEY_S400)),
    Scoring("ukraine-peace-2025-minimal", "ukraine-minimal", "stances", STANCE_GOLD, STANCE_F1, UKRAINE),
)


@dataclass
class Measurement:
    """Figures by metric name (None where the run behind a metric failed), and why each
    failed run failed, by run name."""

    figures: dict[str, float | None]
    failures: dict[str, str] = field(default_factory=dict)


def measure(shared: Path, detente: Path, workdir: Path) -> Measurement:
    """Run the gate's runs (in parallel, one per CPU) in `workdir` and score them."""
    if not detente.is_file():
        raise GateError(f"The detente command is not at {detente}; name it with --detente.")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        outcomes = dict(zip((r.name for r in RUNS), pool.map(lambda r: run_detente(r, shared, detente, workdir), RUNS)))
    figures: dict[str, float | None] = {}
    for scoring in SCORINGS:
        outcome = outcomes[scoring.run]
        if isinstance(outcome, Path):
            figures.update(score(scoring, shared, outcome, workdir))
        else:
            figures.update(dict.fromkeys(scoring.metrics()))
    return Measurement(figures, {name: why for name, why in outcomes.items() if isinstance(why, str)})


def run_detente(run: Run, shared: Path, detente: Path, workdir: Path) -> Path | str:
    """The output folder of `run`, or a sentence saying why it failed."""
    inputs, out = workdir / run.name / "in", workdir / run.name / "out"
    inputs.mkdir(parents=True)
    for corpus in run.corpora:
        for path in sorted((shared / "corpus" / corpus).glob("*.txt")):
            if path.name in run.stories:
                shutil.copy(path, inputs)
    command = [str(detente), "run", str(inputs), "-o", str(out), "--quiet"]
    if run.issues:
        command += ["--issues", str(shared / "taxonomies" / run.issues)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return f"it ran over {RUN_TIMEOUT_S} s"
    if done.returncode:
        said = (done.stderr.strip() or done.stdout.strip() or "no message").splitlines()[-1]
        return f"it exited with {done.returncode}: {said}"
    return out


def score(scoring: Scoring, shared: Path, out: Path, workdir: Path) -> dict[str, float]:
    """The metrics of `scoring` on the run in `out`, from the project's scorer."""
    gold_dir = workdir / "gold" / f"{scoring.name}.{scoring.task}"
    gold_dir.mkdir(parents=True)
    lines = [line for name in scoring.gold for line in gold_lines(shared / "gold" / name, scoring.stories)]
    (gold_dir / f"gate.{scoring.task}.jsonl").write_text("".join(lines), encoding="utf-8")
    (result,) = scorer.score(gold_dir, out, shared / "tools" / "score.py")
    return pick(parse_figures(result.report), scoring.metrics())


def gold_lines(path: Path, stories: Stories) -> list[str]:
    """The lines of the gold file `path` about `stories`."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise GateError(f"The gold file {path} cannot be read: {err.strerror or err}.") from err
    return [line + "\n" for line in text.splitlines() if line.strip() and json.loads(line)["doc"] in stories]


def parse_figures(report: str) -> dict[str, dict[str, float]]:
    """The scorer's figure lines ("span        P=0.961 R=0.980 F1=0.970"), by line name."""
    return {m[1]: {"P": float(m[2]), "R": float(m[3]), "F1": float(m[4])} for m in FIGURE_LINE.finditer(report)}


def pick(parsed: dict[str, dict[str, float]], metrics: dict[str, tuple[str, str]]) -> dict[str, float]:
    """The figures named by `metrics` (name -> (line, figure)) in a parsed scorer report."""
    missing = sorted({line for line, _ in metrics.values()} - parsed.keys())
    if missing:
        raise GateError(f"The scorer printed no {missing[0]!r} line; it printed {', '.join(parsed) or 'none'}.")
    return {name: parsed[line][figure] for name, (line, figure) in metrics.items()}


@dataclass
class Baseline:
    """Floors and the figures they were pinned from, by metric name (None: no floor, or
    not measured), and the tolerance a floor keeps below its figure."""

    floors: dict[str, float | None] = field(default_factory=dict)
    measured: dict[str, float | None] = field(default_factory=dict)
    tolerance: float = TOLERANCE

    def to_json(self) -> str:
        metrics = {name: {"measured": self.measured.get(name), "floor": floor} for name, floor in self.floors.items()}
        return json.dumps({"tolerance": self.tolerance, "metrics": metrics}, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Baseline":
        data = json.loads(text)
        metrics = data["metrics"]
        return cls({n: m["floor"] for n, m in metrics.items()}, {n: m["measured"] for n, m in metrics.items()},
                   data.get("tolerance", TOLERANCE))


def load_baseline(path: Path) -> Baseline:
    """The baseline in `path`; an empty one (no floors) when the file does not exist."""
    if not path.exists():
        return Baseline()
    try:
        return Baseline.from_json(path.read_text(encoding="utf-8"))
    except (ValueError, KeyError, TypeError) as err:
        raise GateError(f"The baseline {path} is not a gate baseline ({type(err).__name__}: {err}).") from err


def floor_for(value: float | None, tolerance: float) -> float | None:
    """The floor a figure pins: `tolerance` below it, rounded down to 3 decimals."""
    return None if value is None else math.floor(round((value - tolerance) * 1000, 6)) / 1000


def updated(baseline: Baseline, figures: dict[str, float | None], allow_lower: bool = False) -> Baseline:
    """The baseline pinned to new `figures`: each floor raised to its figure less the
    tolerance, never lowered; with `allow_lower`, every floor is its figure less the
    tolerance. Raises FloorWouldDrop when, without `allow_lower`, a figure is below its
    floor or was not measured."""
    drops = [_drop(name, floor, figures.get(name), baseline.tolerance)
             for name, floor in baseline.floors.items() if floor is not None and not _holds(figures.get(name), floor)]
    if drops and not allow_lower:
        raise FloorWouldDrop(" ".join(drops) + " Pass --allow-lower to lower floors.")
    floors = {}
    for name, value in figures.items():
        target, old = floor_for(value, baseline.tolerance), baseline.floors.get(name)
        floors[name] = target if allow_lower or old is None or target is None else max(old, target)
    return Baseline(floors, dict(figures), baseline.tolerance)


def _holds(value: float | None, floor: float) -> bool:
    return value is not None and value >= floor


def _drop(name: str, floor: float, value: float | None, tolerance: float) -> str:
    if value is None:
        return f"The floor of {name!r} ({floor:.3f}) would drop: it was not measured."
    return (f"The floor of {name!r} would drop from {floor:.3f} to {floor_for(value, tolerance):.3f}: "
            f"it measured {value:.3f}.")


@dataclass(frozen=True)
class Row:
    """One metric's figure beside its floor."""

    metric: str
    measured: float | None
    floor: float | None

    @property
    def ok(self) -> bool:
        """Whether the figure holds its floor (always, when there is no floor)."""
        return self.floor is None or _holds(self.measured, self.floor)

    @property
    def verdict(self) -> str:
        return "no floor" if self.floor is None else "ok" if self.ok else "BELOW"


def check(baseline: Baseline, figures: dict[str, float | None]) -> list[Row]:
    """Each metric measured or floored, its figure beside its floor."""
    names = list(figures) + [name for name in baseline.floors if name not in figures]
    return [Row(name, figures.get(name), baseline.floors.get(name)) for name in names]


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def table(rows: list[Row]) -> str:
    """The rows as a plain-text table: metric, measured, floor, ok."""
    width = max([len(r.metric) for r in rows] + [len("metric")])
    lines = [f"{'metric':<{width}}  {'measured':>8}  {'floor':>6}  ok"]
    lines += [f"{r.metric:<{width}}  {_figure(r.measured):>8}  {_figure(r.floor):>6}  {r.verdict}" for r in rows]
    return "\n".join(lines)


def markdown(rows: list[Row], failures: dict[str, str]) -> str:
    """The rows as a Markdown table (metric, measured, floor), then the runs that failed."""
    lines = ["| metric | measured | floor |", "| --- | ---: | ---: |"]
    lines += [f"| {r.metric} | {_figure(r.measured)} | {_figure(r.floor)} |" for r in rows]
    if failures:
        lines += [""] + [f"- {note}" for note in failure_notes(failures)]
    return "\n".join(lines) + "\n"


FIGURES_START, FIGURES_END = "<!-- gate figures: start -->", "<!-- gate figures: end -->"


def with_figures(document: str, figures: str) -> str:
    """`document` with the text between its gate-figures markers replaced by `figures`;
    the figures alone when it has no markers (a file of its own)."""
    start, end = document.find(FIGURES_START), document.find(FIGURES_END)
    if start < 0 or end < start:
        return figures
    return document[:start + len(FIGURES_START)] + "\n" + figures + document[end:]


def failure_notes(failures: dict[str, str]) -> list[str]:
    """A sentence for each failed run: its metrics read —."""
    return [f"The run {name!r} failed, so its metrics read —: {why}" for name, why in failures.items()]
