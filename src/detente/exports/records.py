"""Writing records to JSON Lines and CSV files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Mapping

from detente.exports.files import replacing, write_csv_rows
from detente.records import RECORD_TYPES, Record


def _cell(value) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def write_jsonl(path: Path, records: Iterable[Record]) -> Path:
    """Write records as JSON Lines, atomically (a reader never sees half a file)."""
    with replacing(path) as fh:
        for record in records:
            fh.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    return path


def write_csv(path: Path, records: Iterable[Record], fields: list[str]) -> Path:
    """Write records as CSV with a header; lists and mappings are JSON-encoded cells."""
    rows = ([_cell(record.to_dict().get(name)) for name in fields] for record in records)
    return write_csv_rows(path, fields, rows)


def write_records(records: Mapping[str, Iterable[Record]], out_dir: Path, csv: bool = False) -> list[Path]:
    """Write every record type as OUT/NAME.jsonl (and NAME.csv), by record-type name,
    one record at a time: a store's `records()` is written without holding any type."""
    written = []
    for name, cls in RECORD_TYPES.items():
        written.append(write_jsonl(out_dir / f"{name}.jsonl", records.get(name, [])))
        if csv:
            written.append(write_csv(out_dir / f"{name}.csv", records.get(name, []), cls.fields()))
    return written
