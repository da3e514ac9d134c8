"""The page: the heading names the timeline, the chart says what it holds."""

from __future__ import annotations

from datetime import date

from timeline import Event, Granularity, Source, Timeline
from timeline.render import build_spec, render_html

DAY = date(2024, 3, 3)


def one_event_timeline() -> Timeline:
    source = Source(document="a.txt", sentence="The road closed.", expression="Sunday", expression_start=0,
                    expression_end=6, value=DAY.isoformat())
    event = Event(id="e", start=DAY, end=DAY, value=DAY.isoformat(), granularity=Granularity.DAY, title="The road closed",
                  text="The road closed.", sources=[source])
    return Timeline(events=[event], documents=["a.txt"])


def test_the_full_page_heads_with_the_title_and_the_chart_counts_what_it_shows() -> None:
    page = render_html(one_event_timeline(), title="Coast road", mode="full")
    assert "<h1>Coast road</h1>" in page
    assert '"text":"1 event from 1 document"' in page.replace(": ", ":")


def test_a_fragment_has_no_heading_so_its_chart_carries_the_title() -> None:
    fragment = render_html(one_event_timeline(), title="Coast road", mode="fragment")
    assert "<h1>" not in fragment and '"text":"Coast road"' in fragment.replace(": ", ":")


def events_from(documents: int, *, outlets: int | None = None) -> list[Event]:
    events = []
    for index in range(documents):
        source = Source(document=f"doc{index}.txt", sentence="x", expression="Sunday", expression_start=0,
                        expression_end=6, value=DAY.isoformat(),
                        outlet=f"Outlet {index % outlets}" if outlets else None)
        events.append(Event(id=f"e{index}", start=DAY, end=DAY, value=DAY.isoformat(), granularity=Granularity.DAY,
                            title=f"Happening number {index}", text="x", sources=[source]))
    return events


def lanes(events: list[Event]) -> set[str]:
    return {row.lane for row in build_spec(Timeline(events=events, documents=[]))}


def test_chart_rows_are_the_documents_while_they_are_few() -> None:
    assert lanes(events_from(3)) == {"doc0.txt", "doc1.txt", "doc2.txt"}


def test_chart_rows_are_the_outlets_when_documents_are_many_and_outlets_few() -> None:
    assert lanes(events_from(40, outlets=3)) == {"Outlet 0", "Outlet 1", "Outlet 2"}


def test_chart_rows_are_the_events_of_a_summary_from_many_documents() -> None:
    assert lanes(events_from(40)) == {f"Happening number {i}" for i in range(40)}


def test_chart_rows_go_back_to_documents_when_events_are_too_many_for_a_row_each() -> None:
    assert all(lane.startswith("doc") for lane in lanes(events_from(200)))
