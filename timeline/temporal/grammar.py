"""Loads the vocabulary and the rules (data files beside this module) into compiled patterns."""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any
from collections.abc import Iterable, Set

import yaml

from ..models import TimexType


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled grammar rule."""

    name: str
    kind: str
    type: TimexType | None
    regex: re.Pattern[str]
    priority: int
    fixed: dict[str, Any] = field(default_factory=dict)
    before: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None
    capitalised: str | None = None
    starts: frozenset[str] | None = None
    """Lower-case prefixes the first token of a match begins with ("=word" when it must be that whole word,
    "#digit" for a digit); None when the rule may start anywhere and must be scanned for everywhere."""


@dataclass(frozen=True, slots=True)
class Grammar:
    vocabulary: dict[str, Any]
    rules: tuple[Rule, ...]
    shift_before_date: re.Pattern[str] | None = None
    """The words that, just before a date, count from it ("two days after", "the night before", "a week
    from"): the date and these words are one expression."""
    shift_not_before: re.Pattern[str] | None = None
    """Words before those that make them a rate, a span or an estimate ("twice a day from Monday")."""
    shift_not_after: re.Pattern[str] | None = None
    """Words after the date that make it a range's start or a thing's name ("from Monday to Friday")."""
    date_moved_before: re.Pattern[str] | None = None
    """Words before a "from X to Y" that make it a date moved, no range ("postponed from March 3 to Feb. 28")."""


# libyaml's loader, where PyYAML was built with it, reads the grammar about ten times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(name: str) -> Any:
    return yaml.load(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"), Loader=_YAML_LOADER)


def _alternation(words: list[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered) + ")"


def _expand(pattern: str, macros: dict[str, str]) -> str:
    previous = None
    while previous != pattern:
        previous = pattern
        pattern = re.sub(r"\{([A-Z][A-Z_0-9]*)\}", lambda m: macros[m.group(1)], pattern)
    return pattern


def _macros(vocabulary: dict[str, Any], declared: dict[str, str]) -> dict[str, str]:
    macros: dict[str, str] = {}
    for name, source in declared.items():
        if source in vocabulary:
            entries = vocabulary[source]
            macros[name] = _alternation(list(entries))
        else:
            macros[name] = source
    return macros


def _context(pattern: str | None, macros: dict[str, str]) -> re.Pattern[str] | None:
    return re.compile(_expand(pattern, macros), re.IGNORECASE) if pattern else None


DIGIT = "#digit"
_WORD_CHAR = re.compile(r"\w")
_DIGITS = set("0123456789")


class _Anywhere(Exception):
    """The rule can start with a character class too broad to index."""


def _class_firsts(items: list) -> set[str]:
    chars: set[str] = set()
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(value).lower())
        elif name == "RANGE" and all(chr(c) in _DIGITS for c in range(value[0], value[1] + 1)):
            chars |= {chr(c) for c in range(value[0], value[1] + 1)}
        elif name == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
            chars |= _DIGITS
        else:
            raise _Anywhere
    return {DIGIT if c in _DIGITS else c for c in chars}


_NON_WORD_CATEGORIES = {"CATEGORY_SPACE", "CATEGORY_NOT_WORD"}


def _may_start_word(items: list, follow: bool) -> bool:
    """Whether what ``items`` match (then whatever follows, ``follow``) may begin with a word character.

    Conservative: True whenever unsure, which only costs the finder some needless attempts.
    """
    for index, (op, value) in enumerate(items):
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "LITERAL":
            return bool(_WORD_CHAR.match(chr(value)))
        if name == "IN":
            return not all(str(item_op) == "LITERAL" and not _WORD_CHAR.match(chr(item))
                           or str(item_op) == "CATEGORY" and str(item) in _NON_WORD_CATEGORIES
                           for item_op, item in value)
        rest = lambda: _may_start_word(items[index + 1 :], follow)  # noqa: E731
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if _may_start_word(list(value[2]), True):
                return True
            if value[0] > 0:
                return False
            continue
        if name == "SUBPATTERN":
            return _may_start_word(list(value[-1]), rest())
        if name == "BRANCH":
            after = rest()
            return any(_may_start_word(list(branch), after) for branch in value[1])
        return True
    return follow


def _sequence_firsts(items: list, follow: bool = False) -> tuple[set[str], bool]:
    """First-token keys of a parsed sequence, and whether it can match the empty string.

    A key is a lower-case prefix the first token starts with, "=word" when the token must be exactly
    that word (the literal is followed by something that cannot continue a word), or DIGIT.
    ``follow`` says whether what comes after the sequence may begin with a word character.
    """
    firsts: set[str] = set()
    index = 0
    while index < len(items):
        op, value = items[index]
        name = str(op)
        if name == "LITERAL":
            literal = ""
            while index < len(items) and str(items[index][0]) == "LITERAL":
                literal += chr(items[index][1])
                index += 1
            literal = literal.lower()
            if literal[0].isdigit():
                firsts.add(DIGIT)
            elif _WORD_CHAR.match(literal[0]):
                word = re.match(r"\w+", literal).group(0)  # type: ignore[union-attr]
                whole = len(word) < len(literal) or not _may_start_word(items[index:], follow)
                longer = None if whole else _word_goes_on(word, items[index:], follow)
                firsts |= longer if longer is not None else {f"={word}" if whole else word}
            else:
                firsts.add(literal[0])
            return firsts, False
        element, nullable = _element_firsts(name, value, _may_start_word(items[index + 1 :], follow))
        firsts |= element
        if not nullable:
            return firsts, False
        index += 1
    return firsts, True


def _word_goes_on(word: str, rest: list, follow: bool) -> set[str] | None:
    """The keys of a word the pattern spells on after ``word`` ("e" then "very|ach" → "=every", "=each"):
    the regex parser factors common prefixes out of alternatives, which would leave only "e" to index by.
    A character that cannot continue a word ends the token there ("a" then "." → "=a"); a digit goes on
    with it, so ``word`` stays a prefix. None when what follows may be empty or is unbounded (then the
    prefix ``word`` is the key)."""
    try:
        keys, nullable = _sequence_firsts(rest, follow)
    except _Anywhere:
        return None
    if nullable or not keys:
        return None
    spelt: set[str] = set()
    for key in keys:
        if key == DIGIT:
            spelt.add(word)
        elif key[0] == "=":
            spelt.add(f"={word}{key[1:]}")
        elif _WORD_CHAR.match(key[0]):
            spelt.add(word + key)
        else:
            spelt.add(f"={word}")
    return spelt


def _element_firsts(name: str, value, follow: bool) -> tuple[set[str], bool]:
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return set(), True
    if name == "IN":
        return _class_firsts(value), False
    if name == "SUBPATTERN":
        return _sequence_firsts(list(value[-1]), follow)
    if name == "BRANCH":
        firsts: set[str] = set()
        nullable = False
        for branch in value[1]:
            branch_firsts, branch_nullable = _sequence_firsts(list(branch), follow)
            firsts |= branch_firsts
            nullable = nullable or branch_nullable
        return firsts, nullable
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = value
        firsts, nullable = _sequence_firsts(list(body), follow or high > 1)
        return firsts, nullable or low == 0
    raise _Anywhere


@cache
def _parsed(pattern: str, flags: int) -> list:
    """A pattern's parse tree, parsed once: the finder asks about the same rules over and over. Its nodes are
    plain tuples and lists named by strings ("LITERAL", "BRANCH", ...), which are quicker to walk than the
    parser's own."""
    return _plain(sre_parse.parse(pattern, flags))


def _plain(items) -> list:
    plain = []
    for op, value in items:
        name = str(op)
        if name == "SUBPATTERN":
            value = (*value[:-1], _plain(value[-1]))
        elif name == "BRANCH":
            value = (value[0], [_plain(branch) for branch in value[1]])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            value = (value[0], value[1], _plain(value[2]))
        elif name in ("ASSERT", "ASSERT_NOT"):
            value = (value[0], _plain(value[1]))
        elif name == "ATOMIC_GROUP":
            value = (_plain(value),)
        elif name == "IN":
            value = [(str(o), str(v) if str(o) == "CATEGORY" else v) for o, v in value]
        elif name == "AT":
            value = str(value)
        plain.append((name, value))
    return plain


def first_tokens(regex: re.Pattern[str]) -> frozenset[str] | None:
    """What the first token of any match of ``regex`` starts with, or None when that cannot be bounded."""
    try:
        firsts, nullable = _sequence_firsts(_parsed(regex.pattern, regex.flags))
    except _Anywhere:
        return None
    return None if nullable or not firsts else frozenset(firsts)


def token_fits(keys: frozenset[str] | None, token: str) -> bool:
    """Whether a lower-case token fits first-token keys (see first_tokens; None: any token fits)."""
    if keys is None or f"={token}" in keys or (DIGIT in keys and token[:1].isdigit()):
        return True
    return any(token.startswith(key) for key in keys if key[0] != "=" and key != DIGIT)


_NOTHING: frozenset[int] = frozenset()


class KeyIndex:
    """Which of some numbered items fit a token, by each item's first-token keys (see first_tokens),
    found by looking the token up rather than by testing every item's keys."""

    def __init__(self, keyed: Iterable[tuple[int, frozenset[str] | None]]) -> None:
        self.anywhere: set[int] = set()
        self.digit: set[int] = set()
        self.words: dict[str, set[int]] = {}
        self.prefixes: dict[str, set[int]] = {}
        for item, keys in keyed:
            if keys is None:
                self.anywhere.add(item)
                continue
            for key in keys:
                if key == DIGIT:
                    self.digit.add(item)
                elif key[0] == "=":
                    self.words.setdefault(key[1:], set()).add(item)
                else:
                    self.prefixes.setdefault(key, set()).add(item)
        # the prefixes by their first character: a token is checked against the few that begin as it does
        self.by_initial: dict[str, list[tuple[str, set[int]]]] = {}
        for prefix, items in sorted(self.prefixes.items()):
            self.by_initial.setdefault(prefix[0], []).append((prefix, items))

    def fitting(self, token: str) -> Set[int]:
        """The items whose keys fit a lower-case token (token_fits, for all of them at once); not to be changed,
        for it may be one of the index's own sets."""
        parts = [self.anywhere] if self.anywhere else []
        if self.digit and token[:1].isdigit():
            parts.append(self.digit)
        exact = self.words.get(token)
        if exact:
            parts.append(exact)
        for prefix, items in self.by_initial.get(token[:1], ()):
            if token.startswith(prefix):
                parts.append(items)
        if len(parts) > 1:
            return set().union(*parts)
        return parts[0] if parts else _NOTHING


class _Unknown(Exception):
    """What follows a word in a pattern cannot be worked out (the caller then assumes anything may)."""


def _space_run_marks(item: tuple, least: int = 1) -> list[str] | None:
    """The marks a run of spaces may hold besides them ("\\s+" → [], "[\\s-]+" → ["-"]); None when ``item`` is
    no run of at least ``least`` spaces (a single space class, "\\s", is a run of one)."""
    op, value = item
    if str(op) == "IN":
        body = [item]
    elif str(op) not in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") or value[0] < least:
        return None
    else:
        body = list(value[2])
    if len(body) != 1 or str(body[0][0]) != "IN":
        return None
    members = body[0][1]
    spaces = [v for o, v in members if str(o) == "CATEGORY" and str(v) == "CATEGORY_SPACE"]
    marks = [chr(v) for o, v in members if str(o) == "LITERAL" and not _WORD_CHAR.match(chr(v))]
    return marks if spaces and len(spaces) + len(marks) == len(members) else None


def _after_spaces(items: list) -> list[list]:
    """The continuations of a parsed sequence once it has matched the spaces it must begin with."""
    if not items:
        raise _Unknown  # the match may end here: anything may follow
    (op, value), rest = items[0], items[1:]
    name = str(op)
    marks = _space_run_marks(items[0])
    if marks is not None:
        # the spaces, then in "[\s-]+" perhaps one of the marks as the next token of its own ("a - year")
        return [rest] + [[("LITERAL", ord(mark))] for mark in marks]
    marks = _space_run_marks(items[0], least=0)
    if marks is not None:
        # "\s*": the spaces, or none of them and the rest takes them
        return [rest] + [[("LITERAL", ord(mark))] for mark in marks] + _after_spaces(rest)
    if name == "LITERAL":
        if chr(value) != " ":
            return []
        index = 1
        while index < len(items) and str(items[index][0]) == "LITERAL" and chr(items[index][1]) == " ":
            index += 1
        return [items[index:]]
    if name == "SUBPATTERN":
        return _after_spaces(list(value[-1]) + rest)
    if name == "BRANCH":
        return [c for branch in value[1] for c in _after_spaces(list(branch) + rest)]
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and value[:2] == (0, 1):
        return _after_spaces(list(value[2]) + rest) + _after_spaces(rest)  # an optional part, then the rest
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and _cannot_start_space(list(value[2])):
        return _after_spaces(rest) if value[0] == 0 else []  # digits, say: none of them, or no spaces here
    if name == "IN" and _cannot_start_space(items):
        return []
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return _after_spaces(rest)
    raise _Unknown


_MAX_CONTINUATIONS = 2_000


def _class_may_hold(members: list, char: str) -> bool:
    """Whether a character class may hold ``char`` ("0" standing for any digit); True whenever unsure."""
    if any(str(op) == "NEGATE" for op, _ in members):
        return True
    for op, value in members:
        name = str(op)
        if name == "LITERAL" and (chr(value).lower() == char or char == "0" and chr(value).isdigit()):
            return True
        if name == "RANGE":
            low, high = chr(value[0]).lower(), chr(value[1]).lower()
            if low <= char <= high or char == "0" and low <= "9" and high >= "0":
                return True
        if name == "CATEGORY" and str(value) in ("CATEGORY_DIGIT", "CATEGORY_WORD") \
                and (char.isdigit() or str(value) == "CATEGORY_WORD" and _WORD_CHAR.match(char)):
            return True
        if name == "CATEGORY" and str(value) not in ("CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_SPACE"):
            return True
    return False


def _consumed(items: list, token: str) -> list[list]:
    """The continuations of a parsed sequence once it has matched all of ``token``, character by character
    (the parser factors "the|this" into "th" then "e|is": the word goes on into the branches; a number is
    written by its shape, each "0" standing for any digit): a superset, for assertions are taken to hold."""
    if not token:
        return [items]
    if not items:
        return []  # every rule ends at a word's end, and the token goes on
    (op, value), rest = items[0], items[1:]
    name = str(op)
    char = token[0]
    if name == "LITERAL":
        literal = chr(value).lower()
        return _consumed(rest, token[1:]) if literal == char or char == "0" and literal.isdigit() else []
    if name == "IN":
        return _consumed(rest, token[1:]) if _class_may_hold(list(value), char) else []
    if name == "ANY":
        return _consumed(rest, token[1:])
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return _consumed(rest, token)
    if name in ("SUBPATTERN", "ATOMIC_GROUP"):
        return _consumed(list(value[-1]) + rest, token)
    if name == "BRANCH":
        found = [c for branch in value[1] for c in _consumed(list(branch) + rest, token)]
        if len(found) > _MAX_CONTINUATIONS:
            raise _Unknown
        return found
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = value
        body = list(body)
        if _sequence_nullable(body):
            raise _Unknown  # a repeat that may match nothing would not move on
        skipped = _consumed(rest, token) if low == 0 else []
        if high == 0:
            return skipped
        # once more, then what is left of the repeat (nothing, when it may match only once)
        again = [] if high == 1 else [("MAX_REPEAT", (max(low - 1, 0), high if high == sre_parse.MAXREPEAT
                                                      else high - 1, body))]
        return skipped + _consumed(body + again + rest, token)
    raise _Unknown


def _sequence_nullable(items: list) -> bool:
    """Whether a parsed sequence may match the empty string (True whenever unsure)."""
    for op, value in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL", "IN", "ANY"):
            return False
        if name in ("SUBPATTERN", "ATOMIC_GROUP") and not _sequence_nullable(list(value[-1])):
            return False
        if name == "BRANCH" and not any(_sequence_nullable(list(branch)) for branch in value[1]):
            return False
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and value[0] > 0 \
                and not _sequence_nullable(list(value[2])):
            return False
    return True


def _cannot_start_space(items: list) -> bool:
    """Whether a parsed sequence surely begins with a character that is no space (its first element is a
    literal or a class without spaces)."""
    if not items:
        return False
    op, value = items[0]
    name = str(op)
    if name == "LITERAL":
        return not chr(value).isspace()
    if name == "IN":
        return not any(str(o) == "NEGATE" or str(o) == "CATEGORY" and str(v) in ("CATEGORY_SPACE", "CATEGORY_NOT_WORD",
                                                                               "CATEGORY_NOT_DIGIT")
                       or str(o) == "LITERAL" and chr(v).isspace() or str(o) == "RANGE" and v[0] <= 32
                       for o, v in value)
    if name == "SUBPATTERN":
        return _cannot_start_space(list(value[-1]))
    if name == "BRANCH":
        return all(_cannot_start_space(list(branch)) for branch in value[1])
    return False


def _after_token(items: list, token: str) -> list[list]:
    """The continuations of a parsed sequence once it has matched all of ``token`` and the spaces after it."""
    found: list[list] = []
    for continuation in _consumed(items, token):
        found += _after_spaces(continuation)
    return found


def may_meet_mark(regex: re.Pattern[str], token: str, mark: str) -> bool:
    """Whether a match of ``regex`` that begins with the whole ``token`` (a number by its shape, see
    _consumed) may go on into the ``mark`` right after it ("5%", "5.30") or end before it ("1990.");
    True whenever that cannot be worked out."""
    return mark in marks_met(regex, token, mark)


def marks_met(regex: re.Pattern[str], token: str, marks: str) -> str:
    """Those of ``marks`` that a match of ``regex`` beginning with the whole ``token`` may meet right after it
    (may_meet_mark for several marks, reading the pattern once)."""
    try:
        continuations = _consumed(_parsed(regex.pattern, regex.flags), token)
        if any(_sequence_nullable(c) for c in continuations):
            return marks
        return "".join(mark for mark in marks if any(_consumed(c, mark) for c in continuations))
    except (_Unknown, _Anywhere):
        return marks


def tokens_after(regex: re.Pattern[str], word: str) -> frozenset[str] | None:
    """What the token after ``word`` starts with, in matches of ``regex`` that begin with that whole word
    ("the" → {"=year", "=weekend", ...}); None when it cannot be bounded (then anything may follow)."""
    try:
        parsed = _parsed(regex.pattern, regex.flags)
        continuations = _after_token(parsed, word)
        keys: set[str] = set()
        for continuation in continuations:
            firsts, nullable = _sequence_firsts(continuation)
            if nullable:
                return None
            keys |= firsts
    except (_Unknown, _Anywhere):
        return None
    return frozenset(keys)


@cache
def load_grammar() -> Grammar:
    """Read vocabulary.yaml and grammar.yaml once and compile every rule."""
    vocabulary = _load_yaml("vocabulary.yaml")
    grammar = _load_yaml("grammar.yaml")
    macros = _macros(vocabulary, grammar["macros"])
    rules = []
    for priority, spec in enumerate(grammar["rules"]):
        body = _expand(spec["pattern"], macros)
        regex = re.compile(r"(?<![\w])(?:" + body + r")(?![\w])", re.IGNORECASE)
        rules.append(
            Rule(
                name=spec["name"],
                kind=spec["kind"],
                type=TimexType(spec["type"]) if "type" in spec else None,
                regex=regex,
                priority=priority,
                fixed=dict(spec.get("set", {})),
                before=_context(spec.get("before"), macros),
                not_before=_context(spec.get("not_before"), macros),
                after=_context(spec.get("after"), macros),
                not_after=_context(spec.get("not_after"), macros),
                capitalised=spec.get("capitalised"),
                starts=first_tokens(regex),
            )
        )
    shift = {name: _context(grammar.get(name), macros)
             for name in ("shift_before_date", "shift_not_before", "shift_not_after", "date_moved_before")}
    return Grammar(vocabulary=vocabulary, rules=tuple(rules), **shift)
