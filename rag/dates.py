"""Chinese dates and times in normalised notice text (2025年10月31日, 3月13日前, 18时)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .numerals import parse_number

_CN = "零〇○一二两三四五六七八九十"
_YEAR = rf"(?P<year>\d{{4}}|[{_CN}]{{4}})\s*年\s*"
_MONTH = rf"(?P<month>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*"
_DAY = rf"(?P<day>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号]"
# 18时 / 18:00 / 下午5点 / 17时30分 — a time right after the date
_TIME = r"\s*(?:(?P<ampm>上午|下午|晚上)?\s*(?P<hour>\d{1,2}|[十一二三四五六七八九]{1,3})\s*(?:[时点]|:(?P<minute>\d{2}))(?:\s*(?P<min2>\d{1,2})\s*分)?)?"
DATE_RE = re.compile(rf"(?:{_YEAR})?{_MONTH}{_DAY}{_TIME}")
YEAR_RE = re.compile(r"(?<!\d)(20\d{2})\s*年")


@dataclass(frozen=True)
class DateMatch:
    start: int  # span in the searched (normalised) text
    end: int
    date: str  # YYYY-MM-DD
    time: str | None  # HH:MM
    explicit_year: bool


def find_dates(text: str, default_year: int | None) -> list[DateMatch]:
    """Full dates in `text`; a date without a year takes `default_year` (the notice's year)."""
    found: list[DateMatch] = []
    for m in DATE_RE.finditer(text):
        year = parse_number(m.group("year")) if m.group("year") else default_year
        month, day = parse_number(m.group("month")), parse_number(m.group("day"))
        if year is None or month is None or day is None:
            continue
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        found.append(DateMatch(m.start(), m.end(), date.isoformat(), _time_of(m), bool(m.group("year"))))
    return found


def _time_of(m: re.Match[str]) -> str | None:
    if not m.group("hour"):
        return None
    hour = parse_number(m.group("hour"))
    if hour is None or hour > 24:
        return None
    if m.group("ampm") in ("下午", "晚上") and hour < 12:
        hour += 12
    minute = int(m.group("minute") or m.group("min2") or 0)
    return f"{hour:02d}:{minute:02d}"


def parse_iso(value: str) -> dt.date | None:
    """A YYYY-MM-DD string as a date; None for partial or empty values."""
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
