"""A pure, testable description of the chart: one row per event, nothing plotly-specific."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..models import Event, Granularity, Timeline
from ..text import clip

_POINT_GRAINS = {Granularity.DAY, Granularity.PART_OF_DAY, Granularity.MINUTE, Granularity.HOUR}


@dataclass(frozen=True, slots=True)
class Row:
    """One mark on the chart: a point for a day, a bar across every day of a coarser value."""

    lane: str
    start: date
    end_exclusive: date
    is_span: bool
    label: str
    hover: str
    link: str | None
    source_count: int
    conflict: bool = False


MAX_LANES = 12
"""More lanes than this, one per document or outlet, make a list of names rather than a timeline."""
MAX_EVENT_ROWS = 60
"""Up to this many events from many documents, each event gets a row of its own, labelled with its title."""


def _document_lane(event: Event) -> str:
    first = event.sources[0]
    return clip(first.title or first.document.rsplit("/", 1)[-1], 40)


def _outlet_lane(event: Event) -> str:
    return clip(event.sources[0].outlet or "", 40)


def _event_lane(event: Event) -> str:
    return clip(event.title, 60)


def lane_of(events: Sequence[Event]) -> Callable[[Event], str]:
    """How the chart's rows are chosen: a lane per document while they are few; else per outlet while
    those are few (a pile of articles from a handful of sites); else, for a summary, a row per event."""
    if len({_document_lane(e) for e in events}) <= MAX_LANES:
        return _document_lane
    outlets = {e.sources[0].outlet for e in events}
    if None not in outlets and 2 <= len(outlets) <= MAX_LANES:
        return _outlet_lane
    return _event_lane if len(events) <= MAX_EVENT_ROWS else _document_lane


def _hover(event: Event, conflicted: bool) -> str:  # noqa: C901 - one line per fact, in reading order
    lines = [f"<b>{html.escape(event.value)}</b> ({event.start.isoformat()}"
             + (f" – {event.end.isoformat()}" if event.end != event.start else "") + ")",
             html.escape(event.text)]
    if event.reported_speech:
        lines.append("<i>reported speech: the date is when it was said</i>")
    if conflicted:
        others = ", ".join(html.escape(value) for value in event.conflicts)
        lines.append("<b>⚠ sources disagree on this date</b>" + (f": others say {others}" if others else ""))
    lines.append(f"{event.source_count} independent source{'' if event.source_count == 1 else 's'}, "
                 f"{len(event.sources)} mention{'' if len(event.sources) == 1 else 's'}:")
    for source in event.sources[:6]:
        lines.append(f"• {html.escape(source.title or source.document)}: “{html.escape(source.expression)}” → "
                     f"{html.escape(source.value)}")
        if source.chain:
            lines.append(f"  <i>{html.escape(source.chain)}</i>")
    if len(event.sources) > 6:
        lines.append(f"… and {len(event.sources) - 6} more")
    return "<br>".join(_wrap(line) for line in lines)


def _wrap(line: str, width: int = 110) -> str:
    words, out, current = line.split(" "), [], ""
    for word in words:
        if current and len(current) + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return "<br>".join(out)


_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime", "MI": "midday"}
_MODIFIERS = {"START": "early", "MID": "mid", "END": "late", "BEFORE": "before", "AFTER": "after",
              "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from", "APPROX": "about"}


def _day_text(day: date) -> str:
    return f"{day.day} {day.strftime('%b')} {day.year}"


def readable_date(event: Event) -> str:
    """An event's date as a reader says it: "October 2024", "week of 17 Feb 2026", "summer 2025", "Q2 2026",
    "the 1980s"; a day stays in ISO form (it sorts and reads), a part of a day or a clock time after it."""
    value, start, end, grain = event.value, event.start, event.end, event.granularity
    text = value
    if grain in (Granularity.DAY, Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE):
        text = start.isoformat()
        part = re.search(r"T(?P<part>MO|AF|EV|NI|DT|MI)$", value)
        clock = re.search(r"T(?P<clock>\d{2}:\d{2})", value)
        text += f" {_PARTS[part['part']]}" if part else f" {clock['clock']}" if clock else ""
    elif grain == Granularity.WEEKEND:
        text = f"weekend of {start.day}–{_day_text(end)}" if start.month == end.month else \
            f"weekend of {_day_text(start)} – {_day_text(end)}"
    elif grain == Granularity.WEEK:
        text = f"week of {_day_text(start)}"
    elif grain == Granularity.MONTH:
        text = f"{start.strftime('%B')} {start.year}"
    elif grain == Granularity.SEASON and value[-2:] in _SEASONS:
        text = f"{_SEASONS[value[-2:]]} {value[:4]}"
    elif grain == Granularity.QUARTER:
        text = f"{value[-2:]} {value[:4]}"
    elif grain == Granularity.HALF:
        text = f"{'first' if value.endswith('H1') else 'second'} half of {value[:4]}"
    elif grain == Granularity.DECADE:
        text = f"the {start.year}s"
    elif grain == Granularity.CENTURY:
        text = f"the {start.year // 100 * 100}s" if start.year >= 100 else value
    modifier = _MODIFIERS.get(event.modifier or "")
    return f"{modifier} {text}" if modifier else text


def build_spec(timeline: Timeline) -> list[Row]:
    """Rows for every event, in date order; month-level and coarser values become spans."""
    conflicted = {event_id for conflict in timeline.conflicts for event_id in conflict.events}
    conflicted |= {event.id for event in timeline.events if event.conflicts}
    rows = []
    lane = lane_of(timeline.events)
    for event in timeline.events:
        rows.append(Row(
            lane=lane(event),
            start=event.start,
            end_exclusive=event.end + timedelta(days=1),
            is_span=event.granularity not in _POINT_GRAINS,
            label=event.title,
            hover=_hover(event, event.id in conflicted),
            link=event.sources[0].url,
            source_count=event.source_count,
            conflict=event.id in conflicted,
        ))
    return rows


def contents_line(timeline: Timeline) -> str:
    """What a timeline holds, in words: "7 events from 2 documents"."""
    events, documents = len(timeline.events), len(timeline.documents)
    return f"{events} event{'' if events == 1 else 's'} from {documents} document{'' if documents == 1 else 's'}"
