"""Dated sentences → Events, each keeping its source: document, segment, sentence, expression, anchor."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from .models import (Document, Event, Granularity, Segment, SegmentKind, Source, TimeExpression, TimexType,
                     Unanchored)
from .text import clean, sentence_bounds, shorten

_DATED_TYPES = (TimexType.DATE, TimexType.TIME)
_UNDATABLE = (Granularity.REFERENCE, Granularity.DURATION, Granularity.SET)
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|announced|announces|reported|reports|confirmed|confirms|claimed|claims|stated|states|"
    r"added|warned|warns|noted|wrote|tweeted|posted|revealed|disclosed|insisted|alleged|accused|denied|"
    r"acknowledged|admitted)\b",
    re.IGNORECASE,
)
_WINDOW = 24


def _segment_of(segments: Sequence[Segment], offset: int) -> Segment | None:
    for segment in segments:
        if segment.start <= offset < segment.end:
            return segment
    return None


def is_reported_speech(text: str, expression: TimeExpression) -> bool:
    """True when the date belongs to a saying ("said on Friday that ...") rather than the happening."""
    before = text[max(0, expression.start - _WINDOW) : expression.start]
    after = text[expression.end : expression.end + _WINDOW]
    before_match = _REPORTING.search(re.sub(r"\b(?:on|late|early|last|this)\s*$", "", before.rstrip()))
    near_before = before_match is not None and before_match.end() >= len(before.rstrip()) - 4
    near_after = re.match(r"\s*(?:,\s*)?(?:\w+\s+){0,1}(?:said|says|told|announced|confirmed|reported)\b", after,
                          re.IGNORECASE) is not None
    return near_before or near_after


def _event_id(document: str, start: int, value: str) -> str:
    return hashlib.sha1(f"{document}\x00{start}\x00{value}".encode()).hexdigest()[:12]


def extract_events(document: Document, segments: Sequence[Segment],
                   expressions: Sequence[TimeExpression]) -> tuple[list[Event], list[Unanchored]]:
    """One event for each resolved date in a sentence; unresolved relative dates are listed, not guessed."""
    events: list[Event] = []
    unanchored: list[Unanchored] = []
    text = document.text
    for expression in expressions:
        segment = _segment_of(segments, expression.start)
        if segment is None or segment.kind == SegmentKind.POST_HEADER:
            continue
        left, right = sentence_bounds(text, expression.start, expression.end)
        left, right = max(left, segment.start), min(right, segment.end)
        sentence = clean(text[left:right])
        if expression.basis == "unanchored":
            unanchored.append(Unanchored(document=document.id, segment=segment.index, expression=expression.text,
                                         start=expression.start, end=expression.end, sentence=sentence))
            continue
        if expression.type not in _DATED_TYPES or expression.interval is None or expression.value is None:
            continue
        if expression.granularity in _UNDATABLE:
            continue
        source = Source(
            document=document.id, title=document.title, url=document.url,
            published=document.published.date() if document.published else None,
            segment=segment.index, segment_kind=segment.kind, sentence=sentence, expression=expression.text,
            expression_start=expression.start, expression_end=expression.end, value=expression.value,
            chain=expression.chain,
        )
        events.append(Event(
            id=_event_id(document.id, expression.start, expression.value),
            start=expression.interval.start, end=expression.interval.end, value=expression.value,
            granularity=expression.granularity or Granularity.DAY, type=expression.type,
            modifier=expression.modifier, title=shorten(sentence), text=sentence,
            reported_speech=is_reported_speech(text, expression), sources=[source],
        ))
    return events, unanchored
