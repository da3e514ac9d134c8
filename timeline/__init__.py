"""timeline: turn a pile of documents into a dated, interactive event timeline."""

from __future__ import annotations

from .errors import InputError, MetadataError, RenderError, SettingsError, TimelineError
from .models import (Anchor, AnchorSource, Conflict, DateRange, Document, Event, Granularity, Segment, SegmentKind,
                     Skipped, Source, TimeExpression, Timeline, TimexType, Unanchored)
from .pipeline import BuildResult, build, build_timeline, extract, extract_document
from .settings import Settings

__all__ = [
    "Anchor", "AnchorSource", "BuildResult", "Conflict", "DateRange", "Document", "Event", "Granularity",
    "InputError", "MetadataError", "RenderError", "Segment", "SegmentKind", "Settings", "SettingsError", "Skipped",
    "Source", "TimeExpression", "Timeline", "TimelineError", "TimexType", "Unanchored",
    "build", "build_timeline", "extract", "extract_document",
]
