"""Actor precision and recall on both gold sets, scored by the shared scorer.

usage: python benchmarks/actors.py [RUN_DIR]   (without RUN_DIR, runs Détente first)
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"  # beside the checkout, as CI has it
SETS = ("seeds", "voa-dev")


def main() -> None:
    if len(sys.argv) > 1:
        run = Path(sys.argv[1])
    else:
        run = Path(tempfile.mkdtemp(prefix="detente-actors-"))
        corpora = [str(SHARED / "corpus" / name) for name in SETS]
        subprocess.run([sys.executable, "-m", "detente.cli", "run", *corpora, "-o", str(run), "--quiet"], check=True)
    for name in SETS:
        out = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "actors",
                              str(SHARED / "gold" / f"{name}.actors.jsonl"), str(run / "mentions.jsonl")],
                             check=True, capture_output=True, text=True).stdout
        line = next((x for x in out.splitlines() if x.startswith("actor ")), "")
        print(f"{name:8s} {line}")


if __name__ == "__main__":
    main()
