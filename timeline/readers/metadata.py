"""Metadata sources: sidecar NAME.meta.json files, YAML front matter, and date strings in any format."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import yaml

from ..errors import MetadataError
from ..models import AnchorSource

SIDECAR_SUFFIX = ".meta.json"
# Unix times from 1973 to 2286 in seconds; larger numbers up to a thousand times that are milliseconds.
_EPOCH = (100_000_000, 10_000_000_000)
PUBLISHED_KEYS = ("published", "date", "published_at", "publication_date", "date_published", "datePublished",
                  "pubdate", "created_at", "created_utc", "created")
"""Keys that say when a document was written, in the order they are trusted: ours, then the usual names of
exports (Reddit's ``created_utc``, many APIs' ``created_at``, schema.org's ``datePublished``)."""
RETRIEVED_KEYS = ("retrieved", "retrieved_at", "saved", "saved_at", "fetched", "fetched_at", "accessed",
                  "accessed_at", "crawled", "crawled_at", "downloaded", "downloaded_at")
"""Keys that say when a page was saved, which its relative times ("3 days ago") count back from."""
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def parse_datetime(value: Any, *, path: str | Path | None, key: str) -> datetime:
    """A metadata date as a naive datetime: ISO first, then anything dateparser reads."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and _EPOCH[0] <= value < _EPOCH[1] * 1000:
        # exports stamp records in Unix time (seconds, or milliseconds); shown as UTC wall time
        seconds = value if value < _EPOCH[1] else value / 1000
        return datetime.fromtimestamp(seconds, tz=timezone.utc).replace(tzinfo=None)
    if not isinstance(value, str) or not value.strip():
        raise MetadataError(f"{key!r} is not a date: {value!r}", path=path)
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for non-ISO dates

    # A stated date, in any language and format, never one counted from the clock ("yesterday", "in 3 days"):
    # metadata says when a document was written, not when it happens to be read.
    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False, "PARSERS": _STATED}
    parsed = dateparser.parse(text, settings={**settings, "REQUIRE_PARTS": ["year", "month", "day"]})
    if parsed is None:
        if dateparser.parse(text, settings={**settings, "REQUIRE_PARTS": ["year"]}) is not None:
            # "March 2022" or "2022": the day is unknown, and anchoring on a made-up one would move every
            # "on Friday" of the text by as much as the guess is wrong
            raise MetadataError(f"{key!r} names no day: {value!r} (a reference time needs the day)", path=path)
        raise MetadataError(f"{key!r} is not a date: {value!r}", path=path)
    return parsed.replace(tzinfo=None)


_STATED = ["timestamp", "custom-formats", "absolute-time"]
"""dateparser's parsers of stated dates: all but the relative ones ("2 days ago") and bare digit strings."""


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX) if not path.name.endswith(SIDECAR_SUFFIX) else path


def _sidecar_candidates(path: Path) -> list[Path]:
    return [path.with_name(path.name + SIDECAR_SUFFIX), path.with_name(path.stem + SIDECAR_SUFFIX)]


def load_sidecar(path: Path) -> dict[str, Any]:
    """The sidecar beside ``path`` (NAME.ext.meta.json or NAME.meta.json), or {} when there is none."""
    for candidate in _sidecar_candidates(path):
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as error:
                raise MetadataError(f"cannot read sidecar: {error}", path=candidate) from error
            except json.JSONDecodeError as error:
                raise MetadataError(f"sidecar is not valid JSON (line {error.lineno}: {error.msg})",
                                    path=candidate) from error
            if not isinstance(data, dict):
                raise MetadataError("sidecar must hold a JSON object", path=candidate)
            return {"__path__": str(candidate), **data}
    return {}


def split_front_matter(text: str, *, path: str | Path | None) -> tuple[dict[str, Any], int]:
    """YAML front matter at the top of ``text`` and the offset where the body starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = yaml.safe_load(match.group("yaml")) or {}
    except yaml.YAMLError as error:
        raise MetadataError(f"front matter is not valid YAML: {str(error).splitlines()[0]}", path=path) from error
    except ValueError as error:  # a well-formed but impossible YAML date ("date: 2024-13-45")
        raise MetadataError(f"front matter holds an impossible value: {error}", path=path) from error
    if not isinstance(data, dict):
        raise MetadataError("front matter must be a YAML mapping", path=path)
    return data, match.end()


STRICT_KEYS = frozenset({"published", "date", "retrieved"})
"""Keys that say they hold a date: a value there that is none is an error. Under the other names a value that
is no date (Reddit's ``"saved": false``) is passed over for the next name."""


def first_date(data: Any, keys: tuple[str, ...], *, path: str | Path | None, strict: frozenset[str] = frozenset(),
               get: Any = None) -> datetime | None:
    """The date under the first of ``keys`` that holds one. Under STRICT_KEYS and ``strict`` (the fields the user
    named: "--date-field sent" holding no date says so) a value that is none is an error; ``get`` reads a key
    (records read dotted names), by default ``data.get``."""
    read = get or data.get
    for key in keys:
        value = read(key)
        if value is None or value == "":
            continue
        try:
            return parse_datetime(value, path=path, key=key)
        except MetadataError:
            if key in STRICT_KEYS or key in strict:
                raise
    return None


def metadata_fields(data: dict[str, Any], source: AnchorSource, *, path: str | Path | None) -> dict[str, Any]:
    """Document fields from a metadata mapping; the first of PUBLISHED_KEYS that holds a date is read as
    ``published``, the first of RETRIEVED_KEYS as ``retrieved``."""
    fields: dict[str, Any] = {}
    for role, keys in (("published", PUBLISHED_KEYS), ("retrieved", RETRIEVED_KEYS)):
        when = first_date(data, keys, path=path)
        if when is not None:
            fields[role], fields[f"{role}_from"] = when, source
    for key in ("title", "url", "source", "language"):
        if data.get(key) is not None:
            fields[key] = str(data[key])
    return fields
