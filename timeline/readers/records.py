"""Record files: JSON Lines and CSV, one document per record.

A record's text comes from ``text``, ``content``, ``body`` or ``selftext``, its dates from ``published`` (or
``date``, ``created_at``, Reddit's ``created_utc``: see metadata.PUBLISHED_KEYS) and ``retrieved`` (or ``saved``,
``fetched``...), and ``url``, ``title``, ``source``, ``language`` as they are; the settings may name other
fields (``--text-field message``), tried before these. A sidecar beside the file gives defaults for every
record. Each document's id names the file and the line its record starts on (``posts.jsonl#line-3``); a
record that cannot be read is reported with that line and the rest are read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import InputError, TimelineError
from ..models import AnchorSource, Document, Skipped
from ..settings import Settings
from .metadata import PUBLISHED_KEYS, RETRIEVED_KEYS, first_date, metadata_fields
from .result import ReadResult
from .text import file_modified

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "selftext"),
    "published": PUBLISHED_KEYS,
    "retrieved": RETRIEVED_KEYS,
    "title": ("title",),
    "url": ("url",),
    "source": ("source",),
    "language": ("language",),
}
_CSV_DELIMITERS = ",;\t|"
_DATE_ROLES = ("published", "retrieved")
_TEXT_ROLES = ("title", "url", "source", "language")


def field_names(settings: Settings) -> dict[str, tuple[str, ...]]:
    """For each role, the record fields to try in order: the one the user named, then the usual ones."""
    named = settings.record_fields
    return {role: ((named[role],) if role in named else ()) + defaults for role, defaults in DEFAULT_FIELDS.items()}


def _lookup(record: Mapping[str, Any], name: str) -> Any:
    """A field by name; a dotted name ("meta.created") reaches into nested objects."""
    if name in record:
        return record[name]
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    """The value of the first of the fields that holds one."""
    for name in names:
        value = _lookup(record, name)
        if value is not None and value != "":
            return value
    return None


def record_document(record: Mapping[str, Any], *, doc_id: str, path: Path, sidecar: dict[str, Any],
                    fields: dict[str, tuple[str, ...]], modified: datetime | None) -> Document:
    """One record as a Document; its own fields are trusted over the sidecar's defaults."""
    text = _first(record, fields["text"])
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"no text (looked for the field{'s' if len(fields['text']) > 1 else ''} "
                         f"{', '.join(fields['text'])})", path=path)
    metadata = metadata_fields(sidecar, AnchorSource.SIDECAR, path=sidecar.get("__path__", path)) if sidecar else {}
    for role in _DATE_ROLES:
        # a bad date is named by the field it came from ("'opened' is not a date"); a field the user named
        # must hold one, an export's usual name ("saved": false) that holds none is passed over
        named = fields[role][: len(fields[role]) - len(DEFAULT_FIELDS[role])]
        when = first_date(record, fields[role], path=path, strict=frozenset(named),
                          get=lambda key: _lookup(record, key))
        if when is not None:
            metadata[role], metadata[f"{role}_from"] = when, AnchorSource.RECORD
    for role in _TEXT_ROLES:
        value = _first(record, fields[role])
        if value is not None:
            metadata[role] = str(value)
    return Document(id=doc_id, path=str(path), text=text.replace("\r\n", "\n"), kind="record", modified=modified,
                    **metadata)


def _skip(path: Path, line: int, reason: str) -> Skipped:
    return Skipped(path=str(path), reason=f"line {line}: {reason}")


def _collect(path: Path, records: Iterator[tuple[int, Mapping[str, Any] | str]], sidecar: dict[str, Any],
             settings: Settings, *, empty: str = "no records in it") -> ReadResult:
    """Documents from (line, record) pairs; a string in place of a record is why that line was unreadable."""
    result = ReadResult()
    fields = field_names(settings)
    modified = file_modified(path)
    for line, record in records:
        if isinstance(record, str):
            result.skipped.append(_skip(path, line, record))
            continue
        try:
            result.documents.append(record_document(record, doc_id=f"{path}#line-{line}", path=path,
                                                    sidecar=sidecar, fields=fields, modified=modified))
        except TimelineError as error:
            result.skipped.append(_skip(path, line, error.reason))
    if not result.documents and not result.skipped:
        raise InputError(empty, path=path)
    return result


_UNDECODED = re.compile("[\udc80-\udcff]")
"""Bytes that were not UTF-8, kept as lone surrogates by the decoder (Python's surrogateescape)."""


def undecoded(text: str, where: str | None = None) -> str | None:
    """Why ``text`` is not all text (the first byte that was not UTF-8, and where), or None."""
    found = _UNDECODED.search(text)
    if found is None:
        return None
    return f"not valid UTF-8 (byte 0x{ord(found.group()) - 0xDC00:02x} {where or f'at column {found.start() + 1}'})"


def _json_lines(text: str) -> Iterator[tuple[int, Mapping[str, Any] | str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        bad_bytes = undecoded(line)
        if bad_bytes is not None:
            yield number, bad_bytes
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, f"not valid JSON: {error.msg} (column {error.colno})"
            continue
        yield number, record if isinstance(record, dict) else "not a JSON object"


def read_jsonl(path: Path, text: str, sidecar: dict[str, Any], settings: Settings) -> ReadResult:
    return _collect(path, _json_lines(text), sidecar, settings)


def _delimiter(path: Path, header: str) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    return max(_CSV_DELIMITERS, key=header.count)


def _csv_rows(path: Path, text: str, settings: Settings) -> Iterator[tuple[int, Mapping[str, Any] | str]]:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(path, first_line))
    header: list[str] | None = None
    previous_end = 0
    try:
        for row in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [cell.strip() for cell in row]
                text_fields = field_names(settings)["text"]
                if not set(text_fields) & set(header):
                    raise InputError(f"no text column (looked for {', '.join(text_fields)}; "
                                     "name another with --text-field)", path=path)
                continue
            if len(row) != len(header):
                yield start, f"expected {len(header)} fields, found {len(row)}"
                continue
            bad_bytes = next((reason for name, cell in zip(header, row)
                              if (reason := undecoded(cell, f"in the field {name!r}")) is not None), None)
            if bad_bytes is not None:
                yield start, bad_bytes
                continue
            yield start, dict(zip(header, row))
    except csv.Error as error:
        yield reader.line_num, f"not valid CSV ({error})"


def read_csv(path: Path, text: str, sidecar: dict[str, Any], settings: Settings) -> ReadResult:
    empty = "no records in it (only a header)" if text.strip() else "no records in it"
    return _collect(path, _csv_rows(path, text, settings), sidecar, settings, empty=empty)
