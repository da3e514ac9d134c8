"""Spec rows → a plotly figure and its HTML (a self-contained page or an embeddable fragment)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime, timedelta

import plotly.graph_objects as go

from ..models import Timeline
from .spec import Row, build_spec, contents_line

_MS_PER_DAY = 86_400_000


def build_figure(rows: Sequence[Row], *, title: str) -> go.Figure:
    """Bars across the days of each coarse value, markers for single days, in the lanes the spec chose."""
    lanes = list(dict.fromkeys(row.lane for row in rows))
    figure = go.Figure()
    spans = [row for row in rows if row.is_span]
    points = [row for row in rows if not row.is_span]
    if spans:
        figure.add_trace(go.Bar(
            name="spans (month, week, year…)",
            orientation="h",
            base=[datetime.combine(row.start, datetime.min.time()) for row in spans],
            x=[(row.end_exclusive - row.start).days * _MS_PER_DAY for row in spans],
            y=[row.lane for row in spans],
            hovertext=[row.hover for row in spans],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"color": ["#d62728" if row.conflict else "rgba(31,119,180,0.35)" for row in spans],
                    "line": {"color": "#1f77b4", "width": 1}},
        ))
    if points:
        figure.add_trace(go.Scatter(
            name="days",
            mode="markers",
            x=[datetime.combine(row.start, datetime.min.time()) + timedelta(hours=12) for row in points],
            y=[row.lane for row in points],
            hovertext=[row.hover for row in points],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"size": [9 + 3 * min(row.source_count - 1, 5) for row in points],
                    "color": ["#d62728" if row.conflict else "#ff7f0e" for row in points],
                    "line": {"color": "#333", "width": 1}, "symbol": "diamond"},
        ))
    figure.update_layout(
        title=title,
        barmode="overlay",
        xaxis={"type": "date", "title": "date", "rangeslider": {"visible": True}},
        yaxis={"categoryorder": "array", "categoryarray": lanes[::-1], "automargin": True},
        height=max(360, 140 + 34 * len(lanes)),
        hoverlabel={"align": "left"},
        margin={"l": 10, "r": 10, "t": 80, "b": 40},
        # the legend sits at the right above the chart, clear of the title at the left
        legend={"orientation": "h", "xanchor": "right", "x": 1.0, "yanchor": "bottom", "y": 1.0},
    )
    return figure


def _conflict_list(timeline: Timeline) -> str:
    """Each disagreement: the dates, and who says which."""
    items = []
    for conflict in timeline.conflicts:
        sides = []
        for value in conflict.values:
            names = ", ".join(dict.fromkeys(html.escape(source.title or source.document)
                                            for source, given in zip(conflict.sources, conflict.source_values)
                                            if given == value))
            sides.append(f"<code>{html.escape(value)}</code>" + (f" ({names})" if names else ""))
        detail = f" <small>{html.escape(conflict.summary)}</small>" if conflict.summary else ""
        items.append(f'<li class="conflict">⚠ {html.escape(conflict.title)}: {" vs ".join(sides)}{detail}</li>')
    return "<h2>Conflicting dates</h2><ul>" + "".join(items) + "</ul>" if items else ""


def _event_list(timeline: Timeline) -> str:
    items = []
    for event in timeline.events:
        when = event.start.isoformat() if event.start == event.end else f"{event.start} – {event.end}"
        sources = ", ".join(dict.fromkeys(html.escape(s.title or s.document) for s in event.sources[:8]))
        count = (f"{event.source_count} independent source{'' if event.source_count == 1 else 's'}"
                 + (f", {len(event.sources)} mentions" if len(event.sources) != event.source_count else ""))
        warning = (f' <b class="conflict">⚠ other sources say {", ".join(map(html.escape, event.conflicts))}</b>'
                   if event.conflicts else "")
        speech = " <i>(reported speech: dated when it was said)</i>" if event.reported_speech else ""
        items.append(f"<li><b>{when}</b> <code>{html.escape(event.value)}</code> <b>{html.escape(event.title)}</b> — "
                     f"{html.escape(event.text)}{speech}{warning} <small>({count}: {sources})</small></li>")
    return _conflict_list(timeline) + "<h2>Events</h2><ol>" + "".join(items) + "</ol>"


def render_html(timeline: Timeline, *, title: str = "Timeline", mode: str = "full") -> str:
    """The page: ``full`` is a self-contained offline HTML file; ``fragment`` a <div> to embed."""
    # The full page names the timeline in its heading; the chart then says what it holds.
    figure = build_figure(build_spec(timeline), title=title if mode == "fragment" else contents_line(timeline))
    chart = figure.to_html(full_html=False, include_plotlyjs=True, config={"displaylogo": False, "responsive": True})
    body = f'<div class="timeline">{chart}{_event_list(timeline)}</div>'
    if mode == "fragment":
        return body
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:1400px}"
        "li{margin:.3rem 0}code{background:#f3f3f3;padding:0 .2rem}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>\n"
    )
