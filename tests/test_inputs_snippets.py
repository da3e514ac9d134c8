"""Search-result lists: each result is its own segment, anchored at its own date prefix or at retrieval."""

from __future__ import annotations

import pytest
from inputs_support import INPUTS, MIXED, analysed

from timeline import AnchorSource, SegmentKind

SNIPPETS = MIXED / "snippets"


@pytest.fixture(scope="module")
def web_results():
    return analysed(SNIPPETS / "search-springfield-water.txt")


@pytest.fixture(scope="module")
def news_results():
    return analysed(SNIPPETS / "news-search-ferry.txt")


@pytest.mark.parametrize(("phrase", "value"), [
    ("on Tuesday after two rounds", "2023-02-28"),    # "Mar 2, 2023 — …"
    ("on Thursday to fund", "2023-03-09"),            # "5 days ago — …": 2023-03-15
    ("again on Saturday", "2023-03-04"),              # "2 weeks ago — …": 2023-03-06
    ("yesterday at 6pm", "2023-03-19T18:00"),         # no prefix: the retrieval time 2023-03-20
])
def test_each_result_resolves_against_its_own_date(web_results, phrase: str, value: str) -> None:
    assert web_results.at(phrase).value == value


def test_results_are_separate_snippet_segments_with_their_own_anchors(web_results) -> None:
    snippets = [s for s in web_results.segments if s.kind == SegmentKind.SNIPPET]
    anchors = {s.label: s.anchor.description for s in snippets}
    assert anchors["Springfield Gazette"] == 'the snippet\'s date 2023-03-02 ("Mar 2, 2023")'
    assert anchors["Harbour Herald"] == \
        'the snippet\'s date 2023-03-15 ("5 days ago", counted from retrieved 2023-03-20T10:00 (sidecar))'
    assert anchors["Radio Springfield"] == \
        'the snippet\'s date 2023-03-06 ("2 weeks ago", counted from retrieved 2023-03-20T10:00 (sidecar))'
    assert anchors["Springfield Water Utility"] == "retrieved 2023-03-20T10:00 (sidecar)"


def test_date_prefix_is_a_header_not_an_event(web_results) -> None:
    assert web_results.segment_at("5 days ago —").kind == SegmentKind.POST_HEADER


def test_a_list_is_not_anchored_at_its_first_result(web_results) -> None:
    assert web_results.segment_at("About 1,240 results").anchor.source == AnchorSource.SIDECAR


@pytest.mark.parametrize(("phrase", "value"), [
    ("walk out on Monday", "2024-01-08"),   # "Jan 4, 2024 — …"
    ("minister on Friday", "2024-01-05"),   # "3 days ago — …": 2024-01-06
    ("this morning", "2024-01-08TMO"),      # "1 day ago — …"
])
def test_one_result_per_line_lists_anchor_each_line(news_results, phrase: str, value: str) -> None:
    assert news_results.at(phrase).value == value


def test_line_without_prefix_anchors_at_retrieval(news_results) -> None:
    segment = news_results.segment_at("Harbour council publishes")
    assert (segment.kind, segment.anchor.description) == (SegmentKind.SNIPPET, "retrieved 2024-01-09T07:30 (sidecar)")


def test_a_chronology_in_an_article_is_not_a_result_list() -> None:
    chronology = analysed(INPUTS / "edge" / "bridge-chronology.txt")
    assert {s.kind for s in chronology.segments} == {SegmentKind.ARTICLE}
    assert chronology.at("Feb 20, 2023").value == "2023-02-20"
