"""Independent sources: documents count once each; the results of one search page count once per result."""

from __future__ import annotations

from timeline import SegmentKind, Source
from timeline.merge import independent_sources


def source(document: str, *, segment: int = 0, kind: SegmentKind = SegmentKind.ARTICLE, url: str | None = None,
           title: str | None = None) -> Source:
    return Source(document=document, segment=segment, segment_kind=kind, url=url, title=title,
                  sentence="The utility lifted the boil-water notice on Tuesday.", expression="Tuesday",
                  expression_start=0, expression_end=7, value="2023-02-28")


def test_many_sentences_of_one_article_are_one_source() -> None:
    assert independent_sources([source("a.txt", segment=0), source("a.txt", segment=3), source("b.txt")]) == 2


def test_results_with_different_urls_on_one_search_page_are_different_sources() -> None:
    results = [source("search.txt", segment=1, kind=SegmentKind.SNIPPET, url="https://gazette.example.com/a"),
               source("search.txt", segment=4, kind=SegmentKind.SNIPPET, url="https://herald.example.net/b")]
    assert independent_sources(results) == 2


def test_the_pieces_of_one_result_are_one_source() -> None:
    # a result cut in two by its date prefix: both pieces carry the result's URL
    pieces = [source("search.txt", segment=1, kind=SegmentKind.SNIPPET, url="https://gazette.example.com/a"),
              source("search.txt", segment=3, kind=SegmentKind.SNIPPET, url="https://gazette.example.com/a")]
    assert independent_sources(pieces) == 1


def test_results_without_urls_are_told_apart_by_their_titles() -> None:
    results = [source("news.txt", segment=1, kind=SegmentKind.SNIPPET, title="Ferry operator confirms strike"),
               source("news.txt", segment=3, kind=SegmentKind.SNIPPET, title="Union leaders met the minister")]
    assert independent_sources(results) == 2


def test_an_article_and_a_search_result_quoting_it_are_one_source() -> None:
    article = source("courier.html", url="https://www.courier.example/2026/spillway/?ref=rss")
    # the URLs the reader gives results that open with their breadcrumb ("courier.example › 2026 › spillway")
    result = source("search.txt", segment=5, kind=SegmentKind.SNIPPET, url="https://courier.example/2026/spillway")
    other = source("search.txt", segment=7, kind=SegmentKind.SNIPPET, url="https://herald.example/news/dam")
    assert independent_sources([article, result]) == 1
    assert independent_sources([article, result, other]) == 2


def test_pages_that_give_only_their_site_as_address_stay_apart() -> None:
    assert independent_sources([source("a.html", url="https://example.com/"), source("b.html", url="https://example.com")]) == 2
