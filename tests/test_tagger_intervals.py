"""Every resolved value carries an inclusive day interval that is exactly the TIMEX3 value's span, a
granularity, and a record of what it was anchored at — for every kind of expression the grammar finds.

The expected interval is computed here from the value alone, independently of the resolver.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from datetime import date, timedelta

import pytest
from test_corpus import POSITIVES, checked_expression

from timeline.models import Granularity, TimeExpression, TimexType
from timeline.temporal.grammar import load_grammar
from timeline.temporal.resolve import RESOLVERS

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def interval_of(value: str) -> tuple[date, date] | None:
    """The inclusive span of days a TIMEX3 calendar value names, or None for a value with no span."""
    if match := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", value):
        day = date(*map(int, match.groups()))
        return day, day
    if match := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        return (monday + timedelta(days=5), monday + timedelta(days=6)) if match[3] else (monday, monday + timedelta(6))
    if match := re.fullmatch(r"(\d{4})-(\d\d)", value):
        year, month = int(match[1]), int(match[2])
        return date(year, month, 1), _month_end(year, month)
    if match := re.fullmatch(r"(\d{4})-Q(\d)", value):
        year, quarter = int(match[1]), int(match[2])
        return date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
    if match := re.fullmatch(r"(\d{4})-H(\d)", value):
        year, half = int(match[1]), int(match[2])
        return date(year, 6 * half - 5, 1), _month_end(year, 6 * half)
    if match := re.fullmatch(r"(\d{4})-WI", value):
        year = int(match[1])
        return date(year, 12, 1), _month_end(year + 1, 2)
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA)", value):
        year, (first, last) = int(match[1]), _SEASONS[match[2]]
        return date(year, first, 1), _month_end(year, last)
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    if re.fullmatch(r"\d{3}", value):
        return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
    if re.fullmatch(r"\d{2}", value):
        return date(max(1, int(value) * 100), 1, 1), date(int(value) * 100 + 99, 12, 31)
    return None


def _expressions() -> list[tuple[str, TimeExpression]]:
    kinds = {rule.name: rule.kind for rule in load_grammar().rules}
    return [(kinds[e.rule], e) for e in (checked_expression(*p.values) for p in POSITIVES)]


EXPRESSIONS = _expressions()
BY_KIND: dict[str, list[TimeExpression]] = defaultdict(list)
for _kind, _expression in EXPRESSIONS:
    BY_KIND[_kind].append(_expression)


def test_interval_of_reads_timex3_values() -> None:
    assert interval_of("2024-W01-WE") == (date(2024, 1, 6), date(2024, 1, 7))
    assert interval_of("2023-WI") == (date(2023, 12, 1), date(2024, 2, 29))
    assert interval_of("P3D") is None and interval_of("PRESENT_REF") is None


@pytest.mark.parametrize("kind", sorted(RESOLVERS))
def test_every_kind_of_value_has_corpus_examples(kind: str) -> None:
    assert BY_KIND[kind], f"no corpus example resolves through the {kind!r} resolver"


@pytest.mark.parametrize("kind", sorted(RESOLVERS))
def test_calendar_values_carry_exactly_their_interval(kind: str) -> None:
    for expression in BY_KIND[kind]:
        expected = interval_of(expression.value or "")
        if expected is None:
            continue
        assert expression.interval is not None, expression
        assert (expression.interval.start, expression.interval.end) == expected, expression


@pytest.mark.parametrize("kind", sorted(RESOLVERS))
def test_every_value_has_a_granularity(kind: str) -> None:
    for expression in BY_KIND[kind]:
        assert expression.granularity is not None, expression
        if expression.type == TimexType.SET:
            assert expression.interval is None, expression
        if expression.type == TimexType.DURATION:  # only a span still to come names the day (a grain) it reaches
            assert (expression.interval is None) == (expression.granularity == Granularity.DURATION), expression


@pytest.mark.parametrize("kind", sorted(RESOLVERS))
def test_relative_values_record_what_they_were_counted_from(kind: str) -> None:
    for expression in BY_KIND[kind]:
        assert expression.chain.startswith(f'"{expression.text}" → {expression.value}'), expression
        if expression.basis == "anchor":
            assert expression.anchor is not None and "anchored at the corpus reference" in expression.chain
        elif expression.basis == "narrative":
            # The chain quotes the earlier mention it counted from.
            assert re.search(r', [a-z ]+ \("[^"]+"\)$', expression.chain), expression.chain
        else:
            assert expression.anchor is None, expression


def test_relative_expressions_are_anchored_and_explicit_dates_are_absolute() -> None:
    by_text = {e.text: e for _, e in EXPRESSIONS}
    assert by_text["Officials met today."[14:19]].basis == "anchor"
    assert by_text["Two days later"].basis == "narrative"
    assert by_text["October 3, 2019"].basis == "absolute"


def test_a_value_without_reference_is_unanchored_and_has_no_interval() -> None:
    unanchored = [e for _, e in EXPRESSIONS if e.basis == "unanchored"]
    assert unanchored and all(e.interval is None and e.anchor is None and "X" in (e.value or "") for e in unanchored)


def test_reference_points_span_only_the_present() -> None:
    for _, expression in EXPRESSIONS:
        if expression.value in ("PAST_REF", "FUTURE_REF"):
            assert expression.interval is None and expression.granularity == Granularity.REFERENCE
        if expression.value == "PRESENT_REF":
            assert expression.interval is not None and expression.interval.start == expression.interval.end


@pytest.mark.parametrize(("year", "rosh_hashanah", "passover", "hanukkah"), [
    (2023, date(2023, 9, 16), date(2023, 4, 6), date(2023, 12, 8)),
    (2024, date(2024, 10, 3), date(2024, 4, 23), date(2024, 12, 26)),
    (2025, date(2025, 9, 23), date(2025, 4, 13), date(2025, 12, 15)),
    (2026, date(2026, 9, 12), date(2026, 4, 2), date(2026, 12, 5)),
])
def test_the_hebrew_calendar_places_the_jewish_holidays(year: int, rosh_hashanah, passover, hanukkah) -> None:
    from timeline.temporal.resolve import hebrew_day

    assert (hebrew_day("new_year", year), hebrew_day("passover", year), hebrew_day("hanukkah", year)) == \
        (rosh_hashanah, passover, hanukkah)
