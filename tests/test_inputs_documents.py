"""Web pages, Markdown with front matter, sidecars, datelines and bylines, and the order of trust."""

from __future__ import annotations

import os
import shutil
import socket
from datetime import date, datetime

import pytest
from inputs_support import INPUTS, MIXED, analysed

from timeline import AnchorSource, Document, InputError, SegmentKind, Settings
from timeline.anchoring import document_anchor
from timeline.pipeline import build_timeline
from timeline.readers import read_file

HTML = MIXED / "html"
DATELINES = MIXED / "datelines"
EDGE = INPUTS / "edge"


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Reading never reaches the network: any connection attempt fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("a reader tried to open a network connection")
    monkeypatch.setattr(socket.socket, "connect", refuse)


# ---- HTML pages

def test_page_metadata_comes_from_meta_tags_and_json_ld() -> None:
    page = analysed(HTML / "harbour-bridge-reopens.html").document
    assert (page.kind, page.title, page.url, page.source, page.language) == (
        "html", "Harbour bridge reopens after storm repairs",
        "https://news.example.org/local/2023/03/harbour-bridge-reopens", "The Coastline Courier", "en")
    assert (page.published, page.published_from) == (datetime(2023, 3, 8, 7, 15), AnchorSource.HTML_META)


@pytest.mark.parametrize("furniture", ["cookies", "Accept all", "Related stories", "Ferry timetable changes",
                                       "Bridge turns 100", "Archive 2019", "Privacy", "Established 1885",
                                       "© 2019", "By Priya Ramanathan"])
def test_page_text_is_the_article_without_furniture(furniture: str) -> None:
    assert furniture not in analysed(HTML / "harbour-bridge-reopens.html").document.text


@pytest.mark.parametrize(("phrase", "value"), [("last Thursday", "2023-03-02"), ("on Monday", "2023-03-06"),
                                               ("14 February", "2023-02-14")])
def test_page_expressions_resolve_at_its_publication_date(phrase: str, value: str) -> None:
    assert analysed(HTML / "harbour-bridge-reopens.html").at(phrase).value == value


def test_a_time_element_alone_dates_the_page() -> None:
    page = analysed(HTML / "council-budget.html")
    assert (page.document.published, page.document.published_from) == (datetime(2024, 2, 29), AnchorSource.HTML_META)
    assert page.at("Wednesday night").value == "2024-02-28TNI"


def test_boilerplate_years_put_nothing_on_the_timeline() -> None:
    documents = [d for path in sorted(HTML.glob("*.html")) for d in read_file(path).documents]
    timeline = build_timeline(documents, Settings())
    assert timeline.events
    values = {e.value for e in timeline.events}
    assert not {v for v in values if v.startswith(("1885", "2019"))}


def test_boilerplate_that_survives_extraction_is_in_no_segment() -> None:
    page = analysed(HTML / "nairobi-floods-no-metadata.html")
    assert "Established 1885" in page.document.text  # trafilatura kept the tagline paragraph ...
    assert page.segment_at("Established 1885") is None  # ... so anchoring leaves it out
    assert page.segment_at("© 2019 Example Media") is None
    assert page.none_at("1885") == [] and page.none_at("2019") == []


def test_copyright_year_is_not_taken_as_the_publication_date() -> None:
    page = analysed(HTML / "nairobi-floods-no-metadata.html")
    assert page.document.published is None
    anchor = document_anchor(page.document, Settings())
    assert (anchor.source, anchor.description) == (AnchorSource.DATELINE,
                                                   'published 2020-06-09 (dateline "NAIROBI, 9 June 2020 —")')
    assert page.at("on Monday").value == "2020-06-08"


def test_a_file_that_is_not_a_page_is_an_input_error_and_nothing_is_fetched() -> None:
    with pytest.raises(InputError, match="url-only.html"):
        read_file(EDGE / "url-only.html")


# ---- Markdown front matter and sidecars

def test_front_matter_dates_and_describes_a_markdown_file() -> None:
    notes = analysed(MIXED / "markdown" / "allotment-newsletter.md")
    assert (notes.document.title, notes.document.url, notes.document.source) == (
        "Spring newsletter", "https://allotments.example.org/news/spring-2022", "Eastfield Allotment Society")
    assert notes.document.published_from == AnchorSource.FRONT_MATTER
    assert notes.at("yesterday").value == "2022-04-19"
    assert notes.at("last week").value == "2022-W15"


def test_sidecar_named_after_the_stem_dates_a_text_file() -> None:
    notes = analysed(MIXED / "markdown" / "council-notes.txt")
    assert (notes.document.published, notes.document.published_from) == (datetime(2024, 1, 12), AnchorSource.SIDECAR)
    assert notes.at("on Thursday").value == "2024-01-11"


def test_sidecar_keys_as_exporters_write_them(tmp_path) -> None:
    """A sidecar's "saved" is the retrieval time relative dates count back from; "datePublished" the publication."""
    page = tmp_path / "thread.txt"
    page.write_text("alice 2 days ago\nI tried it last night.\n", encoding="utf-8")
    (tmp_path / "thread.txt.meta.json").write_text('{"saved": "2026-03-11T10:00:00"}', encoding="utf-8")
    assert analysed(page).document.retrieved == datetime(2026, 3, 11, 10)
    (tmp_path / "thread.txt.meta.json").write_text('{"datePublished": "2026-03-09", "saved": true}', encoding="utf-8")
    assert (analysed(page).document.published, analysed(page).document.retrieved) == (datetime(2026, 3, 9), None)


# ---- datelines and bylines

@pytest.mark.parametrize(("name", "description"), [
    ("nairobi-floods.txt", 'published 2020-06-09 (dateline "NAIROBI, 9 June 2020 —")'),
    ("ap-stopgap-bill.txt", 'published 2023-10-03 (dateline "WASHINGTON (AP) — Oct. 3, 2023")'),
    ("library-published-updated.txt", 'published 2021-05-14T08:30 (byline "Published: 14 May 2021, 08:30")'),
    ("reuters-style.txt", 'published 2023-10-03 (dateline "LONDON, Oct 3 (Reuters) -", '
                          "read against retrieved 2023-10-05T12:00 (sidecar))"),
    ("press-release-place-line.txt", 'published 2024-10-04 (dateline "Brisbane, 4 October 2024")'),
])
def test_dateline_or_byline_gives_the_creation_time(name: str, description: str) -> None:
    assert document_anchor(read_file(DATELINES / name).documents[0], Settings()).description == description


@pytest.mark.parametrize(("name", "phrase", "value"), [
    ("nairobi-floods.txt", "on Monday", "2020-06-08"),
    ("nairobi-floods.txt", "since Friday", "2020-06-05"),
    ("ap-stopgap-bill.txt", "on Saturday", "2023-09-30"),
    ("library-published-updated.txt", "yesterday", "2021-05-13"),  # Published, not Updated (16 May)
    ("reuters-style.txt", "on Monday", "2023-10-02"),
    ("press-release-place-line.txt", "today", "2024-10-04"),
    ("press-release-place-line.txt", "next Friday", "2024-10-11"),
])
def test_expressions_resolve_at_the_dateline(name: str, phrase: str, value: str) -> None:
    assert analysed(DATELINES / name).at(phrase).value == value


def test_dateline_and_byline_dates_are_headers_not_events() -> None:
    for name, line in (("nairobi-floods.txt", "NAIROBI, 9 June 2020 —"),
                       ("library-published-updated.txt", "Updated: 16 May 2021, 17:05")):
        assert analysed(DATELINES / name).segment_at(line).kind == SegmentKind.POST_HEADER
    documents = read_file(DATELINES / "nairobi-floods.txt").documents
    assert "2020-06-09" not in {e.value for e in build_timeline(documents, Settings()).events}


def test_a_dateline_dates_the_sources_of_its_events() -> None:
    documents = read_file(DATELINES / "press-release-place-line.txt").documents
    events = build_timeline(documents, Settings()).events
    assert {e.value for e in events} == {"2024-03", "2024-10-04", "2024-10-11"}
    assert {s.published for e in events for s in e.sources} == {date(2024, 10, 4)}
    assert not any("Brisbane" == e.title for e in events)


PRESS_RELEASE = """Veltra Energy to reopen plant

TOULOUSE, France, May 20, 2025 /PRNewswire/ -- Veltra Energy today announced that Line 2 will reopen on June 2.

The company expects full output by the end of the year.

About Veltra Energy
Veltra Energy was founded in 2019 and employs 1,500 people.

Media contact:
press@veltra.example
"""


def test_a_wire_release_dateline_names_its_wire_between_slashes() -> None:
    document = Document(id="release.txt", text=PRESS_RELEASE)
    assert document_anchor(document, Settings()).description == \
        'published 2025-05-20 (dateline "TOULOUSE, France, May 20, 2025 /PRNewswire/ --")'


@pytest.mark.parametrize("heading", ["About Veltra Energy", "About Rolls-Royce", "About the Varnholt Water Authority"])
def test_a_press_release_about_section_is_no_event(heading: str) -> None:
    text = PRESS_RELEASE.replace("About Veltra Energy", heading)
    events = build_timeline([Document(id="release.txt", text=text)], Settings()).events
    assert {e.value for e in events} == {"2025-05-20", "2025-06-02", "2025"}
    assert not any("founded" in e.text for e in events)


@pytest.mark.parametrize("text", [
    # a heading early in the story
    "PARIS, 14 March 2022 — Talks resumed on Monday.\n\nAbout Veltra Energy\nThe two sides met in 2019.\n\n"
    "Officials will meet again on Friday, a spokesman said, and a deal could follow within weeks of it.\n",
    # a wrapped line of a paragraph that happens to start with "About"
    "PARIS, 14 March 2022 — Talks resumed on Monday after a long pause in the dispute over the plant.\n"
    "Union leaders met managers for three hours and agreed to meet again.\nThe two sides first met in 2019, "
    "and the talks broke down twice.\nAbout Veltra Energy\nofficials said little, though a deal could come "
    "on Friday.\n",
])
def test_an_about_line_that_is_no_closing_heading_keeps_what_follows(text: str) -> None:
    values = {e.value for e in build_timeline([Document(id="d", text=text)], Settings()).events}
    assert {"2019", "2022-03-18"} <= values


@pytest.mark.parametrize("line", [
    "Brisbane, 4 October 2024 the council said it would open the library.",  # a date opening a sentence
    "Smith Street, 4 October 2024 at the latest, the sign said, and nobody believed it at all.",
])
def test_a_place_and_date_inside_running_text_is_no_dateline(line: str) -> None:
    document = Document(id="d", text=f"{line}\n\nMore text follows here.\n")
    assert document_anchor(document, Settings()) is None


# ---- the order of trust

def test_sidecar_is_trusted_over_a_dateline() -> None:
    story = analysed(EDGE / "dateline-and-sidecar.txt")
    assert story.segment_at("schools in flooded areas").anchor.description == "published 2020-06-15 (sidecar)"
    assert story.at("on Friday").value == "2020-06-12"


def test_sidecar_is_trusted_over_html_metadata() -> None:
    page = analysed(EDGE / "page-with-sidecar.html")
    assert (page.document.published, page.document.published_from) == (datetime(2024, 3, 1, 6), AnchorSource.SIDECAR)
    assert page.document.title == "Budget story (as saved)"


def test_dateline_is_trusted_over_the_command_line_default() -> None:
    settings = Settings(published=datetime(2020, 7, 1))
    assert document_anchor(read_file(DATELINES / "nairobi-floods.txt").documents[0], settings).source == \
        AnchorSource.DATELINE


def test_command_line_published_anchors_a_document_that_states_nothing() -> None:
    notes = analysed(MIXED / "unanchored" / "meeting-notes.txt", Settings(published=datetime(2024, 6, 5)))
    assert notes.at("yesterday").value == "2024-06-04"
    assert notes.at("yesterday").chain == '"yesterday" → 2024-06-04, anchored at published 2024-06-05 (command line)'


def test_a_dated_folder_anchors_the_documents_filed_under_it(tmp_path) -> None:
    folder = tmp_path / "archive" / "2009-04-27"
    folder.mkdir(parents=True)
    shutil.copy(MIXED / "unanchored" / "meeting-notes.txt", folder / "notes.txt")
    notes = analysed(folder / "notes.txt")
    assert notes.at("yesterday").value == "2009-04-26"
    assert notes.at("yesterday").anchor.description == "published 2009-04-27 (file path)"


@pytest.mark.parametrize(("relative", "day"), [
    ("news/2010/06/01/spill.txt", "2010-06-01"), ("2024-10-23_statement.txt", "2024-10-23"),
    ("saved/2019.06.30/page.txt", "2019-06-30"),
])
def test_path_dates_in_the_usual_layouts(tmp_path, relative: str, day: str) -> None:
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("The council met yesterday.", encoding="utf-8")
    anchor = document_anchor(read_file(path).documents[0], Settings())
    assert (anchor.source, anchor.time.date().isoformat()) == (AnchorSource.FILE_PATH, day)


def test_a_dateline_is_trusted_over_a_dated_folder_and_the_folder_over_the_command_line(tmp_path) -> None:
    folder = tmp_path / "2020-07-30"
    folder.mkdir()
    shutil.copy(DATELINES / "nairobi-floods.txt", folder / "floods.txt")
    assert document_anchor(read_file(folder / "floods.txt").documents[0], Settings()).source == AnchorSource.DATELINE
    (folder / "plain.txt").write_text("The council met yesterday.", encoding="utf-8")
    plain = read_file(folder / "plain.txt").documents[0]
    assert document_anchor(plain, Settings(published=datetime(2021, 1, 1))).source == AnchorSource.FILE_PATH


def test_a_dated_folder_far_above_the_file_dates_nothing(tmp_path) -> None:
    deep = tmp_path / "2020-01-01-backup" / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (deep / "notes.txt").write_text("The council met yesterday.", encoding="utf-8")
    assert analysed(deep / "notes.txt").at("yesterday").basis == "unanchored"


# ---- no anchor at all

def test_without_an_anchor_absolute_dates_resolve_and_relative_ones_do_not() -> None:
    notes = analysed(MIXED / "unanchored" / "meeting-notes.txt")
    assert notes.at("12 March 2019").value == "2019-03-12"
    assert {notes.at(p).basis for p in ("yesterday", "next Tuesday")} == {"unanchored"}


def test_file_times_are_used_only_when_asked(tmp_path) -> None:
    copy = tmp_path / "meeting-notes.txt"
    shutil.copy(MIXED / "unanchored" / "meeting-notes.txt", copy)
    saved = datetime(2024, 6, 5, 14, 30).timestamp()
    os.utime(copy, (saved, saved))
    assert analysed(copy).at("yesterday").basis == "unanchored"
    with_times = analysed(copy, Settings(file_times=True))
    assert with_times.at("yesterday").value == "2024-06-04"
    assert with_times.at("yesterday").anchor.description == "retrieved 2024-06-05T14:30 (the file's modification time)"


def test_command_line_retrieved_is_trusted_over_file_times(tmp_path) -> None:
    copy = tmp_path / "meeting-notes.txt"
    shutil.copy(MIXED / "unanchored" / "meeting-notes.txt", copy)
    notes = analysed(copy, Settings(file_times=True, retrieved=datetime(2024, 1, 10)))
    assert notes.at("yesterday").value == "2024-01-09"


UPDATED_NOTE = """---
date: 2026-02-26
title: Ransomware notes
---
The water authority was hit by ransomware on Monday.

## Update, March 3

Board approved the ransom negotiation two days ago.

**UPDATE (10 March 2026):**

The customer portal came back last Wednesday.
"""


def test_a_dated_update_heading_anchors_its_section_at_its_own_day(tmp_path) -> None:
    path = tmp_path / "note.md"
    path.write_text(UPDATED_NOTE, encoding="utf-8")
    timeline = build_timeline(read_file(path).documents, Settings())
    assert {e.value for e in timeline.events} == {"2026-02-23", "2026-03-01", "2026-03-04"}
    assert not any("Update" in e.text or "UPDATE" in e.text for e in timeline.events)
    sections = [s.anchor.description for s in timeline.anchoring[0].segments if s.kind == SegmentKind.ARTICLE]
    assert sections[1].startswith('updated 2026-03-03 (heading "## Update, March 3", the year from published')
    assert sections[2] == 'updated 2026-03-10 (heading "**UPDATE (10 March 2026):**")'


INLINE_UPDATE_NOTE = """---
date: 2026-03-23
title: Inquiry ordered
---
The governor ordered an inquiry on Monday.

**UPDATE (25 March 2026):** The terms of reference came out on Wednesday.

UPDATE, April 2: The first hearing was moved on Thursday.

Update 3 April and the rest of this line is no heading.
"""


def test_an_update_heading_that_opens_its_line_anchors_the_text_after_it(tmp_path) -> None:
    path = tmp_path / "note.md"
    path.write_text(INLINE_UPDATE_NOTE, encoding="utf-8")
    timeline = build_timeline(read_file(path).documents, Settings())
    assert {e.value for e in timeline.events} == {"2026-03-23", "2026-03-25", "2026-04-02", "2026-04-03"}
    assert not any("UPDATE" in e.text for e in timeline.events)
    segments = timeline.anchoring[0].segments
    assert [s.label for s in segments if s.kind == SegmentKind.POST_HEADER] == ["update", "update"]
    sections = [s.anchor.description for s in segments if s.kind == SegmentKind.ARTICLE]
    assert sections[1] == 'updated 2026-03-25 (heading "**UPDATE (25 March 2026):**")'


def test_a_yearless_dateline_takes_its_year_from_the_published_flag_and_keeps_its_day(tmp_path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("Dam fears force evacuation\n\nLINDMARK, March 14 (Reuters) - Residents left early on Saturday. "
                    "Seepage was first reported on Monday.\n", encoding="utf-8")
    timeline = build_timeline(read_file(path).documents, Settings(published=datetime(2026, 3, 16)))
    anchor = timeline.anchoring[0].anchor
    assert anchor.time == datetime(2026, 3, 14) and "read against published 2026-03-16" in anchor.description
    assert {e.value for e in timeline.events} == {"2026-03-14", "2026-03-09"}


def test_an_age_in_a_byline_does_not_count_from_the_published_flag(tmp_path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Storm update\nUpdated 3 hours ago\n\nThe storm hit on Monday.\n", encoding="utf-8")
    timeline = build_timeline(read_file(path).documents, Settings(published=datetime(2026, 3, 16)))
    assert timeline.anchoring[0].anchor.source == AnchorSource.COMMAND_LINE


@pytest.mark.parametrize(("published", "heading", "day"), [
    ("2026-03-11", "Update (March 9):", "2026-03-09"),  # two days before the story, not a year on
    ("2025-12-20", "Update, Jan. 5:", "2026-01-05"),  # after the new year
    ("2026-02-26", "## Update, March 3", "2026-03-03"),
])
def test_a_yearless_update_heading_is_the_such_day_nearest_the_story(tmp_path, published: str, heading: str,
                                                                      day: str) -> None:
    path = tmp_path / "note.md"
    path.write_text(f"---\ndate: {published}\n---\nThe plant closed.\n\n{heading}\n\nThe vendor confirmed the bug "
                    "yesterday.\n", encoding="utf-8")
    timeline = build_timeline(read_file(path).documents, Settings())
    sections = [s.anchor.description for s in timeline.anchoring[0].segments if s.kind == SegmentKind.ARTICLE]
    assert sections[-1].startswith(f"updated {day} ")
