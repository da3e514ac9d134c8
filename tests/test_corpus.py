"""Every example of the grammar corpus (timeline/temporal/corpus/*.yaml) is a test."""

from __future__ import annotations

from datetime import date, datetime
from importlib import resources

import pytest
import yaml

from timeline import extract


def _load() -> tuple[list, list]:
    positives, negatives = [], []
    folder = resources.files("timeline.temporal").joinpath("corpus")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        data = yaml.safe_load(entry.read_text(encoding="utf-8"))
        reference = data.get("reference")
        for example in data.get("examples", []):
            ref = example.get("reference", reference)
            positives.append(pytest.param(example, ref, id=f"{entry.name}:{example['text'][:50]}"))
        for text in data.get("negatives", []):
            negatives.append(pytest.param(text, reference, id=f"{entry.name}:{text[:50]}"))
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


@pytest.mark.parametrize(("example", "reference"), POSITIVES)
def test_example_resolves_to_its_value(example: dict, reference) -> None:
    found = extract(example["text"], published=_reference(reference), narrative=bool(example.get("narrative")))
    if "expression" in example:
        found = [e for e in found if e.text == str(example["expression"])]
        assert found, f"no expression {example['expression']!r} found"
    assert len(found) == 1, f"expected one expression, found {[e.text for e in found]}"
    assert found[0].value == str(example["value"])
    assert found[0].type.value == example.get("type", "DATE")


@pytest.mark.parametrize(("text", "reference"), NEGATIVES)
def test_negative_example_produces_nothing(text: str, reference) -> None:
    found = extract(text, published=_reference(reference))
    assert found == [], f"found {[(e.text, e.value) for e in found]}"
