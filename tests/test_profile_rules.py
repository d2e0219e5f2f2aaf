"""Rule families of profile extraction on small notices written here: task and material tables,
flagged task lists under any heading, body material lists, seal and paper rules without modals,
body outlines with limits, notice voice kept out of eligibility."""

from __future__ import annotations

import datetime as dt

from rag.profile import extract_profile
from rag.records import DocumentMeta, Profile, SourceText
from rag.tables import flag_of


def _profile(text: str) -> Profile:
    meta = DocumentMeta("t-2026", "通知", "t", "某地", issued_on="2026-03-01")
    return extract_profile("t", "某地", [(meta, SourceText(text))], dt.date(2026, 3, 2))


def _cells(*rows: list[str]) -> str:
    """A DOCX table as the loader flattens it: one tab-led cell per line, a blank line per row."""
    return "\n".join("\n".join("\t" + c for c in row) + "\n" for row in rows)


TABLE_NOTICE = (
    "某市数据局关于开展数据空间项目征集的通知\n\n各有关单位：现将征集工作有关事项通知如下，请认真组织申报工作。\n\n"
    "一、建设任务\n\n表1 任务清单\n\n"
    + _cells(["序号", "任务名称", "任务属性"], ["1", "身份认证体系", "必选"], ["2", "数据产品开发", "可选"], ["3", "生态运营", ""])
    + "\n二、申报材料\n\n"
    + _cells(["序号", "材料名称", "是否必须"], ["1", "营业执照", "是"], ["2", "专利证书", "否"], ["3", "合作协议", "如有"])
    + "\n附件：项目申报书\n"
)


def test_tasks_and_materials_from_table_columns():
    profile = _profile(TABLE_NOTICE)
    assert [(t.title, t.mandatory) for t in profile.tasks] == [("身份认证体系", True), ("数据产品开发", False), ("生态运营", None)]
    materials = {m.title: m.required for m in profile.materials}
    assert materials["营业执照"] is True and materials["专利证书"] is False and materials["合作协议"] is None
    assert all(m.citation.quote for m in profile.materials)


def test_a_table_cell_never_opens_an_attachment():
    # "项目申报书" is a cell of the material table, not the title of a template
    text = TABLE_NOTICE.replace("[\"1\", \"营业执照\"", "") + "\n三、报送方式\n申报单位登录某市数据平台在线填报。\n"
    profile = _profile(text.replace("营业执照", "项目申报书"))
    assert not profile.sections  # the notice has no template part


LIST_NOTICE = """某省数据局关于组织申报试点项目的通知

各市数据局：为推进可信数据空间建设，现组织申报试点项目，有关事项通知如下。

一、建设要点
申报项目应开展以下工作，其中第（1）至（2）项为必须建设内容，第（3）项为鼓励建设内容：
（1）搭建接入设施。部署连接器。
（2）汇聚数据资源。梳理资源目录。
（3）参与标准制定。鼓励研制标准。
二、申报条件
（一）申报单位应在某省内依法注册，运营状况良好。
为确保质量，本次申报将坚持优中选优。
三、申报材料
1.项目申报书；
2.营业执照副本复印件；
3.知识产权证明材料（如有）。
四、报送要求
申报材料A4纸双面打印、胶装成册，一式两份，逐页加盖单位公章，由推荐单位统一报送至省数据局数据处。
"""


def test_task_flags_from_a_lead_in_with_bracketed_numbers():
    flags = [(t.title, t.mandatory) for t in _profile(LIST_NOTICE).tasks]
    assert flags == [("搭建接入设施", True), ("汇聚数据资源", True), ("参与标准制定", False)]


def test_task_flags_stated_on_each_item():
    text = """某市通知

一、试点建设重点
1.建设运营平台。本项为必选内容。部署核心功能。
2.汇聚行业数据。本项为必选内容。推动数据接入。
3.打造应用场景（可选）。围绕优势产业打造场景。
4.开展互联互通。本项可根据自身条件选做。
"""
    flags = [t.mandatory for t in _profile(text).tasks]
    assert flags == [True, True, False, False]


def test_rest_of_the_list_is_optional():
    text = """某市通知

二、申报项目须开展的工作
申报项目应围绕以下方面实施，其中第1、2项为必选项，其余为可选项：
1.可信接入。部署连接器。
2.共享机制。制定规则。
3.融合应用。开展应用。
"""
    assert [t.mandatory for t in _profile(text).tasks] == [True, True, False]


def test_numbered_materials_in_the_notice_body():
    materials = {m.title: m.required for m in _profile(LIST_NOTICE).materials}
    assert materials["项目申报书"] is True
    assert materials["营业执照副本复印件"] is True
    assert materials["知识产权证明材料"] is None  # （如有）: conditional


def test_required_and_optional_material_headings():
    text = """某省资金申报指南

第四章 申报材料
第九条 必备材料
1.项目申请报告；
2.企业营业执照。
第十条 选报材料
1.软件著作权证书。
"""
    materials = {m.title: m.required for m in _profile(text).materials}
    assert materials == {"项目申请报告": True, "企业营业执照": True, "软件著作权证书": False}


def test_seal_paper_and_delivery_rules_without_modals():
    submission = _profile(LIST_NOTICE).submission
    channels = {s.channel for s in submission}
    assert {"seal", "paper", "other"} <= channels
    seal = next(s for s in submission if s.channel == "seal")
    assert "逐页加盖单位公章" in seal.citation.quote
    assert any("统一报送至省数据局" in s.citation.quote for s in submission if s.channel == "other")


def test_a_form_placeholder_is_not_a_seal_rule():
    text = "某市通知\n\n一、报送\n申报材料请通过平台在线提交。\n附件1\n申报书\n申报单位：（加盖单位公章）\n"
    assert not [s for s in _profile(text).submission if s.channel == "seal" and "加盖单位公章" in s.citation.quote]


def test_notice_voice_is_not_an_eligibility_condition():
    texts = [e.text for e in _profile(LIST_NOTICE).eligibility]
    assert any("依法注册" in t for t in texts)
    assert not any("优中选优" in t for t in texts)


def test_outline_of_the_report_in_the_notice_body():
    text = """某省资金申报指南

第十一条 申请报告应包括以下部分：
（一）项目摘要（限200字）
（二）企业基本情况（不超过两千字）
（三）项目效益分析
"""
    sections = {s.title: s.limit for s in _profile(text).sections}
    assert sections == {"项目摘要": 200, "企业基本情况": 2000, "项目效益分析": None}


def test_template_field_limits_and_instructions():
    text = """某市通知

各有关单位：现将2026年度项目申报工作有关事项通知如下，请按附件格式认真编写申报书并按时报送。
附件
项目申报书
一、填表说明
1.本申报书由申报单位如实填写。
二、项目概况（500字以内）
项目简介（100字）
三、建设方案（字数控制在800字以内）
四、运营计划（不少于300字，不超过1500字）
"""
    sections = {s.title: s.limit for s in _profile(text).sections}
    assert "填表说明" not in sections
    assert sections["项目概况"] == 500 and sections["项目简介"] == 100
    assert sections["建设方案"] == 800 and sections["运营计划"] == 1500


def test_cell_flags():
    assert [flag_of(x) for x in ("必选", "是", "须提供", "可选", "否", "可提供", "非必须", "如有", "")] == [
        True, True, True, False, False, False, False, None, None,
    ]


def test_mark_columns_of_a_material_table():
    text = (
        "某市数据局关于开展数据空间项目征集的通知\n\n各有关单位：现将征集工作有关事项通知如下，请认真组织申报工作。\n\n"
        "一、申报材料\n\n"
        + _cells(["序号", "材料名称", "须提供", "可提供"], ["1", "营业执照", "√", ""], ["2", "获奖证书", "", "√"])
    )
    materials = {m.title: m.required for m in _profile(text).materials}
    assert materials == {"营业执照": True, "获奖证书": False}


def test_registration_with_a_parenthetical_scope_and_no_nei():
    from rag.profile import extract_profile
    from rag.records import DocumentMeta, SourceText

    text = ("某市数据局关于开展数据空间试点申报的通知\n一、申报条件\n"
            "（一）在某市（含高新片区）依法登记注册，具有独立法人资格的企业；\n"
            "二、申报时间\n申报截止时间为2026年12月1日。\n")
    meta = DocumentMeta(doc_id="m", title="t", jurisdiction="moushi", jurisdiction_name="某市")
    import datetime as dt

    profile = extract_profile("moushi", "某市", [(meta, SourceText(text))], dt.date(2026, 11, 1))
    places = [e.params.get("place") for e in profile.eligibility if e.kind == "registration_place"]
    assert places and places[0].startswith("某")
