"""Options for a run, travelling as one model instead of loose keyword arguments."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict


class Settings(BaseModel):
    """Everything a run can be told; every field has a sensible default."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    published: datetime | None = None
    """Default publication time for documents that carry none (command line)."""
    retrieved: datetime | None = None
    """Default retrieval time for documents that carry none (command line)."""
    out_dir: Path = Path("output")
    html_mode: str = "full"
    """``full``: a self-contained offline page; ``fragment``: a <div> to embed in a report."""
    formats: tuple[str, ...] = ("html", "json")
    max_dates: int | None = None
    per_date: int | None = None
    keywords: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    title: str = "Timeline"
    record_fields: dict[str, str] = {}
    """Record files: the field holding each role ("text", "published", "retrieved", "title", "url", "source",
    "language"), tried before the usual names; a dotted name reaches into nested JSON objects."""
    file_times: bool = False
    """Use a file's modification time as its retrieval time when nothing else is known (opt-in: a copied
    file's time says nothing about when its text was written)."""
