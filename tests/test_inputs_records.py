"""Record files: JSON Lines and CSV, one document per record, a bad record reported by its line."""

from __future__ import annotations

from datetime import datetime

import pytest
from inputs_support import INPUTS, MIXED, analysed_record

from timeline import AnchorSource, InputError, Settings
from timeline.readers import read_file

RECORDS = MIXED / "records"
NEWS = RECORDS / "local-news.jsonl"
RELEASES = RECORDS / "press-releases.csv"


def test_each_record_is_a_document_named_by_its_line() -> None:
    read = read_file(NEWS)
    assert [d.id for d in read.documents] == [f"{NEWS}#line-{n}" for n in (1, 2, 3, 6)]


def test_malformed_lines_are_reported_with_their_numbers_and_the_rest_read() -> None:
    skipped = read_file(NEWS).skipped
    assert [(s.path, s.reason.split(":")[0]) for s in skipped] == [(str(NEWS), "line 4"), (str(NEWS), "line 5")]
    assert "not valid JSON" in skipped[0].reason
    assert "no text" in skipped[1].reason


def test_record_fields_fill_the_document_with_record_provenance() -> None:
    first = read_file(NEWS).documents[0]
    assert (first.title, first.url, first.source) == (
        "Bridge reopens after storm repairs", "https://news.example.org/bridge", "Coastline Courier")
    assert (first.published, first.published_from) == (datetime(2023, 3, 8, 7, 15), AnchorSource.RECORD)


@pytest.mark.parametrize(("record", "published", "retrieved"), [
    ("#line-2", datetime(2023, 3, 9), None),               # "content" and "date"
    ("#line-3", None, datetime(2023, 3, 20)),              # "body" and "retrieved"
    ("#line-6", datetime(2023, 3, 22, 12), None),          # Unix time, read as UTC
])
def test_usual_field_names_are_recognised(record: str, published, retrieved) -> None:
    document = analysed_record(NEWS, record).document
    assert (document.published, document.retrieved) == (published, retrieved)


@pytest.mark.parametrize(("record", "phrase", "value"), [
    ("#line-1", "last Thursday", "2023-03-02"),
    ("#line-2", "yesterday", "2023-03-08"),
    ("#line-3", "next Monday", "2023-03-27"),        # anchored at the record's retrieval time
    ("#line-6", "this morning", "2023-03-22TMO"),
])
def test_record_expressions_resolve_at_their_record(record: str, phrase: str, value: str) -> None:
    assert analysed_record(NEWS, record).at(phrase).value == value


def test_export_field_names_date_their_records(tmp_path) -> None:
    """Reddit's created_utc and selftext, an API's created_at, a crawler's fetched_at: no --published-field needed."""
    export = tmp_path / "export.jsonl"
    export.write_text('{"selftext": "The mods met yesterday.", "created_utc": 1679400000}\n'
                      '{"text": "Posted 3 days ago.", "created_at": "2023-03-21T08:00:00", "fetched_at": "2023-03-25"}\n',
                      encoding="utf-8")
    first, second = read_file(export).documents
    assert (first.published, first.published_from) == (datetime(2023, 3, 21, 12, 0), AnchorSource.RECORD)
    assert (second.published, second.retrieved) == (datetime(2023, 3, 21, 8), datetime(2023, 3, 25))



def test_an_export_name_that_holds_no_date_is_passed_over_and_ours_must_hold_one(tmp_path) -> None:
    export = tmp_path / "reddit.jsonl"
    export.write_text('{"selftext": "Met yesterday.", "created_utc": 1679400000, "saved": false}\n'
                      '{"text": "Met yesterday.", "date": "soon"}\n', encoding="utf-8")
    read = read_file(export)
    assert [d.published for d in read.documents] == [datetime(2023, 3, 21, 12, 0)]  # Reddit's "saved" flag
    assert [s.reason for s in read.skipped] == ["line 2: 'date' is not a date: 'soon'"]
    named = read_file(export, settings=Settings(record_fields={"retrieved": "saved"}))
    assert named.skipped[0].reason == "line 1: 'saved' is not a date: False"


def test_csv_records_spanning_lines_keep_their_starting_line() -> None:
    assert [d.id for d in read_file(RELEASES).documents] == [f"{RELEASES}#line-{n}" for n in (2, 5, 6)]


@pytest.mark.parametrize(("record", "phrase", "value"), [
    ("#line-2", "from Monday", "2021-05-17"),
    ("#line-5", "next week", "2021-W21"),        # published "May 17, 2021"
    ("#line-6", "yesterday", "2021-05-19"),
])
def test_csv_expressions_resolve_at_their_row(record: str, phrase: str, value: str) -> None:
    assert analysed_record(RELEASES, record).at(phrase).value == value


def test_csv_row_with_missing_fields_is_reported_and_the_rest_read() -> None:
    read = read_file(INPUTS / "edge" / "bad-row.csv")
    assert [d.id.rsplit("#", 1)[1] for d in read.documents] == ["line-2", "line-4"]
    assert [s.reason for s in read.skipped] == ["line 3: expected 3 fields, found 2"]


def test_csv_without_a_text_column_is_one_clear_error() -> None:
    with pytest.raises(InputError, match="no text column .*--text-field"):
        read_file(INPUTS / "edge" / "no-text-column.csv")


def test_named_fields_are_read_before_the_usual_ones() -> None:
    settings = Settings(record_fields={"text": "message", "published": "created_at"})
    chat = analysed_record(RECORDS / "chat-export.jsonl", "#line-2", settings)
    assert chat.document.published == datetime(2024, 2, 7, 18, 40)
    assert chat.at("yesterday").value == "2024-02-06"


def test_without_the_named_fields_a_foreign_export_is_skipped_with_the_reason() -> None:
    read = read_file(RECORDS / "chat-export.jsonl")
    assert read.documents == []
    assert read.skipped[0].reason == "line 1: no text (looked for the fields text, content, body, selftext)"


def test_dotted_field_names_reach_into_nested_objects() -> None:
    settings = Settings(record_fields={"text": "message.body", "published": "meta.sent"})
    export = analysed_record(INPUTS / "nested-records" / "nested-export.jsonl", "#line-2", settings)
    assert export.document.published == datetime(2024, 2, 18, 9)
    assert export.at("yesterday").value == "2024-02-17"


def test_a_record_in_another_encoding_is_skipped_by_its_line_and_the_rest_read(tmp_path) -> None:
    records = tmp_path / "posts.jsonl"
    records.write_bytes(b'{"text": "The pump failed on Monday.", "published": "2025-03-12"}\n'
                        b'{"text": "Caf\xe9 shut on Friday.", "published": "2025-03-14"}\n'
                        b'{"text": "Crews fixed it on Friday.", "published": "2025-03-15"}\n')
    read = read_file(records)
    assert [d.id for d in read.documents] == [f"{records}#line-1", f"{records}#line-3"]
    assert [s.reason for s in read.skipped] == ["line 2: not valid UTF-8 (byte 0xe9 at column 14)"]
    table = tmp_path / "posts.csv"
    table.write_bytes(b"text,published\n\"Caf\xe9 shut on Friday.\",2025-03-14\n\"Crews fixed it.\",2025-03-15\n")
    read = read_file(table)
    assert [d.id for d in read.documents] == [f"{table}#line-3"]
    assert [s.reason for s in read.skipped] == ["line 2: not valid UTF-8 (byte 0xe9 in the field 'text')"]


def test_utf16_is_read_with_its_byte_order_mark_and_bytes_without_one_are_no_text(tmp_path) -> None:
    marked = tmp_path / "marked.txt"
    marked.write_bytes(b"\xff\xfe" + "The pump failed on 3 March 2025.".encode("utf-16-le"))
    assert read_file(marked).documents[0].text == "The pump failed on 3 March 2025."
    unmarked = tmp_path / "unmarked.txt"
    unmarked.write_bytes(b"The pump failed \xff\xfe on 3 March 2025.!")
    with pytest.raises(InputError, match="not a text file"):
        read_file(unmarked)
