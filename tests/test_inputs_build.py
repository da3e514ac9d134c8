"""A folder mixing every input kind builds one timeline, with its accounting and every anchoring chain."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from inputs_support import MIXED

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("--text-field", "message", "--date-field", "created_at")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[subprocess.CompletedProcess[str], dict, str]:
    out = tmp_path_factory.mktemp("mixed")
    result = subprocess.run([sys.executable, "-m", "timeline.cli", "build", str(MIXED), *FIELDS, "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    return result, data, (out / "timeline.html").read_text(encoding="utf-8")


def test_build_prints_one_summary_line(built) -> None:
    result, data, _ = built
    assert result.returncode == 1, result.stderr  # some records were skipped; the rest is built
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert re.fullmatch(rf"read 33 document\(s\), skipped 2, {len(data['events'])} event\(s\), "
                        r"3 unanchored expression\(s\)(, \d+ conflict\(s\))? → .*timeline\.html", lines[0])
    assert "Traceback" not in result.stderr


def test_skipped_records_are_named_with_file_line_and_reason(built) -> None:
    result, data, _ = built
    assert "local-news.jsonl: line 4: not valid JSON" in result.stderr
    assert "local-news.jsonl: line 5: no text" in result.stderr
    assert [s["reason"].split(":")[0] for s in data["skipped"]] == ["line 4", "line 5"]


def test_unanchored_expressions_are_listed_with_their_document(built) -> None:
    result, data, _ = built
    assert {(u["document"].rsplit("/", 1)[-1], u["expression"]) for u in data["unanchored"]} == {
        ("meeting-notes.txt", "yesterday"), ("meeting-notes.txt", "next Tuesday"),
        ("meeting-notes.txt", "the end of the month")}
    assert 'unanchored "yesterday" in ' in result.stderr and "meeting-notes.txt" in result.stderr
    assert not [e for e in data["events"] if e["text"].startswith("We met the utility")]


def test_every_input_kind_is_on_one_timeline(built) -> None:
    _, data, _ = built
    documents = {Path(d.split("#")[0]).suffix for d in data["documents"]}
    assert documents == {".html", ".md", ".txt", ".jsonl", ".csv"}
    values = {e["value"] for e in data["events"]}
    expected = {
        "2023-03-02",     # html: "last Thursday"
        "2022-04-19",     # markdown front matter: "yesterday"
        "2023-03-08",     # jsonl record: "yesterday"
        "2021-05-19",     # csv row: "yesterday"
        "2024-02-06",     # jsonl with named fields: "yesterday"
        "2023-01-09TNI",  # old Reddit comment: "last night"
        "2023-06-16",     # Hacker News comment from 19 hours ago: "next Friday"
        "2023-03-09",     # search result "5 days ago —": "on Thursday"
        "2020-06-08",     # dateline: "on Monday"
        "2019-03-12",     # no anchor: the absolute date still resolves
    }
    assert expected <= values


def test_each_document_records_which_source_gave_its_anchor(built) -> None:
    _, data, _ = built
    sources = {a["anchor"]["source"] for a in data["anchoring"] if a["anchor"]}
    assert {"sidecar", "record", "front_matter", "html_meta", "dateline", "byline"} <= sources
    thread = next(a for a in data["anchoring"] if a["document"].endswith("reddit-old-boil-notice.txt"))
    assert {s["anchor"]["source"] for s in thread["segments"] if s["kind"] == "post"} == {"post_time"}
    notes = next(a for a in data["anchoring"] if a["document"].endswith("meeting-notes.txt"))
    assert notes["anchor"] is None


def test_chain_is_in_the_json_and_in_the_page_hover(built) -> None:
    _, data, page = built
    chain = ('"last night" → 2023-01-09TNI, anchored at the post\'s time 2023-01-10 '
             '("2 days ago", counted from retrieved 2023-01-12T18:00 (sidecar))')
    chains = {s["chain"] for e in data["events"] for s in e["sources"]}
    assert chain in chains
    hover_text = html.unescape(page.replace("\\u003cbr\\u003e", " ").replace("\\u003c", "<").replace("\\u003e", ">"))
    assert chain in re.sub(r"<br>", " ", hover_text)
