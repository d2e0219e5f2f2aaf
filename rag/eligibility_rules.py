"""Judging one eligibility item against an applicant, by the item's kind and params.

Nothing here knows a jurisdiction: the kind (registration_place, legal_form, …) picks
the rule and the params — or, where the profile left them out, the item's own words —
give its values. Items that are not conditions on the applicant (sanctions, submission
routes, review criteria, fragments of a sentence) are marked so they never decide a
verdict. Tri-state values: True = satisfied, False = violated, None = not known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .applicant import ENTERPRISES, Applicant
from .applicant_text import place_of
from .figures import Threshold, figure_for, meets, parse_figures, threshold_in
from .jurisdictions import short_name
from .normalise import normalise
from .records import EligibilityItem

Tri = bool | None


@dataclass(frozen=True)
class Judgement:
    """Status of one item for one applicant, with why, and the fact to ask for when unknown."""

    status: str  # met | unmet | unknown
    reason: str
    decisive: bool  # counts for the verdict (hard conditions on the applicant)
    category: str = "condition"  # condition | preference | obligation | review | procedure
    fact: str | None = None


QUESTIONS = {
    "registered_place": "贵单位的注册地在哪个省、市（区）？",
    "legal_person": "贵单位是否具有独立法人资格？",
    "entity_types": "贵单位属于哪类主体（国有/民营/外资/合资企业、行业组织、事业单位、科研院所、高等院校、国家级或省级创新平台）？",
    "leading": "贵单位是否属于行业龙头骨干企业或大型平台企业？",
    "role": "贵单位是否为该可信数据空间的运营单位（运营方），还是参与方？",
    "lead": "贵单位是作为牵头单位（或独立）申报，还是作为联合体的参与单位？",
    "joint_partners": "是否联合申报？如是，除贵单位外还有几家联合申报单位？",
    "multi_operator": "联合申报的各方中是否有多家运营主体？",
    "direction": "拟申报哪个方向（企业、行业、城市、园区、跨境或个人可信数据空间）？",
    "prior_selections": "贵单位（或该项目）是否已入选过其他可信数据空间或数据要素试点、或已获财政资金支持？如有，是哪一项、哪一年？",
    "violations": "近三年是否有违法违规行为？",
    "incidents": "近三年是否发生过重大网络/数据安全事件或重大生产、环境安全事故？",
    "dishonest": "贵单位是否被列入失信被执行人或严重失信主体名单？",
    "credit_good": "贵单位近三年信用记录是否良好？",
    "government_consent": "是否已获得所在地人民政府（或主管部门）同意申报？",
    "recommendation": "是否已获得相关行业主管部门推荐？",
    "investment_wan": "项目总投资是多少（万元）？",
}

_MODAL = re.compile(r"须|应|需|必须|要求")
_SANCTION = re.compile(r"弄虚作假|骗取|取消[^，。]{0,6}资格|不再受理|不予受理|逾期|追回")
_MATERIAL = re.compile(r"营业执照|法人证书|复印件|网站下载|信用报告")
_INTRO = re.compile(r"同时符合下列条件|符合以下条件|下列情形")
# "城市可信数据空间(项目)(申报主体)须…": a condition that binds one direction only
_SCOPE = re.compile(r"^(?:其中)?(企业|行业|城市|园区|跨境|个人|区域)(?:\([^)]*\)|（[^）]*）)?可信数据空间(?:项目)?(?:的)?(?:申报主体|申报单位)?(?:原则上)?(?:须|应|宜|需|必须)")
_ENTITY_SCOPE = re.compile(r"^(省属国有企业|省属企业|市属国有企业|中央企业|国有企业)")
_PLACE = re.compile(r"在(?P<p>[^，,。；（(]{2,15}?)(?:行政区域|区域|境|范围)?内?(?:\([^)]*\)|（[^）]*）)?(?:依法)?(?:登记)?注册")
_PRIOR = re.compile(r"已(?:获得?|入选|列入|获批|立项)(?P<x>[^，,。；]{2,40}?)(?:的|项目)?(?:不得|不再|不在|，|,|$)")
_INVEST = re.compile(r"投资[^，,。]{0,6}不低于\s*(\d+(?:\.\d+)?)\s*(万|亿)")


def judge(item: EligibilityItem, a: Applicant) -> Judgement:
    """Judge one item; the kind decides the rule, the item's params and words its values."""
    text = normalise(item.text)
    aside = _not_a_condition(text)
    if aside:
        return aside
    kind = item.kind if item.kind != "other" else _refine(text, item.params)
    scope = None if kind in ("review", "obligation", "choice") else _out_of_scope(item, text, a)
    if scope:
        return scope
    bar = threshold_in(text) if kind in ("other", "review", "obligation") else None
    rule = _RULES.get(kind, _other)
    result = _by_figure(text, bar, a) if bar else rule(item, text, a)
    if not item.hard and result.decisive:
        # soft items (原则上/宜/优先) inform but never decide the verdict
        category = "preference" if result.category == "condition" else result.category
        return Judgement(result.status, result.reason + "（本条为原则性或鼓励性要求，不作为硬性条件）", False, category, result.fact)
    return result


def _by_figure(text: str, bar: Threshold, a: Applicant) -> Judgement:
    """A numeric bar (资产负债率不超过65%, 已接入不少于15家) against the figure the applicant states."""
    figure = figure_for(bar, parse_figures(a.figures))
    if figure is None:
        return Judgement("unknown", f"条款要求“{text}”；尚不清楚贵单位的{bar.metric}。", True, "condition", f"item:{text}")
    stated = f"{figure.value:g}{figure.unit}"
    if meets(bar, figure):
        return Judgement("met", f"条款要求“{text}”；贵单位{figure.metric}为{stated}，符合。", True)
    return Judgement("unmet", f"条款要求“{text}”；贵单位{figure.metric}为{stated}，不符合。", True)


def _not_a_condition(text: str) -> Judgement | None:
    if _SANCTION.search(text):
        return Judgement("unknown", "这是对逾期、弄虚作假等情形的处理规定，不是申报前需具备的条件；按时、如实申报即可。", False, "procedure")
    if _MATERIAL.search(text):
        return Judgement("unknown", "这是对证明材料的要求，不是资格条件；申报时按要求提供。", False, "procedure")
    fragment = len(text) <= 5 or re.fullmatch(r".{0,12}的", text) or re.match(r"^(?:并|且)(?:出具|附)", text)
    if _INTRO.search(text) or fragment or (len(text) <= 8 and re.match(r"^不(?:再|得)", text)):
        return Judgement("unknown", "这是条款的引导语或片段，具体条件见前后条款。", False, "procedure")
    return None


def _refine(text: str, params: dict) -> str:
    """The kind an item of kind `other` states, read from its words."""
    if _INVEST.search(text):
        return "investment"
    if _PLACE.search(text):
        return "registration_place"
    if _PRIOR.search(text) and re.search(r"不得|不再|不在|重复", text):
        return "exclusion"
    if re.search(r"违法|违规|安全事件|安全事故|泄露", text) and re.search(r"无|未|不", text):
        return "exclusion"
    if re.search(r"失信|经营异常", text):
        return "credit"
    if re.search(r"限[^，。]{0,6}申报\s*\d+\s*个|只能申报", text):
        return "one_project"
    if "独立申报" in text:
        return "joint_rule"
    if params.get("choose") or re.search(r"择一|选择\s*(?:1|一)\s*个", text):
        return "choice"
    if re.search(r"配合|接入|推广|签订|承担|遵守", text):
        return "obligation"
    if re.search(r"具有|具备|健全|良好|能力|基础|面向|状况", text):
        return "review"
    return "other"


def _out_of_scope(item: EligibilityItem, text: str, a: Applicant) -> Judgement | None:
    """Met (not applicable) when the item binds only another direction, another kind of body or
    another tier of a joint application (牵头单位条件 / 参与单位条件)."""
    tier = item.params.get("applies_to_role")
    if tier:
        leads = a.lead if a.lead is not None else (False if a.role == "participant" else True if a.joint_partners == 0 else None)
        name = "牵头单位（含独立申报单位）" if tier == "lead" else "联合体的参与单位"
        if leads is None:
            return Judgement("unknown", f"本条只适用于{name}；尚不清楚贵单位是牵头申报还是参与申报。", True, fact="lead")
        if leads != (tier == "lead"):
            return Judgement("met", f"本条只适用于{name}，贵单位不属于此类，不受此条限制。", False)
    if item.params.get("allowed_directions"):
        return None
    scope = item.params.get("applies_to_direction")
    m = _SCOPE.match(text)
    scope = scope or (m.group(1) if m else None)
    if scope:
        scope = "城市" if scope == "区域" else scope
        direction = "城市" if a.direction == "区域" else a.direction
        if direction is None:
            return Judgement("unknown", f"本条只适用于{scope}可信数据空间方向；尚不清楚贵单位的申报方向。", True, fact="direction")
        if direction != scope:
            return Judgement("met", f"本条只适用于{scope}可信数据空间方向，贵单位申报{direction}方向，不受此条限制。", False)
    m = _ENTITY_SCOPE.match(text)
    if m and a.entity_types is not None and "国有企业" not in a.entity_types:
        return Judgement("met", f"本条只适用于{m.group(1)}，贵单位不属于此类，不受此条限制。", False)
    return None


# ---- tri-state helpers ---------------------------------------------------------------------


def _all(values: list[Tri]) -> Tri:
    if any(v is False for v in values):
        return False
    return True if all(v is True for v in values) else None


def _any(values: list[Tri]) -> Tri:
    if any(v is True for v in values):
        return True
    return False if values and all(v is False for v in values) else None


def _status(value: Tri) -> str:
    return {True: "met", False: "unmet", None: "unknown"}[value]


def _verdict(value: Tri, met: str, unmet: str, unknown: str, fact: str | None) -> Judgement:
    reason = {True: met, False: unmet, None: unknown}[value]
    return Judgement(_status(value), reason, True, "condition", fact if value is None else None)


# ---- rules by kind -----------------------------------------------------------------------------


def _registered(a: Applicant) -> str:
    return "".join(dict.fromkeys(p for p in (a.registered_province, a.registered_city, a.registered_district) if p))


def _registration(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    place = item.params.get("place")
    if not place and (m := _PLACE.search(text)):
        place = m.group("p")
    if not place:
        return Judgement("unknown", "未能从条款读出注册地要求，请对照原文自查。", False, "review")
    where = _registered(a)
    if re.search(r"中华人民共和国|中国|我国|境内", place):
        value: Tri = True if a.registered_province else None
        place = "中华人民共和国境内"
    else:
        p_province, p_city, _ = place_of(place)
        if p_city and p_city != p_province and short_name(p_city) in place:
            value = None if a.registered_city is None else a.registered_city == p_city
        elif p_province:
            value = None if a.registered_province is None else a.registered_province == p_province
        else:
            value = None
    return _verdict(value, f"条款要求在{place}注册；贵单位注册在{where}，符合。",
                    f"条款要求在{place}注册；贵单位注册在{where}，不符合。",
                    f"条款要求在{place}注册；尚不清楚贵单位的注册地。", "registered_place")


def _type_match(word: str, a: Applicant) -> tuple[Tri, str]:
    """Whether the applicant is the kind of body `word` names (企业, 行业组织, 龙头骨干企业 …)."""
    types = set(a.entity_types or ())
    if a.entity_types is None:
        return None, "entity_types"
    if re.search(r"平台|实验室|中心", word) and "企业" not in word:
        wanted = {"国家级创新平台"} | ({"省级创新平台"} if "省级" in word else set())
        return bool(types & wanted), "entity_types"
    if "企业" in word:
        base: Tri = bool(types & ENTERPRISES)
        if base and re.search(r"龙头|骨干|大型|平台|链主|头部", word):
            return _all([base, a.leading]), "leading"
        return base, "entity_types"
    if re.search(r"行业组织|协会|商会|联盟", word):
        return (True if "行业组织" in types else None if "社会团体" in types else False), "entity_types"
    if "社会团体" in word:
        return bool(types & {"社会团体", "行业组织"}), "entity_types"
    if "事业单位" in word:
        if "事业单位" in types:
            return True, "entity_types"
        return (None if types & {"科研院所", "高等院校"} else False), "entity_types"
    if re.search(r"科研院所|研究院|研究所", word):
        return "科研院所" in types, "entity_types"
    if re.search(r"高等院校|高校|大学", word):
        return "高等院校" in types, "entity_types"
    return None, "entity_types"


def _types_ok(words: list[str], a: Applicant) -> tuple[Tri, str]:
    results = [_type_match(w, a) for w in words]
    value = _any([r[0] for r in results])
    fact = next((f for v, f in results if v is None), "entity_types")
    return value, fact


def _types_said(a: Applicant) -> str:
    return "、".join(a.entity_types or ()) or "未说明类型的单位"


def _legal_form(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    checks: list[Tri] = []
    fact = "legal_person"
    alternatives: list[Tri] = []
    for form in item.params.get("allowed_forms") or ["独立法人"]:
        if re.search(r"平台|实验室|中心", form):
            value, f = _type_match(form, a)
        elif "企业法人" in form:
            value, f = _all([_type_match("企业", a)[0], a.legal_person]), "legal_person" if a.legal_person is None else "entity_types"
        elif "事业单位法人" in form:
            value, f = _all([_type_match("事业单位", a)[0], a.legal_person]), "legal_person" if a.legal_person is None else "entity_types"
        else:
            value, f = a.legal_person, "legal_person"
        alternatives.append(value)
        fact = f if value is None else fact
    checks.append(_any(alternatives))
    m = re.search(r"法人资格的(?P<x>[^，。；]{2,30}?)(?:均可申报|$)", text)
    if m:
        words = [w for w in re.split(r"、|或者|或|和|及", m.group("x")) if w]
        value, f = _types_ok(words, a)
        checks.append(value)
        fact = f if value is None and checks[0] is not None else fact
    value = _all(checks)
    forms = "、".join(item.params.get("allowed_forms") or ["独立法人"])
    said = ("具有独立法人资格" if a.legal_person else "不具有独立法人资格" if a.legal_person is False else "法人资格未说明")
    return _verdict(value, f"条款要求{forms}{('（' + m.group('x') + '）') if m else ''}；贵单位为{_types_said(a)}，{said}，符合。",
                    f"条款要求{forms}{('（' + m.group('x') + '）') if m else ''}；贵单位为{_types_said(a)}，{said}，不符合。",
                    f"条款要求{forms}；尚不清楚贵单位是否满足（{said}）。", fact)


def _entity_type(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    directions = item.params.get("allowed_directions")
    if directions:
        value: Tri = None if a.direction is None else a.direction in directions
        continued = bool(re.match(r"^(?:且|并|同时)", text))
        if value is False and continued:
            # the clause continues a sentence whose subject (e.g. 中央企业) the item lost
            return Judgement("unknown", f"条款限定{'、'.join(directions)}方向，但它接在前一句之后，适用对象以原文为准（可能只针对部分申报主体）。", False, "review")
        return _verdict(value, f"条款限于{'、'.join(directions)}方向；贵单位申报{a.direction}方向，符合。",
                        f"条款限于{'、'.join(directions)}方向；贵单位申报{a.direction}方向，不符合。",
                        f"条款限于{'、'.join(directions)}方向；尚不清楚贵单位的申报方向。", "direction")
    allowed = item.params.get("allowed")
    if allowed:
        value, fact = _types_ok(list(allowed), a)
        return _verdict(value, f"条款要求申报主体为{'、'.join(allowed)}；贵单位为{_types_said(a)}，符合。",
                        f"条款要求申报主体为{'、'.join(allowed)}；贵单位为{_types_said(a)}，不符合。",
                        f"条款要求申报主体为{'、'.join(allowed)}；尚不清楚贵单位是否属于此类。", fact)
    return Judgement("unknown", "条款对申报主体能力的要求由评审判断，请在申报书中举证。", False, "review")


def _credit(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    needs_clean = bool(item.params.get("not_dishonest")) or "失信" in text
    needs_good = "良好" in text or "经营异常" in text or ("信用" in text and not needs_clean)
    checks: list[Tri] = []
    fact = None
    if needs_clean:
        clean: Tri = False if a.dishonest else (True if a.dishonest is False or a.credit_good else None)
        checks.append(clean)
        fact = fact or ("dishonest" if clean is None else None)
    if needs_good:
        good: Tri = False if a.dishonest or a.credit_good is False else a.credit_good
        checks.append(good)
        fact = fact or ("credit_good" if good is None else None)
    value = _all(checks)
    return _verdict(value, f"条款要求“{text}”；贵单位表示信用情况良好、未被列入失信名单，符合。",
                    f"条款要求“{text}”；贵单位存在失信或信用不良情况，不符合。",
                    f"条款要求“{text}”；尚不清楚贵单位的信用情况。", fact)


def _prior_matches(prior: str, selection: str) -> bool:
    """Whether a pilot the applicant won is the one an exclusion names (level, year, topic agree)."""
    p, s = normalise(prior).lower(), normalise(selection).lower()
    levels = {"国家": r"国家|中央|national", "省": r"省|provincial", "市": r"市级|(?<!省)市|city|municipal"}
    p_levels = {k for k, v in levels.items() if re.search(v, p)}
    s_levels = {k for k, v in levels.items() if re.search(v, s)}
    if p_levels and s_levels and not p_levels & s_levels:
        return False
    p_years, s_years = set(re.findall(r"20\d\d", p)), set(re.findall(r"20\d\d", s))
    if p_years and s_years and not p_years & s_years:
        return False
    topics = {"space": r"可信数据空间|trusted data space|data space", "factor": r"数据要素|data factor|data element",
              "fund": r"资金|投资|fund|subsid"}
    p_topics = {k for k, v in topics.items() if re.search(v, p)}
    s_topics = {k for k, v in topics.items() if re.search(v, s)}
    return not p_topics or not s_topics or bool(p_topics & s_topics)


_BARRED_BODIES = re.compile(r"(?P<who>[^，。；]{2,30}?)(?:均)?不(?:作为|得作为|能作为|属于)[^，。；]{0,4}(?:申报主体|申报单位|牵头单位|支持对象)")
_BODY_CUES = {"党政机关": r"党政机关|行政机关|政府部门|机关", "事业单位": r"事业单位"}


def _exclusion(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    prior = item.params.get("prior")
    if prior or (_PRIOR.search(text) and re.search(r"不得|不再|不在|重复", text)):
        named = text
        if a.prior_selections is None:
            return _verdict(None, "", "", f"条款规定“{text}”；尚不清楚贵单位（或该项目）是否已入选过相关试点或获得过相关支持。", "prior_selections")
        hits = [s for s in a.prior_selections if _prior_matches(named, s)]
        if hits:
            return _verdict(False, "", f"条款规定“{text}”；贵单位已有“{hits[0]}”，属于排除情形，不符合。", "", None)
        said = "未入选过相关试点" if not a.prior_selections else f"已有的“{'；'.join(a.prior_selections)}”不属于本条所列情形"
        return _verdict(True, f"条款规定“{text}”；贵单位{said}，符合。", "", "", None)
    barred = _BARRED_BODIES.search(text)
    if barred:
        # 党政机关、事业单位不作为申报主体: the kinds of body the notice bars
        who = re.sub(r"参照[^，。、]{0,12}管理的事业单位", "", barred.group("who"))  # only a subset of 事业单位
        kinds = [k for k, cue in _BODY_CUES.items() if re.search(cue, who)]
        if "牵头单位" in barred.group(0) and a.lead is False:
            return Judgement("met", f"条款规定“{text}”；贵单位作为参与单位申报，不受此条限制。", False)
        if a.entity_types is None:
            return _verdict(None, "", "", f"条款规定“{text}”；尚不清楚贵单位的单位类型。", "entity_types")
        hit = [k for k in kinds if k in a.entity_types]
        return _verdict(not hit, f"条款规定“{text}”；贵单位不属于所列单位，符合。",
                        f"条款规定“{text}”；贵单位属于{hit[0] if hit else ''}，不符合。", "", None)
    checks: list[Tri] = []
    fact = None
    if re.search(r"违法|违规", text):
        checks.append(None if a.violations is None else not a.violations)
        fact = fact or ("violations" if a.violations is None else None)
    if re.search(r"安全事件|安全事故|事故|泄露", text):
        checks.append(None if a.incidents is None else not a.incidents)
        fact = fact or ("incidents" if a.incidents is None else None)
    if not checks:
        return Judgement("unknown", "本条为排除情形的说明，请对照原文自查。", False, "review")
    value = _all(checks)
    return _verdict(value, f"条款要求“{text}”；贵单位表示近三年无此类情况，符合。",
                    f"条款要求“{text}”；贵单位近三年有此类情况，不符合。",
                    f"条款要求“{text}”；尚不清楚贵单位近三年的情况。", fact)


def _operator(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    role = item.params.get("role", "运营单位")
    if a.role == "participant" and re.search(r"或已与[^，。]{0,20}签订", text):
        return _verdict(None, "", "", f"条款要求申报单位为{role}或已与其签订运营服务协议；贵单位为参与方，需确认是否已签订该协议。", "role")
    value: Tri = None if a.role is None else a.role == "operator"
    return _verdict(value, f"条款要求申报主体为可信数据空间的{role}；贵单位是运营方，符合。",
                    f"条款要求申报主体为可信数据空间的{role}；贵单位是参与方，不能作为申报主体（可作为联合单位参与，如通知允许）。",
                    f"条款要求申报主体为可信数据空间的{role}；尚不清楚贵单位是否为运营方。", "role")


def _joint(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    params = item.params
    if re.search(r"项目(?:数)?不超过|参与申报的项目", text):
        return Judgement("unknown", "本条限制单位参与申报的项目数量，申报时请注意不要超过。", False, "obligation")
    if "独立申报" in text and "max" not in params:
        if re.search(r"可以?由", text):
            return Judgement("met", "条款允许单独申报。", False)
        value: Tri = None if a.joint_partners is None else a.joint_partners == 0
        return Judgement(_status(value), "条款原则上要求一家单位独立申报，确需联合的须符合联合申报要求。", False, "preference",
                         "joint_partners" if value is None else None)
    if params.get("allowed") is False:
        if re.search(r"多运营|多个运营", text):
            value = (False if a.multi_operator else True if a.multi_operator is False or a.joint_partners == 0 else None)
            return _verdict(value, "条款不支持多运营主体联合申报；贵单位不属于多运营主体联合申报，符合。",
                            "条款不支持多运营主体联合申报；贵单位拟由多个运营主体联合申报，不符合。",
                            "条款不支持多运营主体联合申报；尚不清楚是否有多家运营主体联合申报。", "multi_operator")
        value = None if a.joint_partners is None else a.joint_partners == 0
        return _verdict(value, "条款不接受联合申报；贵单位独立申报，符合。", "条款不接受联合申报；贵单位拟联合申报，不符合。",
                        "条款不接受联合申报；尚不清楚贵单位是否联合申报。", "joint_partners")
    cap = params.get("max")
    if cap:
        with_lead = not re.search(r"不含牵头|牵头单位联合不超过", text)
        if a.joint_partners is None:
            return _verdict(None, "", "", f"条款规定联合申报单位不超过{cap}家；尚不清楚贵单位是否联合申报、共几家。", "joint_partners")
        count = a.joint_partners + (1 if with_lead else 0)
        basis = "含牵头单位" if with_lead else "不含牵头单位"
        value = a.joint_partners == 0 or count <= cap
        return _verdict(value, f"条款规定联合申报单位不超过{cap}家（按{basis}计）；贵单位{'独立申报' if a.joint_partners == 0 else f'共{count}家'}，符合。",
                        f"条款规定联合申报单位不超过{cap}家（按{basis}计）；贵单位共{count}家，超过上限，不符合。", "", None)
    if params.get("allowed"):
        return Judgement("met", "条款接受联合申报，独立申报亦可。", False)
    return Judgement("unknown", "这是联合申报的办理要求（如由牵头单位提交、签订协议、加盖公章），申报时照办即可。", False, "procedure")


def _one_project(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    cap = item.params.get("max", 1)
    if a.projects is not None and a.projects > cap:
        return Judgement("unmet", f"条款规定限申报{cap}个项目；贵单位拟申报{a.projects}个，不符合。", True)
    return Judgement("met" if a.projects is not None else "unknown", f"条款规定限申报{cap}个项目；申报时只报{cap}个即可。", False, "obligation")


def _consent(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    if not _MODAL.search(text):
        return Judgement("unknown", "本条描述支持对象，不是对申报单位的强制条件。", False, "review")
    by = item.params.get("by", "有关部门")
    if _ENTITY_SCOPE.match(text) and a.entity_types is None:
        return _verdict(None, "", "", f"若贵单位属于{_ENTITY_SCOPE.match(text).group(1)}，须经{by}同意；尚不清楚贵单位类型。", "entity_types")  # type: ignore[union-attr]
    value = a.government_consent
    return _verdict(value, f"条款要求经{by}同意；贵单位已获同意，符合。", f"条款要求经{by}同意；贵单位尚未获得同意，不符合。",
                    f"条款要求经{by}同意；尚不清楚是否已获同意。", "government_consent")


def _recommendation(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    by = item.params.get("by", "推荐单位")
    if "无需" in text:
        return Judgement("met", "条款说明无需额外推荐。", False, "procedure")
    soft = not item.hard or re.search(r"宜|优先|鼓励", text)
    if soft:
        value = a.recommendation
        reason = {True: f"已获{by}推荐，可享受条款所述的优先或加分。",
                  False: f"未获{by}推荐；这不影响申报资格，只是不享受条款所述的优先。",
                  None: f"获得{by}推荐可享受优先，但不是申报资格条件。"}[value]
        return Judgement(_status(value), reason, False, "preference")
    if re.search(r"(?:须|应|需|必须)(?:获得?|经)[^，。]{0,30}推荐", text):
        return _verdict(a.recommendation, f"条款要求经{by}推荐；贵单位已获推荐，符合。", f"条款要求经{by}推荐；贵单位未获推荐，不符合。",
                        f"条款要求经{by}推荐；尚不清楚是否已获推荐。", "recommendation")
    return Judgement("unknown", f"这是报送流程：申报材料经{by}审核推荐后报送（见办理流程）。", False, "procedure")


def _investment(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    m = _INVEST.search(text)
    assert m is not None
    floor = float(m.group(1)) * (10000 if m.group(2) == "亿" else 1)
    value: Tri = None if a.investment_wan is None else a.investment_wan >= floor
    return _verdict(value, f"条款要求项目总投资不低于{floor:g}万元；贵单位项目投资{a.investment_wan or 0:g}万元，符合。",
                    f"条款要求项目总投资不低于{floor:g}万元；贵单位项目投资{a.investment_wan or 0:g}万元，不符合。",
                    f"条款要求项目总投资不低于{floor:g}万元；尚不清楚项目总投资。", "investment_wan")


def _choice(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    return Judgement("unknown", "申报时只能选择一个方向（类别）申报。", False, "obligation")


def _obligation(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    return Judgement("unknown", "这是入选后或申报时需履行的义务，不影响申报资格。", False, "obligation")


def _review(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    return Judgement("unknown", "这是由评审判断的能力或基础要求，规则无法核实；请在申报书中充分举证。", False, "review")


def _other(item: EligibilityItem, text: str, a: Applicant) -> Judgement:
    # an unrecognised hard condition: ask rather than let it pass silently
    return Judgement("unknown", f"无法自动判断本条，请确认是否满足：“{text}”。", True, "condition", f"item:{text}")


_RULES = {
    "registration_place": _registration, "legal_form": _legal_form, "entity_type": _entity_type, "credit": _credit,
    "exclusion": _exclusion, "operator_role": _operator, "joint_rule": _joint, "one_project": _one_project,
    "consent": _consent, "recommendation": _recommendation, "investment": _investment, "choice": _choice,
    "obligation": _obligation, "review": _review,
}


def question_for(fact: str) -> str:
    """The follow-up question that asks for one missing fact."""
    if fact.startswith("item:"):
        return f"贵单位是否满足“{fact[5:]}”？"
    return QUESTIONS.get(fact, f"请补充：{fact}")
