"""Merging across sources, conflicts, importance and the summary options, on tests/data/merge.

The collection: four reports of one landslide (published 4, 5 and 11 March 2024 and a Lemmy thread
saved 20 March) that put it on Sunday 3 March, a barn fire the same Sunday, and one commenter who
says the landslide came on Saturday.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

import timeline
from timeline.cli import main
from timeline.merge import (MERGE_THRESHOLD, cluster_events, date_scores, mentions_keyword, merge_events, select,
                            similarity)

COLLECTION = Path(__file__).parent / "data" / "merge"
SUNDAY = date(2024, 3, 3)


@pytest.fixture(scope="module")
def built() -> timeline.Timeline:
    return timeline.build([COLLECTION], write=False).timeline


def landslide(events: list[timeline.Event]) -> timeline.Event:
    (event,) = [e for e in events if e.start == SUNDAY and "landslide" in e.text.lower()]
    return event


def names(event: timeline.Event) -> set[str]:
    return {Path(s.document).name for s in event.sources}


def test_one_happening_from_every_source_is_one_event_on_the_right_date(built: timeline.Timeline) -> None:
    event = landslide(built.events)
    assert (event.start, event.end, event.value) == (SUNDAY, SUNDAY, "2024-03-03")
    assert names(event) == {"01-coast-herald.txt", "02-yorkshire-gazette.txt", "03-northern-wire.txt",
                            "04-lemmy-thread.txt"}
    assert event.source_count == 4


def test_a_merged_event_keeps_each_source_with_its_expression_and_anchor(built: timeline.Timeline) -> None:
    event = landslide(built.events)
    expressions = {Path(s.document).name: s.expression for s in event.sources}
    assert expressions == {"01-coast-herald.txt": "Sunday", "02-yorkshire-gazette.txt": "Sunday",
                           "03-northern-wire.txt": "March 3", "04-lemmy-thread.txt": "yesterday"}
    comment = next(s for s in event.sources if s.segment_kind == timeline.SegmentKind.POST)
    assert "16 days ago" in comment.chain and comment.segment > 0


def test_different_happenings_on_the_same_day_stay_apart(built: timeline.Timeline) -> None:
    sunday = [e for e in built.events if e.start == SUNDAY]
    assert len(sunday) == 2
    fire = next(e for e in sunday if "barn fire" in e.text)
    assert names(fire) == {"01-coast-herald.txt", "02-yorkshire-gazette.txt"}
    assert not any("landslide" in s.sentence.lower() for s in fire.sources)


def test_sources_that_disagree_on_the_date_are_a_conflict(built: timeline.Timeline) -> None:
    (conflict,) = built.conflicts
    assert set(conflict.values) == {"2024-03-03", "2024-03-02TEV"}
    backing = {value: {Path(s.document).name for s, given in zip(conflict.sources, conflict.source_values)
                       if given == value} for value in conflict.values}
    assert backing["2024-03-02TEV"] == {"04-lemmy-thread.txt"}
    assert "01-coast-herald.txt" in backing["2024-03-03"]
    assert conflict.summary == "4 sources say 2024-03-03; 1 source says 2024-03-02TEV"


def test_a_conflict_never_joins_the_incompatible_dates(built: timeline.Timeline) -> None:
    saturday = [e for e in built.events if e.start == date(2024, 3, 2)]
    assert len(saturday) == 1 and saturday[0].conflicts == ["2024-03-03"]
    assert landslide(built.events).conflicts == ["2024-03-02TEV"]


def test_the_later_reopening_is_its_own_event(built: timeline.Timeline) -> None:
    (reopened,) = [e for e in built.events if e.start == date(2024, 3, 11)]
    assert reopened.text == "The A171 coast road near Ravenscar reopened on Monday"


def event(text: str, day: date, *, document: str, end: date | None = None,
          granularity: timeline.Granularity = timeline.Granularity.DAY, value: str | None = None) -> timeline.Event:
    source = timeline.Source(document=document, sentence=text, expression="", expression_start=0, expression_end=0,
                             value=value or day.isoformat())
    return timeline.Event(id=f"{document}-{day}", start=day, end=end or day, value=value or day.isoformat(),
                          granularity=granularity, title=text, text=text, sources=[source])


def test_similarity_is_tf_idf_cosine_over_content_words() -> None:
    assert similarity("The rig exploded, killing 11 workers", "Eleven workers died as the rig exploded") > 0.3
    assert similarity("The rig exploded", "Shares in the company fell sharply") == 0.0
    assert similarity("Officials closed the road", "The road was closed by officials") == pytest.approx(1.0)


def test_a_month_mention_joins_the_same_happening_on_a_day_inside_it() -> None:
    events = [event("A landslide closed the Ravenscar coast road", date(2024, 3, 3), document="a"),
              event("In March a landslide closed the Ravenscar coast road", date(2024, 3, 1), document="b",
                    end=date(2024, 3, 31), granularity=timeline.Granularity.MONTH, value="2024-03")]
    merged, _ = merge_events(events)
    assert len(merged) == 1 and merged[0].value == "2024-03-03" and merged[0].source_count == 2


def test_a_month_mention_never_joins_a_day_outside_it() -> None:
    events = [event("A landslide closed the Ravenscar coast road", date(2024, 4, 3), document="a"),
              event("A landslide closed the Ravenscar coast road", date(2024, 3, 1), document="b",
                    end=date(2024, 3, 31), granularity=timeline.Granularity.MONTH, value="2024-03")]
    groups, _ = cluster_events(events)
    assert len(groups) == 2


def test_same_words_on_different_days_are_never_merged() -> None:
    events = [event("BP shares fell in London", date(2010, 5, 3), document="a"),
              event("BP shares fell in London", date(2010, 5, 4), document="b")]
    assert len(cluster_events(events)[0]) == 2


def test_unrelated_reports_on_one_busy_day_are_not_merged() -> None:
    day = date(2010, 4, 20)
    events = [event("The Deepwater Horizon rig exploded in the Gulf of Mexico", day, document="a"),
              event("The Deepwater Horizon rig exploded, the coast guard said", day, document="b"),
              event("Eleven workers are missing after the blast", day, document="c"),
              event("Shares in Transocean fell on Wall Street", day, document="d")]
    groups, _ = cluster_events(events, threshold=MERGE_THRESHOLD)
    assert sorted(sorted(g) for g in groups) == [[0, 1], [2], [3]]


def test_two_sentences_of_one_document_count_as_one_independent_source() -> None:
    day = date(2010, 4, 20)
    events = [event("The Deepwater Horizon rig exploded", day, document="a"),
              event("The Deepwater Horizon rig exploded in flames", day, document="a")]
    (merged,), _ = merge_events(events)
    assert merged.source_count == 1 and len(merged.sources) == 2


def test_importance_grows_with_independent_sources_and_closeness_to_the_query(built: timeline.Timeline) -> None:
    fire = next(e for e in built.events if "barn fire" in e.text)
    assert landslide(built.events).importance > fire.importance
    merged, _ = merge_events([event("A barn fire at the farm", date(2024, 3, 3), document="a"),
                              event("The council met", date(2024, 3, 3), document="b")], keywords=["fire"])
    by_text = {e.text: e.importance for e in merged}
    assert by_text["A barn fire at the farm"] > by_text["The council met"]


def test_keywords_match_whole_words_and_their_inflections() -> None:
    assert mentions_keyword("Oil spills reached the coast", ["spill"])
    assert mentions_keyword("BP's well", ["bp"])
    assert not mentions_keyword("The soil was wet", ["oil"])
    assert mentions_keyword("The board voted 6-3", ["vote"]) and mentions_keyword("Voting starts", ["vote"])
    assert not mentions_keyword("She is devoted to it", ["vote"]) and not mentions_keyword("Flue gas", ["flu"])


def test_a_document_listing_many_dates_lends_each_less_weight() -> None:
    events = [event("x", date(2024, 3, 1), document="focused"), event("y", date(2024, 3, 2), document="list"),
              event("z", date(2024, 3, 3), document="list"), event("w", date(2024, 3, 4), document="list")]
    scores = date_scores(events)
    assert scores[(date(2024, 3, 1), date(2024, 3, 1))] > scores[(date(2024, 3, 2), date(2024, 3, 2))]


def test_max_dates_keeps_the_most_important_dates(built: timeline.Timeline) -> None:
    merged = timeline.build([COLLECTION], write=False).timeline.events
    chosen = select(merged, timeline.Settings(max_dates=1))
    assert {e.start for e in chosen} == {SUNDAY}


def test_per_date_keeps_the_most_important_events_of_each_date() -> None:
    result = timeline.build([COLLECTION], timeline.Settings(per_date=1), write=False).timeline
    sunday = [e for e in result.events if e.start == SUNDAY]
    assert len(sunday) == 1 and "landslide" in sunday[0].text


def test_keywords_keep_only_events_about_them() -> None:
    result = timeline.build([COLLECTION], timeline.Settings(keywords=("fire",)), write=False).timeline
    assert [e.text for e in result.events] == [
        "Separately, firefighters put out a barn fire at Hayburn Wyke farm on Sunday, and no animals were hurt."]


def test_since_and_until_keep_articles_published_in_the_range() -> None:
    settings = timeline.Settings(since=date(2024, 3, 5), until=date(2024, 3, 31))
    result = timeline.build([COLLECTION], settings, write=False).timeline
    assert {Path(d).name for d in result.documents} == {"02-yorkshire-gazette.txt", "03-northern-wire.txt"}
    assert {e.start for e in result.events} == {date(2024, 3, 7), date(2024, 3, 11)}


@pytest.mark.parametrize(("since", "until", "kept"), [
    ("2024", "2024", 4),  # a year is all of it
    ("March 2024", "2024-03", 4),  # a month too, first day to last
    ("2024-03-05", "2024-03-31", 2),
])
def test_since_and_until_take_a_day_a_month_or_a_year(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      since: str, until: str, kept: int) -> None:
    assert main(["build", str(COLLECTION), "--out", str(tmp_path), "--since", since, "--until", until]) == 0
    data = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    assert len(data["documents"]) == kept
    out = capsys.readouterr().out
    assert ("outside --since/--until" in out) == (kept < 4)


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "yesterday"], "--since: not a date: 'yesterday'"),
    (["--since", "3 days ago"], "--since: not a date: '3 days ago'"),
    (["--until", "03/2024"], "--until: not a date: '03/2024'"),
    (["--until", "2024-13"], "--until: not a date: '2024-13' (no month 13)"),
    (["--since", "2024-04-01", "--until", "2024-03-01"], "--since 2024-04-01 is after --until 2024-03-01"),
])
def test_a_relative_or_reversed_range_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 args: list[str], message: str) -> None:
    assert main(["build", str(COLLECTION), "--out", str(tmp_path), *args]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "timeline.json").exists()


def test_a_range_that_keeps_no_document_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "timeline.json").write_text("{}", encoding="utf-8")
    assert main(["build", str(COLLECTION), "--out", str(tmp_path), "--since", "2030"]) == 1
    assert "no document in the --since/--until range, nothing written" in capsys.readouterr().out
    assert (tmp_path / "timeline.json").read_text(encoding="utf-8") == "{}"


def test_a_thread_saved_in_the_range_is_kept_by_its_retrieval_time(tmp_path: Path) -> None:
    thread = tmp_path / "thread.txt"
    thread.write_text("alice 2 hours ago | parent\nThe ferry sank on Monday, the coastguard said.\n", encoding="utf-8")
    thread.with_name("thread.txt.meta.json").write_text('{"retrieved": "2024-04-03T12:00"}', encoding="utf-8")
    settings = timeline.Settings(since=date(2024, 4, 1), until=date(2024, 4, 30))
    result = timeline.build([thread], settings, write=False).timeline
    assert result.documents == [str(thread)] and [e.start for e in result.events] == [date(2024, 4, 1)]


def test_an_article_known_only_by_when_it_was_saved_is_not_taken_as_published_then(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The ferry sank on Monday, the coastguard said.\n", encoding="utf-8")
    article.with_name("article.txt.meta.json").write_text('{"retrieved": "2024-04-03T12:00"}', encoding="utf-8")
    settings = timeline.Settings(since=date(2024, 4, 1), until=date(2024, 4, 30))
    assert timeline.build([article], settings, write=False).timeline.documents == []


def test_cli_summary_flags_keep_the_json_fields(tmp_path: Path) -> None:
    code = main(["build", str(COLLECTION), "--out", str(tmp_path), "--max-dates", "1", "--per-date", "1",
                 "--keywords", "landslide,road", "--since", "2024-03-01", "--until", "2024-03-31"])
    assert code == 0
    data = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    assert [(e["start"], e["source_count"]) for e in data["events"]] == [("2024-03-03", 4)]
    for item in data["events"]:
        assert {"start", "end", "text", "sources", "source_count", "importance"} <= set(item)
        assert item["sources"] and {"document", "expression"} <= set(item["sources"][0])
    assert data["conflicts"] and {"values", "sources", "summary"} <= set(data["conflicts"][0])


def test_cli_rejects_a_count_that_is_not_positive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(COLLECTION), "--max-dates", "0"]) == 2
    assert capsys.readouterr().err.strip() == "timeline: error: --max-dates: must be a positive number, not 0"


def test_a_coarser_mention_merged_into_a_day_does_not_name_that_day() -> None:
    day = date(2024, 3, 3)
    events = [event("A landslide closed the Ravenscar coast road", day, document="a"),
              event("In March a landslide closed the Ravenscar coast road", date(2024, 3, 1), document="b",
                    end=date(2024, 3, 31), granularity=timeline.Granularity.MONTH, value="2024-03"),
              event("The council met about the road", date(2024, 3, 4), document="c")]
    merged, _ = merge_events(events)
    scores = date_scores(merged)
    assert scores[(day, day)] == scores[(date(2024, 3, 4), date(2024, 3, 4))]


def test_a_date_still_ahead_of_its_article_counts_half() -> None:
    def dated(text: str, day: date, *, document: str, published: date) -> timeline.Event:
        item = event(text, day, document=document)
        return item.model_copy(update={"sources": [item.sources[0].model_copy(update={"published": published})]})
    planned = dated("The council will vote on the road", date(2024, 3, 8), document="a", published=date(2024, 3, 5))
    told = dated("The council voted on the road", date(2024, 3, 4), document="b", published=date(2024, 3, 5))
    scores = date_scores([planned, told])
    assert scores[(date(2024, 3, 8), date(2024, 3, 8))] == pytest.approx(scores[(date(2024, 3, 4),) * 2] / 2)


def test_a_merged_event_is_told_by_a_report_that_gives_its_date() -> None:
    events = [event("A landslide closed the Ravenscar coast road on Sunday", date(2024, 3, 3), document="a"),
              event("In March a landslide closed the Ravenscar coast road, a landslide", date(2024, 3, 1),
                    document="b", end=date(2024, 3, 31), granularity=timeline.Granularity.MONTH, value="2024-03"),
              event("In March a landslide closed the coast road, the Ravenscar landslide", date(2024, 3, 1),
                    document="c", end=date(2024, 3, 31), granularity=timeline.Granularity.MONTH, value="2024-03")]
    (merged,), _ = merge_events(events)
    assert merged.value == "2024-03-03" and merged.text == "A landslide closed the Ravenscar coast road on Sunday"


def test_an_article_names_its_own_publication_day() -> None:
    def dated(text: str, day: date, *, document: str, published: date) -> timeline.Event:
        item = event(text, day, document=document)
        return item.model_copy(update={"sources": [item.sources[0].model_copy(update={"published": published})]})
    published = date(2024, 3, 5)
    scores = date_scores([dated("The council voted today", published, document="a", published=published),
                          dated("The road closed yesterday", date(2024, 3, 4), document="b", published=published)])
    assert scores[(published, published)] > scores[(date(2024, 3, 4), date(2024, 3, 4))]


def test_attributed_reports_of_one_happening_on_two_days_are_a_conflict() -> None:
    # The dates belong to the sinking, not to the saying, so two attributed reports still disagree.
    published = datetime(2024, 3, 13)
    documents = [
        timeline.Document(id="a", text="The Halden ferry sank off Skarvik Island on Sunday with 300 passengers "
                          "aboard, the coast guard said.", published=published,
                          published_from=timeline.AnchorSource.SIDECAR),
        timeline.Document(id="b", text="Officials said the Halden ferry sank off Skarvik Island on Monday with 300 "
                          "passengers aboard.", published=published, published_from=timeline.AnchorSource.SIDECAR),
    ]
    (conflict,) = timeline.build_timeline(documents, timeline.Settings()).conflicts
    assert sorted(conflict.values) == ["2024-03-10", "2024-03-11"]
