"""Summary selection: which K events stand for a date when only K are kept."""

from __future__ import annotations

from datetime import date

from timeline import Event, Granularity, Settings, Source
from timeline.merge import select

DAY = date(2010, 4, 20)


def event(identifier: str, text: str, *, importance: float = 1.0, sources: int = 1) -> Event:
    return Event(id=identifier, start=DAY, end=DAY, value=DAY.isoformat(), granularity=Granularity.DAY,
                 title=text, text=text, importance=importance, source_count=sources,
                 sources=[Source(document=f"{identifier}-{n}.txt", sentence=text, expression="Tuesday",
                                 expression_start=0, expression_end=7, value=DAY.isoformat())
                          for n in range(sources)])


def test_the_kept_event_is_the_one_closest_to_all_of_the_dates_reports_keyword_or_not() -> None:
    events = [
        event("a", "An explosion on the drilling rig killed eleven workers in the Gulf", sources=3),
        event("b", "The rig explosion killed eleven workers and injured seventeen more", sources=2),
        event("c", "BP said an explosion on its drilling rig killed eleven workers"),
        event("d", "BP shares closed higher in London after strong quarterly results", importance=5.0),
    ]
    chosen = select(events, Settings(max_dates=1, per_date=1, keywords=("bp",)))
    assert [e.id for e in chosen] == ["c"]


def test_events_without_a_keyword_are_never_shown_even_when_central() -> None:
    events = [
        event("a", "An explosion on the drilling rig killed eleven workers in the Gulf", sources=3),
        event("d", "BP shares closed higher in London after strong quarterly results"),
    ]
    chosen = select(events, Settings(max_dates=1, per_date=1, keywords=("bp",)))
    assert [e.id for e in chosen] == ["d"]


def test_a_second_sentence_that_repeats_the_first_gives_way_to_one_that_adds_something() -> None:
    events = [
        event("a", "An explosion on the drilling rig killed eleven workers in the Gulf", sources=3),
        event("b", "An explosion on the drilling rig killed eleven workers in the Gulf of Mexico", sources=2),
        event("c", "The coast guard searched the Gulf for the eleven missing rig workers", sources=3),
    ]
    chosen = select(events, Settings(max_dates=1, per_date=2))
    assert {e.id for e in chosen} == {"a", "c"}
