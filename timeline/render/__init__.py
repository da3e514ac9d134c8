"""Renderers: Timeline → HTML page or fragment (plotly), JSON, CSV, Markdown. They never see a Document."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import RenderError
from ..models import Timeline
from .exports import to_csv, to_json, to_markdown, to_timelinejs
from .plot import build_figure, render_html
from .spec import Row, build_spec

__all__ = ["OUTPUT_NAMES", "Row", "build_spec", "build_figure", "render_html", "to_json", "to_csv", "to_markdown",
           "to_timelinejs", "write_outputs", "FORMATS"]

FORMATS = ("html", "json", "csv", "md", "timelinejs")
"""Output formats; each is written as timeline.<format>, TimelineJS as timeline.timelinejs.json."""


def output_name(format_name: str) -> str:
    """The file a format is written to: timeline.<format>, TimelineJS as timeline.timelinejs.json."""
    return "timeline.timelinejs.json" if format_name == "timelinejs" else f"timeline.{format_name}"


OUTPUT_NAMES = frozenset(output_name(name) for name in FORMATS)
"""Every file name the renderer writes."""


def write_outputs(timeline: Timeline, out_dir: Path, *, formats: tuple[str, ...], title: str,
                  html_mode: str = "full") -> list[Path]:
    """Write timeline.<format> for each format into ``out_dir``; returns the paths written."""
    renderers = {
        "html": lambda: render_html(timeline, title=title, mode=html_mode),
        "json": lambda: to_json(timeline),
        "csv": lambda: to_csv(timeline),
        "md": lambda: to_markdown(timeline, title=title),
        "timelinejs": lambda: to_timelinejs(timeline, title=title),
    }
    # Every format is rendered before any file is touched, and each file is replaced whole: a failure leaves
    # the timeline of the last good run as it was, never a file cut short.
    rendered = [(out_dir / output_name(name), renderers[name]()) for name in formats]
    written = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for path, content in rendered:
            partial = path.with_name(f".{path.name}.partial")
            try:
                partial.write_text(content, encoding="utf-8")
                os.replace(partial, path)
            finally:
                partial.unlink(missing_ok=True)
            written.append(path)
    except OSError as error:
        raise RenderError(f"cannot write output: {error.strerror or error}", path=getattr(error, "filename", out_dir)) from error
    return written
