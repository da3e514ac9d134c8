"""Readers: paths (files, directories, ``-``) → Documents with their metadata and its provenance."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, TimelineError
from ..models import Document, Skipped
from .metadata import SIDECAR_SUFFIX, load_sidecar, parse_datetime
from .text import read_text, text_document

__all__ = ["ReadResult", "read_paths", "read_path", "read_stdin", "parse_datetime", "SUFFIXES"]

Reader = Callable[[Path, str, dict[str, Any]], list[Document]]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".markdown": read_text,
}
SUFFIXES = tuple(READERS)


@dataclass
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror or error}", path=path) from error
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text.replace("\r\n", "\n")
    raise InputError("not a text file (cannot decode it as UTF-8)", path=path)


def read_path(path: Path) -> list[Document]:
    """The documents in one file (a record file holds many)."""
    if not path.exists():
        raise InputError("no such file or directory", path=path)
    if not path.is_file():
        raise InputError("not a regular file", path=path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(f"unsupported file type {path.suffix or '(none)'!r} (known: {', '.join(SUFFIXES)})", path=path)
    sidecar = load_sidecar(path)
    return reader(path, _decode(path), sidecar)


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
        if path.is_file() and path.suffix.lower() in READERS and not path.name.endswith(SIDECAR_SUFFIX):
            files.append(path)
    return files


def read_paths(paths: Iterable[str | Path], *, stdin: Any = None) -> ReadResult:
    """Read every path; a bad file (missing, unreadable, malformed metadata) is skipped and reported."""
    result = ReadResult()
    for raw in paths:
        if str(raw) == "-":
            result.documents.append(read_stdin(stream=stdin))
            continue
        path = Path(raw)
        for file in _files_under(path) if path.is_dir() else [path]:
            try:
                result.documents.extend(read_path(file))
            except TimelineError as error:
                result.skipped.append(Skipped(path=error.path or str(file), reason=error.reason))
    return result
