"""Same happening across documents → one Event with every Source; ranking and summaries."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Event, Granularity
from .settings import Settings

_WORD = re.compile(r"[a-z0-9]+")
_GRANULARITY_WEIGHT = {Granularity.MINUTE: 1.0, Granularity.PART_OF_DAY: 1.0, Granularity.DAY: 1.0,
                       Granularity.WEEKEND: 0.7, Granularity.WEEK: 0.6, Granularity.MONTH: 0.4}


def _normalised(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def merge_events(events: Sequence[Event]) -> list[Event]:
    """Join events with the same value and the same sentence text, keeping every source."""
    merged: dict[tuple[str, str], Event] = {}
    for event in events:
        key = (event.value, _normalised(event.text))
        if key in merged:
            kept = merged[key]
            merged[key] = kept.model_copy(update={"sources": [*kept.sources, *event.sources]})
        else:
            merged[key] = event
    result = []
    for event in merged.values():
        documents = {source.document for source in event.sources}
        result.append(event.model_copy(update={"source_count": len(documents), "importance": importance(event, len(documents))}))
    return sorted(result, key=lambda e: (e.start, e.end, -e.importance, e.id))


def importance(event: Event, independent_sources: int) -> float:
    """Higher for more sources and mentions and for precise dates."""
    precision = _GRANULARITY_WEIGHT.get(event.granularity, 0.2)
    return round(independent_sources + 0.25 * len(event.sources) + precision, 3)


def select(events: Sequence[Event], settings: Settings) -> list[Event]:
    """Apply the summary options: keywords, at most K per date, the L most important dates."""
    chosen = list(events)
    if settings.keywords:
        words = [k.lower() for k in settings.keywords]
        chosen = [e for e in chosen if any(w in e.text.lower() for w in words)]
    if settings.per_date:
        by_date: dict[tuple, list[Event]] = {}
        for event in chosen:
            by_date.setdefault((event.start, event.end), []).append(event)
        chosen = [e for group in by_date.values() for e in sorted(group, key=lambda e: -e.importance)[: settings.per_date]]
    if settings.max_dates:
        scores: dict[tuple, float] = {}
        for event in chosen:
            scores[(event.start, event.end)] = scores.get((event.start, event.end), 0.0) + event.importance
        keep = set(sorted(scores, key=lambda d: -scores[d])[: settings.max_dates])
        chosen = [e for e in chosen if (e.start, e.end) in keep]
    return sorted(chosen, key=lambda e: (e.start, e.end, -e.importance, e.id))
