"""Regenerate the DOCX notice of the sixth unseen evaluation set.

    python evaluators/unseen6/build_unseen6.py

Writes, next to this script:
  jiangxi-2026_江西省工业和信息化厅_制造业可信数据空间试点申报通知.docx  (python-docx, Word
      "Heading 1"/"Heading 2" styles; a task table 任务名称 | 建设内容 | 是否必建, a materials
      table 材料名称 | 提供要求 with 必须 / 可选 / 如有, attachment 1 a template whose parts are
      Heading 2 titles with their limits in brackets, attachment 2 a 汇总表)

The other two notices (nanjing-2026, .html; shaanxi-2026, .txt) are committed as written and
need no build. Output is byte-for-byte deterministic (DOCX re-packed with fixed zip
timestamps and fixed core properties). The text below is the notice itself; edit it here,
rebuild, then run check_unseen6.py.
"""

from __future__ import annotations

import datetime as _dt
import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCX_NAME = "jiangxi-2026_江西省工业和信息化厅_制造业可信数据空间试点申报通知.docx"
FIXED_TIME = _dt.datetime(2026, 11, 5, 9, 0, 0)

# ---------------------------------------------------------------------------
# Jiangxi: sector notice (DOCX). Blocks: ("center", s) ("title", s) ("h1", s)
# ("h2", s) ("para", s) ("table", rows). Window open on 2026-11-22.
# ---------------------------------------------------------------------------
JIANGXI = [
    ("center", "江西省工业和信息化厅"),
    ("center", "赣工信数字字〔2026〕66号"),
    ("title", "江西省工业和信息化厅关于组织开展2026年制造业可信数据空间试点项目申报工作的通知"),
    ("para", "各设区市、赣江新区工业和信息化主管部门，各有关单位："),
    ("para", "为贯彻落实国家关于推进制造业数字化转型和加快可信数据空间发展的决策部署，推动工业数据在产业链上下游"
             "安全可信流通，赋能有色金属、电子信息、装备制造、航空、新能源等重点产业链提质升级，省工业和信息化厅"
             "决定组织开展2026年制造业可信数据空间试点项目申报工作。现将有关事项通知如下。"),
    ("h1", "一、工作目标"),
    ("para", "到2027年底，围绕全省重点产业链培育制造业可信数据空间试点15个左右，带动1000家以上产业链上下游企业"
             "接入可信数据空间，形成一批可复制推广的工业数据流通利用解决方案和运营模式，打造制造业数据要素"
             "赋能产业发展的江西样板。"),
    ("para", "近年来，全省工业互联网平台体系加快完善，重点产业链链主企业数字化水平不断提升，一批企业在供应链协同、"
             "产品全生命周期管理等方面积累了较为丰富的数据资源，为建设制造业可信数据空间奠定了良好基础。"
             "但总体看，工业数据“不愿共享、不敢共享、不会共享”的问题仍较突出，亟需通过可信数据空间建设加以破解。"),
    ("para", "试点建设坚持以下原则：一是链主牵引，发挥产业链链主企业和行业平台的带动作用，推动中小企业"
             "“上云用数”并接入数据空间；二是场景驱动，以解决产业链协同中的实际痛点为导向，避免脱离业务建平台；"
             "三是安全可信，落实工业数据分类分级管理要求，强化数据使用全过程管控；四是标准引领，遵循国家可信数据"
             "空间相关技术标准，推动空间间互联互通。"),
    ("para", "本次试点重点面向有色金属、电子信息、装备制造、航空、新能源、生物医药、纺织服装等产业链，优先支持"
             "链主企业牵头、产业链上下游企业广泛参与、已形成实际数据流通业务的项目，鼓励围绕同一产业链跨设区市"
             "协同建设。"),
    ("h1", "二、建设任务"),
    ("para", "试点项目应结合所在产业链实际，按照下表开展建设。标注为必建的任务须全部完成，其余任务可根据自身基础"
             "至少选择一项。"),
    ("table", [
        ["序号", "任务名称", "建设内容", "是否必建"],
        ["1", "可信接入与连接器部署", "部署符合国家技术要求的可信数据空间连接器，实现产业链企业身份认证和可信接入，"
              "与省级工业数据服务节点互联互通。", "是"],
        ["2", "工业数据资源目录建设", "梳理产业链研发、生产、供应、销售等环节数据资源，形成统一的数据资源目录和"
              "数据标识。", "是"],
        ["3", "数据使用控制与合规审计", "建立数据使用策略管理、使用过程存证和合规审计机制，实现数据流通全过程"
              "可追溯。", "是"],
        ["4", "供应链协同应用", "围绕订单、库存、物流、质量等数据，开展链主企业与配套企业之间的供需对接和协同"
              "制造。", "否"],
        ["5", "工业模型训练数据供给", "汇聚高质量工业数据集，面向行业大模型和工业智能应用提供合规的训练数据"
              "服务。", "否"],
        ["6", "产品碳足迹数据核算", "打通产业链上下游能耗和排放数据，开展产品碳足迹核算与认证服务。", "否"],
    ]),
    ("h1", "三、申报条件"),
    ("para", "（一）申报单位应为在江西省内注册、具有独立法人资格的制造业企业、工业互联网平台企业或行业组织。"),
    ("para", "（二）牵头建设或运营行业可信数据空间，空间内已汇聚不少于10家产业链上下游企业。"),
    ("para", "（三）已通过数据管理能力成熟度（DCMM）二级及以上评估，或已通过工业互联网平台贯标评定。"),
    ("para", "（四）近三年无重大安全生产、环保和数据安全事故，未被列入严重失信主体名单。"),
    ("para", "（五）每家单位限报一个项目。已获评国家级制造业可信数据空间试点的项目不再申报。"),
    ("para", "（六）支持联合申报，联合申报的由牵头单位负责组织申报，联合单位不超过3家。"),
    ("h1", "四、申报材料"),
    ("para", "申报单位按下表准备申报材料。"),
    ("table", [
        ["序号", "材料名称", "提供要求"],
        ["1", "项目申报书（附件1）", "必须"],
        ["2", "营业执照复印件", "必须"],
        ["3", "2025年度财务审计报告", "必须"],
        ["4", "DCMM评估证书或贯标证明", "必须"],
        ["5", "联合申报协议", "如有（联合申报的提供）"],
        ["6", "产业链企业接入证明", "可选"],
        ["7", "知识产权、标准等证明材料", "可选"],
    ]),
    ("h1", "五、申报程序和时间"),
    ("h2", "（一）企业申报"),
    ("para", "申报单位登录“江西省工业和信息化厅企业服务平台”（https://qyfw.jxciit.gov.cn）填报项目信息并上传申报材料，"
             "同时将纸质材料一式两份（胶装成册）加盖单位公章后报送至所在设区市工业和信息化主管部门。"
             "申报截止时间为2026 年 12 月 20 日17:30前，逾期不予受理。"),
    ("h2", "（二）设区市推荐"),
    ("para", "各设区市、赣江新区工业和信息化主管部门对申报材料进行审核，择优推荐，并填写推荐汇总表（附件2）。"
             "每个设区市推荐项目不超过6个，赣江新区推荐不超过3个。请于12月30日前将推荐文件、推荐汇总表和纸质材料"
             "统一报送省工业和信息化厅数字化发展处。"),
    ("h2", "（三）评审确定"),
    ("para", "省工业和信息化厅将组织专家进行评审，必要时开展现场核查，根据评审结果确定试点项目名单并予以公示。"
             "评审重点考察项目的产业链带动作用、建设基础、技术方案的先进性与可行性、运营模式的可持续性以及"
             "数据安全保障能力，对链主企业牵头、跨区域协同的项目在同等条件下予以优先考虑。"),
    ("h1", "六、支持政策"),
    ("para", "对确定的试点项目，省工业和信息化厅将统筹省级制造业数字化转型专项资金，按照不超过项目核定投资额"
             "20%的比例给予最高不超过500万元奖补，并优先推荐申报国家级制造业可信数据空间试点。"),
    ("h1", "七、工作要求"),
    ("para", "（一）申报单位对申报材料的真实性负责。对弄虚作假的，取消试点资格，收回已拨付资金，三年内不得申报"
             "省工业和信息化厅组织的专项资金项目。"),
    ("para", "（二）各设区市工业和信息化主管部门要高度重视，加强宣传发动和审核把关，确保推荐项目质量。"),
    ("para", "（三）试点建设期为18个月，试点单位应按季度报送建设进展，省工业和信息化厅将组织中期评估和验收。"),
    ("para", "（四）试点单位应严格遵守数据安全、网络安全和个人信息保护相关法律法规，建立健全数据安全管理制度，"
             "涉及重要数据出境的应按规定开展安全评估。省工业和信息化厅将适时组织试点经验交流和成果发布活动，"
             "推动优秀解决方案在全省复制推广。"),
    ("para", "联系人：省工业和信息化厅数字化发展处 黄工，电话：0791-86246321；平台技术支持：0791-86246388。"),
    ("para", "附件：1.制造业可信数据空间试点项目申报书"),
    ("para", "2.推荐汇总表"),
    ("para", "江西省工业和信息化厅"),
    ("para", "2026年11月5日"),
    ("h1", "附件1 制造业可信数据空间试点项目申报书"),
    ("para", "申报书请按以下结构编写，正文使用仿宋_GB2312三号字。"),
    ("para", "编写说明：申报书内容应真实准确、重点突出，各类数据应注明统计口径和来源；建设任务与实施方案应与"
             "通知所列建设任务逐项对应；涉及联合申报的，应明确牵头单位和联合单位各自承担的建设内容；"
             "预期成效应提出可量化、可考核的指标。"),
    ("h2", "一、企业基本情况（不超过800字）"),
    ("para", "包括企业性质、主营业务、所属产业链、近两年营业收入、数字化基础等；联合申报的说明各联合单位情况。"),
    ("h2", "二、行业可信数据空间建设基础（1000字以内）"),
    ("para", "说明已建数据空间或平台情况、已接入企业数量、已汇聚的数据资源和已开展的应用。"),
    ("h2", "三、建设任务与实施方案（限3000字）"),
    ("para", "对照必建任务和所选任务，分别说明建设内容、技术路线、总体架构和关键指标。"),
    ("h2", "四、运营模式（约1000字）"),
    ("para", "说明运营主体、参与方权利义务、数据产品定价和收益分配机制。"),
    ("h2", "五、安全保障（不超过1000字）"),
    ("para", "说明数据分类分级、安全防护、个人信息保护和应急处置措施。"),
    ("h2", "六、预期成效（500字左右）"),
    ("para", "列明接入企业数量、数据产品数量、降本增效等量化指标。"),
    ("h2", "七、经费预算"),
    ("para", "列明项目总投资、资金来源和分项预算。"),
    ("h1", "附件2 推荐汇总表"),
    ("para", "推荐单位（盖章）：                    联系人及电话："),
    ("table", [
        ["序号", "项目名称", "申报单位", "所属产业链", "项目总投资（万元）", "推荐排序"],
        ["", "", "", "", "", ""],
    ]),
]


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


def build_docx(path: Path, blocks=JIANGXI) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    _east_asian(document.styles["Normal"])
    props = document.core_properties
    props.title = JIANGXI[2][1]
    props.author = "江西省工业和信息化厅"
    props.last_modified_by = "江西省工业和信息化厅"
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
    built = build_docx(out / DOCX_NAME)
    print(f"{built.name}: {built.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
