"""Readers: paths (files, directories, ``-``) → Documents with their metadata and its provenance.

One reader per kind of file, chosen by suffix: plain text and Markdown (front matter), saved web pages
(main text and metadata), and record files (JSON Lines, CSV) that hold one document per record.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError, TimelineError
from ..models import Document, Skipped
from ..settings import Settings
from .html import read_html
from .metadata import SIDECAR_SUFFIX, load_sidecar, parse_datetime
from .records import read_csv, read_jsonl
from .result import ReadResult
from .text import read_text, text_document

__all__ = ["ReadResult", "read_paths", "read_path", "read_file", "read_stdin", "parse_datetime", "SUFFIXES"]

Reader = Callable[[Path, str, dict[str, Any], Settings], ReadResult]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".tsv": read_csv,
}
SUFFIXES = tuple(READERS)
_HTML_SUFFIXES = (".html", ".htm")
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?(?P<charset>[A-Za-z0-9_-]+)", re.IGNORECASE)


def _decode(path: Path, data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text.replace("\r\n", "\n")
    declared = _DECLARED_CHARSET.search(data[:4096]) if path.suffix.lower() in _HTML_SUFFIXES else None
    if declared:  # saved pages often keep their legacy charset (windows-1252, iso-8859-1)
        try:
            return data.decode(declared.group("charset").decode("ascii")).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            pass
    raise InputError("not a text file (cannot decode it as UTF-8)", path=path)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror or error}", path=path) from error


def read_file(path: Path, *, settings: Settings | None = None) -> ReadResult:
    """The documents in one file, and the records of it that could not be read (a record file holds many)."""
    if not path.exists():
        raise InputError("a broken symbolic link" if path.is_symlink() else "no such file or directory", path=path)
    if not path.is_file():
        raise InputError("not a regular file", path=path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(f"unsupported file type {path.suffix or '(none)'!r} (known: {', '.join(SUFFIXES)})", path=path)
    sidecar = load_sidecar(path)
    return reader(path, _decode(path, _read_bytes(path)), sidecar, settings or Settings())


def read_path(path: Path, *, settings: Settings | None = None) -> list[Document]:
    """The documents in one file; records that could not be read are left out (see ``read_file``)."""
    return read_file(path, settings=settings).documents


def read_stdin(*, stream: Any = None) -> Document:
    """Standard input as one document; offsets refer to exactly what was read."""
    stream = stream if stream is not None else sys.stdin
    text = stream.read()
    return text_document(text, doc_id="<stdin>", path=None, sidecar={})


def _files_under(directory: Path) -> list[Path]:
    files = []
    for path in sorted(directory.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(directory).parts):
            continue
        # A name the readers know that is no regular file (a broken link, a pipe) is read, to be reported.
        if path.suffix.lower() in READERS and not path.is_dir() and not path.name.endswith(SIDECAR_SUFFIX):
            files.append(path)
    return files


def read_paths(paths: Iterable[str | Path], *, stdin: Any = None, settings: Settings | None = None) -> ReadResult:
    """Read every path; a bad file or record (missing, unreadable, malformed) is skipped and reported."""
    result = ReadResult()
    for raw in paths:
        if str(raw) == "-":
            try:
                result.documents.append(read_stdin(stream=stdin))
            except TimelineError as error:
                result.skipped.append(Skipped(path=error.path or "<stdin>", reason=error.reason))
            continue
        path = Path(raw)
        for file in _files_under(path) if path.is_dir() else [path]:
            try:
                result.extend(read_file(file, settings=settings))
            except TimelineError as error:
                result.skipped.append(Skipped(path=error.path or str(file), reason=error.reason))
            except Exception as error:  # a reader's library choking on one file must not stop the batch
                if os.environ.get("TIMELINE_DEBUG"):
                    raise
                reason = f"could not be read ({type(error).__name__}: {error})"
                result.skipped.append(Skipped(path=str(file), reason=reason))
    return result

