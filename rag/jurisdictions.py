"""Jurisdictions: resolve names users type (上海, 上海市, Shanghai, 國家) to index ids."""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import InputError
from .normalise import normalise

NATIONAL = "national"
_NATIONAL_WORDS = ("国家", "全国", "国家级", "national", "国家数据局", "nation")
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市", "区", "县")


def short_name(name: str) -> str:
    """上海市 → 上海, 浙江省 → 浙江 (for matching in free text)."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def pinyin_id(name: str) -> str:
    """A lower-case ASCII id for a place name: 上海市 → shanghai."""
    from pypinyin import lazy_pinyin

    return re.sub(r"[^a-z]", "", "".join(lazy_pinyin(short_name(name))).lower()) or "local"


def resolve(value: str, known: dict[str, str]) -> str:
    """The id of a known jurisdiction named by `value` (id, Chinese name, short name or pinyin)."""
    text = normalise(value).strip()
    lowered = text.lower()
    if lowered in known:
        return lowered
    for jid, name in known.items():
        if text in (name, short_name(name)) or lowered == pinyin_id(name):
            return jid
    if NATIONAL in known and lowered in _NATIONAL_WORDS:
        return NATIONAL
    choices = ", ".join(f"{jid}({name})" for jid, name in known.items())
    raise InputError(f"未知的地区 / unknown jurisdiction {value!r} — 可选 / choose from: {choices}")


def mentioned(text: str, known: dict[str, str]) -> list[str]:
    """Known jurisdictions a question names (Chinese short/full name, pinyin id, 国家)."""
    norm = normalise(text)
    lowered = norm.lower()
    found = []
    for jid, name in known.items():
        if jid == NATIONAL:
            if re.search(r"国家(?!秘密)|全国|national|nationwide", lowered):
                found.append(jid)
            continue
        if short_name(name) in norm or re.search(rf"\b{re.escape(jid)}\b", lowered):
            found.append(jid)
    return found


@lru_cache(maxsize=1)
def _cpca():  # type: ignore[no-untyped-def]
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import cpca
    return cpca


PROVINCES = ["北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区"]


def places(text: str) -> list[tuple[str, str]]:
    """(province, city) pairs a place recogniser finds in `text` (city may be "").

    Chinese place names come from the recogniser; provinces written in pinyin
    ("Jiangsu province") are matched against the list of provincial units.
    """
    norm = normalise(text)
    lowered = norm.lower()
    latin = [(p, "") for p in PROVINCES if re.search(rf"\b{pinyin_id(p)}\b", lowered)]
    frame = _cpca().transform([norm])
    out = []
    for row in frame.to_dict("records"):
        province = row.get("省") if isinstance(row.get("省"), str) else ""
        city = row.get("市") if isinstance(row.get("市"), str) else ""
        if province or city:
            out.append((province or "", city or ""))
    return out + latin


def detect_jurisdiction(text: str, known: dict[str, str]) -> tuple[str, str]:
    """(id, Chinese name) of the jurisdiction an issuer line or title belongs to."""
    norm = normalise(text)
    if re.search(r"^(国家|国务院|中华人民共和国)", norm):
        return NATIONAL, "国家"
    for province, city in places(norm):
        name = city if city and short_name(city) in norm else province
        if name:
            return pinyin_id(name), name
    for jid, name in known.items():
        if short_name(name) in norm:
            return jid, name
    return "local", "未识别地区"
