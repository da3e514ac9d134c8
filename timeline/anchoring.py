"""Document → Segments, each with the reference time its text is read against.

The document's own anchor is chosen by an ordered cascade, most trustworthy first, and records which
strategy won. Scraped threads are cut into posts, each anchored at its own timestamp.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from .models import Anchor, AnchorSource, Document, Segment, SegmentKind
from .settings import Settings
from .temporal import AnchoredSpan, tag

_METADATA_SOURCES = (AnchorSource.SIDECAR, AnchorSource.RECORD, AnchorSource.FRONT_MATTER, AnchorSource.HTML_META)

# A line that is nothing but a relative post time ("29 days ago", "· 5 hours ago").
_POST_TIME_LINE = re.compile(
    r"^[ \t]*(?:[·•|][ \t]*)?(?P<stamp>(?:\d+|an?|one)[ \t]+(?:second|minute|hour|day|week|month|year)s?[ \t]+ago)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# The line that opens a post header: a bulleted user name or an address-like handle.
_POST_HEADER_START = re.compile(r"^[ \t]*(?:[•*][ \t]+\S|\S*@\S+[ \t]*$|u/\S+)")
_HEADER_LOOKBACK_LINES = 14


def _describe(field: str, when: datetime, source: AnchorSource) -> str:
    shown = when.date().isoformat() if when.time() == datetime.min.time() else when.isoformat(timespec="minutes")
    return f"{field} {shown} ({source.value.replace('_', ' ')})"


def _anchor(field: str, when: datetime, source: AnchorSource) -> Anchor:
    return Anchor(time=when, source=source, field=field, description=_describe(field, when, source))


def _from_metadata_published(document: Document, settings: Settings) -> Anchor | None:
    if document.published and document.published_from in _METADATA_SOURCES:
        return _anchor("published", document.published, document.published_from)
    return None


def _from_text_dateline(document: Document, settings: Settings) -> Anchor | None:
    if document.published and document.published_from in (AnchorSource.DATELINE, AnchorSource.BYLINE):
        return _anchor("published", document.published, document.published_from)
    return None


def _from_command_line_published(document: Document, settings: Settings) -> Anchor | None:
    return _anchor("published", settings.published, AnchorSource.COMMAND_LINE) if settings.published else None


def _from_retrieved(document: Document, settings: Settings) -> Anchor | None:
    return retrieval_anchor(document, settings)


DOCUMENT_ANCHOR_CASCADE: tuple[Callable[[Document, Settings], Anchor | None], ...] = (
    _from_metadata_published,
    _from_text_dateline,
    _from_command_line_published,
    _from_retrieved,
)


def document_anchor(document: Document, settings: Settings) -> Anchor | None:
    """The reference time for a document's own text: the first strategy of the cascade that knows one."""
    for strategy in DOCUMENT_ANCHOR_CASCADE:
        anchor = strategy(document, settings)
        if anchor is not None:
            return anchor
    return None


def retrieval_anchor(document: Document, settings: Settings) -> Anchor | None:
    """When the document was saved: its metadata, else the command line."""
    if document.retrieved and document.retrieved_from:
        return _anchor("retrieved", document.retrieved, document.retrieved_from)
    if settings.retrieved:
        return _anchor("retrieved", settings.retrieved, AnchorSource.COMMAND_LINE)
    return None


def _post_anchor(stamp: str, retrieval: Anchor | None) -> Anchor | None:
    if retrieval is None:
        return None
    expressions = [e for e in tag(stamp, [AnchoredSpan(0, len(stamp), retrieval)]) if e.interval]
    if not expressions:
        return None
    value = expressions[0].value or ""
    when = (datetime.fromisoformat(value) if "T" in value and value[11:12].isdigit()
            else datetime.combine(expressions[0].interval.start, datetime.min.time()))  # type: ignore[union-attr]
    shown = when.date().isoformat() if when.time() == datetime.min.time() else when.isoformat(timespec="minutes")
    description = f'the post\'s time {shown} ("{stamp}", counted from {retrieval.description})'
    return Anchor(time=when, source=AnchorSource.POST_TIME, field="post_time", description=description)


def _header_start(text: str, stamp_line_start: int, floor: int) -> int | None:
    """Where the post header that ends in a timestamp line begins, or None when no user line opens it."""
    start = None
    line_start = stamp_line_start
    for _ in range(_HEADER_LOOKBACK_LINES):
        if line_start <= floor:
            break
        previous = text.rfind("\n", floor, line_start - 1) + 1
        previous = max(previous, floor)
        line = text[previous : line_start].rstrip("\n")
        if not line.strip():
            break
        line_start = previous
        if _POST_HEADER_START.match(line):
            start = previous
            break
    return start


def thread_segments(document: Document, retrieval: Anchor | None) -> list[tuple[int, int, int, str, Anchor | None]]:
    """Post headers found in the text: (header start, header end, post end, stamp, post anchor)."""
    text = document.text
    headers = []
    floor = document.body_start
    for match in _POST_TIME_LINE.finditer(text, document.body_start):
        start = _header_start(text, match.start(), floor)
        if start is None:
            continue
        headers.append((start, match.end(), match.group("stamp")))
        floor = match.end()
    posts = []
    for index, (start, end, stamp) in enumerate(headers):
        post_end = headers[index + 1][0] if index + 1 < len(headers) else len(text)
        posts.append((start, end, post_end, stamp, _post_anchor(stamp, retrieval)))
    return posts


def segment(document: Document, settings: Settings) -> list[Segment]:
    """Cut a document into segments, each anchored at its own reference time."""
    anchor = document_anchor(document, settings)
    retrieval = retrieval_anchor(document, settings)
    posts = thread_segments(document, retrieval)
    segments: list[Segment] = []

    def add(start: int, end: int, kind: SegmentKind, segment_anchor: Anchor | None, label: str | None = None) -> None:
        if document.text[start:end].strip():
            segments.append(Segment(document=document.id, index=len(segments), start=start, end=end, kind=kind,
                                    label=label, anchor=segment_anchor))

    article_end = posts[0][0] if posts else len(document.text)
    add(document.body_start, article_end, SegmentKind.ARTICLE, anchor)
    for start, header_end, post_end, stamp, post_anchor in posts:
        add(start, header_end, SegmentKind.POST_HEADER, retrieval, label=stamp)
        add(header_end, post_end, SegmentKind.POST, post_anchor, label=stamp)
    return segments
