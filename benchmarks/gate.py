"""The accuracy gate: Détente's figures on the development gold against the floors in
benchmarks/baseline.json (the logic is detente.evaluation.gate).

    .venv/bin/python benchmarks/gate.py [--update [--allow-lower]] [--write benchmarks/figures.md]

Prints metric, measured, floor and ok for each metric; exits 1 when a figure is below its
floor. --update writes the new figures and raises floors to them less the tolerance; it
refuses (exit 2) to lower a floor unless --allow-lower is given. --write FILE writes the
figures as a Markdown table (between the gate-figures markers of a README). Without the
shared folder the gate is skipped (exit 0).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from detente.errors import DetenteError
from detente.evaluation import gate

REPO = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared folder: corpus, gold, taxonomies, tools (default: beside the repository)")
    parser.add_argument("--baseline", type=Path, default=REPO / "benchmarks" / "baseline.json")
    parser.add_argument("--detente", type=Path, default=Path(sys.executable).with_name("detente"),
                        help="the detente command (default: beside this interpreter)")
    parser.add_argument("--update", action="store_true", help="write the figures and raise floors to them")
    parser.add_argument("--allow-lower", action="store_true", help="with --update, let floors drop")
    parser.add_argument("--write", type=Path, metavar="FILE", action="append", default=[],
                        help="write the figures as a Markdown table: the whole FILE, or between its "
                             "gate-figures markers (README.md); may be given more than once")
    return parser.parse_args(argv)


def show(rows: list[gate.Row], measurement: gate.Measurement, seconds: float) -> None:
    print(gate.table(rows))
    for note in gate.failure_notes(measurement.failures):
        print(note)
    print(f"Measured in {seconds:.0f} s.")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not (args.shared / "corpus" / "seeds").is_dir():
        print(f"The shared folder {args.shared} is absent (no corpus/seeds in it), so the gate is skipped.")
        return 0
    started = time.perf_counter()
    try:
        baseline = gate.load_baseline(args.baseline)
        with tempfile.TemporaryDirectory(prefix="detente-gate-") as work:
            measurement = gate.measure(args.shared, args.detente, Path(work))
    except DetenteError as err:
        print(err)
        return 1
    seconds = time.perf_counter() - started
    if args.update:
        try:
            baseline = gate.updated(baseline, measurement.figures, args.allow_lower)
        except gate.FloorWouldDrop as err:
            show(gate.check(baseline, measurement.figures), measurement, seconds)
            print(err)
            return 2
        args.baseline.write_text(baseline.to_json(), encoding="utf-8")
        print(f"Wrote the figures and floors to {args.baseline}.")
    rows = gate.check(baseline, measurement.figures)
    show(rows, measurement, seconds)
    for path in args.write:
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        path.write_text(gate.with_figures(old, gate.markdown(rows, measurement.failures)), encoding="utf-8")
        print(f"Wrote the figures to {path}.")
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
