"""The shared vocabulary every stage takes and returns (pydantic v2 models)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class TimexType(StrEnum):
    """TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Granularity(StrEnum):
    """How finely a value is known; the interval spans exactly this unit."""

    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    REFERENCE = "reference"
    DURATION = "duration"
    SET = "set"


class AnchorSource(StrEnum):
    """Where a reference time came from, most trusted first."""

    SIDECAR = "sidecar"
    RECORD = "record"
    FRONT_MATTER = "front_matter"
    HTML_META = "html_meta"
    DATELINE = "dateline"
    BYLINE = "byline"
    FILE_PATH = "file_path"
    COMMAND_LINE = "command_line"
    POST_TIME = "post_time"
    SNIPPET_DATE = "snippet_date"
    FILE_TIME = "file_time"


class SegmentKind(StrEnum):
    ARTICLE = "article"
    POST_HEADER = "post_header"
    POST = "post"
    SNIPPET = "snippet"


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Anchor(Model):
    """The reference time a piece of text is read against, and how it was obtained."""

    time: datetime
    source: AnchorSource
    field: str = "published"
    description: str = Field(description="human-readable provenance chain")

    @property
    def day(self) -> date:
        return self.time.date()


class DateRange(Model):
    """An inclusive span of calendar days."""

    start: date
    end: date


class TimeExpression(Model):
    """One temporal expression found in a text, resolved when it can be."""

    text: str
    start: int = Field(description="character offset of the first character")
    end: int = Field(description="character offset just past the last character")
    type: TimexType
    value: str | None = Field(None, description="TIMEX3 value, None when it could not be resolved")
    granularity: Granularity | None = None
    interval: DateRange | None = None
    modifier: str | None = None
    basis: str = Field("absolute", description="absolute, anchor, narrative or unanchored")
    anchor: Anchor | None = None
    chain: str = ""
    rule: str = ""


class Document(Model):
    """One input document as read, with its metadata and where each field came from."""

    id: str
    path: str | None = None
    text: str
    body_start: int = Field(0, description="offset where the text proper starts (after front matter)")
    kind: str = "text"
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    published: datetime | None = None
    published_from: AnchorSource | None = None
    retrieved: datetime | None = None
    retrieved_from: AnchorSource | None = None
    modified: datetime | None = Field(None, description="the file's modification time; used only when asked")


class Segment(Model):
    """A span of a document that shares one reference time (an article body, a comment, a snippet)."""

    document: str
    index: int
    start: int
    end: int
    kind: SegmentKind
    label: str | None = None
    anchor: Anchor | None = None
    title: str | None = Field(None, description="a search result's own title, where its block gives one")
    url: str | None = Field(None, description="a search result's own URL, from its address line")
    outlet: str | None = Field(None, description="a search result's own outlet (the line above its address)")


class Source(Model):
    """Where an event was read: document, segment, sentence, expression and anchor."""

    document: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    segment: int = 0
    segment_kind: SegmentKind = SegmentKind.ARTICLE
    sentence: str
    expression: str
    expression_start: int
    expression_end: int
    value: str
    chain: str = ""
    outlet: str | None = Field(None, description="who published the document (metadata `source`), when known")
    position: float = Field(0.0, description="where the sentence sits in its document: 0 at the start, 1 at the end")
    reported_speech: bool = Field(False, description="the date is when something was said, not when it happened")


class Event(Model):
    """A dated happening with every source that reported it."""

    id: str
    start: date
    end: date
    value: str
    granularity: Granularity
    type: TimexType = TimexType.DATE
    modifier: str | None = None
    title: str
    text: str
    reported_speech: bool = False
    sources: list[Source]
    source_count: int = Field(1, description="independent sources: distinct documents (and distinct results "
                                             "of a search page) that report it")
    importance: float = 0.0
    conflicts: list[str] = Field([], description="values other sources give the same happening")


class Conflict(Model):
    """Sources that give the same happening different dates."""

    title: str
    values: list[str]
    events: list[str]
    sources: list[Source]
    summary: str = Field("", description='who says what, e.g. "2 sources say 2024-03-03; 1 says 2024-03-02"')
    source_values: list[str] = Field([], description="the date each of `sources` gives the happening, in order")


class Unanchored(Model):
    """A relative expression that no reference time could resolve."""

    document: str
    segment: int
    expression: str
    start: int
    end: int
    sentence: str
    reason: str = "no reference time"


class Skipped(Model):
    """A document that could not be read, and why."""

    path: str
    reason: str


class DocumentAnchors(Model):
    """How one document was anchored: its own reference time, its retrieval time, and each segment's."""

    document: str
    kind: str = "text"
    title: str | None = None
    url: str | None = None
    anchor: Anchor | None = None
    retrieved: Anchor | None = None
    segments: list[Segment] = []


class Timeline(Model):
    """The product: events, conflicts, and the run's accounting."""

    events: list[Event]
    conflicts: list[Conflict] = []
    unanchored: list[Unanchored] = []
    documents: list[str] = []
    skipped: list[Skipped] = []
    anchoring: list[DocumentAnchors] = []
