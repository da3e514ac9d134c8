"""Loads the vocabulary and the rules (data files beside this module) into compiled patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

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


@dataclass(frozen=True, slots=True)
class Grammar:
    vocabulary: dict[str, Any]
    rules: tuple[Rule, ...]


def _load_yaml(name: str) -> Any:
    return yaml.safe_load(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


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
            )
        )
    return Grammar(vocabulary=vocabulary, rules=tuple(rules))
