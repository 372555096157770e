"""Documents are analysed together only up to a bound on their text, so that a batch of
long articles costs no more memory than one of short ones: the runs the pipeline sees
stay within the bound (a longer article alone), in input order, with the records each
document gets when analysed by itself."""
from __future__ import annotations

from detente import pipeline
from detente.executors import FIRST_BATCH_CHARS, budget, worker_batches
from detente.records import Document, text_id

PARAGRAPH = ("The foreign minister of Norway said on Tuesday that the talks in Oslo would resume next week. "
             "Negotiators from both delegations met for three hours. ")


def article(i: int, paragraphs: int) -> Document:
    text = f"Report {i}. " + PARAGRAPH * paragraphs
    return Document(id=text_id(text), doc=f"{i}.txt", source=f"{i}.txt", text=text)


def test_a_batch_is_analysed_in_runs_within_the_bound_on_text(build_pipeline, monkeypatch):
    nlp = build_pipeline()
    documents = [article(i, n) for i, n in enumerate([1, 2, 9, 1, 1, 3, 1])]
    monkeypatch.setattr(budget, "BATCH_CHARS", 3 * len(PARAGRAPH) + 20)
    runs: list[list[Document]] = []
    real = pipeline.analyse

    def seen(nlp_, batch):
        runs.append(list(batch))
        return real(nlp_, batch)

    monkeypatch.setattr(pipeline, "analyse", seen)
    results = budget.analyse(nlp, documents, 0)
    assert [r.document.doc for r in results] == [d.doc for d in documents]  # type: ignore[union-attr]
    assert [d for run in runs for d in run] == documents and len(runs) > 2
    for run in runs:
        assert len(run) == 1 or sum(len(d.text) for d in run) <= budget.BATCH_CHARS
    assert [len(run) for run in runs if any(d.doc == "2.txt" for d in run)] == [1]
    alone = [next(iter(real(nlp, [d]))) for d in documents]
    for together, by_itself in zip(results, alone):
        assert {k: [x.to_dict() for x in v] for k, v in together.records.items()} == \
               {k: [x.to_dict() for x in v] for k, v in by_itself.records.items()}  # type: ignore[union-attr]


def test_workers_get_small_batches_first_and_larger_ones_after():
    documents = [article(i, 20) for i in range(40)] + [article(40, 300)]  # 3,000 and 45,000 characters
    batches = list(worker_batches(documents, 2))
    assert [d for batch in batches for d in batch] == documents
    sizes = [sum(len(d.text) for d in batch) for batch in batches]
    assert len(batches[0]) == len(batches[1]) == 1  # a short corpus still reaches both workers
    assert sizes[0] <= FIRST_BATCH_CHARS and max(sizes[:-1]) > 4 * FIRST_BATCH_CHARS
    assert all(size <= budget.BATCH_CHARS for size in sizes[:-1])
    assert batches[-1] == [documents[-1]]  # a long article goes alone


def test_one_document_is_one_batch():
    assert list(worker_batches([article(0, 1)], 4)) == [[article(0, 1)]]
