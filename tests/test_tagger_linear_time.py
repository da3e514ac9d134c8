"""The tagger runs in time linear in the length of its input: no rule can backtrack catastrophically.

The finder tries each rule only at word starts, so a rule's work is bounded as long as one attempt can
only run over a bounded number of character runs. That holds when every unbounded repetition in a
pattern repeats a single character class that is either all word characters (a run of them is one
token) or holds none (whitespace, hyphens: nothing inside such a run starts a token a rule begins with).
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]
from re._constants import MAXREPEAT  # type: ignore[import-not-found]

import pytest

from timeline.temporal.find import Finder
from timeline.temporal.grammar import Rule, load_grammar

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_WORD_CATEGORIES = {"CATEGORY_DIGIT", "CATEGORY_WORD"}
_OTHER_CATEGORIES = {"CATEGORY_SPACE", "CATEGORY_NOT_WORD"}


def _class_kind(node: tuple) -> str:
    """ "word" or "other" for a single-character node whose characters are all of one kind, else "mixed"."""
    op, value = str(node[0]), node[1]
    if op == "LITERAL":
        return "word" if re.match(r"\w", chr(value)) else "other"
    if op == "CATEGORY":
        return "word" if str(value) in _WORD_CATEGORIES else "other" if str(value) in _OTHER_CATEGORIES else "mixed"
    if op == "IN":
        kinds = set()
        for item_op, item in value:
            if str(item_op) == "RANGE":
                kinds |= {"word" if re.match(r"\w", chr(c)) else "other" for c in (item[0], item[1])}
            elif str(item_op) in ("LITERAL", "CATEGORY"):
                kinds.add(_class_kind((item_op, item)))
            else:
                kinds.add("mixed")
        return kinds.pop() if len(kinds) == 1 else "mixed"
    return "mixed"


def unbounded_repeats(pattern: re.Pattern[str]) -> list[str]:
    """Each unbounded repetition in the pattern, described, that repeats more than one homogeneous character class."""
    problems: list[str] = []

    def walk(items: list) -> None:
        for op, value in items:
            name = str(op)
            if name in _REPEATS:
                low, high, body = value
                body = list(body)
                if high == MAXREPEAT and (len(body) != 1 or _class_kind(body[0]) == "mixed"):
                    problems.append(f"unbounded repetition of {body!r}")
                walk(body)
            elif name == "SUBPATTERN":
                walk(list(value[-1]))
            elif name == "BRANCH":
                for branch in value[1]:
                    walk(list(branch))
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(list(value[1]))

    walk(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    return problems


RULES = load_grammar().rules


def test_the_check_catches_nested_and_mixed_repetition() -> None:
    assert unbounded_repeats(re.compile(r"(?:a+b)*"))
    assert unbounded_repeats(re.compile(r"\d[\d,.]*"))
    assert unbounded_repeats(re.compile(r"(?:\s+\w+)+"))
    assert not unbounded_repeats(re.compile(r"the\s+\d+(?:[,.]\d+){0,8}"))


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_rule_repeats_only_runs_of_one_kind_of_character(rule: Rule) -> None:
    assert unbounded_repeats(rule.regex) == []


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_rule_is_tried_only_where_its_first_word_can_start(rule: Rule) -> None:
    """A rule without bounded first tokens would be scanned across the whole text for every input."""
    assert rule.starts is not None


class _Forgetful(dict):
    """A cache that keeps nothing."""

    def get(self, key, default=None):  # type: ignore[override]
        return default

    def __setitem__(self, key, value) -> None:
        pass


class CountingFinder(Finder):
    """A finder that counts its work: rule attempts at word starts, and characters its matches span."""

    def __init__(self) -> None:
        super().__init__()
        self.attempts = 0
        self._by_token = _Forgetful()  # every token asks _rules_for, so that each one is counted


    def _rules_for(self, token: str) -> tuple[Rule, ...]:
        rules = super()._rules_for(token)
        self.attempts += len(rules)
        return rules


ADVERSARIAL = [
    "1.1.",  # dotted numbers: versions, dates
    "1,1,",  # figures: money, percentages
    "1-1 ",  # scores, ranges
    "the the ",  # optional articles
    "March March ",  # months without days
    "12:30 12 ",  # clock times
    "mid-mid- ",  # modifiers before nothing
    "2024-2024-",  # years and ranges
    "a few a few ",  # vague amounts
    "   \n\n",  # whitespace
]


@pytest.mark.parametrize("chunk", ADVERSARIAL)
def test_work_grows_linearly_with_adversarial_input(chunk: str) -> None:
    small, large = CountingFinder(), CountingFinder()
    small_found = small.find(chunk * 500)
    large_found = large.find(chunk * 2000)
    assert large.attempts <= 4 * small.attempts + 50
    assert len(large_found) <= 4 * len(small_found) + 50
    assert all(len(mention.text) < 200 for mention in large_found)


class CountingDict(dict):
    """A dict that counts its lookups and the items its lookups hand out."""

    lookups = 0

    def get(self, key, default=None):  # type: ignore[override]
        self.lookups += 1
        found = super().get(key, default)
        if isinstance(found, list):
            self.lookups += len(found)  # each prefix handed out is checked against the token
        return found

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        self.lookups += 1
        return super().__getitem__(key)


def _prefix_work(token: str) -> int:
    index = Finder()._first
    index.prefixes, index.by_initial = CountingDict(index.prefixes), CountingDict(index.by_initial)
    index.fitting(token)
    return index.prefixes.lookups + index.by_initial.lookups


@pytest.mark.parametrize("letter", ["x", "m", "q"])
def test_a_long_word_costs_a_bounded_number_of_rule_lookups(letter: str) -> None:
    long_word, short_word = _prefix_work(letter * 100_000), _prefix_work(letter * 5)
    assert long_word == short_word <= 100
    finder = Finder()
    finder._first.by_initial = CountingDict(finder._first.by_initial)
    finder.find(letter * 100_000)
    assert 0 < finder._first.by_initial.lookups <= 100
