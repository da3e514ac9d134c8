"""The `timeline` command: build a timeline from documents, or list the dates in one document."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from importlib import metadata
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from . import pipeline
from .errors import SettingsError, TimelineError
from .models import Granularity
from .readers import parse_datetime
from .render import FORMATS
from .settings import Settings


def _datetime(value: str, flag: str):
    try:
        return parse_datetime(value, path=None, key=flag)
    except TimelineError as error:
        reason = error.reason.removeprefix(f"{flag!r} ") if "names no day" in error.reason else f"not a date: {value!r}"
        raise SettingsError(f"{flag}: {reason}") from error


# What --since and --until take: a year, a month or a day, written out; never a relative word ("3 days ago").
_ISO_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})")
_BOUND_GRAINS = (Granularity.DAY, Granularity.MONTH, Granularity.YEAR)


def _bound(value: str | None, flag: str, *, last: bool) -> date | None:
    """A --since/--until date, read by the tagger as a date of its own. A year or a month stands for its first
    day (--since) or its last (--until): "--until 2025" keeps all of 2025. Anything else ("yesterday", "3 days
    ago", "03/2024") is refused: a range is stated, not guessed."""
    if not value:
        return None
    text = " ".join(value.split())
    month = _ISO_MONTH.fullmatch(text)  # "2025-03", which the tagger, reading text, takes for a year and a figure
    if month is not None:
        if not 1 <= int(month["month"]) <= 12:
            raise SettingsError(f"{flag}: not a date: {value!r} (no month {int(month['month'])})")
        text = date(int(month["year"]), int(month["month"]), 1).strftime("%B %Y")
    found = [e for e in pipeline.extract(text) if (e.start, e.end) == (0, len(text)) and e.basis == "absolute"
             and e.interval is not None and e.granularity in _BOUND_GRAINS]
    if not found:
        raise SettingsError(f"{flag}: not a date: {value!r} (give a day, a month or a year, such as 2025-03-14, "
                            "2025-03, March 2025 or 2025)")
    return found[0].interval.end if last else found[0].interval.start


_RECORD_FIELD_OPTIONS = {"text": "--text-field", "published": "--date-field", "retrieved": "--retrieved-field",
                         "title": "--title-field", "url": "--url-field"}


def _add_input_options(command: argparse.ArgumentParser) -> None:
    """Options about reading inputs: record fields, and the opt-in use of file times."""
    for role, flag in _RECORD_FIELD_OPTIONS.items():
        command.add_argument(flag, metavar="NAME", help=f"record files (JSONL/CSV): the field holding the {role} "
                                                        "(a dotted name reaches into nested objects)")
    command.add_argument("--file-times", action="store_true",
                         help="when a document states no time at all, take its file's modification time as "
                              "the retrieval time (off by default: nothing is guessed from file times)")


def _input_settings(args: argparse.Namespace) -> dict:
    fields = {role: getattr(args, flag[2:].replace("-", "_")) for role, flag in _RECORD_FIELD_OPTIONS.items()}
    return {"record_fields": {role: name for role, name in fields.items() if name}, "file_times": args.file_times}


def _version() -> str:
    try:
        return metadata.version("timeline")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "(not installed)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description="Turn documents into a dated event timeline.")
    parser.add_argument("--version", action="version", version=f"timeline {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build a timeline from files and folders")
    build.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (read recursively) or - for stdin")
    build.add_argument("--out", default="output", help="output folder (default: output/)")
    build.add_argument("--published", help="publication date for documents that carry none")
    build.add_argument("--retrieved", help="retrieval date for documents that carry none")
    build.add_argument("--format", default="html,json", help=f"comma-separated outputs among {','.join(FORMATS)}")
    build.add_argument("--html", choices=("full", "fragment"), default="full",
                       help="full: self-contained offline page; fragment: a <div> to embed")
    build.add_argument("--title", default="Timeline")
    build.add_argument("--max-dates", type=int, metavar="L", help="keep only the L most important dates")
    build.add_argument("--per-date", type=int, metavar="K", help="keep at most K events per date, the most important")
    build.add_argument("--keywords", help="comma-separated words; keep only events mentioning one (and rank "
                                          "events closer to them higher)")
    build.add_argument("--since", help="only documents published on or after this date, and events dated from it")
    build.add_argument("--until", help="only documents published on or before this date, and events dated up to it")
    _add_input_options(build)

    extract = commands.add_parser("extract", help="print the temporal expressions of one document")
    extract.add_argument("path", metavar="PATH", help="a document file, or - for standard input")
    extract.add_argument("--published", help="publication date, when the document carries none")
    extract.add_argument("--retrieved", help="retrieval date, when the document carries none")
    extract.add_argument("--format", choices=("json", "text"), default="text")
    _add_input_options(extract)
    return parser


# What people type for a format: the file suffix or the name of the thing.
_FORMAT_ALIASES = {"markdown": "md", "htm": "html", "timeline.js": "timelinejs", "tljs": "timelinejs"}


def _run_build(args: argparse.Namespace) -> int:
    formats = tuple(dict.fromkeys(_FORMAT_ALIASES.get(f.strip().lower(), f.strip().lower())
                                  for f in args.format.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise SettingsError(f"--format: unknown output {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    for flag, count in (("--max-dates", args.max_dates), ("--per-date", args.per_date)):
        if count is not None and count < 1:
            raise SettingsError(f"{flag}: must be a positive number, not {count}")
    settings = Settings(
        published=_datetime(args.published, "--published") if args.published is not None else None,
        retrieved=_datetime(args.retrieved, "--retrieved") if args.retrieved is not None else None,
        out_dir=Path(args.out), formats=formats, html_mode=args.html, title=args.title,
        max_dates=args.max_dates, per_date=args.per_date,
        keywords=tuple(k.strip() for k in (args.keywords or "").split(",") if k.strip()),
        since=_bound(args.since, "--since", last=False), until=_bound(args.until, "--until", last=True),
        **_input_settings(args),
    )
    if settings.since and settings.until and settings.since > settings.until:
        raise SettingsError(f"--since {settings.since} is after --until {settings.until}: no date is in that range")
    result = pipeline.build(args.paths, settings)
    for skipped in result.timeline.skipped:
        print(f"timeline: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    for item in result.timeline.unanchored[:20]:
        print(f"timeline: unanchored \"{item.expression}\" in {item.document} ({item.reason})", file=sys.stderr)
    print(result.summary())
    return 1 if result.timeline.skipped or not result.timeline.documents else 0


def _run_extract(args: argparse.Namespace) -> int:
    settings = Settings(
        published=_datetime(args.published, "--published") if args.published is not None else None,
        retrieved=_datetime(args.retrieved, "--retrieved") if args.retrieved is not None else None,
        **_input_settings(args),
    )
    expressions = pipeline.extract_document(args.path, settings=settings)
    if args.format == "json":
        print(json.dumps([e.model_dump(mode="json") for e in expressions], ensure_ascii=False, indent=2))
    else:
        for e in expressions:
            print(f"{e.start}\t{e.end}\t{e.type.value}\t{e.value or '-'}\t{e.text}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run_build(args) if args.command == "build" else _run_extract(args)
    except TimelineError as error:
        print(f"timeline: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("timeline: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # never a traceback for the user; TIMELINE_DEBUG=1 shows it
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        print(f"timeline: internal error: {type(error).__name__}: {error} (set TIMELINE_DEBUG=1 for details)",
              file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
