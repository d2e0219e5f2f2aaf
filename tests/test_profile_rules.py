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


# --- wording variants of notices not seen before -------------------------------------------

HEAD = "某市数据局关于开展试点申报的通知\n\n各有关单位：为推进可信数据空间建设，现组织开展试点申报工作，有关事项通知如下，请认真组织。\n\n"


def test_grouped_task_lists_take_the_group_flag():
    text = HEAD + """二、培育任务
（一）必建任务
1.建设接入体系。部署连接器。
2.建立资源目录。梳理数据资源。
（二）可选建任务（至少选择2项）
3.开发数据产品。围绕产业开发。
4.推动融合应用。融合公共数据。
5.参与标准研制（必选）。牵头研制标准。
"""
    flags = [(t.title, t.mandatory) for t in _profile(text).tasks]
    assert flags == [
        ("建设接入体系", True), ("建立资源目录", True), ("开发数据产品", False), ("推动融合应用", False), ("参与标准研制", True),
    ]


def test_task_table_flag_column_found_by_its_cells():
    text = HEAD + "一、支持方向和建设任务\n表1 建设任务一览表\n序号\t建设任务\t任务类型\t主要内容\n1\t基础设施部署\t必建\t部署连接器\n2\t数据资产入表\t选建\t开展登记\n"
    assert [(t.title, t.mandatory) for t in _profile(text).tasks] == [("基础设施部署", True), ("数据资产入表", False)]
    remarks = HEAD + "二、建设任务\n序号\t任务名称\t备注\n1\t接入体系建设（必选）\t\n2\t数据资源汇聚\t必选\n3\t数据资产入表\t可选\n"
    assert [t.mandatory for t in _profile(remarks).tasks] == [True, True, False]


def test_task_table_without_flags_only_under_a_task_section():
    tasks = HEAD + "二、建设任务\n序号\t任务名称\t主要内容\n1\t接入体系建设\t部署连接器\n2\t数据资源汇聚\t形成目录\n"
    assert [(t.title, t.mandatory) for t in _profile(tasks).tasks] == [("接入体系建设", None), ("数据资源汇聚", None)]
    schedule = HEAD + "五、进度安排\n序号\t任务名称\t完成时间\n1\t方案设计\t6月\n2\t系统上线\t12月\n"
    assert _profile(schedule).tasks == []


def test_task_items_written_as_paragraphs():
    numbered = HEAD + """一、重点任务
申报项目应开展以下工作，前2项为必建任务，后1项为选建任务：
1.建设可信接入设施，部署连接器和身份认证组件，实现参与主体可信接入和全过程存证留痕。
2.汇聚高质量数据资源，形成数据资源目录。
3.探索数据资产入表，开展数据资产登记和评估。
"""
    assert [(t.title, t.mandatory) for t in _profile(numbered).tasks] == [
        ("建设可信接入设施", True), ("汇聚高质量数据资源", True), ("探索数据资产入表", False),
    ]
    labelled = HEAD + """二、主要任务
任务一至任务二为必选任务，任务三为可选任务。
任务一：建设接入体系。部署连接器。
任务二：汇聚数据资源。形成目录。
任务三：开展互联互通。探索跨空间互认。
"""
    assert [(t.title, t.mandatory) for t in _profile(labelled).tasks] == [
        ("建设接入体系", True), ("汇聚数据资源", True), ("开展互联互通", False),
    ]
    unflagged = HEAD + "二、建设任务\n任务一：构建可信环境。建设身份认证。\n任务二：打造融合应用。推动数据融合。\n"
    assert [(t.title, t.mandatory) for t in _profile(unflagged).tasks] == [("构建可信环境", None), ("打造融合应用", None)]


def test_inline_tasks_counted_one_two_three():
    text = HEAD + "二、建设内容\n试点项目重点开展以下建设：一是建设可信接入体系，实现身份可信；二是打造数据流通场景，推动数据共享；三是完善运营机制。\n"
    tasks = _profile(text).tasks
    assert [t.title for t in tasks] == ["建设可信接入体系", "打造数据流通场景", "完善运营机制"]
    assert all(t.mandatory is None and t.citation.quote == t.title for t in tasks)


def test_a_count_to_choose_flags_the_whole_list_not_one_item():
    text = HEAD + """二、建设任务
申报单位须从以下4项任务中至少选择2项开展建设：
（一）数据产品开发。开发产品。
（二）公共数据融合。融合应用。
（三）跨域流通。开展流通。
（四）标准研制。参与标准。
"""
    assert [t.mandatory for t in _profile(text).tasks] == [False, False, False, False]
    every = HEAD + "二、建设任务\n以下任务均为必建任务：\n1.建设接入体系。部署连接器。\n2.汇聚数据资源。形成目录。\n"
    assert [t.mandatory for t in _profile(every).tasks] == [True, True]


def test_material_table_with_a_remarks_column():
    text = HEAD + "三、申报材料\n表2 申报材料清单\n序号\t材料名称\t份数\t备注\n1\t项目申报书\t3\t必须提供，按附件1格式编写\n2\t营业执照\t1\t\n3\t数据资源登记证书\t1\t如有请提供\n4\t专利证明\t1\t选填\n"
    materials = {m.title: m.required for m in _profile(text).materials}
    assert materials == {"项目申报书": True, "营业执照": True, "数据资源登记证书": None, "专利证明": False}


def test_materials_asked_for_in_sentences():
    text = HEAD + """三、申报要求
申报材料包括：项目申报书、营业执照复印件、近两年审计报告等。
申报单位应附数据资源目录清单；联合申报的，须提供联合申报协议。有条件的单位可提供第三方检测报告、用户评价报告等佐证材料。
如有数据产品登记证书，请一并提供。
"""
    materials = {m.title: m.required for m in _profile(text).materials}
    assert materials == {
        "项目申报书": True, "营业执照复印件": True, "近两年审计报告": True, "数据资源目录清单": True,
        "联合申报协议": None, "第三方检测报告": False, "用户评价报告": False, "数据产品登记证书": None,
    }


def test_qualities_contents_and_formats_are_not_materials():
    text = HEAD + """三、申报要求
申报单位须提供真实、准确、完整的申报材料。申报材料应包括项目基本情况、建设方案、运营模式等内容。
申报单位须提交纸质材料一式三份，并上传申报材料扫描件。
"""
    assert _profile(text).materials == []


def test_list_items_qualified_by_a_seal_or_signature_still_name_documents():
    text = HEAD + "四、申报材料\n1.加盖公章的营业执照复印件；\n2.法定代表人签字的信用承诺书；\n3.数据需求清单；\n4.申报材料须真实有效。\n"
    titles = [m.title for m in _profile(text).materials]
    assert titles == ["加盖公章的营业执照复印件", "法定代表人签字的信用承诺书", "数据需求清单"]


def test_limit_forms():
    from rag.extract_sections import _limit_in
    from rag.normalise import normalise

    cases = {
        "不超过1000字": 1000, "不得超过三千字": 3000, "限800字": 800, "字数控制在2000字以内": 2000, "最多500个汉字": 500,
        "（500 字以内）": 500, "1500字内": 1500, "≤1000字": 1000, "（字数：≤500）": 500, "字数不超过800": 800,
        "500—800字": 800, "（不少于1000字，不超过3000字）": 3000, "3千字以内": 3000,
        # an approximate length is held as the limit: a draft never runs past what the template asks for
        "1500字左右": 1500, "约2000字": 2000, "（建议800字）": 800, "800字为宜": 800, "（字数：800）": 800,
        # a minimum, pages, a count of words in prose: no limit
        "不少于300字": None, "不超过3页": None, "共5000余字": None,
    }
    for text, limit in cases.items():
        assert _limit_in(normalise(text)) == limit, text


def test_unlimited_siblings_of_limited_template_fields_are_sections():
    text = HEAD + "一、申报要求\n申报单位应在某市注册。\n附件：试点申报书\n\n附件\n试点申报书\n1.项目概况（限300字）\n简述项目。\n2.建设方案（不超过3000字）\n3.运营机制\n4.预期成效\n"
    assert {s.title: s.limit for s in _profile(text).sections} == {"项目概况": 300, "建设方案": 3000, "运营机制": None, "预期成效": None}


def test_outline_written_inline_in_one_sentence():
    text = HEAD + "三、申报书编制\n申报书正文包括项目概述（500字以内）、建设方案（不超过3000字）、投资估算和资金筹措（1500字左右）和预期成效四部分。\n"
    sections = {s.title: s.limit for s in _profile(text).sections}
    assert sections == {"项目概述": 500, "建设方案": 3000, "投资估算和资金筹措": 1500, "预期成效": None}
    single = HEAD + "三、申报要求\n项目简介不超过300字。\n"
    assert _profile(single).sections == []


def test_sanctions_benefits_and_the_issuers_steps_are_not_conditions():
    text = HEAD + """三、申报条件
（一）申报单位应在某市行政区域内依法注册，具有独立法人资格。
（二）支持产业链上下游企业联合申报，联合体成员不超过3家。
（三）已获得省级财政资金支持的项目，不得重复申报。
数据资源汇聚能力强、应用场景丰富的项目将优先推荐申报国家级试点。单个项目补助金额原则上不超过300万元。
市数据局将通过“信用中国”网站核查申报单位信用情况。申报单位应于5月10日前完成网上填报。
四、其他事项
对弄虚作假的，一经查实，取消申报资格，三年内不得申报市级项目，并纳入信用记录。逾期不予受理。
"""
    items = _profile(text).eligibility
    texts = " ".join(e.text for e in items)
    for distractor in ("优先推荐", "补助", "信用中国", "网上填报", "弄虚作假", "纳入信用记录", "逾期"):
        assert distractor not in texts, distractor
    kinds = {e.kind for e in items}
    assert {"registration_place", "legal_form", "joint_rule", "exclusion"} <= kinds
    joint = next(e for e in items if e.kind == "joint_rule")
    assert "支持产业链上下游企业联合申报" in joint.citation.quote
    excluded = next(e for e in items if e.kind == "exclusion")
    assert excluded.citation.quote == "已获得省级财政资金支持的项目，不得重复申报"


def test_registration_place_written_without_nei():
    text = HEAD + "三、申报条件\n（一）申报主体为在某市注册的企业或行业组织，具有独立法人资格。\n"
    items = _profile(text).eligibility
    place = next(e for e in items if e.kind == "registration_place")
    assert place.params["place"] == "某"
    assert next(e for e in items if e.kind == "entity_type").params["allowed"] == ["企业", "行业组织"]


def test_contact_and_reference_addresses_are_not_channels():
    text = HEAD + """二、报送方式
申报单位请将电子版发送至sb@sj.gov.cn，纸质材料须现场报送，不接受邮寄。申报指南可在市数据局网站（https://sj.gov.cn/zn）下载。
市数据局将择优推荐报送至省数据局。
三、联系方式
联系人：王工，电话：0000-1234567，邮箱：wang@other.com。电子邮箱：ask@sj.gov.cn（仅用于政策咨询，不接收申报材料）。
"""
    submission = _profile(text).submission
    # paper goes in person (现场报送), never by post; the only address to send to is sb@
    assert [s.channel for s in submission] == ["email", "paper"]
    assert submission[0].detail == "sb@sj.gov.cn" and "现场报送" in submission[1].citation.quote


def test_a_bare_mention_of_paper_is_not_a_paper_rule():
    text = HEAD + "二、报送\n纸质材料由推荐单位统一收齐后，寄送至省数据局数据处（某市某路1号）。申报单位须同时报送纸质材料。\n"
    paper = [s for s in _profile(text).submission if s.channel == "paper"]
    assert len(paper) == 1 and "须同时报送纸质材料" in paper[0].citation.quote


def test_mailboxes_named_for_the_application_and_progress_reports():
    text = HEAD + """五、申报方式及联系方式
申报邮箱：sb@sj.gov.cn。联系人：王工，邮箱：wang@sj.gov.cn（申报材料电子版发送至该邮箱）。
各区数据局审核后择优报送至市数据局。入选项目应于每季度末将建设进展报送至市数据局。
"""
    submission = _profile(text).submission
    emails = [s.detail for s in submission if s.channel == "email"]
    assert emails == ["sb@sj.gov.cn", "wang@sj.gov.cn"]
    others = [s.citation.quote for s in submission if s.channel == "other"]
    assert any("择优报送至市数据局" in q for q in others) and not any("进展" in q for q in others)


def test_template_limits_stated_in_notes_and_prompts_go_to_their_section():
    text = HEAD + "一、申报要求\n申报单位应在某市注册。\n附件：试点申报书\n\n附件\n试点申报书\n" + (
        "填写说明：项目概况不超过500字，建设方案不超过3000字。\n一、项目概况\n二、建设方案\n三、运营机制\n"
        "请说明运营主体、运营规则（字数不超过1500字）。\n四、预期成效\n"
    )
    sections = {s.title: s.limit for s in _profile(text).sections}
    assert sections == {"项目概况": 500, "建设方案": 3000, "运营机制": 1500, "预期成效": None}


def test_listed_documents_followed_by_a_note():
    text = HEAD + """四、申报材料
1.项目申报书（必须提供）；
2.近三年财务审计报告，须由会计师事务所出具；
3.知识产权证明材料，如有请提供；
4.获奖证书，可提供；
5.申报材料须真实有效，不得弄虚作假；
●数据资源目录
"""
    materials = {m.title: m.required for m in _profile(text).materials}
    assert materials == {"项目申报书": True, "近三年财务审计报告": True, "知识产权证明材料": None, "获奖证书": False, "数据资源目录": True}


def test_dates_that_do_not_close_the_application():
    text = HEAD + """一、申报条件
申报单位成立时间须在2024年1月1日前。
二、时间安排
申报单位请于2026年5月10日前完成系统注册并在线填报。各区数据局于5月20日前完成审核推荐。市数据局将于6月30日前组织专家评审。试点项目须于2027年12月31日前完成建设并通过验收。
"""
    assert [(d.date, d.who) for d in _profile(text).deadlines] == [("2026-05-10", "applicant"), ("2026-05-20", "recommender")]


def test_quota_wordings():
    text = HEAD + "一、申报要求\n每家单位最多可申报2个项目。各区推荐数量控制在5个以内。篇幅控制在3000字以内。单个项目支持金额控制在200万元以内。\n"
    assert [(q.kind, q.value) for q in _profile(text).quotas] == [("projects_per_applicant", 2), ("projects_per_recommender", 5)]


def test_conditions_before_a_sanction_and_in_the_preamble_are_kept():
    text = HEAD.replace("现组织开展", "经市政府同意，现面向在某市注册的企业组织开展") + """一、申报条件
已获得市级财政资金支持的项目不得重复申报，否则取消申报资格。
"""
    items = _profile(text).eligibility
    assert [e.kind for e in items] == ["registration_place", "exclusion"]
    assert items[1].citation.quote == "已获得市级财政资金支持的项目不得重复申报"


def test_registration_in_this_city_means_the_issuers_place():
    meta = DocumentMeta("s-2026", "通知", "suzhou", "苏州市", issued_on="2026-03-01")
    text = HEAD + "一、申报条件\n（一）申报单位须在本市注册，具有独立法人资格。\n"
    profile = extract_profile("suzhou", "苏州市", [(meta, SourceText(text))], dt.date(2026, 3, 2))
    assert next(e for e in profile.eligibility if e.kind == "registration_place").params["place"] == "苏州"


def test_preamble_policy_and_recommender_quotas_are_not_conditions():
    text = HEAD.replace("现组织开展", "经市政府同意，现组织开展") + """一、工作目标
建立守信激励和失信惩戒机制，推动数据要素流通。
二、申报条件
（一）申报单位应在某市注册，信用状况良好。
（二）每个推荐单位最多报送1个项目。
（三）由市数据局择优推荐至国家数据局。
"""
    items = _profile(text).eligibility
    assert {e.kind for e in items} >= {"registration_place", "credit"}
    assert not [e for e in items if e.kind in ("consent", "one_project", "recommendation")]
    assert not any("惩戒" in e.text for e in items)


def test_attachments_numbered_in_chinese_open_a_template():
    text = HEAD + "一、申报要求\n申报单位应在某市注册。\n附件：1.项目建设方案编制提纲\n\n附件一\n项目建设方案编制提纲\n一、项目概况\n二、建设内容\n"
    sections = _profile(text).sections
    assert [(s.title, s.limit) for s in sections] == [("项目概况", None), ("建设内容", None)]
    assert all(s.citation.section.startswith("附件一") for s in sections)


# --- the same notice in every format the product reads ----------------------------------------

_TASK_ROWS = [["序号", "任务名称", "任务属性"], ["1", "身份认证体系", "必选"], ["2", "数据产品开发", "可选"]]
_MATERIAL_ROWS = [["序号", "材料名称", "是否必须"], ["1", "营业执照", "是"], ["2", "获奖证书", "否"]]
_EXPECTED_TASKS = [("身份认证体系", True), ("数据产品开发", False)]
_EXPECTED_MATERIALS = {"营业执照": True, "获奖证书": False}


def _file_profile(path) -> Profile:
    from rag.loaders import load_file
    from rag.settings import Settings

    meta = DocumentMeta("f-2026", "通知", "f", "某地", issued_on="2026-03-01", path=str(path))
    return extract_profile("f", "某地", [(meta, load_file(path, Settings()))], dt.date(2026, 3, 2))


def _check_tables(profile: Profile) -> None:
    assert [(t.title, t.mandatory) for t in profile.tasks] == _EXPECTED_TASKS
    assert {m.title: m.required for m in profile.materials} == _EXPECTED_MATERIALS
    assert all(t.citation.quote for t in profile.tasks)


def test_docx_table_rows_are_read_back(tmp_path):
    from filemakers import make_docx

    path = make_docx(tmp_path / "n.docx", [
        ("para", HEAD.strip()), ("heading1", "一、建设任务"), ("table", _TASK_ROWS),
        ("heading1", "二、申报材料"), ("table", _MATERIAL_ROWS),
    ])
    _check_tables(_file_profile(path))


def test_html_tables_keep_their_cells(tmp_path):
    def table(rows):
        return "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"

    html = f"<html><body><p>{HEAD.strip()}</p><h2>一、建设任务</h2>{table(_TASK_ROWS)}<h2>二、申报材料</h2>{table(_MATERIAL_ROWS)}</body></html>"
    path = tmp_path / "n.html"
    path.write_text(html, encoding="utf-8")
    _check_tables(_file_profile(path))


def test_markdown_headings_and_pipe_tables(tmp_path):
    def table(rows):
        return "\n".join(["| " + " | ".join(rows[0]) + " |", "|---|---|---|"] + ["| " + " | ".join(r) + " |" for r in rows[1:]])

    text = f"{HEAD}## 一、建设任务\n\n{table(_TASK_ROWS)}\n\n## 二、申报材料\n\n{table(_MATERIAL_ROWS)}\n\n## 三、申报条件\n\n申报单位应在**某市**注册。\n"
    path = tmp_path / "n.md"
    path.write_text(text, encoding="utf-8")
    profile = _file_profile(path)
    _check_tables(profile)
    assert any(e.kind == "registration_place" for e in profile.eligibility)


def test_pdf_tables_with_cells_parted_by_spaces():
    text = HEAD + (
        "一、建设任务\n序号  任务名称  任务属性  主要内容\n1  身份认证体系  必选  部署连接器、身份认证等核心组件，支撑多主\n体可信接入。\n"
        "2  数据产品开发  可选  开发数据产品\n二、申报材料\n序号  材料名称  是否必须\n1  营业执照  是\n2  获奖证书  否\n"
        "三、报送\n（三）各区（县、市）数据主管部门请于2026年5月16日前将推荐汇总表（附件2）\n报送市数据局。\n"
    )
    profile = _profile(text)
    _check_tables(profile)
    assert any("报送市数据局" in s.citation.quote for s in profile.submission)  # a line wrapped after （附件2）


def test_a_styled_heading_that_reads_as_a_clause_stays_a_clause(tmp_path):
    from filemakers import make_docx

    path = make_docx(tmp_path / "c.docx", [
        ("para", HEAD.strip()), ("heading1", "一、申报条件"),
        ("heading2", "（一）近三年财务状况良好，资产负债率不高于70%；"),
    ])
    texts = [e.text for e in _file_profile(path).eligibility]
    assert any("资产负债率不高于70%" in t for t in texts)


def _profile_of(*texts: str) -> Profile:
    docs = [(DocumentMeta(f"t-{i}", "文件", "t", "某地", issued_on="2026-03-01"), SourceText(t)) for i, t in enumerate(texts)]
    return extract_profile("t", "某地", docs, dt.date(2026, 3, 2))


def test_a_form_filed_as_its_own_document_is_read_as_a_template():
    notice = HEAD + "一、申报条件\n申报单位应在某市注册。\n二、报送\n申报书须逐页加盖单位公章，于2026年5月10日前报送至市数据局。\n"
    form = (
        "某市可信数据空间试点项目申报书\n\n一、申报主体基本情况\n介绍申报主体的基本情况、主营业务和数据资源。\n二、建设方案\n"
        "申报单位（盖章）：\n附件2\n信用承诺书\n本单位近三年未发生重大数据安全事件。\n承诺单位（公章）：\n"
    )
    profile = _profile_of(notice, form)
    assert [(s.title, s.limit) for s in profile.sections] == [("申报主体基本情况", None), ("建设方案", None)]
    # the template's heading 申报主体… states no condition; its 承诺书 does
    assert [e.kind for e in profile.eligibility] == ["registration_place", "exclusion"]
    # the notice states the seal rule: the form's signature lines are not listed besides it
    assert [s.detail for s in profile.submission if s.channel == "seal"] == ["申报书须逐页加盖单位公章,于2026年5月10日前报送至市数据局"]


def test_an_address_wrapped_after_a_colon_joins_its_line():
    text = HEAD + "五、联系方式\n联系人：市数据局数据资源处陈工，电话：0000-12345678，邮箱：\nchen@sj.gov.cn。\n"
    assert _profile(text).submission == []


def test_word_automatic_numbering_is_written_as_shown(tmp_path):
    import docx
    from docx.oxml import parse_xml

    from rag.loaders import load_file
    from rag.settings import Settings

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>' \
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%2）"/></w:lvl>'
    numbering.insert(0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="101"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, level: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="101"/></w:numPr>'))

    document.add_paragraph(HEAD.strip())
    numbered("建设任务", 0)
    numbered("搭建接入设施（必选）。部署连接器。", 1)
    numbered("参与标准制定（可选）。研制标准。", 1)
    numbered("申报材料", 0)
    document.add_paragraph("营业执照", style="List Bullet")
    document.add_paragraph("审计报告", style="List Bullet")
    path = tmp_path / "auto.docx"
    document.save(path)
    text = load_file(path, Settings()).text
    assert "一、建设任务" in text and "（2）参与标准制定" in text and "二、申报材料" in text and "●营业执照" in text
    profile = _file_profile(path)
    assert [(t.title, t.mandatory) for t in profile.tasks] == [("搭建接入设施", True), ("参与标准制定", False)]
    assert {m.title: m.required for m in profile.materials} == {"营业执照": True, "审计报告": True}


def test_html_lists_and_markdown_bullets_keep_their_items(tmp_path):
    html = (f"<html><body><p>{HEAD.strip()}</p><h2>一、重点任务</h2><ol><li>建设接入设施。部署连接器。</li>"
            "<li>汇聚数据资源。形成目录。</li></ol><h2>二、申报材料</h2><ul><li>营业执照</li><li>审计报告</li></ul></body></html>")
    (tmp_path / "n.html").write_text(html, encoding="utf-8")
    md = HEAD + "## 一、重点任务\n\n1. 建设接入设施。部署连接器。\n2. 汇聚数据资源。形成目录。\n\n## 二、申报材料\n\n- 营业执照\n- 审计报告\n"
    (tmp_path / "n.md").write_text(md, encoding="utf-8")
    for name in ("n.html", "n.md"):
        profile = _file_profile(tmp_path / name)
        assert [t.title for t in profile.tasks] == ["建设接入设施", "汇聚数据资源"], name
        assert {m.title: m.required for m in profile.materials} == {"营业执照": True, "审计报告": True}, name


def test_a_major_numbering_scheme_seen_late_still_ranks_above_minor_ones():
    from rag.structure import parse_lines

    text = ("第一章 支持重点\n第三条 重点支持以下内容，申报项目应逐项说明拟开展的工作：\n1.可信接入。\n2.使用控制。\n"
            "第二章 申报材料\n第九条 必备材料\n1.申请报告；\n第十条 选报材料\n1.专利证明；\n2.荣誉证明。\n")
    lines = {ln.norm: ln for ln in parse_lines(SourceText(text))}
    assert lines["2.荣誉证明。"].path == ("第二章申报材料", "第十条选报材料", "2.荣誉证明")
    materials = {m.title: m.required for m in _profile(HEAD + text).materials}
    assert materials["荣誉证明"] is False and materials["申请报告"] is True


def test_sections_from_a_table_of_parts_and_from_an_announced_outline():
    table = HEAD + "四、申报书编写要求\n申报书各部分字数要求如下：\n序号\t章节\t字数要求\n1\t项目概况\t500\n2\t建设方案\t不超过3000字\n3\t运营模式\t\n"
    assert [(s.title, s.limit) for s in _profile(table).sections] == [("项目概况", 500), ("建设方案", 3000), ("运营模式", None)]
    outline = HEAD + "四、申报书编写要求\n申报书应包括以下内容：\n（一）项目概况\n（二）建设方案\n五、报送\n请于2026年5月1日前报送。\n"
    assert [(s.title, s.limit) for s in _profile(outline).sections] == [("项目概况", None), ("建设方案", None)]
    # sibling clauses of other sections are no outline
    other = HEAD + "一、工作要求\n（一）加强组织\n（二）严格审核\n"
    assert _profile(other).sections == []


def test_a_date_a_condition_is_measured_at_is_no_deadline():
    text = HEAD + "一、申报条件\n截至2025年12月31日，申报单位已累计投资不低于500万元。\n二、时间\n申报截至2026年5月10日。\n"
    assert [d.date for d in _profile(text).deadlines] == ["2026-05-10"]


def test_attachments_listed_on_one_line_and_more_form_names():
    text = HEAD + "一、申报\n请按要求申报。\n附件：1.某市试点项目申报书（格式）；2.信用承诺函\n"
    assert {m.title: m.required for m in _profile(text).materials} == {"某市试点项目申报书": True, "信用承诺函": True}


def test_text_tables_aligned_by_spaces_without_a_number_column():
    text = HEAD + "一、建设任务\n任务名称  任务属性\n身份认证体系  必选\n数据产品开发  可选\n二、申报材料\n材料名称  是否必须\n营业执照  是\n获奖证书  否\n"
    _check_tables(_profile(text))


def test_a_table_cell_wrapped_over_two_lines_stays_one_prompt():
    text = HEAD + "一、申报要求\n申报单位应在某市注册。\n附件：试点申报书\n\n附件\n试点申报书\n" + (
        "10.数据加工能力\n\t请介绍空间具备的数据加工能力，包括数据清洗、脱敏、分级等预处理能力，以及注册上架、检索和\n"
        " \t高效流通能力等。（300 字以内）\n"
    )
    section = next(s for s in _profile(text).sections if s.limit == 300)
    assert section.title == "数据加工能力" and section.guidance.startswith("请介绍空间具备的数据加工能力")


SUBMIT_NOTICE = """某市数据局关于征集试点项目的通知

各有关单位：现将试点项目征集工作有关事项通知如下，请认真组织。

一、申报方式
（一）申报单位登录某市数据平台（https://sj.example.gov.cn），注册账号后在线填报申报书并上传附件材料。
（二）网上申报完成后，纸质材料：申报书及附件打印一式两份，逐页加盖单位公章，报送所在区数据主管部门。纸质材料应与系统上传材料一致。
（三）联合申报的，由牵头单位负责系统填报和材料提交。
附件：某市试点项目申报书

附件

某市试点项目申报书
第一部分 单位概况
第二部分 推荐单位意见
推荐单位对申报材料的真实性出具意见，并加盖公章。
"""


def test_paper_copies_said_after_a_paper_label():
    # 纸质材料：…打印一式两份 states the copies, though 纸质材料 comes first
    paper = [s for s in _profile(SUBMIT_NOTICE).submission if s.channel == "paper"]
    assert paper and paper[0].detail == "纸质版2份"
    # a bare mention of paper is still no rule
    assert not [s for s in _profile(SUBMIT_NOTICE.replace("打印一式两份", "")).submission if s.channel == "paper"]


def test_online_channel_stated_once_by_its_address():
    online = [s for s in _profile(SUBMIT_NOTICE).submission if s.channel == "online"]
    # 注册账号后在线填报 repeats the address's channel; 网上申报完成后 is the next step;
    # 由牵头单位负责系统填报 says who files, not how
    assert [s.detail for s in online] == ["https://sj.example.gov.cn"]
    text = SUBMIT_NOTICE.replace("（https://sj.example.gov.cn）", "")
    assert [s.channel for s in _profile(text).submission].count("online") == 1


def test_consistency_of_paper_and_online_is_a_formality():
    other = [s.citation.quote for s in _profile(SUBMIT_NOTICE).submission if s.channel == "other"]
    assert "纸质材料应与系统上传材料一致" in other
    assert "报送所在区数据主管部门" in other  # where the paper goes
    assert not [s for s in _profile(SUBMIT_NOTICE).submission if s.channel == "online" and "一致" in s.citation.quote]


def test_recommenders_seal_in_the_form_is_not_the_applicants():
    seals = [s.citation.quote for s in _profile(SUBMIT_NOTICE).submission if s.channel == "seal"]
    assert seals and not [q for q in seals if "推荐单位" in q]
    # the same sentence in the notice body is a rule
    body = SUBMIT_NOTICE.replace("（三）联合申报的", "（四）推荐单位对申报材料的真实性出具意见，并加盖公章。\n（三）联合申报的")
    assert [q for q in (s.citation.quote for s in _profile(body).submission if s.channel == "seal") if "推荐单位" in q]


MATERIAL_NOTICE = """某省数据局关于组织申报试点项目的通知

各有关单位：现将试点项目申报工作有关事项通知如下，请认真组织。

一、申报材料
（一）应当提交的材料：1.试点申报书；2.营业执照复印件；3.财务审计报告。
（二）自愿提交的材料：数据产品登记证书、相关专利或软件著作权等佐证材料。
（三）以联合体形式申报的，还须提供联合申报协议；园区类项目还须提供区政府（管委会）同意函。
二、项目材料
材料包括以下内容，其中第1至2项为必备材料，第3项为选报材料：
1.项目备案文件；
2.信用承诺书；
3.获奖证明材料。
"""


def test_documents_listed_on_the_line_of_their_lead_in():
    materials = {m.title: m.required for m in _profile(MATERIAL_NOTICE).materials}
    assert materials["试点申报书"] is True and materials["营业执照复印件"] is True and materials["财务审计报告"] is True
    assert materials["数据产品登记证书"] is False and materials["专利或软件著作权"] is False
    assert not [t for t in materials if t.startswith("的")]  # 应当提交的材料 is the lead-in, no document
    # a lead-in that is no material list (联系方式：…) names nothing
    text = MATERIAL_NOTICE.replace("（二）自愿提交的材料：", "（二）联系方式：")
    assert "数据产品登记证书" not in {m.title for m in _profile(text).materials}


def test_demand_on_one_kind_of_project_is_conditional():
    materials = {m.title: m.required for m in _profile(MATERIAL_NOTICE).materials}
    assert materials["联合申报协议"] is None
    assert materials["区政府同意函"] is None
    # the applicant's own demand stays required
    text = MATERIAL_NOTICE.replace("园区类项目还须提供", "申报单位还须提供")
    assert {m.title: m.required for m in _profile(text).materials}["区政府同意函"] is True


def test_item_ranges_of_a_material_list():
    materials = {m.title: m.required for m in _profile(MATERIAL_NOTICE).materials}
    assert materials["项目备案文件"] is True and materials["信用承诺书"] is True
    assert materials["获奖证明材料"] is False
    text = MATERIAL_NOTICE.replace("，其中第1至2项为必备材料，第3项为选报材料", "")
    assert {m.title: m.required for m in _profile(text).materials}["获奖证明材料"] is True


def test_a_date_a_condition_starts_from_is_no_deadline():
    text = "某市数据局关于申报试点项目的通知\n\n一、申报条件\n（一）项目于2025年1月1日以后开工建设。\n二、时间安排\n申报单位于2026年4月20日前完成网上申报。\n"
    assert [d.date for d in _profile(text).deadlines] == ["2026-04-20"]
    # 于…日前 is still a deadline
    assert "2025-01-01" in [d.date for d in _profile(text.replace("以后开工建设", "前提交申报材料")).deadlines]


RULES_ATTACHMENT_NOTICE = (
    "某省工业和信息化厅关于印发《2026年度某省数据产业专项资金申报指南》的通知\n\n"
    "各市州工业和信息化局：现将《2026年度某省数据产业专项资金申报指南》印发给你们，请认真组织申报。\n\n"
    "附件：1.2026年度某省数据产业专项资金申报指南\n2.项目申报书编写提纲\n\n某省工业和信息化厅\n2026年3月1日\n\n"
    "附件1\n\n2026年度某省数据产业专项资金申报指南\n\n第一章　申报条件\n\n"
    "第一条　申报单位应当具有独立法人资格。\n\n第二章　申报程序\n\n"
    "第二条　网上填报。申报单位应于2026年4月30日前完成网上填报。\n\n"
    "附件2\n\n项目申报书编写提纲\n\n一、项目摘要（限300字）\n\n二、建设方案（不超过2000字）\n"
)


def test_attachment_that_is_the_published_guide_reads_as_body():
    profile = _profile(RULES_ATTACHMENT_NOTICE)
    assert [(d.date, d.who) for d in profile.deadlines] == [("2026-04-30", "applicant")]
    assert profile.status.window == "open"
    assert any("独立法人资格" in e.citation.quote for e in profile.eligibility)
    # the guide's chapters are no template sections; the outline of 附件2 still is
    assert [(s.title, s.limit) for s in profile.sections] == [("项目摘要", 300), ("建设方案", 2000)]


def test_template_attachment_is_not_taken_for_rules():
    from rag.structure import is_rules_title

    assert is_rules_title("2026年度某省数据产业专项资金申报指南")
    assert is_rules_title("某市数据要素项目管理办法")
    assert not is_rules_title("项目申报书编写提纲")
    assert not is_rules_title("某市可信数据空间试点项目申报书")
    assert not is_rules_title("1.2026年度某省数据产业专项资金申报指南")  # an item of the list of attachments
    assert not is_rules_title("请按照申报指南的要求，认真组织申报")
    # 附件1 followed by a template keeps the template part: its chapters stay sections
    text = RULES_ATTACHMENT_NOTICE.replace("附件1\n\n2026年度某省数据产业专项资金申报指南", "附件1\n\n某省项目申报书")
    assert not _profile(text).deadlines


def test_outline_table_with_limits_in_its_requirement_cells():
    text = (
        "某市数据局关于开展可信数据空间试点申报的通知\n\n各有关单位：现将申报工作有关事项通知如下，请认真组织申报工作。\n\n"
        "附件1 某市可信数据空间试点项目申报书\n\n编写说明：申报书正文按下表栏目编写。\n\n"
        + _cells(["栏目", "编写要求"], ["项目摘要", "限200字，概述建设目标"], ["建设方案", "不超过三千字"], ["进度安排", "按季度列明节点"])
    )
    assert [(s.title, s.limit) for s in _profile(text).sections] == [("项目摘要", 200), ("建设方案", 3000), ("进度安排", None)]
    # a task table with a 建设要求 column and no 字数 in it is no outline
    tasks = text.replace("限200字，概述建设目标", "部署连接器").replace("不超过三千字", "实现使用控制")
    assert not _profile(tasks).sections


def test_limit_in_a_header_cell_of_a_summary_table():
    text = (
        "某市数据局关于开展可信数据空间试点申报的通知\n\n各有关单位：现将申报工作有关事项通知如下，请认真组织申报工作。\n\n"
        "附件2\n\n推荐项目汇总表\n\n序号 | 项目名称 | 申报单位 | 项目简述（100字以内） | 排序\n1 |  |  |  | \n"
    )
    sections = _profile(text).sections
    assert [(s.title, s.limit) for s in sections] == [("项目简述", 100)]
    assert sections[0].citation.quote == "项目简述（100字以内）"


def test_voluntary_provision_is_optional():
    assert flag_of("自愿提供") is False and flag_of("自愿") is False
    assert flag_of("必须提供") is True
    assert flag_of("联合申报的提供") is None


def test_a_limit_in_a_parts_table_row_belongs_to_the_row_name_only():
    rows = "| 部分 | 编写要点 | 字数要求 |\n|---|---|---|\n| 一、项目概述 | 项目名称、建设目标、主要内容 | 不超过500字 |\n| 二、建设方案 | 总体架构、技术路线 | 1500字以内 |\n"
    text = HEAD + "一、申报要求\n申报单位应在某市注册。\n附件：试点申报书\n\n附件\n试点申报书\n" + rows
    assert [(s.title, s.limit) for s in _profile(text).sections] == [("项目概述", 500), ("建设方案", 1500)]
    # a limit on a prompt outside any 字数 table is still its field's
    field = HEAD + "一、申报要求\n申报单位应在某市注册。\n附件：试点申报书\n\n附件\n试点申报书\n项目简介（不超过150字）\n"
    assert [(s.title, s.limit) for s in _profile(field).sections] == [("项目简介", 150)]


def test_a_limit_on_the_whole_part_goes_to_the_part_heading():
    form = "附件\n试点申报书\n一、项目摘要（限500字）\n二、建设方案\n（一）总体架构。说明技术路线。\n（二）建设任务。说明建设方式。\n{note}\n三、运营模式（限1000字）\n"
    text = HEAD + "一、申报要求\n申报单位应在某市注册。\n附件：试点申报书\n\n" + form.format(note="本部分不超过2000字。")
    assert [(s.title, s.limit) for s in _profile(text).sections] == [("项目摘要", 500), ("建设方案", 2000), ("运营模式", 1000)]
    # a limit named for a field is no limit on the part
    named = HEAD + "一、申报要求\n申报单位应在某市注册。\n附件：试点申报书\n\n" + form.format(note="项目简介（200字以内）")
    sections = {s.title: s.limit for s in _profile(named).sections}
    assert sections["建设方案"] is None and sections["项目简介"] == 200


def test_which_copy_prevails_on_a_discrepancy_is_no_submission_step():
    text = HEAD + "三、报送方式\n申报书纸质版一式三份，加盖申报单位公章。纸质材料与平台填报内容不一致的，以平台填报内容为准。\n"
    quotes = [s.citation.quote for s in _profile(text).submission]
    assert not any("不一致" in q or "为准" in q for q in quotes)
    assert any(s.channel == "paper" for s in _profile(text).submission)
    # a demand that the copies agree is still stated
    agree = HEAD + "三、报送方式\n申报单位登录某市数据平台（https://sj.example.gov.cn）在线填报，纸质材料与网上填报内容须保持一致。\n"
    assert any("一致" in s.citation.quote for s in _profile(agree).submission)


def test_group_headings_of_a_material_list_are_not_materials():
    text = HEAD + "七、申报材料\n（一）必备材料\n1.项目申报书；\n2.营业执照复印件。\n（二）选报材料\n1.知识产权证明。\n八、评审\n专家评审。\n"
    materials = {m.title: m.required for m in _profile(text).materials}
    assert "必备材料" not in materials and "选报材料" not in materials
    assert materials["营业执照复印件"] is True and materials["知识产权证明"] is False
    # a bare heading naming a document with nothing under it is still a document
    single = HEAD + "七、申报材料\n（一）项目申报书\n（二）审计报告\n八、评审\n专家评审。\n"
    assert {"项目申报书", "审计报告"} <= {m.title for m in _profile(single).materials}


def test_pdf_table_with_every_cell_on_its_own_line():
    from rag.structure import parse_lines
    from rag.tables import read_tables

    text = (
        "附件1\n申报书\n填报说明：按下表编写。\n序号\n章节\n主要内容\n篇幅要求\n"
        "1\n项目摘要\n目标和主要内容\n不超过300字\n"
        "2\n建设方案\n建设内容、技术架构、\n进度安排\n不超过3000字\n"
        "3\n投资估算\n总投资和使用计划\n不限\n"
        "附件2\n承诺书\n"
    )
    tables = read_tables(text, parse_lines(SourceText(text)))
    assert [[c.text for c in row] for row in tables[0].rows] == [
        ["序号", "章节", "主要内容", "篇幅要求"],
        ["1", "项目摘要", "目标和主要内容", "不超过300字"],
        ["2", "建设方案", "建设内容、技术架构、进度安排", "不超过3000字"],
        ["3", "投资估算", "总投资和使用计划", "不限"],
    ]
    profile = _profile("某省数据局关于开展试点申报的通知\n各有关单位：现通知如下。\n" + text)
    assert {(s.title, s.limit) for s in profile.sections} >= {("项目摘要", 300), ("建设方案", 3000), ("投资估算", None)}
    # negative: a lone 序号 line with no numbered row under it, or rows of the wrong width, is no table
    for bad in ("序号\n项目名称\n申报单位\n附件3\n", "序号\n章节\n篇幅要求\n1\n项目摘要\n"):
        assert read_tables(bad, parse_lines(SourceText(bad))) == []


def test_routing_and_upload_steps_beside_paper_and_an_address():
    text = (
        "某省数据局关于开展试点申报的通知\n各有关单位：现通知如下。\n一、申报方式\n"
        "申报单位登录某省数据平台（https://sj.example.gov.cn），在线填报并上传申报书盖章扫描件。\n"
        "纸质材料一式两份，封面加盖申报单位公章，报所在市数据局。\n"
        "各市数据局于2026年5月10日前将推荐汇总表及纸质材料报送省数据局数据处。\n"
    )
    submission = _profile(text).submission
    other = [s.citation.quote for s in submission if s.channel == "other"]
    assert any("上传申报书盖章扫描件" in q for q in other)
    assert any(q.startswith("报所在市数据局") for q in other)
    assert any("将推荐汇总表及纸质材料报送省数据局数据处" in q for q in other)
    assert [s.channel for s in submission].count("online") == 1
    assert [s.detail for s in submission if s.channel == "paper"] == ["纸质版2份"]
    # negative: 申报所在 is no routing step, and a bare paper mention without a destination stays paper
    quiet = _profile("某市通知\n一、要求\n申报所在地应具备基础条件。\n须同时报送纸质材料。\n").submission
    assert not [s for s in quiet if s.channel == "other"]
    assert [s.channel for s in quiet] == ["paper"]


def test_label_lines_part_a_flat_task_list():
    text = (
        "某省数据局关于开展试点申报的通知\n各有关单位：现通知如下。\n二、建设任务\n"
        "试点项目应完成以下全部基础任务，并结合自身条件至少选择一项拓展任务。\n基础任务：\n"
        "（一）部署接入设施。部署连接器。\n（二）编制资源目录。按规范编制。\n拓展任务：\n"
        "（三）开展跨境流通。探索跨境服务。\n（四）推进挂牌交易。推动登记。\n三、申报条件\n（一）独立法人。\n"
    )
    assert [(t.title, t.mandatory) for t in _profile(text).tasks] == [
        ("部署接入设施", True), ("编制资源目录", True), ("开展跨境流通", False), ("推进挂牌交易", False)
    ]
    # negative: without label lines the lead-in's 完成全部 still flags every item, and a
    # sentence ending in 任务 inside an item's body is no label
    flat = text.replace("基础任务：\n", "").replace("拓展任务：\n", "").replace("，并结合自身条件至少选择一项拓展任务", "")
    assert {t.mandatory for t in _profile(flat).tasks} == {True}


def test_voluntary_items_and_the_recommenders_letter():
    text = (
        "某市数据局关于开展项目征集的通知\n各有关单位：现通知如下。\n三、申报材料\n申报单位应提交以下材料：\n"
        "1.项目申报书；\n2.营业执照复印件；\n3.获奖证书等其他佐证材料（自愿提供）。\n"
        "推荐单位另需提供推荐文件和推荐项目汇总表。\n申报单位须提供推荐函。\n"
    )
    materials = {m.title: m.required for m in _profile(text).materials}
    assert materials.get("获奖证书等其他佐证材料") is False
    assert any("汇总表" in t and r is True for t, r in materials.items())
    assert "推荐文件" not in materials
    # negative: the applicant's own demand for a letter stays a material
    assert materials.get("推荐函") is True


RUN_IN_TASKS = """某省数据局关于组织申报试点项目的通知

各市数据局：为推进可信数据空间建设，现组织申报试点项目，有关事项通知如下。

二、试点方向与建设任务

（一）试点方向。本年度试点设企业、行业和城市三个方向，每个项目只能选择一个方向申报。

（二）建设任务。试点项目应围绕以下任务开展建设，标注“必建”的任务须全部完成。

1.可信接入与身份管理（必建）。部署连接器，建立身份认证机制。

2.数据产品开发与交易（选建）。开展数据产品登记和交易。

三、申报条件

（一）工作目标。到2027年培育试点20个。

1.申报单位须在某省内依法注册（必须）。

2.申报单位运营状况良好。
"""


def test_run_in_heading_naming_tasks_opens_the_task_list():
    profile = _profile(RUN_IN_TASKS)
    assert [(t.title, t.mandatory) for t in profile.tasks] == [("可信接入与身份管理", True), ("数据产品开发与交易", False)]
    # negative: a run-in heading that does not name tasks opens no list
    text = RUN_IN_TASKS.replace("（二）建设任务。", "（二）工作安排。")
    assert not any("申报单位" in t.title for t in _profile(text).tasks)
    assert not any(t.title in ("试点方向", "建设任务") for t in profile.tasks)


LABELLED_INLINE_OUTLINE = """某省数据局关于组织申报试点项目的通知

各市数据局：为推进可信数据空间建设，现组织申报试点项目，有关事项通知如下。

一、申报书编制要求

申报书按照附件1格式编写。申报书主要包括以下内容：（一）项目摘要（不超过500字）；（二）建设方案（不超过4000字），包括建设任务、技术架构和实施计划；（三）投资估算及资金筹措；（四）预期成效（不超过一千字）。超出部分不予评审。

二、申报材料

申报材料包括以下内容：（一）营业执照复印件；（二）财务审计报告（近三年）。

附件1

推荐项目汇总表

序号 | 项目名称 | 申报单位
"""


def test_labelled_inline_outline_split_at_its_labels():
    profile = _profile(LABELLED_INLINE_OUTLINE)
    assert [(s.title, s.limit) for s in profile.sections] == [
        ("项目摘要", 500), ("建设方案", 4000), ("投资估算及资金筹措", None), ("预期成效", 1000)]
    # negative: a labelled list without limits (materials) is no outline
    assert not any("营业执照" in s.title for s in profile.sections)
    # negative: one limit alone does not make an outline
    one = LABELLED_INLINE_OUTLINE.replace("（不超过4000字）", "").replace("（不超过一千字）", "")
    assert not any(s.title == "投资估算及资金筹措" for s in _profile(one).sections)


def test_a_system_opening_date_is_no_deadline():
    text = (
        "某省数据局关于组织申报试点项目的通知\n\n各市数据局：现组织申报试点项目，有关事项通知如下。\n\n"
        "一、网上申报\n\n申报单位登录平台在线填报。申报系统于2026年3月10日开放，截止时间为2026年4月28日17:00前，逾期系统自动关闭。\n\n"
        "二、审核推荐\n\n推荐单位于2026年5月8日前将推荐意见报送至省数据局。\n"
    )
    dates = [(d.date, d.who) for d in _profile(text).deadlines]
    assert ("2026-03-10", "applicant") not in dates
    # negative: the limits themselves stay
    assert ("2026-04-28", "applicant") in dates and ("2026-05-08", "recommender") in dates


def test_routing_alongside_online_filing_and_recommenders_summary_table():
    text = (
        "某省数据局关于组织申报试点项目的通知\n\n各市数据局：现组织申报试点项目，有关事项通知如下。\n\n"
        "一、申报方式\n\n（一）网上申报。申报单位登录某省数据平台（https://sj.example.gov.cn）在线填报。\n\n"
        "（二）纸质材料。申报材料纸质版一式三份，与网上申报同步报送所在市数据局。\n\n"
        "（三）审核推荐。各市数据局于2026年5月8日前将推荐项目汇总表及纸质材料报送省数据局数据资源处。\n\n"
        "（四）省数据局将推荐项目报送国家数据局。\n"
    )
    subs = [(s.channel, s.citation.quote) for s in _profile(text).submission]
    assert any(c == "other" and "与网上申报同步报送所在市数据局" in q for c, q in subs)
    assert not any(c == "online" and "同步报送" in q for c, q in subs)
    assert any(c == "other" and "将推荐项目汇总表及纸质材料报送省数据局数据资源处" in q for c, q in subs)
    # negative: the bureau's own onward step stays out
    assert not any("国家数据局" in q for _, q in subs)


def test_one_project_as_lead_applicant():
    text = (
        "某省数据局关于组织申报试点项目的通知\n\n各市数据局：现组织申报试点项目，有关事项通知如下。\n\n"
        "一、申报条件\n\n（一）申报单位须在某省内依法注册。\n\n（二）每家单位限牵头申报1个项目。\n\n"
        "二、其他\n\n（一）试点建设期限为2年。\n"
    )
    kinds = {e.citation.quote.rstrip("。"): e.kind for e in _profile(text).eligibility}
    assert kinds.get("每家单位限牵头申报1个项目") == "one_project"
    # negative: a period of the pilot is no condition on projects
    assert not any("建设期限" in q for q in kinds)


def test_a_mailed_destination_does_not_make_the_deadline_the_recommenders():
    text = (
        "某省数据局关于组织申报试点项目的通知\n\n各市数据局：现组织申报试点项目，有关事项通知如下。\n\n"
        "一、纸质材料\n\n申报书纸质版一式三份。纸质材料请通过EMS邮寄至某省数据局数据资源处（某市某路1号），请于2026年4月5日前寄出，以邮戳时间为准。\n\n"
        "二、推荐\n\n各市数据局于2026年4月10日前在平台完成推荐操作。\n"
    )
    dates = [(d.date, d.who) for d in _profile(text).deadlines]
    assert ("2026-04-05", "applicant") in dates and ("2026-04-05", "recommender") not in dates
    # negative: the recommending bureau's own date still binds the recommender
    assert ("2026-04-10", "recommender") in dates


def test_choosing_one_of_the_items_named_before_flags_them_optional():
    text = (
        "某市通知\n\n一、建设任务\n\n试点项目应围绕以下任务开展建设，其中第1—2项为必选，第3—4项任选其一：\n"
        "1.可信接入与身份认证。部署连接器。\n2.数据资源目录。编制目录。\n3.公共数据融合开发。开发产品。\n4.产业链数据协同。打通上下游。\n"
    )
    flags = [(t.title, t.mandatory) for t in _profile(text).tasks]
    assert flags == [("可信接入与身份认证", True), ("数据资源目录", True), ("公共数据融合开发", False), ("产业链数据协同", False)]


def test_choosing_a_direction_to_apply_under_is_no_task_list():
    text = (
        "某省通知\n\n一、总体要求\n\n（一）支持方向\n\n本次试点分为企业、行业两个方向。申报单位可结合自身基础选择一个方向申报。\n\n"
        "1.企业可信数据空间。支持龙头企业打通数据。\n\n2.行业可信数据空间。支持行业组织建设空间。\n\n"
        "二、申报条件\n\n申报单位须在某省内依法注册。\n"
    )
    assert _profile(text).tasks == []
    # negative: choosing a number of items of a list still flags them optional
    chosen = text.replace("选择一个方向申报", "至少选择1项建设")
    assert [t.mandatory for t in _profile(chosen).tasks] == [False, False]


def test_routing_beside_the_paper_copies_is_a_step_of_its_own():
    text = (
        "某省通知\n\n一、申报方式\n\n申报单位登录平台在线填报，"
        "同时将纸质材料一式两份（胶装成册）加盖单位公章后报送至所在设区市主管部门。\n"
    )
    subs = [(s.channel, s.citation.quote) for s in _profile(text).submission]
    assert ("other", "报送至所在设区市主管部门") in subs
    assert any(c == "paper" for c, _ in subs)
    # negative: paper copies without a destination give no routing step
    bare = text.replace("后报送至所在设区市主管部门", "")
    assert not any(c == "other" for c, _ in (( s.channel, s.citation.quote) for s in _profile(bare).submission))


def test_a_deadline_sentence_without_a_subject_takes_the_party_named_earlier_in_its_paragraph():
    text = (
        "某市数据局关于组织申报试点项目的通知\n\n各有关单位：现组织申报试点项目，有关事项通知如下。\n\n"
        "一、申报方式\n\n（一）网上申报。申报单位于2026年4月30日前在平台完成填报。\n\n"
        "（二）区级推荐。各区数据主管部门对申报材料进行初审。请于2026年5月10日前通过平台提交推荐意见。\n\n"
        "（三）纸质材料。纸质材料须逐页编码。请于2026年5月5日前报送。\n"
    )
    dates = [(d.date, d.who) for d in _profile(text).deadlines]
    assert ("2026-05-10", "recommender") in dates and ("2026-05-10", "applicant") not in dates
    # negative: a subjectless date in a paragraph that names no recommender stays the applicant's
    assert ("2026-05-05", "applicant") in dates and ("2026-04-30", "applicant") in dates


def test_binding_order_is_a_paper_rule():
    text = HEAD + "一、申报材料\n\n申报单位按下表提供申报材料，并按表中顺序装订。\n\n二、其他\n\n申报单位按要求填写申报书。\n"
    subs = [(s.channel, s.citation.quote) for s in _profile(text).submission]
    assert any(c == "paper" and "按表中顺序装订" in q for c, q in subs)
    # negative: filling in the form is no paper rule
    assert not any("填写申报书" in q for _, q in subs)


def test_recommenders_sealed_summary_sent_to_an_office_is_a_sending_step():
    text = HEAD + (
        "一、推荐\n\n各区数据主管部门对申报材料进行初审。请于2026年5月10日前通过平台提交推荐意见，"
        "并将《推荐汇总表》（附件3）盖章后报送市数据局。\n\n"
        "二、纸质材料\n\n申报书封面须加盖申报单位公章。\n"
    )
    subs = [(s.channel, s.citation.quote) for s in _profile(text).submission]
    assert any(c == "other" and "盖章后报送市数据局" in q for c, q in subs)
    assert any(c == "other" and "通过平台提交推荐意见" in q for c, q in subs)
    assert not any(c == "seal" and "推荐汇总表" in q for c, q in subs)
    # negative: the applicant's own seal stays a seal rule
    assert any(c == "seal" and "申报书封面须加盖申报单位公章" in q for c, q in subs)


def test_an_online_recommendation_is_a_sending_step_but_an_offline_review_is_not():
    text = HEAD + (
        "一、推荐\n\n各市数据局于2026年5月10日前完成网上推荐。\n\n"
        "各市数据局于2026年5月12日前将推荐文件报送省数据局数据处，同时通过平台完成推荐确认。\n\n"
        "各区数据局于2026年5月8日前完成初审并出具推荐意见。\n"
    )
    subs = [(s.channel, s.citation.quote) for s in _profile(text).submission]
    assert any(c == "other" and "通过平台完成推荐确认" in q for c, q in subs)
    assert any(c == "other" and "完成网上推荐" in q for c, q in subs)
    # negative: reviewing and writing an opinion sends nothing
    assert not any("出具推荐意见" in q for _, q in subs)


def test_a_selectable_material_in_a_table_is_optional():
    assert flag_of("选择提供") is False
    # negatives: a required and a conditional cell keep their flags
    assert flag_of("必须提供") is True and flag_of("如有则提供") is None


def test_a_form_the_recommender_must_fill_in_is_a_required_material():
    text = HEAD + (
        "一、推荐\n\n推荐单位应对推荐项目填写《某市试点项目推荐汇总表》（附件3），随推荐文件一并报送。\n\n"
        "二、评审\n\n专家依据《某市试点评审办法》开展评审。\n"
    )
    mats = {m.title: m.required for m in _profile(text).materials}
    assert mats.get("某市试点项目推荐汇总表") is True
    # negative: a rule named in 《》 without a demand to fill it in is no material
    assert not any("评审办法" in t for t in mats)


def test_a_meeting_date_is_no_deadline():
    text = (
        "某省数据局关于组织申报试点项目的通知\n\n各市数据局：现组织申报试点项目，有关事项通知如下。\n\n"
        "一、政策宣讲\n\n省数据局定于2026年3月12日在某市举办申报宣讲培训会。各市数据局于2026年3月15日在某市召开座谈会。\n\n"
        "二、申报时间\n\n申报单位于2026年4月28日前在平台完成填报。报名参加培训会的单位请于2026年3月10日前报名。\n"
    )
    dates = [d.date for d in _profile(text).deadlines]
    assert "2026-03-12" not in dates and "2026-03-15" not in dates
    # negative: a limit stays a limit, even one about a meeting (…前报名)
    assert "2026-04-28" in dates and "2026-03-10" in dates


def test_a_date_a_condition_was_already_met_by_is_no_deadline():
    text = (
        "某省数据局关于组织申报试点项目的通知\n\n各市数据局：现组织申报试点项目，有关事项通知如下。\n\n"
        "一、申报条件\n\n申报单位已于2025年12月31日前在平台完成数据资源登记。\n\n"
        "二、申报时间\n\n申报单位于2026年4月28日前在平台完成填报。\n"
    )
    dates = [d.date for d in _profile(text).deadlines]
    assert "2025-12-31" not in dates
    # negative: the filing limit stays
    assert "2026-04-28" in dates


def test_papers_sent_to_the_local_bureau_keep_the_applicant_as_party():
    text = (
        "某省数据局关于组织申报试点项目的通知\n\n各市数据局：现组织申报试点项目，有关事项通知如下。\n\n"
        "一、纸质材料\n\n纸质申报材料一式两份，封面加盖申报单位公章，于2026年4月9日前报送所在区数据管理局。\n\n"
        "二、推荐\n\n各区数据管理局于2026年4月16日前将推荐汇总表报送市数据管理局。\n"
    )
    dates = [(d.date, d.who) for d in _profile(text).deadlines]
    assert ("2026-04-09", "applicant") in dates and ("2026-04-09", "recommender") not in dates
    # negative: the district bureau's own date binds the recommender
    assert ("2026-04-16", "recommender") in dates


def test_an_optional_lead_in_between_listed_materials_flags_the_items_after_it():
    text = (
        "某省数据局关于组织申报试点项目的通知\n\n各市数据局：现组织申报试点项目，有关事项通知如下。\n\n"
        "一、申报材料\n\n申报单位须提交以下材料：\n\n1.试点项目申报书；\n\n2.营业执照副本复印件。\n\n"
        "以下材料可选择提供：\n\n3.数据知识产权登记证书；\n\n4.已签订的数据流通合作协议。\n"
    )
    flags = {m.title: m.required for m in _profile(text).materials}
    assert any("知识产权" in t and f is False for t, f in flags.items())
    assert any("合作协议" in t and f is False for t, f in flags.items())
    # negative: the items before the optional lead-in stay required
    assert any("营业执照" in t and f is True for t, f in flags.items())
