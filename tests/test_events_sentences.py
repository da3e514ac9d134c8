"""Sentence bounds for events: one sentence per line in tokenized corpora, stops inside a line, abbreviations."""

from __future__ import annotations

from pathlib import Path

from timeline.text import sentence_bounds

TOKENIZED = (Path(__file__).parent / "data" / "events" / "tokenized-line-per-sentence.txt").read_text(encoding="utf-8")


def sentence_of(text: str, word: str) -> str:
    start = text.index(word)
    left, right = sentence_bounds(text, start, start + len(word))
    return text[left:right]


def test_a_line_opening_with_a_backtick_quote_is_its_own_sentence() -> None:
    assert sentence_of(TOKENIZED, "Tuesday") == "`` We are ready for this , '' the minister said on Tuesday ."


def test_a_line_opening_with_a_lowercase_word_is_its_own_sentence() -> None:
    assert sentence_of(TOKENIZED, "Wednesday") == "schools in the region closed on Wednesday after two pupils fell ill ."


def test_the_line_before_a_new_sentence_line_keeps_only_its_own_text() -> None:
    assert sentence_of(TOKENIZED, "Monday") == "Health officials confirmed the first case on Monday , April 27 , 2009 ."


def test_abbreviations_inside_a_line_do_not_end_the_sentence() -> None:
    assert sentence_of(TOKENIZED, "Thursday") == "U.S. officials met Mr. Smith on Thursday in Washington ."


def test_a_stop_followed_by_a_capital_ends_a_sentence_inside_a_line() -> None:
    text = "The bridge closed on Monday. Crews reopened it on Friday after repairs."
    assert sentence_of(text, "Friday") == "Crews reopened it on Friday after repairs."
    assert sentence_of(text, "Monday") == "The bridge closed on Monday."


def test_a_line_that_continues_a_sentence_stays_with_it() -> None:
    text = ("The council said the long-awaited repairs to the harbour wall would begin on\n"
            "Monday, weeks after storms damaged the old stones and flooded the quay road again.\n")
    assert sentence_of(text, "Monday").startswith("The council said")
