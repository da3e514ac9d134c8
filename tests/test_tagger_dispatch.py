"""The finder tries a rule only where the words at hand can begin one of its matches. These shortcuts
are derived from the patterns themselves and must never change what is found."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_corpus import NEGATIVES, POSITIVES

from timeline.temporal import find
from timeline.temporal.find import Finder
from timeline.temporal.grammar import first_tokens, may_meet_mark, tokens_after


def test_first_tokens_tell_whole_words_from_prefixes() -> None:
    assert first_tokens(re.compile(r"(?:the|last)\s+year", re.I)) == {"=the", "=last"}
    assert first_tokens(re.compile(r"sept?\.?\s+\d+", re.I)) == {"sep"}
    assert first_tokens(re.compile(r"\d+\s+days", re.I)) == {"#digit"}


def test_first_tokens_are_unbounded_for_a_pattern_that_may_start_anywhere() -> None:
    assert first_tokens(re.compile(r"\w+\s+ago", re.I)) is None


def test_tokens_after_a_word_name_the_words_that_may_follow_it() -> None:
    assert tokens_after(re.compile(r"the\s+(?:year|week)|last\s+night", re.I), "the") == {"=year", "=week"}
    assert tokens_after(re.compile(r"(?:the\s+)?(?P<n>\d+)(?:th)?\s+century", re.I), "the") == {"#digit"}


def test_tokens_after_a_word_follow_it_into_a_factored_alternative() -> None:
    # the regex parser spells "the|this" as "th" then "e|is": the word goes on into the branches
    assert tokens_after(re.compile(r"th(?:e|is)\s+year", re.I), "the") == {"=year"}
    assert tokens_after(re.compile(r"(?:a\s+couple|an|a)\s+days?", re.I), "an") == {"day"}
    assert tokens_after(re.compile(r"(?:a\s+quarter|ten)\s+past\s+\d", re.I), "at") == frozenset()


def test_tokens_after_a_word_take_a_mark_as_a_token_of_its_own() -> None:
    assert tokens_after(re.compile(r"a[\s-]+year", re.I), "a") == {"=year", "-"}
    assert tokens_after(re.compile(r"['’]\d\d", re.I), "'") == frozenset()  # "'90s" has no space after the mark


def test_tokens_after_a_number_are_read_by_its_shape() -> None:
    duration = re.compile(r"(?P<n>\d+(?:\.\d+)?)(?:\s+and\s+a\s+half)?[\s-]+(?:days?|weeks?)", re.I)
    assert tokens_after(duration, "00") == {"=and", "day", "week", "-"}
    assert tokens_after(re.compile(r"(?:19|20)\d\d\s+season", re.I), "0000") == {"=season"}
    assert tokens_after(re.compile(r"(?:19|20)\d\d\s+season", re.I), "00") == frozenset()  # too few digits
    assert tokens_after(re.compile(r"\d{1,2}(?:st|nd|rd|th)\s+century", re.I), "00th") == {"=century"}


def test_a_mark_right_after_a_token_lets_through_only_the_rules_that_may_meet_it() -> None:
    percent = re.compile(r"\d+(?:\.\d+)?\s*%", re.I)
    year = re.compile(r"(?:19|20)\d\d(?:\s+season)?", re.I)
    assert may_meet_mark(percent, "0", "%") and may_meet_mark(percent, "0", ".")  # "5%", "5.5%"
    assert not may_meet_mark(percent, "0", ",")
    assert may_meet_mark(year, "0000", ".")  # "in 1990.": the match ends before the mark
    assert not may_meet_mark(year, "00", "%")  # too few digits for a year
    assert may_meet_mark(re.compile(r"(?:summer|winter)(?:\s+of\s+\d{4})?", re.I), "summer", ",")


def test_spaces_that_may_be_missing_are_read_as_spaces_or_as_none() -> None:
    assert tokens_after(re.compile(r"mid[\s-]*june", re.I), "mid") == {"=june", "-"}
    assert tokens_after(re.compile(r"\d\d?\s*(?:am|pm)", re.I), "00") == {"=am", "=pm"}  # "10 am"
    assert tokens_after(re.compile(r"\d\d?\s?(?:am|pm)", re.I), "00") == {"=am", "=pm"}


def test_tokens_after_a_word_are_unknown_when_the_pattern_does_not_say() -> None:
    assert tokens_after(re.compile(r"mid(?:\s*[\w-]+)?\s*june", re.I), "mid") is None
    assert tokens_after(re.compile(r"\d+(?:\s+years)?", re.I), "0") is None  # the match may end after the number


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _all_texts() -> list[str]:
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return [p.values[0]["text"] for p in POSITIVES] + [p.values[0] for p in NEGATIVES] + seeds


def test_sorting_rules_by_the_next_word_finds_exactly_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    texts, finder = _all_texts(), Finder()
    up_front = set(finder._by_mark)
    monkeypatch.setattr(find, "INDEX_AFTER", 0)  # every token is indexed the first time it is met
    shortcut = [[(m.start, m.end, m.rule) for m in finder.find(text)] for text in texts]
    assert set(finder._by_mark) - up_front  # marks after other shapes ("00th.") were sorted as they came
    assert any(key[0][0].isdigit() for key in finder._by_pair)
    monkeypatch.setattr(find, "SORT_BY_NEXT_TOKEN", False)
    plain = [[(m.start, m.end, m.rule) for m in finder.find(text)] for text in texts]
    assert shortcut == plain


def test_the_words_and_number_shapes_indexed_up_front_find_exactly_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    texts, finder = _all_texts(), Finder()
    assert ("0000", ",") in finder._by_mark and "0000" in finder._seconds and "the" in finder._seconds
    indexed = [[(m.start, m.end, m.rule) for m in finder.find(text)] for text in texts]
    monkeypatch.setattr(find, "SORT_BY_NEXT_TOKEN", False)  # every rule the first token allows is tried
    plain = [[(m.start, m.end, m.rule) for m in finder.find(text)] for text in texts]
    assert indexed == plain
    assert any(any(text[start].isdigit() for start, _, _ in found) for text, found in zip(texts, indexed))
