"""Eligibility for tiered notices (牵头单位条件 / 参与单位条件), barred kinds of body, and the
applicant's own words (a negation far before its cue, joining a project another body leads)."""

from __future__ import annotations

import datetime as dt

from rag.applicant import Applicant
from rag.applicant_text import extract_rules
from rag.eligibility import evaluate_profile
from rag.profile import extract_profile
from rag.records import DocumentMeta, SourceText

NOTICE = (
    "某省文旅厅关于征集数据要素创新应用项目的通知\n\n"
    "各有关单位：为推动文旅数据资源汇聚共享和开发利用，现征集一批数据要素创新应用项目，有关事项通知如下。\n\n"
    "二、申报主体\n\n（一）牵头单位条件\n\n牵头单位应当同时具备以下条件：\n"
    "1.在青海省内登记注册、具有独立法人资格的企业；\n2.未被列入严重失信主体名单。\n"
    "行政机关、事业单位不得作为牵头单位。\n\n"
    "（二）参与单位条件\n\n1.具有独立法人资格的企业、高等院校或科研院所，省内外单位均可参与；\n"
    "2.信用状况良好，未被列为失信被执行人。\n\n"
    "三、申报方式\n\n申报单位于2026年12月31日前将材料发送至sb@example.gov.cn。\n"
)
DAY = dt.date(2026, 12, 10)


def _profile():  # type: ignore[no-untyped-def]
    meta = DocumentMeta("t-2026", "通知", "t", "某省", issued_on="2026-11-16")
    return extract_profile("t", "某省", [(meta, SourceText(NOTICE))], DAY)


def test_conditions_carry_the_tier_they_sit_under():
    tiers = {e.citation.quote: e.params.get("applies_to_role") for e in _profile().eligibility}
    assert any(t == "lead" and "在青海省内登记注册" in q for q, t in tiers.items())
    assert any(t == "participant" and "高等院校或科研院所" in q for q, t in tiers.items())


def test_a_participant_from_another_province_is_not_held_to_the_lead_units_conditions():
    member = Applicant(registered_province="广东省", registered_city="广州市", legal_person=True, entity_types=("企业",),
                       lead=False, dishonest=False, credit_good=True)
    result = evaluate_profile(member, _profile(), DAY)
    assert result.verdict == "eligible", [(c.text, c.status) for c in result.criteria]
    # negative: the same body leading the project must be registered in the province
    leader = Applicant(**{**member.__dict__, "lead": True})
    assert evaluate_profile(leader, _profile(), DAY).verdict == "ineligible"


def test_a_barred_kind_of_body_is_ineligible_as_lead_only():
    bureau = Applicant(registered_province="青海省", legal_person=True, entity_types=("事业单位",), lead=True, dishonest=False, credit_good=True)
    result = evaluate_profile(bureau, _profile(), DAY)
    assert any(c.status == "unmet" and "不得作为牵头单位" in c.citation.quote for c in result.criteria)
    member = Applicant(**{**bureau.__dict__, "lead": False})
    assert not any(c.status == "unmet" and "不得作为牵头单位" in c.citation.quote for c in evaluate_profile(member, _profile(), DAY).criteria)


def test_the_applicants_words_negation_and_joining_another_lead():
    facts = extract_rules("我们近两年没有发生重大网络安全或数据安全事件，这次作为参与单位加入一家企业牵头的项目。我们属于党政机关。")
    assert facts.incidents is False
    assert facts.lead is False
    assert facts.entity_types is not None and "党政机关" in facts.entity_types
    # negative: leading it ourselves
    assert extract_rules("本次由我们牵头申报。").lead is True


MAIN_AND_PARTNERS = (
    "某市数据局关于组织申报场景应用试点的通知\n\n"
    "各有关单位：为推动可信数据空间场景应用，现组织申报一批场景应用试点项目，有关事项通知如下。\n\n"
    "三、申报条件\n\n（一）申报主体\n\n1.在青海省西宁市行政区域内依法登记注册；\n2.申报主体须为企业。\n\n"
    "（二）合作单位\n\n1.为具有独立法人资格的企业、高等院校或科研院所，注册地不限；\n2.未被列入严重失信主体名单。\n"
)


def test_a_notice_with_a_partners_tier_reads_its_main_conditions_as_the_leads():
    meta = DocumentMeta("m-2026", "通知", "m", "西宁市", issued_on="2026-11-16")
    profile = extract_profile("m", "西宁市", [(meta, SourceText(MAIN_AND_PARTNERS))], DAY)
    tiers = {e.citation.quote: e.params.get("applies_to_role") for e in profile.eligibility}
    assert any(t == "lead" and "西宁市行政区域内" in q for q, t in tiers.items())
    assert any(t == "participant" and "注册地不限" in q for q, t in tiers.items())
    university = extract_rules("我们是沈阳市的一所高等院校，具有独立法人资格，这次作为合作单位参与一家企业牵头申报的项目。"
                               "未被列入严重失信主体名单。该项目的联合体成员为2家合作单位（不含牵头单位），项目未获得其他市级财政资金支持。")
    assert university.lead is not True and university.role == "participant"
    assert university.prior_selections == ()
    assert evaluate_profile(university, profile, DAY).verdict == "eligible"


def test_partners_described_in_the_text_do_not_change_the_applicants_own_type():
    facts = extract_rules("我们是一家企业，具有独立法人资格。3家合作单位均为具有独立法人资格的企业或科研院所。")
    assert facts.entity_types == ("企业",)
