"""Threads: each post is a segment anchored at its own timestamp, and comments resolve against it."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from inputs_support import MIXED, analyse, analysed

from timeline import Anchor, AnchorSource, Document, SegmentKind, Settings
from timeline.anchoring import document_anchor, normalised_stamp, resolve_stamp
from timeline.pipeline import build_timeline, extract_document
from timeline.readers import read_file

THREADS = MIXED / "threads"


@pytest.fixture(scope="module")
def reddit_old():
    return analysed(THREADS / "reddit-old-boil-notice.txt")


@pytest.fixture(scope="module")
def reddit_new():
    return analysed(THREADS / "reddit-new-ferry-strike.txt")


@pytest.fixture(scope="module")
def reddit_redesign():
    return analysed(THREADS / "reddit-redesign-grain-silo.txt")


@pytest.fixture(scope="module")
def hacker_news():
    return analysed(THREADS / "hacker-news-dns-outage.txt")


@pytest.fixture(scope="module")
def forum():
    return analysed(THREADS / "allotment-forum.txt")


@pytest.fixture(scope="module")
def lemmy():
    return analysed(THREADS / "lemmy-library-hours.txt")


@pytest.fixture(scope="module")
def blog():
    return analysed(THREADS / "blog-with-comments.md")


@pytest.mark.parametrize(("stamp", "phrase"), [
    ("5h", "5 hours ago"), ("45m", "45 minutes ago"), ("2d", "2 days ago"), ("3mo", "3 months ago"),
    ("5 yr. ago", "60 months ago"), ("1 yr. ago", "12 months ago"), ("2 weeks ago", "14 days ago"),
    ("an hour ago", "1 hour ago"), ("29 days ago", "29 days ago"),
    ("Jan 5, 2023", "Jan 5, 2023"), ("January 8, 2023 at 2:14 pm", "January 8, 2023 at 2:14 pm"),
])
def test_site_timestamps_become_phrases_the_tagger_reads(stamp: str, phrase: str) -> None:
    assert normalised_stamp(stamp) == phrase


# ---- old Reddit

@pytest.mark.parametrize(("phrase", "value"), [
    ("last night", "2023-01-09TNI"),           # in the post submitted 2 days ago
    ("this morning", "2023-01-10TMO"),         # in a comment from 2 days ago
    ("yesterday afternoon", "2023-01-10TAF"),  # in a comment from 22 hours ago
    ("tomorrow morning", "2023-01-12TMO"),
    ("this afternoon", "2023-01-12TAF"),       # in a comment from 5 hours ago
])
def test_old_reddit_comment_expressions_resolve_at_their_comment(reddit_old, phrase: str, value: str) -> None:
    assert reddit_old.at(phrase).value == value


def test_old_reddit_chain_names_the_comment_time_and_the_retrieval(reddit_old) -> None:
    assert reddit_old.at("last night").chain == (
        '"last night" → 2023-01-09TNI, anchored at the post\'s time 2023-01-10 '
        '("2 days ago", counted from retrieved 2023-01-12T18:00 (sidecar))')


def test_old_reddit_edit_time_does_not_anchor_the_comment(reddit_old) -> None:
    segment = reddit_old.segment_at("We lost pressure")
    assert segment.kind == SegmentKind.POST
    assert segment.anchor.source == AnchorSource.POST_TIME
    assert segment.anchor.time.isoformat() == "2023-01-11T20:00:00"  # 22 hours ago, not "last edited 20 hours ago"


@pytest.mark.parametrize("phrase", ["edit-2", "112 points", "31 points", "civic_minded_42", "96% Upvoted",
                                    "47 comments"])
def test_old_reddit_edit_marks_votes_and_names_are_not_dates(reddit_old, phrase: str) -> None:
    assert reddit_old.none_at(phrase) == []


def test_header_timestamps_never_become_events() -> None:
    documents = read_file(THREADS / "reddit-old-boil-notice.txt").documents
    timeline = build_timeline(documents, Settings())
    assert timeline.events
    assert all(source.segment_kind != SegmentKind.POST_HEADER for e in timeline.events for source in e.sources)
    assert not [e for e in timeline.events if "points" in e.text or "submitted" in e.text]


# ---- new Reddit

@pytest.mark.parametrize(("phrase", "value"), [
    ("yesterday evening", "2023-03-13TEV"),  # u/tidewatcher · 2d
    ("today", "2023-03-16"),                 # u/portside_pat · 18h
    ("tomorrow", "2023-03-17"),
    ("tonight", "2023-03-16TNI"),            # u/deckhand_lou · 45m
    ("Saturday", "2023-03-18"),              # the OP's comment, 3d
])
def test_new_reddit_compact_stamps_anchor_each_comment(reddit_new, phrase: str, value: str) -> None:
    assert reddit_new.at(phrase).value == value


def test_new_reddit_hours_stamp_keeps_the_time_of_day(reddit_new) -> None:
    anchor = reddit_new.segment_at("Strike called off").anchor
    assert anchor.time.isoformat() == "2023-03-16T03:30:00"
    assert anchor.description == \
        'the post\'s time 2023-03-16T03:30 ("18h", counted from retrieved 2023-03-16T21:30 (sidecar))'


def test_new_reddit_edited_stamp_in_the_header_is_not_the_post_time(reddit_new) -> None:
    assert reddit_new.segment_at("Can confirm").anchor.time.isoformat() == "2023-03-16T20:45:00"


# ---- Reddit 2018-2022 layout ("level 1", "5 yr. ago")

def test_redesign_year_stamps_anchor_at_the_month_they_count_back_to(reddit_redesign) -> None:
    anchor = reddit_redesign.segment_at("When was the old grain silo").anchor
    assert anchor.time.isoformat() == "2018-05-01T00:00:00"
    assert '2018-05 ("5 yr. ago", counted from retrieved 2023-05-20T11:00 (sidecar))' in anchor.description


@pytest.mark.parametrize(("phrase", "value"), [
    ("last year", "2017"),      # in the post from 5 yr. ago, not 2022
    ("last month", "2022-04"),  # in the comment from 1 yr. ago, not 2023-04
])
def test_redesign_comment_expressions_resolve_at_their_comment(reddit_redesign, phrase: str, value: str) -> None:
    assert reddit_redesign.at(phrase).value == value


def test_redesign_edited_line_is_a_header(reddit_redesign) -> None:
    assert reddit_redesign.segment_at("· edited 4 yr. ago").kind == SegmentKind.POST_HEADER


# ---- Hacker News

@pytest.mark.parametrize(("phrase", "value"), [
    ("15:30 yesterday", "2023-06-11T15:30"),  # alice_k 2 days ago
    ("on Monday", "2023-06-12T14:12"),  # carol_dev 1 day ago: "at 14:12 on Monday"
    ("next Friday", "2023-06-16"),   # bob_ops 19 hours ago
    ("last week", "2023-W22"),       # dang on Jun 9, 2023
])
def test_hacker_news_comments_resolve_at_their_own_time(hacker_news, phrase: str, value: str) -> None:
    assert hacker_news.at(phrase).value == value


def test_hacker_news_story_and_comment_lines_are_headers(hacker_news) -> None:
    for line in ("87 points by bob_ops", "alice_k 2 days ago | next", "dang on Jun 9, 2023 | prev"):
        assert hacker_news.segment_at(line).kind == SegmentKind.POST_HEADER
    assert hacker_news.none_at("87 points") == []


def test_hacker_news_absolute_stamp_anchors_without_retrieval_arithmetic(hacker_news) -> None:
    assert hacker_news.segment_at("Related, from last week").anchor.description == \
        'the post\'s time 2023-06-09 ("on Jun 9, 2023")'


# ---- generic "Posted on" forums and blog comments

@pytest.mark.parametrize(("phrase", "value"), [
    ("last month", "2022-03"),      # Posted on 3 April 2022 (the opening post: the thread's byline)
    ("last Friday", "2022-04-01"),  # Posted on 5 April 2022 at 21:40
    ("next Tuesday", "2022-04-12"), # Posted by plotholder_77 on April 9, 2022
    ("yesterday", "2022-04-19"),    # Posted by Maureen_G on April 20, 2022
])
def test_forum_posts_resolve_at_their_posted_on_dates(forum, phrase: str, value: str) -> None:
    assert forum.at(phrase).value == value


def test_forum_edited_lines_are_headers_not_posts(forum) -> None:
    for line in ("Last edited: 4 April 2022", "Last edited by plotholder_77"):
        assert forum.segment_at(line).kind == SegmentKind.POST_HEADER
    # the edit did not start a new post: the text after it still belongs to 3 April's post
    assert forum.segment_at("I put my name down").anchor.time.isoformat() == "2022-04-03T09:14:00"


@pytest.mark.parametrize(("phrase", "value"), [
    ("Last month", "2022-12"),   # the article, front matter date 2023-01-06
    ("yesterday", "2023-01-07"), # Margaret Hale, January 8, 2023 at 2:14 pm
    ("next month", "2023-02"),
    ("the session on Saturday", "2023-01-14"),  # Sam Okoro, January 15, 2023 at 9:02 am
])
def test_blog_comments_resolve_at_their_own_dates(blog, phrase: str, value: str) -> None:
    assert blog.at(phrase).value == value


# ---- Lemmy

@pytest.mark.parametrize(("phrase", "value"), [
    ("next Monday", "2024-05-06"),          # the article, published 2024-05-03
    ("yesterday", "2024-05-07"),            # 12 days ago from 2024-05-20
    ("last night", "2024-05-10TNI"),        # 9 days ago, header with edit-2 and vote counts
    ("10pm on Tuesday", "2024-05-14T22:00"),  # 2 days ago
])
def test_lemmy_comments_resolve_at_their_own_time(lemmy, phrase: str, value: str) -> None:
    assert lemmy.at(phrase).value == value


def test_post_without_a_retrieval_time_is_unanchored(tmp_path) -> None:
    text = (THREADS / "hacker-news-dns-outage.txt").read_text(encoding="utf-8")
    (tmp_path / "thread.txt").write_text(text, encoding="utf-8")
    thread = analysed(tmp_path / "thread.txt")
    assert thread.segment_at("We saw resolution failures").anchor is None
    assert thread.at("yesterday").basis == "unanchored"
    assert thread.at("last week").value == "2023-W22"  # the post stamped "on Jun 9, 2023" needs no retrieval


# ---- a news page whose comments open with "At <time> <date>, NAME wrote:" (BBC Have Your Say)

@pytest.fixture(scope="module")
def have_your_say():
    return analysed(THREADS / "news-page-have-your-say.txt")


@pytest.mark.parametrize(("phrase", "value"), [
    ("Tuesday", "2022-03-15"),      # the article, published 2022-03-15
    ("yesterday", "2022-03-15"),    # At 09:12 16th Mar 2022
    ("last week", "2022-W10"),      # At 2:40 pm on 18 Mar 2022
    ("next month", "2022-04"),
    ("tomorrow", "2022-03-19"),     # At 7:05 pm on 18 Mar 2022
])
def test_inline_comment_headers_anchor_each_comment(have_your_say, phrase: str, value: str) -> None:
    assert have_your_say.at(phrase).value == value


def test_inline_comment_header_reads_its_clock_on_its_own_date(have_your_say) -> None:
    # the stamp puts the clock first; the page was saved two days later, which must not lend its date
    segment = have_your_say.segment_at("They told us last week")
    assert segment.kind == SegmentKind.POST
    assert segment.anchor.time.isoformat() == "2022-03-18T14:40:00"
    header = have_your_say.segment_at("harbour_kid wrote")
    assert header.kind == SegmentKind.POST_HEADER


def test_a_quote_in_an_article_is_not_a_comment_header() -> None:
    from timeline.anchoring import wrote_headers
    text = 'At 10 am on Monday, the mayor wrote: "I am sorry for the delays."\nThe council will meet next week.\n'
    assert wrote_headers(text, 0, None) == []
    assert len(wrote_headers("At 2:10 pm on 02 Jun 2009 , ghostofsichuan wrote : As much as ...\n", 0, None)) == 1


# ---- a video page's comments: a handle and its age alone on a line

@pytest.fixture(scope="module")
def video_comments():
    return analysed(THREADS / "video-comments-bridge-repair.txt")


@pytest.mark.parametrize(("phrase", "value"), [
    ("this morning", "2024-10-23TMO"),   # @harbour_watch 5 hours ago, saved 2024-10-23 18:00
    ("on Friday", "2024-10-18"),         # @km_cycles 2 days ago (edited): Monday 21 October
    ("yesterday", "2024-10-15"),         # olwen.p 1 week ago
    ("next week", "2024-W42"),           # the page itself, published 2024-10-12
])
def test_handle_and_age_lines_anchor_each_comment(video_comments, phrase: str, value: str) -> None:
    assert video_comments.at(phrase).value == value


def test_handle_and_age_lines_are_headers_and_the_page_under_an_update_line_keeps_its_publication(
        video_comments) -> None:
    for line in ("@harbour_watch 5 hours ago", "@km_cycles 2 days ago (edited)", "olwen.p 1 week ago"):
        assert video_comments.segment_at(line).kind == SegmentKind.POST_HEADER
    page = video_comments.segment_at("It says the")
    assert page.kind == SegmentKind.ARTICLE
    assert page.anchor.description == "published 2024-10-12 (sidecar)"  # not "Updated 3 days ago" as a post


def test_a_lemmy_handle_with_its_instance_and_age_is_a_post_header() -> None:
    text = ("Millbrook outage: what we know\nsubmitted 4 days ago by civicwatch to c/news\n\n"
            "civicwatch@lemmy.world 4 days ago\nThe FBI joined the investigation last Thursday.\n\n"
            "packetloss@feddit.de 2 days ago\nThe ransom demand was lowered on Monday.\n")
    document = Document(id="thread.txt", text=text, retrieved=datetime(2026, 3, 7, 12),
                        retrieved_from=AnchorSource.SIDECAR)
    events = build_timeline([document], Settings()).events
    assert not any("lemmy.world" in e.text or "feddit" in e.text for e in events)
    assert {e.value for e in events} == {"2026-02-26", "2026-03-02"}


def test_posted_by_lines_at_the_top_of_a_short_thread_head_posts_not_the_page() -> None:
    """Three "Posted by NAME on DATE" lines within the first lines: the first dates the page (its first post read
    as the article), the others head posts of their own, not more bylines; a numeric stamp that month first would
    lie after the page was saved is read day first (11 March)."""
    text = ("Re: Water main break on Elm St\n"
            "Posted by kate_m on Mar 9, 2026 at 8:14 PM\nThe crews said it would be fixed by tomorrow morning.\n\n"
            "Posted by dave_r on Mar 10, 2026 at 7:02 AM\nStill no water here. The main burst on Sunday.\n\n"
            "Posted by admin on 11/03/2026 09:30\nUpdate: the city says service returns at noon today.\n")
    document = Document(id="forum.txt", text=text, retrieved=datetime(2026, 3, 11, 12),
                        retrieved_from=AnchorSource.SIDECAR)
    segments, expressions = analyse(document, Settings())
    assert [s.kind for s in segments].count(SegmentKind.POST) == 2
    assert document_anchor(document, Settings()).time == datetime(2026, 3, 9, 20, 14)
    values = {e.text: e.value for e in expressions}
    assert values["tomorrow morning"] == "2026-03-10TMO"
    assert values["Sunday"] == "2026-03-08"
    assert values["noon today"] == "2026-03-11T12:00"


def test_a_blog_byline_stays_the_page_date_when_its_comments_use_the_same_header() -> None:
    text = ("Allotment news\nPosted by admin on March 2, 2026\n\nThe water was cut off on Sunday across the site, "
            "and the committee will meet on Friday to decide what to do about the pipes.\n\n"
            "Posted by bob on March 3, 2026\nIt came back this morning.\n\n"
            "Posted by sue on March 4, 2026\nNot on plot 9 it didn't.\n")
    document = Document(id="blog.txt", text=text)
    assert document_anchor(document, Settings()).time == datetime(2026, 3, 2)
    values = {e.text: e.value for e in analyse(document, Settings())[1]}
    assert (values["Sunday"], values["this morning"]) == ("2026-03-01", "2026-03-03TMO")


def test_a_numeric_stamp_keeps_month_first_when_that_is_not_after_the_retrieval() -> None:
    saved = Anchor(time=datetime(2026, 12, 1), source=AnchorSource.SIDECAR, field="retrieved", description="saved")
    assert resolve_stamp("11/03/2026 09:30", saved).moment == datetime(2026, 11, 3, 9, 30)
    early = Anchor(time=datetime(2026, 3, 11, 12), source=AnchorSource.SIDECAR, field="retrieved", description="saved")
    assert resolve_stamp("11/03/2026 09:30", early).moment == datetime(2026, 3, 11, 9, 30)
    aware = Anchor(time=datetime(2026, 3, 11, 12, tzinfo=timezone.utc), source=AnchorSource.SIDECAR, field="retrieved",
                   description="saved")
    assert resolve_stamp("11/03/2026 09:30", aware).moment == datetime(2026, 3, 11, 9, 30)


LIVE_PAGE = """LIVE: Harbour crane collapse – latest updates
Last updated: Sun 15 Mar 2026 18:50 GMT

06:25 GMT
Reports are coming in that a crane has fallen. A witness says it happened about fifteen minutes ago.

07:40 GMT
The port authority confirms the collapse. The quay had been closed yesterday.

09:15 GMT
Divers went in at 9:40.

18:50 GMT
That's all from us today. We'll be back tomorrow at 7am.
"""


def _live_values(text: str, folder) -> dict[str, str]:
    path = folder / "live.txt"
    path.write_text(text, encoding="utf-8")
    return {e.text: e.value for e in extract_document(path)}


def test_a_live_pages_entries_are_read_against_their_own_clocks(tmp_path) -> None:
    values = _live_values(LIVE_PAGE, tmp_path)
    assert values["about fifteen minutes ago"] == "2026-03-15T06:10"  # from its entry's 06:25, not from 18:50
    assert values["yesterday"] == "2026-03-14"
    assert values["9:40"] == "2026-03-15T09:40"  # an entry's "yesterday" does not pull the next one back a day
    assert values["tomorrow at 7am"] == "2026-03-16T07:00"


def test_live_entries_newest_first_turn_back_a_day_past_midnight(tmp_path) -> None:
    page = ("Live: storm updates\nPublished: 16 March 2026\n\n"
            "01:10 - The wind has dropped. It peaked an hour ago.\n\n"
            "23:30 - Gusts reached 120 km/h ten minutes ago.\n\n"
            "22:05 - The first trees came down twenty minutes ago.\n")
    values = _live_values(page, tmp_path)
    assert values["an hour ago"] == "2026-03-16T00:10"
    assert values["ten minutes ago"] == "2026-03-15T23:20"
    assert values["twenty minutes ago"] == "2026-03-15T21:45"


def test_a_programme_of_clock_lines_is_no_live_page(tmp_path) -> None:
    values = _live_values("Published: 10 March 2025\n\nThe conference opens on Friday.\n"
                          "09:00 - Registration\n10:30 - Keynote\n12:00 - Lunch\n", tmp_path)
    assert values["10:30"] == "2025-03-14T10:30"


def test_no_live_entry_lies_after_the_time_of_writing(tmp_path) -> None:
    page = ("Live: storm updates\nPublished: 11 March 2026 01:00\n\n"
            "00:15 - The wind has dropped.\n\n23:50 - Gusts reached 120 km/h an hour ago.\n")
    assert _live_values(page, tmp_path)["an hour ago"] == "2026-03-10T22:50"


def test_a_page_that_only_uses_the_word_live_is_no_live_page(tmp_path) -> None:
    values = _live_values("Published: 10 March 2025\n\nResidents who live near the hall are invited. It opens on "
                          "Friday.\n09:00 - Registration\n10:30 - Keynote\n12:00 - Lunch\n", tmp_path)
    assert values["10:30"] == "2025-03-14T10:30"


# ---- X (Twitter) and Facebook: a handle and a middle dot, a name over a line with the time
@pytest.fixture(scope="module")
def x_thread():
    return analysed(THREADS / "x-tornado-warning.txt")


@pytest.fixture(scope="module")
def facebook_thread():
    return analysed(THREADS / "facebook-power-cut.txt")


@pytest.mark.parametrize(("phrase", "anchor"), [
    ("Tornado warning", "2026-03-11T15:00:00"),  # @NWSFortWorth · 3h
    ("Confirmed touchdown", "2026-03-11T17:13:00"),  # @dfw_news · 47m
    ("The last tornado", "2026-03-09T00:00:00"),  # @kellyr · Mar 9
])
def test_x_posts_are_anchored_at_their_own_stamps(x_thread, phrase: str, anchor: str) -> None:
    segment = x_thread.segment_at(phrase)
    assert segment.kind == SegmentKind.POST
    assert segment.anchor.source == AnchorSource.POST_TIME
    assert segment.anchor.time.isoformat() == anchor


def test_x_post_times_resolve_on_the_posts_day(x_thread) -> None:
    assert x_thread.at("7:45 PM CDT").value == "2026-03-11T19:45"
    assert x_thread.at("April 2024").value == "2024-04"


@pytest.mark.parametrize(("phrase", "value"), [
    ("3 this morning", "2026-03-10T03:00"),  # posted "Yesterday at 5:42 PM": that post's morning
    ("Monday night", "2026-03-09TNI"),       # posted "March 9 at 8:15 AM", a Monday
    ("tonight", "2026-03-09TNI"),
    ("Sunday", "2026-03-08"),                # posted "2d" before the page was saved
])
def test_facebook_comments_resolve_against_their_own_time(facebook_thread, phrase: str, value: str) -> None:
    assert facebook_thread.at(phrase).value == value


def test_facebook_header_lines_are_not_events(facebook_thread) -> None:
    headers = [s for s in facebook_thread.segments if s.kind == SegmentKind.POST_HEADER]
    assert len(headers) == 3
    events = build_timeline([facebook_thread.document], Settings()).events
    assert events
    assert all("5:42" not in source.expression for event in events for source in event.sources)


def test_one_name_over_a_time_line_is_no_thread() -> None:
    text = "Maria Lopez\nMarch 9 at 8:15 AM\nThe council met on Monday and approved the budget.\n"
    document = Document(id="byline.txt", text=text, retrieved=datetime(2026, 3, 11, 18, 0))
    segments, _ = analyse(document, Settings())
    assert all(segment.kind == SegmentKind.ARTICLE for segment in segments)
