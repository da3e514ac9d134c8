"""Composes the stages: readers → anchoring → temporal → events → merge → render."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import anchoring, events, merge, readers, render
from .models import (AnchorSource, Document, DocumentAnchors, Event, Segment, SegmentKind, Skipped, TimeExpression,
                     Timeline, Unanchored)
from .errors import InputError, TimelineError
from .settings import Settings
from .temporal import AnchoredSpan, tag


@dataclass
class BuildResult:
    """What a build produced, and its accounting for the run summary."""

    timeline: Timeline
    written: list[Path] = field(default_factory=list)
    documents_read: int = 0
    passed_over: list[str] = field(default_factory=list)
    """Files in the folders read that are of no type the readers take."""

    @property
    def outside_range(self) -> int:
        """Documents read but left out by --since/--until."""
        return self.documents_read - len(self.timeline.documents)

    def summary(self) -> str:
        t = self.timeline
        line = f"read {self.documents_read} document(s), skipped {len(t.skipped)}, "
        if self.passed_over:
            kinds = sorted({Path(p).suffix.lower() or "no suffix" for p in self.passed_over})
            line += f"passed over {len(self.passed_over)} file(s) of other types ({', '.join(kinds)}), "
        if self.outside_range:
            line += f"{self.outside_range} outside --since/--until, "
        line += f"{len(t.events)} event(s), {len(t.unanchored)} unanchored expression(s)"
        if t.conflicts:
            line += f", {len(t.conflicts)} conflict(s)"
        if not self.documents_read:
            return line + ": no document to build from, nothing written"
        if not t.documents:
            return line + ": no document in the --since/--until range, nothing written"
        html_out = next((p for p in self.written if p.suffix == ".html"), None)
        return line + (f" → {html_out}" if html_out else "")


def _as_datetime(value: date | datetime | str | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return readers.parse_datetime(value, path=None, key="reference time")
    return datetime(value.year, value.month, value.day)


def analyse(document: Document, settings: Settings, *, narrative: bool = False,
            segments: list[Segment] | None = None) -> tuple[list[Segment], list[TimeExpression]]:
    """Segments of a document (unless given) and every temporal expression in it, resolved against its segment."""
    segments = anchoring.segment(document, settings) if segments is None else segments
    spans = [AnchoredSpan(s.start, s.end, s.anchor) for s in segments]
    return segments, (tag(document.text, spans, narrative_mode=narrative) if spans else [])


def extract(text: str, *, published: date | datetime | str | None = None, retrieved: date | datetime | str | None = None,
            narrative: bool = False) -> list[TimeExpression]:
    """Temporal expressions of a text; offsets index ``text`` exactly."""
    settings = Settings(published=_as_datetime(published), retrieved=_as_datetime(retrieved))
    document = Document(id="<text>", text=text)
    return analyse(document, settings, narrative=narrative)[1]


def extract_document(path: str | Path, *, settings: Settings | None = None, stdin: Any = None) -> list[TimeExpression]:
    """Temporal expressions of one document file (or ``-`` for standard input); raises on bad input."""
    settings = settings or Settings()
    if str(path) == "-":
        document = readers.read_stdin(stream=stdin)
    elif _RECORD_ID.search(str(path)) and not Path(path).exists():
        document = _record(str(path), settings)
    else:
        document = _single(readers.read_path(Path(path), settings=settings), path)
    return analyse(document, settings)[1]


_RECORD_ID = re.compile(r"#line-\d+$")


def _record(record_id: str, settings: Settings) -> Document:
    """One record of a record file, named as the build names it ("posts.jsonl#line-3")."""
    base = _RECORD_ID.sub("", record_id)
    read = readers.read_file(Path(base), settings=settings)
    line = record_id[len(base) + 1 :]
    for document in read.documents:
        if document.id.endswith(f"#{line}"):
            return document
    where = line.replace("-", " ")
    for skipped in read.skipped:  # the record is there but unreadable: say why, as build does
        if skipped.reason.startswith(f"{where}:"):
            raise InputError(skipped.reason, path=base)
    raise InputError(f"no record starts on {where}", path=base)


def _single(documents: list[Document], path: str | Path) -> Document:
    if len(documents) != 1:
        hint = f" (name one as {path}#line-N)" if len(documents) > 1 else ""
        raise InputError(f"holds {len(documents)} documents; extract takes one{hint}", path=path)
    return documents[0]


def _in_range(document: Document, settings: Settings, segments: list[Segment]) -> bool:
    if settings.since is None and settings.until is None:
        return True
    # The publication time as anchoring sees it: metadata, else a dateline or byline in the text; a saved
    # thread or list of search results with none, by when it was saved (its posts are counted from it).
    anchor = anchoring.document_anchor(document, settings)
    if anchor is None or anchor.source in (AnchorSource.COMMAND_LINE, AnchorSource.FILE_TIME):
        return False
    if anchor.field == "retrieved" and not any(s.kind in (SegmentKind.POST, SegmentKind.SNIPPET) for s in segments):
        return False
    day = anchor.day
    return (settings.since is None or day >= settings.since) and (settings.until is None or day <= settings.until)


def build_timeline(documents: Sequence[Document], settings: Settings, *, skipped: Iterable[Skipped] = ()) -> Timeline:
    """Events from every document, merged and selected as the settings ask."""
    found: list[Event] = []
    unanchored: list[Unanchored] = []
    anchored: list[DocumentAnchors] = []
    skipped = list(skipped)
    used: list[Document] = []
    for document in documents:
        try:
            segments = anchoring.segment(document, settings)
            if not _in_range(document, settings, segments):
                continue
            segments, expressions = analyse(document, settings, segments=segments)
            description = anchoring.describe(document, settings, segments)
            anchor = anchoring.document_anchor(document, settings)
            published = anchor.day if anchor is not None and anchor.field == "published" else None
            document_events, document_unanchored = events.extract_events(document, segments, expressions,
                                                                         published=published)
        except Exception as error:  # one document that breaks a stage is reported; the batch goes on
            if os.environ.get("TIMELINE_DEBUG") and not isinstance(error, TimelineError):
                raise
            reason = error.reason if isinstance(error, TimelineError) else f"could not be processed ({type(error).__name__}: {error})"
            skipped.append(Skipped(path=document.id, reason=reason))
            continue
        used.append(document)
        anchored.append(description)
        found.extend(document_events)
        unanchored.extend(document_unanchored)
    merged, conflicts = merge.merge_events(found, keywords=settings.keywords)
    selected = merge.select(merged, settings)
    kept = {event.id for event in selected}
    conflicts = [c for c in conflicts if kept.intersection(c.events)]
    return Timeline(events=selected, conflicts=conflicts, unanchored=unanchored, documents=[d.id for d in used],
                    skipped=skipped, anchoring=anchored)


def build(paths: Iterable[str | Path], settings: Settings | None = None, *, stdin: Any = None,
          write: bool = True) -> BuildResult:
    """Read the paths, build the timeline, and write it to ``settings.out_dir``."""
    settings = settings or Settings()
    outputs = frozenset((settings.out_dir / name).resolve() for name in render.OUTPUT_NAMES)
    read = readers.read_paths(paths, stdin=stdin, settings=settings, skip=outputs)
    timeline = build_timeline(read.documents, settings, skipped=read.skipped)
    failed = len(timeline.skipped) - len(read.skipped)  # read, but broke a later stage
    result = BuildResult(timeline=timeline, documents_read=len(read.documents) - failed, passed_over=read.passed_over)
    # When no document could be read, or none is in the range asked for, there is no timeline to show: an
    # earlier build's files are kept rather than overwritten with an empty page.
    if write and timeline.documents:
        result.written = render.write_outputs(timeline, settings.out_dir, formats=settings.formats,
                                              title=settings.title, html_mode=settings.html_mode)
    return result
