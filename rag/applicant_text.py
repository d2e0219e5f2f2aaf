"""Rule-based reading of an applicant's self-description (Chinese, traditional script, English).

Only what the text states is filled in: each fact has its own cue words, negations are
read within the same clause, and places come from the place recogniser (cpca) — never
from a default. Places named as the programme applied to ("想申报上海的试点") are targets,
not the registration place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .applicant import Applicant
from .figures import stated_figures
from .jurisdictions import PROVINCES, _cpca, short_name
from .normalise import normalise
from .numerals import NUMBER, parse_number

_CLAUSE = re.compile(r"[，。；;！？!?\n]|,(?!\d{3}(?!\d))|\.(?!\d)")
_NEG = re.compile(r"不是|不属于|不具备|不具有|没有|没|无|未|非(?!常)|尚未|还没|从未|并非|\bnot\b|\bno\b|\bnever\b|\bwithout\b|n't")
_TARGET = re.compile(r"(?:申报|申请|参加|参与|报名|想报|冲击?|投报)(?P<x>[^，。；,;]{0,14}?)(?:的)?(?:试点|项目|通知|征集|专项|计划)")
_TARGET_EN = re.compile(r"(?:apply|applying|application)\s+(?:for|to)\s+(?:the\s+)?(?P<x>[a-z ]{2,30}?)\s+(?:pilot|programme|program|round|call|scheme)")
_NATIONAL = re.compile(r"国家|全国|national|nationwide")
_BUSINESS = re.compile(r"(?:主要)?(?:经营地|办公地|生产基地|运营地|总部)(?:在|位于|设在|为|是)?(?P<x>[^，。；,;]{2,16})|(?:operates?|operating|offices?) (?:mainly )?in (?P<e>[a-z ]{3,20})")
_REGISTERED = re.compile(r"注册(?:地)?(?:在|于|为|是|地址为)?(?P<x>[^，。；,;]{2,16})")
_REGISTERED_EN = re.compile(r"(?:registered|incorporated|based|headquartered|located) in (?P<x>[a-z ]{3,20})|\ba (?P<y>[a-z]{4,12}) (?:soe|state-owned|private|company|firm|enterprise|startup|university|institute)")

_ENTITY_CUES: tuple[tuple[str, str], ...] = (
    ("国家级创新平台", r"国家实验室|国家重点实验室|国家级创新平台|国家医学中心|国家科学数据中心|国家(?:级)?工程(?:技术)?研究中心|national (?:key )?lab"),
    ("省级创新平台", r"省级?重点实验室|省级创新平台|省级工程(?:技术)?研究中心|provincial (?:key )?lab"),
    ("科研院所", r"科研院所|研究院|研究所|research institute"),
    ("高等院校", r"大学|高校|高等院校|university"),
    ("行业组织", r"行业协会|行业组织|产业联盟|商会|industry association|trade association"),
    ("社会团体", r"社会团体|社团法人"),
    ("事业单位", r"事业单位|public institution"),
    ("党政机关", r"党政机关|行政机关|政府部门|机关单位|government (?:agency|department|body)"),
    ("国有企业", r"国有企业|国企|央企|中央企业|国有控股|省属国有|市属国有|state-owned|\bsoe\b"),
    ("民营企业", r"民营|民企|私营|private (?:company|enterprise|firm|business)"),
    ("外资企业", r"外资|外商独资|外商投资|foreign-owned|foreign-invested|\bwfoe\b"),
    ("合资企业", r"合资|joint venture"),
)
_ENTERPRISE = re.compile(r"企业|公司|company|enterprise|\bfirm\b|startup")
_DIRECTION = re.compile(r"(企业|行业|城市|园区|跨境|个人|区域)(?:（[^）]*）)?(?:可信)?数据空间")
_DIRECTION_EN = {"enterprise": "企业", "industry": "行业", "industrial": "行业", "sector": "行业", "city": "城市",
                 "urban": "城市", "park": "园区", "cross-border": "跨境", "personal": "个人"}
_INDUSTRIES = ("制造", "汽车", "医疗", "医药", "健康", "金融", "交通", "物流", "能源", "电力", "农业", "教育", "文旅",
               "航运", "港口", "化工", "钢铁", "纺织", "电子信息", "通信", "零售", "电商", "低空", "海洋", "茶")
_INDUSTRIES_EN = {"manufactur": "制造", "automotive": "汽车", "healthcare": "医疗", "medical": "医疗", "financ": "金融",
                  "logistics": "物流", "energy": "能源", "agricultur": "农业", "transport": "交通"}
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def extract_rules(text: str) -> Applicant:
    """An applicant record from free text; facts not stated stay None."""
    norm = normalise(text)
    targets, rest = _targets(norm)
    clauses = [c.strip() for c in _CLAUSE.split(rest) if c.strip()]
    lower = rest.lower()
    business, rest = _business(rest)
    province, city, district = _registration(rest)
    return Applicant(
        registered_province=province,
        registered_city=city,
        registered_district=district,
        business_place=business,
        legal_person=_flag(clauses, r"独立法人|法人资格|企业法人|事业单位法人|社团法人|legal (?:person|entity)|法人单位",
                           extra_false=r"分公司|branch office|分支机构"),
        entity_types=_entity_types(rest),
        leading=_cue(lower, r"龙头|骨干|链主|大型平台|头部|leading|flagship", r"中小企业|小微|初创|start-?up|\bsme\b|small company"),
        listed=_listed(lower),
        role=_role(lower),
        # 加入一家企业牵头的项目: another body leads
        # (联合体成员2家（不含牵头单位）counts the members, it says nothing of who leads)
        lead=_flag(clauses, r"(?<!含)牵头|lead applicant|as the lead|leading applicant", r"(?:加入|参与|参加)[^，。]{0,20}牵头(?:申报|组建)?的"),
        joint_partners=_partners(rest),
        multi_operator=_flag(clauses, r"多(?:个|家)运营(?:方|主体|单位)|多运营主体|共同运营|联合运营|multiple operators|co-operators"),
        direction=_direction(rest),
        ai=True if re.search(r"人工智能|大模型|智能体|\bai\b|artificial intelligence", lower) else None,
        prior_selections=_prior(clauses),
        violations=_flag(clauses, r"违法|违规|行政处罚|violation|penalt"),
        incidents=_flag(clauses, r"安全事件|安全事故|生产事故|泄露|事故|incident|breach"),
        dishonest=_flag(clauses, r"失信|dishonest|blacklist"),
        credit_good=_credit(lower),
        government_consent=_flag(clauses, r"政府[^，。]{0,8}(?:同意|批准|支持函)|管委会[^，。]{0,6}同意|government[^,.]{0,20}(?:consent|approval|agree)"),
        recommendation=_flag(clauses, r"推荐|recommend"),
        industry=_industry(rest),
        investment_wan=_investment(rest),
        projects=_projects(rest),
        targets=targets or None,
        figures=stated_figures(rest),
    )


def _targets(norm: str) -> tuple[tuple[str, ...], str]:
    """Programmes the text says it applies to, and the text with those phrases removed."""
    found: list[str] = []
    rest = norm
    for pattern in (_TARGET, _TARGET_EN):
        for m in list(pattern.finditer(rest.lower() if pattern is _TARGET_EN else rest)):
            names = _names(m.group("x"))
            if names:
                found.extend(names)
                rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    return tuple(dict.fromkeys(found)), rest


def _names(segment: str) -> list[str]:
    out = []
    for part in re.split(r"和|、|及|与|或|以及|\band\b|,", segment):
        if not part.strip():
            continue
        if _NATIONAL.search(part.lower()):
            out.append("国家")
            continue
        province, city, _ = place_of(part)
        name = city if city and city != province else province
        if name:
            out.append(name)
    return out


def place_of(text: str) -> tuple[str | None, str | None, str | None]:
    """(province, city, district) the place recogniser reads in `text` (Chinese or pinyin)."""
    norm = normalise(text)
    if re.search(r"[a-zA-Z]", norm):
        hit = _english_place(norm.lower())
        if hit:
            return hit
    frame = _cpca().transform([norm])
    row = frame.to_dict("records")[0]
    province = row.get("省") if isinstance(row.get("省"), str) else None
    city = row.get("市") if isinstance(row.get("市"), str) else None
    district = row.get("区") if isinstance(row.get("区"), str) else None
    if not province:
        return None, None, None
    if city in (None, "市辖区", "县") and province.endswith("市"):
        city = province  # municipalities: the city is the province
    elif city and short_name(city) not in norm and short_name(district or "@") not in norm:
        city = None  # the recogniser fills a capital city in for a bare province name
    if district and short_name(district) not in norm:
        district = None
    return province, city, district


@lru_cache(maxsize=1)
def _english_places() -> dict[str, tuple[str, str | None]]:
    """pinyin → (province, city) for provinces and prefecture-level cities; ambiguous names dropped."""
    import csv
    from importlib.resources import files

    from pypinyin import lazy_pinyin

    provinces = {}
    rows = list(csv.DictReader(files("cpca").joinpath("resources/adcodes.csv").open(encoding="utf-8")))
    for row in rows:
        code = row["adcode"]
        if code[2:] == "0" * 10:
            provinces[code[:2]] = row["name"]
    table: dict[str, set[tuple[str, str | None]]] = {}
    for row in rows:
        code, name = row["adcode"], row["name"]
        if code[:2] not in provinces:
            continue
        province = provinces[code[:2]]
        if code[2:] == "0" * 10:
            entry = (province, province if province.endswith("市") else None)
        elif code[4:] == "0" * 8 and name.endswith("市"):
            entry = (province, name)
        else:
            continue
        key = "".join(lazy_pinyin(short_name(name))).lower()
        table.setdefault(key, set()).add(entry)
    return {k: next(iter(v)) for k, v in table.items() if len(v) == 1}


def _english_place(lower: str) -> tuple[str, str | None, None] | None:
    table = _english_places()
    for word in re.findall(r"[a-z]+", lower):
        if word in table:
            province, city = table[word]
            return province, city, None
    for province in PROVINCES:
        from .jurisdictions import pinyin_id

        if re.search(rf"\b{pinyin_id(province)}\b", lower):
            return province, province if province.endswith("市") else None, None
    return None


def _business(text: str) -> tuple[str | None, str]:
    m = _BUSINESS.search(text) or _BUSINESS.search(text.lower())
    if not m:
        return None, text
    segment = m.group("x") or m.group("e") or ""
    province, city, district = place_of(segment)
    place = "".join(dict.fromkeys(p for p in (province, city, district) if p)) or None
    # the business place must not be read as the registration place
    return place, text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]


def _registration(text: str) -> tuple[str | None, str | None, str | None]:
    m = _REGISTERED.search(text)
    if m:
        hit = place_of(m.group("x"))
        if hit[0]:
            return hit
    m = _REGISTERED_EN.search(text.lower())
    if m:
        hit = place_of(m.group("x") or m.group("y"))
        if hit[0]:
            return hit
    if re.search(r"[\u4e00-\u9fff]", text):
        cleaned = _DIRECTION.sub(" ", text)
        return place_of(cleaned)
    return None, None, None


def _negated(clause: str, cue: re.Pattern[str]) -> bool:
    m = cue.search(clause)
    # 近两年没有发生重大网络安全或数据安全事件: the negation may stand well before the cue
    return m is not None and bool(_NEG.search(clause[: m.start()].lower()[-20:]))


def _flag(clauses: list[str], cue: str, extra_false: str | None = None) -> bool | None:
    """True when a clause states the cue, False when it denies it; None when silent."""
    pattern = re.compile(cue, re.I)
    for clause in clauses:
        if extra_false and re.search(extra_false, clause, re.I):
            return False
        if pattern.search(clause):
            return not _negated(clause, pattern)
    return None


def _cue(lower: str, yes: str, no: str) -> bool | None:
    if re.search(no, lower):
        return False
    if re.search(yes, lower):
        return True
    return None


# a clause about the partners (3家合作单位均为企业或科研院所), not about the applicant itself
_PARTNER_CLAUSE = re.compile(rf"^(?:(?:{NUMBER})家|各|其余)?(?:合作单位|联合单位|成员单位|合作方|参与单位|联合体成员|各方)")


def _entity_types(text: str) -> tuple[str, ...] | None:
    text = "，".join(c for c in re.split(r"[，,。；;]", text) if not _PARTNER_CLAUSE.match(c.strip()))
    lower = _DIRECTION.sub(" ", text).lower()
    lower = re.sub(r"(?:enterprise|industry|city) (?:trusted )?data space", " ", lower)
    found = [name for name, cue in _ENTITY_CUES if re.search(cue, lower)]
    if not any(t.endswith("企业") for t in found) and _ENTERPRISE.search(lower) and not set(found) & {"科研院所", "高等院校", "行业组织", "事业单位", "社会团体", "国家级创新平台", "省级创新平台", "党政机关"}:
        found.append("企业")
    return tuple(found) or None


def _listed(lower: str) -> bool | None:
    if re.search(r"未上市|非上市|没有上市|not listed|unlisted", lower):
        return False
    if re.search(r"上市公司|已上市|a股|港股|科创板|创业板|主板上市|listed (?:on|company)|publicly listed", lower):
        return True
    return None


def _role(lower: str) -> str | None:
    # "多个运营主体" describes the consortium, not the applicant's own role
    lower = re.sub(r"多(?:个|家)?运营(?:方|主体|单位)|(?:共同|联合)运营", " ", lower)
    if re.search(r"(?:作为|是|担任)[^，。]{0,8}(?:参与方|参与单位|成员单位|合作单位|联合单位|技术服务(?:商|方)|技术支撑单位)|as a (?:participant|member)|not the operator|不是运营", lower):
        return "participant"
    if re.search(r"运营方|运营单位|运营主体|运营商|运营者|负责运营|我们运营|运营(?:该|这个|一个)?[^，。]{0,6}数据空间|\boperator\b|\boperate|operat(?:es|ing) (?:a|an|the|our)\b", lower):
        return "operator"
    return None


def _count(word: str) -> int | None:
    word = word.strip()
    if word.lower() in _EN_NUMBERS:
        return _EN_NUMBERS[word.lower()]
    value = parse_number(word)
    return int(value) if value is not None else None


def _partners(text: str) -> int | None:
    lower = text.lower()
    if re.search(r"独立申报|单独申报|不联合|没有合作单位|没有联合|no partners?|on our own|apply alone|alone", lower):
        return 0
    m = re.search(rf"(?:还有|另有|联合|带上|加上|携手)\s*({NUMBER})\s*家", text)
    if m:
        return _count(m.group(1))
    # a total counts the consortium only when it says so: 联合体合计3家, not 已接入…合计38家
    for m in re.finditer(rf"(?:共|总共|一共|合计)\s*({NUMBER})\s*家(?:单位)?|({NUMBER})\s*家单位(?:联合|共同)申报|联合申报单位共\s*({NUMBER})\s*家", text):
        before, after = text[max(0, m.start() - 12): m.start()], text[m.end(): m.end() + 6]
        if re.search(r"接入|用户|客户|会员|服务|覆盖|带动", before) or not re.search(r"联合|申报|合作|成员|牵头", before + m.group(0) + after):
            continue
        total = _count(next(g for g in m.groups() if g))
        return total - 1 if total else None
    m = re.search(rf"(?:和|与)\s*({NUMBER})\s*家", text)
    if m:
        return _count(m.group(1))
    m = re.search(r"with (\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:other |joint |partner )*(?:partners?|co-applicants?|units|organi[sz]ations|companies)", lower)
    if m:
        return _count(m.group(1))
    return None


def _direction(text: str) -> str | None:
    m = _DIRECTION.search(text)
    if m:
        return m.group(1)
    m = re.search(r"(enterprise|industry|industrial|sector|city|urban|park|cross-border|personal)[- ](?:trusted )?data space", text.lower())
    return _DIRECTION_EN[m.group(1)] if m else None


def _prior(clauses: list[str]) -> tuple[str, ...] | None:
    found: list[str] = []
    for clause in clauses:
        lower = clause.lower()
        if re.search(r"失信|黑名单|经营异常|dishonest|blacklist", lower):
            continue  # a list of offenders is not a pilot
        if re.search(r"(?:未|没有|从未|没)(?:曾)?(?:入选|获批|获得过?|列入|参加过)|never (?:been )?selected|not (?:been )?selected|no prior", lower):
            return ()
        if re.search(r"入选|获批|列入[^，。]{0,20}名单|获得[^，。]{0,20}(?:专项|资金)支持|selected|chosen", lower):
            found.append(clause)
    return tuple(found) or None


def _credit(lower: str) -> bool | None:
    if re.search(r"信用(?:记录|状况)?(?:不良|较差|差)|bad credit|poor credit", lower):
        return False
    if re.search(r"信用(?:记录|状况)?(?:良好|优良|优秀|好)|good credit|clean credit", lower):
        return True
    return None


def _industry(text: str) -> str | None:
    for word in _INDUSTRIES:
        if word in text:
            return word
    lower = text.lower()
    return next((zh for en, zh in _INDUSTRIES_EN.items() if en in lower), None)


def _investment(text: str) -> float | None:
    m = re.search(r"投资(?:额|规模)?(?:约|为|达|计划|预计)?\s*(\d+(?:\.\d+)?)\s*(亿|万)", text)
    if m:
        return float(m.group(1)) * (10000 if m.group(2) == "亿" else 1)
    m = re.search(r"invest(?:ment|ing)?[^.]{0,20}?(?:rmb|cny|¥)?\s*(\d+(?:\.\d+)?)\s*(million|billion)", text.lower())
    if m:
        return float(m.group(1)) * (100 if m.group(2) == "million" else 100000)
    return None


def _projects(text: str) -> int | None:
    m = re.search(rf"(?:申报|报)\s*({NUMBER})\s*个项目", text)
    return _count(m.group(1)) if m else None
