"""The Ray executor on a local Ray instance (`ray.init(num_cpus=2)`): the same records as
one process, in input order, and `detente run --executor ray` resumes like any run."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente import ingest
from detente.cli import cli
from detente.config import Config
from detente.executors.serial import SerialExecutor
from detente.ingest.corpus import read_corpus
from detente.records import Document

ray = pytest.importorskip("ray", reason="the Ray executor test needs ray (pip install 'detente[ray]')")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def corpus(articles, copies: int) -> list[Document]:
    seeds = [d for d in read_corpus([articles], ingest.Options()) if isinstance(d, Document)]
    return [Document(id=f"{d.id}-{i}", doc=f"{i}-{d.doc}", source=d.source, text=d.text, published=d.published)
            for i in range(copies) for d in seeds]


def test_ray_gives_the_records_of_one_process_in_input_order(local_ray, articles, build_pipeline):
    from detente.executors.ray import RayExecutor

    documents = corpus(articles, 3)  # 15 documents: six batches over two actors, the first ones small
    config = Config()
    on_ray = list(RayExecutor(workers=2).map(config, documents))
    here = list(SerialExecutor(build_pipeline()).map(config, documents))
    assert [r.document.doc for r in on_ray] == [d.doc for d in documents]
    for a, b in zip(on_ray, here):
        assert {k: [x.to_dict() for x in v] for k, v in a.records.items()} == \
               {k: [x.to_dict() for x in v] for k, v in b.records.items()}


def test_detente_run_on_ray_stores_what_a_local_run_stores_and_resumes(local_ray, articles, tmp_path):
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    assert CliRunner().invoke(cli, ["run", str(articles), "-o", str(local), "--quiet"]).exit_code == 0
    done = CliRunner().invoke(cli, ["run", str(articles), "-o", str(on_ray), "--quiet", "--executor", "ray"])
    assert done.exit_code == 0, done.output
    for name in ("documents", "mentions", "quotes", "statements", "actors"):
        assert (on_ray / f"{name}.jsonl").read_text() == (local / f"{name}.jsonl").read_text(), name
    again = CliRunner().invoke(cli, ["run", str(articles), "-o", str(on_ray), "--quiet", "--executor", "ray"])
    assert "Analysed 0 new document(s), 5 already stored" in again.output
    stored = [json.loads(line)["doc"] for line in (on_ray / "documents.jsonl").read_text().splitlines()]
    assert sorted(stored) == sorted(p.name for p in articles.glob("*.txt"))
