"""Eligibility conditions: who may apply, where registered, legal form, credit, joint rules…

Each sentence is cut into its comma-separated pieces; a piece that states a condition of
its own starts an item, a piece that only continues the previous one (以及…, 包括…,
享有…) is added to it. Each item gets a `kind` and `params` an evaluator can use without
reading the notice again.
"""

from __future__ import annotations

import re
from typing import Any

from .clauses import LABEL, DocView, Span
from .coverage import bigrams
from .numerals import NUMBER, parse_number
from .records import EligibilityItem

# sections that state who may apply
ELIGIBILITY_SECTION = re.compile(r"申报(?:要求|条件|范围|对象|主体|资格)|申请(?:条件|对象)|基本条件|支持对象|征集对象|遴选条件")
# pieces that are not conditions on the applicant: form filling, material quality, periods
# …and steps of the procedure: 由推荐单位统一报送至省数据局
_NOT_CONDITION = re.compile(
    r"填写|签章|盖章|签字|附上|□|是否|名称用全称|(?:报送|提交|发送|寄送|递交)(?:至|到)|收齐|寄送|邮寄"
    # steps and dates of the procedure: 于5月10日前完成网上填报 / 登录系统上传 / 逾期不予受理
    r"|\d{1,2}\s*月\s*\d{1,2}\s*日[^，,。]{0,8}?(?:前|之前)[^，,。]{0,6}(?:完成|提交|报送|填报|申报|登录|上传|寄送|发送|报)"
    r"|登录|上传|在线填报|网上填报|网上申报|逾期|截止(?:时间|日期)?后"
    # how the documents are written: 按模板编制申报书
    r"|(?:编制|编写|填报)[^，,。]{0,6}(?:申报书|申报材料|材料)|(?:申报书|申报材料)[^，,。]{0,6}(?:编制|编写|填报)"
    # what the bureau will do: 将通过“信用中国”网站核查 / 将对申报主体开展形式审查
    r"|将(?:通过|对|组织|根据|会同|按照|依据)|(?:核查|核实|审查|查询|把关)[^，,。]{0,16}(?:信用|资格|注册地|情况)"
    # a service the project offers (为中小企业提供信用评价服务), not the applicant's record
    r"|^为[^，,。]{1,16}提供"
    # 在平台中选择所在区数据主管部门作为推荐单位: a step of the filing
    r"|选择[^，,。]{0,24}作为推荐单位"
    # what the money may pay for (不得用于人员工资 / 主要用于软硬件购置): a rule on spending
    r"|(?:不得|不能|主要|只能|仅|可|应|须)用于|专款专用"
    # the truth of what is handed in (申报材料内容真实、合法、有效): a pledge on the papers
    r"|(?:材料|内容|信息)[^，,。]{0,6}(?:真实|准确|完整|有效)"
    # a bare consequence after a step (逾期系统自动关闭，不再受理)
    r"|^(?:将|均|一律)?(?:不再|不予)(?:受理|接收)[^，,。]{0,4}$"
    # funds paid out after approval (经市政府批准后一次性拨付): the issuer's step
    r"|拨付"
)
# sentences about the application documents or the project period, not the applicant
_NOT_ABOUT_APPLICANT = re.compile(
    r"^(?:\S{0,6})?(?:申报材料|申报书|申报文件|纸质材料|纸质版|电子版|电子材料)(?:封面|正文|首页|附件)?(?:须|应|要|需|由|一式)|(?:建设|培育|试点|实施)周?期(?:一般)?为|^如有|^如需"
)
# what happens to an applicant who breaks the rules: a consequence, not a condition of applying
# (对弄虚作假的，一经查实，取消申报资格，三年内不得申报，并纳入信用记录)
_OFFENCE = re.compile(r"弄虚作假|虚假材料|提供虚假|一经查实|一经发现|查实后|否则|违者|如有违反")
_SANCTION = re.compile(
    r"取消[^，,。；;]{0,10}(?:资格|称号)|撤销|追回|收回|追究[^，,。；;]{0,6}责任|(?:纳入|记入|计入)[^，,。；;]{0,8}(?:信用|失信|诚信)"
    r"|[一二三四五六七八九十\d]\s*年内不(?:得|再|予)(?:申报|受理|支持)"
)
# what the notice or its funds will do: benefits and the bureau's own steps, not conditions
_BENEFIT = re.compile(r"补助|资助|奖补|奖励|补贴|给予|予以|优先(?:支持|推荐|考虑)|(?:将|拟)(?:优先|择优|组织|对|根据|按|在|予以|给予|推荐)")
_CONTINUATION = re.compile(r"^(?:以及|及|或|或者|包括|如|含|即|由|享有|等|特别是|尤其|且|并且|同时)")
_PLACE = (
    re.compile(r"注册(?:地)?在(?P<p>[^，,。、的]{2,12}?)(?:区域|境|范围|行政区域)?内"),
    re.compile(r"在(?P<p>[^，,。、]{2,12}?)(?:区域|境|范围|行政区域)?内(?:依法)?(?:登记)?注册"),
    # "在某市（含某区）依法登记注册": no 内, a parenthetical scope after the place
    re.compile(r"在(?P<p>[^，,。、()（）内]{2,12}?)(?:[(（][^)）]{0,20}[)）])?(?:依法)?登记注册"),
    re.compile(r"(?:面向|为)(?P<p>[^，,。、]{2,12}?)(?:区域|境|范围)?内(?:依法)?注册"),
    # "在宁波市注册的企业" / "应在某市注册，…": no 内, the place straight before 注册
    re.compile(r"在(?P<p>[^，,。、()（）内]{2,12}?)(?:依法)?(?:登记)?注册(?:登记)?(?:的|(?=[，,。；;]|$))"),
    re.compile(r"注册地(?:为|在|位于|须在|应在|须为|应为)(?P<p>[^，,。、的内]{2,12}?)(?:区域|境|范围|行政区域)?(?:内)?(?=[，,。；;、]|$)"),
)
_FORMS = re.compile(r"独立(?:企业)?法人(?:资格|单位)?|(?:企业|事业单位|社会团体|民办非企业单位)法人")
_ALSO = re.compile(r"(?:以及|及|或)(?P<x>[^，,。]{2,40}?等[^，,。]{0,10}?(?:平台|机构|中心|单位|组织))")
_DIRECTION = re.compile(r"(?P<d>[\u4e00-\u9fa5]{2,6}?)可信数据空间(?:试点)?(?:的)?(?:申报主体|申报单位)")
_MODAL = re.compile(r"须|应(?!用|急|对)|需(?!求)|必须|宜|具有|具备|健全|良好|面向|不得|仅限|原则上")
# a plain-words condition says what the applicant must be, have or have done
_CONDITION_WORDS = re.compile(
    r"(?:成立|注册|登记)(?:时间|日期)?(?:在|于|早于|不晚于)|以来|处于|不属于|不存在|没有|须|应(?!用|急|对)|需(?!求)|必须|宜|具有|具备|拥有|健全|良好|完善|满\S{0,3}年|不低于|不少于|不高于|以上|已|自愿|配合|符合|达到|无|未|不得|承诺|能够|选择|限|面向|重点|仅限|原则上"
)
# a heading over a list of documents to hand in
_MATERIAL_LIST = re.compile(r"材料|资料|附件清单|文件清单")
# the notice speaking for itself (为确保…, 本次申报将…) or announcing a list (应符合以下条件：)
_NOTICE_VOICE = re.compile(r"^为(?:了|确保|保证|保障|推动|促进|进一步|加快|鼓励|支持|落实|贯彻|规范|提高|提升|加强)|本次(?:申报|征集|遴选)将|(?:以下|如下|下列)(?:条件|要求)?$")

# exclusive kinds, tried in order; the first that matches decides
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("credit", re.compile(r"信用(?:记录|状况|良好|评价)|失信|信用中国|严重违法失信|经营异常|异常名录|黑名单")),
    ("exclusion", re.compile(
        r"不在[^，,。]{0,8}范围|不(?:予|得|再)(?:申报|受理|支持)|不得(?:以[^，,。]{0,12})?(?:重复|多头|交叉)申报"
        r"|不(?:得)?(?:作为|属于|列为|纳入)[^，,。]{0,6}(?:申报主体|申报单位|申报对象|支持对象|支持范围|申报范围|牵头单位)|已(?:入选|获批|列入|立项)|未(?:出现|发生|有过?)|不属于"
        r"|已获得?[^。；;]{2,40}?(?:不得|不再|不予)"
        # 未因违规使用数据受到行政处罚 / 不存在知识产权权属争议
        r"|未(?:曾)?(?:因[^，,。]{0,20})?(?:受到|被)[^，,。]{0,16}(?:处罚|处分|查处)|不存在[^，,。]{0,12}(?:争议|纠纷|违法|违规)"
        r"|不涉及[^，,。]{0,6}(?:违法|违规)|无(?:重大|严重)[^，,。]{0,20}(?:事故|事件|记录|行为)"
    )),
    ("one_project", re.compile(r"(?:仅限|只能|限|最多)(?:牵头|参与|申报|报送|报|或|和){0,4}\s*(?:一|1)\s*个(?:项目|方向)?|每个申报(?:主体|单位)[^，,。]{0,6}(?:仅限|限|只能)")),
    ("joint_rule", re.compile(
        r"(?:接受|支持|鼓励|允许|不支持|不接受|不允许|不得|可以?|采取|采用)[^，,。]{0,20}联合(?:申报|体)|联合(?:申报|体)[^，,。]{0,10}(?:不超过|最多|须|应|由)|牵头单位"
        r"|(?:参与|成员|合作)单位[^，,。]{0,6}(?:不超过|最多|不得超过)|联合[^，,。]{2,20}共同申报"
        r"|(?:联合|参与|成员)单位参与的[^，,。]{0,8}(?:不超过|最多)"
    )),
    # a commitment that the project draws on no other fund: 本项目未以同一项目申报其他市级财政资金
    ("exclusion", re.compile(r"未以同一(?:项目|内容)[^，,。]{0,24}(?:申报|申请)")),
    ("consent", re.compile(r"(?:获得?|征得|经)[^，,。]{0,20}(?:同意|批准|授权)")),
    ("recommendation", re.compile(r"(?:获得?|经(?!济|营|费|过)|由)[^，,。]{0,30}推荐|为(?:汇总)?推荐单位|负责[^，,。]{0,12}(?:初审|审核|推荐)")),
    ("operator_role", re.compile(r"(?:应|须|需)?(?:为|是|系|作为)[^，,。]{0,20}(?:运营单位|运营主体|运营方|建设运营方|运营者)")),
    ("choice", re.compile(rf"择一(?:方向|类别|类型|领域)?(?:进行)?申报|选择\s*(?:{NUMBER})\s*个[^，,。]{{0,8}}(?:方向|类别|类型)")),
)
# the data the project uses: 项目涉及的数据来源合法、已取得必要授权 (a condition in plain words)
_DATA_RIGHTS = re.compile(r"数据(?:资源)?[^，,。]{0,10}(?:来源合法|(?:均|已)(?:依法)?(?:取得|获得)[^，,。]{0,10}授权)")
_IDENTITY = (
    ("registration_place", re.compile(r"注册")),
    ("legal_form", _FORMS),
    ("entity_type", re.compile(r"^(?:须|应|需|必须)?为[^，,。]{2,40}(?:企业|院所|学校|高校|机构|组织|协会)$|^(?:须|应|需|必须)?属于[^，,。]{2,30}(?:企业|机构|单位|服务商|组织|院所|高校)|(?:申报主体|申报单位|申报对象|支持对象)(?:原则上)?(?:须|应|需|必须)?为|仅限[^，,。]{1,15}方向")),
)


def extract_eligibility(view: DocView) -> list[EligibilityItem]:
    """Eligibility conditions of one document, in order, duplicates removed."""
    found: list[tuple[list[str], Span, str]] = []  # (kinds, span, sentence text)
    # 有下列情形之一的，不予受理：（一）…的；（二）…的 — each listed case excludes the applicant
    # ("exclusion"); 有下列情形之一的，…予以收回 lists offences and their sanction ("sanction")
    listing: tuple[str, int] | None = None  # (kind of list, paragraph of its lead-in)
    for sentence in view.sentences:
        lead = _LISTED_CASES.search(sentence.text)
        if lead:
            listing = ("sanction" if _SANCTION.search(lead.group("rule")) else "exclusion", sentence.para)
            rest = sentence.sub(lead.end(), len(sentence.text)).strip_punct()
            if listing[0] == "exclusion" and len(rest.text) >= 6:
                found.append((["exclusion"], rest.strip_label().strip_punct(), sentence.text))
            continue
        lead_path = view.paragraphs[listing[1]].path if listing else ()
        # (the list's last item may read as a heading of its own: its path extends the lead-in's)
        # (each listed case names a situation: …的；)
        listed = sentence.para == listing[1] or LABEL.match(sentence.text) and sentence.strip_punct().text.endswith("的") if listing else False
        if listing and listed and sentence.path[: len(lead_path)] == lead_path:
            if listing[0] == "exclusion" and not classify(sentence.text):
                found.append((["exclusion"], sentence.strip_label().strip_punct(), sentence.text))
                continue
            if listing[0] == "sanction":
                continue
        else:
            listing = None
        if _NOT_ABOUT_APPLICANT.search(sentence.strip_label().text) or sentence.text.count("|") >= 2:
            continue  # (a table row: 序号 | 项目名称 | 牵头单位 | … names columns, no rule)
        if sentence.path and _MATERIAL_LIST.search(sentence.path[-1]) and not ELIGIBILITY_SECTION.search(sentence.path[-1]):
            continue  # an item of a list of documents (联合申报协议（联合申报的须提供）)
        # a short clause may look like a heading; a list's last item ending in 。 is still a clause
        heading_only = view.is_heading_text(sentence) and not re.search(r"[。；;]$", sentence.text)
        if heading_only and not (classify(sentence.text) and _CONDITION_WORDS.search(sentence.text)):
            continue  # 牵头单位条件 / 不予受理的情形: the title over conditions, not one of them
        # the notice's own requirement sections state conditions in plain words; elsewhere
        # (and in templates, whose 须知/承诺书 repeat them) only explicit kinds count
        in_section = not heading_only and not sentence.part and any(ELIGIBILITY_SECTION.search(t) for t in sentence.path)
        current: tuple[list[str], list[Span]] | None = None
        groups: list[tuple[list[str], list[Span]]] = []
        sanctioned = False
        for piece in _subjects_joined(view, sentence.strip_label().pieces()):
            # 对弄虚作假的，一经查实，取消申报资格，三年内不得申报: from the offence on, consequences
            sanctioned = sanctioned or bool(_OFFENCE.search(piece.text)) or bool(_SANCTION.search(piece.text))
            writing = bool(sentence.part and _WRITING.search(piece.text)) or bool(_LIST_LEAD.search(piece.text))
            # 已于2025年6月30日前完成数据资源登记: a state already reached, not a step of the procedure
            step = _NOT_CONDITION.search(piece.text) and not re.match(r"(?:须|应)?已(?:于|在|经)", piece.text)
            if current and _ANY_PLACE.search(piece.text):
                current[1].append(piece)  # …的企业或科研院所，注册地不限: the scope of the condition before
                continue
            if sanctioned or writing or _SANCTION.search(piece.text) or step:
                current = None
                continue
            kinds = classify(piece.text)
            if kinds and len(piece.text) <= 5 and not _CONDITION_WORDS.search(piece.text):
                kinds = []  # a label (信用记录 / 申报限制) over the condition in the next cell
            if kinds and sentence.part and not _CONDITION_WORDS.search(piece.text):
                kinds = []  # a form's field or heading (牵头单位 / 联合体成员情况) names, states nothing
            if not kinds:
                if current and (_CONTINUATION.match(piece.text) or current[0] == ["other"]):
                    current[1].append(piece)
                    continue
                if (
                    not in_section
                    or len(piece.text) < 4
                    or _NOTICE_VOICE.search(piece.text)
                    or _BENEFIT.search(piece.text)
                    or not _CONDITION_WORDS.search(piece.text)
                ):
                    current = None
                    continue
                kinds = ["other"]
            if current and current[0] == ["one_project"] and _REAPPLY.search(piece.text):
                current[1].append(piece)  # 限报1个项目，不得以不同名义重复申报 — one rule
                continue
            if current and current[0] == kinds and kinds[0] in ("exclusion", "other"):
                current[1].append(piece)  # 未出现…，未发生… is one commitment
                continue
            current = (kinds, [piece])
            groups.append(current)
        for kinds, pieces in groups:
            span = view.between(pieces[0], pieces[-1])
            lead = re.match(r"(?:并且|并|且|同时)(?=是|为|具有|具备|应|须)", span.text)
            if lead:
                span = span.sub(lead.end(), len(span.text))  # 并且是…运营主体: the condition, not its conjunction
            prev = found[-1] if found else None
            if prev and prev[0] == kinds == ["joint_rule"] and prev[1].para == span.para:
                # 接受联合申报，由牵头单位提交。联合申报单位最多不超过5家 — one rule
                found[-1] = (kinds, view.between(prev[1], span), prev[2] + sentence.text)
                continue
            found.append((kinds, span, sentence.text))
    headings = {title for line in view.lines for title in line.path}
    tiered = any(_MEMBER_TIER.search(t) or _MEMBER_HEAD.match(t) for t in headings)
    items = []
    for kinds, span, sentence_text in found:
        tier = _tier_of(span.path, tiered)
        for kind in kinds:
            params = _own_place(params_for(kind, span.text, sentence_text), view)
            if tier:
                params["applies_to_role"] = tier
            items.append(
                EligibilityItem(
                    id="",
                    text=span.text,
                    kind="other" if kind == "choice" else kind,
                    citation=view.cite(span),
                    params=params,
                    hard=not re.search(r"宜|优先|鼓励|原则上", span.text),
                )
            )
    return dedupe_eligibility(items)


# the lead-in of a list of cases: 有下列情形之一的，不予受理： / 存在以下情况之一的，不得申报
_LISTED_CASES = re.compile(r"(?:有|存在|具有|出现)(?:下列|以下|如下)(?:情形|情况|行为)之一的?[，,]?(?P<rule>[^：:。]{0,40})[：:]")
# 注册地不限 / 省内外单位均可参与: no place required of the bodies just named
_ANY_PLACE = re.compile(r"注册地不限|不限注册地|省内外[^，,。]{0,6}均可|不限(?:地域|区域)")
# 牵头单位（含独立申报单位）应当同时具备以下条件: announces the list, states none of it
_LIST_LEAD = re.compile(r"(?:具备|符合|满足|达到)(?:以下|下列|如下|下表所列|下表)(?:全部|所有|基本)?(?:条件|要求)[:：]?$")
# a form's guidance on what to write (联合申报的，应明确各单位承担的建设内容): drafting, not a condition
_WRITING = re.compile(r"说明|阐述|描述|介绍|明确|列明|填写|分别")
_REAPPLY = re.compile(r"不得(?:以[^，,。]{0,12})?(?:重复|多头|交叉)申报")
# 已获得…支持的项目，不得重复申报 / 同一项目已获…支持的，不得重复申报: a "…的(项目)" piece is the
# subject of the rule that follows it
_SUBJECT = re.compile(r"的(?:项目|单位|企业|主体|申报主体|申报单位|机构)?$")
_RULE_START = re.compile(r"^(?:均|一律|原则上)?(?:不得|不予|不再|不能|不可|须|应|需|必须|可|只能|限)")


def _subjects_joined(view: DocView, pieces: list[Span]) -> list[Span]:
    out: list[Span] = []
    for piece in pieces:
        if out and _SUBJECT.search(out[-1].text) and _RULE_START.match(piece.text) and out[-1].para == piece.para:
            out[-1] = view.between(out[-1], piece)
        else:
            out.append(piece)
    return out


# a credit condition states the applicant's record: 良好 / 未被列入 / 无…记录 / 不属于 / 非
_CREDIT_STATE = re.compile(r"良好|未|无|不|没有|非|名单|记录|信用中国|等级|评价|以上|申报|主体|单位")
_CREDIT_POLICY = re.compile(r"机制|体系|惩戒|激励|建立|建设|完善")
_RECOMMENDER_QUOTA = re.compile(r"推荐单位|各(?:省|市|区|县|地)|每个(?:省|市|区|县|地市|设区市|计划单列市)|推荐(?:项目|数量)")
_ONWARD = re.compile(r"推荐(?:至|到|给|报送至|上报)")


# a heading over one tier's conditions: （一）牵头单位条件 / （二）参与单位条件
_LEAD_TIER = re.compile(r"牵头(?:单位|方|企业)[^，,。]{0,4}(?:条件|要求|资格)")
_MEMBER_TIER = re.compile(r"(?:参与|联合|成员|合作)(?:单位|方|企业)[^，,。]{0,4}(?:条件|要求|资格)")
# a bare members' heading: （二）合作单位
_MEMBER_HEAD = re.compile(r"^(?:[(（][一二三四五六七八九十][)）]|[一二三四五六七八九十]+、|\d+[.、])?\s*(?:参与|联合|成员|合作)(?:单位|方)$")


# where a notice has a members' tier, its 申报主体条件 are the lead's: （一）申报主体 （二）合作单位
_MAIN_TIER = re.compile(r"^(?:[(（][一二三四五六七八九十][)）]|[一二三四五六七八九十]+、|\d+[.、])?\s*(?:申报主体|申报单位)(?:条件|要求|资格)?$")


def _tier_of(path: tuple[str, ...], tiered: bool) -> str | None:
    """"lead" or "participant" when the condition sits under one tier's heading of a notice
    that has two tiers (`tiered`)."""
    for title in reversed(path):
        if _LEAD_TIER.search(title) and not _MEMBER_TIER.search(title) or tiered and _MAIN_TIER.match(title):
            return "lead"
        if _MEMBER_TIER.search(title) and not _LEAD_TIER.search(title) or tiered and _MEMBER_HEAD.match(title):
            return "participant"
    return None


def _own_place(params: dict[str, Any], view: DocView) -> dict[str, Any]:
    """在本市注册 / 在我省注册: the place is the issuing jurisdiction's own."""
    name = view.meta.jurisdiction_name
    if params.get("place") in ("本", "我", "本地", "当地", "辖", "本辖") and name and name != view.meta.jurisdiction:
        params["place"] = name.rstrip("省市区") or name
    return params


def classify(text: str) -> list[str]:
    """Kinds a piece of text states (several identity kinds may share one piece)."""
    for kind, pattern in _RULES:
        if pattern.search(text):
            if kind == "credit" and _CREDIT_POLICY.search(text) and not _CREDIT_STATE.search(text):
                continue  # 建立守信激励和失信惩戒机制: a policy, no state of the applicant's credit
            if kind == "consent" and not re.search(r"须|应|需|必须|申报|主体|单位|项目", text):
                continue  # 经市政府同意（现组织开展…）: the issuer's authority, not the applicant's consent
            if kind == "one_project" and _RECOMMENDER_QUOTA.search(text):
                continue  # 每个推荐单位最多报送1个项目: the recommender's quota
            if kind == "recommendation" and _ONWARD.search(text) and not re.search(r"须|应|需|必须|获得|取得", text):
                continue  # 由省数据局择优推荐至国家数据局: the issuer's next step
            return [kind]
    if _DATA_RIGHTS.search(text):
        return ["other"]
    kinds = []
    for kind, pattern in _IDENTITY:
        if kind == "registration_place":
            if any(p.search(text) for p in _PLACE):
                kinds.append(kind)
        elif pattern.search(text):
            kinds.append(kind)
    if "entity_type" in kinds and ("registration_place" in kinds or "legal_form" in kinds) and not _allowed_types(text):
        kinds.remove("entity_type")
    return kinds


def params_for(kind: str, text: str, sentence: str) -> dict[str, Any]:
    """Parameters of a condition, read from its own words."""
    params: dict[str, Any] = {}
    direction = _DIRECTION.search(text)
    if direction and direction.group("d") not in ("申报", "本次"):
        params["applies_to_direction"] = direction.group("d").lstrip("其中")
    if kind == "registration_place":
        for pattern in _PLACE:
            m = pattern.search(text)
            if m:
                params["place"] = re.sub(r"^(?:在|于)", "", m.group("p")).rstrip("省市区")
                break
    elif kind == "legal_form":
        forms = [m.group(0).removesuffix("资格").removesuffix("单位") for m in _FORMS.finditer(text)]
        forms += [m.group("x") for m in _ALSO.finditer(text)]
        params["allowed_forms"] = list(dict.fromkeys(forms))
    elif kind == "entity_type":
        allowed = _allowed_types(text)
        if allowed:
            params["allowed"] = allowed
        only = re.search(r"仅限(?P<x>[^，,。]{1,15})方向", text)
        if not allowed and not only and (m := re.search(r"(?:须|应|需)为(?P<x>[^，,。]{2,40})", text)):
            params["requirement"] = m.group("x")
        if only:
            params["allowed_directions"] = [d.replace("可信数据空间", "") for d in re.split(r"或|、|和|及", only.group("x")) if d]
    elif kind == "joint_rule":
        if re.search(r"不(?:支持|接受|允许|得)[^，,。]{0,8}联合", text):
            params["allowed"] = False
        elif re.search(r"(?:接受|支持|允许|可以?)[^，,。]{0,4}联合", text):
            params["allowed"] = True
        cap = re.search(rf"(?:最多|不超过|不得超过)\s*(?:不超过)?\s*({NUMBER})\s*[家个]", text)
        if cap:
            params["max"] = parse_number(cap.group(1))
        if "牵头" in text:
            params["lead_submits"] = True
    elif kind == "one_project":
        params["max"] = 1
    elif kind == "exclusion":
        prior = re.search(r"已(?:入选|获批|列入|立项)(?P<x>[^，,。]{2,40}?)(?:的|项目)?(?:不在|不再|不予|不得|,|，|$)", text)
        if prior:
            params["prior"] = prior.group("x").removesuffix("项目")
        years = re.search(rf"近\s*({NUMBER})\s*年", text)
        if years:
            params["years"] = parse_number(years.group(1))
    elif kind == "credit":
        years = re.search(rf"近\s*({NUMBER})\s*年", text)
        if years:
            params["years"] = parse_number(years.group(1))
        if "失信" in text:
            params["not_dishonest"] = True
    elif kind == "consent":
        by = re.search(r"(?:获得?|征得|经)(?P<x>[^，,。]{2,20}?)(?:同意|批准|授权)", text)
        if by:
            params["by"] = by.group("x")
    elif kind == "recommendation":
        by = re.search(r"(?:获得?|经|由)(?P<x>[^，,。]{2,30}?)(?:的)?(?:联合)?推荐", text)
        if by:
            params["by"] = by.group("x")
        elif (m := re.search(r"(?P<x>[^，,。]{2,30}?)为(?:汇总)?推荐单位", text)) or (m := re.match(r"(?P<x>[^，,。]{2,30}?(?:局|厅|委|部门|单位|企业))", sentence)):
            params["by"] = m.group("x")
        params["required"] = not re.search(r"宜|优先|鼓励|可", text)
    elif kind == "operator_role":
        role = re.search(r"(运营单位|运营主体|运营方|建设运营方)", text)
        params["role"] = role.group(1) if role else "运营单位"
    elif kind == "choice":
        params["choose"] = 1
    return params


def _allowed_types(text: str) -> list[str]:
    """The kinds of body a clause allows: '…的企业或行业组织' → ['企业', '行业组织']."""
    m = re.search(r"(?:须|应|需|必须)?为(?:注册在[^，,。]*?内的|在[^，,。]*?注册的)?(?P<x>[^，,。]{2,40})", text)
    if not m:
        return []
    body = re.sub(r"等$", "", m.group("x").strip())
    if re.search(r"运营|法人", body):
        return []
    parts = [p.strip() for p in re.split(r"或者|或|、|和|及|以及", body) if p.strip()]
    return [re.sub(r"等$", "", p) for p in parts if 1 < len(p) <= 12]


def dedupe_eligibility(items: list[EligibilityItem]) -> list[EligibilityItem]:
    """Drop repeats (the template's 须知 and 承诺书 restate the notice); number the rest."""
    kept: list[EligibilityItem] = []
    for item in items:
        duplicate = False
        for other in kept:
            if other.kind != item.kind:
                continue
            a, b = bigrams(item.text), bigrams(other.text)
            overlap = len(a & b) / len(a | b) if a and b else 0.0
            # the same parameters in words that share little are two conditions of one kind
            # (无严重违法失信记录 / 未列入农业农村领域失信名单; a lead unit's and a member's legal form),
            # not a restatement
            same_params = item.params and other.params == item.params and item.kind != "other" and overlap >= 0.4
            if same_params or overlap >= 0.6:
                duplicate = True
                break
        if not duplicate:
            kept.append(item)
    return [
        EligibilityItem(f"E{i + 1}", it.text, it.kind, it.citation, it.params, it.hard, it.overridden)
        for i, it in enumerate(kept)
    ]

