"""The applicant record: what an organisation says about itself, every fact optional.

`None` means "not said" — eligibility then answers `unknown` and asks, instead of
guessing. A record comes from a YAML/JSON file (validated strictly: a typo in a key is an
error naming the file), from free text by rules (`rag.applicant_text`), or from a model
reply validated into the same record (unknown keys dropped, bad values dropped).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BackendError, InputError

if TYPE_CHECKING:
    from .llm import ChatBackend
    from .settings import Settings

ENTITY_TYPES = (
    "国有企业", "民营企业", "外资企业", "合资企业", "企业", "行业组织", "社会团体", "事业单位",
    "科研院所", "高等院校", "国家级创新平台", "省级创新平台", "党政机关",
)
ENTERPRISES = frozenset({"国有企业", "民营企业", "外资企业", "合资企业", "企业"})
DIRECTIONS = ("企业", "行业", "城市", "园区", "跨境", "个人", "区域")
ROLES = ("operator", "participant")


@dataclass(frozen=True)
class Applicant:
    """An applicant's self-description; None = not said (unknown), never a default."""

    name: str | None = None
    registered_province: str | None = None  # 上海市, 浙江省 …
    registered_city: str | None = None  # 杭州市; a municipality repeats its province
    registered_district: str | None = None
    business_place: str | None = None  # main place of business when it differs
    legal_person: bool | None = None  # 独立法人
    entity_types: tuple[str, ...] | None = None  # values of ENTITY_TYPES
    leading: bool | None = None  # 龙头骨干 / 大型平台 / 链主 enterprise
    listed: bool | None = None
    role: str | None = None  # operator | participant (of the data space)
    lead: bool | None = None  # 牵头单位 of a joint application
    joint_partners: int | None = None  # other units applying together with it; 0 = alone
    multi_operator: bool | None = None  # several operators applying jointly
    direction: str | None = None  # one of DIRECTIONS
    ai: bool | None = None  # 人工智能 / 高质量数据集 orientation
    prior_selections: tuple[str, ...] | None = None  # pilots or funds already won; () = none
    violations: bool | None = None  # 违法违规 in the last three years
    incidents: bool | None = None  # major security / safety incidents in the last three years
    dishonest: bool | None = None  # listed as 失信被执行人 / 严重失信主体
    credit_good: bool | None = None  # 信用记录良好
    government_consent: bool | None = None  # the (city) government agrees to the application
    recommendation: bool | None = None  # recommended by a ministry / competent department
    industry: str | None = None
    investment_wan: float | None = None  # total project investment in 万元
    projects: int | None = None  # projects it applies with in this round
    targets: tuple[str, ...] | None = None  # programmes it says it wants to apply to (上海, 国家 …)
    figures: str | None = None  # figures it states about itself: 资产负债率=52%；营业收入=1800万元

    def known(self) -> dict[str, Any]:
        """The facts that are stated."""
        return {k: v for k, v in applicant_to_dict(self).items() if v is not None}


FIELD_NAMES = tuple(f.name for f in fields(Applicant))
_BOOLS = {f.name for f in fields(Applicant) if f.type == "bool | None"}
_INTS = {"joint_partners", "projects"}
_TUPLES = {"entity_types", "prior_selections", "targets"}

# what a model is asked for; registered_place is split with the place recogniser afterwards
MODEL_FIELDS: tuple[dict[str, str], ...] = (
    {"name": "name", "description": "单位全称"},
    {"name": "registered_place", "description": "注册地（省、市、区），原文写法"},
    {"name": "business_place", "description": "主要经营地（仅当与注册地不同且明确提到）"},
    {"name": "legal_person", "description": "是否具有独立法人资格：true/false，未提及为 null"},
    {"name": "entity_types", "description": "单位类型列表，取值：" + "、".join(ENTITY_TYPES)},
    {"name": "leading", "description": "是否龙头骨干企业或大型平台企业：true/false"},
    {"name": "listed", "description": "是否上市公司：true/false"},
    {"name": "role", "description": "在可信数据空间中的角色：operator（运营方）或 participant（参与方）"},
    {"name": "lead", "description": "是否为联合申报的牵头单位：true/false"},
    {"name": "joint_partners", "description": "除本单位外联合申报的单位数量（整数；独立申报为 0）"},
    {"name": "multi_operator", "description": "是否多个运营主体联合申报：true/false"},
    {"name": "direction", "description": "申报方向，取值：" + "、".join(DIRECTIONS)},
    {"name": "ai", "description": "是否面向人工智能：true/false"},
    {"name": "prior_selections", "description": "已入选的试点或已获的专项支持列表（明确说没有则为 []）"},
    {"name": "violations", "description": "近三年是否有违法违规行为：true/false"},
    {"name": "incidents", "description": "近三年是否发生重大安全事件或事故：true/false"},
    {"name": "dishonest", "description": "是否被列入失信被执行人或严重失信主体名单：true/false"},
    {"name": "credit_good", "description": "是否明确说信用记录良好：true/false"},
    {"name": "government_consent", "description": "是否已获所在地人民政府同意：true/false"},
    {"name": "recommendation", "description": "是否已获行业主管部门推荐：true/false"},
    {"name": "industry", "description": "所属行业"},
    {"name": "investment_wan", "description": "项目总投资（万元，数字）"},
    {"name": "projects", "description": "本次申报的项目数量（整数）"},
    {"name": "targets", "description": "想申报的试点所属地区列表，如 上海、国家"},
    {"name": "figures", "description": "自述的数值指标，写作 名称=数值单位，用；分隔，如 资产负债率=52%；营业收入=1800万元"},
)

_TRUE = {"true", "yes", "y", "1", "是", "有", "对"}
_FALSE = {"false", "no", "n", "0", "否", "无", "没有", "不是"}
_ROLE_WORDS = {"operator": "operator", "运营方": "operator", "运营单位": "operator", "运营主体": "operator",
               "participant": "participant", "参与方": "participant", "参与单位": "participant", "成员单位": "participant"}
_ENTITY_ALIASES = {"国企": "国有企业", "央企": "国有企业", "民企": "民营企业", "私营企业": "民营企业",
                   "行业协会": "行业组织", "社团": "社会团体", "高校": "高等院校", "大学": "高等院校",
                   "研究院": "科研院所", "研究所": "科研院所", "国家级平台": "国家级创新平台", "省级平台": "省级创新平台",
                   "soe": "国有企业", "state-owned": "国有企业", "private": "民营企业"}


def coerce(name: str, value: Any) -> Any:
    """A field value checked and normalised; ValueError says what is wrong."""
    if value is None or value == "":
        return None
    if name in _BOOLS:
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise ValueError(f"{name} 应为 true/false / must be true or false, got {value!r}")
    if name in _INTS:
        if isinstance(value, bool) or not str(value).strip().isdigit():
            raise ValueError(f"{name} 应为非负整数 / must be a non-negative integer, got {value!r}")
        return int(str(value).strip())
    if name == "investment_wan":
        try:
            amount = float(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"investment_wan 应为数字（万元）/ must be a number of 万元, got {value!r}") from exc
        if amount < 0:
            raise ValueError("investment_wan 不能为负 / must not be negative")
        return amount
    if name in _TUPLES:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list | tuple):
            raise ValueError(f"{name} 应为列表 / must be a list, got {value!r}")
        out = tuple(str(v).strip() for v in items if str(v).strip())
        if name == "entity_types":
            out = tuple(dict.fromkeys(_entity(v) for v in out))
        return out
    if name == "role":
        role = _ROLE_WORDS.get(str(value).strip().lower())
        if role is None:
            raise ValueError(f"role 应为 operator 或 participant / must be operator or participant, got {value!r}")
        return role
    if name == "direction":
        direction = str(value).strip().replace("可信数据空间", "").replace("方向", "")
        if direction not in DIRECTIONS:
            raise ValueError(f"direction 应为 {'/'.join(DIRECTIONS)} 之一 / must be one of them, got {value!r}")
        return direction
    if not isinstance(value, str | int | float):
        raise ValueError(f"{name} 应为文字 / must be text, got {value!r}")
    return str(value).strip()


def _entity(value: str) -> str:
    word = _ENTITY_ALIASES.get(value.lower(), value)
    if word not in ENTITY_TYPES:
        raise ValueError(f"entity_types 取值应为 {'、'.join(ENTITY_TYPES)} / unknown entity type {value!r}")
    return word


def applicant_from_dict(data: dict[str, Any], strict: bool = True) -> tuple[Applicant, list[str]]:
    """A record from plain data; strict raises ValueError on unknown keys or bad values, else drops them."""
    values: dict[str, Any] = {}
    dropped: list[str] = []
    data = dict(data)
    place = data.pop("registered_place", None)
    if place:
        values.update(_split_place(str(place)))
    for key, raw in data.items():
        if key not in FIELD_NAMES:
            if strict:
                raise ValueError(f"未知字段 / unknown field {key!r} (known: {', '.join(FIELD_NAMES)})")
            dropped.append(key)
            continue
        try:
            value = coerce(key, raw)
        except ValueError:
            if strict:
                raise
            dropped.append(key)
            continue
        if value is not None:
            values[key] = value
    return Applicant(**values), dropped


def _split_place(text: str) -> dict[str, str]:
    from .applicant_text import place_of

    province, city, district = place_of(text)
    return {k: v for k, v in (("registered_province", province), ("registered_city", city),
                              ("registered_district", district)) if v}


def load_applicant(path: Path) -> Applicant:
    """Read an applicant YAML/JSON file; InputError naming the file when it is unusable."""
    import yaml

    path = Path(path)
    if not path.is_file():
        raise InputError(f"找不到申报单位信息文件 / applicant file not found: {path}")
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: 无法解析，请使用 UTF-8 编码的 YAML 或 JSON / cannot parse as YAML or JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: 应为键值对象（如 registered_city: 杭州市）/ must be a mapping of fields")
    try:
        return applicant_from_dict(data)[0]
    except ValueError as exc:
        raise InputError(f"{path}: {exc}") from exc


def applicant_to_dict(applicant: Applicant) -> dict[str, Any]:
    """JSON-ready data (tuples become lists)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(applicant).items()}


def extract_applicant(text: str, backend: ChatBackend | None = None,
                      settings: Settings | None = None) -> tuple[Applicant, str, str]:
    """(record, mode, notice) from free text: rules offline; the model when a backend is given.

    The model's reply is validated field by field; facts it left empty are filled from the
    rules, which only ever read what is written. A failing model falls back to the rules.
    """
    from .applicant_text import extract_rules

    ruled = extract_rules(text)
    if backend is None:
        return ruled, "offline", ""
    from .generate import extract_applicant_facts

    try:
        facts = extract_applicant_facts(backend, text, MODEL_FIELDS, settings)
    except BackendError as exc:
        return ruled, "offline-fallback", f"模型提取失败，已改用规则提取 / model extraction failed, used rules: {exc}"
    modelled, dropped = applicant_from_dict(facts.known(), strict=False)
    merged = replace(modelled, **{k: v for k, v in asdict(ruled).items() if v is not None and getattr(modelled, k) is None})
    notice = f"已忽略无效字段 / ignored invalid fields: {', '.join(dropped)}" if dropped else ""
    return merged, backend.name, notice
