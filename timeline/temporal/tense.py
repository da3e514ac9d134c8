"""Guessing the tense that governs a mention, from the verb groups of its sentence (no tagger needed).

The tense decides which way a year-less date or a bare weekday points: "said Friday" looks back,
"will meet Friday" looks ahead. The cue words are data (vocabulary.yaml, `tense`).
"""

from __future__ import annotations

import re
from typing import Any

from ..text import sentence_bounds

FUTURE, PAST, PRESENT = "future", "past", "present"
DEADLINE = "deadline"
"""A day something lasts or is granted until ("closed until Friday", "gave them until May to file"): ahead, for
a weekday, a day of the month or a month alike."""
PROSPECTIVE = "prospective"
"""A weak pointer ahead (an infinitive: "agreed to acquire it in January"): enough to move a year-less
month forward, too weak to turn a bare weekday, which news uses for the past."""

# Numbers are words too, so that "to $300 million" never reads as the infinitive "to million".
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d[\d.,]*(?:st|nd|rd|th)?")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|whom|whose|which|where)\b(?:[^,;]|,(?=\d))*,")
"""A relative clause set off by commas (a comma inside a figure, "12,000", does not end it)."""
_POSSESSIVE = re.compile(r"['’]s\b")
"""A mention that owns a noun ("the emphasis is on Monday's ruling") names when that was, no plan."""
_STATE_VERBS = frozenset({"remain", "remains", "remained", "stay", "stays", "stayed"})
"""Verbs a participle can follow as it follows "be" ("will remain closed", "stayed shut")."""
_BEFORE_WORDS = 12
_AFTER_WORDS = 8
_OPENING_AFTER_WORDS = 30
"""After a time phrase that opens its sentence ("On Tuesday, the ... League plans to", "In January, a week after
the anniversary of ..., a bombing killed"), nothing before it governs it: the main verb follows, after a whole
subject and any phrase set off by commas, however long."""
_GOVERNOR_WORDS = 4
_PLAN_PARTICIPLES = frozenset({"expected", "scheduled", "slated", "set", "poised"})
"""Participles that, after a present "be", tell a plan (not "due", which is also "due to a strike")."""
_HEADLINE_SUBJECT_WORDS = 3
"""A headline's "to" infinitive follows a short subject with no verb of its own ("UK PM to resign")."""
_NEW_DATE_FOR = ("reschedul", "postpon", "delay", "defer", "adjourn")
"""Forward verbs that with "for" name the new date ("pushed for reform on Monday" is no new date)."""
_EXTENSION_WORDS = 12
_LEAD_IN_WORDS = 3
"""How many words may lead from "until" or "to" up to the new date ("until as late as May")."""
_NEXT_CLAUSE = re.compile(r",\s*(?:and|but|while|whereas)\s+(?!(?:on|in|at|by|until|through|from|again|then|later)\b)|;")
"""Where a clause of its own begins after a mention (", and President Hale has said ...")."""


_TELLS_TIME = re.compile(r"\b(?:was|were|had|has|have|did|will|would|shall|'ll|[a-z]{3,}ed|said|took|made|came|went|"
                         r"began|left|won|lost|got|gave|told|spoke|wrote|fell|rose|met|held|led|ran|saw|sent)\b", re.I)
"""A past or future verb in a side clause, which would mislead: "who took office in May", "who will retire". A
clause in the present ("which meets monthly") is kept: its tense is the sentence's own."""


def _without_side_clauses(text: str, left: int, right: int, start: int, end: int) -> str:
    """The text with the relative clauses of the sentence blanked out, but for one holding the mention: "Cameron,
    who took office in May, is due to speak on Saturday" reads its tense from "is due", not from "took"."""
    pieces = [match.span() for match in _RELATIVE_CLAUSE.finditer(text, left, right)
              if not (match.start() <= start and end <= match.end()) and _TELLS_TIME.search(match.group())]
    if not pieces:
        return text
    for clause_start, clause_end in reversed(pieces):
        text = text[: clause_start + 1] + " " * (clause_end - clause_start - 2) + text[clause_end - 1 :]
    return text


def _title_case(tokens: list[str]) -> bool:
    """Whether most words of a sentence are capitalised, as in a headline ("Game Canceled Saturday Due to ...")."""
    words = [token for token in tokens if token[:1].isalpha()]
    return len(words) >= 3 and sum(1 for token in words if token[:1].isupper()) > 0.6 * len(words)


class TenseGuesser:
    """Finds the nearest tense-bearing verb group around a mention and reads its tense."""

    def __init__(self, vocabulary: dict[str, Any]) -> None:
        words = vocabulary["tense"]
        self.future_auxiliaries = set(words["future_auxiliaries"])
        self.future_words = set(words["future_words"])
        self.past_adverbs = set(words["past_adverbs"])
        self.irregular_past = set(words["irregular_past"])
        self.verbs_after_subject = frozenset(words["verbs_after_subject"])
        self.present_be = set(words["present_be"])
        self.scheduled_prepositions = frozenset(words["scheduled_prepositions"])
        self.past_auxiliaries = set(words["past_auxiliaries"])
        self.prospective_participles = set(words["prospective_participles"])
        self.prospective_alone = set(words["prospective_alone"])
        self.forward_verbs = set(words["forward_verbs"])
        self.scheduling_verbs = set(words["scheduling_verbs"])
        self.near_scheduling_verbs = frozenset(words["near_scheduling_verbs"])
        self.not_participles = set(words["not_participles"])
        self.skippable = set(words["skippable"])
        self.modals = set(words["modals"])
        self.negatable_modals = frozenset(words["negatable_modals"])
        self.negated_modals = frozenset(words["negated_modals"])
        self.refusal_verbs = frozenset(words["refusal_verbs"])
        self.past_ability_words = frozenset(words["past_ability_words"])
        self.bounding_prepositions = frozenset(words["bounding_prepositions"])
        self.present_verbs = set(words["present_verbs"])
        self.not_infinitives = set(words["not_infinitives"])
        self.intention_verbs = set(words["intention_verbs"])
        self.prospective_with_preposition = set(words["prospective_with_preposition"])
        self.reporting_verbs = set(words["reporting_verbs"])
        self.earliest_words = set(words["earliest_words"])
        self.arranging_verbs = set(words["arranging_verbs"])
        self.calling_verbs = frozenset(words["calling_verbs"])
        self.result_nouns = frozenset(words["result_nouns"])
        self.clause_going_on = frozenset(words["clause_going_on"])
        self.said_openers = frozenset(words["said_openers"])
        self.deadline_prepositions = set(words["deadline_prepositions"])
        self.day_end_phrases = tuple(tuple(phrase.split()) for phrase in words["day_end_phrases"])
        self.day_end_words = frozenset(phrase[-1] for phrase in self.day_end_phrases)
        self.date_lead_ins = frozenset(words["date_lead_ins"])
        self.extension_prepositions = set(words["extension_prepositions"])
        self.granting_verbs = set(words["granting_verbs"])
        self.not_granted = set(words["not_granted"])
        self.period_nouns = set(words["period_nouns"])
        self.determiners = frozenset(words["determiners"])
        self.perfect_auxiliaries = frozenset(words["perfect_auxiliaries"])
        self.subject_words = frozenset(words["subject_words"])
        # Every word that may signal a tense by itself (cue reads the rest from endings and neighbours).
        self.cue_words = frozenset().union(
            self.future_auxiliaries, self.future_words, self.past_adverbs, self.irregular_past, self.present_be,
            self.past_auxiliaries, self.prospective_participles, self.prospective_alone, self.forward_verbs,
            self.scheduling_verbs, self.near_scheduling_verbs, self.modals, self.negatable_modals,
            self.negated_modals, self.present_verbs, self.intention_verbs, self.arranging_verbs, self.calling_verbs,
            ("as", "going"))

    def __call__(self, text: str, start: int, end: int, *, cues: str | None = None) -> tuple[str, int]:
        """The tense around text[start:end], and where its sentence starts; the cue words are read from
        ``cues`` when given (the same text with other words blanked out), the sentence from ``text``."""
        left, right = sentence_bounds(text, start, end)
        cues = _without_side_clauses(cues if cues is not None else text, left, right, start, end)
        return self._tense(cues, left, right, start, end, raw=text), left

    def _tense(self, text: str, left: int, right: int, start: int, end: int, *, raw: str) -> str:
        before = self._without_day_end([w.replace("’", "'") for w in _WORD.findall(text[left:start])])
        tense = None
        aside = next((m for m in _RELATIVE_CLAUSE.finditer(text, left, right) if m.start() <= start and end <= m.end()),
                     None)
        if aside is not None:
            # "The Spaniard, who turns 23 in May, won the title": the clause's own verb tells its time.
            inside = [w.replace("’", "'") for w in _WORD.findall(text[aside.start() + 1 : start])]
            tense = self._verb_tense(text, aside.start() + 1, aside.end() - 1, start, end, inside)
        if tense is None:
            tense = self._verb_tense(text, left, right, start, end, before)
        if tense is None:
            if len(before) >= 2 and before[-1].lower() == "by":
                return DEADLINE  # "Submit by Friday", "Entries by May 1": no verb tells the past
            tense = PRESENT
        elif tense == PRESENT and self._scheduled(before) and not _POSSESSIVE.match(raw, end):
            return FUTURE  # "the meeting is on Friday", "the vote is Tuesday": a present that tells a plan
        if before and before[-1].lower() in self.extension_prepositions and tense != FUTURE \
                and self._extended(before[-_EXTENSION_WORDS:-1]):
            return FUTURE  # "extended the loans through January", "will extend its bid ... to Nov. 6"
        if before and before[-1].lower() in ("through", "thru") and tense == PRESENT:
            if self._reports_span(raw, left, start):
                return PAST  # "the data covers the 12 months through September": a span reported has ended
            return DEADLINE  # "funds the agencies through Sept. 30", "the show runs through May": a state until then
        if before and before[-1].lower() in self.deadline_prepositions and tense != FUTURE:
            if self._extended(before[-5:-1]):
                return FUTURE  # "extended the stay until Thursday": a new date ahead
            if self._reports_span(raw, left, start):
                return PROSPECTIVE  # "in the three months until August", "the period until Sunday": a span reported
            if tense == PRESENT:
                return DEADLINE  # "the store is closed until Friday": a state that lasts from now to then
            if self._granted(before[-6:-1]):
                return DEADLINE  # "has given the relatives until 9 a.m. Tuesday to sign": time granted, ahead
            return PROSPECTIVE  # "had until mid-November to reply": told in the past, nearer ahead than behind
        return tense

    def _without_day_end(self, before: list[str]) -> list[str]:
        """The words before a mention without an end of day right before it ("reply by EOD Friday" reads as
        "reply by Friday")."""
        if not before or before[-1].lower() not in self.day_end_words:  # the common case, read once
            return before
        for phrase in self.day_end_phrases:
            if len(before) >= len(phrase) and tuple(w.lower() for w in before[-len(phrase):]) == phrase:
                return before[: -len(phrase)]
        return before

    def _leads_to_mention(self, tokens: list[str], index: int) -> bool:
        """Whether the mention follows at ``index``, after at most a few words that lead up to a date ("until
        after Easter", "to a date in April", "until as late as May")."""
        for token in tokens[index : index + _LEAD_IN_WORDS + 1]:
            if token == "<mention>":
                return True
            if token.lower() not in self.date_lead_ins:
                return False
        return False

    def _scheduled(self, before: list[str]) -> bool:
        """Whether a present "be" stands right before the mention, or before the one preposition in front of it
        ("is on Friday", "are Tuesday", "is in July"): what a present names the time of is on the calendar."""
        words = [word.lower() for word in before[-2:]]
        if words and words[-1] in self.scheduled_prepositions:
            words.pop()
        return bool(words) and words[-1] in self.present_be

    def _reports_span(self, raw: str, left: int, start: int) -> bool:
        """Whether a span is reported up to the date ("in the three months until August"). Its words are read
        from the text itself: they are a time expression of their own, blanked out of the cues."""
        words = _WORD.findall(raw[max(left, start - 40) : start])[-4:-1]
        return any(word.lower() in self.period_nouns for word in words)

    def _granted(self, words: list[str]) -> bool:
        """Whether a verb that grants time governs the end of ``words`` ("gave prosecutors until ...", "were
        allowed to stay until ..."), not one that tells what was given ("gave evidence until Thursday")."""
        lowered = [word.lower() for word in words]
        verbs = [index for index, word in enumerate(lowered) if word in self.granting_verbs]
        if not verbs:
            return False
        following = lowered[verbs[-1] + 1] if verbs[-1] + 1 < len(lowered) else ""
        return following not in self.not_granted

    def _extended(self, words: list[str]) -> bool:
        """Whether a verb that moves a date forward governs the end of ``words``: no verb in the past tense
        comes after it ("the extended hours were cut back to ..." moves nothing forward)."""
        lowered = [word.lower() for word in words]
        verbs = [index for index, word in enumerate(lowered) if word in self.forward_verbs]
        if not verbs:
            return False
        after = lowered[verbs[-1] + 1 :]
        return not any(word in self.past_auxiliaries or word in self.irregular_past for word in after)

    def _verb_tense(self, text: str, left: int, right: int, start: int, end: int, before: list[str]) -> str | None:
        opening = len(before) <= 1 and text[end:right].lstrip().startswith(",")
        if not opening:
            # "is expected to take it up on Thursday, and Hale has said he will sign it": the next clause's
            # verbs tell their own time.
            joint = _NEXT_CLAUSE.search(text, end, right)
            right = joint.start() if joint else right
        after = [w.replace("’", "'") for w in _WORD.findall(text[end:right])]
        tokens = before + ["<mention>"] + after
        here = len(before)
        after_words = _OPENING_AFTER_WORDS if opening else _AFTER_WORDS
        lowered = [token.lower() for token in tokens[max(0, here - _BEFORE_WORDS - 1) : here + after_words + 1]]
        offset = max(0, here - _BEFORE_WORDS - 1)
        # The words near the mention that may signal a tense (see cue); the others are passed over.
        signalling = {offset + position for position, word in enumerate(lowered)
                      if word in self.cue_words or word.endswith(("ed", "ing", "'ll"))
                      or position > 0 and lowered[position - 1] == "to"}
        # The verb that governs a time phrase mostly comes just before it ("supposed to conclude by May,
        # invited ..."): a few words back are read first, then both sides outward, nearest first.
        for distance in range(1, _GOVERNOR_WORDS + 1):
            if here - distance in signalling:
                tense = self.cue(tokens, here - distance, ahead_of_mention=True)
                if tense is not None:
                    return tense
        # "planned a large rally in the square on Saturday": an arrangement made earlier in the clause
        # governs the time of what was arranged, unless the clause goes on to tell that it happened
        # ("scheduled a press conference on Monday, where it announced layoffs").
        for index in range(max(0, here - _BEFORE_WORDS), here - 1):
            arranging = tokens[index].lower() in self.arranging_verbs or (
                tokens[index].lower() in self.calling_verbs and self._called_for(tokens, here))
            if arranging and tokens[index + 1].lower() in self.determiners \
                    and not self._past_perfect(tokens, index) and not self._told_after(tokens, here):
                return FUTURE
        # "said in a statement on Monday that it would cut jobs", "... on Monday it will cut jobs": what
        # follows "that" or a new subject is what was said, so the saying before the mention governs it.
        if after and after[0].lower() in self.said_openers:
            for index in range(here - 1, max(-1, here - 1 - _BEFORE_WORDS), -1):
                if tokens[index].lower() in self.reporting_verbs:
                    tense = self.cue(tokens, index, ahead_of_mention=True)
                    if tense is not None:
                        return tense
        reported: str | None = None
        for distance in range(1, max(_BEFORE_WORDS, after_words) + 1):
            for index, limit in ((here - distance, _BEFORE_WORDS), (here + distance, after_words)):
                if distance <= limit and index in signalling \
                        and not (index < here and distance <= _GOVERNOR_WORDS) \
                        and not (reported and index > here):
                    tense = self.cue(tokens, index, ahead_of_mention=index < here)
                    if tense is not None and index > here and tokens[index].lower() in self.reporting_verbs:
                        # "He will leave Thursday, Castro said": the report's tense is not the report's content's.
                        reported = reported or tense
                    elif tense is not None:
                        return tense
        return reported

    def _called_for(self, tokens: list[str], here: int) -> bool:
        """Whether "for" stands right before the mention at ``here``, after no result: "called a strike for May 1"
        names what it was called for, which lies ahead ("called a strike on May 1" may tell when it was called,
        "booked a loss for February" what was done)."""
        return here > 0 and tokens[here - 1].lower() == "for" and not any(
            token.lower() in self.result_nouns for token in tokens[max(0, here - 5) : here])

    def _told_after(self, tokens: list[str], here: int) -> bool:
        """Whether a past-tense verb follows the mention: the sentence tells what happened then."""
        for index in range(here + 1, min(len(tokens), here + 1 + _AFTER_WORDS)):
            if self.cue(tokens, index) == PAST and not self._still_planning(tokens, index):
                return True
        return False

    def _still_planning(self, tokens: list[str], index: int) -> bool:
        """Whether a past auxiliary at ``index`` only tells of more plans ("and were planning to drive",
        "and was expected to"), not of what happened."""
        if tokens[index].lower() not in self.past_auxiliaries or index + 1 >= len(tokens):
            return False
        following = tokens[index + 1].lower()
        return following in self.prospective_participles or following in self.intention_verbs

    def _negated_modal(self, tokens: list[str], index: int) -> bool:
        """Whether the word at ``index`` is a negated "could" or "would" ("could not", "wouldn't", "neither he
        nor his aides could")."""
        word = tokens[index].lower()
        if word in self.negated_modals:
            return True
        if word not in self.negatable_modals:
            return False
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        return following in ("not", "n't") or self._negated_clause(tokens, index)

    def _refused(self, tokens: list[str], be: int) -> bool:
        """Whether the "be" at ``be`` follows a negated "could" or "would" ("could not be reached", "nor
        could he be located")."""
        return any(self._negated_modal(tokens, index) for index in range(max(0, be - 3), be))

    def _refusal_follows(self, tokens: list[str], index: int) -> bool:
        """Whether the verb after the modal at ``index`` is one of refusing to tell ("would not say")."""
        position = index + 1
        while position < len(tokens) and tokens[position].lower() in self.skippable:
            position += 1
        return position < len(tokens) and tokens[position].lower() in self.refusal_verbs

    def _negated_clause(self, tokens: list[str], index: int) -> bool:
        """Whether "neither" or "nor" opens the clause of the modal at ``index`` ("Neither he nor his aides
        could be reached")."""
        return any(word.lower() in ("neither", "nor") for word in tokens[max(0, index - 8) : index])

    def _limits_mention(self, tokens: list[str]) -> bool:
        """Whether a preposition that bounds a time ("until", "before", "by") stands just before the mention."""
        here = tokens.index("<mention>")
        return here > 0 and tokens[here - 1].lower() in self.bounding_prepositions

    def _auxiliary(self, tokens: list[str], index: int) -> str | None:
        """The auxiliary in front of the participle at ``index`` (adverbs skipped): "will" for
        "will be paid", "to" for "to be completed", "past" for "has been closed", "be" for "is owned"."""
        position = index - 1
        while position >= 0 and index - position <= 4:
            word = tokens[position].lower()
            if word in ("be", "been", "being"):
                previous = self._previous_word(tokens, position)
                if tokens[index].lower() in self.refusal_verbs and self._refused(tokens, position) \
                        and not self._limits_mention(tokens):
                    return "past"  # "could not be reached Wednesday": a failure reported
                if previous in self.future_auxiliaries or previous in self.modals or previous == "to":
                    return "will"  # "would be paid", "could be approved", "to be completed"
                if word == "been" and (previous in self.past_auxiliaries or previous in ("has", "have")):
                    return "past"
                return "be"
            if word in _STATE_VERBS:
                # "will remain closed", "stays shut": the verb of the state carries the tense, as "be" does.
                previous = self._previous_word(tokens, position)
                return "will" if previous in self.future_auxiliaries or previous in self.modals or previous == "to" \
                    else "past" if word.endswith("ed") else "be"
            if word not in self.skippable:
                return word
            position -= 1
        return None

    def _past_perfect(self, tokens: list[str], index: int) -> bool:
        """Whether "had" governs the verb at ``index`` ("had been scheduled to expire": a plan overtaken)."""
        return any(word.lower() in self.perfect_auxiliaries for word in tokens[max(0, index - 3) : index])

    def _previous_word(self, tokens: list[str], index: int) -> str:
        position = index - 1
        while position >= 0 and tokens[position].lower() in self.skippable:
            position -= 1
        return tokens[position].lower() if position >= 0 else ""

    def _participle(self, word: str) -> bool:
        regular = word.endswith("ed") and len(word) > 3 and word not in self.not_participles  # "died", "used"
        return regular or word in self.irregular_past

    def _infinitive(self, tokens: list[str], index: int) -> bool:
        """A verb after "to" ("agreed to acquire ... in January"): the action lies ahead."""
        word = tokens[index]
        # A plural noun is no verb: "sent a letter to shareholders on Monday" ("to discuss", "to focus" are).
        plural = word.endswith("s") and not word.endswith(("ss", "us"))
        return (index > 0 and tokens[index - 1].lower() == "to" and word.isalpha() and word.islower()
                and word not in self.not_infinitives and not word.endswith("ed") and not plural)

    def cue(self, tokens: list[str], index: int, ahead_of_mention: bool = False) -> str | None:
        """The tense a word signals in its place, or None when it signals none. A plan ("planned to
        leave") points ahead only for a mention inside what was planned, after the verb: in "On Friday,
        the government planned to ...", Friday is when the planning happened."""
        word = tokens[index].lower()
        if word not in self.cue_words and not word.endswith(("ed", "ing", "'ll")) \
                and not (index > 0 and tokens[index - 1].lower() == "to"):
            return None  # no tense word, ending or infinitive: most words of a sentence
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if ahead_of_mention and following == "<mention>":
            if word == "as" and index >= 2 and tokens[index - 2].lower() == "as" \
                    and tokens[index - 1].lower() in self.earliest_words:
                return FUTURE  # "as early as Tuesday", "as soon as next week": the earliest a thing may happen
        if self._negated_modal(tokens, index) and self._refusal_follows(tokens, index) \
                and not self._limits_mention(tokens):
            # "would not say Friday whether ...", "wouldn't comment Monday": a refusal reported, not a plan
            # ("he said he would not attend on Friday" still looks ahead).
            return PAST
        if word in self.future_auxiliaries or word.endswith("'ll"):
            return PAST if word == "would" and following == "have" else FUTURE
        if word == "could" and following in self.past_ability_words:
            return None  # "residents could see flames on Tuesday", "he could barely walk": what was so, no plan
        if word in self.modals and following not in ("have", "been", "<mention>"):
            return FUTURE  # "they may join in April", "could close Friday": a possibility lies ahead
        if ahead_of_mention and word.endswith("ing") and len(word) > 4 and index > 0 \
                and self._previous_word(tokens, index) in self.present_be:
            return FUTURE  # "is flying out on Sunday", "are meeting Friday": the present progressive of a plan
        if word == "going" and following == "to":
            return FUTURE
        if word == "due" and following == "to" and index + 2 < len(tokens) \
                and (tokens[index + 2].lower() in self.determiners or tokens[index + 2] == "<mention>"):
            return None  # "the delay is due to a strike on Monday": because of, no plan
        if word in self.present_be and following == "to":
            return FUTURE
        if word in self.present_be and following in _PLAN_PARTICIPLES:
            return FUTURE  # "On Saturday, thousands are set to march", "is expected to speak": a plan, now
        planned = ahead_of_mention and (word in self.intention_verbs and following == "to"
                                        or word in self.prospective_participles and following == "for")
        # "planned a rally for Saturday", "scheduled a vote on Friday": what was arranged lies ahead.
        planned = planned or (ahead_of_mention and following in self.determiners and (
            word in self.arranging_verbs or word in self.calling_verbs
            and self._called_for(tokens, tokens.index("<mention>"))))
        if planned and not self._past_perfect(tokens, index):
            # "planned to work till mid April", "was planned for early March": the plan looks ahead
            return FUTURE
        if self._infinitive(tokens, index):
            # "is scheduled to fly", "had been due to expire": the verb governing the infinitive decides.
            if index >= 2 and self._past_perfect(tokens, index - 2):
                return PAST  # "had been due to expire Friday": a plan overtaken by events
            if index >= 2 and ahead_of_mention and tokens[index - 2].lower() in self.intention_verbs:
                return FUTURE  # "planned to leave Thursday": what was planned has not happened yet
            if index >= 3 and tokens[index - 2].lower() in _PLAN_PARTICIPLES and self.cue(tokens, index - 3) == FUTURE:
                return FUTURE  # "is expected to take up the measure on Thursday": a plan told now
            governor = self.cue(tokens, index - 2) if index >= 2 else None
            if governor is None and 1 <= index - 1 <= _HEADLINE_SUBJECT_WORDS and tokens[0][:1].isupper() \
                    and not any(self.cue(tokens, position) for position in range(index - 1)):
                return FUTURE  # "Trump to visit China on Friday", "Fed to raise rates in June": a headline's plan
            return FUTURE if governor == FUTURE else PROSPECTIVE
        if word in self.scheduling_verbs and index > 0 and tokens[index - 1].lower() in self.determiners:
            return None  # "held an open day in June", "the start date": a noun's word, no verb
        if word in self.scheduling_verbs and not word.endswith("s") and (
                self._participle(following) or following in self.present_be or following in self.past_auxiliaries
                or following in self.verbs_after_subject or index > 0 and self._participle(tokens[index - 1].lower())):
            # "On Memorial Day, travel rose", "the start was delayed": a noun before its verb; "came close":
            # a word after the verb it goes with
            return None
        if word in self.future_words or word in self.scheduling_verbs:
            return FUTURE
        if word in self.near_scheduling_verbs and ahead_of_mention and "<mention>" in tokens[index + 1 : index + 5]:
            return FUTURE
        if word in self.past_adverbs:
            return PAST
        if word in self.forward_verbs and (following in ("to", "until", "till", "through")
                                           or following == "for" and word.startswith(_NEW_DATE_FOR)) \
                and self._leads_to_mention(tokens, index + 2):
            # "was extended to Nov. 16", "postponed until after Easter", "rescheduled for Saturday"; not "moved
            # to Leeds in April", where "to" leads to a place
            return FUTURE
        named = index > 0 and tokens[index][:1].isupper() and word not in self.irregular_past \
            and index + 1 < len(tokens) and tokens[index + 1][:1].isupper() and not _title_case(tokens)
        if word in self.prospective_participles or self._participle(word) and not named:
            # A capitalised word inside the sentence is part of a name ("the Association of Retired Employees").
            auxiliary = self._auxiliary(tokens, index)
            relative = auxiliary == "that" and (following == "<mention>" or following in self.clause_going_on)
            if auxiliary in self.determiners and not relative \
                    and (word not in self.prospective_participles or following != "<mention>"):
                # "on a still unspecified date", "the revised offer", "a planned campaign in 1976": an adjective,
                # no tense; a plan's participle right before the time ("the scheduled Friday") is read below
                return None
            if auxiliary in self.future_auxiliaries or auxiliary == "will":
                return FUTURE
            if auxiliary in self.present_be or auxiliary in ("be", "to"):
                return FUTURE if word in self.prospective_participles else None
            if auxiliary in ("has", "have") and word in self.prospective_participles:
                return FUTURE  # "has scheduled a news conference Thursday": arranged now, held later
            if auxiliary in self.past_auxiliaries or auxiliary in ("has", "have", "past"):
                return PAST
            if word in self.prospective_alone and (word not in self.prospective_with_preposition
                                                   or following in ("to", "for")):
                return FUTURE
            if following == "by" and index > 0 and tokens[index - 1].lower() not in self.subject_words:
                return None  # "new markets untouched by the crisis": a participle describing a noun, no verb
            return PAST
        if word in self.past_auxiliaries:
            return PAST
        if word in self.present_verbs:
            return PRESENT
        return None
