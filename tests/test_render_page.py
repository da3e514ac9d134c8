"""The page: the heading names the timeline, the chart says what it holds."""

from __future__ import annotations

from datetime import date

from timeline import Event, Granularity, Source, Timeline
from timeline.render import render_html

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
