"""Where an event's source says it came from: a search result's own title, URL and outlet; a thread's
headers are never events, while a comment's own relative dates are."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from inputs_support import MIXED

import timeline
from timeline import SegmentKind

SNIPPETS = MIXED / "snippets"
HACKER_NEWS = MIXED / "threads" / "hacker-news-dns-outage.txt"


def built(path) -> timeline.Timeline:
    return timeline.build([path], write=False).timeline


@pytest.fixture(scope="module")
def web_results() -> timeline.Timeline:
    return built(SNIPPETS / "search-springfield-water.txt")


@pytest.fixture(scope="module")
def hacker_news() -> timeline.Timeline:
    return built(HACKER_NEWS)


def source_of(events: list[timeline.Event], phrase: str) -> timeline.Source:
    (event,) = [e for e in events if phrase in e.text]
    (source,) = event.sources
    return source


def test_a_search_result_source_carries_the_results_own_title_url_and_outlet(web_results) -> None:
    source = source_of(web_results.events, "boil-water notice on Tuesday")
    assert source.segment_kind == SegmentKind.SNIPPET
    assert source.title == "Boil-water notice lifted for east Springfield"
    assert source.url == "https://gazette.example.com/local/water-main"
    assert source.outlet == "Springfield Gazette"


def test_results_of_one_search_page_keep_apart_their_outlets(web_results) -> None:
    outlets = {source_of(web_results.events, phrase).outlet
               for phrase in ("boil-water notice on Tuesday", "Councillors voted", "ran brown again")}
    assert outlets == {"Springfield Gazette", "Harbour Herald", "Radio Springfield"}


HEADLINE_FIRST = """plant fire - Search

Veltra plant fire: 1500 evacuated in Toulouse
https://www.example-news.fr › economy › veltra-fire
Mar 8, 2025 — A fire broke out on Friday evening at the Veltra Energy battery plant in Toulouse ...

Council orders inquiry into Veltra blaze - La Dépêche Éco
https://example.org › veltra-inquiry
Mar 14, 2025 — The city council voted 6-3 on Wednesday to order an independent inquiry into the blaze ...
"""


def test_a_result_copied_headline_first_takes_its_title_and_outlet_from_that_line() -> None:
    document = timeline.Document(id="search.txt", text=HEADLINE_FIRST)
    events = timeline.build_timeline([document], timeline.Settings()).events
    fire, inquiry = source_of(events, "A fire broke out"), source_of(events, "The city council voted")
    assert (fire.title, fire.outlet, fire.url) == ("Veltra plant fire: 1500 evacuated in Toulouse", "example-news.fr",
                                                   "https://www.example-news.fr/economy/veltra-fire")
    assert (inquiry.title, inquiry.outlet) == ("Council orders inquiry into Veltra blaze", "La Dépêche Éco")
    assert {e.value for e in events} == {"2025-03-07TEV", "2025-03-12"}


BREADCRUMB_FIRST = """spillway - Search

courier.example › 2026 › spillway
12 Mar 2026 — The spillway gates opened on Tuesday after days of rain ...

herald.example › news › dam
13 Mar 2026 — Engineers inspected the dam on Wednesday ...
"""


def test_a_result_that_opens_with_its_breadcrumb_is_that_page_and_one_source_with_it() -> None:
    article = timeline.Document(id="courier.html", url="https://www.courier.example/2026/spillway/?ref=rss",
                                text="Spillway opened\n\nThe spillway gates opened on Tuesday after days of rain.\n")
    events = timeline.build_timeline([timeline.Document(id="search.txt", text=BREADCRUMB_FIRST), article],
                                     timeline.Settings(published=datetime(2026, 3, 14))).events
    result = source_of(events, "Engineers inspected the dam")
    assert (result.url, result.title) == ("https://herald.example/news/dam", "herald.example › news › dam")
    opened = next(e for e in events if "spillway gates opened" in e.text)
    assert {s.document for s in opened.sources} == {"search.txt", "courier.html"} and opened.source_count == 1


def test_a_result_without_an_address_line_is_titled_by_its_own_first_line_without_its_date() -> None:
    events = built(SNIPPETS / "news-search-ferry.txt").events
    source = source_of(events, "Union leaders met the transport minister")
    assert source.title == "Union leaders met the transport minister on Friday and described the talks…"
    assert source.url is None


def test_thread_headers_never_become_events(hacker_news) -> None:
    header_words = ("points by", "hide | past", "| next", "| parent", "| prev", "reply")
    assert not [e.text for e in hacker_news.events if any(word in e.text for word in header_words)]
    assert all(s.segment_kind != SegmentKind.POST_HEADER for e in hacker_news.events for s in e.sources)


def test_a_comments_yesterday_in_its_body_is_an_event_on_the_day_before_the_comment(hacker_news) -> None:
    # alice_k wrote "2 days ago" before retrieval on 14 June: her "15:30 yesterday" is 12 June
    events = [e for e in hacker_news.events if "resolution failures" in e.text]
    assert events and all(e.start == date(2023, 6, 12) for e in events)
    assert all(s.segment_kind == SegmentKind.POST and "yesterday" in s.sentence for e in events for s in e.sources)
