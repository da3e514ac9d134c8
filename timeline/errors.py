"""Every error the library raises on purpose.

    TimelineError
    ├── InputError        a path or document cannot be read (missing, unreadable, undecodable, malformed record)
    │   └── MetadataError a sidecar, front matter or metadata value is malformed
    ├── SettingsError     an option given by the caller makes no sense
    └── RenderError       an output file cannot be written

Each carries the file it is about (``path``, may be ``None`` for standard input) and a one-line ``reason``;
``str(error)`` is the line the CLI prints.
"""

from __future__ import annotations

from pathlib import Path


class TimelineError(Exception):
    """Base of every error this library raises deliberately."""

    def __init__(self, reason: str, *, path: str | Path | None = None) -> None:
        self.reason = reason
        self.path = str(path) if path is not None else None
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class InputError(TimelineError):
    """A path or a document cannot be read."""


class MetadataError(InputError):
    """Metadata (sidecar, front matter, a date field) is malformed."""


class SettingsError(TimelineError):
    """An option makes no sense (an unparseable --published date, say)."""


class RenderError(TimelineError):
    """An output cannot be written."""
