"""Saved web pages: the main text (trafilatura), title, URL, site name and publication date (htmldate).

Both libraries get a parsed tree, never a URL, so nothing is fetched. htmldate looks only at the page's
metadata (meta tags, JSON-LD, ``<time>`` elements, the URL): its "extensive" search would also read free
text, where a copyright year ("© 2019 Example Media") is the likeliest date it finds.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import AnchorSource, Document
from ..settings import Settings
from .metadata import metadata_fields
from .result import ReadResult
from .text import file_modified

# htmldate and trafilatura reject dates after "today" by default; a fixed bound keeps reading a page
# independent of the wall clock.
_LATEST_DATE = "2099-12-31"
_DATE_PARAMETERS = {"extensive_search": False, "original_date": True, "max_date": _LATEST_DATE}
_ISO_FORMAT = "%Y-%m-%dT%H:%M:%S"


def _tree(markup: str, path: Path | None) -> Any:
    import trafilatura  # imported here: only HTML inputs pay for it

    tree = trafilatura.load_html(markup)
    if tree is None:
        raise InputError("not an HTML page (cannot parse it)", path=path)
    return tree


def publication_date(markup: str, *, path: Path | None = None) -> datetime | None:
    """The page's own publication date from its metadata, or None when the markup states none."""
    import htmldate

    found = htmldate.find_date(_tree(markup, path), **_DATE_PARAMETERS, outputformat=_ISO_FORMAT)
    return datetime.fromisoformat(found) if found else None


def _paragraphs(text: str) -> str:
    """One blank line between the extracted blocks, so paragraphs read as paragraphs downstream."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def html_document(markup: str, *, doc_id: str, path: Path | None, sidecar: dict[str, Any]) -> Document:
    """A Document holding the page's main text; metadata from the page, overridden by a sidecar."""
    import trafilatura

    tree = _tree(markup, path)
    extracted = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=True,
                                            favor_precision=True, date_extraction_params=_DATE_PARAMETERS)
    text = _paragraphs(extracted.text or "") if extracted is not None else ""
    if not text:
        raise InputError("no main text found in the page", path=path)
    fields: dict[str, Any] = {}
    published = publication_date(markup, path=path)
    if published is not None:
        fields.update(published=published, published_from=AnchorSource.HTML_META)
    page = {"title": extracted.title, "url": extracted.url, "source": extracted.sitename,
            "language": tree.get("lang") or extracted.language}
    fields.update({key: str(value) for key, value in page.items() if value})
    if sidecar:
        fields.update(metadata_fields(sidecar, AnchorSource.SIDECAR, path=sidecar.get("__path__", path)))
    return Document(id=doc_id, path=str(path) if path else None, text=text, kind="html", modified=file_modified(path),
                    **fields)


def read_html(path: Path, text: str, sidecar: dict[str, Any], settings: Settings) -> ReadResult:
    return ReadResult(documents=[html_document(text, doc_id=str(path), path=path, sidecar=sidecar)])
