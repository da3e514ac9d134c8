"""Temporal tagging: find expressions (grammar as data), then resolve them against each span's anchor."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache

from ..models import Anchor, DateRange, Granularity, TimeExpression, TimexType
from .find import RANGE_JOIN, RANGE_WORDS, Finder, Mention
from .resolve import Reference, Resolved, Unresolvable, bc_year, month_range, reached_value, resolve, shift_day
from .tense import FUTURE, PROSPECTIVE

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


# What the resolver counted from, by its internal basis: all of them are the text's own dates ("narrative").
_NARRATIVE_BASES = {
    "narrative": "relative to the date last mentioned",
    "focus": "relative to the date last mentioned",
    "year": "in the year last mentioned",
    "sentence": "in the year its sentence names",
    "period": "relative to the quarter being reported",
}


def _chain(mention: Mention, resolved: Resolved, anchor: Anchor | None, said: str | None) -> str:
    shown = f'"{mention.text}" → {resolved.value}'
    if resolved.type == TimexType.DURATION and resolved.start is not None:
        about = "about " if resolved.modifier == "APPROX" else ""
        shown += f", which reaches {about}{reached_value(resolved.start, resolved.granularity)}"
    if resolved.basis == "anchor" and anchor is not None:
        return f"{shown}, anchored at {anchor.description}"
    if resolved.basis in _NARRATIVE_BASES:
        return f'{shown}, {_NARRATIVE_BASES[resolved.basis]} ("{said}")'
    if resolved.basis == "unanchored":
        return f"{shown}: no reference time known"
    return shown


def _expression(mention: Mention, resolved: Resolved, anchor: Anchor | None, reference: Reference,
                offset: int) -> TimeExpression:
    interval = DateRange(start=resolved.start, end=resolved.end) if resolved.start and resolved.end else None
    basis = "narrative" if resolved.basis in _NARRATIVE_BASES else resolved.basis
    return TimeExpression(
        text=mention.text,
        start=mention.start + offset,
        end=mention.end + offset,
        type=resolved.type or mention.type,
        value=resolved.value,
        granularity=resolved.granularity,
        interval=interval,
        modifier=resolved.modifier,
        basis=basis,
        anchor=anchor if basis in ("anchor", "narrative") else None,
        chain=_chain(mention, resolved, anchor, reference.said.get(resolved.basis)),
        rule=mention.rule,
    )


_FOCUS_GRAINS = _NARRATIVE_GRAINS | {Granularity.WEEK, Granularity.WEEKEND, Granularity.MONTH, Granularity.SEASON,
                                     Granularity.QUARTER, Granularity.HALF, Granularity.YEAR}
_BC_YEAR_SETTING = {Granularity.YEAR, Granularity.SEASON, Granularity.MONTH, Granularity.DAY}
_YEAR_SETTING = {Granularity.DAY, Granularity.MONTH, Granularity.SEASON, Granularity.YEAR, Granularity.PART_OF_DAY}
_CLOCK_GRAINS = {Granularity.MINUTE, Granularity.HOUR}


_LOOK_BACK_UNITS = frozenset({"Y", "DE", "CE"})
"""A narrative shift back by a year or more ("the previous year", "a decade earlier") looks back from where
the story is; it does not move the story there."""
_AGO = re.compile(r"\bago$", re.IGNORECASE)
_LOOKING_AHEAD = (FUTURE, PROSPECTIVE)


def _reported(reference: Reference, mention: Mention, resolved: Resolved) -> bool:
    """Whether a quarter is told as done: it has ended by the reference time, or the text speaks of it in
    the past."""
    return (reference.anchor is None or resolved.end is None or resolved.end <= reference.anchor.date()
            or mention.tense == "past")


def _moves_the_story(reference: Reference, mention: Mention, resolved: Resolved) -> bool:
    """Whether the text now tells of this date, or only glances at another time from where it is.

    A glance: a look back of a year or more, or to a month, from the story ("the gains made the previous year",
    "the salient seized the previous April"); and in a history a time counted from a speaker's now ("by next
    summer", "two years ago"), a time after "since" before the story's day ("part of the empire since 513 BC"),
    or a year looked toward from it ("for a planned campaign in 1976").
    """
    partial = mention.partial
    if partial.base == "narrative" and (partial.dir or 0) < 0 and (partial.unit in _LOOK_BACK_UNITS
                                                                   or partial.kind == "calendar"):
        return False  # ... nor does "the salient seized the previous April"
    if not reference.narrative_mode:
        return True
    if (partial.base != "narrative" and partial.dir is not None) or _AGO.search(mention.text):
        return False  # a time counted from a speaker's now
    told_on, start = reference.narrative, resolved.start
    if told_on is None or start is None:
        return True
    if partial.since and start < told_on:
        return False  # "(in 492 BC) Thrace, which had been part of the empire since 513 BC": a look back
    # "the road would be exposed for a planned campaign in 1976", told of 10 March 1975: a plan; what follows is
    # still told of that day's year
    return not (resolved.granularity == Granularity.YEAR and start.year > told_on.year
                and mention.tense in _LOOKING_AHEAD)


def _remember(reference: Reference, mention: Mention, resolved: Resolved) -> None:
    """Update what later mentions resolve against, and the words each reference came from."""
    year_bc = bc_year(resolved.value)
    looks_back = mention.partial.since and reference.narrative_year is not None and year_bc is not None \
        and year_bc < reference.narrative_year
    if year_bc is not None and resolved.basis in ("absolute", "year") and resolved.granularity in _BC_YEAR_SETTING \
            and not looks_back:
        # "481 BC", "August 480 BC": the calendar has no such date, but what the text tells of next lies in it.
        reference.narrative_year = year_bc
        reference.said["year"] = mention.text
        reference.focus = reference.narrative = None  # the dates told of before lie in another era
        return
    partial = mention.partial
    if partial.kind == "duration" and partial.unit == "M" and (partial.amount or 0) >= 2:
        # "For the nine months, net rose ... from a year earlier": a span of months is now the period
        # being reported, so "a year earlier" no longer means the quarter named before it.
        reference.period = None
    if resolved.start is None or resolved.type == TimexType.DURATION or resolved.basis == "unanchored":
        return
    names_quarter = partial.kind == "quarter" or (partial.kind == "period" and partial.quarter is not None)
    # A quarter still under way or ahead ("fourth-quarter" results expected in October) is forecast, not
    # reported, unless the text speaks of it in the past (a fiscal "fourth quarter ended Sept. 30"); only a
    # reported quarter becomes the one "the latest quarter" and "a year earlier" refer to.
    if names_quarter and resolved.granularity == Granularity.QUARTER and partial.period != "year_ago" \
            and partial.year is None and _reported(reference, mention, resolved):
        year, quarter = int(resolved.value[:4]), int(resolved.value[-1])  # type: ignore[index]
        reference.period = (year, quarter, mention.end)
        reference.said["period"] = mention.text
    elif resolved.basis == "period" and reference.period is not None:
        # "the latest quarter", "a year earlier": the text is still on the quarter it named.
        reference.period = (*reference.period[:2], mention.end)
    if resolved.basis == "period":
        # A comparison with the reporting period ("from $3 million a year earlier") is no new date the text
        # moves to: a later "a year earlier" still counts from the period reported, not from this one.
        return
    if partial.aside:  # "the Civil Constitution of the Clergy (1790)": a label; the story stays where it is
        return
    # "He was born in 1961 and died on 3 February": a birth year dates the birth, not the sentence's other days.
    if (partial.year is not None or partial.year_dir is not None or resolved.granularity == Granularity.YEAR) \
            and not partial.born:
        reference.sentence_year = (mention.sentence, resolved.start.year)
        reference.said["sentence"] = mention.text
    if not _moves_the_story(reference, mention, resolved):
        return
    if partial.kind == "clock" and resolved.basis == "anchor" and (resolved.value or "").endswith("T24:00"):
        return  # a bare midnight is the edge of two days: "began at midnight; by 8 a.m. ..." stays on the day after
    if resolved.granularity in _FOCUS_GRAINS:
        reference.focus, reference.focus_end = resolved.start, resolved.end
        reference.focus_sentence = mention.sentence
        reference.said["focus"] = mention.text
    if resolved.granularity in _NARRATIVE_GRAINS:
        reference.narrative = resolved.start
        reference.said["narrative"] = mention.text
        reference.narrative_clock = _clock_of(resolved)
    if resolved.granularity in _YEAR_SETTING or (partial.year is not None and resolved.granularity in _CLOCK_GRAINS):
        # a clock time of a dated day sets the year as the day would ("At 5:34 AM on March 20, 2003")
        reference.narrative_year = resolved.start.year
        reference.said["year"] = mention.text
        if reference.narrative_mode and reference.narrative is None:
            reference.narrative = resolved.start
            reference.said["narrative"] = mention.text


_CLOCK_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")


def _clock_of(resolved: Resolved) -> datetime | None:
    """The moment a resolved clock time names ("2026-03-02T03:00"), or None for a day or a part of one."""
    value = resolved.value or ""
    if resolved.granularity != Granularity.MINUTE or not _CLOCK_VALUE.match(value) or value.endswith("T24:00"):
        return None
    return datetime.fromisoformat(value)


def tag(text: str, spans: Sequence[AnchoredSpan] | None = None, *,
        narrative_mode: bool = False) -> list[TimeExpression]:
    """Every temporal expression in ``text``, each resolved against the anchor of the span it falls in.

    In ``narrative_mode`` (history, no creation time) expressions resolve against the date the text
    last mentioned rather than the anchor.
    """
    spans = list(spans) if spans else [AnchoredSpan(0, len(text), None)]
    expressions: list[TimeExpression] = []
    for span in spans:
        piece = text[span.start : span.end]
        reference = Reference(anchor=span.anchor.time if span.anchor else None, narrative_mode=narrative_mode)
        previous: tuple[Mention, Resolved] | None = None
        for mention in finder().find(piece):
            try:
                resolved = resolve(mention, reference)
            except Unresolvable:
                previous = None
                continue
            years = _range_end_years(piece, previous, mention, resolved) if previous is not None else 0
            later = _years_later(resolved, years)
            if later is not resolved:
                if _told_as_over(reference, previous, mention, later):  # type: ignore[arg-type]
                    opening, opened = previous  # type: ignore[misc]
                    expressions[-1] = _expression(opening, _years_later(opened, -years), span.anchor, reference,
                                                  span.start)
                else:
                    resolved = later
            listed = _listed_weekday_shift(piece, previous, mention, resolved, reference) if previous else 0
            if listed:
                resolved = _moved(resolved, listed)
            moved = _range_start_moved(piece, previous, mention, resolved) if previous is not None else 0
            if moved:
                opening, opened = previous  # type: ignore[misc]
                expressions[-1] = _expression(opening, _moved(opened, moved), span.anchor, reference, span.start)
            expressions.append(_expression(mention, resolved, span.anchor, reference, span.start))
            _remember(reference, mention, resolved)
            previous = (mention, resolved)
    return expressions


_DAY_RANGE_BETWEEN = re.compile(rf"\s*(?:{RANGE_WORDS}|and)\s*", re.IGNORECASE)
"""What joins two days of a range: the range's words, or "and" ("between 14 and 22 February")."""


def _range_start_moved(text: str, previous: tuple[Mention, Resolved], mention: Mention, resolved: Resolved) -> int:
    """How many days to move the mention before ``mention`` when the two make a range that the first was read
    out of, each alone: "in effect from 6 p.m. Thursday until noon Saturday" (the Thursday before that
    Saturday, whatever tense it was read with), "From 15 to 22 February" (the 15th of the month and year the
    range ends in). Zero when nothing is to move."""
    opening, opened = previous
    start, end = opening.partial, mention.partial
    if opened.start is None or resolved.start is None:
        return 0
    if start.kind == "weekday" and end.kind == "weekday" and start.weekday is not None \
            and end.weekday is not None and start.dir is None and end.dir is None \
            and RANGE_JOIN.fullmatch(text, opening.end, mention.start) \
            and not 0 <= (resolved.start - opened.start).days <= 6:
        back = (end.weekday - start.weekday) % 7
        return (resolved.start - timedelta(days=back) - opened.start).days
    if start.opens_day_range and start.year is None and start.day is not None \
            and resolved.granularity == Granularity.DAY and start.day <= resolved.start.day \
            and _DAY_RANGE_BETWEEN.fullmatch(text, opening.end, mention.start):
        return (resolved.start.replace(day=start.day) - opened.start).days
    return 0


_WEEKDAY_LIST = re.compile(r"\s*(?:,\s*(?:and|or|&)?|and|or|&)\s*(?:on\s+)?", re.IGNORECASE)
"""What joins the weekdays of a list: "this Friday, Saturday and Sunday", "on Monday or on Tuesday"."""


def _listed_weekday_shift(text: str, previous: tuple[Mention, Resolved], mention: Mention, resolved: Resolved,
                          reference: Reference) -> int:
    """How many days to move a bare weekday listed after another weekday, later in the week: it is a day of the
    same week as the one before it ("Come to our branch this Friday, Saturday and Sunday", said on a Friday: the
    Saturday after it, not the one before), unless that would put a day told in the past after the day written.
    Zero when nothing is to move."""
    opening, opened = previous
    start, end = opening.partial, mention.partial
    if start.kind != "weekday" or end.kind != "weekday" or start.weekday is None or end.weekday is None \
            or end.dir is not None or end.mod or opened.start is None or resolved.start is None \
            or opened.granularity not in _LISTED_DAY_GRAINS or end.weekday <= start.weekday \
            or not _WEEKDAY_LIST.fullmatch(text, opening.end, mention.start):
        return 0
    day = opened.start + timedelta(days=end.weekday - start.weekday)
    if mention.tense == "past" and reference.anchor is not None and day > reference.anchor.date():
        return 0
    return (day - resolved.start).days


_LISTED_DAY_GRAINS = (Granularity.DAY, Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE)


_RANGE_OPENS = re.compile(r"\b(?P<opens>from|between)\s+$", re.IGNORECASE)
_OPENS_WITHIN = 60
"""Characters before a range's start searched for the words that open it."""
_RANGE_GRAINS = (Granularity.DAY, Granularity.MONTH)
"""The grains a range's end is moved at to come after its start: days and months."""
_CALENDAR_DAYS = {"calendar", "holiday"}
"""The kinds of day a range's end may move for: dates and holidays, not weekdays (their own fix-up) nor
"today" and "tomorrow" ("brought forward from tomorrow to today")."""


def _range_end_years(text: str, previous: tuple[Mention, Resolved], mention: Mention, resolved: Resolved) -> int:
    """How many years to move a day or month without a year that closes a range, so that it comes after the
    one that opens it, within a year: "closed between Christmas and New Year's Day" (the New Year's Day after
    that Christmas), "from 14 November 2025 to 8 February" (February 2026, whatever tense the end was read
    with), "runs from September to May" (the May after that September; months only when both were read from
    the anchor: a history's "from October to March" is as likely to begin a year before the one it tells).
    A date moved ("postponed from March 3 to Feb. 28") may move back; a weekday range has its own fix-up.
    Zero when nothing is to move."""
    opening, opened = previous
    end = mention.partial
    if opened.start is None or resolved.start is None or opened.granularity not in _RANGE_GRAINS \
            or resolved.granularity != opened.granularity or end.year is not None or end.year_dir is not None \
            or opened.granularity == Granularity.MONTH and (opened.basis, resolved.basis) != ("anchor", "anchor") \
            or end.dir is not None or not {end.kind, opening.partial.kind} <= _CALENDAR_DAYS \
            or not (resolved.value or "")[:4].isdigit():
        return 0
    before = text[max(0, opening.start - _OPENS_WITHIN) : opening.start]
    joined = _DAY_RANGE_BETWEEN.fullmatch(text, opening.end, mention.start)
    opens = _RANGE_OPENS.search(before)
    moved = finder().grammar.date_moved_before
    if joined is None or opens is None or (moved is not None and moved.search(before)):
        return 0
    if "and" in joined.group().lower() and opens["opens"].lower() != "between":
        return 0  # "from Christmas and New Year's Day" joins no range
    # the first such day after the range's start (none, for a 29 February: _years_later leaves it where it is)
    after = opened.start.year + ((resolved.start.month, resolved.start.day) <= (opened.start.month, opened.start.day))
    years = after - resolved.start.year
    # without a year of its own the start places nothing: only an end read before it moves
    return years if opening.partial.year is not None or years > 0 else 0


def _told_as_over(reference: Reference, previous: tuple[Mention, Resolved], mention: Mention, moved: Resolved) -> bool:
    """Whether a range whose start has no year is told in the past and its end, moved on a year, would lie
    after the reference day: then it began a year earlier instead ("It rained from 3 March to 28 February",
    said on 11 March)."""
    opening, _ = previous
    return (opening.partial.year is None and mention.tense == "past" and reference.anchor is not None
            and moved.start is not None and moved.start > reference.anchor.date())


def _years_later(resolved: Resolved, years: int) -> Resolved:
    """The same day or month so many years later (or earlier), its interval with it; the very same value where
    there is nothing to move or that year has no such day (29 February)."""
    start = resolved.start
    if start is None or not years:
        return resolved
    if resolved.granularity == Granularity.MONTH:
        first, last = month_range(start.year + years, start.month)
        return replace(resolved, value=f"{first.year:04d}{(resolved.value or '')[4:]}", start=first, end=last)
    later = shift_day(start, "Y", years)
    return resolved if later.day != start.day else _moved(resolved, (later - start).days)


def _moved(resolved: Resolved, days: int) -> Resolved:
    """The same value, so many days later (or earlier): its day, its interval."""
    start = resolved.start + timedelta(days=days)  # type: ignore[operator]
    end = resolved.end + timedelta(days=days) if resolved.end is not None else None
    return replace(resolved, value=start.isoformat() + (resolved.value or "")[10:], start=start, end=end)

