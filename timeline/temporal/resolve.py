"""Resolving: an underspecified value plus a reference time → a TIMEX3 value and a day interval.

The only calendar arithmetic in the project lives here; one small function per kind of value.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, replace, field
from datetime import date, datetime, timedelta
from typing import Callable

from ..models import Granularity, TimexType
from .find import Mention, Partial

_COARSE_UNITS = {"W", "2W", "WE", "M", "Q", "Y", "DE", "CE"}
_COUNTED_IN_YEARS = {"DE", "CE"}
_DAYS_OR_LONGER = _COARSE_UNITS | {"D"}


@dataclass(slots=True)
class Reference:
    """What a mention may be resolved against."""

    anchor: datetime | None
    narrative: date | None = None
    narrative_clock: datetime | None = None
    """The clock time the text last told of, when it is on the narrative day ("at 3 a.m. on March 2")."""
    narrative_year: int | None = None
    """The year the text last mentioned; a year BC counts as negative (481 BC is -481)."""
    narrative_mode: bool = False
    focus: date | None = None
    """First day of the latest date of any grain the text mentioned ("June 1998" → 1998-06-01)."""
    focus_end: date | None = None
    """Last day of that date ("June 1998" → 1998-06-30)."""
    focus_sentence: int | None = None
    """The sentence (its start) that date was named in."""
    sentence_year: tuple[int, int] | None = None
    """(sentence start, year) of the latest mention in the text that named a year explicitly."""
    period: tuple[int, int, int] | None = None
    """(year, quarter, end offset) of the reporting quarter the text last named."""
    said: dict[str, str] = field(default_factory=dict)
    """The words of the mention each narrative reference came from, by the basis that names it."""

    def day(self, base: str | None, unit: str | None = None) -> tuple[date | None, str]:
        """The reference day for a base ("anchor" or "narrative") and which one was used.

        A narrative shift by a week or more ("that year", "the following month") counts from the latest
        date of any grain; one by days or hours from the latest day.
        """
        if base == "narrative" and unit in _COARSE_UNITS and self.focus is not None:
            return self.focus, "focus"
        if base == "narrative" and self.narrative is not None:
            return self.narrative, "narrative"
        if self.anchor is not None and not self.narrative_mode:
            return self.anchor.date(), "anchor"
        # Only a narrative text (history, no creation time) reads "yesterday" against the date last
        # mentioned; in news with no known reference time it stays unanchored rather than guessed.
        if self.narrative_mode and self.narrative is not None:
            return self.narrative, "narrative"
        if self.anchor is not None:
            return self.anchor.date(), "anchor"
        return None, "unanchored"


@dataclass(slots=True)
class Resolved:
    """A value with its interval. ``basis`` says what it was counted from: "absolute", "anchor",
    "unanchored", or one of the text's own references — "narrative" (the day last mentioned), "focus"
    (the date of any grain last mentioned), "year", "sentence" or "period" — all of which the
    expression reports as "narrative"."""

    value: str | None
    granularity: Granularity | None
    start: date | None = None
    end: date | None = None
    modifier: str | None = None
    basis: str = "absolute"
    type: TimexType | None = None


class Unresolvable(Exception):
    """The words name no real date (February 30) or need a reference that is missing."""


def _unanchored(value: str | None = None, granularity: Granularity | None = None) -> Resolved:
    return Resolved(value, granularity, basis="unanchored")


# ---------- interval helpers ----------

def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def bc_value(year: int, rest: str = "") -> str:
    """The TIMEX3 value of a year BC, the year counted negative (481 BC is -481), and what follows it."""
    return f"BC{-year:04d}{rest}"


def bc_year(value: str | None) -> int | None:
    """The year BC, counted negative, that a value of ``bc_value`` names; None for any other value."""
    return -int(value[2:6]) if value and value.startswith("BC") and value[2:6].isdigit() else None


def year_range(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def week_range(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift_day(day: date, unit: str, amount: int) -> date:
    if unit == "D":
        return day + timedelta(days=amount)
    if unit in ("W", "WE"):
        return day + timedelta(weeks=amount)
    if unit == "2W":
        return day + timedelta(weeks=2 * amount)
    if unit == "M":
        return add_months(day, amount)
    if unit == "Q":
        return add_months(day, 3 * amount)
    if unit == "Y":
        return add_months(day, 12 * amount)
    if unit == "DE":
        return add_months(day, 120 * amount)
    if unit == "CE":
        return add_months(day, 1200 * amount)
    return day


def unit_value(day: date, unit: str) -> tuple[str, Granularity, date, date]:
    """The TIMEX3 value and interval of the ``unit`` containing ``day``."""
    if unit in ("D", "H", "MI", "S", "NI", "MO", "AF", "EV"):
        return day.isoformat(), Granularity.DAY, day, day
    if unit in ("W", "2W"):
        start, end = week_range(day)
        return week_value(day), Granularity.WEEK, start, end
    if unit == "WE":
        start, end = week_range(day)
        return week_value(day) + "-WE", Granularity.WEEKEND, end - timedelta(days=1), end
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}", Granularity.MONTH, *month_range(day.year, day.month)
    if unit == "Q":
        quarter = (day.month - 1) // 3 + 1
        return f"{day.year:04d}-Q{quarter}", Granularity.QUARTER, *quarter_range(day.year, quarter)
    if unit == "Y":
        return f"{day.year:04d}", Granularity.YEAR, *year_range(day.year)
    if unit == "DE":
        decade = day.year // 10
        return f"{decade:03d}", Granularity.DECADE, date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31)
    if unit == "CE":
        century = day.year // 100
        start, end = date(max(1, century * 100), 1, 1), date(century * 100 + 99, 12, 31)
        return f"{century:02d}", Granularity.CENTURY, start, end
    raise Unresolvable(unit)


def quarter_range(year: int, quarter: int) -> tuple[date, date]:
    first = 3 * (quarter - 1) + 1
    return date(year, first, 1), month_range(year, first + 2)[1]


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def season_range(year: int, season: str) -> tuple[date, date]:
    first, last = SEASON_MONTHS[season]
    if season == "WI":
        return date(year, 12, 1), month_range(year + 1, 2)[1]
    return date(year, first, 1), month_range(year, last)[1]


def season_of(day: date) -> tuple[int, str]:
    for season, (first, last) in SEASON_MONTHS.items():
        if season != "WI" and first <= day.month <= last:
            return day.year, season
    return (day.year if day.month == 12 else day.year - 1), "WI"


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth ISO weekday (1=Monday) of a month; nth=-1 is the last."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = month_range(year, month)[1]
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


# ---------- year inference ----------

PAST_BIAS_DAYS = 270
_AHEAD = ("future", "deadline")
"""Tenses that turn a bare weekday, day of the month or month ahead: a plan, or a deadline ("closed until
Friday", "gave them until May to file")."""
_FORWARD = (*_AHEAD, "prospective")
"""Tenses that take the next season or holiday rather than the last: the ahead ones and a weak pointer."""


def infer_year(month: int, day: int | None, reference: date, tense: str) -> int:
    """The year a year-less month (and day) falls in, given the reference day and the tense.

    Past tense takes the latest such month up to the reference's own, future tense the next one from
    it (months are compared, as HeidelTime does, so "Oct. 31" written on Oct. 27 stays in the year
    whatever the tense), a prospective (weak future) reading the nearest one. Without a tense, news
    mostly looks back: the latest occurrence up to the reference day, unless that lies more than nine
    months back.
    """
    if tense in _AHEAD:  # "will open in May", "closed until May": the coming May
        return reference.year + (1 if month < reference.month else 0)
    if tense == "prospective":
        # A weak pointer ahead ("agreed to acquire it in January"): the nearest such month, ahead on a tie,
        # so that "to total assets as of Sept. 30", written in October, stays in the past September.
        if (month - reference.month) % 12 <= 6:
            return reference.year + (1 if month < reference.month else 0)
        return reference.year - (1 if month > reference.month else 0)
    if tense == "past":
        return reference.year - (1 if month > reference.month else 0)
    past = reference.year if (month, day or 1) <= (reference.month, reference.day) else reference.year - 1
    moment = date(past, month, min(day or 1, calendar.monthrange(past, month)[1]))
    return past if (reference - moment).days <= PAST_BIAS_DAYS else past + 1


def _relative_month_year(month: int, direction: int, reference: date) -> int:
    """The year of "last June" (the latest June before this month), "next June", "this June"."""
    if direction < 0:
        return reference.year - (1 if month >= reference.month else 0)
    if direction > 0:
        return reference.year + (1 if month <= reference.month else 0)
    return reference.year


_WEEK_ENDING_BACK = 3
"""Days back from the day a week ends on to a day inside it: a week "to Monday 10 March" is mostly 4-10 March."""
_NARRATIVE_WRAP_MONTHS = 6
"""How far back in the calendar a yearless month must lie from the day a history is on to be the next year's."""


def _calendar_year(p: Partial, m: Mention, ref: Reference) -> tuple[int | None, str]:
    """The year of a date written without one: from the words, the sentence, the narrative or the tense."""
    if p.year is not None:
        crosses_new_year = p.range_end_month is not None and p.month is not None and p.month > p.range_end_month
        # "28 December - 3 January 1919": the range began in the year before the one it ends in
        return p.year - (1 if crosses_new_year else 0), "absolute"
    focus = ref.focus or ref.narrative
    if p.base == "narrative" and p.year_dir is not None and (ref.narrative_year is not None or focus is not None):
        # "In September the following year": a year on from the one the text is speaking of
        year = (ref.narrative_year if ref.narrative_year is not None else focus.year) + p.year_dir  # type: ignore[union-attr]
        return (year + p.year_dir if year == 0 else year), "year"  # no year 0: 1 BC is followed by AD 1
    if p.range_start_month is not None and focus is not None and p.month is not None \
            and focus.month == p.range_start_month and p.month > focus.month:
        return focus.year, "focus"  # "from July through December": December of July's year
    if p.base == "narrative" and p.dir in (-1, 1) and p.month is not None and p.day is None:
        if focus is None:
            day_ref, basis = ref.day("anchor")
            return (_relative_month_year(p.month, p.dir, day_ref), basis) if day_ref else (None, "unanchored")
        # "the following March": the first March after the date last named; "the previous April" the last before
        if p.dir > 0:
            return focus.year + (1 if p.month <= (ref.focus_end or focus).month else 0), "focus"
        return focus.year - (1 if p.month >= focus.month else 0), "focus"
    if p.base == "narrative" and focus is not None:
        # "December-February": a range of months that ends in the next year
        wraps = p.range_end and p.month is not None and p.month < focus.month  # type: ignore[union-attr]
        return focus.year + (1 if wraps else 0), "focus"  # type: ignore[union-attr]
    if ref.narrative_year is not None and (ref.narrative_mode or ref.anchor is None) and p.year_dir is None:
        told = ref.narrative
        if ref.narrative_mode and told is not None and told.year == ref.narrative_year and p.month is not None \
                and told.month - p.month >= _NARRATIVE_WRAP_MONTHS and not p.since:
            # A history moves on: "declared war on 11 December 1941. In January, ..." is the January after, the
            # nearer one (a month looked back to is told "since February").
            return ref.narrative_year + 1, "year"
        return ref.narrative_year, "year"
    day_ref, basis = ref.day("anchor")
    if day_ref is None or p.month is None:
        return None, "unanchored"
    if p.year_dir is not None:
        return day_ref.year + p.year_dir, basis
    if p.dir is not None:
        return _relative_month_year(p.month, p.dir, day_ref), basis
    past_year_ahead = m.tense == "future" and ref.sentence_year is not None and ref.sentence_year[1] < day_ref.year
    if ref.sentence_year is not None and ref.sentence_year[0] == m.sentence and not past_year_ahead and not p.stamp:
        # "Last year's festival opened late, on July 22": the sentence already named the year. Not
        # so for what lies ahead ("invited in July 1997, they will join on March 12"): no past year.
        return ref.sentence_year[1], "sentence"
    if p.range_end_month is not None and p.day is None and m.tense == "past" \
            and day_ref.month <= p.month <= p.range_end_month:
        # "Between March and May, sales rose", said in March: a range told as over cannot have begun this month,
        # so it is last year's, its start as its end ("lost revenue from July through December", said in
        # October, may still be under way: the tense alone places that start)
        return day_ref.year - 1, basis
    return infer_year(p.month, p.day, day_ref, m.tense), basis


def _day_of_month(p: Partial, m: Mention, ref: Reference) -> tuple[int, int, str] | None:
    """Year and month of a bare ordinal day ("on the 3rd"): in the month the text last named a day of,
    else the latest such day up to the reference day (the next one in future tense); "the 15th of next
    month" in the month after the reference's."""
    day_ref, basis = ref.day("anchor" if p.month_dir is not None else "narrative")
    if day_ref is None or p.day is None:
        return None
    year, month = day_ref.year, day_ref.month
    if p.month_dir is not None:
        shifted = add_months(day_ref.replace(day=1), p.month_dir)
        return shifted.year, shifted.month, basis
    if basis == "narrative":
        return year, month, basis  # "The trial opened on Jan. 8. On the 10th, ...": the month in focus
    if m.tense not in _AHEAD and p.day > day_ref.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    elif m.tense in _AHEAD and p.day < day_ref.day:
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return year, month, basis


def resolve_calendar(p: Partial, m: Mention, ref: Reference) -> Resolved:
    month = p.month
    if month is None and p.day is not None:
        found = _day_of_month(p, m, ref)
        if found is None:
            return _unanchored(f"XXXX-XX-{p.day:02d}", Granularity.DAY)
        year, month, basis = found
        year = p.year if p.year is not None else year  # "June 14 and 15, 2025": the year the words give
    else:
        year, basis = _calendar_year(p, m, ref)
    if p.same_day:  # "on this day in 1945": the day and month of the text's own day
        day_ref, _ = ref.day("anchor")
        if day_ref is None or year is None:
            return _unanchored(f"{year:04d}" if year else None, Granularity.YEAR)
        if (day_ref.month, day_ref.day) == (2, 29) and not calendar.isleap(year):
            raise Unresolvable(m.text)
        month, p = day_ref.month, replace(p, day=day_ref.day)
    if year is None:
        if month is None:
            raise Unresolvable(m.text)
        value = f"XXXX-{month:02d}" + (f"-{p.day:02d}" if p.day else "")
        return _unanchored(value, Granularity.DAY if p.day else Granularity.MONTH)
    if p.bc:
        year = -year
    if year < 1:  # a year BC ("490 BC", "August 480 BC", "April" of it): no calendar date, only the value
        value = bc_value(year, (f"-{month:02d}" if month else "") + (f"-{p.day:02d}" if month and p.day else ""))
        return Resolved(value, Granularity.DAY if p.day else Granularity.MONTH if month else Granularity.YEAR,
                        None, None, p.mod, basis)
    if month is None:
        start, end = year_range(year)
        return Resolved(f"{year:04d}", Granularity.YEAR, start, end, p.mod, basis)
    if p.day is None:
        start, end = month_range(year, month)
        # "the first week of March" is its start, "the last week" its end, the weeks between its middle.
        modifier = p.mod if p.month_week is None else {1: "START", -1: "END"}.get(p.month_week, "MID")
        return Resolved(f"{year:04d}-{month:02d}", Granularity.MONTH, start, end, modifier, basis)
    try:
        day = date(year, month, p.day)
    except ValueError as error:
        raise Unresolvable(m.text) from error
    if p.unit == "W" and p.weekend:  # "the weekend of March 12": the weekend nearest that day
        weekday = day.weekday()
        saturday = day + timedelta(days=5 - weekday if weekday > 1 else -2 - weekday)
        return Resolved(week_value(saturday) + "-WE", Granularity.WEEKEND, saturday, saturday + timedelta(days=1),
                        p.mod, basis)
    if p.unit == "W":  # "the week of March 6"; "the week to Monday 10 March" mostly lies in the week before
        day -= timedelta(days=_WEEK_ENDING_BACK if p.week_ends else 0)
        start, end = week_range(day)
        return Resolved(week_value(day), Granularity.WEEK, start, end, p.mod, basis)
    if p.part is not None:  # "the night of April 18, 1775"
        return with_part(day, p.part, basis, p.mod)
    return Resolved(day.isoformat(), Granularity.DAY, day, day, p.mod, basis)


def resolve_week(p: Partial, m: Mention, ref: Reference) -> Resolved:
    """An ISO week named by number ("2024-W42", "week 42 of 2024", "week 42" of the reference year),
    its weekend or one of its days."""
    year, basis = _year_or_reference(p, m, ref)
    if p.week is None:
        raise Unresolvable(m.text)
    if year is None:
        return _unanchored(f"XXXX-W{p.week:02d}", Granularity.WEEK)
    try:
        monday = date.fromisocalendar(year, p.week, 1)
    except ValueError as error:
        raise Unresolvable(m.text) from error
    if p.weekday is not None:
        day = monday + timedelta(days=p.weekday - 1)
        return Resolved(day.isoformat(), Granularity.DAY, day, day, p.mod, basis)
    if p.weekend:
        saturday = monday + timedelta(days=5)
        return Resolved(week_value(monday) + "-WE", Granularity.WEEKEND, saturday, saturday + timedelta(days=1), p.mod,
                        basis)
    return Resolved(week_value(monday), Granularity.WEEK, monday, monday + timedelta(days=6), p.mod, basis)


def with_part(day: date, part: str | None, basis: str, mod: str | None = None) -> Resolved:
    if part:
        return Resolved(f"{day.isoformat()}T{part}", Granularity.PART_OF_DAY, day, day, mod, basis, TimexType.TIME)
    return Resolved(day.isoformat(), Granularity.DAY, day, day, mod, basis, TimexType.DATE)


def resolve_weekday(p: Partial, m: Mention, ref: Reference) -> Resolved:
    day_ref, basis = ref.day(p.base or "anchor")
    if day_ref is None or p.weekday is None:
        return _unanchored(f"XXXX-WXX-{p.weekday}", Granularity.DAY)
    difference = p.weekday - day_ref.isoweekday()
    if p.dir == 0:
        day = day_ref + timedelta(days=difference)
    elif p.dir == 1:
        day = day_ref + timedelta(days=difference % 7 or 7)
        if p.range_end and m.tense == "past" and ref.anchor is not None and day > ref.anchor.date():
            # "lasted from Tuesday to Thursday", written on a Wednesday: a range told in the past has ended,
            # so its end is the latest such day (the start's own week was misread, and is left as it is).
            anchor_day = ref.anchor.date()
            day, basis = anchor_day - timedelta(days=(anchor_day.isoweekday() - p.weekday) % 7), "anchor"
    elif p.dir == -1:
        day = day_ref - timedelta(days=(-difference) % 7 or 7)
    elif m.tense in _AHEAD:
        # "will meet Friday" written on a Friday means that day; otherwise the coming one.
        day = day_ref + timedelta(days=difference % 7)
    else:
        # News reports what happened: a bare weekday is the latest one up to the reference day.
        day = day_ref - timedelta(days=(-difference) % 7)
        if p.range_to is not None and m.tense == "past":
            # "lasted from Tuesday to Thursday", written on a Wednesday: a range told in the past has ended.
            range_end = day + timedelta(days=(p.range_to - p.weekday) % 7 or 7)
            if range_end > day_ref:
                day -= timedelta(days=7)
    return with_part(day + timedelta(days=p.part_day_shift), p.part, basis, p.mod)


def _before_christ(unit: str, amount: int, ref: Reference, *, counted: bool = False) -> Resolved:
    """A shift by years or decades from the year BC a narrative is in ("the following year" after 491 BC is
    490 BC, "the following decade" the 480s BC); anything else, or no year BC, stays unanchored. Decades
    ``counted`` ("a decade earlier") are so many years: 500 BC from 490 BC."""
    year = ref.narrative_year
    if year is None or year > 0 or unit not in ("Y", "DE") or ref.anchor is not None:
        return _unanchored()
    shifted = year + amount * (10 if unit == "DE" else 1)
    in_years = unit == "Y" or counted
    if shifted >= 0:  # there is no year 0: 1 BC is followed by AD 1
        shifted += 1
        if in_years:  # back on the calendar: a year with its days, which the text can go on counting from
            return Resolved(f"{shifted:04d}", Granularity.YEAR, *year_range(shifted), basis="year")
        return Resolved(f"{shifted // 10:03d}", Granularity.DECADE, basis="year")
    if in_years:
        return Resolved(bc_value(shifted), Granularity.YEAR, basis="year")
    return Resolved(f"BC{-shifted // 10:03d}", Granularity.DECADE, basis="year")


def resolve_shift(p: Partial, m: Mention, ref: Reference) -> Resolved:
    unit = p.unit or "D"
    day_ref, basis = ref.day(p.base, unit)
    if (p.vague or p.amount is None) and unit in ("H", "MI") and basis == "narrative" and day_ref is not None:
        # "The quake struck on March 2. Hours later, the bridge collapsed": still that day, as near as the words go
        return Resolved(day_ref.isoformat(), Granularity.DAY, day_ref, day_ref, p.mod, basis)
    if p.vague or p.amount is None:
        value = "PAST_REF" if (p.dir or -1) < 0 else "FUTURE_REF"
        return Resolved(value, Granularity.REFERENCE, None, None, p.mod, basis if day_ref else "unanchored")
    amount = int(p.amount) * (p.dir if p.dir is not None else 1)
    if p.after_that and basis not in ("narrative", "focus"):
        raise Unresolvable(m.text)  # "Two days after that he died", with no date before it: after nothing known
    if p.base == "narrative" and basis == "anchor" and amount > 0 and m.tense == "past" and not p.looking_back \
            and unit in _DAYS_OR_LONGER:
        # "brought the fire under control the next morning", "split up two decades later", with no date before
        # it: after something the text never dated, not after the time of writing: found, but unanchored
        part = f"T{p.part}" if p.part else ""
        if part:
            return _unanchored(f"XXXX-XX-XX{part}", Granularity.PART_OF_DAY)
        value, granularity, _ = _UNKNOWN_UNIT[unit] if unit in _UNKNOWN_UNIT else ("XXXX", Granularity.YEAR, 0)
        return _unanchored(value, granularity)
    if p.looking_back and basis == "anchor":
        amount = 0  # "Ten years on, the town is rebuilt" with no date before it: the time of writing
    if day_ref is None:
        return _before_christ(unit, amount, ref, counted=True)
    if basis == "focus" and not p.looking_back:
        unknown = _unknown_within_focus(unit, ref)
        if unknown is not None:
            return unknown  # "In 2008 ... The following month": a month after one of 2008's, not after January
    discussed = _discussed_quarter(m, ref) if unit == "Y" and amount == -1 else None
    if discussed is not None:
        # "profit fell from $3 million a year earlier": the quarter being reported, a year before.
        return _quarter_value(discussed[0] - 1, discussed[1], p, "period")
    clock = ref.narrative_clock
    if unit in ("H", "MI") and basis == "narrative" and clock is not None and clock.date() == day_ref:
        # "The quake hit at 4:12 a.m. ... The advisory was lifted two hours later": 6:12 that day.
        moment = clock + (timedelta(hours=amount) if unit == "H" else timedelta(minutes=amount))
        return Resolved(moment.strftime("%Y-%m-%dT%H:%M"), Granularity.MINUTE, moment.date(), moment.date(), p.mod,
                        basis, TimexType.TIME)
    if unit in ("H", "MI") and basis == "anchor" and ref.anchor is not None:
        moment = ref.anchor + (timedelta(hours=amount) if unit == "H" else timedelta(minutes=amount))
        day = moment.date()
        if ref.anchor.time() == datetime.min.time():
            # A date-only anchor has no hour: "5 hours ago" is that day, not the day before its midnight.
            hours = amount if unit == "H" else amount / 60
            day = ref.anchor.date() + timedelta(days=int(hours / 24))
            return Resolved(day.isoformat(), Granularity.DAY, day, day, p.mod, basis)
        return Resolved(moment.strftime("%Y-%m-%dT%H:%M"), Granularity.MINUTE, day, day, p.mod, basis, TimexType.TIME)
    day = shift_day(day_ref, unit, amount)
    if p.part or p.to_the_day:
        return with_part(day, p.part, basis, p.mod)
    if p.kept_unit is not None:  # "75 years ago this week": the week of that day, so many years back
        value, granularity, start, end = unit_value(day, p.kept_unit)
        return Resolved(value, granularity, start, end, p.mod, basis)
    # "a decade ago", "two decades later": so many years from the year of reference (2016 from 2026), not
    # the decade that year falls in (the 2010s), just as "ten years ago" is a year.
    value, granularity, start, end = unit_value(day, "Y" if unit in _COUNTED_IN_YEARS else unit)
    return Resolved(value, granularity, start, end, p.mod, basis)


def resolve_current(p: Partial, m: Mention, ref: Reference) -> Resolved:
    day_ref, basis = ref.day("anchor")
    if ref.anchor is None and (day_ref is None or ref.narrative_mode):
        # History without a reference time: "by the end of the year" is the year the text speaks of, the one
        # it named last ("November 23, 1946 ... 1947 ... Late in the year" is 1947's).
        day_ref, basis = ref.day("narrative", p.unit)
        unknown = _unknown_within_focus(p.unit or "D", ref) if basis == "focus" else None
        if unknown is not None:
            return unknown
    if day_ref is None:
        return _before_christ(p.unit or "D", p.dir or 0, ref)
    unit = {"SEASON": "SEASON", "SEMESTER": "H", "TERM": "Y"}.get(p.unit or "", p.unit or "D")
    offset = p.dir or 0
    if unit in ("WE", "W") and p.anticipated and day_ref.weekday() >= 5 and (unit == "WE" or m.tense != "past"):
        # "the coming weekend" said on a Saturday, "they leave midweek" said on a Sunday: this one is under way
        # or over, the next one is coming
        offset += 1
    if unit == "Y" and p.anticipated:
        told = ref.focus
        if told is not None and told.year == day_ref.year - 1 and ref.focus_sentence == m.sentence:
            # "In December he said he would return in the new year": the year after the last year the sentence
            # speaks of; another sentence's date of last year ("Sales fell in 2025. It will expand in the new
            # year") frames nothing here
            value, granularity, start, end = unit_value(date(told.year + 1, 1, 1), "Y")
            return Resolved(value, granularity, start, end, p.mod, "focus")
        if day_ref.month >= 7 or day_ref.month >= 3 and m.tense in _AHEAD:
            offset += 1  # "in the new year", said in the autumn, or looked ahead to from March on: the next year
    if unit == "SEASON":
        year, season = season_of(day_ref)
        start, end = season_range(year + offset, season)
        return Resolved(f"{year + offset:04d}-{season}", Granularity.SEASON, start, end, p.mod, basis)
    if unit == "H":
        half = 1 if day_ref.month <= 6 else 2
        index = day_ref.year * 2 + half - 1 + offset
        year, half = divmod(index, 2)
        return Resolved(f"{year:04d}-H{half + 1}", Granularity.HALF, *half_range(year, half + 1), p.mod, basis)
    value, granularity, start, end = unit_value(shift_day(day_ref, unit, offset), unit)
    return Resolved(value, granularity, start, end, p.mod, basis)


_UNKNOWN_UNIT = {"D": ("XXXX-XX-XX", Granularity.DAY, 1), "WE": ("XXXX-WXX-WE", Granularity.WEEKEND, 2),
                 "W": ("XXXX-WXX", Granularity.WEEK, 7), "2W": ("XXXX-WXX", Granularity.WEEK, 14),
                 "M": ("XXXX-XX", Granularity.MONTH, 31), "Q": ("XXXX-QX", Granularity.QUARTER, 92),
                 "SEASON": ("XXXX-XX", Granularity.SEASON, 92), "H": ("XXXX-HX", Granularity.HALF, 184),
                 "SEMESTER": ("XXXX-HX", Granularity.HALF, 184)}
"""Each unit's value when it is not known which one is meant, and the longest it runs, in days."""


def _unknown_within_focus(unit: str, ref: Reference) -> Resolved | None:
    """A unit shorter than the span the text last named, which holds many of them, stays unknown: "earlier this
    month" after "built in 1968" (a year the text spoke of holds no month of its own)."""
    if ref.focus is None or ref.focus_end is None or unit not in _UNKNOWN_UNIT:
        return None
    value, granularity, days = _UNKNOWN_UNIT[unit]
    return _unanchored(value, granularity) if days < (ref.focus_end - ref.focus).days + 1 else None


def half_range(year: int, half: int) -> tuple[date, date]:
    return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))


def _year_or_reference(p: Partial, m: Mention, ref: Reference) -> tuple[int | None, str]:
    if p.year is not None:
        return p.year, "absolute"
    if ref.narrative_year is not None and (ref.narrative_mode or ref.anchor is None):
        return ref.narrative_year, "year"
    day_ref, basis = ref.day("anchor")
    return (day_ref.year if day_ref else None), basis


def _told_over(p: Partial, m: Mention) -> bool:
    """Whether a quarter or half named without its year is one that has ended: told in the past, or one whose
    results a company reports. Later in the year than the reference's, it is then last year's."""
    return p.year is None and p.year_dir is None and (m.tense == "past" or p.results)


def resolve_quarter(p: Partial, m: Mention, ref: Reference) -> Resolved:
    year, basis = _year_or_reference(p, m, ref)
    quarter = p.quarter or 1
    if year is None:
        return _unanchored(f"XXXX-Q{quarter}", Granularity.QUARTER)
    if _told_over(p, m) and ref.anchor is not None and quarter > (ref.anchor.month - 1) // 3 + 1:
        year -= 1  # "profit rose in the third quarter", said in May; "will report fourth-quarter results"
    start, end = quarter_range(year, quarter)
    return Resolved(f"{year:04d}-Q{quarter}", Granularity.QUARTER, start, end, p.mod, basis)


def resolve_half(p: Partial, m: Mention, ref: Reference) -> Resolved:
    year, basis = _year_or_reference(p, m, ref)
    if p.year_dir is not None and year is not None and basis != "absolute":
        year += p.year_dir  # "the first half of next year"
    half = p.half or 1
    if year is None:
        return _unanchored(f"XXXX-H{half}", Granularity.HALF)
    if _told_over(p, m) and basis == "anchor" and half > (ref.anchor.month - 1) // 6 + 1:  # type: ignore[union-attr]
        year -= 1  # "profit rose in the second half", said in March: the half-year that has ended, as quarters
    return Resolved(f"{year:04d}-H{half}", Granularity.HALF, *half_range(year, half), p.mod, basis)


def resolve_season(p: Partial, m: Mention, ref: Reference) -> Resolved:
    season = p.season or "SU"
    if p.year is not None and p.bc:
        return Resolved(bc_value(-p.year, f"-{season}"), Granularity.SEASON, None, None, p.mod)
    told = p.base == "narrative" and p.dir in (-1, 1) and ref.focus is not None and ref.focus_end is not None
    if p.year is not None:
        year, basis = p.year, "absolute"
    elif told and ref.focus.year > 1 and (ref.focus.month, ref.focus.day, ref.focus_end.month, ref.focus_end.day) \
            != (1, 1, 12, 31):
        # "The law passed in March. The following summer, ...": the first season to begin after the date the text
        # last named, or the last to end before it ("in 1927 ... the following spring" is 1928's).
        years = range(ref.focus.year - 2, ref.focus_end.year + 2)
        if p.dir == 1:
            year = min(y for y in years if season_range(y, season)[0] > ref.focus_end)
        else:
            year = max(y for y in years if season_range(y, season)[1] < ref.focus)
        basis = "focus"
    elif ref.narrative_year is not None and (ref.narrative_mode or ref.anchor is None or p.base == "narrative"):
        # History without a reference time ("the summer", "the next spring"), or "that same spring" in any
        # text: the season of the year the text is in.
        year, basis = ref.narrative_year + (p.dir or 0), "year"
        if year < 1:  # a season of a year BC: a value without an interval
            return Resolved(bc_value(year, f"-{season}"), Granularity.SEASON, None, None, p.mod, basis)
    else:
        day_ref, basis = ref.day("anchor")
        if day_ref is None:
            return _unanchored(f"XXXX-{season}", Granularity.SEASON)
        years = list(range(day_ref.year - 6, day_ref.year + 2))
        ranges = {y: season_range(y, season) for y in years}
        if p.dir is not None and p.dir < 0:
            # "last spring", "the summer before last", "three winters ago": counted back among those ended
            year = sorted((y for y in years if ranges[y][1] < day_ref), reverse=True)[-p.dir - 1]
        elif p.dir == 1:
            year = min(y for y in years if ranges[y][0] > day_ref)
        elif p.dir is None and m.tense == "past":
            year = max(y for y in years if ranges[y][0] <= day_ref)
        elif p.dir is None and m.tense in _FORWARD:
            year = min(y for y in years if ranges[y][1] >= day_ref)
        else:
            containing = [y for y in years if ranges[y][0] <= day_ref <= ranges[y][1]]
            year = containing[0] if containing else day_ref.year
    start, end = season_range(year, season)
    return Resolved(f"{year:04d}-{season}", Granularity.SEASON, start, end, p.mod, basis)


def resolve_decade(p: Partial, m: Mention, ref: Reference) -> Resolved:
    decade = int(p.decade or "0")
    return Resolved(f"{decade:03d}", Granularity.DECADE, date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31), p.mod)


def resolve_century(p: Partial, m: Mention, ref: Reference) -> Resolved:
    if p.century is not None and p.century < 1:
        # "the last century": an ordinal word that counts back from the reference, not a numbered century.
        day_ref, basis = ref.day("anchor")
        if day_ref is None:
            return _unanchored(None, Granularity.CENTURY)
        value, granularity, start, end = unit_value(shift_day(day_ref, "CE", p.century), "CE")
        return Resolved(value, granularity, start, end, p.mod, basis)
    century = (p.century or 1) - 1
    if p.bc:  # "the 4th century BC": 400-301 BC, which the calendar holds no day of
        return Resolved(f"BC{century:02d}", Granularity.CENTURY, None, None, p.mod)
    start = date(max(1, century * 100), 1, 1)
    return Resolved(f"{century:02d}", Granularity.CENTURY, start, date(century * 100 + 99, 12, 31), p.mod)


_HEBREW_EPOCH = -1373427
"""The day before 1 Tishrei of year 1 of the Hebrew calendar, as a proleptic Gregorian ordinal (Reingold and
Dershowitz, Calendrical Calculations)."""


def _hebrew_elapsed_days(year: int) -> int:
    months = (235 * year - 234) // 19
    parts = 12084 + 13753 * months
    days = 29 * months + parts // 25920
    return days + 1 if (3 * (days + 1)) % 7 < 3 else days


def hebrew_new_year(year: int) -> date:
    """1 Tishrei (Rosh Hashanah) of a Hebrew year: the molad of Tishrei, postponed as the calendar's rules say."""
    elapsed = _hebrew_elapsed_days(year)
    correction = 2 if _hebrew_elapsed_days(year + 1) - elapsed == 356 else \
        1 if elapsed - _hebrew_elapsed_days(year - 1) == 382 else 0
    return date.fromordinal(_HEBREW_EPOCH + elapsed + correction)


def hebrew_day(name: str, year: int) -> date:
    """The day a Jewish holiday falls on in a Gregorian year: Rosh Hashanah in its autumn, Passover (15 Nisan) in
    its spring, Hanukkah (25 Kislev) in its December."""
    if name == "passover":
        return hebrew_new_year(year + 3761) - timedelta(days=163)  # 15 Nisan is 163 days before 1 Tishrei
    new_year = hebrew_new_year(year + 3761)
    if name == "hanukkah":
        length = (hebrew_new_year(year + 3762) - new_year).days
        cheshvan = 30 if length % 10 == 5 else 29  # a complete year (355 or 385 days) has a long Cheshvan
        return new_year + timedelta(days=30 + cheshvan + 24)
    return new_year


def holiday_date(rule: dict, year: int) -> date:
    if "table" in rule:  # a holiday of a lunar calendar: the day each year has it, where the table knows it
        if year not in rule["table"]:
            raise Unresolvable(f"no known date in {year}")
        month, day = rule["table"][year]
        return date(year, month, day)
    if "easter" in rule:
        return easter(year) + timedelta(days=rule["easter"])
    if "hebrew" in rule:
        return hebrew_day(rule["hebrew"], year) + timedelta(days=rule.get("shift", 0))
    if "nth" in rule:
        day = nth_weekday(year, rule["month"], rule["weekday"], rule["nth"])
        return day + timedelta(days=rule.get("shift", 0))
    return date(year, rule["month"], rule["day"])


HOLIDAY_AHEAD_DAYS = 31


def resolve_holiday(p: Partial, m: Mention, ref: Reference) -> Resolved:
    rule = p.holiday or {}
    if p.year is not None:
        day, basis = holiday_date(rule, p.year), "absolute"
    else:
        day_ref, basis = ref.day("anchor")
        if day_ref is None:
            return _unanchored()
        day = holiday_date(rule, day_ref.year)
        # A holiday the text looks toward ("ahead of Christmas") within a few weeks of the reference is that
        # one, whatever the tense ("prices rose ahead of it", said just before or just after); else the tense decides.
        # "as Easter week began": a holiday's week has begun once its first day is past.
        begins = week_range(day)[0] if p.unit == "W" else day
        nearby = p.anticipated and abs((day - day_ref).days) <= HOLIDAY_AHEAD_DAYS
        if not (nearby and p.dir is None):
            if (p.dir == -1 or (p.dir is None and m.tense == "past")) and begins > day_ref:
                day = holiday_date(rule, day_ref.year - 1)
            elif (p.dir == 1 or (p.dir is None and m.tense in _FORWARD)) and day < day_ref:
                day = holiday_date(rule, day_ref.year + 1)
    if p.holiday_side is not None and p.weekday is not None:
        # "the Tuesday after Easter": the first Tuesday after Easter Sunday; "the Friday before Christmas"
        step = p.holiday_side * ((p.weekday - day.isoweekday()) * p.holiday_side % 7 or 7)
        day += timedelta(days=step)
    if p.unit == "W":  # "Easter week"
        start, end = week_range(day)
        return Resolved(week_value(day), Granularity.WEEK, start, end, p.mod, basis)
    return with_part(day, p.part, basis, p.mod)


def resolve_weekend(p: Partial, m: Mention, ref: Reference) -> Resolved:
    """ "the weekend": the latest one up to the reference day, or in future tense the next one from it; "the
    first weekend of June": the weekend of June's first Saturday, in the year a June would take."""
    if p.month_week is not None and p.month is not None:
        year, basis = _calendar_year(p, m, ref)
        if year is None:
            return _unanchored("XXXX-WXX-WE", Granularity.WEEKEND)
        saturday = nth_weekday(year, p.month, 6, p.month_week)
        return Resolved(week_value(saturday) + "-WE", Granularity.WEEKEND, saturday, saturday + timedelta(days=1),
                        p.mod, basis)
    day_ref, basis = ref.day("anchor")
    if day_ref is None:
        return _unanchored("XXXX-WXX-WE", Granularity.WEEKEND)
    weekday = day_ref.isoweekday()
    if m.tense in _AHEAD:
        saturday = day_ref - timedelta(days=1) if weekday == 7 else day_ref + timedelta(days=6 - weekday)
    else:
        saturday = day_ref - timedelta(days=(weekday - 6) % 7)
    sunday = saturday + timedelta(days=1)
    return Resolved(week_value(saturday) + "-WE", Granularity.WEEKEND, saturday, sunday, p.mod, basis)


PERIOD_WINDOW = 1500
"""How many characters after a named quarter "the quarter", "a year earlier" still refer to it."""


def _discussed_quarter(m: Mention, ref: Reference) -> tuple[int, int] | None:
    if ref.period is None:
        return None
    year, quarter, end = ref.period
    return (year, quarter) if 0 <= m.start - end <= PERIOD_WINDOW else None


def _quarter_before(day: date) -> tuple[int, int]:
    """The last quarter completed before ``day``."""
    year, index = divmod(day.year * 4 + (day.month - 1) // 3 - 1, 4)
    return year, index + 1


def _quarter_value(year: int, quarter: int, p: Partial, basis: str) -> Resolved:
    start, end = quarter_range(year, quarter)
    return Resolved(f"{year:04d}-Q{quarter}", Granularity.QUARTER, start, end, p.mod, basis)


def resolve_period(p: Partial, m: Mention, ref: Reference) -> Resolved:
    """A reporting period named by its place in the text: "the quarter", "the latest period",
    "the year-ago quarter", "last year's third quarter" (TimeBank reads them against the quarter being reported)."""
    day_ref, basis = ref.day("anchor")
    # "the current quarter" is the one under way on the reference day, whatever quarter is being reported.
    discussed = _discussed_quarter(m, ref) if p.period != "current" else None
    if discussed is not None:
        basis = "period"
    if day_ref is None and discussed is None and p.year is None:
        return _unanchored(f"XXXX-Q{p.quarter or 'X'}", Granularity.QUARTER)
    if p.unit == "Y" and discussed is None and p.quarter is None and day_ref is not None:
        year = day_ref.year - (1 if p.period == "year_ago" else 0)
        return Resolved(f"{year:04d}", Granularity.YEAR, *year_range(year), p.mod, basis)
    if p.quarter is not None and not (p.quarter_ended and discussed is not None):
        quarter = p.quarter
        if discussed is not None:
            year = discussed[0]
        else:
            assert day_ref is not None or p.year is not None
            latest_year, latest_quarter = _quarter_before(day_ref) if day_ref else (p.year or 0, 4)
            year = latest_year if quarter <= latest_quarter else latest_year - 1
    elif discussed is not None:
        year, quarter = discussed
    elif (p.period in ("current", "this") or p.period == "discussed" and p.mod and m.tense in _AHEAD) \
            and day_ref is not None:
        # "the current quarter", and a part of "the quarter" told of ahead ("the offer expires at the end of the
        # quarter"); "will report results for the quarter" is still the quarter reported
        year, quarter = day_ref.year, (day_ref.month - 1) // 3 + 1
    else:
        year, quarter = _quarter_before(day_ref) if day_ref else (p.year or 0, 4)
    if p.year is not None:
        year, basis = p.year, "absolute"
    elif p.year_dir is not None and day_ref is not None:
        year = day_ref.year + p.year_dir
    if p.period == "year_ago":
        year -= 1
    return _quarter_value(year, quarter, p, basis)


def resolve_clock(p: Partial, m: Mention, ref: Reference) -> Resolved:
    day_ref, basis = ref.day("anchor" if p.stamp else "narrative")
    clock = f"T{p.hour or 0:02d}:{p.minute or 0:02d}"
    if day_ref is None:
        return Resolved(f"XXXX-XX-XX{clock}", Granularity.MINUTE, basis="unanchored", modifier=p.mod)
    if p.hour == 24 and basis == "anchor" and m.tense == "past":
        # "pumping stopped around midnight": the midnight that began the day written on, the day before's 24:00
        day_ref -= timedelta(days=1)
    return Resolved(f"{day_ref.isoformat()}{clock}", Granularity.MINUTE, day_ref, day_ref, p.mod, basis)


def resolve_reference(p: Partial, m: Mention, ref: Reference) -> Resolved:
    day_ref, basis = ref.day("anchor")
    if p.ref == "PRESENT_REF" and day_ref is not None:
        return Resolved("PRESENT_REF", Granularity.REFERENCE, day_ref, day_ref, None, basis)
    return Resolved(p.ref, Granularity.REFERENCE, None, None, None, basis if day_ref else "absolute")


def _amount_text(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


_SPLIT_UNITS = {"Y": ("M", 12), "D": ("H", 24), "H": ("MI", 60), "MI": ("S", 60)}
_TIME_UNITS = ("H", "MI", "S")


def _component(amount: float, unit: str) -> str:
    return _amount_text(amount) + ("M" if unit == "MI" else unit)


def _plain_unit(amount: float | None, unit: str) -> tuple[float | None, str]:
    """A duration's unit as TIMEX3 writes it: a fortnight counts two weeks, a night (or morning) one day."""
    if unit == "2W":
        return (amount * 2 if amount is not None else None), "W"
    return amount, "D" if unit in ("NI", "MO", "AF", "EV") else unit


def duration_value(amount: float | None, unit: str, more: Sequence[tuple[float, str]] = ()) -> str:
    """TIMEX3 duration: P3D, PT2H, P3DE, P2Y6M for "two and a half years" or "two years and six months",
    PXY for a vague amount."""
    amount, unit = _plain_unit(amount, unit)
    if amount is None:
        return f"PTX{'M' if unit == 'MI' else unit}" if unit in _TIME_UNITS else f"PX{unit}"
    whole, rest = int(amount), amount - int(amount)
    parts = [(float(whole), unit)] if whole else []
    smaller, factor = _SPLIT_UNITS.get(unit, (unit, 0))
    # A fraction becomes the smaller unit only where it comes out whole: 2.5 years is P2Y6M, 4.2 years P4.2Y.
    if rest and factor and abs(rest * factor - round(rest * factor)) < 1e-6:
        parts.append((round(rest * factor), smaller))
    elif rest:
        parts = [(amount, unit)]
    parts.extend(_plain_unit(a, u) for a, u in more)  # type: ignore[misc]
    dates = "".join(_component(a, u) for a, u in parts if u not in _TIME_UNITS)
    times = "".join(_component(a, u) for a, u in parts if u in _TIME_UNITS)
    return "P" + dates + (f"T{times}" if times else "")


_LANDING_GRAINS = {"M": "M", "Y": "Y"}  # "in two months" reaches a month; days, weeks and hours reach a day
_GRAIN_UNITS = {Granularity.DAY: "D", Granularity.MONTH: "M", Granularity.YEAR: "Y"}


def reached_value(start: date, granularity: Granularity | None) -> str:
    """The TIMEX3 value of the day, month or year a span still to come reaches ("in two weeks" → 2026-03-25)."""
    return unit_value(start, _GRAIN_UNITS.get(granularity, "D"))[0]  # type: ignore[arg-type]


def resolve_duration(p: Partial, m: Mention, ref: Reference) -> Resolved:
    amount = None if p.vague else (p.amount if p.amount is not None else 1)
    value = duration_value(amount, p.unit or "D", p.more)
    day, basis = ref.day("anchor")
    if not p.lands or p.more or amount is None or amount != int(amount) or day is None or basis != "anchor":
        return Resolved(value, Granularity.DURATION, None, None, p.mod)
    # "the vote is in two weeks": still a span (P2W, as TimeML has it), which also names the day it reaches
    if p.unit in ("H", "MI") and ref.anchor is not None:  # an anchor day always has its anchor time
        reached = (ref.anchor + timedelta(hours=amount if p.unit == "H" else 0,
                                          minutes=amount if p.unit == "MI" else 0)).date()
    else:
        reached = shift_day(day, p.unit or "D", int(amount))
    _, granularity, start, end = unit_value(reached, _LANDING_GRAINS.get(p.unit or "D", "D"))
    return Resolved(value, granularity, start, end, "APPROX" if p.unit in ("W", "2W", "M") else None, basis,
                    TimexType.DURATION)


def resolve_set(p: Partial, m: Mention, ref: Reference) -> Resolved:
    """A recurring time: "every Tuesday" XXXX-WXX-2, "Tuesday nights" XXXX-WXX-2TNI, "each July" XXXX-07,
    "every morning" XXXX-XX-XXTMO, "daily" P1D, "every two weeks" P2W."""
    part = p.part or (p.unit if p.unit in ("MO", "AF", "EV", "NI") else None)
    if p.set_value:
        value = p.set_value
    elif p.weekday is not None:
        value = f"XXXX-WXX-{p.weekday}" + (f"T{part}" if part else "")
    elif p.month is not None:
        value = f"XXXX-{p.month:02d}"
    elif p.season is not None:
        value = f"XXXX-{p.season}"
    elif part and (p.amount or 1) == 1:
        value = f"XXXX-XX-XXT{part}"
    else:  # "every two weeks" P2W; "every few days" PXD
        value = duration_value(None if p.vague else p.amount or 1, p.unit or "D")
    return Resolved(value, Granularity.SET, None, None, p.mod)


RESOLVERS: dict[str, Callable[[Partial, Mention, Reference], Resolved]] = {
    "calendar": resolve_calendar,
    "weekday": resolve_weekday,
    "shift": resolve_shift,
    "current": resolve_current,
    "quarter": resolve_quarter,
    "half": resolve_half,
    "season": resolve_season,
    "decade": resolve_decade,
    "century": resolve_century,
    "period": resolve_period,
    "week": resolve_week,
    "weekend": resolve_weekend,
    "holiday": resolve_holiday,
    "clock": resolve_clock,
    "reference": resolve_reference,
    "duration": resolve_duration,
    "set": resolve_set,
}


def at_clock(resolved: Resolved, p: Partial) -> Resolved:
    """A day-level value with the clock time the words gave: "10 p.m. Wednesday" → ...T22:00."""
    clock = f"T{p.hour or 0:02d}:{p.minute or 0:02d}"
    mod = p.mod or resolved.modifier
    if resolved.start is None or resolved.granularity not in (Granularity.DAY, Granularity.PART_OF_DAY):
        return Resolved(f"XXXX-XX-XX{clock}", Granularity.MINUTE, modifier=mod, basis=resolved.basis,
                        type=TimexType.TIME)
    return Resolved(f"{resolved.start.isoformat()}{clock}", Granularity.MINUTE, resolved.start, resolved.end, mod,
                    resolved.basis, TimexType.TIME)


def _latest_ending(figures: int, latest: int) -> int:
    """The latest year up to ``latest`` whose last two figures are ``figures``."""
    return latest - (latest - figures) % 100


PAST_TWO_FIGURE_AHEAD_YEARS = 4
"""How far ahead of its anchor a two-figure year told in the past may lie: a season, a class or a Games already
announced ("Fall '25 enrollment opened", "the Olympics in '28 were awarded"), not a past event ("the crash of '29")."""


def choose_century(partial: Partial, ref: Reference, tense: str | None = None) -> None:
    """A two-figure year ("'89") takes the century of the year the text is about. Counted from now (the
    publication), it is the latest such year at most ten years ahead ("the class of '29" written in 2024), or a
    few years ahead in a sentence told in the past ("the crash of '29 ruined him"); counted from a story's year,
    the nearest, since stories move on ("born in 1950, married in '72"; "the Club of '89" in a history of 1789),
    but never one still to come ("in 1990 he recalled the winter of '38"); with nothing to go by, the latest
    that has been.

    A two-figure decade ("the '20s") is, counted from now, one that has begun ("the '90s", "since the start of
    the '20s" written in 2024), or the next in a sentence that looks ahead ("in the '90s, computers will be
    everywhere", written in 1985); counted from a story's year, the latest that begins within fifty years of it
    ("in 1775 ... by the '80s" is the 1780s)."""
    decade = partial.decade is not None and len(partial.decade) == 2
    if ref.narrative_year is not None and (ref.narrative_mode or ref.anchor is None):
        latest = min(ref.narrative_year + 49, date.today().year)
    elif ref.anchor is not None:
        if decade:
            ahead = 10 if tense in _FORWARD else 0
        else:
            ahead = PAST_TWO_FIGURE_AHEAD_YEARS if tense == "past" else 10
        latest = ref.anchor.year + ahead
    else:
        latest = date.today().year
    if decade:
        partial.decade = f"{_latest_ending(int(partial.decade), latest) // 10:03d}"  # type: ignore[arg-type]
    elif partial.year is not None:
        partial.year = _latest_ending(partial.year % 100, latest)
    partial.two_digit_year = False


def resolve(mention: Mention, reference: Reference) -> Resolved:
    """Fill in a mention's value from the reference; raises Unresolvable for impossible dates."""
    partial = mention.partial
    if partial.two_digit_year:
        choose_century(partial, reference, mention.tense)
    try:
        resolved = RESOLVERS[partial.kind](partial, mention, reference)
    except (ValueError, OverflowError) as error:
        # Arithmetic past the calendar's range (year 0, 10000): the words name no representable date.
        raise Unresolvable(mention.text) from error
    if partial.shift is not None:
        resolved = count_from(resolved, partial)
    if partial.hour is not None and partial.kind != "clock":
        return at_clock(resolved, partial)
    return resolved


_DAYS = (Granularity.MINUTE, Granularity.HOUR, Granularity.PART_OF_DAY, Granularity.DAY)
_COUNTS_WHOLE = {"W": (*_DAYS, Granularity.WEEKEND, Granularity.WEEK), "M": (*_DAYS, Granularity.MONTH),
                 "Y": (*_DAYS, Granularity.MONTH, Granularity.SEASON, Granularity.QUARTER, Granularity.YEAR)}
"""What a whole unit can be counted from ("the week before Christmas", "the year after 2019")."""


def count_from(resolved: Resolved, p: Partial) -> Resolved:
    """A date counted from the one resolved ("two days after March 3", "the night before Christmas"): a day
    moves by any unit, a month by months or years, a year by years; a coarser count keeps the date as it is."""
    if resolved.start is None or p.shift is None:
        return resolved
    amount, unit = p.shift
    day = shift_day(resolved.start, unit, amount)
    if p.shift_whole:  # "the week before Christmas": the week a week back; "the year after 2019": 2020
        if resolved.granularity not in _COUNTS_WHOLE.get(unit, ()):
            return resolved  # "the month before 2019": coarser than the count, no month can be told
        value, granularity, start, end = unit_value(day, unit)
        return Resolved(value, granularity, start, end, None, resolved.basis)
    if resolved.granularity in (Granularity.DAY, Granularity.PART_OF_DAY):
        return with_part(day, p.shift_part, resolved.basis)
    if resolved.granularity == Granularity.MONTH and unit in ("M", "Y") and not p.shift_part:
        return Resolved(*unit_value(day, "M"), None, resolved.basis)
    if resolved.granularity == Granularity.YEAR and unit == "Y" and not p.shift_part:
        return Resolved(*unit_value(day, "Y"), None, resolved.basis)
    return resolved
