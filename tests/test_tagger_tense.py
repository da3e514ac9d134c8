"""The tense guesser reads the verb group nearest a mention; the tense then decides which way a year-less
date or a bare weekday points (see the corpus for the resulting values)."""

from __future__ import annotations

import pytest

from timeline.temporal import finder


def tense_of(sentence: str, mention: str) -> str:
    start = sentence.index(mention)
    tense, _ = finder().tense(sentence, start, start + len(mention))
    return tense


@pytest.mark.parametrize(
    ("sentence", "mention", "tense"),
    [
        ("Officials said Friday that talks had failed.", "Friday", "past"),
        ("On Saturday, thousands are set to march.", "Saturday", "future"),
        ("Later on Friday, the president is expected to speak.", "Friday", "future"),
        ("In October, the festival is expected to draw 100,000 visitors.", "October", "future"),
        ("The film debuts on Friday.", "Friday", "future"),
        ("The Senate votes on the bill Thursday.", "Thursday", "future"),
        ("The votes on Friday were counted.", "Friday", "past"),
        ("Trump to visit China on Friday", "Friday", "future"),
        ("UK prime minister to resign on Friday", "Friday", "future"),
        ("He agreed to visit on Friday.", "Friday", "prospective"),
        ("The flight departs at noon on Friday.", "Friday", "future"),
        ("The match was rescheduled for Saturday.", "Saturday", "future"),
        ("Activists pushed for reform on Monday.", "Monday", "past"),
        ("The delay is due to a strike on Monday.", "Monday", "present"),
        ("He is due to appear in court on Friday.", "Friday", "future"),
        ("The minister will meet his counterpart on Friday.", "Friday", "future"),
        ("The deal is expected to close in January.", "January", "future"),
        ("The team is scheduled to fly out on Saturday.", "Saturday", "future"),
        ("The offer was extended to Nov. 16.", "Nov. 16", "future"),
        ("The dividend would be paid in January.", "January", "future"),
        ("They expect the transaction to be completed by Dec. 15.", "Dec. 15", "future"),
        ("The factory has been closed since March.", "March", "past"),
        ("The bid had been scheduled to expire on Friday.", "Friday", "past"),
        ("The team planned to leave Nairobi on Thursday.", "Thursday", "future"),
        ("On Friday, the government planned to send more aid.", "Friday", "past"),
        ("The split would be paid on a still unspecified date in January.", "January", "future"),
        ("She initially planned to work till mid April.", "mid April", "future"),
        ("The prosecutor has scheduled a news conference Thursday.", "Thursday", "future"),
        ("Reserves rose to $300 million as of Sept. 30.", "Sept. 30", "past"),
        ("On Friday, when she set aside her plans, the ban was lifted.", "Friday", "past"),
        ("The talks are supposed to conclude by May, the ministers said.", "May", "future"),
        ("The bank agreed to acquire the lender in January.", "January", "prospective"),
        ("A bank plans to acquire the lender in January.", "January", "future"),
        ("Talks resume in January.", "January", "future"),
        ("The index is at a record in January.", "January", "present"),
        ("He declined to comment on Friday.", "Friday", "past"),
        ("The vote, scheduled for Friday, could decide it.", "Friday", "future"),
        ("The envoy will fly home on Thursday, the ministry said.", "Thursday", "future"),
        ("The board has decided to list the shares in early June, a spokesman said.", "early June", "future"),
        ("In May, it announced plans to build a plant.", "May", "past"),
        ("We are meeting the buyers on Friday.", "Friday", "future"),
        ("The ministers had been meeting since March.", "March", "past"),
    ],
)
def test_tense_comes_from_the_nearest_verb_group(sentence: str, mention: str, tense: str) -> None:
    assert tense_of(sentence, mention) == tense


def test_tense_guess_also_reports_where_the_sentence_starts() -> None:
    text = "The plant closed. It reopened on Friday."
    start = text.index("Friday")
    assert finder().tense(text, start, start + 6)[1] == text.index("It")
