"""Numbers written in Arabic or Chinese numerals (三千, 一式三份, 5家)."""

from __future__ import annotations

import re

CN_DIGITS = "零〇○一二两三四五六七八九十百千万"
# a number as notices write it: Arabic digits, or a run of Chinese numeral characters
NUMBER = rf"(?:\d+|[{CN_DIGITS}]+)"
_NUMBER_RE = re.compile(NUMBER)
_SIMPLE = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def parse_number(text: str) -> int | None:
    """Integer value of Arabic or Chinese numerals ("3000", "三千", "十二", "二〇二五"); None if not a number."""
    text = text.strip().replace(",", "")
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(ch in _SIMPLE for ch in text) and len(text) > 1:
        # digit-by-digit form used for years: 二〇二五
        return int("".join(str(_SIMPLE[ch]) for ch in text))
    try:
        import cn2an

        value = cn2an.cn2an(text.replace("○", "〇"), "smart")
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    return int(value) if float(value).is_integer() else None


def numbers_in(text: str) -> list[int]:
    """Every number in `text`, in order."""
    values = (parse_number(m.group(0)) for m in _NUMBER_RE.finditer(text))
    return [v for v in values if v is not None]
