"""The command line: build and extract, their outputs, and one clear line for bad input."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd or ROOT, timeout=120)


def test_build_seeds_writes_an_offline_page_and_json(tmp_path: Path) -> None:
    result = run("build", "seeds/", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "read 2 document(s), skipped 0" in result.stdout
    page = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc=", page), "the page must not load scripts from elsewhere"
    assert "Plotly.newPlot" in page
    data = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    event = data["events"][0]
    assert {"start", "end", "value", "title", "text", "sources"} <= set(event)
    assert {"document", "expression"} <= set(event["sources"][0])
    values = {e["value"] for e in data["events"]}
    assert {"2024-10-16", "2024-10-18", "2024-10-19", "2024-10-23", "2024-03-23", "2024-10"} <= values


def test_month_event_spans_the_whole_month(tmp_path: Path) -> None:
    run("build", "seeds/", "--out", str(tmp_path))
    data = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    month = next(e for e in data["events"] if e["value"] == "2024-10")
    assert (month["start"], month["end"]) == ("2024-10-01", "2024-10-31")


def test_a_second_build_of_a_folder_does_not_read_its_own_output(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("The bridge reopened on 3 March 2024.\n", encoding="utf-8")
    out = tmp_path / "output"
    for _ in range(2):
        assert main(["build", str(tmp_path), "--out", str(out), "--format", "html,json,md,csv"]) == 0
        assert "read 1 document(s)" in capsys.readouterr().out
    assert main(["build", str(out), "--out", str(tmp_path / "elsewhere")]) == 0  # named itself, it is read
    assert "read 1 document(s)" not in capsys.readouterr().out
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "notes.txt").write_text("The bridge reopened on 3 March 2024.\n", encoding="utf-8")
    for _ in range(2):  # written into the folder it reads: its own files are still left out
        assert main(["build", str(notes), "--out", str(notes), "--format", "html,json,md,csv"]) == 0
        assert "read 1 document(s)" in capsys.readouterr().out
    # named as an input, a file this run is about to write is reported, not read
    assert main(["build", str(notes / "notes.txt"), str(notes / "timeline.md"), "--out", str(notes)]) == 1
    captured = capsys.readouterr()
    assert "read 1 document(s), skipped 1" in captured.out
    assert "timeline.md: is a timeline file this run writes (--out)" in captured.err


def test_extract_json_fields_and_stdin_offsets() -> None:
    text = "The talks, first held on 3 March 2021, resumed yesterday.\n"
    result = run("extract", "-", "--published", "2024-10-21", "--format", "json", stdin=text)
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert [(i["text"], i["value"], i["type"]) for i in items] == [("3 March 2021", "2021-03-03", "DATE"),
                                                                  ("yesterday", "2024-10-20", "DATE")]
    assert all(text[i["start"] : i["end"]] == i["text"] for i in items)


def test_extract_text_format_lists_one_expression_per_line() -> None:
    result = run("extract", "seeds/003_dd536d12c7460a9a.txt")
    assert result.returncode == 0
    assert "2024-10-25\t27 days ago" in result.stdout


def test_missing_path_gives_one_line_and_nonzero_exit(tmp_path: Path, capsys) -> None:
    code = main(["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code != 0
    assert "nope.txt" in err and "no such file" in err and "Traceback" not in err


def test_when_nothing_can_be_read_the_earlier_timeline_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", "seeds/", "--out", str(out)).returncode == 0
    before = (out / "timeline.json").read_text(encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8\x00\x00binary\x00\x00")
    result = run("build", str(bad), "--out", str(out))
    assert result.returncode == 1
    assert "read 0 document(s), skipped 1" in result.stdout and "nothing written" in result.stdout
    assert (out / "timeline.json").read_text(encoding="utf-8") == before


def test_an_empty_folder_builds_nothing_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("build", str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "no document to build from" in result.stdout
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("blank.txt", "  \n\n\t\n", "empty file (no text in it)"),
    ("only-front-matter.md", "---\ntitle: A draft\n---\n\n", "empty file (no text after its front matter)"),
    ("nothing.jsonl", "\n", "no records in it"),
    ("header.csv", "title,text,published\n", "no records in it (only a header)"),
])
def test_an_empty_input_file_is_skipped_by_name_and_writes_nothing(tmp_path: Path, name: str, content: str,
                                                                    reason: str) -> None:
    out = tmp_path / "out"
    assert run("build", "seeds/", "--out", str(out)).returncode == 0
    before = (out / "timeline.json").read_text(encoding="utf-8")
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = run("build", str(tmp_path / name), "--out", str(out))
    assert result.returncode == 1
    assert f"skipped {tmp_path / name}: {reason}" in result.stderr and "nothing written" in result.stdout
    assert (out / "timeline.json").read_text(encoding="utf-8") == before


def test_an_empty_file_in_a_batch_is_reported_and_the_rest_built(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "report.txt").write_text("The bridge opened on 3 March 2024.\n", encoding="utf-8")
    result = run("build", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "empty.txt: empty file" in result.stderr and "read 1 document(s), skipped 1, 1 event(s)" in result.stdout
    assert (tmp_path / "out" / "timeline.json").exists()


def test_empty_standard_input_is_reported_not_built(tmp_path: Path) -> None:
    result = run("build", "-", "--out", str(tmp_path / "out"), stdin="   \n")
    assert result.returncode == 1
    assert "skipped <stdin>: empty input" in result.stderr and not (tmp_path / "out").exists()


def test_extract_missing_file_is_one_line_error(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "missing.txt" in result.stderr and "Traceback" not in result.stderr


def test_malformed_sidecar_is_reported_and_the_other_documents_still_built(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(ROOT / "seeds", folder)
    (folder / "000_460ae201bb5f04db.txt.meta.json").write_text("{not json", encoding="utf-8")
    result = run("build", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "000_460ae201bb5f04db.txt.meta.json" in result.stderr and "not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr
    assert "read 1 document(s), skipped 1" in result.stdout
    assert (tmp_path / "out" / "timeline.html").exists()


def test_unreadable_file_is_skipped_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("The plant closed on 4 May 2020.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8\x00\x00binary\x00\x00")
    result = run("build", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "bad.txt" in result.stderr
    assert "read 1 document(s), skipped 1, 1 event(s)" in result.stdout


def test_broken_link_and_pipe_in_a_folder_are_reported_not_passed_over(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text("The plant closed on 4 May 2020.", encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(folder / "pipe.md")
    result = run("build", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "gone.txt: a broken symbolic link" in result.stderr
    assert "pipe.md: not a regular file" in result.stderr
    assert "read 1 document(s), skipped 2, 1 event(s)" in result.stdout


def test_bad_date_flag_is_a_clear_error(tmp_path: Path) -> None:
    result = run("build", "seeds/", "--published", "not a date at all", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "--published" in result.stderr and "Traceback" not in result.stderr


def test_fragment_mode_writes_an_embeddable_div(tmp_path: Path) -> None:
    result = run("build", "seeds/", "--out", str(tmp_path), "--html", "fragment", "--format", "html,csv,md")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    assert page.startswith("<div") and "<html" not in page
    assert (tmp_path / "timeline.csv").read_text(encoding="utf-8").startswith("start,end,value")
    assert "## 2024-10-18" in (tmp_path / "timeline.md").read_text(encoding="utf-8")


def test_a_document_that_breaks_a_stage_is_skipped_and_the_rest_built(monkeypatch) -> None:
    from timeline import Document, Settings, build_timeline, pipeline

    real = pipeline.analyse

    def failing(document, settings, **options):
        if document.id == "bad":
            raise RuntimeError("boom")
        return real(document, settings, **options)

    monkeypatch.setattr(pipeline, "analyse", failing)
    documents = [Document(id="bad", text="It closed on 4 May 2020."), Document(id="good", text="It opened on 3 May 2020.")]
    timeline = build_timeline(documents, Settings())
    assert [s.path for s in timeline.skipped] == ["bad"] and "boom" in timeline.skipped[0].reason
    assert timeline.documents == ["good"] and [e.value for e in timeline.events] == ["2020-05-03"]


def test_impossible_front_matter_date_is_skipped_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("The plant closed on 4 May 2020.", encoding="utf-8")
    (tmp_path / "bad.md").write_text("---\ndate: 2024-13-45\n---\nTalks resumed on Friday.\n", encoding="utf-8")
    result = run("build", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "bad.md: front matter holds an impossible value" in result.stderr
    assert "read 1 document(s), skipped 1, 1 event(s)" in result.stdout


def test_a_reader_that_breaks_on_one_file_skips_it_and_reads_the_rest(monkeypatch, tmp_path: Path) -> None:
    from timeline import readers

    (tmp_path / "good.txt").write_text("The plant closed on 4 May 2020.", encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body><p>It opened on 3 May 2020.</p></body></html>", encoding="utf-8")

    def breaking(path, text, sidecar, settings):
        raise RuntimeError("parser gave up")

    monkeypatch.setitem(readers.READERS, ".html", breaking)
    read = readers.read_paths([tmp_path])
    assert [d.id.endswith("good.txt") for d in read.documents] == [True]
    assert len(read.skipped) == 1 and read.skipped[0].path.endswith("page.html")
    assert "parser gave up" in read.skipped[0].reason


def test_version_flag_names_the_installed_version() -> None:
    from importlib import metadata

    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"timeline {metadata.version('timeline')}"


def test_format_names_people_type_are_understood_and_unknown_ones_refused(tmp_path: Path) -> None:
    assert main(["build", str(ROOT / "seeds"), "--out", str(tmp_path), "--format", "Markdown,json"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.json", "timeline.md"]
    result = run("build", str(ROOT / "seeds"), "--out", str(tmp_path / "x"), "--format", "pdf")
    assert result.returncode == 2
    assert "--format: unknown output pdf" in result.stderr and "Traceback" not in result.stderr


def test_an_expression_with_nothing_to_count_from_is_reported_with_why(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Firefighters brought the blaze under control the next morning, officials said.\n", encoding="utf-8")
    result = run("build", str(story), "--published", "2025-03-10", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert 'unanchored "the next morning"' in result.stderr and "(no date before it to count from)" in result.stderr
    assert "0 event(s), 1 unanchored expression(s)" in result.stdout


def test_extract_takes_one_record_of_a_record_file_by_its_id(tmp_path: Path) -> None:
    records = tmp_path / "r.jsonl"
    records.write_text('{"text": "The pump failed on Monday.", "published": "2025-03-12"}\n'
                       '{"text": "Crews fixed it on Friday.", "published": "2025-03-15"}\n', encoding="utf-8")
    whole = run("extract", str(records))
    assert whole.returncode == 2 and f"name one as {records}#line-N" in whole.stderr
    one = run("extract", f"{records}#line-2")
    assert one.returncode == 0 and one.stdout.split("\t")[3] == "2025-03-14"
    missing = run("extract", f"{records}#line-5")
    assert missing.returncode == 2 and "no record starts on line 5" in missing.stderr


def test_extract_names_why_an_unreadable_record_is_not_read(tmp_path: Path) -> None:
    records = tmp_path / "r.jsonl"
    records.write_text('{"text": "The pump failed on Monday.", "published": "2025-03-12"}\n{"text": "Crews fix\n',
                       encoding="utf-8")
    broken = run("extract", f"{records}#line-2")
    assert broken.returncode == 2 and "line 2: not valid JSON" in broken.stderr


def run_bytes(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "timeline.cli", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=120)


@pytest.mark.parametrize("data", [b"The council met on 3 March 2022 and voted \xff\xfe to close it.\n",
                                  bytes(range(256)) * 8], ids=["latin bytes", "binary"])
def test_standard_input_that_is_not_text_is_refused_like_a_file(tmp_path: Path, data: bytes) -> None:
    out = tmp_path / "out"
    assert run("build", "seeds/", "--out", str(out), "--format", "json").returncode == 0
    before = (out / "timeline.json").read_bytes()
    good = tmp_path / "good.txt"
    good.write_text("The plant closed on 4 March 2022.\n", encoding="utf-8")
    alone = run_bytes("build", "-", "--out", str(out), "--format", "json", stdin=data)
    assert alone.returncode == 1 and b"<stdin>: not a text file" in alone.stderr
    assert (out / "timeline.json").read_bytes() == before, "a failed run must leave the last timeline whole"
    batch = run_bytes("build", str(good), "-", "--out", str(out), "--format", "json", stdin=data)
    assert batch.returncode == 1 and b"read 1 document(s), skipped 1" in batch.stdout
    extract = run_bytes("extract", "-", stdin=data)
    assert extract.returncode == 2 and b"not a text file" in extract.stderr and b"Traceback" not in extract.stderr


def test_a_failing_render_leaves_the_earlier_outputs_whole(tmp_path: Path, monkeypatch) -> None:
    from timeline import render

    out = tmp_path / "out"
    assert main(["build", "seeds/", "--out", str(out), "--format", "json,md"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*args, **kwargs):
        raise ValueError("cannot render")

    monkeypatch.setattr(render, "to_markdown", broken)
    with pytest.raises(ValueError):
        render.write_outputs(render.to_json.__globals__["Timeline"](), out, formats=("json", "md"), title="t")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize(("value", "reason"), [
    ("2022", "names no day"), ("March 2022", "names no day"),
    ("yesterday", "not a date"), ("in 3 days", "not a date"), ("", "not a date"),
])
def test_a_reference_time_must_be_a_stated_day(value: str, reason: str) -> None:
    result = run("extract", "-", "--published", value, stdin="The council voted on Friday.\n")
    assert result.returncode == 2
    assert f"--published: {reason}" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["14 March 2022", "mardi 15 mars 2022", "Mar 16, 2022 10:05 PM", "1647252000"])
def test_a_stated_day_in_any_format_is_a_reference_time(value: str) -> None:
    result = run("extract", "-", "--published", value, stdin="The council voted on Friday.\n")
    assert result.returncode == 0 and result.stdout.split("\t")[3] == "2022-03-11"


def test_a_front_matter_date_without_a_day_is_reported_by_its_own_key(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ndate: March 2022\n---\nThe council voted on Friday.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndate: someday\n---\nThe council voted on Friday.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ndate: 2022-03-14\n---\nThe council voted on Friday.\n", encoding="utf-8")
    result = run("build", str(tmp_path), "--out", str(tmp_path / "out"), "--format", "json")
    assert result.returncode == 1 and "read 1 document(s), skipped 2" in result.stdout
    assert "a.md: 'date' names no day: 'March 2022'" in result.stderr
    assert "b.md: 'date' is not a date: 'someday'" in result.stderr


def test_files_of_other_types_in_a_folder_are_counted_not_silently_dropped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The plant closed on 4 March 2022.\n", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "photo.JPG").write_bytes(b"\xff\xd8")
    (tmp_path / "a.txt.meta.json").write_text('{"published": "2022-03-05"}', encoding="utf-8")
    result = run("build", str(tmp_path), "--out", str(tmp_path / "out"), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "read 1 document(s), skipped 0, passed over 2 file(s) of other types (.jpg, .pdf)," in result.stdout
