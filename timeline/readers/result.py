"""What reading produces: the documents, the files or records that were skipped with the reason, and the
files of other types a folder held."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Document, Skipped


@dataclass
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    passed_over: list[str] = field(default_factory=list)
    """Files found in a folder that no reader takes (a PDF, an image): not read, but counted."""

    def extend(self, other: ReadResult) -> None:
        self.documents.extend(other.documents)
        self.skipped.extend(other.skipped)
        self.passed_over.extend(other.passed_over)
