"""What a relative expression is counted from when the reference time is missing or coarse."""

from __future__ import annotations

from timeline import extract


def test_news_text_without_anchor_leaves_yesterday_unanchored_after_an_absolute_date() -> None:
    found = {e.text: e for e in extract("The plant opened on 12 March 2019. Yesterday it closed.")}
    assert found["12 March 2019"].value == "2019-03-12"
    assert (found["Yesterday"].value, found["Yesterday"].basis) == (None, "unanchored")


def test_narrative_shift_counts_from_the_date_last_mentioned_without_anchor() -> None:
    found = {e.text: e for e in extract("The plant opened on 12 March 2019. Three days later it closed.")}
    assert (found["Three days later"].value, found["Three days later"].basis) == ("2019-03-15", "narrative")


def test_narrative_mode_reads_yesterday_against_the_date_last_mentioned() -> None:
    found = {e.text: e for e in extract("The siege began on 12 March 1915. Yesterday's attack failed.", narrative=True)}
    assert found["Yesterday"].value == "1915-03-11"


def test_hours_ago_against_a_date_only_anchor_stay_on_that_day() -> None:
    assert [e.value for e in extract("posted 5 hours ago", published="2024-10-21")] == ["2024-10-21"]
    assert [e.value for e in extract("posted 30 hours ago", published="2024-10-21")] == ["2024-10-20"]


def test_hours_ago_against_a_timed_anchor_keep_the_clock() -> None:
    assert [e.value for e in extract("posted 5 hours ago", published="2024-10-21T09:30")] == ["2024-10-21T04:30"]


def test_an_expression_past_the_calendar_range_is_dropped_not_raised() -> None:
    assert [e.value for e in extract("the last century", published="0050-06-01")] == []


def test_talk_of_the_reported_quarter_keeps_it_in_view() -> None:
    filler = " The chain opened stores and hired staff across the region." * 20
    text = ("Third-quarter profit rose 8%." + filler + " Sales in the latest quarter climbed." + filler
            + " Margins widened from a year earlier.")
    found = {e.text: e.value for e in extract(text, published="1995-10-20")}
    assert (found["the latest quarter"], found["a year earlier"]) == ("1995-Q3", "1994-Q3")
