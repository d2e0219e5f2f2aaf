"""Profile rules for clause shapes of funding guides and notices: numbered articles (第九条),
project periods, re-application bans, spending rules, a system announced before the filing
step, contact lines, signatures, direct routing and the last item of a material list."""

from __future__ import annotations

import datetime as dt

from rag.profile import extract_profile
from rag.records import DocumentMeta, Profile, SourceText

HEAD = (
    "某省科技厅关于发布数据专项申报指南的通知\n\n"
    "各有关单位：为支持数据流通利用关键技术攻关，现发布本年度数据专项申报指南，请按照指南要求认真组织申报。\n\n"
)


def _profile(text: str) -> Profile:
    meta = DocumentMeta("g-2026", "指南", "g", "某省", issued_on="2026-11-10")
    return extract_profile("g", "某省", [(meta, SourceText(text))], dt.date(2026, 11, 22))


def test_a_project_period_is_no_deadline_but_an_application_period_is():
    text = HEAD + (
        "第一章 总则\n\n第二条 项目执行期为2027年4月1日至2029年3月31日，运营期为2029年4月1日至2030年3月31日。\n\n"
        "第二章 申报\n\n第五条 申报期限为2026年11月20日至2027年1月15日。\n"
    )
    dates = {d.date for d in _profile(text).deadlines}
    assert "2027-01-15" in dates
    # negative: the end of the project's own periods closes no step of the application
    assert "2029-03-31" not in dates and "2030-03-31" not in dates


def test_an_articles_conditional_clause_stays_with_its_rule():
    text = HEAD + "第三章 申报条件\n\n第九条 牵头单位为企业的，上年度研发投入占营业收入比例不低于3%。\n"
    quotes = [e.citation.quote for e in _profile(text).eligibility]
    assert any("牵头单位为企业的" in q and "不低于3%" in q for q in quotes)
    # negative: the lead-in alone is no condition
    assert not any(q.rstrip("，") .endswith("为企业的") for q in quotes)


def test_a_founding_date_and_a_reapplication_ban_are_conditions():
    text = HEAD + (
        "第三章 申报条件\n\n第八条 申报单位应为在某省境内注册的企业，具有独立法人资格，且注册时间在2024年12月31日前。\n\n"
        "第二章 任务\n\n第七条 申报内容不得以同一研究内容多头申报、重复申报。党政机关不作为申报主体，但可作为数据提供方参与。\n"
    )
    profile = _profile(text)
    quotes = [e.citation.quote for e in profile.eligibility]
    assert any("注册时间在2024年12月31日前" in q for q in quotes)
    kinds = {e.kind for e in profile.eligibility if "多头申报" in e.citation.quote or "不作为申报主体" in e.citation.quote}
    assert kinds == {"exclusion"}
    # negative: the founding date limits the applicant, not the application's steps
    assert "2024-12-31" not in {d.date for d in profile.deadlines}


def test_spending_rules_and_form_guidance_are_no_conditions():
    text = HEAD + (
        "三、申报条件\n\n（一）申报单位须在某省注册。\n"
        "补助资金主要用于软硬件购置，不得用于人员工资、办公场所租赁和偿还债务。\n\n"
        "附件1\n\n某省数据专项申报书\n\n填写说明：涉及联合申报的，应明确牵头单位和联合单位各自承担的建设内容。\n\n"
        "序号 | 项目名称 | 牵头单位 | 联合申报单位 | 总投资（万元）\n"
    )
    quotes = [e.citation.quote for e in _profile(text).eligibility]
    assert any("须在某省注册" in q for q in quotes)
    assert not any("人员工资" in q or "各自承担" in q or "项目名称" in q for q in quotes)


def test_a_system_announced_before_the_filing_step_is_one_online_channel():
    text = HEAD + (
        "五、申报程序\n\n某省项目申报系统（https://sb.example.gov.cn）于2026年11月25日起开放。"
        "请各申报单位于2026年12月18日17:00前登录系统完成网上填报，并上传加盖单位公章的申报材料扫描件。\n"
    )
    online = [s for s in _profile(text).submission if s.channel == "online"]
    assert len(online) == 1
    assert online[0].detail == "https://sb.example.gov.cn"
    assert "开放" in online[0].citation.quote and "完成网上填报" in online[0].citation.quote


def test_a_support_mailbox_beside_a_phone_is_no_channel_and_a_signature_is_a_seal():
    text = HEAD + (
        "五、申报程序\n\n申报单位在系统中上传申报书扫描件，项目负责人须在申报书承诺页签字。\n\n"
        "六、联系方式\n\n业务咨询：高新处，电话0791-86241234；系统技术支持：0791-86245678，邮箱help@example.gov.cn。\n"
    )
    subs = _profile(text).submission
    assert any(s.channel == "seal" and "承诺页签字" in s.citation.quote for s in subs)
    assert not any(s.channel == "email" for s in subs)


def test_direct_routing_and_a_recommenders_scanned_upload_are_sending_steps():
    text = HEAD + (
        "五、申报程序\n\n纸质申报书一式三份，加盖单位公章，于12月25日前报送所在市数据局；"
        "省属企业直接报送省数据局数据资源处。\n\n"
        "各市数据局于2027年1月8日前在申报系统完成在线推荐，并将推荐函及推荐项目汇总表盖章扫描上传。\n"
    )
    others = [s.citation.quote for s in _profile(text).submission if s.channel == "other"]
    assert any("省属企业直接报送省数据局数据资源处" in q for q in others)
    assert any("完成在线推荐" in q for q in others)
    assert any("盖章扫描上传" in q for q in others)


def test_material_flags_from_notes_and_the_last_item_before_prose():
    text = HEAD + (
        "四、申报材料\n\n1.项目申报书（必须提交）；\n2.营业执照复印件；\n"
        "3.前期研究成果证明材料（可选报）；\n4.获奖证书、标准制定证明等材料（自愿提供）。\n"
        "各市数据局报送推荐项目汇总表（附件3）。\n\n"
        "附件：1.某省数据专项申报书　2.信用承诺书　3.推荐项目汇总表\n"
    )
    materials = {m.title: m.required for m in _profile(text).materials}
    assert materials.get("前期研究成果证明材料") is False
    assert materials.get("获奖证书、标准制定证明等材料") is False
    assert materials.get("营业执照复印件") is True
    # attachments separated by spaces are three forms, not one
    assert materials.get("信用承诺书") is True and materials.get("推荐项目汇总表") is True
    assert not any("2." in title for title in materials)


def test_routes_without_a_preposition_and_sealed_files_sent_or_uploaded():
    text = HEAD + (
        "五、申报程序\n\n申报单位登录系统完成网上填报，并上传加盖公章的申报书PDF版。"
        "纸质材料由推荐单位汇总后统一报送省数据局数据资源处。\n\n"
        "各市数据局于2027年1月8日前将加盖公章的推荐函电子版发送至邮箱tj@example.gov.cn，"
        "填写推荐汇总表后连同申报材料一并报送省数据局。法定代表人在信用承诺书上签字。\n\n"
        "四、申报材料\n\n1.法定代表人签字的信用承诺书；\n2.营业执照复印件。\n"
        "各市数据局在推荐时一并报送推荐函和推荐项目汇总表。\n"
    )
    subs = _profile(text).submission
    others = [s.citation.quote for s in subs if s.channel == "other"]
    seals = [s.citation.quote for s in subs if s.channel == "seal"]
    assert any("上传加盖公章的申报书PDF版" in q for q in others)
    assert any("汇总后统一报送省数据局数据资源处" in q for q in others)
    assert any("发送至邮箱" in q for q in others)
    assert any("连同申报材料一并报送省数据局" in q for q in others)
    assert any("法定代表人在信用承诺书上签字" in q for q in seals)
    # negatives: a signed document in a list is a material, and 一并报送推荐函 names what is sent
    assert not any("签字的信用承诺书" in q for q in seals)
    assert not any("上传" in q for q in seals)
    assert not any("在推荐时一并报送推荐函" in q for q in others)


def test_events_fixed_by_date_and_attachment_lists_are_no_deadlines_or_sections():
    text = HEAD + (
        "五、报送\n\n申报单位于2026年12月15日前将材料发送至sb@example.gov.cn。\n\n"
        "六、联系方式\n\n省厅定于2026年11月26日（星期四）上午通过视频会议开展申报培训。\n\n"
        "附件：1.某省示范项目申报书提纲\n　　　2.项目基本情况汇总表\n　　　3.推荐汇总表\n\n"
        "某省科技厅\n2026年11月18日\n\n附件1　某省示范项目申报书提纲\n\n一、项目概况（限500字）\n\n二、建设内容（2500字以内）\n"
    )
    profile = _profile(text)
    assert {d.date for d in profile.deadlines} == {"2026-12-15"}
    assert [(s.title, s.limit) for s in profile.sections] == [("项目概况", 500), ("建设内容", 2500)]


def test_conditions_in_lists_commitments_and_one_project_wording():
    text = HEAD + (
        "二、申报条件\n\n申报主体应同时符合下列条件：\n"
        "1. 属于产业集群内的链主企业、行业平台企业或专业数据服务商；\n"
        "2. 无严重违法失信记录，未列入农业农村领域失信名单；\n"
        "3. 鼓励链主企业牵头、上下游企业参与组成联合体申报。\n"
        "每家单位只能牵头或参与1个项目。\n\n"
        "附件1\n\n诚信承诺书\n\n本单位郑重承诺：本单位近三年未因数据违法行为受到行政处罚，所报项目不存在知识产权权属争议。\n"
    )
    profile = _profile(text)
    kinds = {e.citation.quote: e.kind for e in profile.eligibility}
    assert any(k == "entity_type" and "链主企业" in q for q, k in kinds.items())
    assert sum(k == "credit" for k in kinds.values()) == 2  # two conditions of one kind, both kept
    assert any(k == "joint_rule" and "联合体申报" in q for q, k in kinds.items())
    assert any(k == "one_project" and "只能牵头或参与1个项目" in q for q, k in kinds.items())
    assert any(k == "exclusion" and "受到行政处罚" in q for q, k in kinds.items())
    assert any(k == "exclusion" and "权属争议" in q for q, k in kinds.items())
    assert [q.value for q in profile.quotas if q.kind == "projects_per_applicant"] == [1]
    # negative: the lead-in announcing the list is no condition
    assert not any("下列条件" in q for q in kinds)


def test_routes_copies_naming_and_a_second_mention_of_the_platform():
    text = HEAD + (
        "五、申报程序\n\n1. 某市项目管理平台（https://xm.example.gov.cn）已开通申报通道。\n"
        "2. 申报主体登录平台完善项目信息，上传申报材料扫描件。\n"
        "3. 申报单位将材料打包发送至sb@example.gov.cn，同时抄送所在市农业农村局，压缩包以申报单位全称命名。"
        "纸质材料一式两份，封面由法定代表人签字；市属国有企业集团送市数据管理局数字经济科；厅直属单位直接向省农业农村厅申报。\n"
        "4. 各县数据管理部门于10月30日前在平台完成线上推荐。"
        "不得将明显不具备条件的项目报送省数据局。每个市推荐不超过4个，哈尔滨市可放宽至6个。\n"
    )
    profile = _profile(text)
    subs = profile.submission
    others = [s.citation.quote for s in subs if s.channel == "other"]
    for wanted in ("抄送所在市农业农村局", "压缩包以申报单位全称命名", "送市数据管理局数字经济科", "直接向省农业农村厅申报", "完成线上推荐"):
        assert any(wanted in q for q in others), wanted
    assert any(s.channel == "seal" and "法定代表人签字" in s.citation.quote for s in subs)
    assert [s.detail for s in subs if s.channel == "online"] == ["https://xm.example.gov.cn"]
    assert not any("不具备条件" in q for q in others)
    assert sorted(q.value for q in profile.quotas) == [4, 6]


def test_material_groups_conditional_headings_and_two_distinct_summary_tables():
    text = HEAD + (
        "四、申报材料\n\n（一）须提交的材料\n1. 项目申报书；\n2. 营业执照复印件。\n"
        "（二）如有则提供的材料\n1. 联合申报协议（以联合体申报时）；\n2. 数据产品登记凭证。\n"
        "（三）可附的佐证材料\n获奖证书、媒体报道等。\n"
        "市农业农村局推荐时另附推荐汇总表（附件3）。\n\n"
        "附件：1.项目申报书\n2.项目基本情况汇总表\n3.推荐汇总表\n"
    )
    materials = {m.title: m.required for m in _profile(text).materials}
    assert materials.get("联合申报协议") is None and materials.get("数据产品登记凭证") is None
    assert materials.get("获奖证书") is False
    assert materials.get("项目基本情况汇总表") is True and materials.get("推荐汇总表") is True
    assert materials.get("营业执照复印件") is True


def test_listed_cases_are_exclusions_and_listed_offences_are_not():
    text = HEAD + (
        "三、申报条件\n\n（一）申报单位须在某省注册。\n"
        "（二）有下列情形之一的，不得申报：\n1.近三年发生农产品质量安全重大事故的；\n2.同一项目已申报其他省级财政资金支持的。\n\n"
        "七、管理\n\n有下列情形之一的，已获得的资金予以收回，五年内不得申报省级专项资金：\n"
        "（一）提供虚假材料骗取资金的；\n（二）截留、挪用资金的。\n"
        "入选后未按计划推进的，撤销示范称号，三年内不得申报市级项目。逾期系统自动关闭，不再受理。\n"
    )
    items = [(e.kind, e.citation.quote) for e in _profile(text).eligibility]
    assert ("exclusion", "近三年发生农产品质量安全重大事故的") in items
    assert any(k == "exclusion" and "同一项目已申报其他省级财政资金支持的" in q for k, q in items)
    # negatives: the lead-ins, the offences and the sanctions are no conditions
    assert not any("下列情形" in q or "虚假材料" in q or "挪用" in q or "年内不得申报" in q or "不再受理" in q for _, q in items)


def test_sealing_before_scanning_two_seals_of_one_passage_and_routes_after_review():
    text = HEAD + (
        "五、申报程序\n\n牵头单位将申报书封面和诚信承诺书加盖公章后扫描，与申报书正文合并为一个PDF文件，发送至申报邮箱sb@example.gov.cn。"
        "申报书封面须注明项目名称和联系人。\n\n"
        "纸质材料一式两份，封面加盖单位公章，诚信承诺书须由法定代表人签字并加盖单位公章，于9月30日前报送所在市数据局。"
        "区属高校的申报材料经其主管部门审核后报送自治区局。\n\n"
        "请于10月16日前将加盖公章的推荐文件通过机要交换或现场递交至自治区局数据资源处（地址：某市某路1号）。\n\n"
        "九、联系方式\n\n咨询邮箱：zx@example.gov.cn（仅受理政策咨询，申报材料不通过邮件报送）。\n"
    )
    subs = _profile(text).submission
    seals = [s.citation.quote for s in subs if s.channel == "seal"]
    others = [s.citation.quote for s in subs if s.channel == "other"]
    assert any("加盖公章后扫描" in q for q in seals)
    assert any("合并为一个PDF文件" in q for q in others)
    assert any("封面加盖单位公章" in q for q in seals) and any("诚信承诺书须由法定代表人签字并加盖单位公章" in q for q in seals)
    assert any("审核后报送自治区局" in q for q in others)
    assert any("现场递交至自治区局数据资源处" in q for q in others)
    assert [s.detail for s in subs if s.channel == "email"] == ["sb@example.gov.cn"]
    # negatives: what the cover must name is form filling; the recommender's sealed papers are no applicant seal
    assert not any("封面须注明" in q for q in others)
    assert not any("推荐文件" in q for q in seals)


def test_form_titles_in_heading_style_are_no_sections():
    text = HEAD + (
        "五、申报\n\n申报单位于2026年12月15日前将材料发送至sb@example.gov.cn。\n\n某省科技厅\n2026年11月10日\n\n"
        "附件1\n\n某省试点申报书编写提纲\n\n一、项目概况（800字以内）\n\n二、建设方案（不超过2000字）\n\n"
        "附件2\n\n诚信承诺书\n\n本单位郑重承诺：所填内容真实有效。\n"
    )
    hints = ((text.index("某省试点申报书编写提纲"), 1), (text.index("诚信承诺书"), 1))
    meta = DocumentMeta("g-2026", "指南", "g", "某省", issued_on="2026-11-10")
    profile = extract_profile("g", "某省", [(meta, SourceText(text, heading_hints=hints))], dt.date(2026, 11, 22))
    assert [(s.title, s.limit) for s in profile.sections] == [("项目概况", 800), ("建设方案", 2000)]


def test_material_notes_after_a_comma_and_conditional_lead_ins():
    text = HEAD + (
        "三、申报材料\n\n申报材料按以下顺序编排：\n1.项目申报书，应提交；\n2.联合体协议，以联合体形式申报的提交；\n"
        "3.获奖证书、用户评价等其他证明材料，可提交。\n\n"
        "申报单位须提交营业执照或法人登记证书复印件。可附数据知识产权登记证书、软件著作权等能够反映建设基础的佐证材料。"
        "如涉及公共数据授权运营，须提供有权机关出具的授权文件。\n"
    )
    materials = {m.title: m.required for m in _profile(text).materials}
    assert materials.get("联合体协议") is None
    assert materials.get("获奖证书、用户评价等其他证明材料") is False
    assert materials.get("营业执照或法人登记证书复印件") is True
    assert materials.get("数据知识产权登记证书") is False
    assert materials.get("有权机关出具的授权文件") is None
    assert not any("能够反映" in t for t in materials)


def test_deadlines_stated_only_in_a_schedule_table():
    text = HEAD + (
        "五、时间安排\n\n| 事项 | 时间 | 责任主体 |\n| --- | --- | --- |\n"
        "| 申报政策宣讲会 | 2026年8月20日14:30 | 市数据资源局 |\n"
        "| 系统注册及在线填报截止 | 2026年9月11日17:00 | 申报单位 |\n"
        "| 系统在线推荐截止 | 2026年10月9日 | 区级主管部门 |\n"
        "| 专家评审及现场答辩 | 2026年11月中旬 | 市数据资源局 |\n"
    )
    meta = DocumentMeta("g-2026", "通知", "g", "某市", issued_on="2026-08-05")
    profile = extract_profile("g", "某市", [(meta, SourceText(text))], dt.date(2026, 8, 25))
    assert [(d.date, d.who) for d in profile.deadlines] == [("2026-09-11", "applicant"), ("2026-10-09", "recommender")]
    assert "系统注册及在线填报截止" in profile.deadlines[0].citation.quote
    assert profile.status.window == "open"


def test_task_flags_stated_after_the_list_and_constraint_cells():
    text = HEAD + (
        "二、建设任务\n\n1.部署可信管控底座。部署连接器。\n2.编制资源目录与流通规则。制定规则。\n"
        "3.推动公共数据融合利用。开展融合。\n4.建设产业协同应用场景。建成场景。\n"
        "上述第1、2、4项为必须建设内容，其余为选择性建设内容。\n\n三、申报条件\n\n申报单位须在某省注册。\n"
    )
    tasks = [(t.title, t.mandatory) for t in _profile(text).tasks]
    assert tasks == [("部署可信管控底座", True), ("编制资源目录与流通规则", True), ("推动公共数据融合利用", False), ("建设产业协同应用场景", True)]
    from rag.tables import flag_of
    assert flag_of("约束性") is True and flag_of("引导性") is False


def test_conditions_already_met_scopes_and_participation_caps():
    text = HEAD + (
        "三、申报条件\n\n（一）申报单位应当在某省内依法登记注册，具有独立法人资格，为交通运输企业、高等学校或科研院所。\n"
        "（二）已于2025年6月30日前完成数据资源登记，并取得登记凭证。\n"
        "（三）联合单位应为具有独立法人资格的企业或科研院所，注册地不限。\n（四）每家联合单位参与的试点项目不超过2个。\n"
    )
    quotes = [(e.kind, e.citation.quote) for e in _profile(text).eligibility]
    assert any(k == "entity_type" and "为交通运输企业" in q for k, q in quotes)
    assert any("已于2025年6月30日前完成数据资源登记" in q for _, q in quotes)
    assert any("注册地不限" in q and "科研院所" in q for _, q in quotes)  # the scope stays with its condition
    assert any("参与的试点项目不超过2个" in q for _, q in quotes)
    assert not any(q == "注册地不限" for _, q in quotes)


def test_a_lead_in_to_an_inline_list_may_say_how_to_order_it_and_examples_are_no_materials():
    text = HEAD + (
        "四、申报材料\n\n申报单位须提交以下材料，并按顺序编制目录和页码：1.某省试点申报书；2.营业执照或法人登记证书复印件；"
        "3.上线运行证明材料（如系统验收报告、上线通知等）。申报材料按以下顺序装订：\n"
    )
    profile = _profile(text)
    materials = {m.title: m.required for m in profile.materials}
    assert materials.get("营业执照或法人登记证书复印件") is True
    assert not any(t.startswith("如") for t in materials)
    assert not any(s.channel == "paper" for s in profile.submission)


def test_no_paper_a_platform_choice_of_recommender_and_notes_in_brackets():
    text = HEAD + (
        "五、申报程序\n\n申报主体登录平台在线上传申报材料，并在平台中选择所在区数据主管部门作为推荐单位。"
        "申报主体于2026年8月21日前将加盖公章的申报材料PDF文件发送至sb@example.gov.cn。本次申报不收取纸质材料。\n\n"
        "网上填报完成后，申报单位应当于12月27日前将纸质申报材料一式三份（A4纸双面打印，胶装成册，封面加盖单位公章）报送所在区数据主管部门。\n\n"
        "四、申报材料\n\n申报单位应当提交以下材料：1.试点项目申报书；2.联合申报的，提供联合申报协议；3.可以提供知识产权证书、标准文本等佐证材料。\n"
        "1.合作单位法人登记证明（涉及的提交）；\n"
    )
    profile = _profile(text)
    subs = [(s.channel, s.citation.quote) for s in profile.submission]
    assert ("other", "本次申报不收取纸质材料") in [(c, q.rstrip("。")) for c, q in subs]
    assert any(c == "other" and "作为推荐单位" in q for c, q in subs)
    assert any(c == "seal" and "封面加盖单位公章" in q for c, q in subs)
    assert not any(c == "seal" and "PDF文件" in q for c, q in subs)  # a sealed file mailed is a sending step
    assert not any(c == "paper" and "不收取" in q for c, q in subs)
    materials = {m.title: m.required for m in profile.materials}
    assert materials.get("联合申报协议") is None and materials.get("知识产权证书") is False
    assert materials.get("合作单位法人登记证明") is None
    # negative: choosing the recommender on the platform is no eligibility condition
    assert not any("作为推荐单位" in e.citation.quote for e in profile.eligibility)


def test_a_condition_is_quoted_without_its_conjunction():
    text = HEAD + "第二章 申报条件\n\n第五条 申报单位应当为企业或科研院所，并且是拟申报可信数据空间的建设运营主体，对空间的持续运营负主要责任。\n"
    quotes = [e.citation.quote for e in _profile(text).eligibility if e.kind == "operator_role"]
    assert quotes and quotes[0].startswith("是拟申报可信数据空间的建设运营主体")


def test_directions_flagged_by_coverage_and_commitments_on_funds_and_data():
    text = HEAD + (
        "一、支持方向\n\n方向一：工业可信数据空间建设。支持链主企业建设空间。\n方向二：工业数据产品开发与流通。支持开发产品。\n"
        "方向三：中小企业数据应用赋能。支持提供服务。\n申报项目须覆盖方向一，方向二、方向三可选。\n\n"
        "三、申报条件\n\n申报单位须在某省注册。项目涉及的数据来源合法、已取得必要授权。\n"
        "郑东新区推荐项目不超过5个。逾期不再受理补报。补助资金经市政府批准后一次性拨付。\n\n"
        "附件1\n\n诚信承诺书\n\n本单位郑重承诺：本项目未以同一内容向其他市级部门申请财政资金支持。\n"
    )
    profile = _profile(text)
    assert [(t.title, t.mandatory) for t in profile.tasks] == [
        ("工业可信数据空间建设", True), ("工业数据产品开发与流通", False), ("中小企业数据应用赋能", False)]
    items = [(e.kind, e.citation.quote) for e in profile.eligibility]
    assert any("数据来源合法" in q for _, q in items)
    assert any(k == "exclusion" and "未以同一内容" in q for k, q in items)
    # negatives: a recommender's quota (郑东新区 is no 经…推荐), a late-filing consequence and a payment step
    assert not any("推荐项目不超过" in q or "补报" in q or "拨付" in q for _, q in items)
