"""What reading produces: the documents, and the files or records that were skipped with the reason."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Document, Skipped


@dataclass
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def extend(self, other: ReadResult) -> None:
        self.documents.extend(other.documents)
        self.skipped.extend(other.skipped)
