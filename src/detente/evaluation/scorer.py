"""Scoring a run against gold annotations with the project's scorer.

The gold format and the scorer (`score.py quotes|stances|actors GOLD PRED`) live in the
project's shared folder (`../shared/gold`, `../shared/tools/score.py`); this module runs
that scorer on a run's outputs, so the figures printed are the ones the project reports.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from detente.errors import EvaluationError

# gold file suffix -> (scorer task, the run's output file it scores)
TASKS = {
    "actors": ("actors", "mentions.jsonl"),
    "quotes": ("quotes", "quotes.jsonl"),
    "stances": ("stances", "statements.jsonl"),
}


@dataclass
class Score:
    task: str
    report: str


def gold_files(gold: Path) -> dict[str, Path]:
    """The gold files in a folder (NAME.actors.jsonl, NAME.quotes.jsonl, NAME.stances.jsonl)."""
    found = {task: next(iter(sorted(gold.glob(f"*.{task}.jsonl"))), None) for task in TASKS}
    return {task: path for task, path in found.items() if path}


def check(gold: Path, scorer: Path) -> dict[str, Path]:
    """The gold files of folder `gold`; an EvaluationError when the scorer or gold is missing."""
    if not scorer.is_file():
        raise EvaluationError(f"The scorer {scorer} does not exist; name it with --scorer.")
    files = gold_files(gold) if gold.is_dir() else {}
    if not files:
        raise EvaluationError(f"{gold} holds no *.actors.jsonl, *.quotes.jsonl or *.stances.jsonl gold file.")
    return files


def score(gold: Path, out_dir: Path, scorer: Path) -> list[Score]:
    """Score the run in `out_dir` against every gold file in the folder `gold`."""
    files = check(gold, scorer)
    scores = []
    for task, gold_path in files.items():
        scorer_task, output = TASKS[task]
        pred = out_dir / output
        if not pred.is_file():
            raise EvaluationError(f"The run in {out_dir} has no {output}.")
        done = subprocess.run([sys.executable, str(scorer), scorer_task, str(gold_path), str(pred)],
                              capture_output=True, text=True)
        if done.returncode:
            raise EvaluationError(f"The scorer failed on {gold_path.name}: {done.stderr.strip()}")
        scores.append(Score(task, done.stdout.strip()))
    return scores
