"""The grounding guard: every factual value in a generated answer must appear in a clause.

A generated answer is split into sentences. A sentence that states a number, date, time,
amount, percentage, place or organisation name is kept only when each of those values
is found in the clauses it cites ([n] markers), after normalisation (full/half width,
traditional → simplified) and with Chinese numerals read as numbers (三千 = 3000,
五百万元 = 5000000元). A sentence whose values are found only in a clause it did not
cite is kept with its markers corrected; a sentence whose values are found nowhere is
removed (or, on request, marked). Sentences that state no such value pass unchecked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from .normalise import normalise

# ---- citation markers ------------------------------------------------------------------

# models write [1], full-width ［1］ or 【1】; all are read as clause numbers
_MARKER = re.compile(r"\s?(?:\[(\d{1,3})\]|［(\d{1,3})］|【(\d{1,3})】)")


def citation_numbers(text: str) -> list[int]:
    """Clause numbers cited by [n] markers in `text`, in order of first appearance."""
    seen: list[int] = []
    for m in _MARKER.finditer(text):
        n = int(next(g for g in m.groups() if g))
        if n not in seen:
            seen.append(n)
    return seen


def strip_markers(text: str) -> str:
    """`text` without its citation markers."""
    return _MARKER.sub("", text)


# ---- sentences ---------------------------------------------------------------------------

# a sentence ends at Chinese 。！？； or English .?! followed by space (not a decimal point),
# takes closing quotes/brackets and any citation markers right after it, or ends at a newline
_SENTENCE_END = re.compile(
    r"(?:[。！？；!?;]+|\.(?=\s|$))[”’\"'）)」』]*(?:\s?(?:\[\d{1,3}\]|［\d{1,3}］|【\d{1,3}】))*[ \t]*\n*|\n+"
)


def split_sentences(text: str) -> list[str]:
    """Split text into sentences, keeping each one's terminator, trailing markers and newlines."""
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > start:
            pieces.append(text[start : m.end()])
            start = m.end()
    if start < len(text):
        pieces.append(text[start:])
    merged: list[str] = []
    for piece in pieces:
        # a piece holding only markers or whitespace belongs to the sentence before it
        if merged and not strip_markers(piece).strip():
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


# ---- values stated in a sentence ------------------------------------------------------

_CN_NUMERAL = "零〇○一二两三四五六七八九十百千万亿"
_CN_RUN = re.compile(rf"百分之([{_CN_NUMERAL}点]+)|([{_CN_NUMERAL}]+(?:点[零〇○一二三四五六七八九]+)?)")
# characters after a Chinese numeral that make it a quantity (三家, 五百万元, 二〇二五年)
_UNITS = set("家个项名人位年月日号时分秒万亿元天周倍份类批所座条页字次届期轮款章节层级%")
_MULTIPLIERS = set("十百千万亿")
# 一 inside ordinary words (统一时间, 唯一, 进一步) is not a quantity
_WORD_BEFORE_ONE = set("统唯万之进同专逐单划均一")
_IDIOMS = ("十分", "一点", "一时", "一流", "一律", "一体", "一致", "一般", "一定", "一些", "一切")
_SIMPLE_DIGIT = {
    "零": "0",
    "〇": "0",
    "○": "0",
    "一": "1",
    "二": "2",
    "两": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
}

_DATE_NUMERIC = re.compile(r"(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)")
_DATE_CN = re.compile(r"(?:(?<!\d)(\d{4})\s*年\s*)?(?<!\d)(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?")
_TIME = re.compile(r"(?<!\d)(\d{1,2})\s*(?::|时)\s*(?:(\d{2})(?!\d)\s*分?)?")
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(%|万|亿|千)?")
_ENUMERATOR = re.compile(
    r"^\s*(?:[-*•·]+\s*|#+\s*|\d{1,2}[.、)）](?!\d)\s*|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]\s*|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十\d]{1,3}[，,、:：]\s*)+"
)
_MULTIPLY = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1_000)}

_PROVINCES = (
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
)
_PLACE_SUFFIX = ("特别行政区", "自治区", "自治州", "地区", "省", "市", "盟")

_ORG_SUFFIX = (
    "委员会",
    "管委会",
    "办公厅",
    "办公室",
    "研究院",
    "研究所",
    "交易所",
    "交易中心",
    "数据局",
    "中心",
    "公司",
    "集团",
    "协会",
    "学会",
    "联盟",
    "大学",
    "学院",
    "银行",
    "政府",
    "局",
    "厅",
    "部",
    "署",
)
_ORG = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{1,16}?)(" + "|".join(_ORG_SUFFIX) + r")(?![门分署件位长委属级])")
# words that end the text before a name: the name starts after the last of them
_NAME_BREAK = re.compile(
    r".*(?:联系|报送|提交|通过|注册|位于|所在|属于|组织|负责|会同|指导|推荐|经由|共同|联合|牵头|申报|依托|支持|要求|根据|按照|"
    r"发布|印发|受理|审核|确认|认定|具有|并且|以及|或者|的|由|向|在|经|到|是|为|和|与|及|或|请|对|按|将|被|从|给|以|于|等|均|应|须|需|可|至|该|本|各|其|这|此)"
)
# names made of these are references, not names (相关部门, 主管部门, 地方政府, 有限公司)
_GENERIC = (
    "相关",
    "有关",
    "主管",
    "地方",
    "当地",
    "所在地",
    "属地",
    "各地",
    "本地",
    "各级",
    "上级",
    "行业",
    "同级",
    "第三方",
    "具体",
    "其他",
    "有限",
    "股份",
    "管理",
    "职能",
    "业务",
    "服务",
    "运营",
    "全",
    "总",
    "外",
    "内",
    "省级",
    "市级",
    "县级",
)


@dataclass(frozen=True)
class Value:
    """A checkable value stated in a sentence: its kind, its text, and what must match."""

    kind: str  # number | date | time | place | org
    text: str
    key: tuple[Any, ...]


@dataclass(frozen=True)
class Evidence:
    """The matchable facts of one clause (numbers, dates, times) and its normalised text."""

    norm: str
    numbers: frozenset[Decimal]
    dates: tuple[tuple[int | None, int, int | None], ...]
    times: frozenset[tuple[int, int]]


def arabicise(text: str) -> str:
    """Chinese numerals that denote quantities rewritten as Arabic (三千→3000, 百分之三十→30%)."""

    def replace(m: re.Match[str]) -> str:
        if m.group(1) is not None:  # 百分之三十
            value = _cn_value(m.group(1))
            return f"{value}%" if value is not None else m.group(0)
        run = m.group(2)
        after = m.string[m.end() : m.end() + 1]
        before = m.string[m.start() - 1 : m.start()] if m.start() else ""
        if all(ch in _MULTIPLIERS for ch in run):
            return run  # 千万 (by all means), 万物: not a quantity on its own
        if any(m.string.startswith(idiom, m.start()) for idiom in _IDIOMS) and len(run) == 1:
            return run
        if run == "一" and before in _WORD_BEFORE_ONE:
            return run
        is_quantity = after in _UNITS or (len(run) > 1 and any(ch in _MULTIPLIERS for ch in run))
        if not is_quantity:
            return run
        if after == "年" and len(run) == 4 and all(ch in _SIMPLE_DIGIT for ch in run):
            return "".join(_SIMPLE_DIGIT[ch] for ch in run)  # 二〇二五年
        value = _cn_value(run)
        return value if value is not None else run

    return _CN_RUN.sub(replace, text)


def _cn_value(run: str) -> str | None:
    import cn2an

    try:
        value = cn2an.cn2an(run.replace("○", "〇"), "smart")
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    return _fmt(Decimal(str(value)))


def _fmt(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _prepare(text: str) -> str:
    """Normalised, marker-free, Arabic-numeral form used for matching."""
    return arabicise(normalise(strip_markers(text)))


def _number_values(digits: str, scale: str | None) -> set[Decimal]:
    try:
        base = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return set()
    values = {base.normalize()}
    if scale in _MULTIPLY:
        values.add((base * _MULTIPLY[scale]).normalize())
    return values


DateKey = tuple[int | None, int, int | None]  # (year, month, day); year and day may be absent


def _dates_in(text: str) -> list[tuple[DateKey, tuple[int, int]]]:
    found: list[tuple[DateKey, tuple[int, int]]] = []
    for m in _DATE_NUMERIC.finditer(text):
        found.append(((int(m.group(1)), int(m.group(2)), int(m.group(3))), m.span()))
    for m in _DATE_CN.finditer(text):
        if any(s <= m.start() < e for _, (s, e) in found):
            continue
        month = int(m.group(2))
        if not 1 <= month <= 12:
            continue
        year = int(m.group(1)) if m.group(1) else None
        day = int(m.group(3)) if m.group(3) else None
        found.append(((year, month, day), m.span()))
    return found


def _times_in(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    found: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for m in _TIME.finditer(text):
        if m.group(0).rstrip().endswith(":") and not m.group(2):
            continue  # "第1:" is not a time
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour <= 24 and minute < 60:
            found.append(((hour, minute), m.span()))
    return found


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern[str]:
    """Province names plus prefecture-level and county-level names from the bundled gazetteer."""
    names = set(_PROVINCES)
    for name in _gazetteer():
        names.add(name)
        for suffix in _PLACE_SUFFIX:
            short = name[: -len(suffix)]
            if name.endswith(suffix) and len(short) >= 2:
                names.add(short)
                break
    ordered = sorted(names, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered)))


def _gazetteer() -> list[str]:
    """Prefecture names and 3+ character county names from cpca's adcode table, if installed."""
    from importlib.util import find_spec
    from pathlib import Path

    # find_spec locates the package without importing it (cpca's import loads pandas)
    spec = find_spec("cpca")
    if spec is None or not spec.origin:
        return []  # provinces alone still cover the jurisdictions of the bundled notices
    try:
        table = (Path(spec.origin).parent / "resources" / "adcodes.csv").read_text(encoding="utf-8")
    except OSError:
        return []
    names = []
    for line in table.splitlines()[1:]:
        code, _, rest = line.partition(",")
        name = rest.split(",", 1)[0]
        if not name or "辖" in name or "直管" in name or "行政区划" in name:
            continue
        if code[4:] == "00000000" or len(name) >= 3:
            names.append(name)
    return names


def stated_values(sentence: str) -> list[Value]:
    """The checkable values a sentence states (numbers, dates, times, places, organisations)."""
    text = _ENUMERATOR.sub("", _prepare(sentence))
    values: list[Value] = []
    dates = _dates_in(text)
    for date, _ in dates:
        values.append(Value("date", _date_text(date), date))
    masked = _mask(text, [span for _, span in dates])
    times = _times_in(masked)
    for clock, _ in times:
        values.append(Value("time", f"{clock[0]}:{clock[1]:02d}", clock))
    masked = _mask(masked, [span for _, span in times])
    for m in _NUMBER.finditer(masked):
        numbers = _number_values(m.group(1), m.group(2))
        if numbers:
            values.append(Value("number", m.group(0).strip(), tuple(sorted(numbers))))
    for m in _place_pattern().finditer(text):
        values.append(Value("place", m.group(0), (m.group(0),)))
    for name in _org_names(text):
        values.append(Value("org", name, (name,)))
    return values


def _org_names(text: str) -> list[str]:
    names = []
    for m in _ORG.finditer(text):
        head, suffix = m.group(1), m.group(2)
        brk = _NAME_BREAK.match(head)
        if brk:
            head = head[brk.end() :]
        if len(head) < 2 or head.startswith(_GENERIC) or head.endswith(_GENERIC):
            continue
        names.append(head + suffix)
    return names


def _date_text(key: tuple[int | None, int, int | None]) -> str:
    year, month, day = key
    return (f"{year}年" if year else "") + f"{month}月" + (f"{day}日" if day else "")


@lru_cache(maxsize=512)
def evidence_of(clause: str) -> Evidence:
    """The matchable facts of a clause (cached: the same clauses are checked many times)."""
    text = _prepare(clause)
    numbers: set[Decimal] = set()
    for m in _NUMBER.finditer(text):
        numbers |= _number_values(m.group(1), m.group(2))
    dates = tuple(key for key, _ in _dates_in(text))
    times = frozenset(key for key, _ in _times_in(text))
    return Evidence(norm=text, numbers=frozenset(numbers), dates=dates, times=times)


def supports(evidence: Evidence, value: Value) -> bool:
    """True when the clause evidence holds `value`."""
    if value.kind == "number":
        return any(n in evidence.numbers for n in value.key)
    if value.kind == "time":
        return value.key in evidence.times
    if value.kind == "date":
        year, month, day = value.key
        for e_year, e_month, e_day in evidence.dates:
            if e_month != month or (day is not None and e_day is not None and e_day != day):
                continue
            if day is not None and e_day is None:
                continue
            if year is None or e_year == year or (e_year is None and Decimal(year) in evidence.numbers):
                return True
        return False
    return value.text in evidence.norm  # place, org


# ---- the guard ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceCheck:
    """One sentence of an answer and what the guard found in it."""

    text: str  # as written, markers included (after marker correction)
    values: tuple[Value, ...]
    cited: tuple[int, ...]  # clause numbers the sentence cites (after correction)
    unsupported: tuple[Value, ...]

    @property
    def supported(self) -> bool:
        return not self.unsupported


@dataclass(frozen=True)
class GuardResult:
    """The answer with unsupported sentences removed, and an account of what was removed."""

    text: str
    kept_sentences: tuple[str, ...]
    removed_sentences: tuple[str, ...]
    unsupported_values: tuple[str, ...]
    cited: tuple[int, ...]  # clause numbers cited by the kept text, in order of appearance
    checks: tuple[SentenceCheck, ...] = field(default=(), repr=False)

    @property
    def removed(self) -> int:
        """How many sentences were removed (or marked)."""
        return len(self.removed_sentences)


def guard(answer: str, clauses: Mapping[int, str], mark: str | None = None) -> GuardResult:
    """Check every sentence of `answer` against the numbered `clauses` it cites.

    Markers naming no clause are dropped. With `mark` set, unsupported sentences stay in
    the text with `mark` after them instead of being removed.
    """
    evidence = {n: evidence_of(text) for n, text in clauses.items()}
    out: list[str] = []
    kept: list[str] = []
    removed: list[str] = []
    unsupported_values: list[str] = []
    checks: list[SentenceCheck] = []
    for sentence in split_sentences(answer):
        check = _check(sentence, evidence)
        checks.append(check)
        if check.supported:
            out.append(check.text)
            if strip_markers(check.text).strip():
                kept.append(check.text.strip())
            continue
        removed.append(sentence.strip())
        unsupported_values += [v.text for v in check.unsupported if v.text not in unsupported_values]
        if mark is not None:
            out.append(_insert_before_end(check.text, mark))
        elif "\n" in sentence:
            out.append("\n" * min(sentence.count("\n"), 2))  # keep the paragraph break
    text = re.sub(r"\n{3,}", "\n\n", "".join(out)).strip()
    return GuardResult(
        text=text,
        kept_sentences=tuple(kept),
        removed_sentences=tuple(removed),
        unsupported_values=tuple(unsupported_values),
        cited=tuple(citation_numbers(text)),
        checks=tuple(checks),
    )


def _check(sentence: str, evidence: Mapping[int, Evidence]) -> SentenceCheck:
    cited = [n for n in citation_numbers(sentence) if n in evidence]
    text = _drop_unknown_markers(sentence, evidence)
    values = stated_values(text)
    if not values:
        return SentenceCheck(text, (), tuple(cited), ())
    own = [v for v in values if not any(supports(evidence[n], v) for n in cited)]
    if not own:
        return SentenceCheck(text, tuple(values), tuple(cited), ())
    # values the cited clauses lack may still be in another retrieved clause: re-cite
    cover: list[int] = []
    missing: list[Value] = []
    for value in values:
        holders = [n for n in evidence if supports(evidence[n], value)]
        if not holders:
            missing.append(value)
        elif not any(n in cover for n in holders):
            cover.append(holders[0])
    if missing:
        return SentenceCheck(text, tuple(values), tuple(cited), tuple(missing))
    recited = _insert_before_end(strip_markers(text), "".join(f"[{n}]" for n in cover))
    return SentenceCheck(recited, tuple(values), tuple(cover), ())


def _drop_unknown_markers(sentence: str, evidence: Mapping[int, Evidence]) -> str:
    def keep(m: re.Match[str]) -> str:
        n = int(next(g for g in m.groups() if g))
        return f"[{n}]" if n in evidence else ""

    return _MARKER.sub(keep, sentence)


_TAIL = re.compile(r"(?:[。！？；!?;.]+[”’\"'）)」』]*)?\s*$")


def _insert_before_end(sentence: str, insert: str) -> str:
    """Put `insert` before the sentence's final punctuation and trailing whitespace."""
    m = _TAIL.search(sentence)
    cut = m.start() if m else len(sentence)
    return sentence[:cut].rstrip() + insert + sentence[cut:]
