"""Read TimeML corpora and score TIMEX3 tagging the TempEval-3 Task A way.

Scoring follows TempEval-3 (UzZaman et al. 2013): strict span match (same offsets) and relaxed
span match (any overlap), each gold and system expression matched at most once; "value F1" and
"type F1" are the attribute accuracy over relaxed matches times relaxed F1. Every figure is
micro-averaged over expressions.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = [
    "DEFAULT_BENCH_DIR",
    "Counts",
    "PrecisionRecall",
    "Scores",
    "TimemlDocument",
    "TimemlError",
    "Timex",
    "count_document",
    "find_timeml_files",
    "normalise_value",
    "parse_timeml",
    "read_timeml",
    "score",
]

# The corpora live beside the project checkout, never inside it (see ../shared/bench/README.md).
DEFAULT_BENCH_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"


class TimemlError(ValueError):
    """A TimeML file that cannot be read: not XML, or without a <TEXT> element."""


@dataclass(frozen=True)
class Timex:
    """One TIMEX3: character offsets into the document's plain text, type and value."""

    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


@dataclass(frozen=True)
class TimemlDocument:
    """A TimeML document: the plain text of <TEXT>, its creation time and its gold TIMEX3s."""

    name: str
    text: str
    creation_time: str | None
    timexes: tuple[Timex, ...]


def parse_timeml(source: str | bytes, *, name: str = "") -> TimemlDocument:
    """Parse TimeML markup; offsets count characters of <TEXT> with every tag stripped."""
    try:
        root = ElementTree.fromstring(source)
    except ElementTree.ParseError as error:
        raise TimemlError(f"{name or 'TimeML'}: not well-formed XML: {error}") from error
    text_element = root.find("TEXT")
    if text_element is None:
        raise TimemlError(f"{name or 'TimeML'}: no <TEXT> element")
    pieces: list[str] = []
    spans: list[tuple[int, int, ElementTree.Element]] = []
    _collect_text(text_element, pieces, spans, 0)
    text = "".join(pieces)
    timexes = [
        Timex(
            start=start,
            end=end,
            type=(element.get("type") or "").upper(),
            value=element.get("value"),
            text=text[start:end],
        )
        for start, end, element in sorted(spans, key=lambda span: span[:2])
    ]
    return TimemlDocument(
        name=name or (root.findtext("DOCID") or "").strip(),
        text=text,
        creation_time=_creation_time(root),
        timexes=tuple(timexes),
    )


def read_timeml(path: Path | str) -> TimemlDocument:
    """Read one `.tml` file; the document is named after the file."""
    path = Path(path)
    return parse_timeml(path.read_bytes(), name=str(path))


def find_timeml_files(paths: Iterable[Path | str]) -> list[Path]:
    """The `.tml` files named, and those found recursively in the folders named, in sorted order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(path.rglob("*.tml")))
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return found


def _collect_text(
    element: ElementTree.Element,
    pieces: list[str],
    spans: list[tuple[int, int, ElementTree.Element]],
    position: int,
) -> int:
    """Append the element's text to `pieces` and its TIMEX3 descendants' offsets to `spans`; return the end."""
    start = position
    if element.text:
        pieces.append(element.text)
        position += len(element.text)
    for child in element:
        position = _collect_text(child, pieces, spans, position)
        if child.tail:
            pieces.append(child.tail)
            position += len(child.tail)
    if element.tag == "TIMEX3":
        spans.append((start, position, element))
    return position


def _creation_time(root: ElementTree.Element) -> str | None:
    timex = root.find("DCT/TIMEX3")
    if timex is None:
        # Some TimeML files mark the creation time only by its function, outside <DCT>.
        timex = next((t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
    return None if timex is None else timex.get("value")


# Non-standard values in the tweet corpus: "2015-01-W02" means ISO week "2015-W02", and
# "2011-11-26-WXX-6" means the day "2011-11-26" (the weekday is redundant).
_WEEK_WITH_MONTH = re.compile(r"^(?P<year>\d{4})-\d{2}-(?P<week>W\d{2})(?![\d])")
_DAY_WITH_WEEKDAY = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})-WXX-\d")
# Spellings of one value that annotators mix: an unpadded ISO week ("2000-W2" is "2000-W02"), a clock
# time by its hour alone ("T17" is "T17:00", "T24" is "T24:00"), and decades or centuries counted as
# duration units ("P1DE" is "P10Y", "P2CE" is "P200Y").
_UNPADDED_WEEK = re.compile(r"^(?P<year>\d{4})-W(?P<week>\d)(?!\d)")
_HOUR_ONLY = re.compile(r"T(?P<hour>\d{2})$")
_DECADES_OR_CENTURIES = re.compile(r"^P(?P<amount>\d+)(?P<unit>DE|CE)$")
# A year or month with its finer fields written as unknown: the tweet corpus (and a few TimeBank documents) give
# "2014" as "2014-XX-XX"; TIMEX3 spells a year "2014" and a month "2014-03". So with a decade or a century
# whose last figures are unknown: "198X" is the decade "198", "19XX" the century "19".
_UNKNOWN_FINER_FIELDS = re.compile(r"^(?P<known>\d{4}(?:-\d{2})?)(?:-XX)+$")
_UNKNOWN_LAST_FIGURES = re.compile(r"^(?P<known>\d{2,3})X+(?:-XX)*$")
_YEARS_PER_UNIT = {"DE": 10, "CE": 100}


def normalise_value(value: str | None) -> str | None:
    """A TIMEX3 value in its standard spelling, for comparing gold and system values."""
    if value is None:
        return None
    value = value.strip()
    value = _WEEK_WITH_MONTH.sub(r"\g<year>-\g<week>", value)
    value = _DAY_WITH_WEEKDAY.sub(r"\g<day>", value)
    value = _UNPADDED_WEEK.sub(r"\g<year>-W0\g<week>", value)
    value = _HOUR_ONLY.sub(r"T\g<hour>:00", value)
    value = _UNKNOWN_FINER_FIELDS.sub(r"\g<known>", value)
    value = _UNKNOWN_LAST_FIGURES.sub(r"\g<known>", value)
    duration = _DECADES_OR_CENTURIES.match(value)
    if duration:
        value = f"P{int(duration['amount']) * _YEARS_PER_UNIT[duration['unit']]}Y"
    return value


@dataclass(frozen=True)
class Counts:
    """Expression counts from which every TempEval-3 figure follows."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    correct_value: int = 0
    correct_type: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            gold=self.gold + other.gold,
            system=self.system + other.system,
            strict=self.strict + other.strict,
            relaxed=self.relaxed + other.relaxed,
            correct_value=self.correct_value + other.correct_value,
            correct_type=self.correct_type + other.correct_type,
        )


@dataclass(frozen=True)
class PrecisionRecall:
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, matched: int, system: int, gold: int) -> PrecisionRecall:
        precision = matched / system if system else 0.0
        recall = matched / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision=precision, recall=recall, f1=f1)


@dataclass(frozen=True)
class Scores:
    """TempEval-3 Task A figures over a set of documents."""

    documents: int
    counts: Counts

    @property
    def strict(self) -> PrecisionRecall:
        return PrecisionRecall.from_counts(self.counts.strict, self.counts.system, self.counts.gold)

    @property
    def relaxed(self) -> PrecisionRecall:
        return PrecisionRecall.from_counts(self.counts.relaxed, self.counts.system, self.counts.gold)

    @property
    def value_accuracy(self) -> float:
        return self.counts.correct_value / self.counts.relaxed if self.counts.relaxed else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.counts.correct_type / self.counts.relaxed if self.counts.relaxed else 0.0

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed.f1

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed.f1

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "counts": asdict(self.counts),
            "strict": asdict(self.strict),
            "relaxed": asdict(self.relaxed),
            "value_accuracy": self.value_accuracy,
            "value_f1": self.value_f1,
            "type_accuracy": self.type_accuracy,
            "type_f1": self.type_f1,
        }


def score(
    gold_documents: Sequence[TimemlDocument],
    predictions: Sequence[Sequence[Timex]],
    *,
    normalise: bool = True,
) -> Scores:
    """Score system TIMEX3s against gold; `predictions[i]` holds the system's tags for `gold_documents[i]`."""
    if len(gold_documents) != len(predictions):
        raise ValueError(f"{len(gold_documents)} gold documents but {len(predictions)} predictions")
    counts = Counts()
    for document, predicted in zip(gold_documents, predictions, strict=True):
        counts += count_document(document.timexes, predicted, normalise=normalise)
    return Scores(documents=len(gold_documents), counts=counts)


def count_document(gold: Sequence[Timex], predicted: Sequence[Timex], *, normalise: bool = True) -> Counts:
    """Match one document's expressions one-to-one and count the matches."""
    pairs = _match_one_to_one(gold, predicted)
    clean = normalise_value if normalise else _unchanged
    correct_value = sum(
        1 for g, s in pairs if g.value is not None and clean(g.value) == clean(s.value)
    )
    correct_type = sum(1 for g, s in pairs if g.type.upper() == s.type.upper())
    return Counts(
        gold=len(gold),
        system=len(predicted),
        strict=sum(1 for g, s in pairs if (g.start, g.end) == (s.start, s.end)),
        relaxed=len(pairs),
        correct_value=correct_value,
        correct_type=correct_type,
    )


def _unchanged(value: str | None) -> str | None:
    return value


def _match_one_to_one(gold: Sequence[Timex], predicted: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """Overlapping (gold, system) pairs, each side used once: exact spans first, then the largest overlaps."""
    candidates: list[tuple[bool, int, int, int]] = []
    for g_index, g in enumerate(gold):
        for s_index, s in enumerate(predicted):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = (g.start, g.end) == (s.start, s.end)
                candidates.append((not exact, -overlap, g_index, s_index))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[Timex, Timex]] = []
    for _, _, g_index, s_index in candidates:
        if g_index not in used_gold and s_index not in used_system:
            used_gold.add(g_index)
            used_system.add(s_index)
            pairs.append((gold[g_index], predicted[s_index]))
    return pairs
