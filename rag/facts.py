"""The applicant's own facts: from a YAML/JSON file, from chat text, and from uploaded materials.

Facts are key → value pairs (`单位名称: 上海数联科技有限公司`, or free-form keys such as
`数据治理: 通过DCMM三级评估…`). Uploaded materials (PDF/DOCX/TXT/MD) are kept in a
private per-session store (`rag.materials`), never in the policy index. Drafting asks
for the facts that match each guidance point of a section (`match_facts`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .normalise import normalise

# Structured keys an applicant form uses, with the spellings people give them; values
# under an alias are stored under the canonical key so tables and drafts find them.
ALIASES: dict[str, tuple[str, ...]] = {
    "单位名称": ("name", "单位全称", "申报单位", "申报单位名称", "企业名称", "公司名称"),
    "统一社会信用代码": ("credit_code", "信用代码", "统一信用代码", "uscc"),
    "主营业务": ("main_business", "主要业务", "业务范围"),
    "法定代表人": ("legal_representative", "法人代表"),
    "成立日期": ("founded_on", "成立时间"),
    "注册地": ("registration_place", "注册地址", "所在区"),
    "单位地址": ("address", "通讯地址", "地址"),
    "单位性质": ("legal_form", "企业性质"),
    "联系人": ("contact", "项目联系人"),
    "电话": ("phone", "联系电话", "手机"),
    "邮箱": ("email", "电子邮箱"),
}
# facts about who the applicant is: they open a section about the applicant itself
# (in the order a reader expects them; earlier ones survive trimming longer)
IDENTITY = ("单位名称", "主营业务", "成立日期", "注册地", "员工人数", "注册资本", "单位性质", "法定代表人", "统一社会信用代码")
_KEY_VALUE = re.compile(r"^\s*[-*•]?\s*([^：:\n]{2,20}?)\s*[：:]\s*(\S.*?)\s*$")
_YEAR_KEY = re.compile(r"^\d{4}\s*年?$")


@dataclass(frozen=True)
class Fact:
    """One applicant fact: its key, its value as text, and where it came from."""

    key: str
    value: str
    origin: str = "file"  # file | chat | material:<file name>
    raw: Any = None  # the value as given (a {year: number} table row keeps its shape)


@dataclass
class Facts:
    """The facts known about one applicant, plus its private materials store (if any)."""

    items: list[Fact] = field(default_factory=list)
    materials: Any = None  # rag.materials.MaterialStore

    def get(self, key: str) -> Fact | None:
        """The fact under `key` (canonical key, alias or a template label like 单位名称（盖章）)."""
        wanted = canonical_key(key)
        for fact in self.items:
            if fact.key == wanted:
                return fact
        bare = _bare(wanted)
        for fact in self.items:
            if bare and _bare(fact.key) == bare:
                return fact
        return None

    def merged(self, other: Facts) -> Facts:
        """These facts with `other`'s added (other wins on the same key)."""
        keys = {f.key for f in other.items}
        return Facts([f for f in self.items if f.key not in keys] + other.items, other.materials or self.materials)

    def as_dict(self) -> dict[str, str]:
        """{key: value text}, e.g. for a prompt."""
        return {f.key: f.value for f in self.items}


def canonical_key(key: str) -> str:
    """The canonical spelling of a fact key (aliases and full-width forms folded)."""
    norm = normalise(str(key)).strip()
    for canon, aliases in ALIASES.items():
        if norm == canon or norm in aliases or norm.lower() in aliases:
            return canon
    return norm


def _bare(key: str) -> str:
    """A key without parenthesised notes: 资产总额(万元) → 资产总额."""
    return re.sub(r"[(（][^()（）]*[)）]", "", normalise(key)).strip()


def facts_from_mapping(data: Mapping[str, Any], origin: str = "file") -> Facts:
    """Facts from a parsed YAML/JSON mapping; nested groups are flattened, empty values skipped."""
    items: list[Fact] = []
    _flatten(data, items, origin)
    seen: dict[str, Fact] = {}
    for fact in items:
        seen[fact.key] = fact
    return Facts(list(seen.values()))


def _flatten(data: Mapping[str, Any], out: list[Fact], origin: str) -> None:
    for key, value in data.items():
        if value is None or value == "" or value == [] or value == {}:
            continue
        if isinstance(value, Mapping):
            if value and all(_YEAR_KEY.match(str(k)) for k in value):
                out.append(Fact(canonical_key(key), format_value(value), origin, value))
            else:
                _flatten(value, out, origin)  # a group such as 基本信息: {...}
            continue
        out.append(Fact(canonical_key(key), format_value(value), origin, value))


def format_value(value: Any) -> str:
    """A fact value as the text a draft will carry verbatim."""
    if isinstance(value, Mapping):
        if all(_YEAR_KEY.match(str(k)) for k in value):
            return "，".join(f"{str(k).rstrip('年')}年为{format_value(v)}" for k, v in value.items())
        return "，".join(f"{k}{format_value(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "、".join(format_value(v) for v in value if v not in (None, ""))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def facts_from_text(text: str) -> Facts:
    """Facts typed in the chat: one `键：值` per line or clause (；-separated)."""
    items: list[Fact] = []
    for piece in re.split(r"[\n；;]", text):
        m = _KEY_VALUE.match(piece)
        if m:
            items.append(Fact(canonical_key(m.group(1)), m.group(2).rstrip("。"), "chat"))
    return facts_from_mapping({f.key: f.value for f in items}, origin="chat") if items else Facts()


def load_facts_file(path: Path) -> Facts:
    """Facts from a YAML or JSON file; InputError naming the file when it cannot be used."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"找不到事实文件 / facts file not found: {path} — 请检查路径 / check the path")
    text = path.read_text(encoding="utf-8-sig")
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except (json.JSONDecodeError, ValueError) as exc:
        raise InputError(f"事实文件格式错误 / {path.name} is not valid YAML/JSON: {exc}") from exc
    except Exception as exc:  # yaml.YAMLError and friends
        raise InputError(f"事实文件格式错误 / {path.name} is not valid YAML/JSON: {exc}") from exc
    if not isinstance(data, Mapping):
        raise InputError(f"事实文件应为“键: 值”映射 / {path.name} must hold a key: value mapping")
    return facts_from_mapping(data)


# ---- matching facts to the points of a section ---------------------------------------------

# bigrams that every point of every template shares carry no signal about which point a fact serves
_WEAK = frozenset({"情况", "相关", "能力", "基础", "工作", "方面", "具体", "主要", "内容", "包括", "数据", "空间"})


def bigrams(text: str) -> set[str]:
    """Character bigrams of the CJK/alphanumeric text (the lexical unit of matching)."""
    norm = re.sub(r"[^\w\u4e00-\u9fff]", "", normalise(text).lower())
    return {norm[i : i + 2] for i in range(len(norm) - 1)}


def fact_score(fact: Fact, point: str) -> float:
    """How well a fact serves a point: the point's bigrams found in the key (×2) and value."""
    grams = bigrams(point)
    strong = grams - _WEAK
    if not grams:
        return 0.0
    key, value = bigrams(fact.key), bigrams(fact.value)
    hits = sum((2.0 if g in key else 1.0 if g in value else 0.0) * (1.0 if g in strong else 0.3) for g in grams)
    return hits / len(grams)


@dataclass(frozen=True)
class PointFacts:
    """The facts assigned to one point of a section, best first."""

    point: str
    facts: tuple[Fact, ...]


def match_facts(facts: Facts, points: tuple[str, ...], about_applicant: bool,
                threshold: float = 0.34) -> tuple[list[PointFacts], list[Fact]]:
    """Each fact assigned to the point it serves best; facts serving none come back separately.

    In a section about the applicant itself, identity facts (name, credit code, founding
    date …) open the first point, because that is where every template expects them.
    """
    assigned: dict[int, list[tuple[float, Fact]]] = {i: [] for i in range(len(points))}
    unused: list[Fact] = []
    for fact in facts.items:
        if fact.key in IDENTITY and not about_applicant and fact.key != "主营业务":
            unused.append(fact)  # 注册地 is not about 数据注册上架, however the bigrams look
            continue
        scores = [fact_score(fact, p) for p in points]
        best = max(range(len(points)), key=lambda i: scores[i]) if points else -1
        if points and scores[best] >= threshold:
            assigned[best].append((scores[best], fact))
        elif points and about_applicant and fact.key in IDENTITY:
            assigned[0].append((10.0 - IDENTITY.index(fact.key) * 0.1, fact))
        else:
            unused.append(fact)
    out = []
    for i, point in enumerate(points):
        ranked = sorted(assigned[i], key=lambda pair: -pair[0])
        out.append(PointFacts(point, tuple(f for _, f in ranked)))
    return out, unused
