"""Plain-text helpers shared by several stages: sentence bounds and display cleaning."""

from __future__ import annotations

import re

_SENTENCE_END_BEFORE = re.compile(r"[.!?][\"”’')\]]*\s+(?=[A-Z0-9\"“‘'(\[])|\n\s*\n|\n(?=\s*[•*-])|\n(?=[^\n]{0,80}\n)")
_SENTENCE_END_AFTER = re.compile(r"[.!?](?=[\"”’')\]]*(?:\s|$))|\n\s*\n|\n(?=\s*[•*-])")
_MAX_SENTENCE = 400


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): nearest sentence ends on either side, within 400 characters."""
    low = max(0, start - _MAX_SENTENCE)
    left = low
    for match in _SENTENCE_END_BEFORE.finditer(text, low, start):
        left = match.end()
    right_match = _SENTENCE_END_AFTER.search(text, end, min(len(text), end + _MAX_SENTENCE))
    right = right_match.end() if right_match else min(len(text), end + _MAX_SENTENCE)
    while left < right and text[left].isspace():
        left += 1
    return left, right


_DETOKENIZE = [
    (re.compile(r"-LRB-\s*"), "("), (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"-LSB-\s*"), "["), (re.compile(r"\s*-RSB-"), "]"),
    (re.compile(r"-LCB-\s*"), "{"), (re.compile(r"\s*-RCB-"), "}"),
    (re.compile(r"``\s*"), "“"), (re.compile(r"\s*''"), "”"),
    (re.compile(r"\s+([.,;:!?%)\]}])"), r"\1"), (re.compile(r"([(\[{$])\s+"), r"\1"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r"\s+"), " "),
]


def clean(text: str) -> str:
    """Text for display: tokenizer artefacts undone, whitespace folded."""
    for pattern, replacement in _DETOKENIZE:
        text = pattern.sub(replacement, text)
    return text.strip()


def shorten(text: str, words: int = 12) -> str:
    """At most ``words`` words, never cut inside a word, with an ellipsis when cut."""
    parts = text.split()
    if len(parts) <= words:
        return text
    return " ".join(parts[:words]).rstrip(",;:—-") + "…"
