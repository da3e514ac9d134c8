"""Temporal tagging: find expressions (grammar as data), then resolve them against each span's anchor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..models import Anchor, DateRange, Granularity, TimeExpression, TimexType
from .find import Finder, Mention
from .resolve import Reference, Resolved, Unresolvable, resolve

__all__ = ["AnchoredSpan", "tag", "finder"]

_NARRATIVE_GRAINS = {Granularity.DAY, Granularity.PART_OF_DAY, Granularity.MINUTE, Granularity.HOUR}


@dataclass(frozen=True, slots=True)
class AnchoredSpan:
    """A stretch of text [start, end) read against one anchor (None: no reference time known)."""

    start: int
    end: int
    anchor: Anchor | None


@cache
def finder() -> Finder:
    return Finder()


def _chain(mention: Mention, resolved: Resolved, anchor: Anchor | None, narrative_text: str | None) -> str:
    shown = f'"{mention.text}" → {resolved.value}'
    if resolved.basis == "anchor" and anchor is not None:
        return f"{shown}, anchored at {anchor.description}"
    if resolved.basis == "narrative" and narrative_text:
        return f'{shown}, relative to the date last mentioned ("{narrative_text}")'
    if resolved.basis == "unanchored":
        return f"{shown}: no reference time known"
    return shown


def _expression(mention: Mention, resolved: Resolved, anchor: Anchor | None, narrative_text: str | None,
                offset: int) -> TimeExpression:
    interval = DateRange(start=resolved.start, end=resolved.end) if resolved.start and resolved.end else None
    return TimeExpression(
        text=mention.text,
        start=mention.start + offset,
        end=mention.end + offset,
        type=resolved.type or mention.type,
        value=resolved.value,
        granularity=resolved.granularity,
        interval=interval,
        modifier=resolved.modifier,
        basis=resolved.basis,
        anchor=anchor if resolved.basis in ("anchor", "narrative") else None,
        chain=_chain(mention, resolved, anchor, narrative_text),
        rule=mention.rule,
    )


def tag(text: str, spans: Sequence[AnchoredSpan] | None = None, *, narrative_mode: bool = False) -> list[TimeExpression]:
    """Every temporal expression in ``text``, each resolved against the anchor of the span it falls in.

    In ``narrative_mode`` (history, no creation time) expressions resolve against the date the text
    last mentioned rather than the anchor.
    """
    spans = list(spans) if spans else [AnchoredSpan(0, len(text), None)]
    expressions: list[TimeExpression] = []
    for span in spans:
        piece = text[span.start : span.end]
        reference = Reference(anchor=span.anchor.time if span.anchor else None, narrative_mode=narrative_mode)
        narrative_text: str | None = None
        for mention in finder().find(piece):
            try:
                resolved = resolve(mention, reference)
            except Unresolvable:
                continue
            expressions.append(_expression(mention, resolved, span.anchor, narrative_text, span.start))
            if resolved.start is not None and resolved.type != TimexType.DURATION:
                if resolved.granularity in _NARRATIVE_GRAINS:
                    reference.narrative = resolved.start
                    narrative_text = mention.text
                if resolved.granularity in (Granularity.DAY, Granularity.MONTH, Granularity.YEAR, Granularity.PART_OF_DAY):
                    reference.narrative_year = resolved.start.year
                    if narrative_mode and reference.narrative is None:
                        reference.narrative = resolved.start
    return expressions


def expression_date(expression: TimeExpression) -> date | None:
    return expression.interval.start if expression.interval else None
