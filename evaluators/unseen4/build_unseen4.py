"""Regenerate the PDF and DOCX notices of the fourth unseen evaluation set.

    python evaluators/unseen4/build_unseen4.py

Writes, next to this script:
  yunnan-2026_云南省数据局_可信数据空间试点申报通知.pdf  (reportlab, STSong-Light CID font,
      page footers "- N -", template sections in a table with a 篇幅要求 column)
  changsha-2026_长沙市数据资源管理局_可信数据空间应用示范项目征集通知.docx  (python-docx with
      Word "Heading 1"/"Heading 2" styles and a task table 序号 | 建设任务 | 要求 | 类型)

The third notice (jiangxi-2026, .txt) is committed as written and needs no build.
Output is byte-for-byte deterministic (reportlab invariant mode; DOCX re-packed with fixed
zip timestamps and fixed core properties). The text below is the notice itself; edit it
here, rebuild, then run check_unseen4.py.
"""

from __future__ import annotations

import datetime as _dt
import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PDF_NAME = "yunnan-2026_云南省数据局_可信数据空间试点申报通知.pdf"
DOCX_NAME = "changsha-2026_长沙市数据资源管理局_可信数据空间应用示范项目征集通知.docx"
FIXED_TIME = _dt.datetime(2026, 7, 15, 9, 0, 0)

# ---------------------------------------------------------------------------
# Yunnan: provincial notice (PDF). Blocks: ("center", s) ("title", s) ("head", s)
# ("para", s) ("table", rows). Window open on 2026-11-22.
# ---------------------------------------------------------------------------
YUNNAN = [
    ("title", "云南省数据局关于组织开展2026年度云南省可信数据空间试点项目申报工作的通知"),
    ("center", "云数发〔2026〕41号"),
    ("para", "各州（市）数据局，省直有关部门，有关企业："),
    ("para", "为贯彻落实国家数据局《可信数据空间发展行动计划（2024—2028年）》，推动高原特色农业、文化旅游、"
             "绿色能源和沿边开放等领域数据资源跨主体可信流通，省数据局决定组织开展2026年度云南省可信数据空间"
             "试点项目申报工作。现将有关事项通知如下。"),
    ("head", "一、试点方向"),
    ("para", "本年度围绕行业可信数据空间、城市可信数据空间和跨境可信数据空间三个方向开展试点。"
             "到2028年，全省力争培育省级可信数据空间试点15个左右，带动形成一批面向南亚东南亚的数据流通服务能力。"),
    ("para", "近年来，我省持续推进数字云南建设，省级数据要素公共服务平台上线运行，公共数据授权运营试点稳步开展，"
             "花卉、咖啡、茶叶、文旅等行业在产业链数据协同方面积累了一定基础。但总体看，数据跨主体流通仍面临信任机制"
             "不健全、流通规则不统一、收益分配不清晰等问题。开展可信数据空间试点，就是要以应用场景为牵引，以技术标准"
             "为支撑，探索可复制、可推广的数据流通利用模式。"),
    ("head", "二、建设任务"),
    ("para", "试点项目应完成以下全部基础任务，并结合自身条件至少选择一项拓展任务。"),
    ("para", "基础任务："),
    ("para", "（一）部署可信接入设施。部署数据空间连接器和身份认证组件，实现参与主体可信接入、"
             "数据目录统一发布和接入行为全程可查。"),
    ("para", "（二）编制数据资源目录。梳理空间内可流通的数据资源，按照统一规范编制并动态更新数据资源目录。"),
    ("para", "（三）建立空间治理规则。制定数据提供、使用、收益分配、争议处置等运营规则，并通过技术手段保障执行。"),
    ("para", "拓展任务："),
    ("para", "（四）开展跨境数据流通探索。依托中国（云南）自由贸易试验区，探索面向南亚东南亚的跨境数据流通服务。"),
    ("para", "（五）推进数据产品挂牌交易。依托数据交易机构推动数据产品登记、挂牌和交易，探索数据产品定价机制。"),
    ("head", "三、申报条件"),
    ("para", "（一）申报单位须在云南省行政区域内注册，为企业、事业单位或社会团体，具有独立法人资格。"),
    ("para", "（二）申报单位应为拟建设可信数据空间的建设运营主体，已接入的数据提供方不少于5家。"),
    ("para", "（三）申报单位近三年未发生重大网络安全和数据安全事件，未被列入严重失信主体名单和经营异常名录。"),
    ("para", "（四）每个单位限报1个项目。已入选国家可信数据空间创新发展试点的项目不再申报。"),
    ("para", "（五）鼓励产业链上下游联合申报，联合申报单位（含牵头单位）不超过4家，牵头单位须为在云南省注册的企业。"),
    ("para", "对入选的试点项目，省数据局将在省级数据要素专项资金中予以统筹支持，单个项目支持金额最高不超过200万元。"
             "评审将重点考察项目的数据资源基础、应用场景成熟度和运营模式可持续性。"),
    ("head", "四、推荐名额"),
    ("para", "各州（市）数据局负责本地区项目的审核推荐，每个州（市）推荐项目不超过4个；省直有关部门推荐项目不超过2个。"
             "中央驻滇企业和省属国有企业可直接向省数据局申报，每家企业集团限报2个项目。"),
    ("head", "五、申报材料"),
    ("para", "申报单位须按以下顺序提供申报材料："),
    ("para", "1.云南省可信数据空间试点项目申报书（附件1）；"),
    ("para", "2.营业执照（或事业单位法人证书、社会团体登记证书）复印件；"),
    ("para", "3.2025年度财务审计报告；"),
    ("para", "4.数据安全承诺书（附件2）；"),
    ("para", "5.联合申报协议（联合申报的须提供）；"),
    ("para", "6.数据资源登记凭证、软件著作权证书等佐证材料（可选）。"),
    ("para", "推荐单位另需提供推荐文件和推荐项目汇总表（附件3）。"),
    ("head", "六、申报时间及方式"),
    ("para", "（一）在线填报。申报时间为即日起至2026年12月18日17:00前。申报单位登录云南省数据要素公共服务平台"
             "（https://sjys.yn.gov.cn）在线填报申报信息，上传申报书及附件材料PDF版。"),
    ("para", "（二）纸质材料。纸质材料一式三份，A4纸双面打印，左侧装订，封面加盖申报单位公章，报所在州（市）数据局；"
             "省直有关部门推荐的项目报省直有关部门。"),
    ("para", "（三）审核推荐。各推荐单位对申报材料审核把关后，于2026年12月28日前将推荐文件、推荐项目汇总表和纸质材料"
             "统一报送至省数据局数据资源处（昆明市呈贡区彩云北路1号），推荐汇总表电子版发送至ynsjj_sjzy@yn.gov.cn，"
             "邮件主题注明“可信数据空间试点+推荐单位名称”。"),
    ("head", "七、其他事项"),
    ("para", "（一）省数据局将组织专家对推荐项目进行评审，必要时开展现场核查，评审结果在省数据局门户网站公示5个工作日。"),
    ("para", "（二）申报单位对申报材料的真实性负责。对弄虚作假的，取消申报资格，三年内不得申报省数据局组织的各类项目。"),
    ("para", "（三）各州（市）数据局要加强政策宣传和组织动员，指导申报单位做好材料准备，严格审核把关，"
             "确保推荐项目质量。省数据局将对推荐工作组织规范、推荐项目质量较高的州（市）予以通报表扬。"),
    ("para", "（四）联系人：省数据局数据资源处杨工，电话：0871-63901234。"),
    ("para", "附件：1.云南省可信数据空间试点项目申报书  2.数据安全承诺书  3.推荐项目汇总表"),
    ("para", "云南省数据局"),
    ("para", "2026年11月6日"),
    ("page", ""),
    ("para", "附件1"),
    ("title", "云南省可信数据空间试点项目申报书"),
    ("para", "项目名称：          申报单位（盖章）：          推荐单位："),
    ("para", "填报说明：申报书正文按下表章节顺序编写，各章节篇幅不得超过表中要求，图表可另附。"),
    ("table", [
        ["序号", "章节", "主要内容", "篇幅要求"],
        ["1", "项目摘要", "项目名称、试点方向、建设目标和主要内容", "不超过300字"],
        ["2", "申报单位基本情况", "单位性质、主营业务、数据资源和团队情况", "800字以内"],
        ["3", "建设基础", "已有数据资源、接入主体、技术能力和应用场景", "限1000字"],
        ["4", "建设方案", "基础任务和所选拓展任务的建设内容、技术架构、进度安排", "不超过3000字"],
        ["5", "运营模式与可持续性", "运营主体、运营规则、收益分配和可持续运营安排", "1500字以内"],
        ["6", "安全保障措施", "数据安全、网络安全和个人信息保护措施", "不超过一千字"],
        ["7", "预期成效与考核指标", "数据流通规模、应用场景、经济社会效益", "按附表填写"],
        ["8", "投资估算", "总投资、资金来源和使用计划", "不限"],
    ]),
    ("para", "附件2"),
    ("title", "数据安全承诺书"),
    ("para", "本单位郑重承诺：所提交的申报材料真实、准确、完整；本单位近三年未发生重大网络安全和数据安全事件；"
             "试点建设中严格遵守数据安全相关法律法规。如有违反，愿承担相应责任。"),
    ("para", "承诺单位（公章）：          法定代表人（签字）：          年  月  日"),
    ("para", "附件3"),
    ("title", "推荐项目汇总表"),
    ("para", "推荐单位（盖章）：                    填报日期："),
    ("table", [
        ["序号", "项目名称", "申报单位", "试点方向", "项目简介（100字以内）", "联系人及电话"],
        ["", "", "", "", "", ""],
    ]),
]

# ---------------------------------------------------------------------------
# Changsha: municipal notice (DOCX). Blocks: ("center", s) ("title", s) ("h1", s)
# ("h2", s) ("para", s) ("table", rows). Window closed on 2026-11-22.
# ---------------------------------------------------------------------------
CHANGSHA = [
    ("center", "长沙市数据资源管理局"),
    ("center", "长数资发〔2026〕22号"),
    ("title", "长沙市数据资源管理局关于开展2026年度长沙市可信数据空间应用示范项目征集工作的通知"),
    ("para", "各区县（市）数据主管部门，湖南湘江新区、长沙经开区、长沙高新区管委会，各有关单位："),
    ("para", "为加快建设全国数字经济创新高地，推动工程机械、新能源汽车、文化创意等优势产业数据可信流通和融合应用，"
             "市数据资源管理局决定开展2026年度长沙市可信数据空间应用示范项目征集工作。现将有关事项通知如下。"),
    ("h1", "一、总体目标"),
    ("para", "以场景应用为牵引，以可信管控为基础，用两年左右时间在全市培育10个以上可信数据空间应用示范项目，"
             "形成一批可复制、可推广的数据流通利用模式。示范项目建设周期原则上不超过18个月。"),
    ("para", "近年来，我市数据要素市场化配置改革持续推进，市公共数据授权运营平台建成运行，工程机械、新能源汽车等产业"
             "龙头企业围绕研发设计、生产制造和售后服务开展了产业链数据协同探索。同时，数据供给质量不高、跨主体信任机制"
             "缺失、流通规则和收益分配机制不健全等问题仍然存在。开展可信数据空间应用示范，旨在以场景应用带动基础设施"
             "建设，以运营机制保障持续发展，为全市数字经济高质量发展提供支撑。"),
    ("h1", "二、建设任务"),
    ("para", "示范项目须完成下表中全部“必选”任务，并至少选择1项“可选”任务。"),
    ("table", [
        ["序号", "建设任务", "要求", "类型"],
        ["1", "数据空间连接器部署", "部署符合国家相关技术要求的连接器，支撑参与方可信接入和数据目录发布", "必选"],
        ["2", "参与方身份认证与接入管理", "建立统一身份认证体系，对接入主体实行分级分类管理", "必选"],
        ["3", "数据使用控制与过程存证", "实现数据使用策略的技术化执行，流通过程全程留痕、可追溯", "必选"],
        ["4", "工业数据融合应用", "围绕产业链协同开展研发设计、生产制造、供应链等数据融合应用", "可选"],
        ["5", "公共数据授权运营对接", "与市公共数据授权运营平台对接，推动公共数据与社会数据融合", "可选"],
        ["6", "数据资产入表探索", "开展数据资源登记、数据资产评估和会计入表实践", "可选"],
    ]),
    ("para", "申报单位应在申报书中逐项说明各项任务的现状基础、建设目标、实施路径和预期成果。选择可选任务的，"
             "应结合本单位数据资源和业务场景说明选择理由。已建成的内容不得作为本次示范任务重复申报，"
             "建设目标应具体、可量化、可考核。市数据资源管理局将结合任务完成情况和应用成效开展评估，"
             "对建设成效突出的项目优先推荐申报国家和省级相关试点。"),
    ("h1", "三、申报条件"),
    ("para", "（一）申报单位须在长沙市行政区域内注册登记，具有独立法人资格，注册时间满1年。"),
    ("para", "（二）申报单位应为拟建可信数据空间的运营主体或技术服务商。"),
    ("para", "（三）申报单位信用状况良好，未被列入失信被执行人名单；近两年未发生数据安全事件。"),
    ("para", "（四）申报项目应已完成前期建设，已上线运行的应用场景不少于2个。"),
    ("para", "（五）同一单位限报一个项目，本次征集不接受联合申报。"),
    ("para", "各区县（市）数据主管部门推荐项目不超过3个，湖南湘江新区、长沙经开区、长沙高新区各推荐不超过2个。"),
    ("h1", "四、申报材料"),
    ("para", "申报单位应提交以下材料："),
    ("para", "1.长沙市可信数据空间应用示范项目申报书（附件1）；"),
    ("para", "2.营业执照复印件；"),
    ("para", "3.2025年度财务报表；"),
    ("para", "4.已上线应用场景证明材料；"),
    ("para", "5.数据产品登记证书（如有）；"),
    ("para", "6.获奖证书等其他佐证材料（自愿提供）。"),
    ("para", "推荐单位须填报推荐项目汇总表（附件2）。"),
    ("h1", "五、申报程序"),
    ("h2", "（一）网上申报"),
    ("para", "申报单位于2026 年8 月31日前登录长沙市数据要素服务平台（https://sjys.changsha.gov.cn），"
             "在线填报并上传申报书盖章扫描件。"),
    ("h2", "（二）纸质报送"),
    ("para", "纸质申报书一式两份，须加盖单位公章，报送至所在区县（市）数据主管部门。"),
    ("h2", "（三）审核推荐"),
    ("para", "各区县（市）数据主管部门于2026年9月10日前将推荐汇总表及纸质材料报送市数据资源管理局数据应用处。"),
    ("h1", "六、工作要求"),
    ("para", "（一）市数据资源管理局将组织专家评审，择优确定示范项目并向社会公示。对确定的示范项目，"
             "按照《长沙市数字经济发展专项资金管理办法》给予支持。"),
    ("para", "（二）申报单位对申报材料的真实性负责，对弄虚作假的，取消示范资格，并纳入信用记录。"),
    ("para", "（三）各区县（市）数据主管部门和园区管委会要高度重视，加强政策宣传解读，组织辖区内符合条件的单位积极申报，"
             "认真做好审核把关工作。市数据资源管理局将对示范项目实施情况进行跟踪评估，建设期满后组织验收，"
             "验收结果作为后续政策支持的重要依据。"),
    ("para", "（四）示范项目确定后，项目单位应按照申报书确定的建设内容和进度组织实施，每季度末向所在区县（市）数据主管部门"
             "报送建设进展情况，重大事项变更须书面报告。"),
    ("para", "联系人：市数据资源管理局数据应用处刘工，电话：0731-88661234；平台技术支持：0731-88669876"
             "（工作日9:00—12:00，14:00—17:30）。"),
    ("para", "附件：1.长沙市可信数据空间应用示范项目申报书"),
    ("para", "2.推荐项目汇总表"),
    ("para", "长沙市数据资源管理局"),
    ("para", "2026年7月15日"),
    ("para", "附件1"),
    ("title", "长沙市可信数据空间应用示范项目申报书"),
    ("para", "填报说明：各部分字数以正文计，不含图表；申报书采用A4幅面，正文使用仿宋四号字，"
             "页码居中标注。申报单位可根据实际情况增加附图附表。"),
    ("h2", "一、项目概况（500字以内）"),
    ("para", "简要说明项目名称、建设目标、主要内容和已上线场景。"),
    ("h2", "二、申报单位情况（限800字）"),
    ("para", "介绍单位基本情况、主营业务、数据资源基础、技术团队和数据运营能力，以及近两年在数据流通领域开展的主要工作。"),
    ("h2", "三、建设方案"),
    ("para", "（一）建设任务实施方案（不超过2500字）"),
    ("para", "逐项说明必选任务和所选可选任务的建设内容。"),
    ("para", "（二）技术架构（1500字左右）"),
    ("para", "说明连接器、身份认证、使用控制、存证等组件的技术路线及与国家相关技术规范的衔接情况。"),
    ("h2", "四、应用场景与成效（不超过二千字）"),
    ("para", "说明已上线场景的运行情况、服务主体数量和数据流通规模，以及建成后的经济社会效益。"),
    ("h2", "五、进度安排"),
    ("para", "按季度列明建设任务、里程碑和责任人。"),
    ("h2", "六、申报单位承诺"),
    ("para", "申报单位法定代表人签字并加盖公章后，随申报书一并上传和报送。"),
    ("para", "本单位承诺所填报内容真实有效，如有虚假，愿承担相应责任。"),
    ("para", "附件2"),
    ("title", "推荐项目汇总表"),
    ("table", [
        ["序号", "项目名称", "申报单位", "所在区县（市）", "已上线场景数", "联系人及电话"],
        ["", "", "", "", "", ""],
    ]),
]


def build_pdf(path: Path, blocks=YUNNAN) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=18, wordWrap="CJK", firstLineIndent=22)
    head = ParagraphStyle("head", parent=body, fontSize=12, firstLineIndent=0, spaceBefore=6)
    center = ParagraphStyle("center", parent=body, alignment=TA_CENTER, firstLineIndent=0)
    title = ParagraphStyle("title", parent=center, fontSize=15, leading=24, spaceAfter=8)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=14, firstLineIndent=0)

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"- {doc.page} -")
        canvas.restoreState()

    story = []
    for kind, value in blocks:
        if kind == "title":
            story.append(Paragraph(value, title))
        elif kind == "center":
            story.append(Paragraph(value, center))
        elif kind == "head":
            story.append(Paragraph(value, head))
        elif kind == "para":
            story.append(Paragraph(value, body))
        elif kind == "page":
            story.append(PageBreak())
        elif kind == "table":
            data = [[Paragraph(c, cell) for c in row] for row in value]
            widths = [12 * mm, 40 * mm, 80 * mm, 28 * mm] if len(value[0]) == 4 else None
            table = Table(data, colWidths=widths, repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            story.append(table)
            story.append(Spacer(1, 8))
        else:
            raise ValueError(kind)
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title=YUNNAN[0][1], author="云南省数据局",
                            leftMargin=25 * mm, rightMargin=25 * mm, topMargin=25 * mm, bottomMargin=25 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path


def _east_asian(style_or_run, name: str = "宋体") -> None:
    from docx.oxml.ns import qn

    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def repack_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so output is reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build_docx(path: Path, blocks=CHANGSHA) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    _east_asian(document.styles["Normal"])
    props = document.core_properties
    props.title = CHANGSHA[2][1]
    props.author = "长沙市数据资源管理局"
    props.last_modified_by = "长沙市数据资源管理局"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    for kind, value in blocks:
        if kind in ("center", "title"):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(value)
            run.bold = kind == "title"
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "h1":
            document.add_heading(value, level=1)
        elif kind == "h2":
            document.add_heading(value, level=2)
        elif kind == "para":
            document.add_paragraph(value)
        elif kind == "table":
            table = document.add_table(rows=len(value), cols=len(value[0]))
            table.style = "Table Grid"
            for r, row in enumerate(value):
                for col, text in enumerate(row):
                    table.cell(r, col).text = text
        else:
            raise ValueError(kind)
    buf = io.BytesIO()
    document.save(buf)
    path.write_bytes(repack_zip(buf.getvalue()))
    return path


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    for built in (build_pdf(out / PDF_NAME), build_docx(out / DOCX_NAME)):
        print(f"{built.name}: {built.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
