"""Result rows and the printed table: metric | system | baseline | ratio | target."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Row:
    metric: str
    system: float | None
    baseline: float | None = None
    unit: str = ""
    target: float | None = None  # upper bound the system value should stay within
    target_text: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.system is None or self.baseline is None or self.baseline == 0 or math.isnan(self.baseline):
            return None
        return self.system / self.baseline

    @property
    def met(self) -> bool | None:
        if self.target is None or self.system is None:
            return None
        return self.system <= self.target

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio, "met": self.met}


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "x":
        return f"{value:.3g}"
    return f"{value:g}{(' ' + unit) if unit else ''}"


def _target(row: Row) -> str:
    if not row.target_text:
        return ""
    if row.met is None:
        return row.target_text
    return f"{row.target_text} {'✓' if row.met else '✗ MISSED'}"


def table(rows: list[Row]) -> str:
    """A fixed-width text table (CJK characters counted as two columns)."""
    header = ["metric", "system", "baseline", "ratio", "target"]
    body = [[r.metric + (f"  [{r.note}]" if r.note else ""), _value(r.system, r.unit), _value(r.baseline, r.unit),
             f"{r.ratio:.3g}×" if r.ratio is not None else "", _target(r)] for r in rows]
    widths = [max(_width(line[i]) for line in [header, *body]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    rule = "-+-".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(c) for c in body)])


def _width(text: str) -> int:
    return sum(2 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)
