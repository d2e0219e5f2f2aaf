"""Regenerate the PDF and DOCX notices of the unseen evaluation set.

    python evaluators/unseen/build_unseen.py

Writes, next to this script:
  jiangsu-2026_江苏省数据局_数据要素专项资金申报指南.pdf   (reportlab, CID font STSong-Light)
  chengdu-2026_成都市数据局_可信数据空间试点征集通知.docx  (python-docx, Word heading styles + tables)

Output is byte-for-byte deterministic: the PDF is written with reportlab's
invariant mode and the DOCX is re-packed with fixed zip timestamps and fixed
core properties. The texts below are the notices themselves; edit them here,
rebuild, then re-run check_unseen.py (gold quotes must stay verbatim).
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PDF_NAME = "jiangsu-2026_江苏省数据局_数据要素专项资金申报指南.pdf"
DOCX_NAME = "chengdu-2026_成都市数据局_可信数据空间试点征集通知.docx"

# ---------------------------------------------------------------------------
# Jiangsu: provincial special-fund application guide (PDF)
# Block kinds: ("title", s) ("center", s) ("right", s) ("h1", s) ("h2", s)
#              ("p", s) ("table", [[cell, cell], ...], [col_width_ratio, ...]) ("pagebreak",)
# ---------------------------------------------------------------------------
JIANGSU = [
    ("center", "江苏省数据局文件"),
    ("center", "苏数发〔2026〕58号"),
    ("title", "江苏省数据局 江苏省财政厅关于组织申报2026年度省数据要素发展专项资金项目的通知"),
    ("p", "各设区市数据局、财政局，省各有关部门，各有关单位："),
    ("p", "为贯彻落实国家“数据要素×”三年行动计划和《可信数据空间发展行动计划（2024—2028年）》，"
          "发挥省级专项资金引导作用，加快培育全省数据要素市场，省数据局、省财政厅决定组织申报2026年度"
          "省数据要素发展专项资金项目。现将《2026年度江苏省数据要素发展专项资金项目申报指南》印发给你们，"
          "请认真做好项目组织申报和审核推荐工作。"),
    ("p", "附件：1.2026年度江苏省数据要素发展专项资金项目申报书"),
    ("p", "2.信用承诺书"),
    ("right", "江苏省数据局　江苏省财政厅"),
    ("right", "2026年10月30日"),
    ("pagebreak",),
    ("title", "2026年度江苏省数据要素发展专项资金项目申报指南"),
    ("h1", "一、总体要求"),
    ("p", "围绕数据资源开发利用和数据流通交易两条主线，重点支持可信数据空间建设运营、数据产品开发和流通交易、"
          "公共数据授权运营三类项目，以项目建设带动数据基础设施完善和数据产业集聚发展。专项资金坚持公开公正、"
          "择优支持、注重绩效的原则，实行项目化管理。"),
    ("h1", "二、支持方向"),
    ("h2", "方向一：可信数据空间建设运营类"),
    ("p", "支持企业、行业、城市可信数据空间建设运营，推动数据资源在空间内安全可信流通和高效利用。"
          "申报本方向的项目，建设内容中第（1）至（3）项为必须建设内容，第（4）（5）项为鼓励建设内容，"
          "申报书应逐项说明："),
    ("p", "（1）可信接入与管控能力建设。建设身份认证、接入管理、数据使用控制和存证溯源等核心功能，"
          "接入主体不少于20家。"),
    ("p", "（2）数据资源汇聚与治理。汇聚行业或区域高价值数据资源，建立数据目录和质量管理机制。"),
    ("p", "（3）安全合规保障体系建设。落实数据分类分级保护要求，建立数据安全风险评估和应急处置机制。"),
    ("p", "（4）数据资产入表与金融创新。探索数据资产登记、评估、入表及数据资产质押融资等金融服务。"),
    ("p", "（5）跨区域互联互通。与长三角其他可信数据空间开展目录互通、身份互认和规则互认。"),
    ("h2", "方向二：数据产品开发和流通交易类"),
    ("p", "支持数据商、第三方专业服务机构开发高质量数据产品，在依法设立的数据交易机构完成登记和交易，"
          "年度场内交易额不低于200万元。"),
    ("h2", "方向三：公共数据授权运营类"),
    ("p", "支持经设区市人民政府批准的公共数据授权运营机构开展公共数据产品开发和服务，形成可推广的授权运营模式。"),
    ("h1", "三、申报条件"),
    ("p", "（一）申报单位应在江苏省境内注册登记，具有独立法人资格，运营状况良好，财务管理制度健全。"),
    ("p", "（二）申报单位及其法定代表人近三年内无严重失信记录，未被列入经营异常名录，未发生较大及以上数据安全事件。"),
    ("p", "（三）项目总投资原则上不低于500万元，项目于2025年1月1日以后开工建设，申报时已完成投资不低于总投资的30%。"),
    ("p", "（四）可信数据空间建设运营类项目的申报单位应为该空间的运营主体。"),
    ("p", "（五）项目可由一家单位独立申报，也可由牵头单位联合不超过2家单位共同申报，牵头单位负责项目申报和资金管理。"),
    ("p", "（六）同一单位同一年度只能申报1个项目。已获得中央预算内投资或省级其他专项资金支持的项目，不得重复申报。"),
    ("p", "（七）省属企业申报须经其主管部门（单位）同意；中央驻苏企业、其他单位按属地原则由所在设区市推荐。"),
    ("h1", "四、支持方式和标准"),
    ("p", "专项资金采取事后补助方式。对可信数据空间建设运营类项目，按不超过项目已完成投资的20%给予补助，"
          "单个项目最高不超过300万元；对其他两类项目，单个项目最高不超过200万元。"),
    ("h1", "五、申报程序和时间"),
    ("p", "（一）网上申报。申报单位登录“江苏省数据要素项目管理系统”（https://sjys.jiangsu.gov.cn）"
          "注册并在线填报，上传盖章扫描件。网上申报截止时间为2026年12月15日17:00，逾期系统关闭。"),
    ("p", "（二）审核推荐。设区市数据局会同同级财政局对申报材料进行审核，于2026年12月25日前完成网上推荐，"
          "并报送正式推荐文件和推荐项目汇总表。省属企业由其主管部门审核后推荐。"),
    ("p", "（三）纸质材料。申报材料按目录顺序装订成册，一式两份，加盖单位公章和骑缝章，由推荐单位统一报送至"
          "省数据局数据资源处（南京市建邺区江东中路369号）。纸质材料与网上填报内容须保持一致。"),
    ("h1", "六、推荐数量"),
    ("p", "各设区市推荐项目总数不超过8个，其中可信数据空间建设运营类不超过3个；省有关部门推荐项目不超过2个。"
          "推荐单位应对推荐项目排序。"),
    ("h1", "七、申报材料"),
    ("p", "申报材料包括以下内容，其中第1至6项为必备材料，第7项为选报材料："),
    ("p", "1.项目申报书（附件1）；"),
    ("p", "2.营业执照复印件；"),
    ("p", "3.2025年度财务审计报告；"),
    ("p", "4.项目备案（核准）文件；"),
    ("p", "5.已完成投资的证明材料（合同、发票、付款凭证等）；"),
    ("p", "6.信用承诺书（附件2）；"),
    ("p", "7.其他佐证材料（数据产品登记证书、获奖证明等）。"),
    ("p", "联合申报的，还应提供各方签订的合作协议。"),
    ("h1", "八、评审和资金下达"),
    ("p", "省数据局会同省财政厅委托第三方机构对推荐项目进行形式审查，组织专家开展会议评审，必要时进行现场核查。"
          "评审重点考察项目的数据资源基础、建设内容先进性、应用场景示范性、投资完成情况和预期绩效。"
          "根据评审结果提出拟支持项目名单，在省数据局门户网站公示5个工作日，公示无异议后按程序下达资金。"),
    ("p", "项目单位收到补助资金后，应按规定进行会计核算，专款专用，不得用于支付罚款、捐赠、赞助和对外投资等支出。"),
    ("h1", "九、其他事项"),
    ("p", "（一）专项资金实行绩效管理，项目单位应按申报书填报的绩效目标组织实施，并接受绩效评价和监督检查。"),
    ("p", "（二）申报单位对申报材料真实性负责。对弄虚作假、骗取专项资金的，依法依规追回资金并记入信用记录。"),
    ("p", "（三）联系方式：省数据局数据资源处，电话025-83391234；省财政厅经济建设处，电话025-83633456。"),
    ("pagebreak",),
    ("p", "附件1"),
    ("title", "2026年度江苏省数据要素发展专项资金项目申报书"),
    ("p", "项目名称：　　　　　　　　申报方向："),
    ("p", "申报单位（盖章）：　　　　推荐单位（盖章）："),
    ("h2", "一、项目基本信息表"),
    ("table", [
        ["项目名称", ""],
        ["申报单位", ""],
        ["统一社会信用代码", ""],
        ["项目总投资（万元）", ""],
        ["已完成投资（万元）", ""],
        ["申请补助（万元）", ""],
        ["联合申报单位", "（如有，不超过2家）"],
        ["项目简介", "（200字以内）"],
        ["项目负责人及电话", ""],
    ], [0.32, 0.68]),
    ("h2", "二、项目申报书正文"),
    ("p", "正文按以下提纲编写，各部分不得超过规定字数。"),
    ("p", "（一）申报单位情况（500字以内）"),
    ("p", "（二）项目建设背景和必要性（1000字以内）"),
    ("p", "（三）建设内容和技术方案（不超过3000字）"),
    ("p", "方向一项目应对照申报指南逐项说明必须建设内容和所选鼓励建设内容。"),
    ("p", "（四）数据资源和应用场景（1500字以内）"),
    ("p", "（五）投资估算和资金筹措（800字以内）"),
    ("p", "（六）预期效益和绩效目标（不超过五百字）"),
    ("p", "（七）项目实施进度安排"),
    ("h2", "三、绩效目标表"),
    ("table", [
        ["指标类别", "指标名称", "目标值"],
        ["产出指标", "接入主体数量（家）", ""],
        ["产出指标", "上架数据产品数量（个）", ""],
        ["效益指标", "数据流通交易额（万元）", ""],
        ["效益指标", "带动上下游企业数量（家）", ""],
        ["满意度指标", "参与主体满意度（%）", ""],
    ], [0.25, 0.5, 0.25]),
    ("pagebreak",),
    ("p", "附件2"),
    ("title", "信用承诺书"),
    ("p", "本单位自愿申报2026年度江苏省数据要素发展专项资金项目，现郑重承诺：所提交的申报材料真实、合法、有效；"
          "本单位近三年内无严重失信记录；申报项目未获得中央预算内投资或省级其他专项资金支持；"
          "如有违反，自愿承担相应法律责任并接受信用惩戒。"),
    ("p", "法定代表人（签字）：　　　　　　单位（盖章）："),
    ("right", "年　　月　　日"),
]

# ---------------------------------------------------------------------------
# Chengdu: city notice with Word headings and tables (DOCX)
# Block kinds: ("title", s) ("heading1", s) ("heading2", s) ("para", s) ("table", rows)
# ---------------------------------------------------------------------------
CHENGDU = [
    ("title", "成都市数据局关于征集2026年成都市可信数据空间创新发展试点项目的通知"),
    ("para", "成数发〔2026〕9号"),
    ("para", "各区（市）县数据主管部门，四川天府新区、成都高新区、成都东部新区有关部门，各有关单位："),
    ("para", "为深入实施数据要素市场化配置改革，加快构建成都市可信数据空间体系，推动数据资源在更大范围安全"
             "可信流通，市数据局决定开展2026年成都市可信数据空间创新发展试点项目征集工作。现将有关事项通知如下。"),
    ("heading1", "一、征集方向"),
    ("heading2", "（一）企业可信数据空间"),
    ("para", "支持链主企业、平台企业围绕电子信息、装备制造、航空航天、现代物流等重点产业链，"
             "建设产业链上下游协同的企业可信数据空间。"),
    ("heading2", "（二）行业可信数据空间"),
    ("para", "支持行业龙头企业、行业协会和第三方机构聚焦医疗健康、文化旅游、现代农业、金融服务等领域，"
             "建设行业可信数据空间，推动行业数据资源汇聚与价值共创。"),
    ("heading2", "（三）城市（区域）可信数据空间"),
    ("para", "支持以区（市）县或功能区为单元，推动公共数据与社会数据融合应用，服务城市治理和公共服务。"
             "鼓励围绕公园城市建设、智慧交通、社区治理、应急管理等场景探索数据融合应用的有效机制。"),
    ("heading1", "二、建设任务"),
    ("para", "试点项目建设周期为两年。各试点项目应按下表开展建设，表中任务属性为“必选”的须全部建设，"
             "属性为“可选”的由申报单位根据实际选择。"),
    ("para", "表1　试点建设任务一览表"),
    ("table", [
        ["序号", "任务名称", "主要内容", "任务属性"],
        ["1", "数据空间基础能力建设", "建设接入认证、目录管理、使用控制、存证溯源等基础功能，接入国家可信数据空间服务平台", "必选"],
        ["2", "场景应用开发", "围绕不少于2个典型场景开发数据产品和服务，形成可量化的应用成效", "必选"],
        ["3", "运营规则体系建设", "制定准入、定价、收益分配和争议处理等运营规则，组建专职运营团队", "必选"],
        ["4", "公共数据融合应用", "依法依规引入公共数据资源，与企业数据融合开发应用", "可选"],
        ["5", "成渝数据空间互通", "与重庆等地可信数据空间开展身份互认、目录互通和跨空间流通", "可选"],
        ["6", "人工智能高质量数据供给", "建设面向模型训练的数据加工、标注和评测能力，形成高质量数据集", "可选"],
    ]),
    ("heading1", "三、申报条件"),
    ("para", "（一）申报单位须在成都市行政区域内（含四川天府新区成都直管区）登记注册，为具有独立法人资格的"
             "企业或事业单位。"),
    ("para", "（二）申报单位应为可信数据空间的建设运营主体，具备稳定的技术团队和持续运营能力。"),
    ("para", "（三）申报单位近三年未被列入严重失信主体名单，无重大数据安全事故和违法违规行为。"),
    ("para", "（四）已获国家或省级可信数据空间试点支持的项目不得重复申报。"),
    ("para", "（五）支持联合申报。联合申报的，参与单位总数不超过5家（含牵头单位），由牵头单位统一填报。"
             "同一单位限牵头申报1个项目。"),
    ("para", "（六）城市（区域）可信数据空间项目须经所在区（市）县人民政府同意，并出具推荐函。"),
    ("heading1", "四、名额分配"),
    ("para", "各区（市）县数据主管部门负责本辖区申报项目的审核推荐，每个区（市）县推荐项目原则上不超过4个；"
             "市属国有企业由市国资委统筹推荐，总数不超过3个。"),
    ("heading1", "五、时间安排"),
    ("para", "（一）申报单位于2026年8月14日（星期五）17:00前完成网上填报并提交。"),
    ("para", "（二）各区（市）县数据主管部门于2026年8月21日前完成审核推荐，并将推荐函和汇总表报送市数据局。"),
    ("para", "（三）市数据局于2026年9月组织专家评审，评审结果在市数据局门户网站公示。"),
    ("heading1", "六、申报方式"),
    ("para", "（一）网上填报：申报单位登录成都市数据要素服务平台（https://sjys.chengdu.gov.cn），"
             "在“项目申报”栏目填写申报表并上传全部附件。"),
    ("para", "（二）电子邮件：申报表Word版同时发送至cdsjkjc@cdsjj.cn，邮件标题为“区（市）县+单位名称+项目名称”。"),
    ("para", "（三）纸质材料：申报表及附件材料打印一式一份，逐页加盖单位公章，报送所在区（市）县数据主管部门。"),
    ("heading1", "七、申报材料"),
    ("para", "表2　申报材料清单"),
    ("table", [
        ["序号", "材料名称", "是否必须", "说明"],
        ["1", "成都市可信数据空间创新发展试点项目申报表", "是", "按附件格式填写"],
        ["2", "营业执照或事业单位法人证书", "是", "复印件加盖公章"],
        ["3", "近两年财务审计报告", "是", "成立不满两年的提供成立以来的报告"],
        ["4", "数据资源情况说明", "是", "说明数据来源、规模及权属"],
        ["5", "联合申报协议", "联合申报时提供", "明确各方分工"],
        ["6", "知识产权证明", "否", "专利、软件著作权等"],
        ["7", "典型案例材料", "否", "已落地场景的佐证"],
    ]),
    ("heading1", "八、评审程序"),
    ("heading2", "（一）形式审查"),
    ("para", "市数据局对推荐项目的申报条件、材料完整性和规范性进行审查，不符合申报条件或材料不全的不进入专家评审。"),
    ("heading2", "（二）专家评审"),
    ("para", "市数据局组织数据、技术、产业、财务、法律等领域专家，采取集中评审与现场答辩相结合的方式，"
             "从建设基础、技术方案、场景价值、运营模式和预期成效五个方面进行综合评分。"),
    ("heading2", "（三）结果公示"),
    ("para", "根据评审结果确定拟入选试点项目名单，在市数据局门户网站公示5个工作日。公示无异议的，由市数据局发文公布。"),
    ("heading1", "九、组织保障"),
    ("para", "入选项目纳入市级可信数据空间试点培育库，优先推荐申报国家和省级试点，在数据要素专项政策中给予支持。"
             "市数据局对试点项目实施动态管理，建设期满组织评估。"),
    ("heading1", "十、其他事项"),
    ("para", "（一）申报单位对申报材料的真实性、准确性负责，不得以同一建设内容多头申报。经查实弄虚作假的，"
             "取消其申报和试点资格，三年内不再受理其申报。"),
    ("para", "（二）申报过程中不收取任何费用。市数据局未委托任何中介机构代为申报，请申报单位注意防范。"),
    ("para", "（三）平台使用中遇到技术问题，请拨打平台技术支持电话028-61885678。"),
    ("para", "联系人：市数据局数据资源处 王女士，电话028-61881234。"),
    ("para", "附件：成都市可信数据空间创新发展试点项目申报表"),
    ("para", "成都市数据局"),
    ("para", "2026年7月6日"),
    ("heading1", "附件　成都市可信数据空间创新发展试点项目申报表"),
    ("para", "填表说明：1.申报表各栏目字数以Word字数统计为准，超出规定字数的部分不予评审；2.申报表须逐页加盖申报单位公章；"
             "3.联合申报的，各联合申报单位须在“申报单位承诺”栏加盖公章；4.应用场景栏可按场景分条填写，最多填写3个场景。"),
    ("table", [
        ["项目名称", ""],
        ["申报单位", ""],
        ["统一社会信用代码", ""],
        ["注册地址", ""],
        ["联合申报单位", "（如有，含牵头单位不超过5家）"],
        ["征集方向", "□企业　□行业　□城市（区域）"],
        ["单位简介", "（500字以内）"],
        ["项目建设内容", "（1500字以内，逐项对应表1中的必选任务和所选可选任务）"],
        ["应用场景", "（每个场景300字以内）"],
        ["运营模式", "（800字以内）"],
        ["预期成效", "（300字以内）"],
        ["申报单位承诺", "本单位承诺申报材料真实有效，项目未获国家或省级可信数据空间试点支持。（盖章）"],
        ["区（市）县数据主管部门推荐意见", "（盖章）"],
    ]),
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


def build_pdf(path: Path, blocks=JIANGSU) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()
    page_w, page_h = A4
    margin_x, top, bottom = 72.0, page_h - 72.0, 80.0
    body = page_w - 2 * margin_x
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle("2026年度江苏省数据要素发展专项资金项目申报指南")
    c.setAuthor("江苏省数据局")
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
FIXED_TIME = _dt.datetime(2026, 7, 6, 9, 0, 0)


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


def build_docx(path: Path, blocks=CHENGDU) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        _east_asian(document.styles[name])
    props = document.core_properties
    props.title = "成都市数据局关于征集2026年成都市可信数据空间创新发展试点项目的通知"
    props.author = "成都市数据局"
    props.last_modified_by = "成都市数据局"
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
    for built in (build_pdf(out / PDF_NAME), build_docx(out / DOCX_NAME)):
        print(f"{built.name}: {built.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
