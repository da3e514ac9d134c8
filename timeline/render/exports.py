"""Timeline → JSON, CSV and Markdown."""

from __future__ import annotations

import csv
import io
import json

from ..models import Timeline


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


def to_markdown(timeline: Timeline, *, title: str = "Timeline") -> str:
    lines = [f"# {title}", ""]
    current = None
    for event in timeline.events:
        heading = event.value if event.start != event.end else event.start.isoformat()
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
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"
