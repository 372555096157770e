"""Writing the analysis tables (positions, cohesion, fractures, shifts, voice, reposts)
as JSON Lines and CSV beside the records, one file each: `fractures.jsonl`, `fractures.csv` …

Rows name actors by id and point to their evidence by statement (or quote) id: an
evidence entry becomes its statement id, a list of them a list of ids.
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from detente.analysis.table import Table
from detente.exports.records import write_csv, write_jsonl
from detente.records import Record


def _pointer(value):
    """An evidence entry as its statement id; lists of them as lists of ids."""
    if isinstance(value, dict) and "statement" in value:
        return value["statement"]
    if isinstance(value, list) and value and all(isinstance(v, dict) and "statement" in v for v in value):
        return [v["statement"] for v in value]
    return value


class Row(Record):
    """An analysis row as the record writers take it (`to_dict`)."""

    def __init__(self, row: dict):
        self.row = {key: _pointer(value) for key, value in row.items()}

    def to_dict(self) -> dict:
        return self.row


def write_analysis(out_dir: Path, tables: Mapping[str, Table]) -> list[Path]:
    """Write OUT/NAME.jsonl and OUT/NAME.csv for every table; return the paths written."""
    out = Path(out_dir)
    written = []
    for name, table in tables.items():
        rows = [Row(r) for r in table]
        fields = list(rows[0].row) if rows else []
        written.append(write_jsonl(out / f"{name}.jsonl", rows))
        written.append(write_csv(out / f"{name}.csv", rows, fields))
    return written
