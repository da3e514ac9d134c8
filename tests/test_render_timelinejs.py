"""The TimelineJS export: one slide an event, dates only as precise as the value, sources cited."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline import Event, Granularity, Source, Timeline, Unanchored
from timeline.render import to_timelinejs, write_outputs
from timeline.render.exports import to_markdown
from timeline.render.spec import readable_date


def event(identifier: str, start: date, end: date, value: str, granularity: Granularity, *,
          url: str | None = None, conflicts: tuple[str, ...] = ()) -> Event:
    source = Source(document=f"{identifier}.txt", title=f"Report {identifier}", url=url, sentence="It happened.",
                    expression="then", expression_start=0, expression_end=4, value=value)
    return Event(id=identifier, start=start, end=end, value=value, granularity=granularity, title=f"Title <{identifier}>",
                 text="It happened & was reported.", sources=[source], conflicts=list(conflicts))


def slides(*events: Event) -> list[dict]:
    return json.loads(to_timelinejs(Timeline(events=list(events), documents=["a.txt"])))["events"]


def test_a_day_is_a_full_date() -> None:
    [slide] = slides(event("a", date(2024, 3, 3), date(2024, 3, 3), "2024-03-03", Granularity.DAY))
    assert slide["start_date"] == {"year": 2024, "month": 3, "day": 3} and "end_date" not in slide


def test_a_month_is_given_to_the_month_never_a_made_up_day() -> None:
    [slide] = slides(event("m", date(2024, 10, 1), date(2024, 10, 31), "2024-10", Granularity.MONTH))
    assert slide["start_date"] == {"year": 2024, "month": 10} and "end_date" not in slide
    assert slide["display_date"] == "October 2024"


def test_a_quarter_spans_its_months_and_a_decade_its_years() -> None:
    quarter, decade = slides(event("q", date(2023, 7, 1), date(2023, 9, 30), "2023-Q3", Granularity.QUARTER),
                             event("d", date(1980, 1, 1), date(1989, 12, 31), "198", Granularity.DECADE))
    assert (quarter["start_date"], quarter["end_date"]) == ({"year": 2023, "month": 7}, {"year": 2023, "month": 9})
    assert (decade["start_date"], decade["end_date"]) == ({"year": 1980}, {"year": 1989})


def test_a_week_spans_its_days() -> None:
    [slide] = slides(event("w", date(2023, 5, 8), date(2023, 5, 14), "2023-W19", Granularity.WEEK))
    assert slide["end_date"] == {"year": 2023, "month": 5, "day": 14}


def test_text_is_escaped_and_cites_its_sources_and_conflicts() -> None:
    [slide] = slides(event("c", date(2024, 3, 3), date(2024, 3, 3), "2024-03-03", Granularity.DAY,
                           url="https://example.org/a?x=1&y=2", conflicts=("2024-03-02",)))
    assert slide["text"]["headline"] == "Title &lt;c&gt;"
    assert "It happened &amp; was reported." in slide["text"]["text"]
    assert '<a href="https://example.org/a?x=1&amp;y=2">Report c</a>' in slide["text"]["text"]
    assert "Other sources give 2024-03-02." in slide["text"]["text"]


def test_write_outputs_names_the_file_timelinejs_json(tmp_path: Path) -> None:
    timeline = Timeline(events=[event("a", date(2024, 3, 3), date(2024, 3, 3), "2024-03-03", Granularity.DAY)])
    [path] = write_outputs(timeline, tmp_path, formats=("timelinejs",), title="Floods")
    assert path.name == "timeline.timelinejs.json"
    assert json.loads(path.read_text(encoding="utf-8"))["title"]["text"]["headline"] == "Floods"


@pytest.mark.parametrize(("value", "start", "end", "granularity", "modifier", "said"), [
    ("2025-SU", date(2025, 6, 1), date(2025, 8, 31), Granularity.SEASON, None, "summer 2025"),
    ("2026-W08-WE", date(2026, 2, 21), date(2026, 2, 22), Granularity.WEEKEND, None, "weekend of 21–22 Feb 2026"),
    ("2026-W09", date(2026, 2, 23), date(2026, 3, 1), Granularity.WEEK, None, "week of 23 Feb 2026"),
    ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30), Granularity.QUARTER, None, "Q2 2026"),
    ("2024-10", date(2024, 10, 1), date(2024, 10, 31), Granularity.MONTH, "START", "early October 2024"),
    ("198", date(1980, 1, 1), date(1989, 12, 31), Granularity.DECADE, None, "the 1980s"),
    ("2024-10-23TNI", date(2024, 10, 23), date(2024, 10, 23), Granularity.PART_OF_DAY, None, "2024-10-23 night"),
])
def test_a_date_is_shown_as_a_reader_says_it_not_as_its_timex_code(value, start, end, granularity, modifier,
                                                                    said) -> None:
    item = event("e", start, end, value, granularity).model_copy(update={"modifier": modifier})
    assert readable_date(item) == said
    [slide] = slides(item)
    assert slide["display_date"] == said
    markdown = to_markdown(Timeline(events=[item]))
    assert (f"## {said}" in markdown) == (start != end)


def test_markdown_lists_what_was_found_but_could_not_be_dated() -> None:
    item = Unanchored(document="notes.txt", segment=0, expression="the next morning", start=0, end=16,
                      sentence="Crews left the next morning.", reason="no date before it to count from")
    markdown = to_markdown(Timeline(events=[], unanchored=[item]))
    assert "## Found but not dated" in markdown
    assert "“the next morning” in notes.txt (no date before it to count from): Crews left the next morning." in markdown
