"""Plain-text helpers shared by several stages: sentence bounds and display cleaning."""

from __future__ import annotations

import bisect
import re

# A sentence ends at terminal punctuation (closing quotes and tokenized `` '' `` kept with it) that is
# followed by the end of its line, or by a space and a sentence opener. A line-final stop always ends
# a sentence: tokenized corpora put one sentence per line, and their next line may open with a
# backtick quote or a lowercase word ("`` We ...", "iPod sales ...").
_CLOSERS = r"(?:[\"”’')\]]|\s''|\s'(?=\s|$)|\s-RRB-|\s-RSB-)*"
_STOP = re.compile(rf"[.!?]{_CLOSERS}(?=[ \t]*(?:\n|$)|[ \t]+[A-Z0-9\"“‘'(\[`])")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
# Breaks that end a sentence without a stop: a blank line, a bullet, a short line such as a headline.
_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[•*-]\s)|(?P<short>\n(?=[^\n]{0,80}(?:\n|$)))")
# "Mr. Smith", "U.S. officials", "Jan. 5": a stop after these does not end the sentence inside a line.
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev|Hon|Inc|Corp|Co|Ltd|No|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|a\.m|p\.m|e\.g|i\.e)|\b[A-Z](?:\.[A-Z])*)$")
# A line that stops on a comma or a word that cannot end a sentence runs on into the next (hard-wrapped prose).
_CONTINUED = re.compile(r"(?:[,;:(\[-]|\b(?:a|an|the|of|on|in|at|to|by|for|from|with|and|or|but|nor|that|which|"
                        r"who|whose|as|than|into|onto|its|their|his|her|our|is|are|was|were|be|been|will|would)"
                        r")[ \t]*$", re.IGNORECASE)
_MAX_SENTENCE = 400
WIRE_SERVICES = r"(?:Reuters|AP|AFP|Bloomberg|UPI|PA|Xinhua)"
"""The news agencies a dateline names after its date ("LONDON, May 12 (Reuters) -")."""


def _ends(text: str) -> list[tuple[int, int]]:
    """(stop, next start) of every sentence end in ``text``, in order: where one sentence stops, where the next begins."""
    found = []
    for match in _STOP.finditer(text):
        line_final = _LINE_END.match(text, match.end()) is not None
        if not line_final and _ABBREVIATION.search(text, max(0, match.start() - 12), match.start()):
            continue
        found.append((match.end(), match.end()))
    for match in _BREAK.finditer(text):
        if match.group("short") is None or not _CONTINUED.search(text, max(0, match.start() - 20), match.start()):
            found.append((match.start(), match.end()))
    return sorted(found)


_last_ends: tuple[str, list[tuple[int, int]], list[int]] | None = None
"""The sentence ends (and their stops) of the text asked about last: every stage asks about many places in
one text. One tuple, replaced whole, so that a reader never sees one text's ends with another text."""


def _ends_of(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    global _last_ends
    cached = _last_ends
    if cached is None or cached[0] is not text:
        ends = _ends(text)
        cached = _last_ends = (text, ends, [stop for stop, _ in ends])
    return cached[1], cached[2]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): nearest sentence ends on either side, within 400 characters."""
    ends, stops = _ends_of(text)
    low = max(0, start - _MAX_SENTENCE)
    left = low
    # Where the next sentence begins grows with where the last one stops: the latest end before the
    # expression whose next sentence has begun by its start (a break's spaces may run past it).
    index = bisect.bisect_right(stops, start) - 1
    while index >= 0 and ends[index][1] > start:
        index -= 1
    if index >= 0 and ends[index][0] >= low:
        left = max(left, ends[index][1])
    high = min(len(text), end + _MAX_SENTENCE)
    index = bisect.bisect_left(stops, end)
    right = stops[index] if index < len(stops) and stops[index] <= high else high
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
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


def clip(text: str, limit: int = 60) -> str:
    """One line of at most ``limit`` characters, with an ellipsis when cut (a label, a lane name)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def shorten(text: str, words: int = 12) -> str:
    """At most ``words`` words, never cut inside a word, with an ellipsis when cut."""
    parts = text.split()
    if len(parts) <= words:
        return text
    return " ".join(parts[:words]).rstrip(",;:—-") + "…"
