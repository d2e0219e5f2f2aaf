"""Counting 字数 the way the templates count (SPEC.md, "Counting 字数").

`word` mode (default, like a word processor's 字数): each CJK character or CJK
punctuation mark counts 1; each run of Latin letters or digits counts 1 (`2025年` is 2,
`DCMM` is 1); whitespace counts 0; any other symbol counts 1. `char` mode counts every
non-whitespace character. One function serves drafts, the checker and the UI counter.
"""

from __future__ import annotations

import re
from typing import Literal

CountMode = Literal["word", "char"]
# a run of ASCII letters/digits (with inner . , - _ ' as in 3.5, e-mail) is one word
_TOKEN = re.compile(r"[A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]+(?:[.'_\-][A-Za-z0-9]+)*|\S")


def count(text: str, mode: CountMode = "word") -> int:
    """字数 of `text` in the given mode."""
    if mode == "char":
        return sum(1 for ch in text if not ch.isspace())
    if mode != "word":
        raise ValueError(f"unknown count mode {mode!r}: use word or char")
    return len(_TOKEN.findall(text))


def fits(text: str, limit: int | None, mode: CountMode = "word") -> bool:
    """True when `text` is within `limit` (no limit: always)."""
    return limit is None or count(text, mode) <= limit


def counter_label(text: str, limit: int | None, mode: CountMode = "word") -> str:
    """The UI counter: '812 / 1000 字'."""
    used = count(text, mode)
    return f"{used} / {limit} 字" if limit else f"{used} 字"
