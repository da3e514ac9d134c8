"""Same happening across sources → one Event with every Source; conflicting dates; ranking and summaries.

Two events are the same happening when their dates are compatible (the same day, or one interval inside
the other) and their wording is close: TF-IDF cosine over content words, with the date expressions, stop
words and inflections left out. Nothing is downloaded; the weights come from the events themselves.
Sources that give the same happening incompatible dates are kept apart and reported as a Conflict.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from .models import Conflict, Event, Granularity, SegmentKind, Source
from .settings import Settings

MERGE_THRESHOLD = 0.35
"""Cosine at or above which two events on compatible dates are one happening."""
CONFLICT_THRESHOLD = 0.6
"""Cosine at or above which two events on incompatible dates are one happening told two ways."""
CONFLICT_WINDOW_DAYS = 7
"""Sources that disagree by more than a week are rarely telling the same happening (weekday slips are ≤ 6)."""
AHEAD_WEIGHT = 0.5
"""What a mention of a date still ahead of its article (a plan, a forecast) counts for in a summary."""
_CONTAINMENT_DAYS = 31
"""A mention coarser than a month ("in 2010") only joins mentions of the same span: it frames, not reports."""

_READABLE_WORDS = 30
_MIN_READABLE_WORDS = 6
_WORDINESS = 0.01
_TERSE = 0.1
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off
on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves s t don't it's
said says say told according
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight morning afternoon
evening night week weekend month year day days weeks months years ago earlier later last next
january february march april may june july august september october november december
""".split())
_SUFFIXES = ("ings", "ing", "edly", "ed", "es", "s", "e")
_GRANULARITY_WEIGHT = {Granularity.MINUTE: 1.0, Granularity.HOUR: 1.0, Granularity.PART_OF_DAY: 1.0,
                       Granularity.DAY: 1.0, Granularity.WEEKEND: 0.7, Granularity.WEEK: 0.6,
                       Granularity.MONTH: 0.4, Granularity.SEASON: 0.3, Granularity.QUARTER: 0.3}
# Coarse dates rank after every day in a summary (see select); among themselves, finer spans weigh more.
_SUMMARY_DATE_WEIGHT = {Granularity.MINUTE: 1.0, Granularity.HOUR: 1.0, Granularity.PART_OF_DAY: 1.0,
                        Granularity.DAY: 1.0, Granularity.WEEKEND: 0.3, Granularity.WEEK: 0.2,
                        Granularity.MONTH: 0.05, Granularity.SEASON: 0.02, Granularity.QUARTER: 0.02}


def stem(word: str) -> str:
    """A light suffix stripper: closes, closed, closing → clos; enough to match inflections of one word."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_terms(text: str, *, drop: Iterable[str] = ()) -> list[str]:
    """Stemmed content words of ``text``, the strings in ``drop`` (date expressions) left out."""
    for piece in drop:
        if piece:
            text = text.replace(piece, " ")
    words = (w.lower().replace("’", "'") for w in _WORD.findall(text))
    # Single digits are mostly list markers and split numbers ("1,500" → "1", "500"); longer numbers tell.
    return [stem(w) for w in words if w not in _STOP_WORDS and not (w.isdigit() and len(w) < 2)]


Vector = dict[str, float]


def _unit(weights: dict[str, float]) -> Vector:
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {t: v / norm for t, v in weights.items()} if norm else {}


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


class TfidfSpace:
    """TF-IDF vectors of texts, the inverse document frequencies taken from the texts themselves."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        frequency: Counter[str] = Counter()
        for terms in documents:
            frequency.update(set(terms))
        total = len(documents)
        self.idf = {t: math.log((1 + total) / (1 + n)) + 1.0 for t, n in frequency.items()}
        self._default_idf = math.log(1 + total) + 1.0

    def vector(self, terms: Sequence[str]) -> Vector:
        counts = Counter(terms)
        return _unit({t: (1.0 + math.log(n)) * self.idf.get(t, self._default_idf) for t, n in counts.items()})


def similarity(a: str, b: str) -> float:
    """TF-IDF cosine of two texts, weighted over the pair itself (a convenience for callers and tests)."""
    terms_a, terms_b = content_terms(a), content_terms(b)
    space = TfidfSpace([terms_a, terms_b])
    return _dot(space.vector(terms_a), space.vector(terms_b))


def _event_terms(event: Event) -> list[str]:
    return content_terms(event.text, drop=[s.expression for s in event.sources])


def _span_days(event: Event) -> int:
    return (event.end - event.start).days + 1


@dataclass
class _Cluster:
    """Events being merged into one: the finest interval wins, the centroid follows the members."""

    start: date
    end: date
    members: list[int] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0

    def add(self, index: int, vector: Vector) -> None:
        self.members.append(index)
        for term, weight in vector.items():
            self.centroid[term] = self.centroid.get(term, 0.0) + weight
        self.norm = math.sqrt(sum(v * v for v in self.centroid.values()))

    def cosine(self, vector: Vector) -> float:
        return _dot(vector, self.centroid) / self.norm if self.norm else 0.0


def _compatible_clusters(event: Event, by_start: dict[date, list[_Cluster]]) -> list[_Cluster]:
    """Clusters whose interval lies inside the event's (equal included); coarse spans only match themselves."""
    if _span_days(event) > _CONTAINMENT_DAYS:
        return [c for c in by_start.get(event.start, []) if (c.start, c.end) == (event.start, event.end)]
    found = []
    day = event.start
    while day <= event.end:
        found.extend(c for c in by_start.get(day, []) if c.end <= event.end)
        day += timedelta(days=1)
    return found


def cluster_events(events: Sequence[Event], *, threshold: float = MERGE_THRESHOLD
                   ) -> tuple[list[list[int]], list[Vector]]:
    """Indices of ``events`` grouped into happenings, and each event's TF-IDF vector.

    Finer dates are placed first, so a coarser mention ("in April") joins a precise one ("on 20 April")
    about the same happening; an event joins the compatible cluster whose centroid is closest, if close enough.
    """
    terms = [_event_terms(e) for e in events]
    space = TfidfSpace(terms)
    vectors = [space.vector(t) for t in terms]
    order = sorted(range(len(events)), key=lambda i: (_span_days(events[i]), events[i].start, i))
    by_start: dict[date, list[_Cluster]] = defaultdict(list)
    clusters: list[_Cluster] = []
    for index in order:
        event, vector = events[index], vectors[index]
        best, best_score = None, threshold
        for cluster in _compatible_clusters(event, by_start) if vector else ():
            score = cluster.cosine(vector)
            if score >= best_score:
                best, best_score = cluster, score
        if best is None:
            best = _Cluster(start=event.start, end=event.end)
            clusters.append(best)
            by_start[event.start].append(best)
        best.add(index, vector)
    return [c.members for c in clusters], vectors


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\.)?", re.IGNORECASE)


def page_address(url: str | None) -> str | None:
    """A page's address without scheme, "www.", query or trailing slash; None for no URL, or for a bare site
    ("https://example.com/", which many pages give as their address)."""
    if not url or not _SCHEME.match(url.strip()):
        return None
    address = _SCHEME.sub("", url.strip()).split("#")[0].split("?")[0]
    host, _, path = address.rstrip("/").partition("/")
    return f"{host.lower()}/{path}" if path else None  # a site's home page names no one page


def origin_key(source: Source) -> str:
    """Who stands behind a source: the page it is (an article and a search result quoting it are one), else its
    document, or for a search result without an address its title, since one page of results quotes many
    outlets."""
    address = page_address(source.url)
    if address is not None:
        return address
    if source.segment_kind == SegmentKind.SNIPPET:
        return f"{source.document}\x00{source.title or source.segment}"
    return source.document


def independent_sources(sources: Iterable[Source]) -> int:
    """Distinct documents (many sentences of one article are one source); distinct results of a search page."""
    return len({origin_key(source) for source in sources})


def _wordiness(text: str) -> float:
    """A small penalty for a text too long to read at a glance, or too short to say what happened."""
    words = len(text.split())
    return _WORDINESS * max(0, words - _READABLE_WORDS) + (_TERSE if words < _MIN_READABLE_WORDS else 0.0)


def _combine(events: Sequence[Event], members: Sequence[int], vectors: Sequence[Vector]) -> Event:
    """One event for a cluster: the date of its finest member, the text of its most central one among
    those that give that date (a member that says "in April" does not speak for 28 April)."""
    first = events[members[0]]
    centroid = _sum_vectors(vectors[index] for index in members)
    central = max(members, key=lambda i: ((events[i].start, events[i].end) == (first.start, first.end),
                                          not events[i].reported_speech,
                                          _dot(vectors[i], centroid) - _wordiness(events[i].text), -i))
    chosen = events[central]
    sources = sorted((s for i in members for s in events[i].sources),
                     key=lambda s: (s.published or date.max, s.document, s.segment, s.expression_start))
    return chosen.model_copy(update={
        "start": first.start, "end": first.end, "value": first.value, "granularity": first.granularity,
        "type": first.type, "modifier": first.modifier, "sources": sources,
        "source_count": independent_sources(sources),
    })


def merge_events(events: Sequence[Event], *, keywords: Sequence[str] = (),
                 threshold: float = MERGE_THRESHOLD) -> tuple[list[Event], list[Conflict]]:
    """Join reports of one happening on compatible dates, keeping every source; list conflicting dates."""
    groups, vectors = cluster_events(events, threshold=threshold)
    merged = [_combine(events, members, vectors) for members in groups]
    centroids = [_unit(_sum_vectors(vectors[i] for i in members)) for members in groups]
    conflicts, disputed = find_conflicts(merged, centroids)
    query = [stem(k.lower()) for k in keywords]
    result = []
    for index, event in enumerate(merged):
        update = {"importance": importance(event, query=query, vector=centroids[index])}
        if disputed.get(index):
            update["conflicts"] = sorted(disputed[index])
        result.append(event.model_copy(update=update))
    return sorted(result, key=lambda e: (e.start, e.end, -e.importance, e.id)), conflicts


def _sum_vectors(vectors: Iterable[Vector]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for term, weight in vector.items():
            total[term] += weight
    return total


def _voice(source: Source) -> tuple[str, int]:
    """Who is speaking: an article, one search result, or one post of a thread (each post has its author)."""
    return (origin_key(source), source.segment if source.segment_kind == SegmentKind.POST else -1)


def _incompatible(a: Event, b: Event) -> bool:
    inside = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    return not inside


def _gap_days(a: Event, b: Event) -> int:
    return max((b.start - a.end).days, (a.start - b.end).days, 0)


def _candidate_pairs(events: Sequence[Event], centroids: Sequence[Vector]) -> set[tuple[int, int]]:
    """Pairs of events within the window that share at least two of their strongest terms."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, centroid in enumerate(centroids):
        for term in sorted(centroid, key=lambda t: -centroid[t])[:6]:
            index[term].append(position)
    shared: Counter[tuple[int, int]] = Counter()
    for positions in index.values():
        for i, a in enumerate(positions):
            for b in positions[i + 1 :]:
                if _gap_days(events[a], events[b]) <= CONFLICT_WINDOW_DAYS:
                    shared[(a, b) if a < b else (b, a)] += 1
    return {pair for pair, count in shared.items() if count >= 2}


def find_conflicts(events: Sequence[Event], centroids: Sequence[Vector], *, threshold: float = CONFLICT_THRESHOLD
                   ) -> tuple[list[Conflict], dict[int, set[str]]]:
    """Sources that tell one happening on incompatible dates.

    Reported speech is left out (two sayings on two days are two happenings), and so are pairs that a
    single document supports on both dates (a story that recurs, not a disagreement).
    """
    conflicts: list[Conflict] = []
    disputed: dict[int, set[str]] = defaultdict(set)
    for a, b in sorted(_candidate_pairs(events, centroids)):
        first, second = events[a], events[b]
        if first.reported_speech or second.reported_speech or not _incompatible(first, second):
            continue
        if {_voice(s) for s in first.sources} & {_voice(s) for s in second.sources}:
            continue
        if _dot(centroids[a], centroids[b]) < threshold:
            continue
        disputed[a].add(second.value)
        disputed[b].add(first.value)
        conflicts.append(_conflict(first, second))
    return conflicts, disputed


def _conflict(first: Event, second: Event) -> Conflict:
    ordered = sorted((first, second), key=lambda e: (-e.source_count, e.start))
    parts = [f"{e.source_count} source{'s' if e.source_count != 1 else ''} say{'' if e.source_count != 1 else 's'} "
             f"{e.value}" for e in ordered]
    return Conflict(title=ordered[0].title, values=[e.value for e in ordered], events=[e.id for e in ordered],
                    sources=[s for e in ordered for s in e.sources], summary="; ".join(parts),
                    source_values=[e.value for e in ordered for _ in e.sources])


def query_closeness(event: Event, query: Sequence[str], vector: Vector | None = None) -> float:
    """Share of the query's (stemmed) words that the event's text contains."""
    if not query:
        return 0.0
    terms = set(vector) if vector is not None else set(_event_terms(event))
    return sum(1 for q in query if q in terms) / len(query)


def importance(event: Event, *, query: Sequence[str] = (), vector: Vector | None = None) -> float:
    """Independent sources and mentions (diminishing), date precision, lead position, closeness to a query."""
    sources = event.source_count
    mentions = len(event.sources)
    precision = _GRANULARITY_WEIGHT.get(event.granularity, 0.2)
    lead = max((1.0 - s.position for s in event.sources), default=0.0)
    closeness = query_closeness(event, query, vector)
    return round(2.0 * math.log2(1 + sources) + 0.5 * math.log2(mentions) + precision + 0.5 * lead + closeness, 4)


_KEYWORD_SUFFIX = r"(?:s|es|ed|ing|er|ers|'s|’s)?"


def mentions_keyword(text: str, keywords: Sequence[str]) -> bool:
    """True when a keyword occurs as a word (or an inflection of one: "vote" finds "voted", "spill" "spills")
    in the text."""
    lowered = text.lower()
    return any(re.search(rf"(?<![^\W_]){_keyword_pattern(k.lower())}(?![^\W_])", lowered) for k in keywords if k)


def _keyword_pattern(keyword: str) -> str:
    """A keyword and its inflections; one ending in a silent e drops it before -ed and -ing ("vote": "voted",
    "voting")."""
    if keyword.endswith("e") and len(keyword) > 3:
        root = re.escape(keyword[:-1])
        return rf"{root}(?:e(?:s|d|r|rs|'s|’s)?|ing)"
    return rf"{re.escape(keyword)}{_KEYWORD_SUFFIX}"


def date_scores(events: Sequence[Event]) -> dict[tuple[date, date], float]:
    """How much each date matters: the documents that name it, each counting 1/√(dates it names).

    A backgrounder that lists twenty dates lends each of them less weight than a report about one day,
    the way IDF discounts common words. A document names its own publication day (today's news) and the
    dates it gives itself ("in April" merged into 20 April does not name 20 April); a date still ahead of
    the article (a plan, a forecast) counts half; coarse dates (weeks, months, years) are discounted.
    """
    named: dict[str, dict[tuple[date, date], float]] = defaultdict(dict)
    granularity: dict[tuple[date, date], Granularity] = {}
    for event in events:
        key = (event.start, event.end)
        granularity.setdefault(key, event.granularity)
        for source in event.sources:
            dates = named[source.document]
            if source.published is not None:
                dates[(source.published, source.published)] = 1.0
            if not names_date(source, event):
                continue
            ahead = source.published is not None and event.start > source.published
            dates[key] = max(dates.get(key, 0.0), AHEAD_WEIGHT if ahead else 1.0)
    scores: dict[tuple[date, date], float] = defaultdict(float)
    for dates in named.values():
        for key, weight in dates.items():
            scores[key] += weight / math.sqrt(len(dates))
    return {key: score * _SUMMARY_DATE_WEIGHT.get(granularity.get(key, Granularity.DAY), 0.01)
            for key, score in scores.items()}


def names_date(source: Source, event: Event) -> bool:
    """True when the source itself gives the event's date (or a time on that day), not a coarser span that
    merging joined to it."""
    return source.value[:10] == event.value[:10]


def _in_window(event: Event, settings: Settings) -> bool:
    return ((settings.since is None or event.end >= settings.since)
            and (settings.until is None or event.start <= settings.until))


def select(events: Sequence[Event], settings: Settings) -> list[Event]:
    """Apply the summary options: keywords, the L most important dates, at most K events per date."""
    windowed = [e for e in events if _in_window(e, settings)]
    eligible = [e for e in windowed if not settings.keywords or mentions_keyword(e.text, settings.keywords)]
    by_date: dict[tuple[date, date], list[Event]] = defaultdict(list)
    for event in eligible:
        by_date[(event.start, event.end)].append(event)
    everything: dict[tuple[date, date], list[Event]] = defaultdict(list)
    for event in windowed:
        everything[(event.start, event.end)].append(event)
    if settings.max_dates is not None:
        scores = date_scores(windowed)
        # Days first: a summary by date names days, and a month enters only when too few days are known.
        ranked = sorted(by_date, key=lambda key: (key[0] != key[1], -scores.get(key, 0.0), key))
        by_date = {key: by_date[key] for key in ranked[: settings.max_dates]}
    chosen = []
    for key, group in by_date.items():
        if settings.per_date is not None and len(group) > settings.per_date:
            # What the date is mostly about is read from all its reports, keyword or not; the keyword
            # only decides which of them may be shown.
            group = summarize_date(group, settings.per_date, among=everything[key])
        chosen.extend(group)
    return sorted(chosen, key=lambda e: (e.start, e.end, -e.importance, e.id))


SUMMARY_WORDS = 40
"""Words beyond which a summary sentence loses weight in proportion to its length."""
SUMMARY_REDUNDANCY = 0.6
"""How much a candidate's closeness (cosine) to an already chosen sentence of its date counts against it."""


def _brevity(event: Event) -> float:
    words = len(event.text.split())
    return min(1.0, SUMMARY_WORDS / words) if words else 0.0


def summarize_date(events: Sequence[Event], k: int, *, among: Sequence[Event] = ()) -> list[Event]:
    """The K events that best tell one date: central to its reports, short enough to read, not repeating
    one another (maximal marginal relevance)."""
    pool = list({e.id: e for e in [*events, *among]}.values())
    terms = [_event_terms(e) for e in pool]
    space = TfidfSpace(terms)
    vectors = {e.id: space.vector(t) for e, t in zip(pool, terms)}
    centroid = _unit(_sum_vectors({t: w * e.source_count for t, w in vectors[e.id].items()} for e in pool))
    relevance = {e.id: _dot(vectors[e.id], centroid) * _brevity(e) for e in events}
    remaining = sorted(events, key=lambda e: (-round(relevance[e.id], 6), -e.importance, e.id))
    chosen: list[Event] = []
    while remaining and len(chosen) < k:
        def gain(event: Event) -> float:
            overlap = max((_dot(vectors[event.id], vectors[c.id]) for c in chosen), default=0.0)
            return relevance[event.id] - SUMMARY_REDUNDANCY * overlap
        best = max(remaining, key=lambda e: round(gain(e), 6))
        chosen.append(best)
        remaining.remove(best)
    return chosen
