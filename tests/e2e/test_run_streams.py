"""A run writes its exports from the store without holding every record: the mentions
(the most numerous type, which no analysis reads) are only ever streamed, and the files
hold what the store holds."""
from __future__ import annotations

import json

from detente import runner
from detente.store import Store, open_store, sqlite_url


def test_a_run_streams_the_records_it_exports(articles, tmp_path, monkeypatch):
    held: list[str] = []
    read = Store.read

    def reading(store, name):
        held.append(name)
        return read(store, name)

    def everything(store):
        raise AssertionError("the run read every record into memory")

    monkeypatch.setattr(Store, "read", reading)
    monkeypatch.setattr(Store, "read_all", everything)
    summary = runner.run([articles], tmp_path / "out", quiet=True, csv=True)
    assert summary.added == 5 and "mentions" not in held
    monkeypatch.undo()
    stored = open_store(sqlite_url(tmp_path / "out" / "detente.db")).read("mentions")
    lines = (tmp_path / "out" / "mentions.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [m.to_dict() for m in stored] and len(stored) > 20
    rows = (tmp_path / "out" / "mentions.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == len(stored) + 1
