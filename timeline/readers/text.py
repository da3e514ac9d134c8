"""Plain text and Markdown, with optional YAML front matter."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import AnchorSource, Document
from ..settings import Settings
from .metadata import metadata_fields, split_front_matter
from .result import ReadResult


def file_modified(path: Path | None) -> datetime | None:
    """The file's modification time (kept on the Document; anchoring uses it only when the user asks)."""
    if path is None:
        return None
    try:
        return datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


def text_document(text: str, *, doc_id: str, path: Path | None, sidecar: dict[str, Any],
                  kind: str = "text") -> Document:
    """A Document from raw text: front matter first, then the sidecar, which is trusted more."""
    front, body_start = split_front_matter(text, path=path)
    if not text[body_start:].strip():
        where = "after its front matter" if front else "in it"
        raise InputError(f"empty {'input' if path is None else 'file'} (no text {where})", path=path or doc_id)
    fields: dict[str, Any] = metadata_fields(front, AnchorSource.FRONT_MATTER, path=path) if front else {}
    if sidecar:
        fields.update(metadata_fields(sidecar, AnchorSource.SIDECAR, path=sidecar.get("__path__", path)))
    if kind == "text" and front:
        kind = "markdown"
    return Document(id=doc_id, path=str(path) if path else None, text=text, body_start=body_start, kind=kind,
                    modified=file_modified(path), **fields)


def read_text(path: Path, text: str, sidecar: dict[str, Any], settings: Settings) -> ReadResult:
    kind = "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    return ReadResult(documents=[text_document(text, doc_id=str(path), path=path, sidecar=sidecar, kind=kind)])
