"""Dated sentences → Events, each keeping its source: document, segment, sentence, expression, anchor.

An event is a happening with a date. A sentence with one date is one event; a sentence with several
dates ("reopened on Monday, a week after a landslide closed it on March 3") is cut into clauses, one
event per date, each with its own clause as text. Each event gets a short title (actor and action).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from datetime import date

from .models import (Document, Event, Granularity, Segment, SegmentKind, Source, TimeExpression, TimexType,
                     Unanchored)
from .temporal import finder
from .temporal.resolve import reached_value
from .text import WIRE_SERVICES, clean, sentence_bounds

_DATED_TYPES = (TimexType.DATE, TimexType.TIME)
_UNDATABLE = (Granularity.REFERENCE, Granularity.DURATION, Granularity.SET)

_REPORTING_VERB = (
    r"said|says|say|told|tells|announced|announces|reported|reports|confirmed|confirms|claimed|claims|stated|"
    r"states|added|warned|warns|noted|wrote|tweeted|posted|revealed|disclosed|insisted|alleged|accused|denied|"
    r"acknowledged|admitted|declared|predicted|promised|pledged|vowed|urged|suggested|argued|testified"
)
_REPORTING = re.compile(rf"\b(?:{_REPORTING_VERB})\b", re.IGNORECASE)
# Between a reporting verb and its date only a short, content-free stretch ("said in a statement on").
_REPORTING_BEFORE = re.compile(rf"\b(?P<verb>{_REPORTING_VERB})\b(?P<gap>(?:\s+[\w'’-]+){{0,5}}?)\s*,?\s*$", re.IGNORECASE)
_GAP_BLOCKERS = re.compile(r"\b(?:that|which|who|when|after|before|because|if|would|will|had|has|was|were)\b",
                           re.IGNORECASE)
_SAYING_FRAME = frozenset("in at to on via during through with from late earlier publicly separately also "
                          "again jointly".split())
_TELLING_VERBS = frozenset("told tells warned warns urged accused promised".split())
_REPORTING_WINDOW = 60
_REPORTING_AFTER_WORDS = 6

# Where a sentence may be cut into clauses: punctuation, dashes and subordinating or joining words ("before
# that", "after this", "after then" are a time of the clause itself: "and the one before that in August").
_CLAUSE_BOUNDARY = re.compile(
    r"\s*[,;:](?=\s)\s*(?:(?:and|but|while|whereas|then)\s+)?|\s+[-–—]+\s+|\s+(?:and|but|while|whereas|when|then|until|because|although)\s+"
    r"|\s+(?:after|before)\s+(?!(?:that|then|this)\b)",
    re.IGNORECASE,
)

_NEGATED = re.compile(r"\b(?:not|never|rather than|instead of)\s+(?:(?:on|in|at|by|until|last|this)\s+)?$",
                      re.IGNORECASE)
_STAMP_WINDOW = 40
_CLOCK = r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}T)?\s*)?"
_WROTE = re.compile(rf"\s*,?\s*{_CLOCK}(?:,\s*)?(?:[\w.@,-]+\s+){{0,7}}wrote\b", re.IGNORECASE)
_WIRE = re.compile(rf"\s*,?\s*{_CLOCK}\s*[(\[]?{WIRE_SERVICES}\b[)\]]?\s*[-–—]")
_CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_HOUR_MINUTE = r"\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?"
_ZONE = r"(?:[A-Z]{2,4}T|GMT|BST|UTC)\b"
# "Last updated: 1 May", "Page last updated at 08:14 GMT, Tuesday, 8 November 2011": a clock time and a
# weekday may stand between the update word and its date.
# A verb of the sentence tells a happening, no stamp: "the terms were published on Wednesday" (after a comma
# it stays a stamp: "BBC News, updated 25 March 2026").
_STAMP_BEFORE = re.compile(r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
                           r"\b(?:last\s+)?(?:updated|modified|published|posted)(?:\s+(?:on|at))?\s*:?\s*"
                           rf"(?:{_HOUR_MINUTE}\s*(?:{_ZONE})?\s*,?\s*)?"
                           r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?\s*,?\s*)?$"
                           r"|\bposted\s+by\s*:?\s*[\w.@-]+\s*\|?\s*$"
                           r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s*$", re.IGNORECASE)
# "MEXICO CITY, April 27 (Reuters) -" or "WASHINGTON | Wed Apr 29, 2009 5:24 pm EDT": a wire dateline.
_DATELINE = re.compile(r"\b[A-Z][A-Z .'-]{2,},?\s*(?:\|\s*)?[^\n]{0,30}?"
                       r"(?:\((?:Reuters|AP|AFP)\)|\b[AaPp]\.?[Mm]\.?\s+[A-Z]{2,4}T\b)")
# "Thursday, April 29, 2010; 4:49 PM A massive ...": a date followed straight by a clock time stamps the page.
# "18.15 BST" is a clock only with its zone; "18:15" is one alone.
_STAMP_CLOCK = re.compile(rf"\s*[;,|-]?\s*(?:\d{{4}}\s+)?(?:\d{{1,2}}:\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?)?|\d{{1,2}}\.\d{{2}}(?=\s*{_ZONE}))"
                          rf"\s*(?:{_ZONE})?")
# "May 10, 2010 20:07 UTC With BP's ...": a date and zoned clock opening a line stamp the text after it.
_ZONED_CLOCK_END = re.compile(rf"{_HOUR_MINUTE}\s*{_ZONE}$")
_LINE_DATE = re.compile(r"\s*(?:(?:[A-Z][a-z]{2,8}\.?\s*)?\d{1,2}(?:st|nd|rd|th)?\s*,?\s*\d{4}\s*"
                        r"|(?:[A-Z][a-z]{2,8},?\s+)?\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}\s*)?")  # "Friday 4 June 2010"
# "7 November 2011 Last updated at 21:40 GMT", "7:51 PM | Report abuse": the date before a page's update line
# or a comment's footer stamps it.
_STAMP_AFTER = re.compile(r"\s*[,|–—-]?\s*(?:page\s+)?last\s+updated\b|\s*\|\s*report\s+abuse\b", re.IGNORECASE)
# What a scraped page puts before its first sentence: a wire dateline ("NEW YORK | Mon Apr 27, 2009 11:34 pm
# BST NEW YORK (Reuters) -") or an update line ("7 November 2011 Last updated at 21:40 GMT Help").
_LEADING_FURNITURE = re.compile(
    r"^(?:.{0,160}?\((?:Reuters|AP|AFP)\)\s*[-–—]+"
    r"|.{0,40}?\b(?i:last updated)(?:\s+at|:)?\s+.{0,30}?\d{1,2}[:.]\d{2}(?:\s*" + _ZONE + ")?"
    r"(?:\s*,?\s*(?:[A-Z][a-z]+day\s*,?\s*)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4}(?:\s+\d{1,2}:\d{2}\s+UK)?)?"
    r"(?:\s+Help\b)?)\s*")
_MIN_CLAUSE_WORDS = 3
_JOINING = re.compile(r";|\b(?:and|but|while|whereas)\b", re.IGNORECASE)
# A subject, an aside of its own set off by commas, and the rest of the sentence that it is the subject of.
_ASIDE = r",\s+(?P<pronoun>which|who)\s+(?P<aside>[^,;:\n]{3,120}?),\s+(?=[a-z])"
_RELATIVE_ASIDE = re.compile(r"\s*(?P<subject>[A-Z][^,;:\n]{2,80}?)" + _ASIDE)
_DETERMINER = r"(?:the|a|an|its|his|her|their)"
_INNER_NOUN_PHRASE = re.compile(rf".+?\s(?:of|to|for|on|at|in|near|from|with)\s+(?P<inner>{_DETERMINER}\s+[^,;:\n]+)$")
# The same aside inside a sentence, after a noun phrase its determiner opens: "Officials said that the bridge,
# which closed in January, would reopen on April 1" ("the bridge" is the subject of both).
_ASIDE_MARK = re.compile(_ASIDE)
_NOUN_PHRASE_BEFORE = re.compile(rf"(?:^|\s)(?P<subject>{_DETERMINER}\s+(?:[\w'’-]+\s+){{0,3}}[\w'’-]+)$",
                                 re.IGNORECASE)
_NOUN_PHRASE_CHARS = 60
_THAT_AT_END = re.compile(r"\s+that\s*$", re.IGNORECASE)
# What may stand right before that noun phrase for it to be the subject of what follows the aside: the start of
# the sentence or of a clause, "that", or a verb of saying ("said Monday the plant, which ..."). "repairs to the
# bridge, which closed in January, would finish" has a larger subject, so the sentence is left whole.
_SUBJECT_OPENS = re.compile(r"(?:^|[,;:]|\bthat|\bsaid|\bsays|\bsay|\btold\s+\w+|\bannounced|\badded|\bconfirmed)\s*$",
                            re.IGNORECASE)
# "after the March 7 fire", "since Sunday's attack": a date before the noun of a happening names that happening.
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NOUN_AFTER_THE_DATE = re.compile(r"\s+[a-z]{3,}\b")
_POSSESSIVE_NOUN_AFTER = re.compile(r"['’]s\s+[a-z]{3,}\b")
_MIN_HAPPENING_WORDS = 2  # "Construction began last March, and ..." is a happening; "In 2009, ..." frames
# "the 1800s warehouse", "1980s music": a decade or century in front of a noun says what a thing is like,
# not when anything happened; after a preposition ("in the 1980s music changed") it still dates the clause.
_ERA_GRAINS = (Granularity.DECADE, Granularity.CENTURY)
_NOUN_AFTER = re.compile(r"[\s-]+(?!(?:and|or|but|to|in|on|at|of|for|from|with|by|as|when|while|was|were|is|are|"
                         r"saw|had|has|have|did|that|which|who|the|a|an|before|after|until|through|into|onward|"
                         r"onwards|alone|itself)\b)[a-z]{3,}\b")
_ERA_COMPOUND = re.compile(r"-(?:style|era|inspired|vintage|themed|built|looking)\b")
_CLAUSE_OPENING = re.compile(r"(?:^|[.!?;:,(\n\"“—–]|\s-)\s*$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|during|since|by|from|through|until|till|throughout|into|of|to|before|"
                                 r"after|around|about|over|across|between)\s+$", re.IGNORECASE)
_TITLE_WORDS = 12
_TITLE_MIN_WORDS = 5
_LEADING_FILLER = re.compile(
    r"^(?:(?:meanwhile|however|also|separately|earlier|later|but|and|so|then|still|yet|now|in addition|"
    r"additionally|in other news|as expected|by then|since then|after that|before that|after this)\b\s*,?\s*)+",
    re.IGNORECASE,
)
_DATE_LEAD_IN = r"(?:(?:on|in|at|by|to|for|around|about|circa|ahead of|during|since|from|until|till|through|as of|of|dated|earlier|later|late|" \
                r"early|last|this|the|before|after)\s+)*"
# Attribution and cleft openings that carry no actor or action: "According to the report, ...",
# "What makes this even stranger is that ...". The title starts after them.
_LEADING_FRAME = re.compile(
    r"^(?:according\s+to\s+[^,]{1,60},\s*|what\s+[^,.;]{1,80}?\s+(?:is|was)\s+that\s*,?\s*)", re.IGNORECASE)
# What a removed date can leave hanging at the end: "The meeting is [on 25 April]", "It was cut back to [10pm]".
_DANGLING_END = re.compile(r"(?:\s+(?:is|are|was|were|be|been|will\s+be|to|on|in|at|by|of|from|until|for))+$",
                           re.IGNORECASE)
# An aside of a word or two, often what a removed date leaves ("The procedure, which began [on Wednesday],
# involves ...", "The firm, which employs 500, cut jobs"): a title keeps the actor and the action.
_STUB_CLAUSE = re.compile(r"\s*,\s+(?:which|who)(?:\s+[\w'’-]+){1,2}\s*,\s*", re.IGNORECASE)
_STRANDED_WORDS = 3
"""At most this many words after a comma are left out of a title rather than shown cut off from the rest."""
_TITLE_CUT_BEFORE = {"which", "who", "whose", "where", "while", "after", "before", "because", "as", "when",
                     "although", "though", "but", "-", "–", "—", "and"}
_SINGLE_QUOTES = [(re.compile(r"`\s*"), "‘"), (re.compile(r"(?<=[\w.,!?])\s+'(?=\s|$)"), "’")]


def display_text(text: str) -> str:
    """Text as a reader should see it: tokenizer artefacts (-LRB-, `` '', ` 's`, ` ,`) undone."""
    text = clean(text)
    for pattern, replacement in _SINGLE_QUOTES:
        text = pattern.sub(replacement, text)
    return text


def without_furniture(text: str) -> str:
    """Text without a wire dateline or a page's update line before its first sentence."""
    match = _LEADING_FURNITURE.match(text)
    if match is None or len(text[match.end():].split()) < _MIN_CLAUSE_WORDS:
        return text
    rest = text[match.end():]
    return rest[0].upper() + rest[1:]


def _segment_of(segments: Sequence[Segment], offset: int) -> Segment | None:
    for segment in segments:
        if segment.start <= offset < segment.end:
            return segment
    return None


@dataclass(frozen=True, slots=True)
class Origin:
    """Who a segment speaks for: the document itself, or for a search result its own outlet, title and URL."""

    title: str | None
    url: str | None
    outlet: str | None


def segment_origin(document: Document, segment: Segment) -> Origin:
    """The document's title, URL and outlet; a search result's own, as anchoring read them from its block."""
    if segment.kind != SegmentKind.SNIPPET:
        return Origin(document.title, document.url, document.source)
    title = display_text(segment.title) if segment.title else segment.label
    if segment.url is None:  # a result without an address line speaks with the page's URL and outlet
        return Origin(title, document.url, document.source)
    return Origin(title, segment.url, segment.outlet)


def is_reported_speech(text: str, expression: TimeExpression) -> bool:
    """True when the date belongs to a saying ("said on Friday that ...") rather than the happening."""
    before = text[max(0, expression.start - _REPORTING_WINDOW) : expression.start]
    before = re.sub(r"(?:\b(?:on|late|early|last|this|earlier|later)\s*)+$", "", before.rstrip(), flags=re.IGNORECASE)
    match = _REPORTING_BEFORE.search(before)
    if match is not None and not _GAP_BLOCKERS.search(match.group("gap")) \
            and _only_frames_the_saying(match.group("verb").lower(), match.group("gap").split()):
        return True
    # "On Friday, the spy agency said ...": the date opens a clause whose verb is a saying; not "The ferry
    # sank on Sunday, officials said", where the date is the sinking's.
    if _CLAUSE_OPENING.search(before) is None:
        return False
    after = text[expression.end : expression.end + _REPORTING_WINDOW * 2]
    stretch = re.split(r"[,;:.!?\n]", after.lstrip(" ,"), maxsplit=1)[0]
    words = stretch.split()[:_REPORTING_AFTER_WORDS]
    return any(_REPORTING.fullmatch(word) for word in words)


def _only_frames_the_saying(verb: str, gap: list[str]) -> bool:
    """Between a saying and its date only who heard or said it and where: "told reporters in Rome",
    "said spokesman John Kirby", "said in a statement"; not a clause of its own ("said the ferry sank")."""
    cut = next((i for i, word in enumerate(gap) if word.lower() in _SAYING_FRAME), len(gap))
    heard = gap[:cut]
    if not heard:
        return True
    if verb in _TELLING_VERBS:
        return len(heard) <= 3
    return len(heard) <= 4 and heard[-1][:1].isupper()  # "said (spokesman) John Kirby"


def _event_id(document: str, start: int, value: str) -> str:
    return hashlib.sha1(f"{document}\x00{start}\x00{value}".encode()).hexdigest()[:12]


def is_negated(text: str, expression: TimeExpression) -> bool:
    """True for a date the text rules out ("on Saturday, not on Sunday"): it dates nothing."""
    return _NEGATED.search(text, max(0, expression.start - 16), expression.start) is not None


def is_stamp(text: str, expression: TimeExpression) -> bool:
    """True for a date that stamps the page rather than tells a happening: a dateline ("SINGAPORE,
    April 27 (Reuters) -"), a comment header ("At 18:20 29th Apr 2009, vampfan wrote:"), "Last updated: ..."."""
    before = text[max(0, expression.start - _STAMP_WINDOW) : expression.start]
    after = text[expression.end : expression.end + _STAMP_WINDOW]
    # A comment header carries a clock time; "on Sunday, the blogger wrote" does not.
    comment_header = (_WROTE.match(text, expression.end, expression.end + 2 * _STAMP_WINDOW) is not None
                      and _CLOCK_TIME.search(before[-20:] + expression.text + after[:20]) is not None)
    clock = _STAMP_CLOCK.match(after)
    stamped = clock is not None and re.match(r"\s*(?:\|\s*)?[A-Z]", after[clock.end():]) is not None
    return (comment_header or stamped or _WIRE.match(after) is not None or _STAMP_BEFORE.search(before) is not None
            or _STAMP_AFTER.match(after) is not None or _opens_line_with_zoned_clock(before, expression, after)
            or _DATELINE.search(before + expression.text + after[:20]) is not None)


def _opens_line_with_zoned_clock(before: str, expression: TimeExpression, after: str) -> bool:
    """ "May 10, 2010 20:07 UTC With BP's ...": a date and a zoned clock that open a line stamp it."""
    if "\n" not in before and len(before) >= _STAMP_WINDOW:
        return False  # the line starts further back than the window shows
    line = before.rsplit("\n", 1)[-1]
    return (_LINE_DATE.fullmatch(line) is not None and _ZONED_CLOCK_END.search(expression.text) is not None
            and re.match(r"\s+[A-Z]", after) is not None)


def _datable(expression: TimeExpression) -> bool:
    """A date or time with its days, or a span that names the day it reaches ("the vote is in two weeks")."""
    return ((expression.type in _DATED_TYPES or expression.type == TimexType.DURATION) and expression.interval
            is not None and expression.value is not None and expression.granularity not in _UNDATABLE)


def describes_a_thing(text: str, expression: TimeExpression) -> bool:
    """True for an era used as an adjective ("restore the 1800s warehouse", "a 1970s-style kitchen"), which
    dates no happening. An era that opens its clause ("The 1930s depression hit ...", "The 1990s brought ...")
    or follows a preposition ("in the 1980s music changed") still dates it."""
    if expression.granularity not in _ERA_GRAINS:
        return False
    if _ERA_COMPOUND.match(text, expression.end):
        return True
    before = text[max(0, expression.start - 30) : expression.start]
    if not before.strip() or _CLAUSE_OPENING.search(before) or _PREPOSITION_BEFORE.search(before):
        return False
    return _NOUN_AFTER.match(text, expression.end) is not None


def _contains_another(expression: TimeExpression, others: Sequence[TimeExpression]) -> bool:
    """A coarser date that only frames a finer one ("in 2009 ... on 24 April") is context, not a happening."""
    outer = expression.interval
    assert outer is not None
    for other in others:
        inner = other.interval
        if other is expression or inner is None:
            continue
        inside = outer.start <= inner.start and inner.end <= outer.end
        if inside and (outer.start, outer.end) != (inner.start, inner.end):
            return True
    return False


def clause_bounds(text: str, left: int, right: int, anchors: Sequence[TimeExpression]) -> list[tuple[int, int]]:
    """One [start, end) clause of text[left:right] around each of ``anchors`` (sorted by offset).

    Between two dates the first clause ends at the first boundary after the earlier date and the second
    starts after the last boundary before the later one, so neither clause carries the other's date.
    """
    starts = [left] * len(anchors)
    ends = [right] * len(anchors)
    for index in range(len(anchors) - 1):
        earlier, later = anchors[index], anchors[index + 1]
        boundaries = list(_CLAUSE_BOUNDARY.finditer(text, earlier.end, later.start))
        if not boundaries:
            continue
        # "In 2023, despite the strike, sales fell, and in 2024 they rose": a boundary that joins two clauses
        # (and, but, while, a semicolon) and leaves the earlier date words of its own ends its clause ("In 2023,
        # despite the strike, sales fell"); else the first boundary
        first = next((b for b in boundaries if _JOINING.search(b.group()) and not _says_nothing_else(
                      text[starts[index]:b.start()], earlier)), boundaries[0])
        ends[index] = first.start()
        starts[index + 1] = boundaries[-1].end()
    return list(zip(starts, ends))


def _strip_dates(title: str, expressions: Sequence[str]) -> str:
    for expression in sorted(set(expressions), key=len, reverse=True):
        # "after Sunday's win" → "after the win": a date that owns a noun gives way to an article
        title = re.sub(rf"\b{re.escape(expression)}['’]s\b", "the", title, count=1, flags=re.IGNORECASE)
        pattern = rf"(?:,\s*)?\b{_DATE_LEAD_IN}{re.escape(expression)}(?![\w])(?P<comma>\s*,)?"
        # A date set off by commas leaves one comma behind: "near Ravenscar, on Saturday, the papers" keeps its pause.
        title = re.sub(pattern, lambda m: ", " if m.group("comma") else " ", title, count=1, flags=re.IGNORECASE)
    return title


def _title(clause: str, expression: str) -> str:
    """An event's title; a clause that is little more than its date ("the March 7 fire") keeps the date."""
    title = make_title(clause, [expression])
    if len(title.split()) >= _MIN_HAPPENING_WORDS:
        return title
    kept = make_title(re.sub(r"^\s*(?:after|before|since|following|over|from|until|by|of|in|on)\s+", "", clause,
                             flags=re.IGNORECASE))
    return kept if len(kept.split()) > len(title.split()) else title


def make_title(text: str, expressions: Sequence[str] = ()) -> str:
    """Actor and action in at most a dozen words: dates and lead-in fillers dropped, never cut in a word."""
    title = _strip_dates(text, expressions)
    title = _STUB_CLAUSE.sub(" ", title)
    title = re.sub(r"\s+([,;:.!?])", r"\1", title)
    title = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", title)
    title = re.sub(r"\s+([\"”])(?=\s|$|[,;:.!?])", r"\1", title)  # a closing quote left after a dropped date
    title = _LEADING_FILLER.sub("", title.strip(" ,;:-–—"))
    title = _LEADING_FRAME.sub("", title)
    title = re.sub(r"\s+", " ", title).strip(" ,;:-–—").rstrip(".")
    trimmed = _DANGLING_END.sub("", title)
    if len(trimmed.split()) >= _MIN_CLAUSE_WORDS:
        title = trimmed
    if not title:
        return display_text(text)[:80]
    title = title[0].upper() + title[1:]
    words = title.split(" ")
    if len(words) <= _TITLE_WORDS:
        return title
    cut = _TITLE_WORDS
    for index in range(_TITLE_WORDS, _TITLE_MIN_WORDS - 1, -1):
        if words[index - 1][-1] in ",;:" or words[index].lower() in _TITLE_CUT_BEFORE:
            cut = index
            break
    # A pause just before the cut ends the title there: "resigned, a week after the fire" is cut to
    # "resigned…", not "resigned, a week…" (a phrase stranded without its head).
    pause = next((index for index in range(cut - 1, max(cut - 1 - _STRANDED_WORDS, _TITLE_MIN_WORDS - 1), -1)
                  if words[index - 1][-1] in ",;:"), None)
    return " ".join(words[:pause or cut]).rstrip(",;:-–—") + "…"


@dataclass(frozen=True, slots=True)
class _Dated:
    """One datable expression with the sentence and segment it sits in."""

    expression: TimeExpression
    segment: Segment
    left: int
    right: int


def _sentences(document: Document, segments: Sequence[Segment], expressions: Sequence[TimeExpression]
               ) -> tuple[dict[tuple[int, int, int], list[_Dated]], list[Unanchored]]:
    """Datable expressions grouped by the sentence they sit in, and the relative ones nothing anchored."""
    text = document.text
    grouped: dict[tuple[int, int, int], list[_Dated]] = {}
    unanchored: list[Unanchored] = []
    for expression in expressions:
        segment = _segment_of(segments, expression.start)
        if segment is None or segment.kind == SegmentKind.POST_HEADER:
            continue
        left, right = sentence_bounds(text, expression.start, expression.end)
        left, right = max(left, segment.start), min(right, segment.end)
        if expression.basis == "unanchored":
            unanchored.append(Unanchored(document=document.id, segment=segment.index, expression=expression.text,
                                         start=expression.start, end=expression.end,
                                         sentence=display_text(text[left:right]),
                                         reason="no date before it to count from" if segment.anchor is not None
                                         else "no reference time"))
            continue
        if _datable(expression) and not is_negated(text, expression) and not is_stamp(text, expression):
            grouped.setdefault((segment.index, left, right), []).append(_Dated(expression, segment, left, right))
    return grouped, unanchored


def _representatives(dated: Sequence[_Dated]) -> list[_Dated]:
    """The first expression of each distinct date in a sentence, framing dates left out."""
    expressions = [d.expression for d in dated]
    kept: dict[str, _Dated] = {}
    for item in dated:
        value = item.expression.value or ""
        if value not in kept and not _contains_another(item.expression, expressions):
            kept[value] = item
    return sorted(kept.values(), key=lambda d: d.expression.start)


def _relative_clauses(text: str, left: int, right: int, chosen: list[_Dated]) -> list[str] | None:
    """"The strike, which began on Monday, ended on Thursday": each date's clause with the subject they
    share ("The strike began on Monday", "The strike ended on Thursday"), not "The strike, which began"."""
    if len(chosen) == 2:
        match = _RELATIVE_ASIDE.match(text, left, right)
        if match is not None and _holds_first_only(match, chosen):
            subject = match.group("subject")
            # "Repairs to the bridge, which closed in January, would finish on April 1": "which" tells of the
            # thing last named ("the bridge closed"); what follows, of the whole subject
            inner = _INNER_NOUN_PHRASE.match(subject) if match.group("pronoun").lower() == "which" else None
            told = inner.group("inner") if inner is not None else subject
            return [f"{told} {match.group('aside')}", f"{subject} {text[match.end():right]}"]
        participle = _verbs().participle_aside.match(text, left, right)
        if participle is not None and _holds_first_only(participle, chosen):
            # "The ceasefire, agreed on Sunday" stays as it is ("The ceasefire agreed" would make it the agent)
            rest = text[participle.end() : right]
            return [text[left : participle.end("aside")], f"{participle.group('subject')} {rest}"]
    return _inner_relative_clauses(text, left, right, chosen)


def _holds_first_only(match: re.Match[str], chosen: list[_Dated]) -> bool:
    """Whether a subject's aside holds the first of two dates and the rest of the sentence the second."""
    first, second = (d.expression for d in chosen)
    return match.start("aside") <= first.start and first.end <= match.end("aside") <= second.start


def _inner_relative_clauses(text: str, left: int, right: int, chosen: list[_Dated]) -> list[str] | None:
    """"Officials said Monday that the bridge, which closed in January, would reopen on April 1": the aside's
    date and the one after it each with the noun phrase before the aside ("the bridge closed in January", "the
    bridge would reopen on April 1"), the dates before that phrase with their own clauses. Only for one date
    in the aside and one after it."""
    for mark in _ASIDE_MARK.finditer(text, left, right):
        phrase = _NOUN_PHRASE_BEFORE.search(text, max(left, mark.start() - _NOUN_PHRASE_CHARS), mark.start())
        if phrase is None:
            continue
        inside = [i for i, d in enumerate(chosen)
                  if mark.start("aside") <= d.expression.start and d.expression.end <= mark.end("aside")]
        after = [i for i, d in enumerate(chosen) if d.expression.start >= mark.end()]
        before = [i for i, d in enumerate(chosen) if d.expression.end <= phrase.start("subject")]
        if len(inside) != 1 or len(after) != 1 or len(before) + 2 != len(chosen):
            continue
        subject = phrase.group("subject")
        # the words between the nearest date before the phrase (or the sentence's start) and the phrase
        between = text[max((chosen[i].expression.end for i in before), default=left) : phrase.start("subject")]
        if between.strip() and not _SUBJECT_OPENS.search(between):
            continue
        # "Officials said Monday that": the saying, without the "that" that opens what was said
        head_end = left + len(_THAT_AT_END.sub("", text[left : phrase.start("subject")]))
        clauses = _clauses(text, left, head_end, [chosen[i] for i in before]) if before else []
        if len(clauses) != len(before) or any(_says_nothing_else(clause, chosen[i].expression)
                                              for clause, i in zip(clauses, before)):
            continue  # "On Monday, the council, which met in January, ...": a date that frames the whole sentence
        return [*clauses, f"{subject} {mark.group('aside')}", f"{subject} {text[mark.end():right]}"]
    return None


@dataclass(frozen=True, slots=True)
class _VerbPatterns:
    """Patterns that find a past verb or participle, its irregular forms the tagger's own (vocabulary.yaml,
    tense.irregular_past), built once."""

    participle_aside: re.Pattern[str]
    """A subject and a participle's aside after it: "The ceasefire, agreed on Sunday, collapsed on Monday", "The
    bridge, built in 1932, was closed", "Smith, speaking on Monday, said ..."."""
    clause_subject: re.Pattern[str]
    """A clause's subject, a pronoun or a short noun phrase right before a past verb ("she moved")."""
    opens_with_verb: re.Pattern[str]
    """A clause that opens with such a verb, no subject of its own ("founded the company in 1985")."""


@cache
def _verbs() -> _VerbPatterns:
    irregular = "|".join(sorted(finder().grammar.vocabulary["tense"]["irregular_past"], key=len, reverse=True))
    past = rf"(?:[a-z]{{2,}}ed|{irregular})\b"
    return _VerbPatterns(
        participle_aside=re.compile(rf"\s*(?P<subject>[A-Z][^,;:\n]{{2,80}}?),\s+"
                                    rf"(?P<aside>(?:[a-z]{{2,}}(?:en|wn|ing)\b|{past})\s[^,;:\n]{{3,120}}?),\s+(?=[a-z])"),
        clause_subject=re.compile(rf"\s*(?P<subject>(?:he|she|it|they|we|I|{_DETERMINER}\s+[\w'’-]+(?:\s+[\w'’-]+)?"
                                  rf"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))\s+(?-i:{past})", re.IGNORECASE),
        opens_with_verb=re.compile(rf"\s*(?-i:{past})"))


def _with_shared_subjects(clauses: list[str]) -> list[str]:
    """A clause that opens with its verb takes the subject of the clause before it: "she moved to London in 1972
    and founded the company in 1985" gives "she founded the company in 1985", not "founded the company"."""
    shared = list(clauses)
    verbs = _verbs()
    for index in range(1, len(shared)):
        subject = verbs.clause_subject.match(shared[index - 1])
        if subject is not None and verbs.opens_with_verb.match(shared[index]):
            shared[index] = f"{subject.group('subject')} {shared[index].lstrip()}"
    return shared


def _says_nothing_else(clause: str, expression: TimeExpression) -> bool:
    """Whether a clause is its date and little more ("In 2009,"): fewer words than a happening needs."""
    return len(_strip_dates(clause, [expression.text]).split()) < _MIN_HAPPENING_WORDS


def _names_a_happening(text: str, expression: TimeExpression) -> bool:
    """ "the March 7 fire", "Sunday's attack": the date is the happening's own, not a frame around the clause."""
    if _POSSESSIVE_NOUN_AFTER.match(text, expression.end):
        return True
    return bool(_THE_BEFORE.search(text[max(0, expression.start - 6) : expression.start])
                and _NOUN_AFTER_THE_DATE.match(text, expression.end))


def _clauses(text: str, left: int, right: int, chosen: list[_Dated]) -> list[str]:
    """A clause for each chosen date. A date whose clause says nothing else either opens the sentence and
    shares it ("Next year, ... by 2027"), or is dropped from ``chosen`` ("from 14:10 until 15:30 yesterday");
    a frame that holds a finer date ("In 2009, ... on 24 April") is gone already."""
    while len(chosen) > 1:
        shared = _relative_clauses(text, left, right, chosen)
        if shared is not None:
            return shared
        bounds = clause_bounds(text, left, right, [d.expression for d in chosen])
        empty = [index for index, (start, end) in enumerate(bounds)
                 if _says_nothing_else(text[start:end], chosen[index].expression)
                 and not _names_a_happening(text, chosen[index].expression)]
        if not empty:
            return _with_shared_subjects([text[start:end] for start, end in bounds])
        opening = chosen[0].expression
        if empty == [0] and not text[left : opening.start].strip(" \t\"“'‘(").split()[1:] \
                and re.match(r"\s*,", text[opening.end:]):  # a pause after it: "From Monday until ..." is a range
            # "Next year, Veltra plans to expand, adding 300 jobs by 2027": a date that opens the sentence (and
            # holds none of the others) is when the whole sentence happens; the dates share the sentence.
            return [text[left:right]] * len(chosen)
        del chosen[empty[0]]  # "from about 14:10 until 15:30 yesterday": a range's start says nothing more
    return [text[left:right]]


def extract_events(document: Document, segments: Sequence[Segment], expressions: Sequence[TimeExpression], *,
                   published: date | None = None) -> tuple[list[Event], list[Unanchored]]:
    """One event for each date of a sentence; unresolved relative dates are listed, not guessed.

    ``published`` is the publication day anchoring found (a dateline, a --published flag), which each
    source records; without it, the document's own metadata.
    """
    text = document.text
    grouped, unanchored = _sentences(document, segments, expressions)
    length = max(1, len(text) - document.body_start)
    events: list[Event] = []
    for (_, left, right), dated in grouped.items():
        chosen = _representatives([d for d in dated if not describes_a_thing(text, d.expression)])
        if not chosen:
            continue
        sentence = display_text(text[left:right])
        clauses = _clauses(text, left, right, chosen)
        for item, clause in zip(chosen, clauses):
            events.append(_event(document, item, sentence, clause,
                                 position=(left - document.body_start) / length, published=published))
    return events, unanchored


def _dated_value(expression: TimeExpression) -> tuple[str, TimexType]:
    """The date an expression gives a happening: its own value, or for a span still to come ("in two weeks",
    P2W) the day, month or year it reaches."""
    assert expression.interval is not None and expression.value is not None
    if expression.type != TimexType.DURATION:
        return expression.value, expression.type
    return reached_value(expression.interval.start, expression.granularity), TimexType.DATE


def _event(document: Document, item: _Dated, sentence: str, clause: str, *, position: float,
           published: date | None) -> Event:
    expression, segment = item.expression, item.segment
    assert expression.interval is not None and expression.value is not None
    value, kind = _dated_value(expression)
    clause_text = without_furniture(display_text(clause).strip(" ,;:-–—"))
    reported = is_reported_speech(document.text, expression)
    origin = segment_origin(document, segment)
    source = Source(
        document=document.id, title=origin.title, url=origin.url,
        published=published or (document.published.date() if document.published else None),
        segment=segment.index, segment_kind=segment.kind, sentence=sentence, expression=expression.text,
        expression_start=expression.start, expression_end=expression.end, value=value,
        chain=expression.chain, outlet=origin.outlet, position=round(min(1.0, max(0.0, position)), 4),
        reported_speech=reported,
    )
    return Event(
        id=_event_id(document.id, expression.start, value),
        start=expression.interval.start, end=expression.interval.end, value=value,
        granularity=expression.granularity or Granularity.DAY, type=kind,
        modifier=expression.modifier, title=_title(clause_text, display_text(expression.text)),
        text=clause_text, reported_speech=reported, sources=[source],
    )
