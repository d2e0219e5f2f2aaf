"""Normalisation for matching, with a map back to verbatim offsets.

Sources keep the defects of PDF/DOCX extraction (spaces inside Chinese words, page
furniture, bookmarks, full-width forms, traditional script). Matching works on a
normalised form; every quote shown to a user is cut from the verbatim text through
the offset map, so it stays exactly as in the source.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
# page numbers printed as a line of their own: "— 6 —", "-12 -", "- 3 -", "第 3 页"
_PAGE_FURNITURE = re.compile(r"(?m)^[ \t]*(?:[—–\-－]{1,2}[ \t]*\d{1,4}[ \t]*[—–\-－]{1,2}|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*共[ \t]*\d+[ \t]*页)?)[ \t]*$")
_WS = re.compile(r"\s+")


def is_cjk(ch: str) -> bool:
    """True for CJK ideographs and CJK/full-width punctuation."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x3000 <= code <= 0x303F  # CJK punctuation 、。〈〉《》「」【】〔〕
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x2E80 <= code <= 0x2FDF
        or 0xF900 <= code <= 0xFAFF
        or ch in "“”‘’—…·•□■☑√"
    )


@lru_cache(maxsize=1)
def _t2s():
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a pinned dependency
        return None
    try:
        return opencc.OpenCC("t2s")
    except Exception:  # the binding names configs with or without .json
        return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """Traditional → simplified script (identity when the converter is unavailable)."""
    converter = _t2s()
    return converter.convert(text) if converter is not None and text else text


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Spans of page furniture and bookmarks, which are not part of the content."""
    spans = [m.span() for m in _BOOKMARK.finditer(text)]
    spans += [m.span() for m in _PAGE_FURNITURE.finditer(text)]
    return sorted(spans)


def normalise_with_map(text: str, keep_newlines: bool = False) -> tuple[str, list[int]]:
    """Normalise `text`; return it with, for each output character, its source offset."""
    removed = bytearray(len(text))
    for start, end in furniture_spans(text):
        for i in range(start, end):
            removed[i] = 1
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if removed[i]:
            continue
        folded = unicodedata.normalize("NFKC", ch) if not ch.isspace() else ch
        for out in folded:
            chars.append(out)
            origin.append(i)
    simplified = to_simplified("".join(chars))
    if len(simplified) == len(chars):
        chars = list(simplified)
    else:  # phrase conversions changed the length: convert character by character
        chars = [to_simplified(c) if len(to_simplified(c)) == 1 else c for c in chars]
    out_chars: list[str] = []
    out_origin: list[int] = []
    i = 0
    n = len(chars)
    while i < n:
        ch = chars[i]
        if ch.isspace():
            j = i
            has_newline = False
            while j < n and chars[j].isspace():
                has_newline = has_newline or chars[j] == "\n"
                j += 1
            prev = out_chars[-1] if out_chars else ""
            nxt = chars[j] if j < n else ""
            if keep_newlines and has_newline:
                if prev and prev != "\n":
                    out_chars.append("\n")
                    out_origin.append(origin[i])
            elif prev and nxt and not (is_cjk(prev) or is_cjk(nxt)) and prev != "\n":
                out_chars.append(" ")
                out_origin.append(origin[i])
            i = j
            continue
        out_chars.append(ch)
        out_origin.append(origin[i])
        i += 1
    while out_chars and out_chars[-1] in " \n":
        out_chars.pop()
        out_origin.pop()
    return "".join(out_chars), out_origin


def normalise(text: str) -> str:
    """Normalised form of `text` for matching (no offsets)."""
    return normalise_with_map(text)[0]


def collapse_whitespace(text: str) -> str:
    """Verbatim text with whitespace runs folded to one space (how quotes are compared)."""
    return _WS.sub(" ", text).strip()


def verbatim_span(source: str, norm_start: int, norm_end: int, origin: list[int]) -> tuple[int, int]:
    """Map a [start, end) span of normalised text back to a span of the verbatim source."""
    start = origin[norm_start]
    end = origin[norm_end - 1] + 1
    return start, end


def quote_from(source: str, start: int, end: int) -> str:
    """The verbatim quote for a source span, whitespace folded (nothing else changed)."""
    return collapse_whitespace(source[start:end])


def is_verbatim(quote: str, source: str) -> bool:
    """True when `quote` is a substring of `source` after whitespace normalisation."""
    return collapse_whitespace(quote) in collapse_whitespace(source)


def find_normalised(needle: str, source: str) -> tuple[int, int] | None:
    """Locate `needle` in `source` by normalised matching; return the verbatim span."""
    norm, origin = normalise_with_map(source)
    target = normalise(needle)
    if not target:
        return None
    pos = norm.find(target)
    if pos < 0:
        return None
    return verbatim_span(source, pos, pos + len(target), origin)
