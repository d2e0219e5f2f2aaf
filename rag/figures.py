"""Figures: the numbers an applicant states about itself (资产负债率为52%, 营业收入1800万元,
已接入38家) and the thresholds a notice sets on them (资产负债率不超过65%, 营业收入不低于500万元).

A figure is kept as text in the applicant record ("资产负债率=52%；营业收入=1800万元") so it
survives JSON and forms unchanged; a threshold is read from the condition's own words. The two
meet when they measure the same thing (a shared name of two or more characters) in the same unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNIT = r"%|％|万元|亿元|家|个|人|项"
# the figure's name: the words right before the number, without the verbs that join them
_STATED = re.compile(rf"(?P<metric>[\u4e00-\u9fff]{{2,14}}?)(?:为|是|达到|达|约|共|合计|有|超过|约为)?\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})")
_THRESHOLD = re.compile(
    rf"(?P<metric>[\u4e00-\u9fff]{{2,16}}?)(?:均|应|须|需)?\s*(?P<cmp>不低于|不少于|不超过|不高于|不多于|达到|低于|高于|超过)\s*"
    rf"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})(?P<tail>以上|以下|以内)?"
)
# words that join a name to its number or date it, never the name itself
_FILLER = re.compile(r"^(?:(?:\d{4}年)?(?:年末|年底|年度|上年度|上一年度|近三年|近两年|目前|现有|还有|另有|已|的|其中|我们|本单位|单位|合计|总计|共|累计)+)|(?:的|合计|共|累计|总计|已)+$")
# names too common to tie a figure to a threshold
_GENERIC = {"数据", "项目", "单位", "企业", "申报", "本单", "合计", "平台"}


@dataclass(frozen=True)
class Figure:
    metric: str
    value: float  # in the unit below (亿元 are read as 万元)
    unit: str


def _clean(metric: str) -> str:
    return _FILLER.sub("", metric)


def _value(number: str, unit: str) -> tuple[float, str]:
    value = float(number)
    if unit == "亿元":
        return value * 10000, "万元"
    return value, "%" if unit == "％" else unit


def stated_figures(text: str) -> str | None:
    """The figures a self-description states, as 名称=数值单位 joined by ；, or None."""
    found = []
    for m in _STATED.finditer(text):
        unit = m.group("unit")
        after = text[m.end(): m.end() + 5]
        if unit in ("个", "项", "家", "人") and re.search(r"申报|项目|联合|牵头|合作|成员|单位", m.group("metric") + after):
            continue  # how many projects or partners: facts of their own, not figures
        metric = _clean(m.group("metric"))
        if len(metric) >= 2 and "投资" not in metric:  # (the investment has a field of its own)
            value, unit = _value(m.group("n"), unit)
            found.append(f"{metric}={value:g}{unit}")
    return "；".join(dict.fromkeys(found)) or None


def parse_figures(text: str | None) -> list[Figure]:
    """The record's figures back from their text form."""
    out = []
    for part in re.split(r"[；;]", text or ""):
        m = re.fullmatch(rf"\s*(?P<metric>[^=]+)=(?P<n>\d+(?:\.\d+)?)(?P<unit>{_UNIT})\s*", part)
        if m:
            value, unit = _value(m.group("n"), m.group("unit"))
            out.append(Figure(m.group("metric").strip(), value, unit))
    return out


@dataclass(frozen=True)
class Threshold:
    metric: str
    op: str  # >= | <= | > | <
    value: float
    unit: str


def threshold_in(text: str) -> Threshold | None:
    """The numeric bar a condition sets (资产负债率不超过65% → 资产负债率 <= 65 %), if any."""
    m = _THRESHOLD.search(text)
    if not m:
        return None
    cmp, tail = m.group("cmp"), m.group("tail") or ""
    op = {"不低于": ">=", "不少于": ">=", "达到": ">=", "不超过": "<=", "不高于": "<=", "不多于": "<=",
          "低于": "<", "高于": ">", "超过": ">"}[cmp]
    if tail == "以上" and cmp == "达到":
        op = ">="
    metric = _clean(re.split(r"[，,、；;：:]", m.group("metric"))[-1])
    value, unit = _value(m.group("n"), m.group("unit"))
    return Threshold(metric, op, value, unit) if len(metric) >= 2 else None


def _shared(a: str, b: str) -> int:
    """Length of the longest common run of characters that is not a generic word."""
    best = 0
    for i in range(len(a)):
        for j in range(i + 2, len(a) + 1):
            piece = a[i:j]
            if piece in b and piece not in _GENERIC and j - i > best:
                best = j - i
    return best


def figure_for(threshold: Threshold, figures: list[Figure]) -> Figure | None:
    """The stated figure that measures what the threshold measures (same unit, shared name)."""
    scored = [(_shared(threshold.metric, f.metric), f) for f in figures if f.unit == threshold.unit]
    scored = [(s, f) for s, f in scored if s >= 2]
    return max(scored, key=lambda sf: sf[0])[1] if scored else None


def meets(threshold: Threshold, figure: Figure) -> bool:
    v, bar = figure.value, threshold.value
    return {">=": v >= bar, "<=": v <= bar, ">": v > bar, "<": v < bar}[threshold.op]
