"""Fitting a draft to its 字数 limit: drop whole sentences, lowest value first, never cut one.

A draft is a sequence of units (a heading line or one sentence), each with a value and
the group (point) it belongs to. While the text is over the limit the lowest-valued
unit goes (ties: the later one); a heading goes with the last sentence under it, since
a heading over nothing covers nothing. Counting is always `rag.count.count`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .count import CountMode, count


@dataclass(frozen=True)
class Unit:
    """A heading line or one whole sentence of a draft, with how much it is worth keeping."""

    text: str  # carries its own trailing newline when it ends a line
    value: float
    group: int = -1  # index of the point it serves; -1 for text outside any point
    heading: bool = False
    keys: tuple[str, ...] = ()  # keys of the facts it states
    kind: str = "text"  # heading | fact | material | missing | text


def render(units: Sequence[Unit]) -> str:
    """The draft text of the units, in order, without stray blank lines."""
    text = "".join(u.text for u in units)
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip()).strip()


def fit(units: Sequence[Unit], limit: int | None, mode: CountMode = "word") -> tuple[list[Unit], list[Unit]]:
    """(kept, dropped): the units of a text within `limit`, dropped lowest value first."""
    kept = list(units)
    dropped: list[Unit] = []
    if limit is None:
        return kept, dropped
    while kept and count(render(kept), mode) > limit:
        body = [i for i, u in enumerate(kept) if not u.heading]
        pool = body or list(range(len(kept)))
        victim = min(pool, key=lambda i: (kept[i].value, -i))
        unit = kept.pop(victim)
        dropped.append(unit)
        if not unit.heading and unit.group >= 0 and not any(u.group == unit.group and not u.heading for u in kept):
            dropped += [u for u in kept if u.group == unit.group]
            kept = [u for u in kept if u.group != unit.group]
    return kept, dropped
