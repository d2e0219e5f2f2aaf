"""Regenerate the PDF and DOCX notices of the second unseen evaluation set.

    python evaluators/unseen2/build_unseen2.py

Writes, next to this script:
  guangxi-2026_广西大数据发展局_可信数据空间建设试点申报通知.docx  (python-docx, Word headings + tables)
  wuhan-2026_武汉市数据局_可信数据空间应用示范项目征集通知.pdf       (reportlab, CID font STSong-Light)

The third notice (hunan-2026, .txt) is committed as plain text and needs no build.
Output is byte-for-byte deterministic (reportlab invariant mode; DOCX re-packed with
fixed zip timestamps and fixed core properties). The texts below are the notices
themselves; edit them here, rebuild, then run check_unseen2.py.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCX_NAME = "guangxi-2026_广西大数据发展局_可信数据空间建设试点申报通知.docx"
PDF_NAME = "wuhan-2026_武汉市数据局_可信数据空间应用示范项目征集通知.pdf"

# ---------------------------------------------------------------------------
# Guangxi: provincial notice (DOCX). Blocks: ("title", s) ("heading1", s)
# ("heading2", s) ("para", s) ("table", rows)
# ---------------------------------------------------------------------------
GUANGXI = [
    ("para", "广西壮族自治区大数据发展局"),
    ("para", "桂数发〔2026〕41号"),
    ("title", "广西壮族自治区大数据发展局关于组织开展2026年度广西可信数据空间建设试点申报工作的通知"),
    ("para", "各设区市大数据发展局，自治区各有关部门，各有关单位："),
    ("para", "为贯彻落实国家数据局《可信数据空间发展行动计划（2024—2028年）》和自治区关于加快数字广西建设的部署，"
             "加快培育面向东盟的数据流通利用基础设施，推动数据资源在更大范围内安全、有序、高效流动，自治区大数据发展局"
             "决定组织开展2026年度广西可信数据空间建设试点申报工作。现将有关事项通知如下。"),
    ("heading1", "一、试点定位"),
    ("para", "本次试点聚焦企业、行业、城市和跨境四类可信数据空间，重点在糖业、有色金属、林业、向海经济、"
             "中国—东盟跨境物流等领域遴选一批基础扎实、场景清晰、运营可持续的试点项目。到2028年，全区力争培育"
             "可信数据空间试点项目30个左右，带动数据要素相关产业规模明显提升，形成一批可复制可推广的经验做法。"),
    ("heading1", "二、建设任务"),
    ("para", "试点项目建设周期原则上为18个月。建设任务分为基础任务和拓展任务，具体见表1。类别为“必选”的任务"
             "每个试点均须承担；类别为“可选”的任务由申报单位结合自身条件自主选择。"),
    ("para", "表1　试点建设任务表"),
    ("table", [
        ["编号", "任务", "建设要求", "类别"],
        ["1", "空间连接器部署", "部署符合国家技术规范的连接器，实现参与方身份认证和可信接入", "必选"],
        ["2", "数据使用控制", "实现数据使用策略的定义、执行和审计，确保数据可用不可见、可控可计量", "必选"],
        ["3", "行业场景应用", "围绕至少1个重点产业形成可持续运营的数据应用场景，并有明确的用户和收益", "必选"],
        ["4", "跨境数据流通服务", "面向东盟国家开展跨境数据流通探索，严格落实数据出境安全管理要求", "可选"],
        ["5", "数据资产化探索", "开展数据资产登记、价值评估和会计入表实践", "可选"],
        ["6", "区块链存证溯源", "利用区块链技术实现数据流转全过程存证和可追溯", "可选"],
    ]),
    ("heading1", "三、申报主体要求"),
    ("para", "（一）申报单位应为在广西壮族自治区行政区域内注册、具有独立法人资格的企事业单位或社会组织。"),
    ("para", "（二）申报单位应是可信数据空间的建设方或运营方，拥有自主可控的数据空间运营平台，"
             "具备与项目相适应的技术力量和资金保障能力。"),
    ("para", "（三）申报单位近三年信用状况良好，未被列入失信被执行人名单或重大税收违法失信主体名单。"),
    ("para", "（四）申报单位近两年内未发生重大网络安全和数据安全事件。"),
    ("para", "（五）已入选国家可信数据空间试点的项目，不再重复申报本次试点。"),
    ("para", "（六）鼓励产学研用联合申报。联合申报的，联合体成员（含牵头单位）不超过4家，牵头单位须为在广西注册的单位，"
             "并与各成员签订联合申报协议，明确任务分工和权益分配。"),
    ("para", "（七）每家单位只能牵头申报1个试点项目，作为联合体成员参与申报的项目不超过2个。"),
    ("para", "自治区将对入选试点优先推荐申报国家可信数据空间试点，优先纳入自治区数据要素重大项目库，"
             "并在数据资源开放、算力券发放等方面给予倾斜。"),
    ("heading1", "四、申报程序"),
    ("heading2", "（一）单位申报"),
    ("para", "申报单位按照附件1格式编制申报书，于2026 年 12 月 15 日18时前登录广西数据要素服务平台"
             "（https://sjys.gxzf.gov.cn）完成在线填报，并上传加盖公章的申报书PDF扫描件。逾期平台将自动关闭，不再受理。"),
    ("heading2", "（二）属地推荐"),
    ("para", "申报单位经所在设区市大数据发展局审核后推荐。自治区直属单位、中央驻桂单位由自治区主管部门推荐。"
             "各推荐单位于2026年12月22日前将推荐函（加盖公章）和推荐项目汇总表（附件2）报送自治区大数据发展局，"
             "汇总表Excel版同时发送至gxsjkj@gxdsj.gxzf.gov.cn。"),
    ("heading2", "（三）纸质材料"),
    ("para", "申报书纸质版一式三份，A4纸双面打印，加盖申报单位公章，由各推荐单位统一报送至自治区大数据发展局数据资源处"
             "（南宁市青秀区民族大道100号）。纸质材料与平台填报内容不一致的，以平台填报内容为准。"),
    ("heading1", "五、名额安排"),
    ("para", "每个设区市推荐项目不超过5个，自治区各有关部门推荐项目不超过3个。推荐单位应择优推荐，并对推荐项目进行排序。"),
    ("heading1", "六、申报材料"),
    ("para", "表2　申报材料一览表"),
    ("table", [
        ["序号", "材料名称", "提供要求", "备注"],
        ["1", "试点项目申报书", "必须提供", "按附件1编制"],
        ["2", "法人登记证书复印件", "必须提供", "营业执照或事业单位法人证书、社会团体登记证书"],
        ["3", "信用承诺书", "必须提供", "法定代表人签字并加盖公章"],
        ["4", "2025年度财务报表", "必须提供", "成立不足一年的提供最近一期财务报表"],
        ["5", "联合申报协议", "联合申报的提供", "各成员单位盖章"],
        ["6", "数据安全管理制度文件", "自愿提供", ""],
        ["7", "相关资质证书", "自愿提供", "数据管理能力成熟度评估、网络安全等级保护备案等"],
    ]),
    ("heading1", "七、评审与支持"),
    ("para", "自治区大数据发展局组织专家对推荐项目进行形式审查和综合评审，必要时开展现场核查，择优确定试点名单并向社会公示。"
             "入选项目按照自治区有关规定给予不超过200万元的一次性奖补，奖补资金在项目通过中期评估后拨付。"),
    ("heading1", "八、有关要求"),
    ("para", "（一）申报单位对申报材料的真实性负责。经查实弄虚作假的，取消试点资格，三年内不得申报自治区大数据发展局组织的各类项目。"),
    ("para", "评审重点包括：建设基础和团队能力、技术方案的先进性与安全性、应用场景的真实性和带动效应、运营模式的可持续性、"
             "与东盟合作的特色亮点。评审结果不作为其他财政资金安排的依据。"),
    ("para", "（二）试点单位应按季度报送建设进展，自治区大数据发展局将开展中期评估和验收评估，评估不合格的予以退出。"),
    ("para", "（三）联系人：数据资源处 黄先生，电话0771-5516688；平台技术支持，电话0771-5516699。"),
    ("para", "附件：1.广西可信数据空间建设试点项目申报书"),
    ("para", "2.推荐项目汇总表"),
    ("para", "广西壮族自治区大数据发展局"),
    ("para", "2026年11月2日"),
    ("heading1", "附件1　广西可信数据空间建设试点项目申报书"),
    ("para", "编写说明：申报书正文按下表栏目编写，字数统计不含图表；超过规定字数的，超出部分不予评审。"),
    ("table", [
        ["栏目", "编写要求"],
        ["项目摘要", "限200字，概述建设目标、主要内容和预期成效"],
        ["申报单位概况", "不超过600字"],
        ["可信数据空间建设现状", "800字以内"],
        ["试点建设方案", "不超过三千字，须逐项说明所承担的必选任务和所选可选任务"],
        ["运营模式与可持续发展", "1200字以内"],
        ["预期成效与量化指标", "不超过五百字"],
        ["进度安排", "按季度列明里程碑节点"],
        ["经费预算", "按预算表格式填写"],
    ]),
    ("heading1", "附件2　推荐项目汇总表"),
    ("para", "推荐单位（盖章）：　　　　　　　　填报日期："),
    ("table", [
        ["序号", "项目名称", "申报单位", "空间类型", "所选可选任务", "项目简介（100字以内）", "联系人及电话"],
        ["1", "", "", "", "", "", ""],
        ["2", "", "", "", "", "", ""],
    ]),
]

# ---------------------------------------------------------------------------
# Wuhan: city notice (PDF). Blocks: ("title", s) ("center", s) ("right", s)
# ("h1", s) ("h2", s) ("p", s) ("table", rows, ratios) ("pagebreak",)
# ---------------------------------------------------------------------------
WUHAN = [
    ("center", "武汉市数据局"),
    ("center", "武数〔2026〕23号"),
    ("title", "武汉市数据局关于开展2026年武汉市可信数据空间应用示范项目征集的通知"),
    ("p", "各区数据局（管委会相关部门），市直有关单位，各有关企业："),
    ("p", "数据要素是推动城市高质量发展的关键资源。近年来，我市围绕国家数据要素综合试验区建设，在汽车制造、光电子信息、"
          "生物医药、商贸物流等领域积极探索数据流通利用新模式，形成了一批有影响力的应用成果。为进一步发挥可信数据空间"
          "在促进数据共享共用中的载体作用，经研究，决定开展2026年武汉市可信数据空间应用示范项目征集工作。有关事项通知如下："),
    ("h1", "一、征集范围"),
    ("p", "本次征集面向企业可信数据空间、行业可信数据空间和园区可信数据空间三类，重点支持“车—路—云”协同、"
          "光谷科创、长江航运、医疗健康等场景。示范项目应已完成主体功能建设并投入运行，具有可量化的应用成效。"),
    ("p", "企业可信数据空间由链主企业或平台企业牵头，服务产业链上下游数据协同；行业可信数据空间由行业龙头企业、"
          "行业协会或第三方机构运营，服务行业共性数据流通；园区可信数据空间以开发区、产业园区为单元，"
          "汇聚园区企业、公共服务和基础设施数据，服务园区精细化管理和企业数字化转型。"),
    ("h1", "二、示范内容"),
    ("p", "示范项目应围绕以下内容开展建设，其中标注【必建】的为每个项目必须包含的内容，标注【选建】的可根据实际情况选择："),
    ("p", "1.可信数据空间基础设施建设【必建】。部署接入连接器和身份管理组件，实现主体可信认证、数据目录发布与订阅。"),
    ("p", "2.数据产品开发与服务【必建】。基于空间内数据资源开发不少于3个数据产品或服务，并实际投入使用。"),
    ("p", "3.空间运营规则制定【必建】。建立参与方准入退出、数据定价、收益分配和争议解决等规则，明确运营责任主体。"),
    ("p", "4.长江中游城市群数据互通【选建】。与长沙、南昌、合肥等城市的可信数据空间开展互联互通探索。"),
    ("p", "5.公共数据开发利用【选建】。在依法授权的前提下引入公共数据，与社会数据融合开发。"),
    ("h1", "三、申报条件"),
    ("h2", "（一）基本条件"),
    ("p", "1.申报单位在武汉市行政区域内依法注册登记，具有独立法人资格，成立时间满1年以上。"),
    ("p", "2.申报单位近三年无严重失信行为，未被列入严重违法失信名单。"),
    ("p", "3.申报单位具有健全的数据安全管理制度，近两年未发生数据泄露等安全事故。"),
    ("h2", "（二）专项条件"),
    ("p", "1.申报单位应为可信数据空间的运营方或主要建设方。"),
    ("p", "2.可信数据空间已接入或承诺接入武汉市可信数据空间服务节点。"),
    ("p", "3.同一项目已获市级财政资金支持的，不得重复申报。"),
    ("p", "4.支持联合申报，联合申报单位最多不超过3家（不含牵头单位），牵头单位应为在武汉市注册的企业。"),
    ("p", "5.同一单位限报1个项目，不得以不同名义重复申报。"),
    ("p", "对入选的示范项目，将按照《武汉市促进数据要素产业发展若干措施》给予最高300万元支持，"
          "并优先推荐参加国家和省级试点遴选。"),
    ("h1", "四、组织推荐"),
    ("p", "申报单位经所在区数据局（管委会相关部门）审核后推荐；市属国有企业可通过市国资委推荐。每个区限报三个项目，"
          "市国资委推荐项目不超过2个。各推荐单位应严格审核申报材料，对推荐项目的真实性和合规性出具推荐意见。"),
    ("h1", "五、时间安排"),
    ("p", "（一）征集时间为即日起至2026年9月30日17:00前，申报单位在此期间完成网上申报。"),
    ("p", "（二）各区数据局（管委会相关部门）、市国资委请于10月16日前完成审核，并报送推荐函和汇总表（附件2）。"),
    ("p", "（三）市数据局于2026年10月下旬组织专家评审，11月公布示范项目名单。"),
    ("h1", "六、报送方式"),
    ("p", "（一）网上申报：登录武汉市数据要素综合服务平台（https://data.wuhan.gov.cn/sjys），注册账号后在线填写申报信息，"
          "上传申报书及证明材料。"),
    ("p", "（二）电子邮件：申报书可编辑版本发送至whsjsf@wuhan.gov.cn，文件命名为“区名-单位名称-项目名称”。"),
    ("p", "（三）纸质材料：一式两份（正本一份、副本一份），正本逐页加盖公章，由推荐单位汇总后报送市数据局数据资源处"
          "（江岸区市民之家B区3楼）。"),
    ("h1", "七、申报材料"),
    ("p", "（一）必备材料"),
    ("p", "1.可信数据空间应用示范项目申报书（附件1）；"),
    ("p", "2.营业执照复印件；"),
    ("p", "3.近两年经审计的财务报告；"),
    ("p", "4.数据安全管理制度文本；"),
    ("p", "5.空间运行情况证明（平台截图、接入主体清单等）。"),
    ("p", "（二）选报材料"),
    ("p", "1.用户使用评价或合作证明；"),
    ("p", "2.专利、软件著作权等知识产权证明。"),
    ("p", "涉及联合申报的，须附联合申报协议。"),
    ("h1", "八、评审程序"),
    ("p", "（一）形式审查。市数据局对推荐项目的申报条件、材料完整性进行审查，未通过形式审查的不进入后续环节。"),
    ("p", "（二）专家评审。组织数据、技术、产业和法律领域专家，从建设基础、技术先进性、场景价值、运营可持续性、"
          "安全保障等方面进行综合评审，必要时安排现场答辩。"),
    ("p", "（三）实地核验。对专家评审排名靠前的项目开展实地核验，重点核查空间运行情况、接入主体数量和数据产品交易记录。"),
    ("p", "（四）公示发布。拟入选名单在市数据局门户网站公示5个工作日，公示无异议的正式发布。"),
    ("h1", "九、其他事项"),
    ("p", "（一）示范项目实行动态管理。入选后一年内未按计划推进或发生重大安全事件的，撤销示范称号，三年内不得申报市级数据类项目。"),
    ("p", "（二）本次征集不收取任何费用，请申报单位谨防上当受骗。"),
    ("p", "（三）联系人：市数据局数据资源处 刘女士，电话027-85778866。"),
    ("p", "附件：1.武汉市可信数据空间应用示范项目申报书"),
    ("p", "2.区推荐项目汇总表"),
    ("right", "武汉市数据局"),
    ("right", "2026年8月26日"),
    ("pagebreak",),
    ("p", "附件1"),
    ("title", "武汉市可信数据空间应用示范项目申报书"),
    ("p", "项目名称：　　　　　　　　　　空间类型："),
    ("p", "申报单位（盖章）：　　　　　　推荐单位："),
    ("h2", "编写提纲"),
    ("p", "第一章　申报单位基本情况（字数不超过1000字）"),
    ("p", "第二章　可信数据空间建设运营情况（控制在2500字以内）"),
    ("p", "重点说明【必建】内容的完成情况及所选【选建】内容。"),
    ("p", "第三章　应用场景与成效（限1500字）"),
    ("p", "第四章　下一步推进计划（不超过八百字）"),
    ("p", "第五章　证明材料目录"),
    ("p", "申报书正文统一使用A4纸，正文仿宋三号字。"),
    ("pagebreak",),
    ("p", "附件2"),
    ("title", "区推荐项目汇总表"),
    ("p", "推荐单位（盖章）：　　　　　　　　联系人及电话："),
    ("table", [
        ["序号", "项目名称", "申报单位", "空间类型", "项目概述（不超过150字）", "推荐排序"],
        ["1", "", "", "", "", ""],
        ["2", "", "", "", "", ""],
        ["3", "", "", "", "", ""],
    ], [0.08, 0.2, 0.18, 0.14, 0.28, 0.12]),
]


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------
FONT = "STSong-Light"
_NO_LINE_START = set("，。、；：？！）》」』”’）…%％,.;:!?)]")
_TOKEN = re.compile(r"[A-Za-z0-9:/._@%\-]+|.", re.S)


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    try:
        pdfmetrics.getFont(FONT)
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def wrap(text: str, width: float, size: float) -> list[str]:
    """Wrap CJK text to `width` points; ASCII runs (URLs, numbers) are never split."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text):
        if token == "\n":
            lines.append(line)
            line = ""
            continue
        if line and stringWidth(line + token, FONT, size) > width and token not in _NO_LINE_START:
            lines.append(line)
            line = token
        else:
            line += token
    if line or not lines:
        lines.append(line)
    return lines


def build_pdf(path: Path, blocks=WUHAN) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()
    page_w, page_h = A4
    margin_x, top, bottom = 72.0, page_h - 72.0, 80.0
    body = page_w - 2 * margin_x
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle("武汉市数据局关于开展2026年武汉市可信数据空间应用示范项目征集的通知")
    c.setAuthor("武汉市数据局")
    state = {"y": top, "page": 1}

    def footer() -> None:
        c.setFont(FONT, 10)
        c.drawCentredString(page_w / 2, 40, f"— {state['page']} —")

    def new_page() -> None:
        footer()
        c.showPage()
        state["page"] += 1
        state["y"] = top

    def need(height: float) -> None:
        if state["y"] - height < bottom:
            new_page()

    for block in blocks:
        kind = block[0]
        if kind == "pagebreak":
            new_page()
            continue
        if kind == "table":
            rows, ratios = block[1], block[2]
            size, lead = 11.0, 16.0
            widths = [body * r for r in ratios]
            for row in rows:
                cells = [wrap(cell, w - 8, size) for cell, w in zip(row, widths, strict=False)]
                height = max(len(cl) for cl in cells) * lead + 8
                need(height)
                y0 = state["y"]
                x = margin_x
                for cell_lines, w in zip(cells, widths, strict=False):
                    c.rect(x, y0 - height, w, height)
                    c.setFont(FONT, size)
                    for i, ln in enumerate(cell_lines):
                        c.drawString(x + 4, y0 - 4 - size - i * lead, ln)
                    x += w
                state["y"] = y0 - height
            state["y"] -= 10
            continue
        text = block[1]
        size, lead, indent, gap = {
            "title": (16.0, 24.0, 0.0, 10.0),
            "center": (12.0, 20.0, 0.0, 4.0),
            "right": (12.0, 20.0, 0.0, 2.0),
            "h1": (13.0, 22.0, 0.0, 4.0),
            "h2": (12.0, 20.0, 0.0, 2.0),
            "p": (12.0, 20.0, 24.0, 2.0),
        }[kind]
        lines = wrap(text, body - indent, size)
        if len(lines) <= 3:  # keep short paragraphs on one page
            need(lead * len(lines))
        for i, ln in enumerate(lines):
            need(lead)
            state["y"] -= lead
            c.setFont(FONT, size)
            if kind in ("title", "center"):
                c.drawCentredString(page_w / 2, state["y"], ln)
            elif kind == "right":
                c.drawRightString(page_w - margin_x, state["y"], ln)
            else:
                c.drawString(margin_x + (indent if i == 0 else 0), state["y"], ln)
        state["y"] -= gap
    footer()
    c.showPage()
    c.save()
    return path


# ---------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------
FIXED_TIME = _dt.datetime(2026, 11, 2, 9, 0, 0)


def _east_asian(style_or_run, name: str = "宋体") -> None:
    from docx.oxml.ns import qn

    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def repack_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and sorted-stable order so output is reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build_docx(path: Path, blocks=GUANGXI) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        _east_asian(document.styles[name])
    props = document.core_properties
    props.title = "广西壮族自治区大数据发展局关于组织开展2026年度广西可信数据空间建设试点申报工作的通知"
    props.author = "广西壮族自治区大数据发展局"
    props.last_modified_by = "广西壮族自治区大数据发展局"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    for block in blocks:
        kind = block[0]
        if kind == "title":
            document.add_heading(block[1], level=0).alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "heading1":
            document.add_heading(block[1], level=1)
        elif kind == "heading2":
            document.add_heading(block[1], level=2)
        elif kind == "para":
            document.add_paragraph(block[1])
        elif kind == "table":
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for col, value in enumerate(row):
                    table.cell(r, col).text = value
        else:
            raise ValueError(kind)
    buf = io.BytesIO()
    document.save(buf)
    path.write_bytes(repack_zip(buf.getvalue()))
    return path


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    for built in (build_docx(out / DOCX_NAME), build_pdf(out / PDF_NAME)):
        print(f"{built.name}: {built.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
