"""The JSON API: every record type with filters and paging, the analyses over filtered
statements, the runs, and `/api/evidence/{record}`: a record's sentence in its article.
The response models come from the record types, so the OpenAPI docs (/api/docs) do too."""
from __future__ import annotations

from typing import Annotated, Any, Callable, Optional, Union, cast

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, create_model

from detente.analysis.voice import DIMENSIONS
from detente.errors import QueryError
from detente.records import RECORD_TYPES, Quote, Statement
from detente.serve.data import Data, Selection
from detente.serve.evidence import sentence_around
from detente.store.query import Filters, page, record

MAX_PAGE = 1000
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Records per page.")]
Offset = Annotated[int, Query(ge=0, description="Records to skip.")]
Date = Annotated[Optional[str], Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$", description="ISO date, inclusive.")]

router = APIRouter(prefix="/api")


def data(request: Request) -> Data:
    return request.app.state.data


def filters(id: Optional[str] = None, doc_id: Optional[str] = None, actor_id: Optional[str] = None,
            speaker_id: Optional[str] = None, quote_id: Optional[str] = None, issue: Optional[str] = None,
            stance: Optional[str] = None, kind: Optional[str] = None, outlet: Optional[str] = None,
            since: Date = None, until: Date = None,
            q: Annotated[Optional[str], Query(max_length=200, description="Words to search for.")] = None) -> Filters:
    """The filters of a record listing (each applies where the record type has the field)."""
    return Filters(id=id, doc_id=doc_id, actor_id=actor_id, speaker_id=speaker_id, quote_id=quote_id, issue=issue,
                   stance=stance, kind=kind, outlet=outlet, since=since, until=until, q=q)


def selection(since: Date = None, until: Date = None, outlet: Optional[str] = None, actor_id: Optional[str] = None,
              issue: Optional[str] = None, bloc: Optional[str] = None) -> Selection:
    """The statements an analysis looks at (a filter left empty in a form is no filter)."""
    return Selection(since=since or None, until=until or None, outlet=outlet or None, actor_id=actor_id or None,
                     issue=issue or None, bloc=bloc or None)


def _listing(name: str, cls: type) -> None:
    model = create_model(f"{cls.__name__}Page", total=(int, ...), limit=(int, ...), offset=(int, ...),
                         items=(list[cls], ...))  # type: ignore[valid-type]

    def listing(found: Annotated[Filters, Depends(filters)], store: Annotated[Data, Depends(data)],
                limit: Limit = 50, offset: Offset = 0) -> Any:
        total, items = page(store.store, name, found, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    router.add_api_route(f"/{name}", listing, methods=["GET"], response_model=model, name=name,
                         summary=f"The stored {name}, filtered and paged", tags=["records"])


for _name, _cls in RECORD_TYPES.items():
    _listing(_name, _cls)

Chosen = Annotated[Selection, Depends(selection)]
Store = Annotated[Data, Depends(data)]


@router.get("/positions", tags=["analyses"])
def positions(chosen: Chosen, store: Store) -> list[dict]:
    """Actor × issue positions with their evidence."""
    return store.positions(chosen)


@router.get("/networks", tags=["analyses"])
def networks(chosen: Chosen, store: Store, aggregation: str = "congruence", normalization: str = "no") -> list[dict]:
    """One-mode actor network (DNA's aggregation and normalization options)."""
    return store.network(chosen, aggregation, normalization)


@router.get("/cohesion", tags=["analyses"])
def cohesion(chosen: Chosen, store: Store,
             window_days: Annotated[Optional[int], Query(ge=1, le=3660)] = None) -> list[dict]:
    """Agreement Index per bloc and issue (per time window of `window_days`)."""
    return store.cohesion(chosen, window_days)


@router.get("/fractures", tags=["analyses"])
def fractures(chosen: Chosen, store: Store) -> list[dict]:
    """Bloc members on opposite sides of an issue, with both sentences."""
    return store.fractures(chosen)


class AnalysisPage(BaseModel):
    """A page of an analysis's rows, each with `evidence`: the /api/evidence links of the
    statements or quotes behind it."""

    total: int
    limit: int
    offset: int
    items: list[dict]


def _paged(rows: list[dict], behind: Callable[[dict], list[str]], limit: int, offset: int) -> dict:
    items = [{**row, "evidence": [f"/api/evidence/{record_id}" for record_id in behind(row)]}
             for row in rows[offset:offset + limit]]
    return {"total": len(rows), "limit": limit, "offset": offset, "items": items}


@router.get("/shifts", tags=["analyses"], response_model=AnalysisPage)
def shifts(chosen: Chosen, store: Store, window_days: Annotated[Optional[int], Query(ge=1, le=3660)] = None,
           limit: Limit = 50, offset: Offset = 0) -> Any:
    """Actors changing position on an issue between time windows (of `window_days`),
    ranked, with the earlier and the later sentence."""
    return _paged(store.shifts(chosen, window_days), lambda r: r["statements"], limit, offset)


@router.get("/voice", tags=["analyses"], response_model=AnalysisPage)
def voice(chosen: Chosen, store: Store,
          dimension: Annotated[Optional[str], Query(pattern=f"^({'|'.join(DIMENSIONS)})$")] = None,
          limit: Limit = 50, offset: Offset = 0) -> Any:
    """Who gets quoted, by outlet: shares of the quotes by speaker kind, gender, bloc and
    speaker (one `dimension`, or all), with the quotes behind each share."""
    rows = [r for r in store.voice(chosen) if dimension in (None, r["dimension"])]
    return _paged(rows, lambda r: r["quote_ids"], limit, offset)


@router.get("/runs", tags=["records"])
def runs(store: Store) -> list[dict]:
    """Every run that wrote to the database: version, model, taxonomy, options, counts."""
    return store.store.runs()


@router.get("/evidence/{record_id}", tags=["evidence"])
def evidence(record_id: str, store: Store) -> dict:
    """A quote or statement with the sentence that holds it, in its article."""
    name, found = record(store.store, record_id)
    if not hasattr(found, "start"):
        raise QueryError(f"The record {record_id!r} is one of the {name}, which have no sentence in an article; "
                         "evidence is for quotes and statements.")
    located = cast(Union[Quote, Statement], found)
    document = store.document(located.doc_id)
    start, end = located.start, located.end
    begin, finish = sentence_around(document.text, start, end)
    return {"type": name, "record": found.to_dict(), "start": start, "end": end,
            "sentence": {"start": begin, "end": finish, "text": document.text[begin:finish]},
            "article": document.to_dict(),
            "permalink": f"/articles/{document.id}?highlight={record_id}#r-{record_id}"}
