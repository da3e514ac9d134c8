"""Finding: text → mentions, each carrying an underspecified value. No calendar arithmetic here."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..models import TimexType
from ..text import WIRE_SERVICES, sentence_bounds
from .grammar import Grammar, KeyIndex, Rule, load_grammar, marks_met, may_meet_mark, tokens_after
from .tense import TenseGuesser

CONTEXT_CHARS = 30


@dataclass(slots=True)
class Partial:
    """An underspecified value: what the words say, before any anchor is consulted."""

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    amount: float | None = None
    vague: bool = False
    unit: str | None = None
    dir: int | None = None
    base: str | None = None
    part: str | None = None
    part_day_shift: int = 0
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    decade: str | None = None
    century: int | None = None
    holiday: dict[str, Any] | None = None
    mod: str | None = None
    hour: int | None = None
    minute: int | None = None
    ref: str | None = None
    frequency: str | None = None
    set_value: str | None = None
    year_dir: int | None = None
    range_end_month: int | None = None
    """The month a range this date opens ends in ("28 December - 3 January 1919"), where the year is the end's."""
    week: int | None = None
    bc: bool = False
    weekend: bool = False
    period: str | None = None
    anticipated: bool = False
    two_digit_year: bool = False
    """The year or decade was written with two figures ("'89", "the '20s"): its century is the resolver's to
    choose."""
    shift: tuple[int, str] | None = None
    """Counted from the date the words name: ("two days after March 3": (2, "D")), in units of the vocabulary."""
    shift_part: str | None = None
    """The part of the shifted day ("the night before Christmas": "NI")."""
    lands: bool = False
    """A span "in" which something is still to come ("the vote is in two weeks"): it also names the day
    it reaches, counted from the reference time."""
    shift_whole: bool = False
    """The count names a whole unit, not a day in it ("the week before Christmas": that week)."""
    to_the_day: bool = False
    """A count back that keeps the day ("a year ago today"): a day, not a year."""
    kept_unit: str | None = None
    """A count back that keeps the week or month ("75 years ago this week"): that week, so many years back."""
    same_day: bool = False
    """A year that takes the anchor's day and month ("on this day in 1945")."""
    range_to: int | None = None
    """The weekday a range this weekday opens ends on ("from Tuesday to Thursday")."""
    range_end: bool = False
    """The day closes a range whose start the text gave just before ("from Monday to Friday")."""
    week_ends: bool = False
    """The week is named by its last day ("the week ending March 7", "the week to 7 March")."""
    month_dir: int | None = None
    """The month a day is of, counted from the reference's: "the 15th of next month" (+1)."""
    numeric_order: str | None = None
    """How figures alone write the date: "day_first" ("21/10/2024") or "month_first" ("10/21/2024")."""
    opens_day_range: bool = False
    """The day opens a range whose month and year only its end names ("from 15 to 22 February")."""
    range_same_year: bool = False
    """The month closes a range ("from July through December"): in the start's year when it comes later in it."""
    range_start_month: int | None = None
    """The month that opens that range, as the mention just before names it."""
    stamp: bool = False
    """The time of writing, whatever the text says around it: a wire dateline ("May 12 (Reuters) -"), a live
    page's entry ("3.55 pm: ...")."""
    holiday_side: int | None = None
    """For a weekday named from a holiday: 1 for the first one after it, -1 for the last one before it."""
    after_that: bool = False
    """"Five days after that": counted from the date the text last named, and from nothing else."""
    looking_back: bool = False
    """"Ten years on": so long after the date the text last named; with none named, the reference time itself."""
    month_week: int | None = None
    """Which seven days of the month ("the first week of March": 1; "the last week of June": -1)."""
    quarter_ended: bool = False
    """The quarter was read off the day it ended ("the quarter ended Sept. 30"): a fiscal quarter the text
    already names ("its fiscal first quarter") comes first."""
    results: bool = False
    """A quarter or half whose results are told ("will report fourth-quarter results", "earnings for the first
    half"): results come after the period ends, so one that has not begun yet is last year's."""
    born: bool = False
    """A birth date ("born in 1961"): the year of a life's start, not of the sentence's other dates."""
    since: bool = False
    """A time after "since" ("part of the empire since 513 BC"): where a state began, told from later."""
    aside: bool = False
    """A year in brackets after a name ("the Civil Constitution of the Clergy (1790)"): a label, not where the
    story is."""
    more: tuple[tuple[float, str], ...] = ()
    """Smaller units added to the amount ("3 hours and 20 minutes": ((20, "MI"),)), each (amount, unit)."""


@dataclass(slots=True)
class Mention:
    """A temporal expression found in text: its span, the rule that found it, and what it says."""

    start: int
    end: int
    text: str
    rule: str
    type: TimexType
    partial: Partial
    read_tense: Callable[[], str] | None = field(default=None, repr=False, compare=False)
    """Reads the tense around the mention, once asked: most dates need none ("March 3, 1998" is the same day
    in any tense)."""
    locate: Callable[[], int] | None = field(default=None, repr=False, compare=False)
    """Finds where the mention's sentence starts, once asked."""
    _tense: str | None = field(default=None, repr=False, compare=False)
    _sentence: int | None = field(default=None, repr=False, compare=False)

    @property
    def tense(self) -> str:
        """The tense of the verb that governs the mention (see TenseGuesser)."""
        if self._tense is None:
            self._tense = self.read_tense() if self.read_tense is not None else "unknown"
        return self._tense

    @property
    def sentence(self) -> int:
        """Offset of the first character of the mention's sentence."""
        if self._sentence is None:
            self._sentence = self.locate() if self.locate is not None else 0
        return self._sentence


_MONTH_WEEKS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}
_ADVERB_SETS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "fortnightly": "P2W",
    "bimonthly": "P2M", "semiannually": "P6M", "biannually": "P6M",
}
# The one-letter and short units of compact stamps ("3d ago", "5m ago") that the units vocabulary lacks;
# "m" is a minute there, as on every comment page.
_COMPACT_UNITS = {"y": "Y", "mo": "M", "mos": "M", "mth": "M", "mths": "M", "w": "W", "d": "D", "h": "H", "m": "MI",
                  "sec": "S", "secs": "S"}
_LATER_WORDS = {"later", "after", "afterward", "afterwards", "on", "next", "following", "subsequent"}
_EARLIER_WORDS = {"earlier", "before", "previously", "prior", "previous", "preceding"}
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
             "last": 4}
_HALF_MODIFIERS = {"the first half": "START", "the second half": "END"}
_PERIOD_GROUPS = {"period_tail", "period", "det", "year", "quarter", "year_dir"}
_HALVES = {"first": 1, "second": 2, "latter": 2, "last": 2}
_DECADE_WORDS = {"twenties": "192", "thirties": "193", "forties": "194", "fifties": "195", "sixties": "196",
                 "seventies": "197", "eighties": "198", "nineties": "199"}
_CLOCK_APPROX = {"around": "APPROX", "about": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
                 "shortly after": "AFTER", "just after": "AFTER", "after": "AFTER", "some time after": "AFTER",
                 "shortly before": "BEFORE", "just before": "BEFORE", "before": "BEFORE"}
# A token that may open a match: a word (or number) not preceded by a word character, or one symbol.
_TOKEN_START = re.compile(r"(?<!\w)(?:\w+|[^\w\s])")
_DIGITS = re.compile(r"\d")
_MARK = re.compile(r"[^\w\s]")
# Whether a token's rules are sorted by the token after it first (off only to test that it changes nothing).
SORT_BY_NEXT_TOKEN = True
# The words that begin two rules or more ("the", "march") are sorted so when the finder is made, and so are
# the shapes nearly all numbers take, before the marks they meet ("0000,", "00:"); other tokens ("00th") once
# they have been met this many times (see Finder._worth_indexing).
_INDEX_UP_FRONT = 2
_NUMBER_SHAPES = ("0", "00", "000", "0000")
_NUMBER_MARKS = ".,:;/-%'’)"
INDEX_AFTER = 32
_CACHE_LIMIT = 200_000


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" .-")


class _Reject(Exception):
    """A candidate whose words turn out not to be a date (a lower-case "may", say)."""


class Normaliser:
    """Turns a rule's named groups into a Partial, using the vocabulary."""

    def __init__(self, grammar: Grammar) -> None:
        v = grammar.vocabulary
        self.months: dict[str, int] = v["months"]
        self.weekdays: dict[str, int] = v["weekdays"]
        self.numbers: dict[str, float] = v["numbers"]
        self.vague = {_key(w) for w in v["vague_numbers"]}
        self.ordinals: dict[str, int] = v["ordinals"]
        self.units: dict[str, str] = v["units"]
        self.parts: dict[str, str] = v["parts_of_day"]
        self.seasons: dict[str, str] = v["seasons"]
        self.named_decades: dict[str, str] = {_key(k): d for k, d in v["named_decades"].items()}
        self.directions: dict[str, int] = v["directions"]
        self.modifiers: dict[str, str] = v["modifiers"]
        self.approximations: dict[str, str] = v["approximations"]
        self.holidays: dict[str, dict[str, Any]] = v["holidays"]
        self.ambiguous = set(v["ambiguous"])
        self.lowercase_holidays = set(v["lowercase_holidays"])
        self.relative_days: dict[str, int] = v["relative_days"]
        self.periods: dict[str, str] = v["periods"]

    def number(self, text: str) -> float | None:
        key = _key(text)
        if key in self.vague:
            return None
        if re.fullmatch(r"\d+(?:\.\d+)?", key):
            return float(key)
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", key):
            return float(key.replace(",", ""))  # "1,000 days"
        if key in self.numbers:
            return float(self.numbers[key])
        parts = re.split(r"[- ]", key)
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            return float(self.numbers[parts[0]] + self.numbers[parts[1]])
        raise _Reject(text)

    def ordinal(self, text: str) -> int:
        key = _key(text)
        digits = re.match(r"(\d+)", key)
        if digits:
            return int(digits.group(1))
        if key in self.ordinals:
            return self.ordinals[key]
        raise _Reject(text)

    def direction(self, text: str) -> int:
        """-1, 0 or +1 for a direction word ("last", "this", "this coming", "the following")."""
        key = _key(text)
        return self.directions.get(key, self.directions.get(key.split(" ")[-1], 0))

    def spelled_year(self, text: str) -> int:
        """A year in words: "nineteen ninety-six" → 1996, "two thousand" → 2000, "two thousand and one" → 2001."""
        words = [w for w in re.split(r"[\s-]+", _key(text)) if w not in ("and", "the", "year")]
        if words[:2] == ["two", "thousand"]:
            return 2000 + sum(int(self.numbers.get(w, 0)) for w in words[2:])
        century = int(self.numbers[words[0]]) * 100
        rest = [w for w in words[1:] if w not in ("oh", "o", "hundred")]
        return century + sum(int(self.numbers[w]) for w in rest)

    def word_of(self, table: dict[str, Any], text: str, *, capitalised: bool = True) -> Any:
        key = _key(text)
        if key not in table:
            raise _Reject(text)
        if capitalised and key in self.ambiguous and not text[:1].isupper():
            raise _Reject(text)
        return table[key]

    def partial(self, rule: Rule, groups: dict[str, str | None]) -> Partial:
        """The underspecified value a rule's named groups spell out (raises _Reject when they spell none)."""
        p = Partial(kind=rule.kind)
        for name, value in rule.fixed.items():
            setattr(p, name, value)
        g = {k: v for k, v in groups.items() if v is not None}
        for name in [k for k in g if k[-2:-1] == "_" and k[-1].isdigit()]:
            # Further alternatives of a rule name their groups NAME_2, NAME_3 (a regex may not repeat a name).
            g.setdefault(name[:-2], g.pop(name))
        for read in (self._years, self._calendar, self._period, self._amount, self._direction, self._position,
                     self._clock, self._frequency):
            read(p, g, rule)
        return p

    def _years(self, p: Partial, g: dict[str, str], rule: Rule) -> None:
        if "year" in g:
            p.year = _year(g["year"])
            p.two_digit_year = len(g["year"].strip().lstrip("'’")) == 2 and "range_century" not in g
        for name in ("year2", "q_year"):
            if name in g and p.year is None:
                p.year = _year(g[name])
        if "era" in g:
            p.year, p.bc = int(g["year"]), _key(g["era"]).startswith("b")  # "AD 70" is the year 70
            p.two_digit_year = False
        if "range_century" in g:
            # "1915-17": the end of a range takes the century of its start, and must come after it, as a
            # range's end in full does ("CVE-2025-1234" names no year)
            start = int(g["range_century"]) * 100 + int(g["range_start"])
            end = int(g["range_century"]) * 100 + int(g["year"]) if len(g["year"]) == 2 else int(g["year"])
            if end <= start:
                raise _Reject(g["year"])
            p.year = end
        if "year_words" in g:
            p.year = self.spelled_year(g["year_words"])
        if "year_dir" in g:
            p.year_dir = self.direction(g["year_dir"])

    def _calendar(self, p: Partial, g: dict[str, str], rule: Rule) -> None:
        if "month" in g:
            month = g["month"]
            # "the 17th march 1881": with its day and its year a lower-case "march" is no verb
            whole = "day" in g and "year" in g
            p.month = int(month) if month.isdigit() else self.word_of(self.months, month, capitalised=not whole)
            if not 1 <= p.month <= 12:
                raise _Reject(month)
            if "range_end_month" in g:
                p.range_end_month = self.word_of(self.months, g["range_end_month"], capitalised=False)
        if "day" in g:
            p.day = self.ordinal(g["day"])
            if not 1 <= p.day <= 31:
                raise _Reject(g["day"])
        if "weekday" in g:
            weekday = g["weekday"]
            p.weekday = int(weekday) if weekday.isdigit() else self.word_of(
                self.weekdays, weekday, capitalised=rule.capitalised != "none")
        if "range_to" in g:
            p.range_to = self.weekdays.get(_key(g["range_to"]))
            if "range_week" in g:
                p.range_to = None  # "Monday through Friday this week": the week phrase places the days
        if "seasons_ago" in g:
            p.dir = -int(self.number(g["seasons_ago"]) or 1)  # "two summers ago": the summer before last
        if "weekdays_ago" in g or "weekday_before_last" in g or "weekday_after_next" in g:
            # "two Fridays ago", "the Friday before last": last Friday, weeks further back; "after next" ahead
            weeks = int(self.number(g["weekdays_ago"]) or 2) if "weekdays_ago" in g else 2
            p.dir = 1 if "weekday_after_next" in g else -1
            p.part_day_shift = 7 * (weeks - 1) * p.dir
        if "week" in g:
            p.week = int(g["week"])
        p.weekend = "weekend" in g
        if "month_week" in g:
            p.month_week = _MONTH_WEEKS[_key(g["month_week"])]
        if "relday" in g:
            p.amount, p.unit, p.base = 1, "D", "anchor"
            p.dir = self.relative_days[_key(g["relday"])]
            if p.dir == 0:
                p.amount, p.dir = 0, None
        if "nth" in g and p.weekday is not None and p.month is not None:
            # "the fourth Thursday of November": a day fixed the way movable holidays are
            nth = -1 if _key(g["nth"]) in ("last", "final") else self.ordinal(g["nth"])
            if not 1 <= nth <= 5 and nth != -1:
                raise _Reject(g["nth"])
            p.holiday = {"month": p.month, "weekday": p.weekday, "nth": nth}
        if "holiday" in g:
            if rule.capitalised == "holiday" and not g["holiday"][:1].isupper() \
                    and _key(g["holiday"]) not in self.lowercase_holidays:
                raise _Reject(g["holiday"])
            p.holiday = self.holidays[_key(g["holiday"])]
            if "holiday_side" in g:  # "the Tuesday after Easter"
                p.holiday_side = 1 if _key(g["holiday_side"]) == "after" else -1

    def _period(self, p: Partial, g: dict[str, str], rule: Rule) -> None:
        if rule.kind == "period" and not (_PERIOD_GROUPS & g.keys() or p.period):
            raise _Reject("period")  # "the period" alone is no reporting period
        for name in ("period_tail", "period", "det"):  # "the same quarter last year": the tail decides
            if name in g:
                p.period = self.periods[_key(g[name])]
                break

    def _amount(self, p: Partial, g: dict[str, str], rule: Rule) -> None:
        if "amount" in g:
            key = _key(g["amount"])
            if key == "other":
                p.amount = 2
            elif key in self.vague or key.split(" ")[0] in {"several", "many", "a few", "few"}:
                p.amount, p.vague = None, True
            else:
                p.amount = self.number(g["amount"])
        if "fraction" in g and p.amount is not None:
            numerator, denominator = g["fraction"].split("/")
            p.amount += int(numerator) / int(denominator)
        if "and_half" in g and p.amount is not None:
            p.amount += 0.5
        if "kept" in g:
            p.kept_unit = self.units[_key(g["kept"])]
        if "unit" in g:
            key = _key(g["unit"])
            if rule.name == "compact_ago":
                p.unit = _COMPACT_UNITS.get(key) or self.units.get(key)
            else:
                p.unit = self.units.get(key, key.upper())
            if p.unit is None:
                raise _Reject(g["unit"])
            if rule.kind == "duration" and "amount" not in g and key.endswith("s"):
                p.amount, p.vague = None, True  # "the first hours": some number of hours, PTXH

    def _direction(self, p: Partial, g: dict[str, str], rule: Rule) -> None:
        if "dir" in g:
            p.dir = self.direction(g["dir"])
            if rule.kind == "shift" and p.base is None:
                p.base = "anchor"
        if "later" in g:
            words = _key(g["later"]).split(" ")
            word = words[0] if words[-1] == "that" else words[-1]  # "five days after that"
            p.dir = 1 if word in _LATER_WORDS else -1 if word in _EARLIER_WORDS else 1
            p.looking_back = word == "on"
            p.after_that = words[-1] == "that"
            p.base = "narrative"
        if "weeks_on" in g:  # "Wednesday week": a week from the coming Wednesday; "Friday fortnight": two
            p.dir, p.shift = 1, (2 if _key(g["weeks_on"]) == "fortnight" else 1, "W")
        if "same" in g:
            p.amount, p.dir, p.base = 0, None, "narrative"
        if rule.kind == "shift" and p.dir is not None and p.amount == 0:
            p.amount = 1

    def _position(self, p: Partial, g: dict[str, str], rule: Rule) -> None:
        """Where in a unit ("early", "the end of"), which part of a day, season, quarter, half, decade, century."""
        for name in ("part", "night"):
            if name in g:
                p.part = self.parts[_key(g[name])]
        if "tonight" in g:
            p.part = "NI"
        if "mod" in g:
            key = _key(g["mod"]).replace("-", " ").strip()
            p.mod = (self.modifiers.get(key) or self.modifiers.get(f"{key} of")
                     or self.modifiers.get(key.split(" ")[-1]) or _HALF_MODIFIERS.get(key))
        if "approx" in g:
            key = _key(g["approx"])
            clock = rule.kind == "clock" or "hour" in g or "named_time" in g
            p.mod = _CLOCK_APPROX.get(key) if clock else self.approximations.get(key)
        if "plus" in g:
            p.mod = "EQUAL_OR_MORE"  # "4+ hours": at least four
        if "season" in g:
            key = _key(g["season"])
            p.season = self.seasons.get(key) or self.seasons[key[:-1]]  # "two summers ago"
        if "before_last" in g:
            p.dir = -2  # "the summer before last"
        if "quarter" in g:
            key = _key(g["quarter"])
            p.quarter = int(key) if key.isdigit() else _QUARTERS[key]
        if "ended_month" in g:
            # "the quarter ended Sept. 30": the calendar quarter that closes in those days; a quarter ending
            # on some other day belongs to a fiscal calendar the text does not give
            month, day = self.word_of(self.months, g["ended_month"], capitalised=False), int(g["ended_day"])
            if month % 3 == 0 and day >= 20:
                p.quarter, p.quarter_ended = month // 3, True
            else:
                p.year = None  # "the quarter ended July 31, 2025": the quarter reported, as without the date
        if "half" in g:
            key = _key(g["half"])
            p.half = int(key) if key.isdigit() else _HALVES[key]
        if "named_decade" in g:
            p.decade = self.named_decades[_key(g["named_decade"])]  # "the roaring '20s"
        if "week_ends" in g:
            p.week_ends = True
        if "month_dir" in g:
            p.month_dir = self.direction(g["month_dir"])
        if "decade" in g:
            p.decade = _decade(g["decade"])
            if "decade_century" in g:  # "the nineteen-nineties", "the eighteen-eighties": the century spelled out
                p.decade = f"{int(self.numbers[_key(g['decade_century'])])}{p.decade[2]}"
            p.two_digit_year = len(p.decade) == 2  # "the '20s": the resolver chooses the century
        if "century" in g:
            p.century = self.ordinal(g["century"])
            p.bc = "century_bc" in g  # "the 4th century BC"
        if "hundreds" in g:
            p.century = int(g["hundreds"]) + 1  # "the 1800s" is the nineteenth century

    def _clock(self, p: Partial, g: dict[str, str], rule: Rule) -> None:
        if "hour" in g:
            hour = g["hour"]
            p.hour = int(hour) if hour.isdigit() else int(self.number(hour) or 0)
            p.minute = int(g.get("minute") or 0)
            ampm = _key(g.get("ampm") or "").replace(".", "")
            if ampm == "pm" and p.hour < 12:
                p.hour += 12
            elif ampm == "am" and p.hour == 12:
                p.hour = 0
            if not ampm and p.part == "MO" and p.hour > 12:
                raise _Reject(hour)  # "at 15 this morning" is no clock
            if not ampm and p.part in ("AF", "EV") and p.hour < 12 or p.part == "NI" and 6 <= p.hour < 12:
                p.hour += 12  # "four in the afternoon", "ten at night"
            elif not ampm and "tonight" in g and 1 <= p.hour <= 5:
                p.hour += 12  # "at 5 tonight"
            elif not ampm and p.part == "NI" and p.hour == 12:
                p.hour = 24  # "at 12 tonight": midnight
            if p.hour > 24 or (ampm and p.hour == 0 and _key(g["hour"]) == "0"):
                raise _Reject(hour)
        if "named_time" in g:
            p.hour, p.minute = (24, 0) if _key(g["named_time"]) == "midnight" else (12, 0)
        if "spoken_minutes" in g and p.hour is not None:
            # "half past nine", "quarter to five", "ten past six": minutes before or after the hour.
            words = _key(g["spoken_minutes"])
            named = {"half": 30, "quarter": 15, "a quarter": 15}
            minutes = named[words] if words in named else int(self.number(words) or 0)
            if not 0 < minutes < 60:
                raise _Reject(words)
            if _key(g["spoken_side"]) == "to":
                p.hour, p.minute = (p.hour - 1) % 24, 60 - minutes
            else:
                p.minute = minutes

    def _frequency(self, p: Partial, g: dict[str, str], rule: Rule) -> None:
        if "adverb" in g:
            p.set_value = _ADVERB_SETS[_key(g["adverb"]).replace("-", "")]  # "bi-weekly" is "biweekly"
        if "freq" in g:
            p.frequency = _key(g["freq"])


_COUNTABLE_KINDS = frozenset({"calendar", "holiday", "weekday", "shift"})
"""The kinds of date a count may start from: a date, a holiday, a weekday, today and its neighbours."""
_SHIFT_WINDOW = 60
"""Characters before a date searched for words that count from it."""


_RANGE_WORDS = re.compile(r"\s+(?:to|through|thru|till|until|and)\s+", re.IGNORECASE)


def _link_month_ranges(text: str, mentions: list[Mention]) -> None:
    """A month that closes a range ("from July through December") learns the month that opens it, which
    must be the mention just before it; without one it stays an ordinary month."""
    for previous, mention in zip([None, *mentions], mentions):
        opens = (mention.partial.range_same_year and previous is not None and previous.partial.kind == "calendar"
                 and previous.partial.month is not None and previous.partial.day is None
                 and _RANGE_WORDS.fullmatch(text, previous.end, mention.start))
        if opens:
            mention.partial.range_start_month = previous.partial.month
            if previous.partial.year is None:
                previous.partial.range_end_month = mention.partial.month
            elif mention.partial.month is not None:  # "from November 2025 to January": January 2026
                mention.partial.year = previous.partial.year + (mention.partial.month < previous.partial.month)


def _follow_numeric_order(mentions: list[Mention]) -> None:
    """Dates in figures that could be read either way follow the order the text shows where only one reading
    fits: "from 1/7/2024 to 30/6/2025" is 1 July, since 30/6 can only be day first. Unless a date there can
    only be month first (12/31), they stay month first, as in the US."""
    numeric = [m.partial for m in mentions if m.partial.numeric_order is not None]
    day_first = any(p.numeric_order == "day_first" for p in numeric)
    month_first = any(p.numeric_order == "month_first" and (p.day or 0) > 12 for p in numeric)
    if not day_first or month_first:
        return
    for p in numeric:
        if p.numeric_order == "month_first" and p.day is not None and p.month is not None and p.day <= 12:
            p.month, p.day, p.numeric_order = p.day, p.month, "day_first"


RANGE_WORDS = r"[-–]|to|until|till|through|thru"
RANGE_JOIN = re.compile(rf"\s*(?:{RANGE_WORDS})\s*", re.IGNORECASE)
"""What joins the two ends of a range of times or days ("6 p.m. to 8 p.m.", "Thursday - Saturday")."""
_DATE_FIELDS = ("weekday", "dir", "month", "day", "year", "relday")


def _link_clock_ranges(text: str, mentions: list[Mention]) -> None:
    """A bare clock time that opens a range closed by a time of a named day ("open from 7 a.m. to 8 p.m. on
    Tuesday") is a time of that day too: it takes the day's words from the range's end."""
    for index, (previous, mention) in enumerate(zip(mentions, mentions[1:])):
        start, end = previous.partial, mention.partial
        dated = end.hour is not None and end.kind in ("weekday", "calendar") and (end.weekday or end.month)
        if start.kind == "clock" and start.hour is not None and not start.stamp and dated \
                and RANGE_JOIN.fullmatch(text, previous.end, mention.start):
            mentions[index] = Mention(previous.start, previous.end, previous.text, previous.rule, previous.type,
                                      dataclasses.replace(end, hour=start.hour, minute=start.minute, mod=start.mod,
                                                          part=start.part))


_SET_CLOCK_WORDS = re.compile(r"\s*,?\s*(?:at|from|on|until|till|by)?\s*", re.IGNORECASE)


def _absorb_set_clocks(text: str, mentions: list[Mention]) -> list[Mention]:
    """A clock time beside a set ("open daily at 8 a.m.", "until 10 p.m. on Fridays", "every day at 02:00
    UTC") is the set's hour, on every one of its days: one expression, the set, and no day of its own."""
    merged: list[Mention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        pair = previous is not None and {previous.type, mention.type} == {TimexType.SET, TimexType.TIME} \
            and (previous.partial.kind if previous.type == TimexType.TIME else mention.partial.kind) == "clock" \
            and _SET_CLOCK_WORDS.fullmatch(text, previous.end, mention.start) is not None
        if not pair:
            merged.append(mention)
            continue
        assert previous is not None
        recurring = previous if previous.type == TimexType.SET else mention
        merged[-1] = Mention(previous.start, mention.end, text[previous.start : mention.end], recurring.rule,
                             TimexType.SET, recurring.partial)
    return merged


# Words just before a mention that tell how it stands to the story: a birth ("born in 1961") or a beginning
# told from later ("since 513 BC", "since early March").
_TOLD_BEFORE = re.compile(r"\b(?:(?P<born>born|b\.)\s+(?:(?:in|on)\s+)?"
                          r"|(?P<since>since)\s+(?:(?:early|late|mid|the\s+(?:start|end|beginning|middle)\s+of)[\s-]+)?)$",
                          re.IGNORECASE)
_TOLD_BEFORE_CHARS = 30
# A quarter or half whose results a company is to report or has reported: "will report fourth-quarter results",
# "posts earnings for the first half". Other results ("a dividend with the Q4 results") may lie in any year.
_REPORTING = (r"\b(?:report(?:s|ing)?|releas(?:e|es|ing)|post(?:s|ing)?|announc(?:e|es|ing)|publish(?:es|ing)?)\s+"
              r"(?:its\s+|their\s+|the\s+)?")
_RESULTS_AFTER = re.compile(r"\s+(?:(?:financial|operating|earnings|trading)\s+)?(?:results|earnings|figures)\b",
                            re.IGNORECASE)
_RESULTS_BEFORE = re.compile(rf"{_REPORTING}(?P<named>(?:results|earnings|figures)\s+(?:for|of)\s+(?:the\s+)?)?$",
                             re.IGNORECASE)
_RESULTS_CHARS = 60
_BRACKETED_AFTER_NAME = re.compile(r"[A-Z][\w'’.-]*\s+\($")
_ASIDE_CHARS = 40
_COMPOUND_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_UNIT_RANK = {"CE": 0, "DE": 1, "Y": 2, "Q": 3, "M": 4, "2W": 5, "W": 6, "D": 7, "H": 8, "MI": 9, "S": 10}


def _join_compound_durations(text: str, mentions: list[Mention]) -> list[Mention]:
    """"3 hours and 20 minutes", "four years, six months": one span in two units, the second the smaller."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous is None or not _adds_smaller_unit(text, previous, mention):
            joined.append(mention)
            continue
        first, second = previous.partial, mention.partial
        amount = second.amount if second.amount is not None else 1.0
        partial = dataclasses.replace(first, more=(*first.more, (amount, second.unit or "D")), lands=False)
        joined[-1] = Mention(previous.start, mention.end, text[previous.start : mention.end], previous.rule,
                             TimexType.DURATION, partial)
    return joined


def _adds_smaller_unit(text: str, previous: Mention, mention: Mention) -> bool:
    """Whether ``mention`` is a count of a smaller unit joined to the whole-numbered span just before it."""
    first, second = previous.partial, mention.partial
    if first.kind != "duration" or second.kind != "duration" or first.vague or second.vague or second.mod \
            or first.amount is not None and first.amount != int(first.amount) \
            or _COMPOUND_JOIN.fullmatch(text, previous.end, mention.start) is None:
        return False
    last_unit = first.more[-1][1] if first.more else first.unit
    larger, smaller = _UNIT_RANK.get(last_unit or "D"), _UNIT_RANK.get(second.unit or "D")
    return larger is not None and smaller is not None and larger < smaller


_WIRE_AFTER = re.compile(rf"\s*(?:\(|-LRB-\s*){WIRE_SERVICES}\s*(?:\)|-RRB-)\s*(?:[-–—]|--)")
_ENTRY_MARK = r"(?:[:|–—]|-(?=\s))"  # what follows a live page's entry clock: "3.55 pm: ...", "09:00 - ..."
_ENTRY_AFTER = re.compile(rf"[ \t]*{_ENTRY_MARK}")
_ENTRY_LINE = re.compile(rf"\d{{1,2}}[.:]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{{2,4}}\s*)?{_ENTRY_MARK}", re.IGNORECASE)
_HEADING_CHARS = 80


def _under_dated_heading(text: str, start: int, mentions: list[Mention]) -> bool:
    """Whether the line before names a date and reads as a heading (short, or ending in a colon): "How the
    attack unfolded on Friday:" / "1.40pm: A gunman enters ..." tells that Friday hour by hour."""
    line_start = text.rfind("\n", 0, start) + 1
    while line_start > 0:
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        previous = text[previous_start:line_start].strip()
        if not _ENTRY_LINE.match(previous):  # the entries before it ("1.40pm: ...") belong to the same heading
            break
        line_start = previous_start
    else:
        return False
    if not previous or not (len(previous) <= _HEADING_CHARS or previous.endswith(":")):
        return False
    return any(previous_start <= m.start < line_start and m.partial.kind != "clock" for m in mentions)


_IN_BEFORE = re.compile(r"(?P<copula>\b(?:is|are|['’]s|['’]re|be)\s+)?(?<![\w'’])in\s+$", re.IGNORECASE)
# A span of something ("in two weeks of talks", "in a week's trading"), not a time still to come.
_SPAN_OF = re.compile(r"\s*(?:of\b|['’]s?\s+(?!time\b)\w)")
_NOT_LANDING = frozenset({"the", "next", "past", "coming"})  # "in the next 48 hours": by then, not then
# What says that something is still to come, a few words before the "in": "will resign in two weeks".
_TO_COME = re.compile(r"\b(?:will|['’]ll|shall|going\s+to|gonna|would|expects?|expected|due|"
                      r"set\s+to|plans?\s+to|planned\s+to|hopes?\s+to|aims?\s+to|intends?\s+to)\b", re.IGNORECASE)
# A verb of a scheduled happening right before the "in": "the promo ends in 3 days", "takes effect in a month".
_SCHEDULED = re.compile(r"\b(?:ends?|opens?|starts?|begins?|closes?|expires?|ships?|launch(?:es)?|leaves?|arrives?|"
                        r"returns?|resumes?|effect|airs?|kicks?\s+off|goes\s+live|go\s+live|lands?|departs?)\s+$",
                        re.IGNORECASE)
_LANDING_UNITS = frozenset({"H", "MI", "D", "W", "2W", "M", "Y"})
_LANDING_WINDOW = 50


def _sentence_start(text: str, start: int, end: int) -> int:
    """Where the sentence around text[start:end] starts."""
    return sentence_bounds(text, start, end)[0]


def _tense_at(guesser: TenseGuesser, text: str, start: int, end: int, cues: str) -> str:
    """The tense around text[start:end], its cue words read from ``cues``."""
    return guesser(text, start, end, cues=cues)[0]


def _lands(text: str, mention: Mention) -> bool:
    """Whether a span "in" which something is still to come names the day it reaches: "will resign in two
    weeks", "the vote is in ten days", "back in an hour"; not "built in two weeks", "a rise in a week", "in
    the next 48 hours" (by then, not then) or "in two weeks of talks"."""
    partial = mention.partial
    if partial.vague or partial.unit not in _LANDING_UNITS or partial.mod is not None \
            or mention.text.split()[0].lower() in _NOT_LANDING:
        return False
    before = _IN_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    if before is None or _SPAN_OF.match(text, mention.end) or mention.tense not in ("present", "future"):
        return False
    if before.group("copula") is not None or _SCHEDULED.search(text, max(0, before.start() - 16), before.start()):
        return True
    return _TO_COME.search(text, max(mention.sentence, mention.start - _LANDING_WINDOW), mention.start) is not None


def _opens_entry(text: str, start: int, end: int) -> bool:
    """Whether a clock opens its line and a colon or a dash follows it: the stamp of a live page's entry."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _ENTRY_AFTER.match(text, end) is not None


def _reports_results(text: str, mention: Mention) -> bool:
    """Whether a company reports the quarter's or half's results: "will report fourth-quarter results",
    "posted earnings for the first half"."""
    reported = _RESULTS_BEFORE.search(text, max(0, mention.start - _RESULTS_CHARS), mention.start)
    if reported is None:
        return False
    # "report results for the fourth quarter" names the results before the period, "report fourth-quarter
    # results" after it.
    return reported["named"] is not None or _RESULTS_AFTER.match(text, mention.end) is not None


def _blank(text: str, mentions: list[Mention]) -> str:
    """``text`` with the words of every mention replaced by spaces (offsets kept)."""
    pieces, position = [], 0
    for mention in mentions:
        pieces.append(text[position : mention.start])
        pieces.append(" " * (mention.end - mention.start))
        position = mention.end
    pieces.append(text[position:])
    return "".join(pieces)


def _year(text: str) -> int:
    text = text.strip().lstrip("'’")
    value = int(text)
    if len(text) == 2:
        value += 1900 if value >= 30 else 2000
    return value


def _decade(text: str) -> str:
    key = _key(text)
    if key in _DECADE_WORDS:
        return _DECADE_WORDS[key]
    return key if len(key) == 2 else key[:3]


class Finder:
    """Runs every rule over a text and keeps the longest non-overlapping matches."""

    def __init__(self, grammar: Grammar | None = None) -> None:
        self.grammar = grammar or load_grammar()
        self.normaliser = Normaliser(self.grammar)
        self.tense = TenseGuesser(self.grammar.vocabulary)
        prepositions = "|".join(sorted(self.grammar.vocabulary["leading_prepositions"], key=len, reverse=True))
        self._preposition = re.compile(rf"(?:{prepositions})\s+", re.IGNORECASE)
        self._indexed = tuple(rule for rule in self.grammar.rules if rule.starts is not None)
        self._unindexed = tuple(rule for rule in self.grammar.rules if rule.starts is None)
        self._by_token: dict[str, tuple[Rule, ...]] = {}
        self._by_pair: dict[tuple[str, str], tuple[Rule, ...]] = {}
        self._by_mark: dict[tuple[str, str], tuple[Rule, ...]] = {}
        self._seen: dict[str | tuple[str, str], int] = {}
        self._first = KeyIndex((rule.priority, rule.starts) for rule in self._indexed)
        self._seconds: dict[str, KeyIndex] = {}
        for word in self._first.words:  # the words that begin rules are indexed up front
            rules = self._fitting_rules(word)
            if len(rules) >= _INDEX_UP_FRONT and word.isalpha():
                self._seconds[word] = self._second_index(word, rules)
        for shape in _NUMBER_SHAPES:
            rules = self._fitting_rules(shape)
            if len(rules) >= _INDEX_UP_FRONT:
                self._seconds[shape] = self._second_index(shape, rules)
                met = [(rule, marks_met(rule.regex, shape, _NUMBER_MARKS)) for rule in rules]
                for mark in _NUMBER_MARKS:
                    self._by_mark[(shape, mark)] = tuple(rule for rule, marks in met if mark in marks)

    def _count_from_dates(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Join a date and the words before it that count from it ("two days after March 3", "the day after
        Christmas", "a week from Friday") into one mention; a duration those words held ("two days") goes."""
        pattern = self.grammar.shift_before_date
        if pattern is None:
            return mentions
        joined: list[Mention] = []
        for mention in mentions:
            partial = mention.partial
            match = None
            if partial.kind in _COUNTABLE_KINDS and partial.shift is None and partial.part is None:
                match = pattern.search(text, max(0, mention.start - _SHIFT_WINDOW), mention.start)
            if match and self._not_counted(text, match.start(), mention.end, whole=_key(match["amount"]) == "the"):
                match = None
            if match and _key(match["dir"]) == "from" and partial.kind not in ("weekday", "shift"):
                match = None  # "64 days from November 21, 1948" is a span that starts then; "a week from Friday" counts
            if match and _key(match["dir"]) == "ago" and (partial.kind != "weekday" or partial.dir is not None):
                match = None  # only a bare weekday is counted back from: "a week ago Tuesday"
            shift = self._shift(match) if match else None
            if match is None or shift is None:
                joined.append(mention)
                continue
            while joined and joined[-1].end > match.start():
                joined.pop()  # "two days": the duration is part of the date counted from now
            partial.shift, partial.shift_part, partial.shift_whole = shift
            if partial.kind == "weekday" and partial.dir is None and _key(match["dir"]) == "from":
                partial.dir = 1  # "a week from Friday": counted from the coming Friday
            if partial.kind == "weekday" and partial.dir is None and _key(match["dir"]) == "ago":
                partial.dir = -1  # "a week ago Tuesday": counted back from the Tuesday just past
            start = match.start()
            timed = shift[1] is not None or mention.type == TimexType.TIME
            joined.append(Mention(start, mention.end, text[start:mention.end], mention.rule,
                                  TimexType.TIME if timed else TimexType.DATE, partial))
        return joined

    def _not_counted(self, text: str, start: int, end: int, *, whole: bool = False) -> bool:
        """Whether the words around a count make it something else: a rate, a span, an estimate, a range. A
        whole unit ("the week before Christmas") names that unit after any preposition: "scheduled for the week
        after Easter", "in the week before Christmas"."""
        not_before, not_after = self.grammar.shift_not_before, self.grammar.shift_not_after
        return bool(not whole and not_before and not_before.search(text[max(0, start - _SHIFT_WINDOW) : start])
                    or not_after and not_after.match(text[end : end + _SHIFT_WINDOW]))

    def _shift(self, match: re.Match[str]) -> tuple[tuple[int, str], str | None, bool] | None:
        g = {k: v for k, v in match.groupdict().items() if v is not None}
        amount_word, unit_word = _key(g["amount"]), _key(g["unit"])
        if amount_word == "the" and unit_word.endswith("s"):
            return None  # "the days before Christmas": some days, no count
        # "the week before Christmas", "the month after the 2020 election": that whole week or month, no day
        whole = amount_word == "the" and unit_word in ("week", "month", "year")
        try:
            amount = 1.0 if amount_word in ("the", "a", "an") else self.normaliser.number(g["amount"])
        except _Reject:
            return None
        if amount is None or amount != int(amount):
            return None
        direction = -1 if _key(g["dir"]) in ("before", "ago") else 1
        if "part" in g:
            return (direction * int(amount), "D"), self.normaliser.parts[unit_word], False
        unit = self.normaliser.units.get(unit_word)
        return ((direction * int(amount), unit), None, whole) if unit in ("D", "W", "M", "Y") else None

    def _leading_preposition(self, text: str, start: int, end: int) -> int:
        """How many characters of a leading preposition to leave out: TIMEX3 extents never hold one
        ("in recent days" → "recent days"), although rules may need it to recognise the expression."""
        match = self._preposition.match(text, start, end)
        return match.end() - start if match and match.end() < end else 0

    def _context_ok(self, rule: Rule, text: str, start: int, end: int) -> bool:
        if rule.before or rule.not_before:
            before = text[max(0, start - CONTEXT_CHARS) : start]
            if rule.before and not rule.before.search(before):
                return False
            if rule.not_before and rule.not_before.search(before):
                return False
        if rule.after or rule.not_after:
            after = text[end : end + CONTEXT_CHARS]
            if rule.after and not rule.after.search(after):
                return False
            if rule.not_after and rule.not_after.search(after):
                return False
        return True

    def _rules_for(self, token: str) -> tuple[Rule, ...]:
        """The rules whose matches may begin with ``token`` (memoised: tokens repeat)."""
        rules = self._by_token.get(token)
        if rules is None:
            rules = self._fitting_rules(token)
            if len(self._by_token) < _CACHE_LIMIT:
                self._by_token[token] = rules
        return rules

    def _fitting_rules(self, token: str) -> tuple[Rule, ...]:
        """The rules whose first-token keys fit ``token``, in priority order (not memoised)."""
        return tuple(self.grammar.rules[priority] for priority in sorted(self._first.fitting(token)))

    def _rules_before(self, token: str, following: str, rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
        """Of the rules that may begin with the word ``token``, those whose next word may be ``following``
        (grammar.tokens_after works out which words may come second; memoised: word pairs repeat)."""
        kept = self._by_pair.get((token, following))
        if kept is None:
            seconds = self._seconds.get(token)
            if seconds is None:
                if not self._worth_indexing(token):
                    return rules
                seconds = self._second_index(token, rules)
                if len(self._seconds) < _CACHE_LIMIT:
                    self._seconds[token] = seconds
            fitting = seconds.fitting(following)
            kept = tuple(rule for rule in rules if rule.priority in fitting) if fitting else ()
            if len(self._by_pair) < _CACHE_LIMIT:
                self._by_pair[(token, following)] = kept
        return kept

    def _rules_at_mark(self, token: str, mark: str, rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
        """Of the rules that may begin with ``token``, those a mark right after it ("5%", "Friday,") lets
        match (grammar.may_meet_mark; memoised)."""
        kept = self._by_mark.get((token, mark))
        if kept is None:
            if not self._worth_indexing((token, mark)):
                return rules
            kept = tuple(rule for rule in rules if may_meet_mark(rule.regex, token, mark))
            if len(self._by_mark) < _CACHE_LIMIT:
                self._by_mark[(token, mark)] = kept
        return kept

    def _worth_indexing(self, key: str | tuple[str, str]) -> bool:
        """Whether a token (or a token and a mark) has been met often enough to work out which of its rules
        the next token rules out: that reads the rules' patterns, which costs as much as trying them about a
        hundred times, so a rare word has its rules tried as they are."""
        seen = self._seen.get(key, 0) + 1
        if len(self._seen) < _CACHE_LIMIT:
            self._seen[key] = seen
        return seen > INDEX_AFTER

    @staticmethod
    def _second_index(token: str, rules: tuple[Rule, ...]) -> KeyIndex:
        """Which of the rules beginning with the word ``token`` each possible second word may continue."""
        return KeyIndex((rule.priority, tokens_after(rule.regex, token)) for rule in rules)

    def _accepted(self, rule: Rule, match: re.Match[str], text: str) -> tuple[bool, Partial | None]:
        """Whether a rule's match stands in its context, and what it says (None for a block)."""
        start, end = match.span()
        if not self._context_ok(rule, text, start, end):
            return False, None
        if rule.kind == "block":
            return True, None
        try:
            return True, self.normaliser.partial(rule, match.groupdict())
        except (_Reject, KeyError, ValueError):
            return False, None

    def candidates(self, text: str) -> list[tuple[int, int, int, Rule, re.Match[str]]]:
        """Every rule match at every word start (overlaps included: selection in find comes later, and checks a
        match's context and reads what it says only when it reaches it, for most matches lose to a longer one).

        Rules are tried only where the first token can begin one of their matches, which
        ``grammar.first_tokens`` derives from each pattern; rules it cannot bound scan the whole text.
        """
        found: list[tuple[int, int, int, Rule, re.Match[str]]] = []
        for rule in self._unindexed:
            for match in rule.regex.finditer(text):
                start, end = match.span()
                if start != end:
                    found.append((start, end, rule.priority, rule, match))
        # Tokens are looked up in lower case; lowering the text once is cheaper than lowering each token,
        # as long as it keeps every offset (a few characters grow when lowered: then token by token).
        lowered = text.lower()
        whole = len(lowered) == len(text)
        source = lowered if whole else text
        known, known_pair = self._by_token.get, self._by_pair.get
        tokens = list(_TOKEN_START.finditer(source))
        words = [token.group(0) for token in tokens] if whole else [token.group(0).lower() for token in tokens]
        last = len(tokens) - 1
        rules_for, rules_before, by_next = self._rules_for, self._rules_before, SORT_BY_NEXT_TOKEN
        for index, token in enumerate(words):
            rules = known(token)
            if rules is None:
                rules = rules_for(token)
            if not rules:
                continue
            position, token_end = tokens[index].span()
            number = token[0].isdigit()
            if number:
                # A number is looked up by its shape ("1990s" → "0000s"): the rules tell digits apart only
                # by how many there are, and the index takes a "0" as any digit.
                key = _DIGITS.sub("0", token)
            else:
                key = token
            if by_next:
                # The token after this one follows spaces when a space ends this one: any other mark in between
                # would be a token of its own, as every mark after a space is.
                if index < last and source[token_end].isspace():
                    word = words[index + 1]
                    kept = known_pair((key, word))
                    rules = kept if kept is not None else rules_before(key, word, rules)
                elif number and _MARK.match(source, token_end):
                    # numbers only: "5%", "1,500", "5.30" (a word before a mark has too few rules to pay)
                    rules = self._rules_at_mark(key, source[token_end], rules)
            for rule in rules:
                match = rule.regex.match(text, position)
                if match is not None and match.end() != position:
                    found.append((position, match.end(), rule.priority, rule, match))
        return found

    def find(self, text: str) -> list[Mention]:
        """Every temporal expression in ``text``, in order, unresolved."""
        chosen_starts: list[int] = []
        chosen: list[tuple[int, int, Rule, Partial | None]] = []
        for start, end, _, rule, match in sorted(self.candidates(text), key=lambda c: (c[0] - c[1], c[2], c[0])):
            index = bisect.bisect_right(chosen_starts, start)
            if index > 0 and chosen[index - 1][1] > start:
                continue
            if index < len(chosen) and chosen[index][0] < end:
                continue
            accepted, partial = self._accepted(rule, match, text)
            if not accepted:
                continue
            chosen_starts.insert(index, start)
            chosen.insert(index, (start, end, rule, partial))
        mentions = []
        for start, end, rule, partial in chosen:
            if partial is None or rule.type is None:
                continue
            start += self._leading_preposition(text, start, end)
            mentions.append(Mention(start, end, text[start:end], rule.name, rule.type, partial))
        mentions = self._count_from_dates(text, mentions)
        # The words of one time expression are no tense cue for another ("due to expire last Thursday, to
        # Nov. 6": the "last" belongs to "last Thursday"), so the tense is read with the others blanked out.
        _link_month_ranges(text, mentions)
        _link_clock_ranges(text, mentions)
        _follow_numeric_order(mentions)
        mentions = _join_compound_durations(text, _absorb_set_clocks(text, mentions))
        blanked = _blank(text, mentions)
        for mention in mentions:
            mention.read_tense = functools.partial(_tense_at, self.tense, text, mention.start, mention.end, blanked)
            mention.locate = functools.partial(_sentence_start, text, mention.start, mention.end)
            if mention.partial.kind == "clock" and _opens_entry(text, mention.start, mention.end) \
                    and not _under_dated_heading(text, mention.start, mentions) \
                    or mention.partial.kind == "calendar" and _WIRE_AFTER.match(text, mention.end):
                mention.partial.stamp = True  # "3.55 pm: Hayward says ...", "May 12 (Reuters) -": when written
            told = _TOLD_BEFORE.search(text, max(0, mention.start - _TOLD_BEFORE_CHARS), mention.start)
            if told:
                mention.partial.born, mention.partial.since = told["born"] is not None, told["since"] is not None
            partial = mention.partial
            if text.startswith(")", mention.end) and partial.kind == "calendar" and partial.month is None \
                    and _BRACKETED_AFTER_NAME.search(text, max(0, mention.start - _ASIDE_CHARS), mention.start):
                partial.aside = True
            if partial.kind in ("quarter", "half") and partial.year is None and _reports_results(text, mention):
                partial.results = True
            if mention.partial.kind == "duration" and _lands(text, mention):
                mention.partial.lands = True
        return mentions
