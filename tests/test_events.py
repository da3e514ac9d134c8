"""Events: a happening with a date, a short title, detokenized text, one event per date of a sentence."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import timeline
from timeline.events import display_text, make_title

PUBLISHED = datetime(2024, 3, 11)


def events_of(text: str, published: datetime = PUBLISHED) -> list[timeline.Event]:
    document = timeline.Document(id="doc", text=text, published=published,
                                 published_from=timeline.AnchorSource.SIDECAR)
    return timeline.build_timeline([document], timeline.Settings()).events


def test_a_sentence_with_two_dates_yields_an_event_on_each_with_its_own_clause() -> None:
    events = events_of("The coast road reopened on Monday, a week after a landslide closed it on March 3.")
    by_day = {e.start: e for e in events}
    assert set(by_day) == {date(2024, 3, 11), date(2024, 3, 3)}
    assert by_day[date(2024, 3, 11)].text == "The coast road reopened on Monday"
    assert by_day[date(2024, 3, 3)].text == "a landslide closed it on March 3."


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Construction began last March and the library will open next Friday.", "Construction began", "the library will open"),
    ("Sales fell in January, but profits rose on 3 March.", "Sales fell", "profits rose on 3 March."),
])
def test_a_two_word_clause_is_a_happening_of_its_own(text: str, first: str, second: str) -> None:
    texts = sorted((e.start, e.text) for e in events_of(text))
    assert len(texts) == 2 and texts[0][1].startswith(first) and texts[1][1].startswith(second)


@pytest.mark.parametrize(("text", "first", "second"), [
    ("The strike, which began on Monday, ended on Thursday after a pay deal.",
     "The strike began on Monday", "The strike ended on Thursday after a pay deal."),
    ("The minister, who resigned on 2 March, returned to parliament on Friday.",
     "The minister resigned on 2 March", "The minister returned to parliament on Friday."),
    # a participle's aside keeps its own words ("The ceasefire agreed" would make it the agent)
    ("The ceasefire, agreed on Sunday, collapsed within hours on Monday.",
     "The ceasefire, agreed on Sunday", "The ceasefire collapsed within hours on Monday."),
    ("The bridge, built in 1932, was closed on Tuesday.", "The bridge, built in 1932", "The bridge was closed on Tuesday."),
    # "which" tells of the thing last named, the rest of the sentence of the whole subject
    ("Repairs to the bridge, which closed in January, would finish on April 1.",
     "the bridge closed in January", "Repairs to the bridge would finish on April 1."),
])
def test_a_subject_with_an_aside_dated_apart_gives_each_date_the_subject(text: str, first: str, second: str) -> None:
    assert sorted(e.text for e in events_of(text)) == sorted([first, second])


@pytest.mark.parametrize(("text", "titles"), [
    ("Born in 1950 in Lagos, she moved to London in 1972 and founded the company in 1985.",
     ["Born in Lagos", "She founded the company", "She moved to London"]),
    ("The council voted on Tuesday and approved the budget on Wednesday.",
     ["The council approved the budget", "The council voted"]),
])
def test_a_clause_that_opens_with_its_verb_takes_the_subject_before_it(text: str, titles: list[str]) -> None:
    assert sorted(e.title for e in events_of(text)) == titles


def test_an_aside_inside_the_sentence_gives_its_date_and_the_next_the_noun_phrase_before_it() -> None:
    events = events_of("Officials said Monday that the bridge, which closed in January, would reopen on April 1.")
    assert sorted(e.title for e in events) == ["Officials said", "The bridge closed", "The bridge would reopen"]


def test_a_sentence_with_a_founding_aside_is_news_not_a_tagline() -> None:
    events = events_of("The company, founded in 1985, moved its headquarters in 2002.")
    assert sorted(e.value for e in events) == ["1985", "2002"]


def test_an_aside_without_a_date_of_its_own_is_not_split() -> None:
    events = events_of("The bridge, which carries the main road, reopened on Monday after repairs that began on 1 March.")
    assert len(events) == 2
    assert all("which carries the main road" in e.sources[0].sentence for e in events)
    assert not any(e.text.startswith("The bridge carries") for e in events)


def test_a_date_that_only_frames_the_sentence_is_not_an_event_of_its_own() -> None:
    events = events_of("In March, the council said on Tuesday that repairs would start soon.")
    assert [e.start for e in events] == [date(2024, 3, 5)]


@pytest.mark.parametrize("text", [
    "The town will restore the 1800s warehouse by the end of the year.",
    "They fitted a 1970s-style kitchen on Monday.",
    "Critics said on Friday that 1980s music is back in fashion.",
])
def test_an_era_before_a_noun_describes_a_thing_and_dates_nothing(text: str) -> None:
    assert all(e.granularity not in (timeline.Granularity.DECADE, timeline.Granularity.CENTURY)
               for e in events_of(text))
    assert len(events_of(text)) == 1


@pytest.mark.parametrize(("text", "value"), [
    ("In the 1980s music changed.", "198"),
    ("Railways spread across Europe in the late 1800s.", "18"),
    ("The 1930s depression hit farmers hard.", "193"),
    ("The 20th century witnessed two world wars.", "19"),
])
def test_an_era_after_a_preposition_still_dates_its_clause(text: str, value: str) -> None:
    assert [e.value for e in events_of(text)] == [value]


def test_a_negated_date_dates_nothing() -> None:
    events = events_of("The landslide closed the road on Saturday, not on Sunday as reported.")
    assert [e.start for e in events] == [date(2024, 3, 9)]


def test_reported_speech_keeps_the_date_the_text_gives_and_is_marked() -> None:
    text = "South Korea's spy agency said on Friday that North Korea had sent 1,500 troops to Russia."
    (event,) = events_of(text, published=datetime(2024, 10, 21))
    assert event.start == date(2024, 10, 18)
    assert event.reported_speech and event.sources[0].reported_speech


@pytest.mark.parametrize("text", [
    "On Friday, the spy agency said troops had arrived in Vladivostok.",
    "Defense Secretary Lloyd Austin told reporters in Rome on Wednesday that there was evidence.",
    "The company said in a statement on Monday that it would cut 300 jobs.",
    "The plan is sound, said spokesman John Kirby on Friday.",
    "Late on Friday, the ministry said the talks had failed.",
])
def test_a_date_on_the_saying_is_reported_speech(text: str) -> None:
    (event,) = events_of(text)
    assert event.reported_speech


@pytest.mark.parametrize("text", [
    "On Friday, troops attacked the town, officials said.",
    "The ferry sank on Sunday, officials said.",
    "Officials said the ferry sank on Sunday.",
    "Police reported the crash happened on Monday.",
    "Residents said the water ran brown again on Saturday.",
])
def test_a_date_on_the_happening_in_an_attributed_sentence_is_not_reported_speech(text: str) -> None:
    (event,) = events_of(text)
    assert not event.reported_speech


def test_page_stamps_are_not_events() -> None:
    text = ("At 18:20 29th Apr 2009, vampfan wrote: I have never commented before.\n\n"
            "SINGAPORE, April 27 (Reuters) - Fears grew about a new strain of flu.\n\n"
            "A child died in Texas on Wednesday.")
    events = events_of(text, published=datetime(2009, 4, 30))
    assert [e.start for e in events] == [date(2009, 4, 29)]
    assert events[0].text == "A child died in Texas on Wednesday."


@pytest.mark.parametrize("text", [
    "The terms of reference were published on Wednesday.",
    "The report was published on Wednesday and blamed the operator.",
])
def test_a_sentence_that_tells_of_a_publishing_is_an_event_not_a_stamp(text: str) -> None:
    events = events_of(text, published=datetime(2026, 3, 27))
    assert [(e.start, e.text) for e in events] == [(date(2026, 3, 25), text)]
    for stamp in ("Published on Wednesday, 25 March 2026\nThe dam broke.", "BBC News, updated 25 March 2026"):
        assert events_of(stamp, published=datetime(2026, 3, 27)) == []


def test_a_date_beside_a_pages_update_line_is_a_stamp() -> None:
    text = ("7 November 2011 Last updated at 21:40 GMT Help The doctor has been found guilty .\n"
            "Page last updated at 08:14 GMT , Tuesday , 8 November 2011 The jury had deliberated since Friday .")
    events = events_of(text, published=datetime(2011, 11, 8))
    assert [(e.start, e.text) for e in events] == [(date(2011, 11, 4), "The jury had deliberated since Friday.")]


@pytest.mark.parametrize("text", [
    "At 1:28 pm on 10 Jun 2010 , RoyaltyinThePremiership wrote : Is the US using BP ?",
    "Friday 4 June 2010 18.15 BST Barack Obama surveys damage along the coast .",
    "May 10 , 2010 20:07 UTC With oil shimmering off the coast , officials met .",
    "The response to the spill is slow Posted by : rmorris391 | June 7",
    "Jun 7 , 2010 7:51 PM | Report abuse It is immaterial what Obama said .",
])
def test_comment_and_page_stamps_in_tokenized_text_are_not_events(text: str) -> None:
    assert events_of(text, published=datetime(2010, 6, 10)) == []


def test_a_wire_dateline_before_the_first_sentence_is_left_out_of_the_text() -> None:
    text = ("NEW YORK | Mon Apr 27 , 2009 11:34 pm BST NEW YORK -LRB- Reuters -RRB- - Fears of a pandemic "
            "hit markets on Monday .")
    (event,) = events_of(text, published=datetime(2009, 4, 28))
    assert event.start == date(2009, 4, 27) and event.text == "Fears of a pandemic hit markets on Monday."


def test_tokenized_input_is_detokenized_for_display() -> None:
    text = "BP 's chief said on Monday that the `` top kill '' bid -LRB- a first -RRB- had failed , again ."
    (event,) = events_of(text)
    assert event.text == "BP's chief said on Monday that the “top kill” bid (a first) had failed, again."
    assert display_text("Salazar : ` This is a BP mess . '") == "Salazar: ‘This is a BP mess.’"


def test_title_is_actor_and_action_without_the_date() -> None:
    title = make_title("South Korea's spy agency said on Friday that North Korea had sent troops.", ["Friday"])
    assert title == "South Korea's spy agency said that North Korea had sent troops"


def test_title_keeps_at_most_a_dozen_words_and_never_cuts_a_word() -> None:
    text = ("Engineers from North Yorkshire Council reached the slip within hours on Sunday and said the "
            "cliff was still moving towards the houses below")
    title = make_title(text, ["Sunday"])
    words = title.rstrip("…").split()
    assert len(words) <= 12 and title.endswith("…")
    assert all(word in text.split() for word in words)


def test_a_title_cut_short_ends_at_a_pause_rather_than_strand_a_phrase() -> None:
    text = "Rivex chief executive Jean Moreau resigned on Tuesday, a week after the fire that killed two workers."
    assert make_title(text, ["Tuesday"]) == "Rivex chief executive Jean Moreau resigned…"


def test_title_drops_lead_in_fillers_and_capitalises() -> None:
    assert make_title("Separately, firefighters put out a barn fire on Sunday.", ["Sunday"]) == \
        "Firefighters put out a barn fire"
    assert make_title("After that, the company filed for bankruptcy on May 3.", ["May 3"]) == \
        "The company filed for bankruptcy"


def test_before_that_is_a_time_of_its_clause_not_where_a_clause_begins() -> None:
    events = events_of("The last eruption was in December 2023, and the one before that in August.")
    texts = {e.value: e.text for e in events}
    assert texts == {"2023-12": "The last eruption was in December 2023", "2023-08": "the one before that in August."}


def test_each_source_records_its_position_and_outlet() -> None:
    document = timeline.Document(id="doc", text="Intro line without dates.\n\nThe road closed on Sunday.",
                                 published=PUBLISHED, published_from=timeline.AnchorSource.SIDECAR,
                                 source="Coast Herald")
    (event,) = timeline.build_timeline([document], timeline.Settings()).events
    assert event.sources[0].outlet == "Coast Herald"
    assert 0.3 < event.sources[0].position < 1.0


@pytest.mark.parametrize(("sentence", "dates", "title"), [
    ("According to the council's minutes, dated 4 May, the bridge will close for repairs.", ["4 May"],
     "The bridge will close for repairs"),
    ("What makes the decision unusual is that on Friday the board overruled its own chair.", ["Friday"],
     "The board overruled its own chair"),
])
def test_title_skips_attribution_and_cleft_openings(sentence: str, dates: list[str], title: str) -> None:
    assert make_title(sentence, dates) == title


@pytest.mark.parametrize(("sentence", "dates", "title"), [
    ("The procedure, which began on Wednesday, involves pumping mud into the well.", ["on Wednesday"],
     "The procedure involves pumping mud into the well"),
    ("The minister, who resigned in May, said nothing.", ["May"], "The minister said nothing"),
    ("Paris, which hosted the talks on Monday, was calm.", ["Monday"], "Paris, which hosted the talks, was calm"),
])
def test_title_drops_an_aside_that_losing_its_date_leaves_empty(sentence: str, dates: list[str], title: str) -> None:
    assert make_title(sentence, dates) == title


@pytest.mark.parametrize(("sentence", "dates", "title"), [
    ("The next full council meeting is on 25 April.", ["25 April"], "The next full council meeting"),
    ("Opening hours were cut back to 10pm because of staffing.", ["10pm"], "Opening hours were cut back because of staffing"),
    ("The hearing planned for March 3 was postponed.", ["March 3"], "The hearing planned was postponed"),
    ("Crowds gathered around midnight in the square.", ["midnight"], "Crowds gathered in the square"),
])
def test_title_leaves_no_word_hanging_where_the_date_was(sentence: str, dates: list[str], title: str) -> None:
    assert make_title(sentence, dates) == title


def test_a_title_too_short_to_lose_its_verb_keeps_it() -> None:
    # Dropping "was" would leave two words, too few to say who did what: the clause is kept whole.
    assert make_title("The pool was on Monday.", ["Monday"]) == "The pool was"


@pytest.mark.parametrize(("text", "expression", "title"), [
    ('"We heard three explosions around 11 pm," said June Carter.', "around 11 pm", '"We heard three explosions," said June Carter'),
    ('He said, "We left on Monday" and went home.', "Monday", 'He said, "We left" and went home'),
])
def test_a_title_closes_its_quote_where_a_date_was_dropped(text: str, expression: str, title: str) -> None:
    assert make_title(text, [expression]) == title


@pytest.mark.parametrize(("text", "day", "title"), [
    ("The coast road reopened on Monday, nearly two weeks after the February 27 landslide.", date(2024, 2, 27),
     "The February 27 landslide"),
    ("The council met on Monday, after Sunday's flood.", date(2024, 3, 10), "After the flood"),
])
def test_a_date_that_names_a_happening_is_an_event_of_its_own(text: str, day: date, title: str) -> None:
    events = {e.start: e for e in events_of(text)}
    assert set(events) == {date(2024, 3, 11), day}
    assert events[day].title == title


@pytest.mark.parametrize(("text", "first", "second"), [
    ("In 2023, sales fell, and in 2024 they rose.", "In 2023, sales fell", "in 2024 they rose."),
    ("In 2023, despite the strike, sales fell, and in 2024 they rose.", "In 2023, despite the strike, sales fell",
     "in 2024 they rose."),
])
def test_a_date_opening_the_sentence_keeps_its_clause_up_to_the_joining_word(text: str, first: str,
                                                                              second: str) -> None:
    assert [e.text for e in sorted(events_of(text), key=lambda e: e.start)] == [first, second]


def test_a_date_opening_the_sentence_with_nothing_of_its_own_shares_the_sentence() -> None:
    text = "Next year, the council plans to rebuild the pier, opening it by 2027."
    events = sorted(events_of(text), key=lambda e: e.start)
    assert [(e.value, e.text) for e in events] == [("2025", text), ("2027", text)]


def test_a_range_start_that_opens_the_sentence_is_no_event_of_its_own() -> None:
    events = events_of("From Monday until Wednesday, the coast road was closed.", published=datetime(2024, 3, 14))
    assert [e.value for e in events] == ["2024-03-13"]


def test_a_span_still_to_come_dates_the_happening_on_the_day_it_reaches() -> None:
    events = events_of("The council said the vote on the new dam is in two weeks.")
    assert [(e.start, e.end) for e in events] == [(date(2024, 3, 25), date(2024, 3, 25))]
    assert events_of("The dam was built in two weeks.") == []  # a span taken, no day of its own
