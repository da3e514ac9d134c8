"""Helpers for the real-world input tests: read a fixture, analyse it, find what covers a phrase."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from timeline import Document, Segment, Settings, TimeExpression
from timeline.pipeline import analyse
from timeline.readers import read_file

INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
MIXED = INPUTS / "mixed"


@dataclass
class Analysed:
    document: Document
    segments: list[Segment]
    expressions: list[TimeExpression]

    def at(self, phrase: str, occurrence: int = 0) -> TimeExpression:
        """The one expression overlapping the ``occurrence``-th appearance of ``phrase`` in the text."""
        position = self._position(phrase, occurrence)
        found = [e for e in self.expressions if e.start < position + len(phrase) and position < e.end]
        assert len(found) == 1, f"{phrase!r}: {[(e.text, e.value) for e in found]}"
        return found[0]

    def none_at(self, phrase: str) -> list[TimeExpression]:
        """Every expression overlapping any appearance of ``phrase``."""
        text = self.document.text
        found, position = [], text.find(phrase)
        while position != -1:
            found += [e for e in self.expressions if e.start < position + len(phrase) and position < e.end]
            position = text.find(phrase, position + 1)
        return found

    def segment_at(self, phrase: str, occurrence: int = 0) -> Segment | None:
        position = self._position(phrase, occurrence)
        return next((s for s in self.segments if s.start <= position < s.end), None)

    def _position(self, phrase: str, occurrence: int) -> int:
        position = -1
        for _ in range(occurrence + 1):
            position = self.document.text.index(phrase, position + 1)
        return position


def analysed(path: Path, settings: Settings | None = None) -> Analysed:
    """The single document in ``path``, with its segments and expressions."""
    settings = settings or Settings()
    documents = read_file(path, settings=settings).documents
    assert len(documents) == 1, [d.id for d in documents]
    segments, expressions = analyse(documents[0], settings)
    return Analysed(documents[0], segments, expressions)


def analysed_record(path: Path, record_id: str, settings: Settings | None = None) -> Analysed:
    """One record (by its id suffix, e.g. "#line-2") of a record file."""
    settings = settings or Settings()
    documents = {d.id: d for d in read_file(path, settings=settings).documents}
    document = documents[f"{path}{record_id}"]
    segments, expressions = analyse(document, settings)
    return Analysed(document, segments, expressions)
