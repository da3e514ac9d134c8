"""The page, the JSON and the Markdown show conflicting dates and how many independent sources back an event."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import timeline
from timeline.render import build_spec, render_html, to_csv, to_json, to_markdown

COLLECTION = Path(__file__).parent / "data" / "merge"


@pytest.fixture(scope="module")
def built() -> timeline.Timeline:
    return timeline.build([COLLECTION], write=False).timeline


def test_spec_marks_both_sides_of_a_conflict(built: timeline.Timeline) -> None:
    rows = build_spec(built)
    flagged = {(row.start.isoformat(), row.label) for row in rows if row.conflict}
    assert {day for day, _ in flagged} == {"2024-03-02", "2024-03-03"}
    assert all("landslide" in label.lower() for _, label in flagged)
    (saturday,) = [row for row in rows if row.conflict and row.start.isoformat() == "2024-03-02"]
    assert "sources disagree on this date</b>: others say 2024-03-03" in saturday.hover


def test_hover_tells_independent_sources_and_mentions(built: timeline.Timeline) -> None:
    row = next(r for r in build_spec(built) if r.source_count == 4)
    assert "4 independent sources, 4 mentions:" in row.hover


def test_page_lists_the_conflict_with_who_says_which_date(built: timeline.Timeline) -> None:
    page = render_html(built, title="Ravenscar")
    assert "<h2>Conflicting dates</h2>" in page
    conflict = page.split("<h2>Conflicting dates</h2>")[1].split("</ul>")[0]
    assert "<code>2024-03-03</code> (Landslide cuts off Ravenscar" in conflict
    assert "vs <code>2024-03-02TEV</code> (Landslide shuts the A171 coast road at Ravenscar)" in conflict
    assert "4 sources say 2024-03-03; 1 source says 2024-03-02TEV" in conflict


def test_page_shows_each_events_independent_sources(built: timeline.Timeline) -> None:
    page = render_html(built)
    assert "(4 independent sources: Landslide cuts off Ravenscar" in page
    assert "(2 independent sources: Landslide cuts off Ravenscar, Council weighs" in page
    assert "⚠ other sources say 2024-03-02TEV" in page


def test_json_carries_conflicts_and_source_counts(built: timeline.Timeline) -> None:
    data = json.loads(to_json(built))
    (conflict,) = data["conflicts"]
    assert conflict["values"] == ["2024-03-03", "2024-03-02TEV"]
    assert len(conflict["sources"]) == len(conflict["source_values"]) == 5
    counts = sorted(e["source_count"] for e in data["events"])
    assert counts == [1, 1, 1, 2, 4]


def test_markdown_and_csv_show_counts_and_conflicts(built: timeline.Timeline) -> None:
    markdown = to_markdown(built)
    assert "## Conflicting dates" in markdown
    assert "2024-03-03 (Landslide cuts off Ravenscar" in markdown and "vs 2024-03-02TEV (" in markdown
    assert "*(4 independent sources:" in markdown
    csv_text = to_csv(built)
    assert "conflicts" in csv_text.splitlines()[0] and "2024-03-02TEV" in csv_text
