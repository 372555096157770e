"""`detente serve`: a read-only HTTP API and web UI over a store.

The app reads the database through a read-only connection and never imports the
pipeline (an import contract checks it); no request names a file, and article text only
ever reaches a page as escaped text. Bad parameters get a 4xx with a sentence.
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from detente.errors import QueryError, RecordNotFound
from detente.serve import api, ui
from detente.serve.data import Data
from detente.store import Store
from detente.version import __version__


def create_app(store: Store) -> FastAPI:
    """The app over `store` (open it with ``store.query.read_only``)."""
    app = FastAPI(title="Détente", version=__version__, docs_url="/api/docs", redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Quotes, statements and coalitions found in news coverage, read-only.")
    app.state.data = Data(store)
    app.include_router(api.router)
    app.include_router(ui.router)
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, _http_error)
    return app


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/")


def _reply(request: Request, status: int, message: str):
    if _wants_html(request):
        return ui.error_page(request, status, message)
    return JSONResponse({"error": message}, status_code=status)


async def _query_error(request: Request, err: Exception):
    status = 404 if isinstance(err, RecordNotFound) else 400
    return _reply(request, status, str(err))


async def _invalid(request: Request, err: Exception):
    problems = []
    for item in getattr(err, "errors", lambda: [])():
        where = ".".join(str(p) for p in item.get("loc", ())[1:]) or "request"
        problems.append(f"{where}: {item.get('msg', 'is not valid')}")
    return _reply(request, 422, "The request has a parameter that cannot be used (" + "; ".join(problems) + ").")


async def _http_error(request: Request, err: Exception):
    status = getattr(err, "status_code", 500)
    detail = getattr(err, "detail", "")
    message = "There is no such page." if status == 404 else f"The request cannot be served: {detail}."
    return _reply(request, status, message)
