"""The TimelineJS export: one slide an event, dates only as precise as the value, sources cited."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from timeline import Event, Granularity, Source, Timeline
from timeline.render import to_timelinejs, write_outputs


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
    assert slide["display_date"] == "2024-10"


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
