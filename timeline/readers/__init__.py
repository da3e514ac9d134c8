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
from .records import read_csv, read_jsonl, undecoded
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
_RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv")
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?(?P<charset>[A-Za-z0-9_-]+)", re.IGNORECASE)


def _decode(path: Path, data: bytes) -> str:
    # UTF-16 only with its byte-order mark: without one, almost any even number of bytes decodes as UTF-16
    # (into noise), so bytes that are no UTF-8 would pass for text.
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text.replace("\r\n", "\n")
    if path.suffix.lower() in _RECORD_SUFFIXES and b"\x00" not in data:
        # A record file is read record by record: a line in another encoding is reported and skipped
        # (its undecodable bytes are kept as lone surrogates for the record reader to find), not the file.
        return data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff").replace("\r\n", "\n")
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
    """Standard input as one document; offsets refer to exactly what was read. Its bytes are decoded as a
    file's are: anything that is not text is refused, not read as noise."""
    stream = stream if stream is not None else sys.stdin
    raw = getattr(stream, "buffer", None)
    if raw is not None:
        text = _decode(Path("<stdin>"), raw.read())
    else:
        text = stream.read()
        if isinstance(text, bytes):
            text = _decode(Path("<stdin>"), text)
        elif "\x00" in text or undecoded(text) is not None:
            raise InputError("not a text file (cannot decode it as UTF-8)", path="<stdin>")
    return text_document(text, doc_id="<stdin>", path=None, sidecar={})


def _files_under(directory: Path, *, skip: frozenset[Path] = frozenset()) -> tuple[list[Path], list[Path]]:
    """The files under a folder that a reader takes, and the other files (left unread, but counted); the files
    in ``skip`` (resolved paths: the timeline this run writes) are neither."""
    files, others = [], []
    skipped_names = {path.name for path in skip}  # only a file of such a name is resolved
    for path in sorted(directory.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(directory).parts):
            continue
        if path.name.endswith(SIDECAR_SUFFIX) or path.is_dir() or _skipped(path, skip, skipped_names):
            continue
        # A name the readers know that is no regular file (a broken link, a pipe) is read, to be reported.
        (files if path.suffix.lower() in READERS else others).append(path)
    return files, others


def _skipped(path: Path, skip: frozenset[Path], names: set[str]) -> bool:
    return path.name in names and path.resolve() in skip


def read_paths(paths: Iterable[str | Path], *, stdin: Any = None, settings: Settings | None = None,
               skip: frozenset[Path] = frozenset()) -> ReadResult:
    """Read every path; a bad file or record (missing, unreadable, malformed) is skipped and reported. A folder's
    files in ``skip`` (resolved paths: the timeline files a run writes) are left out, so that a second ``timeline
    build .`` does not read the first one's pages; such a file named on its own is reported as skipped."""
    result = ReadResult()
    for raw in paths:
        if str(raw) == "-":
            try:
                result.documents.append(read_stdin(stream=stdin))
            except TimelineError as error:
                result.skipped.append(Skipped(path=error.path or "<stdin>", reason=error.reason))
            continue
        path = Path(raw)
        if not path.is_dir() and _skipped(path, skip, {p.name for p in skip}):
            result.skipped.append(Skipped(path=str(path), reason="is a timeline file this run writes (--out)"))
            continue
        files, others = _files_under(path, skip=skip) if path.is_dir() else ([path], [])
        result.passed_over.extend(str(other) for other in others)
        for file in files:
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

