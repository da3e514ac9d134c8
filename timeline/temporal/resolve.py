"""Resolving: an underspecified value plus a reference time → a TIMEX3 value and a day interval.

The only calendar arithmetic in the project lives here; one small function per kind of value.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable

from ..models import Granularity, TimexType
from .find import Mention, Partial


@dataclass(slots=True)
class Reference:
    """What a mention may be resolved against."""

    anchor: datetime | None
    narrative: date | None = None
    narrative_year: int | None = None
    narrative_mode: bool = False

    def day(self, base: str | None) -> tuple[date | None, str]:
        """The reference day for a base ("anchor" or "narrative") and which one was used."""
        if base == "narrative" and self.narrative is not None:
            return self.narrative, "narrative"
        if self.anchor is not None and not self.narrative_mode:
            return self.anchor.date(), "anchor"
        if self.narrative is not None:
            return self.narrative, "narrative"
        if self.anchor is not None:
            return self.anchor.date(), "anchor"
        return None, "unanchored"


@dataclass(slots=True)
class Resolved:
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
        return f"{century:02d}", Granularity.CENTURY, date(max(1, century * 100), 1, 1), date(century * 100 + 99, 12, 31)
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


def infer_year(month: int, day: int | None, reference: date, tense: str) -> int:
    """The year a year-less month (and day) falls in, given the reference day and the tense."""
    def key(year: int) -> date:
        return date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))

    same = key(reference.year)
    if tense == "future":
        if (day is None and month < reference.month) or (day is not None and same < reference):
            return reference.year + 1
        return reference.year
    if tense == "past":
        if (day is None and month > reference.month) or (day is not None and same > reference):
            return reference.year - 1
        return reference.year
    # No tense to go by: news mostly looks back, so the latest past occurrence within nine months wins.
    past = reference.year if key(reference.year) <= reference else reference.year - 1
    if (reference - key(past)).days <= PAST_BIAS_DAYS:
        return past
    return past + 1


# ---------- one resolver per kind ----------

def resolve_calendar(p: Partial, m: Mention, ref: Reference) -> Resolved:
    basis = "absolute"
    year = p.year
    month = p.month
    if month is None and p.day is not None:
        day_ref, basis = ref.day("narrative")
        if day_ref is None:
            return _unanchored(f"XXXX-XX-{p.day:02d}", Granularity.DAY)
        year, month = day_ref.year, day_ref.month
        if m.tense != "future" and p.day > day_ref.day:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        elif m.tense == "future" and p.day < day_ref.day:
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    elif year is None and month is not None:
        if ref.narrative_year is not None and (ref.narrative_mode or ref.anchor is None):
            year, basis = ref.narrative_year, "narrative"
        else:
            day_ref, basis = ref.day("anchor")
            if day_ref is None:
                value = f"XXXX-{month:02d}" + (f"-{p.day:02d}" if p.day else "")
                return _unanchored(value, Granularity.DAY if p.day else Granularity.MONTH)
            year = infer_year(month, p.day, day_ref, m.tense)
    if year is None:
        raise Unresolvable(m.text)
    if month is None:
        start, end = year_range(year)
        return Resolved(f"{year:04d}", Granularity.YEAR, start, end, p.mod, basis)
    if p.day is None:
        start, end = month_range(year, month)
        return Resolved(f"{year:04d}-{month:02d}", Granularity.MONTH, start, end, p.mod, basis)
    try:
        day = date(year, month, p.day)
    except ValueError as error:
        raise Unresolvable(m.text) from error
    if p.hour is not None:
        return Resolved(f"{day.isoformat()}T{p.hour:02d}:{p.minute or 0:02d}", Granularity.MINUTE, day, day, p.mod,
                        basis, TimexType.TIME)
    return Resolved(day.isoformat(), Granularity.DAY, day, day, p.mod, basis)


def with_part(day: date, part: str | None, basis: str, mod: str | None = None) -> Resolved:
    if part:
        return Resolved(f"{day.isoformat()}T{part}", Granularity.PART_OF_DAY, day, day, mod, basis, TimexType.TIME)
    return Resolved(day.isoformat(), Granularity.DAY, day, day, mod, basis, TimexType.DATE)


def resolve_weekday(p: Partial, m: Mention, ref: Reference) -> Resolved:
    day_ref, basis = ref.day("anchor")
    if day_ref is None or p.weekday is None:
        return _unanchored(f"XXXX-WXX-{p.weekday}", Granularity.DAY)
    difference = p.weekday - day_ref.isoweekday()
    if p.dir == 0:
        day = day_ref + timedelta(days=difference)
    elif p.dir == 1 or (p.dir is None and m.tense == "future"):
        day = day_ref + timedelta(days=difference % 7 or 7)
    elif p.dir == -1:
        day = day_ref - timedelta(days=(-difference) % 7 or 7)
    else:
        day = day_ref - timedelta(days=(-difference) % 7)
    return with_part(day + timedelta(days=p.part_day_shift), p.part, basis)


def resolve_shift(p: Partial, m: Mention, ref: Reference) -> Resolved:
    day_ref, basis = ref.day(p.base)
    unit = p.unit or "D"
    if p.vague or p.amount is None:
        value = "PAST_REF" if (p.dir or -1) < 0 else "FUTURE_REF"
        return Resolved(value, Granularity.REFERENCE, None, None, p.mod, basis if day_ref else "unanchored")
    if day_ref is None:
        return _unanchored()
    amount = int(p.amount) * (p.dir if p.dir is not None else 1)
    if unit in ("H", "MI") and basis == "anchor" and ref.anchor is not None:
        moment = ref.anchor + (timedelta(hours=amount) if unit == "H" else timedelta(minutes=amount))
        day = moment.date()
        if ref.anchor.time() == datetime.min.time():
            return Resolved(day.isoformat(), Granularity.DAY, day, day, p.mod, basis)
        return Resolved(moment.strftime("%Y-%m-%dT%H:%M"), Granularity.MINUTE, day, day, p.mod, basis, TimexType.TIME)
    day = shift_day(day_ref, unit, amount)
    if p.part:
        return with_part(day, p.part, basis, p.mod)
    value, granularity, start, end = unit_value(day, unit)
    return Resolved(value, granularity, start, end, p.mod, basis)


def resolve_current(p: Partial, m: Mention, ref: Reference) -> Resolved:
    day_ref, basis = ref.day("anchor")
    if day_ref is None:
        return _unanchored()
    unit = {"SEASON": "SEASON", "SEMESTER": "H", "TERM": "Y"}.get(p.unit or "", p.unit or "D")
    offset = p.dir or 0
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


def half_range(year: int, half: int) -> tuple[date, date]:
    return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))


def _year_or_reference(p: Partial, m: Mention, ref: Reference) -> tuple[int | None, str]:
    if p.year is not None:
        return p.year, "absolute"
    if ref.narrative_year is not None and (ref.narrative_mode or ref.anchor is None):
        return ref.narrative_year, "narrative"
    day_ref, basis = ref.day("anchor")
    return (day_ref.year if day_ref else None), basis


def resolve_quarter(p: Partial, m: Mention, ref: Reference) -> Resolved:
    year, basis = _year_or_reference(p, m, ref)
    quarter = p.quarter or 1
    if year is None:
        return _unanchored(f"XXXX-Q{quarter}", Granularity.QUARTER)
    if p.year is None and ref.anchor is not None and m.tense == "past":
        if quarter > (ref.anchor.month - 1) // 3 + 1:
            year -= 1
    start, end = quarter_range(year, quarter)
    return Resolved(f"{year:04d}-Q{quarter}", Granularity.QUARTER, start, end, p.mod, basis)


def resolve_half(p: Partial, m: Mention, ref: Reference) -> Resolved:
    year, basis = _year_or_reference(p, m, ref)
    half = p.half or 1
    if year is None:
        return _unanchored(f"XXXX-H{half}", Granularity.HALF)
    return Resolved(f"{year:04d}-H{half}", Granularity.HALF, *half_range(year, half), p.mod, basis)


def resolve_season(p: Partial, m: Mention, ref: Reference) -> Resolved:
    season = p.season or "SU"
    if p.year is not None:
        year, basis = p.year, "absolute"
    else:
        day_ref, basis = ref.day("anchor")
        if day_ref is None:
            return _unanchored(f"XXXX-{season}", Granularity.SEASON)
        years = [day_ref.year - 2, day_ref.year - 1, day_ref.year, day_ref.year + 1]
        ranges = {y: season_range(y, season) for y in years}
        if p.dir == -1:
            year = max(y for y in years if ranges[y][1] < day_ref)
        elif p.dir == 1:
            year = min(y for y in years if ranges[y][0] > day_ref)
        elif p.dir is None and m.tense == "past":
            year = max(y for y in years if ranges[y][0] <= day_ref)
        elif p.dir is None and m.tense == "future":
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
    century = (p.century or 1) - 1
    start = date(max(1, century * 100), 1, 1)
    return Resolved(f"{century:02d}", Granularity.CENTURY, start, date(century * 100 + 99, 12, 31), p.mod)


def resolve_fiscal_year(p: Partial, m: Mention, ref: Reference) -> Resolved:
    if p.year is None:
        raise Unresolvable(m.text)
    start, end = year_range(p.year)
    return Resolved(f"FY{p.year:04d}", Granularity.YEAR, start, end, p.mod)


def holiday_date(rule: dict, year: int) -> date:
    if "easter" in rule:
        return easter(year) + timedelta(days=rule["easter"])
    if "nth" in rule:
        day = nth_weekday(year, rule["month"], rule["weekday"], rule["nth"])
        return day + timedelta(days=rule.get("shift", 0) + (1 if rule.get("after_monday") else 0))
    return date(year, rule["month"], rule["day"])


def resolve_holiday(p: Partial, m: Mention, ref: Reference) -> Resolved:
    rule = p.holiday or {}
    if p.year is not None:
        day, basis = holiday_date(rule, p.year), "absolute"
    else:
        day_ref, basis = ref.day("anchor")
        if day_ref is None:
            return _unanchored()
        day = holiday_date(rule, day_ref.year)
        if (p.dir == -1 or (p.dir is None and m.tense == "past")) and day > day_ref:
            day = holiday_date(rule, day_ref.year - 1)
        elif (p.dir == 1 or (p.dir is None and m.tense == "future")) and day < day_ref:
            day = holiday_date(rule, day_ref.year + 1)
    return Resolved(day.isoformat(), Granularity.DAY, day, day, p.mod, basis)


def resolve_clock(p: Partial, m: Mention, ref: Reference) -> Resolved:
    day_ref, basis = ref.day("narrative")
    clock = f"T{p.hour or 0:02d}:{p.minute or 0:02d}"
    if day_ref is None:
        return Resolved(f"XXXX-XX-XX{clock}", Granularity.MINUTE, basis="unanchored", modifier=p.mod)
    return Resolved(f"{day_ref.isoformat()}{clock}", Granularity.MINUTE, day_ref, day_ref, p.mod, basis)


def resolve_reference(p: Partial, m: Mention, ref: Reference) -> Resolved:
    day_ref, basis = ref.day("anchor")
    if p.ref == "PRESENT_REF" and day_ref is not None:
        return Resolved("PRESENT_REF", Granularity.REFERENCE, day_ref, day_ref, None, basis)
    return Resolved(p.ref, Granularity.REFERENCE, None, None, None, basis if day_ref else "absolute")


def _amount_text(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: P3D, PT2H, P3DE, PXY for a vague amount."""
    if unit == "2W":
        unit, amount = "W", (amount * 2 if amount is not None else None)
    if amount is not None and amount != int(amount):
        if unit == "Y" and amount * 12 == int(amount * 12):
            unit, amount = "M", amount * 12
        elif unit == "D":
            unit, amount = "H", amount * 24
        elif unit == "H":
            unit, amount = "MI", amount * 60
    text = "X" if amount is None else _amount_text(amount)
    if unit in ("H", "MI", "S"):
        return f"PT{text}{'M' if unit == 'MI' else unit}"
    if unit in ("NI", "MO", "AF", "EV"):
        return f"P{text}D"
    return f"P{text}{unit}"


def resolve_duration(p: Partial, m: Mention, ref: Reference) -> Resolved:
    amount = None if p.vague else (p.amount if p.amount is not None else 1)
    return Resolved(duration_value(amount, p.unit or "D"), Granularity.DURATION, None, None, p.mod)


def resolve_set(p: Partial, m: Mention, ref: Reference) -> Resolved:
    if p.set_value:
        value = p.set_value
    elif p.weekday is not None:
        value = f"XXXX-WXX-{p.weekday}"
    else:
        value = duration_value(p.amount or 1, p.unit or "D")
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
    "fiscal_year": resolve_fiscal_year,
    "holiday": resolve_holiday,
    "clock": resolve_clock,
    "reference": resolve_reference,
    "duration": resolve_duration,
    "set": resolve_set,
}


def resolve(mention: Mention, reference: Reference) -> Resolved:
    """Fill in a mention's value from the reference; raises Unresolvable for impossible dates."""
    return RESOLVERS[mention.partial.kind](mention.partial, mention, reference)
