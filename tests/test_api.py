"""The public surface is exactly what __all__ names."""

from __future__ import annotations

import timeline

EXPECTED = {
    "Anchor", "AnchorSource", "BuildResult", "Conflict", "DateRange", "Document", "Event", "Granularity",
    "InputError", "MetadataError", "RenderError", "Segment", "SegmentKind", "Settings", "SettingsError", "Skipped",
    "Source", "TimeExpression", "Timeline", "TimelineError", "TimexType", "Unanchored",
    "build", "build_timeline", "extract", "extract_document",
}


def test_all_is_exactly_the_public_names() -> None:
    assert set(timeline.__all__) == EXPECTED
    public = {name for name in vars(timeline) if not name.startswith("_")}
    submodules = {"errors", "models", "pipeline", "settings", "anchoring", "events", "merge", "readers", "render",
                  "temporal", "text", "annotations", "cli"}
    assert public - submodules == EXPECTED


def test_errors_form_one_hierarchy() -> None:
    for error in (timeline.InputError, timeline.MetadataError, timeline.RenderError, timeline.SettingsError):
        assert issubclass(error, timeline.TimelineError)
    assert issubclass(timeline.MetadataError, timeline.InputError)
    error = timeline.MetadataError("bad date", path="a.meta.json")
    assert str(error) == "a.meta.json: bad date" and error.path == "a.meta.json"
