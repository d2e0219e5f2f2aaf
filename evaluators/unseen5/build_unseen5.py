"""Regenerate the DOCX and PDF notices of the fifth unseen evaluation set.

    python evaluators/unseen5/build_unseen5.py

Writes, next to this script:
  hefei-2026_合肥市数据资源局_可信数据空间应用示范项目申报通知.docx  (python-docx, Word
      "Heading 1"/"Heading 2" styles; attachment 1 is a template whose parts are tables
      栏目 | 填写说明 with limits such as （500字以内） inside the cells; attachment 2 a 汇总表)
  shandong-2026_山东省卫生健康委员会_卫生健康行业可信数据空间试点申报通知.pdf  (reportlab,
      STSong-Light CID font, 4 pages, page footers "— N —")

The third notice (guizhou-2026, .txt) is committed as written and needs no build.
Output is byte-for-byte deterministic (reportlab invariant mode; DOCX re-packed with fixed
zip timestamps and fixed core properties). The text below is the notice itself; edit it
here, rebuild, then run check_unseen5.py.
"""

from __future__ import annotations

import datetime as _dt
import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCX_NAME = "hefei-2026_合肥市数据资源局_可信数据空间应用示范项目申报通知.docx"
PDF_NAME = "shandong-2026_山东省卫生健康委员会_卫生健康行业可信数据空间试点申报通知.pdf"
FIXED_TIME = _dt.datetime(2026, 8, 20, 9, 0, 0)

# ---------------------------------------------------------------------------
# Hefei: municipal notice (DOCX). Blocks: ("center", s) ("title", s) ("h1", s)
# ("h2", s) ("para", s) ("table", rows). Window closed on 2026-11-22.
# ---------------------------------------------------------------------------
HEFEI = [
    ("center", "合肥市数据资源局"),
    ("center", "合数资〔2026〕31号"),
    ("title", "合肥市数据资源局关于组织申报2026年度合肥市可信数据空间应用示范项目的通知"),
    ("para", "各县（市）区数据资源主管部门，各开发区管委会，市直有关单位，各有关企业："),
    ("para", "为贯彻落实国家数据局《可信数据空间发展行动计划（2024—2028年）》和省委、省政府关于加快数字安徽建设的"
             "部署要求，推动新能源汽车、集成电路、新型显示、生物医药等重点产业数据可信流通和融合应用，市数据资源局"
             "决定组织开展2026年度合肥市可信数据空间应用示范项目申报工作。现将有关事项通知如下。"),
    ("h1", "一、工作目标"),
    ("para", "聚焦重点产业链和城市治理场景，到2027年底，全市培育可信数据空间应用示范项目15个以上，推动形成一批"
             "运营规则清晰、收益分配合理、安全保障有力的数据流通利用模式，数据要素对产业发展的乘数效应进一步显现。"),
    ("para", "近年来，我市依托城市大脑和公共数据授权运营平台，持续推进数据资源归集共享和开发利用，新能源汽车、"
             "新型显示等产业龙头企业围绕研发设计、生产制造、供应链管理开展了产业链数据协同探索，具备开展可信数据空间"
             "建设的良好基础。本次征集围绕企业可信数据空间、行业可信数据空间和城市可信数据空间三类开展。"),
    ("para", "示范项目建设坚持以下原则：坚持应用牵引，以真实业务需求和已上线场景为基础，避免重平台、轻应用；"
             "坚持安全可控，落实数据分类分级保护和个人信息保护要求，确保数据流通全过程安全可控；坚持市场运作，"
             "充分发挥运营主体作用，建立可持续的商业模式和收益分配机制；坚持开放协同，推动空间之间互联互通，"
             "避免形成新的数据孤岛。"),
    ("h1", "二、建设任务"),
    ("para", "示范项目应立足本单位业务基础和已上线场景，统筹推进基础设施、运营机制和应用场景建设。建设任务分为必建"
             "任务和选建任务两类，其中必建任务是可信数据空间的基本能力要求，选建任务是结合重点产业和城市治理需求"
             "开展的特色应用探索。"),
    ("h2", "（一）必建任务"),
    ("para", "1.数据空间连接器接入。部署符合国家相关技术要求的连接器，实现参与方可信接入，并与市级可信数据空间"
             "服务节点互联互通。"),
    ("para", "2.数据目录与标识管理。编制空间数据资源目录，采用统一数据标识，支撑数据资源的发现、检索和授权使用。"),
    ("para", "3.使用控制与过程存证。对数据使用范围、次数、期限等策略实行技术化管控，流通过程全程存证、可审计。"),
    ("h2", "（二）选建任务"),
    ("para", "4.新能源汽车产业链数据协同。围绕整车与零部件企业，开展研发、生产、售后等环节数据的可信共享。"),
    ("para", "5.城市治理数据融合应用。推动公共数据与社会数据在交通出行、应急管理、基层治理等场景融合应用。"),
    ("para", "6.数据产品流通交易。依托数据交易机构推动数据产品登记和挂牌交易，探索数据产品定价机制。"),
    ("para", "示范项目须完成全部必建任务，并至少完成1项选建任务。"),
    ("para", "示范项目建设周期原则上不超过18个月。建设期内，项目单位应每半年向所在县（市）区数据资源主管部门报送"
             "建设进展，市数据资源局将组织开展中期评估和验收评价，评估结果作为后续政策支持的重要依据。"),
    ("h1", "三、申报条件"),
    ("para", "（一）申报单位须在合肥市行政区域内注册登记，具有独立法人资格。"),
    ("para", "（二）申报单位应为可信数据空间的运营主体，已建成可信数据空间或具备相应建设条件。"),
    ("para", "（三）申报单位信用记录良好，未被列入经营异常名录或严重失信主体名单。"),
    ("para", "（四）申报项目须已上线至少1个应用场景，接入主体不少于5家。"),
    ("para", "（五）每家单位限报1个项目。本次征集不接受联合申报。"),
    ("h1", "四、推荐名额"),
    ("para", "各县（市）区数据资源主管部门对辖区内申报项目进行初审，每个县（市）区推荐项目不超过3个，各开发区推荐"
             "项目不超过2个，填写推荐项目汇总表（附件2）后连同申报材料一并报送市数据资源局。"),
    ("h1", "五、申报材料"),
    ("para", "申报单位须提交以下材料："),
    ("para", "1.合肥市可信数据空间应用示范项目申报书（附件1）；"),
    ("para", "2.营业执照复印件；"),
    ("para", "3.上一年度财务报表；"),
    ("para", "4.已上线应用场景的运行证明材料；"),
    ("para", "5.相关资质证书、荣誉证书（如有）。"),
    ("h1", "六、申报时间及方式"),
    ("para", "本次申报采取网上申报与纸质材料报送相结合的方式，网上填报信息与纸质材料内容应保持一致。"),
    ("para", "（一）网上申报。申报单位于2026 年 9 月 30 日18:00前登录合肥市数据资源服务平台"
             "（https://sjzy.hefei.gov.cn）填报项目信息，并上传申报书PDF扫描件。"),
    ("para", "（二）纸质材料。纸质材料一式两份，A4纸双面打印，报送至所在县（市）区数据资源主管部门。"),
    ("para", "平台填报过程中如遇技术问题，可在工作日咨询平台技术支持人员。申报单位应提前注册平台账号并完成单位信息"
             "认证，避免临近截止时集中填报造成系统拥堵。"),
    ("h1", "七、其他事项"),
    ("para", "（一）市数据资源局将会同市发展改革委、市经济和信息化局等部门建立示范项目协同推进机制，在公共数据授权、"
             "场景开放、算力资源和人才引育等方面给予统筹支持，并定期组织供需对接和经验交流活动。"),
    ("para", "（二）市数据资源局将组织专家对推荐项目进行评审，择优确定示范项目名单，并在市数据资源局网站公示。"),
    ("para", "（三）对确定的示范项目，市数字经济发展专项资金按照有关规定给予最高100万元奖补。"),
    ("para", "（四）申报单位对申报材料的真实性负责，对提供虚假材料的，取消示范资格，三年内不得申报市数据资源局"
             "组织的各类项目。"),
    ("para", "（五）联系人：市数据资源局数据要素处李工，联系电话：0551-63531234。"),
    ("para", "附件：1.合肥市可信数据空间应用示范项目申报书"),
    ("para", "2.推荐项目汇总表"),
    ("para", "合肥市数据资源局"),
    ("para", "2026年8月20日"),
    ("para", "附件1"),
    ("title", "合肥市可信数据空间应用示范项目申报书"),
    ("para", "填写说明：申报书各部分按下列表格填写，各栏目字数不得超过填写说明中的要求，可另附图表。"),
    ("h2", "一、项目基本信息"),
    ("table", [
        ["栏目", "填写说明"],
        ["项目名称", "填写项目全称"],
        ["申报单位", "与营业执照名称一致"],
        ["空间类型", "企业可信数据空间、行业可信数据空间或城市可信数据空间"],
        ["项目简介", "概述建设内容、已上线场景和预期目标（200字以内）"],
    ]),
    ("h2", "二、申报单位情况"),
    ("table", [
        ["栏目", "填写说明"],
        ["单位概况", "单位性质、主营业务、数据资源基础和技术团队（500字以内）"],
        ["数据运营能力", "近两年开展数据汇聚、治理和流通服务的情况（不超过800字）"],
    ]),
    ("h2", "三、建设方案"),
    ("table", [
        ["栏目", "填写说明"],
        ["建设目标", "总体目标和分阶段目标（不超过600字）"],
        ["建设内容", "逐项说明必建任务和所选选建任务的建设内容（3000字以内）"],
        ["技术架构", "连接器、身份认证、使用控制、存证等组件的技术路线（1500字左右）"],
    ]),
    ("h2", "四、应用场景与成效"),
    ("table", [
        ["栏目", "填写说明"],
        ["已上线场景", "场景名称、服务对象、接入主体数量和运行情况（限1000字）"],
        ["预期成效", "数据流通规模、经济社会效益等（不少于300字）"],
    ]),
    ("h2", "五、申报单位承诺"),
    ("table", [
        ["栏目", "填写说明"],
        ["承诺内容", "本单位承诺所填报内容及附件材料真实有效，如有虚假，愿承担相应责任。"],
        ["签章", "法定代表人签字并加盖单位公章"],
    ]),
    ("para", "附件2"),
    ("title", "推荐项目汇总表"),
    ("table", [
        ["序号", "项目名称", "申报单位", "所属县（市）区", "场景简述（50字以内）", "联系人及电话"],
        ["", "", "", "", "", ""],
    ]),
]

# ---------------------------------------------------------------------------
# Shandong: sector notice (PDF). Blocks: ("center", s) ("title", s) ("head", s)
# ("para", s) ("page", "") ("table", rows). Window open on 2026-11-22.
# ---------------------------------------------------------------------------
SHANDONG = [
    ("title", "山东省卫生健康委员会关于组织申报2026年度卫生健康行业可信数据空间试点的通知"),
    ("center", "鲁卫数字函〔2026〕15号"),
    ("para", "各市卫生健康委，委直属各单位，各有关医疗卫生机构和企业："),
    ("para", "为贯彻落实国家数据局《可信数据空间发展行动计划（2024—2028年）》和国家卫生健康委关于推进卫生健康数据"
             "要素开发利用的有关部署，在保障患者隐私和数据安全的前提下，推动医疗健康数据在诊疗协同、医保商保、"
             "医学科研和健康管理等场景中可信流通，省卫生健康委决定组织开展2026年度卫生健康行业可信数据空间试点"
             "申报工作。现将有关事项通知如下。"),
    ("head", "一、工作背景和目标"),
    ("para", "近年来，我省全民健康信息平台实现省市县三级互联互通，电子病历和电子健康档案普及应用，检查检验结果"
             "互认覆盖全省二级以上医疗机构，积累了规模庞大、价值密集的医疗健康数据资源。但医疗健康数据敏感度高，"
             "跨机构共享面临授权机制不清、隐私保护手段不足、安全责任不明等问题，数据价值尚未充分释放。"),
    ("para", "国家数据局、国家卫生健康委先后印发文件，明确支持在卫生健康等重点行业开展可信数据空间建设，探索医疗健康"
             "数据“原始数据不出域、数据可用不可见”的流通利用模式。我省作为人口大省和医疗资源大省，具备率先开展行业"
             "可信数据空间试点的数据基础、技术基础和应用基础，有条件在全国率先探索形成医疗健康数据可信流通的制度体系"
             "和技术路径。"),
    ("para", "通过试点，力争到2027年底在全省建成卫生健康行业可信数据空间8个左右，形成一批医疗健康数据安全流通的"
             "技术方案、管理规范和运营模式，为全国卫生健康行业可信数据空间建设提供山东经验。"),
    ("para", "试点工作坚持以下原则：一是坚持安全第一，严格落实数据安全法、个人信息保护法和卫生健康行业数据安全管理"
             "有关规定，确保数据“可用不可见、可控可计量”；二是坚持场景牵引，从临床诊疗、公共卫生、医学科研等实际需求"
             "出发，以用促建、以建促用；三是坚持多方共建，发挥医疗卫生机构的数据资源优势和企业的技术运营优势，形成"
             "权责清晰、利益共享的合作机制；四是坚持试点先行，边试点、边总结、边推广，及时将成熟经验上升为制度规范。"),
    ("head", "二、建设任务"),
    ("para", "试点单位应围绕以下任务开展建设，其中标注“必建”的任务应全部完成，标注“选建”的任务可结合实际选择。"),
    ("para", "（一）医疗健康数据可信接入（必建）。部署数据空间连接器，建立医疗卫生机构、企业和科研单位等参与方的"
             "身份认证和准入管理机制。"),
    ("para", "（二）数据分类分级与目录管理（必建）。按照卫生健康数据分类分级有关要求，对接入数据进行分类分级，"
             "编制并动态更新数据资源目录。"),
    ("para", "（三）隐私计算与使用控制（必建）。应用隐私计算、数据脱敏等技术，实现敏感数据“可用不可见”，"
             "对数据使用全过程进行存证审计。"),
    ("para", "（四）医保商保数据融合应用（选建）。在依法授权的前提下，推动诊疗数据与商业健康保险理赔等场景融合应用。"),
    ("para", "（五）医学科研数据可信开放（选建）。面向高校和科研机构提供可信的科研数据服务，支撑临床研究和新药研发。"),
    ("head", "三、申报条件"),
    ("para", "（一）申报单位为山东省内的二级及以上公立医疗机构、疾病预防控制机构，或在山东省内注册、具有独立法人"
             "资格的医疗健康数据服务企业。"),
    ("para", "（二）医疗卫生机构申报的，须经其主管卫生健康行政部门同意；企业申报的，须经合作医疗卫生机构书面同意，"
             "并取得相应的数据使用授权。"),
    ("para", "（三）申报单位已通过网络安全等级保护三级测评，近三年未发生患者个人信息泄露等重大数据安全事件。"),
    ("para", "（四）申报单位及其法定代表人近三年无严重违法失信记录，未被列入失信被执行人名单、重大税收违法失信"
             "主体名单。"),
    ("para", "（五）已入选国家卫生健康委或省级以上可信数据空间相关试点的项目，不得重复申报；同一项目已获得其他"
             "省级财政资金支持的，不得重复申报。"),
    ("para", "（六）每家单位限牵头申报1个项目。鼓励医疗卫生机构与企业、科研单位联合申报，联合体成员（含牵头单位）"
             "不超过5家，且至少包括1家医疗卫生机构。"),
    ("para", "（七）各市卫生健康委负责本市申报项目的审核推荐，每市推荐项目不超过三个。"),
    ("head", "四、申报材料"),
    ("para", "申报单位应提交以下材料："),
    ("para", "1.山东省卫生健康行业可信数据空间试点申报书（附件1）；"),
    ("para", "2.事业单位法人证书或营业执照复印件；"),
    ("para", "3.网络安全等级保护三级测评报告；"),
    ("para", "4.主管部门或合作医疗卫生机构的同意意见（附件2）；"),
    ("para", "5.联合申报协议（联合申报的提供）；"),
    ("para", "6.伦理审查批件（涉及科研数据使用的提供）；"),
    ("para", "7.数据资源登记证书等其他佐证材料（可选）。"),
    ("para", "各市卫生健康委汇总填写推荐项目汇总表（附件3）。"),
    ("head", "五、申报时间和方式"),
    ("para", "（一）申报时间：即日起至12月15日17:00前。"),
    ("para", "（二）网上申报。申报单位登录山东省卫生健康数据要素服务平台（https://wjwsjys.shandong.gov.cn）"
             "在线填报，并上传申报材料扫描件。"),
    ("para", "（三）纸质材料。申报书纸质版一式两份，A4纸双面打印，封面加盖申报单位公章，报所在市卫生健康委；"
             "委直属单位直接报省卫生健康委。"),
    ("para", "（四）审核推荐。各市卫生健康委于2026年12月25日前将推荐项目汇总表及纸质材料报送省卫生健康委规划发展"
             "与信息化处，汇总表电子版发送至sdwjw_xxh@shandong.cn。"),
    ("head", "六、评审和支持"),
    ("para", "（一）省卫生健康委将会同省数据局组织专家，按照形式审查、专家评审、现场核查的程序对推荐项目进行评审，"
             "评审结果在省卫生健康委网站公示7个工作日。"),
    ("para", "（二）对入选的试点项目，省级财政卫生健康信息化专项资金给予每个项目不超过150万元补助，并在数据资源"
             "授权、应用场景开放等方面优先支持。"),
    ("head", "七、其他事项"),
    ("para", "（一）申报单位对申报材料的真实性负责。对弄虚作假的，取消试点资格，收回补助资金，三年内不得申报省卫生"
             "健康委组织的各类项目。"),
    ("para", "（二）试点单位应建立数据安全管理制度，落实数据安全主体责任；试点期间发生重大数据安全事件的，"
             "撤销试点资格。"),
    ("para", "（三）各市卫生健康委要高度重视试点申报工作，加强对辖区内医疗卫生机构的政策宣传和业务指导，会同当地"
             "数据主管部门做好申报项目的审核把关，重点审核数据来源合法性、授权链条完整性和安全保障措施有效性。"
             "省卫生健康委将适时组织试点经验交流和成果展示活动，推动优秀案例在全省推广应用。"),
    ("para", "（四）联系人：省卫生健康委规划发展与信息化处赵工，联系电话：0531-67871234。"),
    ("para", "附件：1.山东省卫生健康行业可信数据空间试点申报书  2.同意意见  3.推荐项目汇总表"),
    ("para", "山东省卫生健康委员会"),
    ("para", "2026年11月12日"),
    ("page", ""),
    ("para", "附件1"),
    ("title", "山东省卫生健康行业可信数据空间试点申报书"),
    ("para", "项目名称：          申报单位（盖章）：          推荐单位："),
    ("para", "编写说明：申报书按以下提纲编写，各部分字数不得超过规定要求。"),
    ("para", "一、项目摘要（不超过400字）"),
    ("para", "二、申报单位基础（800字以内）"),
    ("para", "三、建设方案"),
    ("para", "（一）数据接入与治理方案（限2000字）"),
    ("para", "（二）隐私保护与安全方案（不超过1500字）"),
    ("para", "四、应用场景与预期成效（约1200字）"),
    ("para", "五、实施计划与经费预算"),
    ("para", "附件2"),
    ("title", "同意意见"),
    ("para", "经研究，同意_______________（申报单位）申报2026年度卫生健康行业可信数据空间试点项目"
             "“_______________”，并授权其在试点范围内依法使用本单位相关数据。"),
    ("para", "同意单位（盖章）：                    年  月  日"),
    ("para", "附件3"),
    ("title", "推荐项目汇总表"),
    ("para", "推荐单位：                    填报日期："),
    ("table", [
        ["序号", "项目名称", "申报单位", "单位类型", "联系人及电话"],
        ["", "", "", "", ""],
    ]),
]


def build_pdf(path: Path, blocks=SHANDONG) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=11.5, leading=19, wordWrap="CJK", firstLineIndent=23)
    head = ParagraphStyle("head", parent=body, fontSize=12.5, firstLineIndent=0, spaceBefore=6)
    center = ParagraphStyle("center", parent=body, alignment=TA_CENTER, firstLineIndent=0)
    title = ParagraphStyle("title", parent=center, fontSize=15, leading=24, spaceAfter=8)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=14, firstLineIndent=0)

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"— {doc.page} —")
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
            table = Table(data, repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            story.append(table)
            story.append(Spacer(1, 8))
        else:
            raise ValueError(kind)
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title=SHANDONG[0][1], author="山东省卫生健康委员会",
                            leftMargin=26 * mm, rightMargin=26 * mm, topMargin=26 * mm, bottomMargin=26 * mm)
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


def build_docx(path: Path, blocks=HEFEI) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    _east_asian(document.styles["Normal"])
    props = document.core_properties
    props.title = HEFEI[2][1]
    props.author = "合肥市数据资源局"
    props.last_modified_by = "合肥市数据资源局"
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
    for built in (build_docx(out / DOCX_NAME), build_pdf(out / PDF_NAME)):
        print(f"{built.name}: {built.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
