"""The TimeML reader and TempEval-3 scorer used by benchmarks/tempeval.py, on tiny inline documents."""

from __future__ import annotations

import pytest

from benchmarks.timeml import (
    Counts,
    TimemlError,
    Timex,
    normalise_value,
    parse_timeml,
    score,
)

NEWS = """<?xml version="1.0" ?>
<TimeML>
<DOCID>NYT19980108</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Stocks <EVENT eid="e1">fell</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-01-08">Thursday</TIMEX3> &amp; \
for <TIMEX3 tid="t2" type="DURATION" value="P1W">a week</TIMEX3> before <TIMEX3 tid="t3" type="TIME" \
value="1998-01-08T17:00">5 p.m.</TIMEX3> in <TIMEX3 tid="t4" type="DATE" value="1997">last year</TIMEX3>.</TEXT>
</TimeML>
"""


def timex(document_text: str, surface: str, type_: str, value: str | None) -> Timex:
    """A system expression where `surface` first appears in the text."""
    start = document_text.index(surface)
    return Timex(start=start, end=start + len(surface), type=type_, value=value, text=surface)


def test_plain_text_has_every_tag_stripped_and_entities_decoded() -> None:
    document = parse_timeml(NEWS)
    assert document.text == "Stocks fell on Thursday & for a week before 5 p.m. in last year."


def test_gold_offsets_point_into_the_plain_text() -> None:
    document = parse_timeml(NEWS)
    assert [document.text[t.start : t.end] for t in document.timexes] == ["Thursday", "a week", "5 p.m.", "last year"]
    assert [(t.type, t.value) for t in document.timexes] == [
        ("DATE", "1998-01-08"),
        ("DURATION", "P1W"),
        ("TIME", "1998-01-08T17:00"),
        ("DATE", "1997"),
    ]


def test_creation_time_comes_from_the_dct_and_is_not_a_gold_expression() -> None:
    document = parse_timeml(NEWS)
    assert document.creation_time == "1998-01-08"
    assert len(document.timexes) == 4


def test_document_without_dct_has_no_creation_time() -> None:
    document = parse_timeml("<TimeML><TEXT>In <TIMEX3 type='DATE' value='1941'>1941</TIMEX3>.</TEXT></TimeML>")
    assert document.creation_time is None
    assert document.text == "In 1941."


def test_file_without_text_is_an_error() -> None:
    with pytest.raises(TimemlError, match="no <TEXT>"):
        parse_timeml("<TimeML><DOCID>x</DOCID></TimeML>", name="broken.tml")


def test_perfect_system_scores_one_everywhere() -> None:
    document = parse_timeml(NEWS)
    scores = score([document], [list(document.timexes)])
    assert (scores.strict.f1, scores.relaxed.f1, scores.value_f1, scores.type_f1) == (1.0, 1.0, 1.0, 1.0)


def test_overlapping_span_matches_relaxed_but_not_strict() -> None:
    document = parse_timeml(NEWS)
    predicted = [timex(document.text, "on Thursday", "DATE", "1998-01-08")]
    counts = score([document], [predicted]).counts
    assert (counts.strict, counts.relaxed) == (0, 1)


def test_each_gold_expression_matches_at_most_one_system_expression() -> None:
    document = parse_timeml(NEWS)
    predicted = [
        timex(document.text, "a w", "DURATION", "P1W"),
        timex(document.text, "week", "DURATION", "P1W"),
    ]
    scores = score([document], [predicted])
    assert scores.counts.relaxed == 1
    assert scores.relaxed.precision == pytest.approx(0.5)
    assert scores.relaxed.recall == pytest.approx(0.25)


def test_exact_span_wins_the_match_over_a_larger_overlap() -> None:
    document = parse_timeml(NEWS)
    predicted = [
        timex(document.text, "before 5 p.m. in", "TIME", "1998-01-08T17:00"),
        timex(document.text, "5 p.m.", "TIME", "1998-01-08T17:00"),
    ]
    counts = score([document], [predicted]).counts
    assert (counts.strict, counts.relaxed) == (1, 1)


def test_value_and_type_f1_are_accuracy_over_relaxed_matches_times_relaxed_f1() -> None:
    document = parse_timeml(NEWS)
    text = document.text
    predicted = [
        timex(text, "Thursday", "DATE", "1998-01-08"),  # strict; value and type right
        timex(text, "for a week", "DATE", "P2W"),  # relaxed only; value and type wrong
        timex(text, "5 p.m.", "DATE", "1998-01-08T17:00"),  # strict; value right, type wrong
        timex(text, "Stocks", "DATE", "1998"),  # spurious
    ]  # "last year" is missed
    scores = score([document], [predicted])
    assert scores.counts == Counts(gold=4, system=4, strict=2, relaxed=3, correct_value=2, correct_type=1)
    assert scores.strict.f1 == pytest.approx(0.5)
    assert scores.relaxed.f1 == pytest.approx(0.75)
    assert scores.value_f1 == pytest.approx(2 / 3 * 0.75)
    assert scores.type_f1 == pytest.approx(1 / 3 * 0.75)


def test_unresolved_system_value_counts_as_a_wrong_value() -> None:
    document = parse_timeml(NEWS)
    predicted = [timex(document.text, "Thursday", "DATE", None)]
    counts = score([document], [predicted]).counts
    assert (counts.relaxed, counts.correct_value, counts.correct_type) == (1, 0, 1)


def test_figures_are_micro_averaged_over_expressions() -> None:
    found = parse_timeml("<TimeML><TEXT><TIMEX3 type='DATE' value='1941'>1941</TIMEX3></TEXT></TimeML>")
    missed = parse_timeml(NEWS)
    scores = score([found, missed], [list(found.timexes), []])
    assert scores.relaxed.recall == pytest.approx(1 / 5)  # a macro average would say 1/2
    assert scores.relaxed.precision == pytest.approx(1.0)


def test_predictions_must_pair_with_documents() -> None:
    with pytest.raises(ValueError, match="1 gold documents but 0 predictions"):
        score([parse_timeml(NEWS)], [])


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("2015-01-W02", "2015-W02"),
        ("2011-11-26-WXX-6", "2011-11-26"),
        ("2014-04-26-WXX-6T16:30", "2014-04-26T16:30"),
        ("2015-W14-WE", "2015-W14-WE"),
        ("XXXX-WXX-4", "XXXX-WXX-4"),
        ("1998-01-08", "1998-01-08"),
        ("2014-XX-XX", "2014"),
        ("2014-03-XX", "2014-03"),
        ("XXXX-XX-XX", "XXXX-XX-XX"),
        ("198X", "198"),
        ("19XX", "19"),
        ("199X-XX-XX", "199"),
        (None, None),
    ],
)
def test_tweet_corpus_values_are_normalised(value: str | None, normalised: str | None) -> None:
    assert normalise_value(value) == normalised


def test_normalised_gold_value_matches_the_standard_system_value() -> None:
    document = parse_timeml(
        "<TimeML><TEXT>See you <TIMEX3 type='DATE' value='2015-01-W02'>next week</TIMEX3></TEXT></TimeML>"
    )
    predicted = [timex(document.text, "next week", "DATE", "2015-W02")]
    assert score([document], [predicted]).value_f1 == pytest.approx(1.0)
    assert score([document], [predicted], normalise=False).value_f1 == 0.0


def test_repeated_passes_give_a_steady_speed_and_must_tag_the_same() -> None:
    from benchmarks.tempeval import Corpus, benchmark_corpus

    document = parse_timeml(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">1998-01-08</TIMEX3></DCT>'
        '<TEXT>It fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT></TimeML>')
    corpus = Corpus(name="one", documents=(document,))
    steady = benchmark_corpus(corpus, {"timeline": lambda text, dct: []}, max_seconds=None, passes=3)
    figures = steady["systems"]["timeline"]
    assert figures["passes"] == 3 and figures["steady_characters_per_second"] > 0
    calls = iter(range(10))

    def unsteady(text: str, creation_time: str | None) -> list:
        return [Timex(8, 17, "DATE", "1998-01-07")] if next(calls) == 0 else []

    with pytest.raises(RuntimeError, match="differently on a second pass"):
        benchmark_corpus(corpus, {"timeline": unsteady}, max_seconds=None, passes=2)
