"""Timeline summarization benchmark: the Timeline17 protocol of news-tls, run through timeline's own pipeline.

For each reference timeline: the input is every article of its topic (all folders sharing the prefix,
e.g. the five ``bpoil_*`` sources) published from its first to its last reference date; the system
produces L dates (the reference's number of dates) with at most K sentences each (the reference's mean
sentences per date, rounded), every sentence containing one of the topic's keywords. The system is
``timeline.build_timeline`` with ``Settings(max_dates=L, per_date=K, keywords=..., since=..., until=...)``.

Scores (Ghalandari & Ifrim 2020; Martschat & Markert 2017): Date-F1 (overlap of the date sets) and
alignment ROUGE-1/2 F1 (AR-1, AR-2: tilse's many-to-one date alignment with content costs, over the
counts of the ROUGE-1.5.5 Perl script with Porter stemming and stop words removed). Precision and
recall are averaged over the timelines, then combined into F1. A baseline that ranks dates by how
many articles mention them runs on the same input, so the gain is visible in the same run.

Needs the optional ``benchmarks`` extra (``pip install -e '.[benchmarks]'``) for tilse.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path

if not __package__:  # run as a script: make `benchmarks` importable from the project root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import timeline
from timeline.merge import mentions_keyword

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "timeline17-dev"

# The Timeline17 topic queries as news-tls publishes them with the dataset. This copy's keywords.json
# holds only the topic's name ("bpoil", "H1N1", "MJ"), which no article contains; a keywords.json that
# holds words is used as it is.
TOPIC_QUERIES = {
    "bpoil": ("bp", "oil", "spill"),
    "H1N1": ("h1n1", "swine", "flu"),
    "MJ": ("michael", "jackson"),
}

DATA_SOURCES = """\
data: Timeline17 (Tran et al. 2013) as distributed with tilse and news-tls: one folder per topic and
source (<topic>_<source>/InputDocs/<publication date>/<n>.htm.txt, one tokenized sentence per line;
timelines/*.txt reference timelines; keywords.json). By default read from ../shared/bench/timeline17-dev
beside the project checkout (never copied into it)."""


@dataclass(frozen=True)
class Reference:
    """One journalist-written timeline: date → sentences."""

    topic: str
    name: str
    dates: dict[date, list[str]]

    @property
    def max_dates(self) -> int:
        return len(self.dates)

    @property
    def per_date(self) -> int:
        return round(sum(len(s) for s in self.dates.values()) / len(self.dates))


@dataclass
class Result:
    """One system's timeline for one reference, with its scores."""

    reference: str
    predicted: dict[date, list[str]]
    date_precision: float = 0.0
    date_recall: float = 0.0
    rouge: dict[str, dict[str, float]] = field(default_factory=dict)
    seconds: float = 0.0


def topic_of(folder: Path) -> str:
    return folder.name.split("_", 1)[0]


def read_reference(path: Path, topic: str) -> Reference:
    """Parse a timelines/*.txt file: a date line, its sentences, then a line of dashes."""
    dates: dict[date, list[str]] = defaultdict(list)
    current: date | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line:
            continue
        if re.fullmatch(r"-{5,}", line):
            current = None
        elif current is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", line):
            current = date.fromisoformat(line)
        elif current is not None:
            dates[current].append(line)
    return Reference(topic=topic, name=f"{path.parent.parent.name}/{path.name}", dates=dict(dates))


def topic_keywords(folders: Sequence[Path]) -> tuple[str, ...]:
    topic = topic_of(folders[0])
    if topic in TOPIC_QUERIES:
        return TOPIC_QUERIES[topic]
    words: list[str] = []
    for folder in folders:
        path = folder / "keywords.json"
        if path.exists():
            words.extend(w.lower() for w in json.loads(path.read_text(encoding="utf-8")))
    return tuple(dict.fromkeys(words))


@cache
def load_topic(data: Path, topic: str) -> tuple[timeline.Document, ...]:
    """Every article of a topic as a Document published on its folder's date."""
    documents = []
    for folder in sorted(p for p in data.iterdir() if p.is_dir() and topic_of(p) == topic):
        outlet = folder.name.split("_", 1)[-1]
        for path in sorted((folder / "InputDocs").glob("*/*.txt")):
            published = datetime.fromisoformat(path.parent.name)
            documents.append(timeline.Document(
                id=str(path.relative_to(data)), path=str(path), text=path.read_text(encoding="utf-8", errors="replace"),
                published=published, published_from=timeline.AnchorSource.RECORD, source=outlet,
            ))
    return tuple(documents)


def system_timeline(documents: Sequence[timeline.Document], reference: Reference,
                    keywords: Sequence[str]) -> dict[date, list[str]]:
    """timeline's own summary: L dates, at most K keyword sentences per date."""
    first, last = min(reference.dates), max(reference.dates)
    settings = timeline.Settings(max_dates=reference.max_dates, per_date=reference.per_date,
                                 keywords=tuple(keywords), since=first, until=last)
    built = timeline.build_timeline(documents, settings)
    predicted: dict[date, list[str]] = defaultdict(list)
    for event in built.events:
        if event.start == event.end:  # the reference dates days; a month-long event names no day
            predicted[event.start].append(event.text)
    return dict(predicted)


def baseline_timeline(documents: Sequence[timeline.Document], reference: Reference,
                      keywords: Sequence[str]) -> dict[date, list[str]]:
    """The crude baseline: the L days most articles mention; per day the first K keyword sentences."""
    first, last = min(reference.dates), max(reference.dates)
    built = timeline.build_timeline(documents, timeline.Settings(since=first, until=last))
    articles: dict[date, set[str]] = defaultdict(set)
    sentences: dict[date, list[tuple[date, float, str]]] = defaultdict(list)
    for event in built.events:
        if event.start != event.end:
            continue
        for source in event.sources:
            articles[event.start].add(source.document)
            if mentions_keyword(source.sentence, keywords):
                sentences[event.start].append((source.published or date.max, source.position, source.sentence))
    ranked = sorted((d for d in articles if sentences[d]), key=lambda d: (-len(articles[d]), d))
    chosen = ranked[: reference.max_dates]
    return {d: list(dict.fromkeys(s for _, _, s in sorted(sentences[d])))[: reference.per_date] for d in chosen}


def score_dates(predicted: dict[date, list[str]], reference: Reference) -> tuple[float, float]:
    shared = len(set(predicted) & set(reference.dates))
    return (shared / len(predicted) if predicted else 0.0), shared / len(reference.dates)


@cache
def rouge_evaluator(computation: str):
    try:
        from tilse.evaluation import rouge
    except ImportError as error:  # pragma: no cover - depends on the optional extra
        raise SystemExit(f"tls: tilse is not installed ({error}); run pip install -e '.[benchmarks]'") from error
    if computation == "original" and not _perl_reads_xml():
        raise SystemExit("tls: the ROUGE-1.5.5 Perl script needs perl with XML::Parser "
                         "(apt-get install libxml-parser-perl); or run with --rouge reimpl")
    return rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation=computation)


def _perl_reads_xml() -> bool:
    """Whether perl and its XML::Parser module (which ROUGE-1.5.5 reads its settings with) are installed."""
    try:
        return subprocess.run(["perl", "-MXML::Parser", "-e", "1"], capture_output=True).returncode == 0
    except OSError:
        return False


def score_rouge(predicted: dict[date, list[str]], reference: Reference,
                computation: str) -> dict[str, dict[str, float]]:
    """tilse's align+ m:1 (many-to-one date alignment with date and content costs)."""
    if not predicted:
        return {m: {"precision": 0.0, "recall": 0.0, "f_score": 0.0} for m in ("rouge_1", "rouge_2")}
    from tilse.data.timelines import GroundTruth, Timeline as TilseTimeline

    evaluator = rouge_evaluator(computation)
    return evaluator.evaluate_align_date_content_costs_many_to_one(
        TilseTimeline(predicted), GroundTruth([TilseTimeline(reference.dates)]))


def run_one(task: tuple[Path, Path, str, str]) -> tuple[Result, Result]:
    """Both systems on one reference timeline (runs in a worker process)."""
    data, path, topic, computation = task
    reference = read_reference(path, topic)
    folders = sorted(p for p in data.iterdir() if p.is_dir() and topic_of(p) == topic)
    keywords = topic_keywords(folders)
    documents = load_topic(data, topic)
    results = []
    for build in (system_timeline, baseline_timeline):
        started = time.perf_counter()
        predicted = build(documents, reference, keywords)
        seconds = time.perf_counter() - started
        precision, recall = score_dates(predicted, reference)
        results.append(Result(reference=reference.name, predicted=predicted, date_precision=precision,
                              date_recall=recall, rouge=score_rouge(predicted, reference, computation),
                              seconds=seconds))
    return results[0], results[1]


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def averaged(results: Sequence[Result]) -> dict[str, tuple[float, float, float]]:
    """Precision and recall averaged over timelines, then F1 (the news-tls convention)."""
    n = len(results)
    table = {}
    pairs = {"Date": [(r.date_precision, r.date_recall) for r in results]}
    for measure, label in (("rouge_1", "AR-1"), ("rouge_2", "AR-2")):
        pairs[label] = [(r.rouge[measure]["precision"], r.rouge[measure]["recall"]) for r in results]
    for label, values in pairs.items():
        precision = sum(p for p, _ in values) / n
        recall = sum(r for _, r in values) / n
        table[label] = (precision, recall, f1(precision, recall))
    return table


def references(data: Path, topics: Sequence[str]) -> list[tuple[Path, str]]:
    found = []
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        if topics and topic_of(folder) not in topics:
            continue
        found.extend((path, topic_of(folder)) for path in sorted((folder / "timelines").glob("*.txt")))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=DATA_SOURCES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="Timeline17 folder")
    parser.add_argument("--topics", default="", help="comma-separated topic prefixes (default: all)")
    parser.add_argument("--rouge", choices=("original", "reimpl"), default="original",
                        help="original: the ROUGE-1.5.5 Perl script via tilse (default); "
                             "reimpl: tilse's faster approximation, for development only")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--show", action="store_true", help="print each predicted timeline")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"tls: {args.data}: no such folder\n{DATA_SOURCES}", file=sys.stderr)
        return 2
    rouge_evaluator(args.rouge)  # fail early when tilse is missing
    topics = [t for t in args.topics.split(",") if t]
    tasks = [(args.data, path, topic, args.rouge) for path, topic in references(args.data, topics)]
    started = time.perf_counter()
    # Large topics first, so the two workers finish together.
    tasks.sort(key=lambda t: -len(list(t[0].glob(f"{t[2]}_*/InputDocs/*/*.txt"))))
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        pairs = list(pool.map(run_one, tasks))
    elapsed = time.perf_counter() - started
    pairs.sort(key=lambda pair: pair[0].reference)
    print(f"{'timeline':48} {'system':>26} {'baseline':>26}")
    print(f"{'':48} {'Date-F1  AR-1   AR-2  sec':>26} {'Date-F1  AR-1   AR-2  sec':>26}")
    for system, baseline in pairs:
        cells = []
        for result in (system, baseline):
            date_f1 = f1(result.date_precision, result.date_recall)
            cells.append(f"{date_f1:7.3f} {result.rouge['rouge_1']['f_score']:6.3f} "
                         f"{result.rouge['rouge_2']['f_score']:6.3f} {result.seconds:4.0f}")
        print(f"{system.reference:48} {cells[0]:>26} {cells[1]:>26}")
        if args.show:
            for day in sorted(system.predicted):
                for sentence in system.predicted[day]:
                    print(f"    {day}  {sentence[:150]}")
    print()
    for label, results in (("timeline", [p[0] for p in pairs]), ("baseline (articles mentioning the date)",
                                                                  [p[1] for p in pairs])):
        table = averaged(results)
        figures = "  ".join(f"{name} P {p:.3f} R {r:.3f} F1 {f:.3f}" for name, (p, r, f) in table.items())
        print(f"{label}: {figures}")
    print(f"\n{len(pairs)} timeline(s), ROUGE {args.rouge}, {args.jobs} worker(s), {elapsed:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
