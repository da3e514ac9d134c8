"""Timeline → JSON, CSV, Markdown and TimelineJS."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from html import escape

from ..models import Event, Granularity, Timeline
from .spec import contents_line, readable_date


def to_json(timeline: Timeline) -> str:
    return json.dumps(timeline.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


CSV_FIELDS = ["start", "end", "value", "granularity", "title", "text", "source_count", "documents", "expressions",
              "url", "conflicts"]


def to_csv(timeline: Timeline) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for event in timeline.events:
        writer.writerow({
            "start": event.start.isoformat(), "end": event.end.isoformat(), "value": event.value,
            "granularity": event.granularity.value, "title": event.title, "text": event.text,
            "source_count": event.source_count,
            "documents": "; ".join(dict.fromkeys(s.document for s in event.sources)),
            "expressions": "; ".join(dict.fromkeys(s.expression for s in event.sources)),
            "url": next((s.url for s in event.sources if s.url), ""),
            "conflicts": "; ".join(event.conflicts),
        })
    return buffer.getvalue()


_MAX_UNANCHORED_LINES = 50
"""Expressions found but not dated that the Markdown lists; the JSON has them all."""


def to_markdown(timeline: Timeline, *, title: str = "Timeline") -> str:
    lines = [f"# {title}", ""]
    current = None
    for event in timeline.events:
        # days (with their times) under the day; coarser dates as a reader says them ("week of 17 Feb 2026")
        heading = readable_date(event) if event.start != event.end else event.start.isoformat()
        if heading != current:
            lines += ["", f"## {heading}", ""]
            current = heading
        names = ", ".join(dict.fromkeys(s.title or s.document for s in event.sources))
        count = f"{event.source_count} independent source{'' if event.source_count == 1 else 's'}"
        warning = f" ⚠ other sources say {', '.join(event.conflicts)}" if event.conflicts else ""
        lines.append(f"- **{event.title}** — {event.text}{warning} *({count}: {names})*")
    if timeline.conflicts:
        lines += ["", "## Conflicting dates", ""]
        for conflict in timeline.conflicts:
            sides = []
            for value in conflict.values:
                names = ", ".join(dict.fromkeys(source.title or source.document for source, given
                                                in zip(conflict.sources, conflict.source_values) if given == value))
                sides.append(f"{value} ({names})" if names else value)
            lines.append(f"- {conflict.title}: {' vs '.join(sides)}")
    if timeline.unanchored:
        lines += ["", "## Found but not dated", ""]
        for item in timeline.unanchored[:_MAX_UNANCHORED_LINES]:
            lines.append(f"- “{item.expression}” in {item.document} ({item.reason}): {item.sentence}")
        if len(timeline.unanchored) > _MAX_UNANCHORED_LINES:
            lines.append(f"- … and {len(timeline.unanchored) - _MAX_UNANCHORED_LINES} more (see timeline.json)")
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


# TimelineJS dates may leave out the day or the month: a value known to the month is given to the month,
# so the slide spans it and no day is made up. A week is a run of known days.
_TO_MONTH = frozenset({Granularity.MONTH, Granularity.SEASON, Granularity.QUARTER, Granularity.HALF})
_TO_YEAR = frozenset({Granularity.YEAR, Granularity.DECADE, Granularity.CENTURY})


def _timelinejs_date(day: date, granularity: Granularity) -> dict[str, int]:
    if granularity in _TO_YEAR:
        return {"year": day.year}
    if granularity in _TO_MONTH:
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _timelinejs_slide(event: Event) -> dict:
    names = [escape(s.title or s.document) for s in event.sources]
    cited = ", ".join(dict.fromkeys(f'<a href="{escape(s.url)}">{escape(s.title or s.url)}</a>' if s.url
                                    else escape(s.title or s.document) for s in event.sources))
    count = f"{event.source_count} independent source{'' if event.source_count == 1 else 's'}"
    warning = f"<p>Other sources give {escape(', '.join(event.conflicts))}.</p>" if event.conflicts else ""
    slide: dict = {
        "unique_id": event.id,
        "start_date": _timelinejs_date(event.start, event.granularity),
        "text": {"headline": escape(event.title),
                 "text": f"<p>{escape(event.text)}</p>{warning}<p><small>{count}: {cited}</small></p>"},
        "display_date": readable_date(event),
    }
    end = _timelinejs_date(event.end, event.granularity)
    if end != slide["start_date"]:
        slide["end_date"] = end
    if len(set(names)) == 1:
        slide["group"] = names[0]
    return slide


def to_timelinejs(timeline: Timeline, *, title: str = "Timeline") -> str:
    """The events as a TimelineJS3 JSON file (load it with `new TL.Timeline(id, data)`)."""
    data = {"title": {"text": {"headline": escape(title), "text": contents_line(timeline)}},
            "events": [_timelinejs_slide(event) for event in timeline.events]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
