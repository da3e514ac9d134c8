"""Every example of the grammar corpus (timeline/temporal/corpus/*.yaml) is a test.

A corpus file holds a default `reference` (the publication time examples are read against) and lists:
- `examples`: `text` and its expected `value`; optionally `expression` (which expression of the text to
  check when it holds several; otherwise exactly one must be found), `type` (DATE by default),
  `reference` (this example's own; null for none), `narrative: true` (read as history, against the
  dates the text mentions), and the expected `interval` ([start, end]), `granularity` and `modifier`.
- `negatives`: texts in which nothing at all may be found.
"""

from __future__ import annotations

from datetime import date, datetime
from importlib import resources

import pytest
import yaml

from timeline.models import Anchor, AnchorSource, TimeExpression
from timeline.temporal import AnchoredSpan, finder, tag
from timeline.temporal.grammar import load_grammar

_NO_REFERENCE = object()


def _corpus_files() -> list[tuple[str, dict]]:
    folder = resources.files("timeline.temporal").joinpath("corpus")
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name)
    return [(entry.name, yaml.safe_load(entry.read_text(encoding="utf-8"))) for entry in entries]


def _load() -> tuple[list, list]:
    positives, negatives = [], []
    for name, data in _corpus_files():
        default = data.get("reference")
        for example in data.get("examples", []):
            reference = example["reference"] if "reference" in example else default
            positives.append(pytest.param(example, reference, id=f"{name}:{example['text'][:60]}"))
        for text in data.get("negatives", []):
            negatives.append(pytest.param(text, default, id=f"{name}:{text[:60]}"))
    return positives, negatives


POSITIVES, NEGATIVES = _load()


def _reference(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return datetime.fromisoformat(str(value))


def tag_text(text: str, reference, *, narrative: bool = False) -> list[TimeExpression]:
    """The tagger alone (no reader, no anchoring heuristics), the text anchored at ``reference``."""
    moment = _reference(reference)
    anchor = None if moment is None else Anchor(time=moment, source=AnchorSource.COMMAND_LINE,
                                                 description=f"the corpus reference {moment:%Y-%m-%d}")
    return tag(text, [AnchoredSpan(0, len(text), anchor)], narrative_mode=narrative)


def checked_expression(example: dict, reference) -> TimeExpression:
    """The one expression an example is about."""
    found = tag_text(example["text"], reference, narrative=bool(example.get("narrative")))
    if "expression" in example:
        found = [e for e in found if e.text == str(example["expression"])]
        assert found, f"no expression {example['expression']!r} found"
    assert len(found) == 1, f"expected one expression, found {[(e.text, e.value) for e in found]}"
    return found[0]


@pytest.mark.parametrize(("example", "reference"), POSITIVES)
def test_example_resolves_to_its_value(example: dict, reference) -> None:
    expression = checked_expression(example, reference)
    assert (expression.value, expression.type.value) == (str(example["value"]), example.get("type", "DATE"))
    if "interval" in example:
        start, end = (date.fromisoformat(str(day)) for day in example["interval"])
        assert expression.interval is not None and (expression.interval.start, expression.interval.end) == (start, end)
    if "granularity" in example:
        assert expression.granularity is not None and expression.granularity.value == example["granularity"]
    if "modifier" in example:
        assert expression.modifier == example["modifier"]


@pytest.mark.parametrize(("text", "reference"), NEGATIVES)
def test_negative_example_produces_nothing(text: str, reference) -> None:
    found = tag_text(text, reference)
    assert found == [], f"found {[(e.text, e.value, e.rule) for e in found]}"


def test_corpus_holds_at_least_400_examples_and_100_negatives() -> None:
    assert len(POSITIVES) >= 400 and len(NEGATIVES) >= 100


def test_every_rule_that_finds_something_has_an_example() -> None:
    covered = {checked_expression(p.values[0], p.values[1]).rule for p in POSITIVES}
    rules = {rule.name for rule in load_grammar().rules if rule.kind != "block"}
    assert rules - covered == set(), "rules without an example in the corpus"


def test_every_block_rule_silences_a_negative_example() -> None:
    """Each rule of the negative grammar wins over some candidate date in the negative corpus."""
    used = set()
    for p in NEGATIVES:
        text = p.values[0]
        used |= {rule.name for _, _, _, rule, match in finder().candidates(text)
                 if rule.kind == "block" and finder()._accepted(rule, match, text)[0]}
    blocks = {rule.name for rule in load_grammar().rules if rule.kind == "block"}
    assert blocks - used == set(), "block rules without a negative example"
