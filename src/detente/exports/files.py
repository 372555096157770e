"""Writing output files safely: each is written under a temporary name beside it and
renamed into place, so that a reader, a concurrent run or a full disk never leaves half
a file; every CSV goes through ``write_csv_rows``, which neutralises spreadsheet formulas."""
from __future__ import annotations

import csv
import os
import tempfile
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from detente.errors import RunError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Cell beginnings a spreadsheet reads as a formula (OWASP, CSV injection)."""


@contextmanager
def replacing(path: Path, binary: bool = False, newline: str | None = None) -> Iterator[IO[Any]]:
    """A file to write `path` through: a temporary file in the same folder, renamed onto
    `path` when the block ends; on any failure the old `path` stays as it was."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as err:
        _discard(tmp)
        raise RunError(f"{path} could not be written ({err.strerror or err}); any earlier copy is left as it was.") \
            from err
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str) -> None:
    with suppress(FileNotFoundError):
        os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def safe_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a string that would start a formula
    gets a leading apostrophe (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv_rows(path: Path, header: list[str], rows: Iterable[Iterable[object]]) -> Path:
    """Write a CSV file (header, then rows), atomically, with every cell made safe."""
    with replacing(path, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return Path(path)
