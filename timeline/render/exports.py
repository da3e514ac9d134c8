"""Timeline → JSON, CSV and Markdown."""

from __future__ import annotations

import csv
import io
import json

from ..models import Timeline


def to_json(timeline: Timeline) -> str:
    return json.dumps(timeline.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


CSV_FIELDS = ["start", "end", "value", "granularity", "title", "text", "source_count", "documents", "expressions", "url"]


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
        lines.append(f"- {event.text} *({names})*")
    if timeline.conflicts:
        lines += ["", "## Conflicting dates", ""]
        lines += [f"- {c.title}: {', '.join(c.values)}" for c in timeline.conflicts]
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"
