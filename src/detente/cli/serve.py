"""`detente serve`: browse a store in a web browser, read-only, on this machine."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from detente.cli.common import console, db_option, friendly_errors
from detente.errors import UsageError

HOST = "127.0.0.1"  # this machine only; put a reverse proxy in front to share it


@click.command()
@click.argument("out_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@db_option
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port on 127.0.0.1.")
@friendly_errors
def serve(out_dir: Optional[Path], db_url: Optional[str], port: int) -> None:
    """Serve the results in OUT (or the database --db URL) as a web UI and a JSON API.

    Example: detente serve out/   then open http://127.0.0.1:8000/
    """
    url = _url(out_dir, db_url)
    try:
        import uvicorn

        from detente.serve import create_app
    except ModuleNotFoundError as err:
        raise UsageError(f"`detente serve` needs {err.name}, which is not installed: pip install 'detente[serve]'.") \
            from err
    from detente.store.query import read_only

    app = create_app(read_only(url))
    console.print(f"Serving {url} at http://{HOST}:{port}/ (API docs at /api/docs); Ctrl-C stops.", highlight=False)
    uvicorn.run(app, host=HOST, port=port, log_level="warning")


def _url(out_dir: Optional[Path], db_url: Optional[str]) -> str:
    if db_url:
        return db_url
    if out_dir is None:
        raise UsageError("Name an output folder of `detente run` (detente serve OUT) or a database (--db URL).")
    db = out_dir / "detente.db"
    if not db.is_file():
        raise UsageError(f"The folder {out_dir} has no detente.db: run `detente run ... -o {out_dir}` first.")
    from detente.store import sqlite_url

    return sqlite_url(db)
