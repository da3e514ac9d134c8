"""The behaviours the seed documents must show (issue: end to end on the seed documents)."""

from __future__ import annotations

import pytest

from timeline import Settings, TimeExpression
from timeline.pipeline import extract_document

SEED_000 = "seeds/000_460ae201bb5f04db.txt"
SEED_003 = "seeds/003_dd536d12c7460a9a.txt"


@pytest.fixture(scope="module")
def seed_000(request) -> tuple[str, list[TimeExpression]]:
    path = request.config.rootpath / SEED_000
    return path.read_text(encoding="utf-8"), extract_document(path, settings=Settings())


@pytest.fixture(scope="module")
def seed_003(request) -> tuple[str, list[TimeExpression]]:
    path = request.config.rootpath / SEED_003
    return path.read_text(encoding="utf-8"), extract_document(path, settings=Settings())


def _covering(expressions: list[TimeExpression], text: str, phrase: str, occurrence: int = 0) -> TimeExpression:
    position = -1
    for _ in range(occurrence + 1):
        position = text.index(phrase, position + 1)
    matches = [e for e in expressions if e.start < position + len(phrase) and position < e.end]
    assert len(matches) == 1, f"{phrase!r} #{occurrence}: {[(e.text, e.value) for e in matches]}"
    return matches[0]


def test_offsets_index_the_document_text(seed_003) -> None:
    text, expressions = seed_003
    assert all(text[e.start : e.end] == e.text for e in expressions)


def test_seed_003_article_wednesday_is_the_publication_day(seed_003) -> None:
    text, expressions = seed_003
    assert _covering(expressions, text, "Wednesday").value == "2024-10-23"


def test_seed_003_every_29_days_ago_counts_back_from_retrieval(seed_003) -> None:
    text, expressions = seed_003
    stamps = [e for e in expressions if e.text == "29 days ago"]
    assert len(stamps) == text.count("29 days ago") == 4
    assert {e.value for e in stamps} == {"2024-10-23"}


def test_seed_003_27_days_ago(seed_003) -> None:
    text, expressions = seed_003
    assert _covering(expressions, text, "27 days ago").value == "2024-10-25"


def test_seed_003_dated_23_march_resolves_in_the_comments_year(seed_003) -> None:
    text, expressions = seed_003
    found = _covering(expressions, text, "23 March")
    assert found.value == "2024-03-23"
    assert "post's time 2024-10-25" in found.chain


def test_seed_003_in_recent_days_is_past_reference(seed_003) -> None:
    text, expressions = seed_003
    assert _covering(expressions, text, "in recent days").value == "PAST_REF"


def test_seed_000_earlier_this_month_is_october_start(seed_000) -> None:
    text, expressions = seed_000
    found = _covering(expressions, text, "earlier this month")
    assert (found.value, found.modifier) == ("2024-10", "START")
    assert (found.interval.start.isoformat(), found.interval.end.isoformat()) == ("2024-10-01", "2024-10-31")


@pytest.mark.parametrize(("phrase", "value"), [("on Wednesday", "2024-10-16"), ("on Friday", "2024-10-18"),
                                               ("on Saturday", "2024-10-19"), ("this month", "2024-10")])
def test_seed_000_relative_dates(seed_000, phrase: str, value: str) -> None:
    text, expressions = seed_000
    position = text.index(phrase)
    occurrence = 1 if phrase == "this month" else 0  # the first "this month" is inside "earlier this month"
    found = _covering(expressions, text, phrase, occurrence)
    assert found.value == value, (position, found)


@pytest.mark.parametrize("phrase", ["1500 North Korean", "Jean-Noel Barrot", "10,000 North Korean", "1,500 troops"])
def test_seed_000_counts_and_names_are_not_dates(seed_000, phrase: str) -> None:
    text, expressions = seed_000
    position = text.index(phrase)
    assert not [e for e in expressions if e.start < position + len(phrase) and position < e.end]
