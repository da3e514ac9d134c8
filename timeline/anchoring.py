"""Document → Segments, each with the reference time its text is read against.

The document's own anchor comes from an ordered cascade, most trustworthy first, and records which
strategy won: sidecar or record fields, front matter, HTML metadata, then a dateline or byline in the
text, then ``--published``, then the retrieval time (metadata, ``--retrieved``, and the file's time only
when the user opts in). Scraped threads are cut into posts and search-result lists into results, each
anchored at its own timestamp. Lines that only say when something was written (bylines, datelines,
post headers, "edited" lines, a snippet's date prefix) become header segments, which yield no events;
boilerplate lines ("© 2019 Example Media", "Established 1885") belong to no segment at all.

Calendar arithmetic stays in the tagger: a timestamp is parsed here only far enough to rewrite it as a
phrase the tagger reads ("5h" → "5 hours ago"), then resolved by the tagger against the retrieval time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache

from .models import (Anchor, AnchorSource, Document, DocumentAnchors, Granularity, Segment, SegmentKind,
                     TimeExpression, TimexType)
from .settings import Settings
from .text import clip, shorten
from .temporal import AnchoredSpan, tag

_METADATA_SOURCES = (AnchorSource.SIDECAR, AnchorSource.RECORD, AnchorSource.FRONT_MATTER, AnchorSource.HTML_META)

# ---------------------------------------------------------------- timestamps as sites print them

_UNIT_ALIASES = {
    "second": ("s", "sec", "secs", "second", "seconds"),
    "minute": ("m", "min", "mins", "minute", "minutes"),
    "hour": ("h", "hr", "hrs", "hour", "hours"),
    "day": ("d", "day", "days"),
    "week": ("w", "wk", "wks", "week", "weeks"),
    "month": ("mo", "mos", "mth", "mths", "month", "months"),
    "year": ("y", "yr", "yrs", "year", "years"),
}
_UNIT = {alias: unit for unit, aliases in _UNIT_ALIASES.items() for alias in aliases}
_UNIT_PATTERN = "|".join(sorted(_UNIT, key=len, reverse=True))
_AMOUNT = r"(?:\d+|an?|one)"
# "29 days ago", "5 yr. ago", "an hour ago", "just now": a relative stamp that says it is one.
RELATIVE_STAMP = rf"(?i:{_AMOUNT}[ \t]*(?:{_UNIT_PATTERN})\b\.?[ \t]+ago|just[ \t]+now)"
# "5h", "2d", "3mo": only where a header's layout makes it a stamp (after "u/name ·").
COMPACT_STAMP = rf"(?i:\d+[ \t]?(?:{_UNIT_PATTERN})\b\.?(?:[ \t]+ago)?)"
_STAMP_PARTS = re.compile(rf"^(?P<amount>{_AMOUNT})[ \t]*(?P<unit>{_UNIT_PATTERN})\.?(?:[ \t]+ago)?$", re.IGNORECASE)
_SHORT_DATE = (r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+\d{4}"
               r"|\d{4}-\d{2}-\d{2})")
_EXACT_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_YEAR = re.compile(r"\b\d{4}\b")
_AGE_WORDS = re.compile(r"\b(?:ago|yesterday|today|now)\b", re.IGNORECASE)
_DAY_OR_FINER = (Granularity.DAY, Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE)


def normalised_stamp(stamp: str) -> str:
    """A site's timestamp as a phrase the tagger reads: "5h" → "5 hours ago", "5 yr. ago" → "5 years ago".

    A site's stamp is an age, not a calendar unit: "2 weeks ago" is at least fourteen days, so weeks become
    days, and years become months ("5 yr. ago" → "60 months ago": May 2018 rather than all of 2018). Anything
    that is not an amount and a unit (an absolute date, "yesterday at 3:14 PM") is left as it is.
    """
    match = _STAMP_PARTS.match(stamp.strip())
    if not match:
        return stamp
    amount = 1 if match.group("amount").isalpha() else int(match.group("amount"))
    unit = _UNIT[match.group("unit").lower()]
    if unit == "week":
        amount, unit = amount * 7, "day"
    elif unit == "year":
        amount, unit = amount * 12, "month"
    return f"{amount} {unit}{'' if amount == 1 else 's'} ago"


@dataclass(frozen=True, slots=True)
class StampTime:
    """What a timestamp resolved to: the moment, how to show it, and how it used the reference (if at all)."""

    moment: datetime
    shown: str
    relative: bool
    age: bool = False
    to_the_day: bool = True

    def reckoned(self, reference: Anchor | None) -> str:
        """", counted from retrieved 2023-01-10 (sidecar)" when the reference was used, else ""."""
        if not self.relative or reference is None:
            return ""
        # an age counts back from the reference; a date without a year only takes its year from it
        return f", {'counted from' if self.age else 'read against'} {reference.description}"


def _shown(expression: TimeExpression) -> str:
    if expression.granularity in (Granularity.DAY, Granularity.REFERENCE) and expression.interval:
        return expression.interval.start.isoformat()
    return expression.value or ""


def _moment(expression: TimeExpression) -> datetime:
    value = expression.value or ""
    if _EXACT_TIME.match(value):
        return datetime.fromisoformat(value[:16])
    return datetime.combine(expression.interval.start, datetime.min.time())  # type: ignore[union-attr]


_NUMERIC_DATE = re.compile(r"(?<!\d)(?P<first>0?[1-9]|1[0-2])(?P<sep>[/.-])(?P<second>0?[1-9]|1[0-2])(?P=sep)"
                           r"(?P<year>\d{4}|\d\d)(?!\d)")
_STAMP_GRACE = timedelta(days=1)
"""How far after the retrieval time a stamp may lie (time zones) before it is read another way."""


def resolve_stamp(stamp: str, reference: Anchor | None) -> StampTime | None:
    """The moment a timestamp names, resolved by the tagger against ``reference`` (None: absolute only).

    A numeric date that reads both ways ("11/03/2026") is read month first, unless that puts a post after the
    page was saved and day first does not: then the site writes the day first (11 March).
    """
    stated = _resolve_stamp(stamp, reference)
    swapped = _NUMERIC_DATE.search(stamp)
    if stated is None or reference is None or swapped is None:
        return stated
    latest = reference.time.replace(tzinfo=None) + _STAMP_GRACE  # stamps are read as wall time, as the anchor is
    if stated.moment <= latest:
        return stated
    other = _resolve_stamp(stamp[: swapped.start()] + f"{swapped['second']}{swapped['sep']}{swapped['first']}"
                           f"{swapped['sep']}{swapped['year']}" + stamp[swapped.end():], reference)
    return other if other is not None and other.moment <= latest else stated


def _resolve_stamp(stamp: str, reference: Anchor | None) -> StampTime | None:
    phrase = normalised_stamp(stamp)
    found = [e for e in tag(phrase, [AnchoredSpan(0, len(phrase), reference)])
             if e.interval and e.type in (TimexType.DATE, TimexType.TIME) and e.basis != "unanchored"
             and e.granularity not in (Granularity.DURATION, Granularity.SET)]
    if not found:
        return None
    first = found[0]
    # "January 8, 2023 at 2:14 pm": the clock time on the same day is the finer reading
    finer = next((e for e in found[1:] if e.type == TimexType.TIME and e.interval == first.interval
                  and _EXACT_TIME.match(e.value or "")), None)
    day = next((e for e in found[1:] if e.type == TimexType.DATE and e.granularity == Granularity.DAY), None)
    if finer is None and day is not None and first.type == TimexType.TIME and _EXACT_TIME.match(first.value or ""):
        # "09:12 16th Mar 2022", "2:40 pm on 18 Mar 2022": the clock comes first and is read on the date after it
        moment = datetime.combine(day.interval.start, _moment(first).time())  # type: ignore[union-attr]
        return StampTime(moment=moment, shown=_show_time(moment), relative=day.basis == "anchor",
                         age=bool(_AGE_WORDS.search(phrase)))
    chosen = finer or first
    return StampTime(moment=_moment(chosen), shown=_shown(chosen), relative=first.basis == "anchor",
                     age=bool(_AGE_WORDS.search(phrase)), to_the_day=chosen.granularity in _DAY_OR_FINER)


# ---------------------------------------------------------------- anchors and how they read

def _show_time(when: datetime) -> str:
    return when.date().isoformat() if when.time() == datetime.min.time() else when.isoformat(timespec="minutes")


def _describe(field: str, when: datetime, source: AnchorSource) -> str:
    return f"{field} {_show_time(when)} ({source.value.replace('_', ' ')})"


def _anchor(field: str, when: datetime, source: AnchorSource) -> Anchor:
    return Anchor(time=when, source=source, field=field, description=_describe(field, when, source))


@dataclass(frozen=True, slots=True)
class StampRole:
    """Whose time a stamp gives: a post's or a search result's."""

    whose: str
    source: AnchorSource
    field: str


POST = StampRole("the post's time", AnchorSource.POST_TIME, "post_time")
SNIPPET = StampRole("the snippet's date", AnchorSource.SNIPPET_DATE, "snippet_date")


def stamp_anchor(stamp: str, retrieval: Anchor | None, role: StampRole) -> Anchor | None:
    """A post's or snippet's own anchor from its timestamp; relative stamps count back from retrieval."""
    resolved = resolve_stamp(stamp, retrieval)
    if resolved is None:
        return None
    description = f'{role.whose} {resolved.shown} ("{stamp.strip()}"{resolved.reckoned(retrieval)})'
    return Anchor(time=resolved.moment, source=role.source, field=role.field, description=description)


# ---------------------------------------------------------------- datelines and bylines

_FRONT_LINES = 12
_BYLINE_CHARS = 100  # a byline is a line of its own; a longer line has running text after it
# A line of running text (not a headline, byline or site furniture): long, or a long sentence.
_PROSE = re.compile(r"^[^\n]{101,}$|^(?:\S+[ \t]+){11,}\S*[.!?][\"”’')]*[ \t]*$")
_PUBLISHED_LINE = re.compile(
    r"^[ \t]*(?:(?P<published>(?:first[ \t]+)?published|posted|written|filed)|"
    r"(?P<updated>(?:last[ \t]+)?(?:updated|modified)))\b(?:[ \t]+on)?[ \t]*:?[ \t]*(?P<rest>\S[^\n]*)$",
    re.IGNORECASE,
)
_AUTHOR_LINE = re.compile(r"^[ \t]*By[ \t]+[A-Z][^\n|·•,]{1,60}?[ \t]*[|·•,][ \t]*(?P<rest>\S[^\n]*)$")
# Used with match(text, position): no "^", which would only match at the start of the whole text.
_DATELINE_HEAD = re.compile(
    r"[ \t]*[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+){0,3}(?:,[ \t]+[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+)?)?"
    r"(?:[ \t]*\([A-Za-z .&]{1,24}\))?[ \t]*(?:[,:]|[—–]|--?)[ \t]*"
)
# a press release's place in title case ("Brisbane, 4 October 2024"): a comma before the date, and the date
# must end the line or a dash must follow it
_PLACE_HEAD = re.compile(
    r"[ \t]*[A-Z][a-z'’.\-]+(?:[ \t]+[A-Z][A-Za-z'’.\-]+){0,3}(?:,[ \t]+[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+)?)?"
    r"[ \t]*,[ \t]*"
)
# a date-first dateline ("Mar 2, 2023 — …") opens with a full date, perhaps after a weekday
_DATE_FIRST_HEAD = re.compile(rf"[ \t]*(?=(?:[A-Z][a-z]+,?[ \t]+)?{_SHORT_DATE})")
# after the date, a wire's name in brackets or slashes ("(GLOBE NEWSWIRE)", "/PRNewswire/"), then a dash
_DATELINE_TAIL = re.compile(r"[ \t]*(?:\([A-Za-z .&]{1,24}\)|/[A-Za-z][A-Za-z .&-]{1,30}/)?[ \t]*(?:[—–]|--?)[ \t]*|[ \t]*$")


@dataclass(frozen=True, slots=True)
class FrontLine:
    """A dateline or byline near the top of a document: the span it covers and the time it states."""

    start: int
    end: int
    kind: str  # "published", "dateline" or "updated"
    quote: str
    anchor: Anchor | None


Front = tuple[FrontLine, ...]


def _lines(text: str, start: int, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each line in text[start:end], without its newline."""
    end = len(text) if end is None else end
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline == -1 else newline
        yield position, line_end
        position = line_end + 1


def _text_anchor(kind: str, stated: StampTime, quote: str, reference: Anchor | None) -> Anchor:
    """The anchor a dateline or byline gives, quoting the line it came from."""
    source = AnchorSource.DATELINE if kind == "dateline" else AnchorSource.BYLINE
    field = "updated" if kind == "updated" else "published"
    return Anchor(time=stated.moment, source=source, field=field,
                  description=f'{field} {stated.shown} ({source.value} "{quote}"{stated.reckoned(reference)})')


def _byline(text: str, start: int, end: int, reference: Anchor | None,
            year_reference: Anchor | None = None) -> FrontLine | None:
    """"Published: 14 May 2021, 08:30", "Updated 3 hours ago", "By Jane Doe · 8 March 2023"."""
    line = text[start:end]
    match = (_PUBLISHED_LINE.match(line) or _AUTHOR_LINE.match(line)) if len(line.strip()) <= _BYLINE_CHARS else None
    if not match:
        return None
    stated = resolve_stamp(match.group("rest"), reference)
    if stated is None and year_reference is not None:
        # "Published: March 14": a day without its year takes the year of another known time, but an age
        # ("Updated 3 hours ago") counts only from when the page was saved
        stated = resolve_stamp(match.group("rest"), year_reference)
        if stated is not None and stated.age:
            return None
        reference = year_reference
    if stated is None or not stated.to_the_day:  # "By Jo Bloggs, who worked there from 1999-2008"
        return None
    kind = "updated" if match.groupdict().get("updated") else "published"
    quote = line.strip()
    return FrontLine(start, end, kind, quote, _text_anchor(kind, stated, quote, reference))


def _date_head(text: str, position: int, end: int, reference: Anchor | None) -> tuple[StampTime, int] | None:
    """A date that starts exactly at ``position`` and the offset just past it."""
    window = text[position:min(end, position + 60)]
    found = [e for e in tag(window, [AnchoredSpan(0, len(window), reference)])
             if e.interval and e.type == TimexType.DATE and e.basis != "unanchored"]
    if not found or found[0].start != 0 or found[0].granularity != Granularity.DAY:
        return None
    stated = resolve_stamp(found[0].text, reference)
    return (stated, position + found[0].end) if stated else None


def _dateline(text: str, start: int, end: int, reference: Anchor | None) -> FrontLine | None:
    """"NAIROBI, 9 June 2020 —", "WASHINGTON (AP) — Oct. 3, 2023", "LONDON, Oct 3 (Reuters) -", and
    "Brisbane, 4 October 2024" on a line of its own."""
    for head in (_DATELINE_HEAD, _PLACE_HEAD, _DATE_FIRST_HEAD):
        match = head.match(text, start, end)
        if not match:
            continue
        dated = _date_head(text, match.end(), end, reference)
        if dated is None:
            continue
        stated, date_end = dated
        tail = _DATELINE_TAIL.match(text, date_end, end)
        if tail is None or (head is _DATE_FIRST_HEAD and tail.end() != end and not tail.group().strip()):
            continue  # a date that opens an ordinary sentence is not a dateline
        quote = text[start:tail.end()].strip()
        return FrontLine(start, tail.end(), "dateline", quote, _text_anchor("dateline", stated, quote, reference))
    return None


def _dated_line(text: str, start: int, end: int) -> FrontLine | None:
    """A line that is nothing but a full date ("Tuesday 9 June 2020"), as under a headline."""
    line = text[start:end].strip()
    if not line or len(line) > 48 or not _YEAR.search(line):
        return None
    found = [e for e in tag(line) if e.basis == "absolute" and e.interval and e.type in (TimexType.DATE,
                                                                                          TimexType.TIME)]
    covered = sum(len(e.text) for e in found)
    if not found or found[0].granularity != Granularity.DAY or covered < len(line) - 6:
        return None
    stated = resolve_stamp(line, None)
    return FrontLine(start, end, "published", line, _text_anchor("published", stated, line, None)) if stated else None


@lru_cache(maxsize=8)  # segment() and describe() both ask, for the same document
def front_lines(document: Document, reference: Anchor | None, year_reference: Anchor | None = None) -> Front:
    """Datelines and bylines among the first lines of the body, up to the first line of prose; a date in them
    without its year ("LINDMARK, March 14 (Reuters) -") takes it from ``reference`` (when the page was saved),
    else from ``year_reference`` (the date its path files it under, the --published flag)."""
    text = document.text
    found: list[FrontLine] = []
    seen = 0
    for start, end in _lines(text, document.body_start):
        if not text[start:end].strip():
            continue
        seen += 1
        line = _byline(text, start, end, reference, year_reference) \
            or _dateline(text, start, end, reference or year_reference) or _dated_line(text, start, end)
        if line is not None:
            found.append(line)
        if seen >= _FRONT_LINES or _PROSE.match(text[start:end]):
            break  # a dateline opens the first paragraph; a byline never follows it
    return tuple(found)


def _front_anchor(lines: Front) -> Anchor | None:
    """When the text was written: a "Published" line or a dateline, else an "Updated" line."""
    for kinds in (("published", "dateline"), ("updated",)):
        for line in lines:
            if line.kind in kinds and line.anchor is not None:
                return line.anchor
    return None


# ---------------------------------------------------------------- the document's own anchor

Strategy = Callable[[Document, Settings, Front], Anchor | None]


def _from_metadata_published(document: Document, settings: Settings, front: Front) -> Anchor | None:
    if document.published and document.published_from in _METADATA_SOURCES:
        return _anchor("published", document.published, document.published_from)
    return None


def _from_text_dateline(document: Document, settings: Settings, front: Front) -> Anchor | None:
    return _front_anchor(front)


# "archive/2009-04-27/story.txt", "2024-10-23_statement.md", "news/2010/06/01/spill.html": the day the
# collector filed the document under (the last such date among its name and the three folders above it;
# a dated folder further up, "~/2024-05-01-project/...", says nothing about one file).
_PATH_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-_.])(?P<month>[01]\d)(?P=sep)(?P<day>[0-3]\d)(?!\d)"
                        r"|(?:^|/)(?P<year_dir>(?:19|20)\d\d)/(?P<month_dir>[01]\d)/(?P<day_dir>[0-3]\d)(?=/)")


def path_date(path: str | None) -> datetime | None:
    """The date a file's path files it under, or None: a folder or file name that is an ISO date, or
    year/month/day folders."""
    if not path:
        return None
    found = None
    near = "/" + "/".join(path.replace("\\", "/").split("/")[-4:])
    for match in _PATH_DATE.finditer(near):
        year = match.group("year") or match.group("year_dir")
        month = match.group("month") or match.group("month_dir")
        day = match.group("day") or match.group("day_dir")
        try:
            found = datetime(int(year), int(month), int(day))
        except ValueError:
            continue
    return found


def _from_path_date(document: Document, settings: Settings, front: Front) -> Anchor | None:
    when = path_date(document.path)
    return _anchor("published", when, AnchorSource.FILE_PATH) if when else None


def _from_command_line_published(document: Document, settings: Settings, front: Front) -> Anchor | None:
    return _anchor("published", settings.published, AnchorSource.COMMAND_LINE) if settings.published else None


def _from_retrieved(document: Document, settings: Settings, front: Front) -> Anchor | None:
    return retrieval_anchor(document, settings)


DOCUMENT_ANCHOR_CASCADE: tuple[Strategy, ...] = (
    _from_metadata_published,
    _from_text_dateline,
    _from_path_date,
    _from_command_line_published,
    _from_retrieved,
)


def _document_anchor(document: Document, settings: Settings, front: Front) -> Anchor | None:
    for strategy in DOCUMENT_ANCHOR_CASCADE:
        anchor = strategy(document, settings, front)
        if anchor is not None:
            return anchor
    return None


def document_anchor(document: Document, settings: Settings) -> Anchor | None:
    """The reference time for a document's own text: the first strategy of the cascade that knows one."""
    return _document_anchor(document, settings, _front(document, retrieval_anchor(document, settings),
                                                       settings=settings))


def retrieval_anchor(document: Document, settings: Settings) -> Anchor | None:
    """When the document was saved: its metadata, else the command line, else (if asked) the file's time."""
    if document.retrieved and document.retrieved_from:
        return _anchor("retrieved", document.retrieved, document.retrieved_from)
    if settings.retrieved:
        return _anchor("retrieved", settings.retrieved, AnchorSource.COMMAND_LINE)
    if settings.file_times and document.modified:
        return Anchor(time=document.modified, source=AnchorSource.FILE_TIME, field="retrieved",
                      description=f"retrieved {_show_time(document.modified)} (the file's modification time)")
    return None


# ---------------------------------------------------------------- thread headers

@dataclass(frozen=True, slots=True)
class Header:
    """A post header (or an "edited" line) and the timestamp it carries."""

    start: int
    end: int
    stamp: str
    edit: bool = False


# Lemmy and Reddit's 2018-2022 layout stack the header over several short lines, the last one the time.
_STAMP_LINE = re.compile(rf"^[ \t]*(?:[·•|][ \t]*)?(?P<stamp>{RELATIVE_STAMP})[ \t]*$", re.MULTILINE)
_STACK_OPENER = re.compile(r"^[ \t]*(?:[•*][ \t]+\S|\S*@\S+[ \t]*$|u/\S|r/\S|level[ \t]+\d+[ \t]*$|Posted[ \t]+by\b)",
                           re.IGNORECASE)
_STACK_LOOKBACK_LINES = 14
_HN_ABSOLUTE = r"on[ \t]+[A-Z][a-z]{2}[ \t]+\d{1,2},[ \t]+\d{4}"
_HN_LINKS = r"(?:parent|next|prev|root|context|flag|on:|favorite|unvote|undown|vouch|hide|past)"

# One-line headers, one pattern per site; each names the stamp it carries.
LINE_HEADERS: dict[str, re.Pattern[str]] = {
    # old Reddit: "[–]pipefitter_dan 112 points 8 hours ago" (and "[S]", flair, "* (last edited …)")
    "reddit_old_comment": re.compile(
        rf"^[ \t]*\[[–+\-]\][ \t]*\S+[^\n]*?(?:-?\d[\d,]*[ \t]+points?|score[ \t]+hidden)[ \t]+"
        rf"(?P<stamp>{RELATIVE_STAMP})[^\n]*$"),
    # old Reddit: "submitted 9 hours ago by civic_minded_42"
    "reddit_old_post": re.compile(rf"^[ \t]*submitted[ \t]+(?P<stamp>{RELATIVE_STAMP})[ \t]+by[ \t]+\S+[^\n]*$"),
    # Reddit: "u/tidewatcher · 1d", "ferry_commuter • 5h ago", "Posted by u/grain_silo_fan 5 yr. ago"
    "reddit_compact": re.compile(
        rf"^[ \t]*(?:r/\S+[ \t]*[·•][ \t]*)?(?:Posted[ \t]+by[ \t]+)?(?:u/[\w-]{{3,20}}(?:[ \t]+OP)?[ \t]*[·•]?|"
        rf"[\w-]{{3,20}}(?:[ \t]+OP)?[ \t]*[·•])[ \t]*(?P<stamp>{RELATIVE_STAMP}|{COMPACT_STAMP})"
        rf"(?:[ \t]*[·•][ \t]*(?i:edited)\b[^\n]*)?[ \t]*$"),
    # Hacker News: "87 points by bob_ops 2 days ago | hide | past | favorite | 42 comments"
    "hacker_news_story": re.compile(
        rf"^[ \t]*\d+[ \t]+points?[ \t]+by[ \t]+\S+[ \t]+(?P<stamp>{RELATIVE_STAMP}|{_HN_ABSOLUTE})[ \t]*\|[^\n]*$"),
    # Hacker News: "alice_k 6 hours ago | parent | next [–]", "dang on Jun 12, 2023 | prev [–]"
    "hacker_news_comment": re.compile(
        rf"^[ \t]*[\w-]{{2,15}}[ \t]+(?P<stamp>{RELATIVE_STAMP}|{_HN_ABSOLUTE})[ \t]*"
        rf"(?:\|[ \t]*{_HN_LINKS}\b[^\n]*|\[[–\-]\])[ \t]*$"),
    # YouTube, Lemmy and bare comment lists: "@carol_k 5 hours ago", "civicwatch@lemmy.world 4 days ago",
    # "carol 5h ago (edited)": a line of only a handle
    # and a relative stamp. Words that open an article's own stamp ("Updated 5 hours ago") are no handle.
    "handle_and_age": re.compile(
        rf"^[ \t]*(?!(?i:updated|published|posted|edited|modified|submitted|added|created|uploaded|streamed|"
        rf"premiered|live|last|about)\b)@?[\w.-]{{2,30}}(?:@[\w.-]{{2,40}})?[ \t]+(?P<stamp>{RELATIVE_STAMP})"
        rf"(?:[ \t]*\((?i:edited)\))?[ \t]*$"),
    # X (Twitter), Bluesky, Mastodon: "@weatherwatch · 3h", "NWS Dallas @NWSFortWorth · Mar 9",
    # "Kelly R. @kellyr · Mar 9, 2024": a handle, a middle dot and the post's age or day.
    "handle_dot_stamp": re.compile(
        rf"^[ \t]*(?:[^\n@·•]{{1,50}}?[ \t]+)?@[\w.-]{{1,30}}(?:@[\w.-]{{2,40}})?[ \t]*[·•][ \t]*"
        rf"(?P<stamp>{RELATIVE_STAMP}|{COMPACT_STAMP}|[A-Z][a-z]{{2}}[ \t]+\d{{1,2}}(?:,[ \t]+\d{{4}})?)[ \t]*$"),
    # forums and blogs: "Posted on 3 April 2022 at 09:14 by Maureen_G", "Posted by hedgehog on April 9, 2022",
    # "« Reply #3 on: January 8, 2023, 02:14:09 PM »"
    "posted_on": re.compile(
        r"^[ \t]*«?[ \t]*(?:Posted|Submitted|Commented|Replied|Reply\b[^\n]{0,8}?)(?:[ \t]+by[ \t]+[^\n]{1,40}?)?"
        r"[ \t]+(?:on|at)\b:?[ \t]+(?P<stamp>[^\n]{6,50}?)(?:[ \t]+by[ \t]+[^\n]{1,40})?[ \t]*»?[ \t]*$"),
}
# Facebook: the poster's name on a line, then a line with only the time: "Maria Lopez" over "Yesterday at 5:42 PM",
# "March 9 at 8:15 AM", "2d" or "3 hrs". Only a page with two such headers is read as a thread.
_NAME_OVER_STAMP = re.compile(
    rf"^[ \t]*[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){{0,3}}[ \t]*\n[ \t]*(?P<stamp>(?:Yesterday|Today|"
    rf"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[A-Z][a-z]{{2,8}}[ \t]+\d{{1,2}}(?:,[ \t]+\d{{4}})?)[ \t]+at[ \t]+"
    rf"\d{{1,2}}:\d{{2}}[ \t]*[AaPp]\.?[Mm]\.?|{COMPACT_STAMP}|{RELATIVE_STAMP}|Just[ \t]+now)[ \t]*$", re.MULTILINE)
_THREAD_HEADERS_AT_LEAST = 2
# WordPress-style comments: "Margaret Hale says:" over "January 8, 2023 at 2:14 pm".
_SAYS_HEADER = re.compile(
    r"^[ \t]*[^\n]{2,40}?[ \t]+(?:says|said|wrote):[ \t]*\n[ \t]*(?P<stamp>[^\n]{6,40}?)[ \t]*$", re.MULTILINE)
# Comment pages that put the header in front of the comment on its line: "At 2:10 pm on 02 Jun 2009,
# ghostofsichuan wrote: As much as ...", "At 18:20 29th Apr 2009, vampfan wrote:" (BBC Have Your Say): a stamp
# with its year and a one-word handle, so that "At 10 am on Monday, the mayor wrote: ..." stays article text.
_WROTE_HEADER = re.compile(
    r"^[ \t]*At[ \t]+(?P<stamp>[^\n,]{2,30}?\b(?:19|20)\d\d)[ \t]*,[ \t]*\S{1,40}[ \t]+wrote[ \t]*:[ \t]*", re.MULTILINE)
# "edited 2 hours ago", "Last edited: 10 April 2022", "· Edited 5 yr. ago": when the text changed, not a post.
_EDIT_LINE = re.compile(
    r"^[ \t]*[(·•*]?[ \t]*(?:last[ \t]+)?edited\b:?[ \t]+(?P<stamp>[^\n]{3,60}?)[ \t]*\)?[ \t]*$",
    re.MULTILINE | re.IGNORECASE)
_EDITED = re.compile("edited", re.IGNORECASE)
_RELATIVE_ONLY = re.compile(rf"^(?:{RELATIVE_STAMP}|{COMPACT_STAMP})$")


def _is_stamp(stamp: str, retrieval: Anchor | None) -> bool:
    """True when the words are a timestamp: relative (resolvable or not) or a date the tagger reads."""
    return bool(_RELATIVE_ONLY.match(stamp.strip())) or resolve_stamp(stamp, retrieval) is not None


def _stack_start(text: str, stamp_line_start: int, floor: int) -> int | None:
    """Where a stacked header that ends in a timestamp line begins, or None when no user line opens it."""
    line_start = stamp_line_start
    for _ in range(_STACK_LOOKBACK_LINES):
        if line_start <= floor:
            break
        previous = max(text.rfind("\n", floor, line_start - 1) + 1, floor)
        line = text[previous:line_start].rstrip("\n")
        if not line.strip():
            break
        line_start = previous
        if _STACK_OPENER.match(line):
            return previous
    return None


def stacked_headers(text: str, start: int, retrieval: Anchor | None) -> list[Header]:
    """Lemmy, Reddit 2018-2022: a user line, link and vote lines, then a line with only the time."""
    headers = []
    floor = start
    for match in _STAMP_LINE.finditer(text, start):
        opener = _stack_start(text, match.start(), floor)
        if opener is not None:
            headers.append(Header(opener, match.end(), match.group("stamp")))
            floor = match.end()
    return headers


def line_headers(text: str, start: int, retrieval: Anchor | None) -> list[Header]:
    """One-line headers of old Reddit, new Reddit, Hacker News and forums."""
    headers = []
    for line_start, line_end in _lines(text, start):
        line = text[line_start:line_end]
        if len(line) > 200 or not line.strip():
            continue
        for pattern in LINE_HEADERS.values():
            match = pattern.match(line)
            if match and _is_stamp(match.group("stamp"), retrieval):
                headers.append(Header(line_start, line_end, match.group("stamp")))
                break
    return headers


def name_over_stamp_headers(text: str, start: int, retrieval: Anchor | None) -> list[Header]:
    """Facebook comments: the poster's name over a line with the time, two or more of them on the page."""
    headers = [Header(m.start(), m.end(), m.group("stamp")) for m in _NAME_OVER_STAMP.finditer(text, start)
               if _is_stamp(m.group("stamp"), retrieval)]
    return headers if len(headers) >= _THREAD_HEADERS_AT_LEAST else []


def says_headers(text: str, start: int, retrieval: Anchor | None) -> list[Header]:
    """Blog comments: "NAME says:" over a line with the date."""
    if "says:" not in text and "said:" not in text and "wrote:" not in text:
        return []  # (a whole text is searched for the words faster than the pattern scans it)
    return [Header(m.start(), m.end(), m.group("stamp")) for m in _SAYS_HEADER.finditer(text, start)
            if resolve_stamp(m.group("stamp"), retrieval) is not None]


def wrote_headers(text: str, start: int, retrieval: Anchor | None) -> list[Header]:
    """Comments whose header opens their first line: "At 2:10 pm on 02 Jun 2009, NAME wrote: ..."."""
    if "wrote" not in text:
        return []
    return [Header(m.start(), m.end(), m.group("stamp")) for m in _WROTE_HEADER.finditer(text, start)
            if resolve_stamp(m.group("stamp"), retrieval) is not None]


def edit_lines(text: str, start: int, retrieval: Anchor | None) -> list[Header]:
    """ "edited 2 hours ago" lines: header material inside a post, never a post of their own."""
    if not _EDITED.search(text, start):
        return []
    return [Header(m.start(), m.end(), m.group("stamp"), edit=True) for m in _EDIT_LINE.finditer(text, start)
            if _is_stamp(m.group("stamp"), retrieval)]


HEADER_FINDERS: tuple[Callable[[str, int, Anchor | None], list[Header]], ...] = (
    stacked_headers, line_headers, name_over_stamp_headers, says_headers, wrote_headers, edit_lines,
)


@lru_cache(maxsize=8)  # _front and _regions both ask, for the same document
def _all_thread_headers(document: Document, retrieval: Anchor | None) -> tuple[Header, ...]:
    """Every header any finder sees in the body, overlaps included, by start (then the longer first)."""
    found = [h for finder in HEADER_FINDERS for h in finder(document.text, document.body_start, retrieval)]
    return tuple(sorted(found, key=lambda h: (h.start, -h.end)))


def thread_headers(document: Document, retrieval: Anchor | None, taken: list[tuple[int, int]]) -> list[Header]:
    """Every header in the body, in order; where two overlap the earlier (then the longer) wins."""
    headers: list[Header] = []
    for header in _all_thread_headers(document, retrieval):
        if any(header.start < end and start < header.end for start, end in taken):
            continue
        headers.append(header)
        taken = [*taken, (header.start, header.end)]
    return headers


# ---------------------------------------------------------------- search-result lists

_SNIPPET_PREFIX = re.compile(rf"^[ \t]*(?P<stamp>{RELATIVE_STAMP}|{_SHORT_DATE})[ \t]+[—–·\-][ \t]+(?=\S)",
                             re.MULTILINE)
_BREADCRUMB = re.compile(r"^[ \t]*\S+[ \t]+›[ \t]", re.MULTILINE)
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)[ \t]*$")


def snippet_prefixes(document: Document) -> list[re.Match[str]]:
    """Date prefixes of a search-result list, or [] when the document is not one.

    A chronology in an article also opens lines with dates, so a list counts as search results only with
    two or more prefixed lines and a sign of a results page: an age ("5 days ago —"), snippets cut with an
    ellipsis, or breadcrumb address lines ("example.com › news").
    """
    text = document.text
    prefixes = list(_SNIPPET_PREFIX.finditer(text, document.body_start))
    if len(prefixes) < 2:
        return []
    relative = any(re.fullmatch(RELATIVE_STAMP, p.group("stamp")) for p in prefixes)
    cut = sum(1 for p in prefixes if _ELLIPSIS_END.search(text, p.end(), _line_end(text, p.end())))
    if relative or cut * 2 >= len(prefixes) or _BREADCRUMB.search(text, document.body_start):
        return prefixes
    return []


def _line_end(text: str, position: int) -> int:
    newline = text.find("\n", position)
    return len(text) if newline == -1 else newline


def _result_blocks(text: str, start: int) -> list[tuple[int, int]]:
    """One block per result: paragraphs when results are separated by blank lines, else lines."""
    if re.search(r"\n[ \t]*\n", text[start:]):
        blocks, position = [], start
        for gap in re.finditer(r"\n(?:[ \t]*\n)+", text[start:]):
            blocks.append((position, start + gap.start()))
            position = start + gap.end()
        blocks.append((position, len(text)))
        return [b for b in blocks if text[b[0]:b[1]].strip()]
    return [(s, e) for s, e in _lines(text, start) if text[s:e].strip()]


# ---------------------------------------------------------------- boilerplate

# "© 2019 Example Media", "Copyright 2019", "(c) 2019", "All rights reserved"
_COPYRIGHT = re.compile(r"©|\(c\)[ \t]*\d{4}|\bcopyright[ \t]*(?:©[ \t]*)?\d{4}|\ball rights reserved\b",
                        re.IGNORECASE)
# "Established 1885", "Est. 1885", "Company founded in 1885": the year closes the line or a part of it
_FOUNDING_TAGLINE = re.compile(r"\b(?:established|est\.|founded)[ \t]+(?:in[ \t]+)?\d{4}[ \t]*(?:[.·•|,;]|$)|"
                               r"^[ \t]*since[ \t]+\d{4}[ \t]*$", re.IGNORECASE)
# a sentence about a founding ("The firm was founded in 1885.") is news, not furniture
_FINITE_VERB = re.compile(r"\b(?:was|were|is|are|has|have|had|been|will)\b", re.IGNORECASE)


_SENTENCE_GOES_ON = 2
"""Words after a founding phrase, the first in lower case, that make its line a sentence of news (", moved its
headquarters in 2002."), not a tagline."""
_BOILERPLATE_WORDS = ("©", "(c)", "copyright", "all rights reserved", "established", "est.", "founded")
"""The words _COPYRIGHT and _FOUNDING_TAGLINE look for, but for a line that is only "since 1885"."""


def _may_hold_boilerplate(text: str) -> bool:
    """Whether any line may be boilerplate: the words _is_boilerplate looks for, searched in the whole text at
    once; a line that opens with "since" is read whole."""
    lowered = text.lower()
    if any(word in lowered for word in _BOILERPLATE_WORDS):
        return True
    at = lowered.find("since")
    while at >= 0:
        line_start, line_end = lowered.rfind("\n", 0, at) + 1, lowered.find("\n", at)
        if _is_boilerplate(text[line_start : line_end if line_end >= 0 else len(text)]):
            return True
        at = lowered.find("since", at + 5)
    return False


def _is_boilerplate(line: str) -> bool:
    """A copyright notice, or a short tagline naming a founding year."""
    stripped = line.strip()
    if not stripped or len(stripped) > 200:
        return False
    if _COPYRIGHT.search(stripped) and re.search(r"\b\d{4}\b", stripped):
        return True
    founding = _FOUNDING_TAGLINE.search(stripped) if len(stripped) <= 80 else None
    # "The company, founded in 1985, moved its headquarters in 2002.": the founding is an aside of a sentence
    # that goes on; a tagline ends with it ("A family bakery in old Leeds, founded in 1885.") or its next part
    # starts anew ("Established 1885 · Leeds, England")
    rest = stripped[founding.end():].split() if founding is not None else []
    goes_on = len(rest) >= _SENTENCE_GOES_ON and rest[0][:1].islower()  # "Est. 1885 · Leeds, England" stops
    return founding is not None and not _FINITE_VERB.search(stripped) and not goes_on


# A press release's or a blog's closing matter, on a line of its own: "About Veltra Energy", "About the Varnholt
# Water Authority", "About the author", "Forward-looking statements", "Media contact:", "###". What follows
# describes the issuer, not the news.
_TRAILER_HEADING = re.compile(r"[ \t]*(?:About[ \t]+(?:the[ \t]+author|(?:the[ \t]+)?[A-Z][\w&.'’-]*"
                              r"(?:[ \t]+[\w&.'’-]+){0,6})|"
                              r"(?i:forward[- ]looking[ \t]+statements?|(?:media|press|investor)[ \t]+contacts?:?|"
                              r"contacts?:|for[ \t]+more[ \t]+information:?)|#{3})(?<![.!?])[ \t]*$")
_TRAILER_FROM = 1 / 3  # only past the first third of the body: an early "About ..." line is a heading of the story


def _trailer_start(document: Document) -> int | None:
    """Where a press release's closing matter begins, if it has one."""
    text, body = document.text, document.body_start
    earliest = body + int((len(text) - body) * _TRAILER_FROM)
    for start, end in _lines(text, earliest):
        # a heading of its own: a blank line before it and a line after it, not a wrapped line of a paragraph
        blank_before = start > earliest and re.search(r"\n[ \t]*\n[ \t]*$", text[max(0, start - 80):start])
        if blank_before and end < len(text) and _TRAILER_HEADING.fullmatch(text, start, end):
            return start
    return None


def boilerplate_lines(document: Document) -> list[tuple[int, int]]:
    """Lines of site furniture whose years are not events, and a press release's closing matter."""
    lines = [(s, e) for s, e in _lines(document.text, document.body_start) if _is_boilerplate(document.text[s:e])] \
        if _may_hold_boilerplate(document.text[document.body_start:]) else []
    trailer = _trailer_start(document)
    if trailer is not None:
        lines = [(s, e) for s, e in lines if e <= trailer] + [(trailer, len(document.text))]
    return lines


# ---------------------------------------------------------------- segments

@dataclass(frozen=True, slots=True)
class _Region:
    start: int
    end: int
    kind: SegmentKind
    anchor: Anchor | None
    label: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None


def _without(region: _Region, holes: list[tuple[int, int]]) -> list[_Region]:
    """The parts of a region outside the holes."""
    parts, position = [], region.start
    for start, end in sorted(holes):
        if end <= position or start >= region.end:
            continue
        if start > position:
            parts.append(replace(region, start=position, end=start))
        position = max(position, end)
    if position < region.end:
        parts.append(replace(region, start=position))
    return parts


# A search result's address line: a URL, or the breadcrumb search pages show ("https://x.com › news › a").
_ADDRESS_LINE = re.compile(r"[ \t]*(?P<address>(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?(?:[ \t]+›[ \t]+[^\n›]+)*)"
                           r"[ \t]*")


def _address_url(address: str) -> str:
    """A breadcrumb ("https://x.com › news › a") as the URL it abbreviates."""
    url = "/".join(part for part in (part.strip() for part in address.split("›")) if part)
    return url if re.match(r"https?://", url) else f"https://{url}"


def _result_origin(text: str, start: int, end: int, prefix: re.Match[str] | None) -> dict[str, str | None]:
    """A result's own outlet, URL and title when an address line follows its first line ("Springfield
    Gazette / https://… › local / Boil-water notice lifted"); otherwise its first line, date prefix left
    out, is its title."""
    lines = text[start:end].split("\n")
    address = _ADDRESS_LINE.fullmatch(lines[1]) if len(lines) > 2 else None
    if address is None:
        own_start = prefix.end() if prefix is not None and prefix.start() == start else start
        first = text[own_start:_line_end(text, own_start)]
        origin = {"title": shorten(" ".join(first.split())) or None}
        crumb = _ADDRESS_LINE.fullmatch(first)  # "courier.example › 2026 › spillway": the result names its page
        return {**origin, "url": _address_url(crumb.group("address"))} if crumb else origin
    url = _address_url(address.group("address"))
    snippet_start = start + len(lines[0]) + len(lines[1]) + 2
    if prefix is not None and prefix.start() == snippet_start:
        # "Title - Outlet / address / date — snippet": the first line is the headline, its outlet after a dash
        title, outlet = _headline_and_outlet(lines[0].strip())
        return {"outlet": outlet or _domain(url), "url": url, "title": title or None}
    return {"outlet": lines[0].strip() or None, "url": url, "title": lines[2].strip() or None}


# the outlet a page title names last is a short name in title case ("La Dépêche Éco", "Midi Business"), not
# the rest of a headline ("Oil spill - what we know so far")
_OUTLET_AFTER = re.compile(r"^(?P<title>.{8,}?)[ \t]+(?:[-–—|·]|::)[ \t]+"
                           r"(?P<outlet>[A-Z0-9À-ÖØ-Þ][\w.'’&]*(?:[ \t]+(?:[A-Z0-9À-ÖØ-Þ][\w.'’&]*|of|the|and|&|de|du|la|le))"
                           r"{0,4})$")


def _headline_and_outlet(line: str) -> tuple[str, str | None]:
    """ "Council orders inquiry - La Dépêche" → the headline and the outlet its page title names last."""
    match = _OUTLET_AFTER.match(line)
    return (match.group("title").strip(), match.group("outlet").strip()) if match else (line, None)


def _domain(url: str) -> str | None:
    match = re.match(r"https?://(?:www\.)?(?P<host>[^/]+)", url)
    return match.group("host") if match else None


def _snippet_regions(document: Document, prefixes: list[re.Match[str]], anchor: Anchor | None,
                     retrieval: Anchor | None) -> list[_Region]:
    """One SNIPPET region per result, anchored at its own date prefix, else at the retrieval time."""
    text = document.text
    regions = []
    for start, end in _result_blocks(text, document.body_start):
        prefix = next((p for p in prefixes if start <= p.start() < end), None)
        label = clip(text[start:_line_end(text, start)])
        origin = _result_origin(text, start, end, prefix)
        if prefix is None:
            regions.append(_Region(start, end, SegmentKind.SNIPPET, retrieval or anchor, label, **origin))
            continue
        stamp = prefix.group("stamp")
        regions.append(_Region(prefix.start(), prefix.end(), SegmentKind.POST_HEADER, retrieval, stamp))
        regions.append(_Region(start, end, SegmentKind.SNIPPET, stamp_anchor(stamp, retrieval, SNIPPET), label,
                               **origin))
    return regions


def _thread_regions(document: Document, headers: list[Header], anchor: Anchor | None,
                    retrieval: Anchor | None) -> list[_Region]:
    """The article before the first post, then each post anchored at its own timestamp."""
    posts = [h for h in headers if not h.edit]
    regions = [_Region(document.body_start, posts[0].start if posts else len(document.text), SegmentKind.ARTICLE,
                       anchor)]
    for index, header in enumerate(posts):
        post_end = posts[index + 1].start if index + 1 < len(posts) else len(document.text)
        regions.append(_Region(header.start, header.end, SegmentKind.POST_HEADER, retrieval, header.stamp))
        regions.append(_Region(header.end, post_end, SegmentKind.POST, stamp_anchor(header.stamp, retrieval, POST),
                               header.stamp))
    regions += [_Region(h.start, h.end, SegmentKind.POST_HEADER, retrieval, f"edited {h.stamp}")
                for h in headers if h.edit]
    return regions


def _front(document: Document, retrieval: Anchor | None, prefixes: list[re.Match[str]] | None = None,
           settings: Settings | None = None) -> Front:
    # a result list has no dateline: its first result's date is that result's, not the list's
    if snippet_prefixes(document) if prefixes is None else prefixes:
        return ()
    year_reference = None
    if retrieval is None and settings is not None:
        year_reference = _from_path_date(document, settings, ()) or _from_command_line_published(document, settings, ())
    lines = front_lines(document, retrieval, year_reference)
    if len(lines) < _THREAD_HEADERS_AT_LEAST:
        return lines
    # A short thread's "Posted by NAME on DATE" lines can all fall among the first lines: they head posts of
    # their own, not more bylines. The first still dates the page (its post read as the article) unless another
    # line does ("By Jane Doe | March 3, 2026" above them).
    posts = [h for h in _all_thread_headers(document, retrieval) if not h.edit]
    heading = [line for line in lines if any(h.start < line.end and line.start < h.end for h in posts)]
    if len(heading) < _THREAD_HEADERS_AT_LEAST:
        return lines
    dated = any(line.anchor is not None for line in lines if line not in heading)
    return tuple(line for line in lines if line not in (heading if dated else heading[1:]))


def _regions(document: Document, settings: Settings) -> list[_Region]:
    """Every region of the document: article, posts, results, and the headers between them."""
    retrieval = retrieval_anchor(document, settings)
    prefixes = snippet_prefixes(document)
    front = _front(document, retrieval, prefixes, settings)
    anchor = _document_anchor(document, settings, front)
    if prefixes:
        return _snippet_regions(document, prefixes, anchor, retrieval)
    # a byline's "Updated 3 hours ago" counts from retrieval; without one, the document's anchor fills a year
    regions = [_Region(line.start, line.end, SegmentKind.POST_HEADER, retrieval or anchor, line.kind)
               for line in front]
    headers = thread_headers(document, retrieval, [(line.start, line.end) for line in front])
    return regions + [entry for region in _thread_regions(document, headers, anchor, retrieval)
                      for part in _update_sections(document, region) for entry in _live_entries(document, part)]


# A section a story or a note adds later, under a heading of its own that dates it: "## Update, March 3",
# "UPDATE (14 March 2025):", "**Updated 3 March**", or a heading that opens its line's text ("UPDATE, March 3: ...").
_UPDATE_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?(?i:update[d]?)(?:[ \t]*\d{1,2})?[ \t]*[,:(—–-]?[ \t]*"
    r"(?P<stamp>(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]{2,8}\.?)"
    r"(?:,?[ \t]+\d{4})?)[ \t]*\)?(?:[ \t]*:?[ \t]*(?:\*\*)?[ \t]*:?[ \t]*$"
    # ... or set off from the text that follows on its line: "**UPDATE (25 March 2026):** The terms ..."
    r"|[ \t]*(?::[ \t]*(?:\*\*)?|\*\*[ \t]*:|[—–])[ \t]*(?=\S))", re.MULTILINE)


def _update_anchor(match: re.Match[str], anchor: Anchor | None) -> Anchor | None:
    """The day an update heading names; without a year, the such day nearest the story's own: "Update, Jan. 5"
    on a story of 20 December is the next January's, "Update (March 9)" on one of 11 March two days before
    it (the story's date is the one in doubt), not a year on."""
    stated = resolve_stamp(match["stamp"], anchor)
    if stated is None or not stated.to_the_day:
        return None
    moment = stated.moment
    if stated.relative and anchor is not None and moment.date() < anchor.day:
        try:
            later = moment.replace(year=moment.year + 1)
        except ValueError:  # 29 February: the next year has none, so this year's is the one
            later = None
        if later is not None and (later.date() - anchor.day).days < (anchor.day - moment.date()).days:
            moment = later
    heading = match.group().strip()
    reckoned = f", the year from {anchor.description}" if stated.relative and anchor is not None else ""
    return Anchor(time=moment, source=AnchorSource.DATELINE, field="updated",
                  description=f'updated {moment.date().isoformat()} (heading "{heading}"{reckoned})')


def _update_sections(document: Document, region: _Region) -> list[_Region]:
    """An article region cut at its dated update headings: each section read against its own day."""
    if region.kind != SegmentKind.ARTICLE:
        return [region]
    parts, position, anchor = [], region.start, region.anchor
    for match in _UPDATE_HEADING.finditer(document.text, region.start, region.end):
        section_anchor = _update_anchor(match, region.anchor)
        if section_anchor is None:
            continue
        parts.append(replace(region, start=position, end=match.start(), anchor=anchor))
        parts.append(_Region(match.start(), match.end(), SegmentKind.POST_HEADER, section_anchor, "update"))
        position, anchor = match.end(), section_anchor
    parts.append(replace(region, start=position, anchor=anchor))
    return parts


# A live page's entries, each under its clock: a line that holds only the clock ("06:25 GMT") or opens with it
# ("06:25 - Police arrive"). A page that calls itself live ("LIVE:", "live blog", "latest updates") in its first
# lines is one with two such entries; otherwise two clock-only lines with text after each make one (a programme,
# "09:00 - Registration", is no live page: its clocks tell the day it names, not when it was written).
_LIVE_ENTRY = re.compile(r"^[ \t]*(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?:[ \t]*[A-Z]{2,4})?"
                         r"[ \t]*(?:(?P<alone>$)|(?:[:|–—]|-(?=[ \t]))[ \t]*(?=\S))", re.MULTILINE)
# "LIVE: ...", "Live – storm updates", "live blog", "live coverage", "latest updates"; not "residents who live near".
_LIVE_PAGE = re.compile(r"(?:^|\n)[ \t]*live\b[ \t]*[:|–—-]"
                        r"|\blive[ \t]+(?:blog|updates|coverage|report|reporting)\b|\blatest[ \t]+updates\b",
                        re.IGNORECASE)
_LIVE_SIGN_CHARS = 300
_LIVE_MIN_ENTRIES = 2


def _live_entries(document: Document, region: _Region) -> list[_Region]:
    """A live page's article cut at its entries' clocks, each entry read against its own time on the page's day.

    The page's anchor (its "Last updated" line, its publication) dates the latest entry; the entries before it
    lie on the same day unless their clocks turn back past midnight. Entries run oldest first or newest first."""
    if region.kind != SegmentKind.ARTICLE or region.anchor is None:
        return [region]
    entries = [m for m in _LIVE_ENTRY.finditer(document.text, region.start, region.end)
               if m.start() >= region.start and m.end() <= region.end]
    live = _LIVE_PAGE.search(document.text, document.body_start, document.body_start + _LIVE_SIGN_CHARS)
    alone = [m for m in entries if m.group("alone") is not None]
    if len(entries) < _LIVE_MIN_ENTRIES or not live and len(alone) < _LIVE_MIN_ENTRIES:
        return [region]
    if not live:
        entries = alone
    clocks = [int(m["hour"]) * 60 + int(m["minute"]) for m in entries]
    # Most live pages put the newest entry first; a page is read oldest first when its clocks mostly rise. A page
    # written at a known time of day has no entry after it: the order whose latest entry comes before it wins.
    rising = sum(a < b for a, b in zip(clocks, clocks[1:]))
    newest_first = rising <= len(clocks) - 1 - rising
    written = region.anchor.time.hour * 60 + region.anchor.time.minute
    if written:
        first_fits, last_fits = clocks[0] <= written, clocks[-1] <= written
        if first_fits != last_fits:
            newest_first = first_fits
    order = list(range(len(entries)))
    latest_first = order if newest_first else order[::-1]
    days, day, later = {}, region.anchor.day, None
    if written and clocks[latest_first[0]] > written:
        day -= timedelta(days=1)  # the latest entry's clock is past the time of writing: it was the day before
    for index in latest_first:
        if later is not None and clocks[index] > later:
            day -= timedelta(days=1)  # a clock after the next entry's: the day before, across midnight
        days[index], later = day, clocks[index]
    parts = [replace(region, end=entries[0].start())]
    for index, entry in enumerate(entries):
        moment = datetime.combine(days[index], datetime.min.time()).replace(
            hour=int(entry["hour"]), minute=int(entry["minute"]), tzinfo=region.anchor.time.tzinfo)
        stamp = entry.group().strip().rstrip(":|–—-").strip()
        anchor = Anchor(time=moment, source=AnchorSource.POST_TIME, field="posted",
                        description=f'entry {moment.isoformat(timespec="minutes")} ("{stamp}", on the day of '
                                    f'{region.anchor.description})')
        entry_end = entries[index + 1].start() if index + 1 < len(entries) else region.end
        parts.append(_Region(entry.start(), entry.end(), SegmentKind.POST_HEADER, anchor, stamp))
        parts.append(_Region(entry.end(), entry_end, SegmentKind.POST, anchor, stamp))
    return [part for part in parts if part.end > part.start]


def segment(document: Document, settings: Settings) -> list[Segment]:
    """Cut a document into segments, each anchored at its own reference time."""
    regions = _regions(document, settings)
    headers = [(r.start, r.end) for r in regions if r.kind == SegmentKind.POST_HEADER]
    boilerplate = boilerplate_lines(document)
    pieces: list[_Region] = []
    for region in regions:
        holes = boilerplate + ([] if region.kind == SegmentKind.POST_HEADER else headers)
        pieces += _without(region, holes)
    pieces.sort(key=lambda r: (r.start, r.end))
    return [Segment(document=document.id, index=index, start=r.start, end=r.end, kind=r.kind, label=r.label,
                    anchor=r.anchor, title=r.title, url=r.url, outlet=r.outlet)
            for index, r in enumerate(p for p in pieces if document.text[p.start:p.end].strip())]


def describe(document: Document, settings: Settings, segments: list[Segment] | None = None) -> DocumentAnchors:
    """How a document was anchored: its own anchor, its retrieval time, and every segment's anchor."""
    if segments is None:
        segments = segment(document, settings)
    retrieval = retrieval_anchor(document, settings)
    anchor = _document_anchor(document, settings, _front(document, retrieval, settings=settings))
    return DocumentAnchors(document=document.id, kind=document.kind, title=document.title, url=document.url,
                           anchor=anchor, retrieved=retrieval, segments=segments)
