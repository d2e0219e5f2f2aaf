"""Regenerate the DOCX notice of the third unseen evaluation set.

    python evaluators/unseen3/build_unseen3.py

Writes, next to this script:
  hebei-2026_河北省数据和政务服务局_可信数据空间试点申报通知.docx  (python-docx; headings are
  plain bold paragraphs, not Word heading styles)

The other two notices (xiamen-2026, .html; shandong-2026, .md) are committed as written
and need no build. Output is byte-for-byte deterministic (DOCX re-packed with fixed zip
timestamps and fixed core properties). The text below is the notice itself; edit it
here, rebuild, then run check_unseen3.py.
"""

from __future__ import annotations

import datetime as _dt
import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCX_NAME = "hebei-2026_河北省数据和政务服务局_可信数据空间试点申报通知.docx"

# ---------------------------------------------------------------------------
# Hebei: provincial notice (DOCX). Blocks: ("center", s) ("title", s) ("bold", s)
# ("para", s) ("table", rows). "bold" is an ordinary paragraph with a bold run.
# ---------------------------------------------------------------------------
HEBEI = [
    ("center", "河北省数据和政务服务局"),
    ("center", "冀数政〔2026〕37号"),
    ("title", "河北省数据和政务服务局关于组织申报2026年度河北省可信数据空间试点项目的通知"),
    ("para", "各设区市、定州市、辛集市数据和政务服务局，雄安新区改革发展局，省直有关部门，有关单位："),
    ("para", "为深入落实国家数据局关于推进可信数据空间建设的工作部署，服务京津冀协同发展战略，加快构建安全可信的"
             "数据流通利用基础设施，省数据和政务服务局决定组织开展2026年度河北省可信数据空间试点项目申报工作。"
             "现将有关事项通知如下："),
    ("bold", "一、总体要求"),
    ("para", "坚持需求牵引、应用导向、安全可控，聚焦钢铁、装备制造、现代物流、现代农业、文化旅游等重点领域，"
             "遴选一批技术路线清晰、应用场景明确、运营模式可持续的试点项目。到2027年底，全省力争建成20个左右"
             "省级可信数据空间试点，培育一批数据空间运营服务商，推动数据资源跨主体、跨行业、跨区域安全流通。"),
    ("para", "近年来，我省数据要素市场化配置改革持续深化，省级数据要素综合服务平台上线运行，公共数据授权运营稳步推进，"
             "钢铁、装备制造等行业龙头企业在产业链数据协同方面开展了积极探索。同时也要看到，数据供给质量不高、"
             "流通规则不健全、跨主体信任机制缺失等问题依然存在，制约了数据要素价值的充分释放。开展可信数据空间"
             "试点，就是要以场景应用为牵引，以技术标准为支撑，以运营机制为保障，探索建立数据流通利用的新型基础设施，"
             "为全省数字经济高质量发展提供有力支撑。本次申报工作按照公开、公平、公正的原则组织实施，"
             "评审过程接受社会监督，申报单位可通过省数据和政务服务局门户网站查询申报进度和评审结果，"
             "对评审结果有异议的，可在公示期内向省数据和政务服务局书面反映。"),
    ("bold", "二、建设内容"),
    ("para", "试点项目围绕以下6个方面开展建设，其中第1、2项为必选，其余为可选："),
    ("para", "1.可信接入与身份管理。部署空间连接器，建立参与主体身份认证、接入管理和数据目录发布机制，"
             "实现参与方之间的可信连接。空间连接器应支持与国家可信数据空间相关技术规范的兼容对接。"),
    ("para", "2.数据使用控制与存证。制定数据使用策略并实现技术化执行，对数据流通全过程进行存证，"
             "确保数据使用行为可控、可计量、可追溯。"),
    ("para", "3.行业数据产品开发。围绕行业共性需求开发数据产品和服务，形成稳定的数据供给和交易。鼓励依托省内"
             "数据交易机构开展数据产品挂牌交易，探索数据产品定价和收益分配机制。"),
    ("para", "4.京津冀数据协同流通。与北京、天津相关数据空间或平台开展互联互通，探索跨区域数据协同应用。"),
    ("para", "5.数据资产登记与评估。开展数据资源登记、数据资产价值评估和入表实践。"),
    ("para", "6.隐私计算平台集成。集成多方安全计算、联邦学习等隐私计算技术，支撑数据“可用不可见”。"),
    ("para", "申报单位应在申报书中逐项说明各项建设内容的现状基础、建设目标、实施路径和预期成果，建设目标应当具体、"
             "可量化、可考核。选择可选内容的，应结合本单位数据资源和业务场景说明选择理由，避免为追求数量而简单罗列。"
             "对于已开展部分建设的项目，应当说明已完成内容与本次试点建设内容的区别，不得将已完成的建设内容作为试点任务。"),
    ("bold", "三、申报条件"),
    ("bold", "（一）基本条件"),
    ("para", "1.申报单位须在河北省内注册，具有独立法人资格，成立时间满2年。"),
    ("para", "2.申报单位应为可信数据空间的建设或运营单位，拥有自主运营的数据空间平台，具备稳定的技术团队。"),
    ("para", "3.申报单位未被列入严重失信主体名单，近三年未因数据安全、网络安全问题受到行政处罚。"),
    ("para", "4.申报单位上一年度营业收入不低于500万元，或近两年研发投入累计不低于200万元。"),
    ("bold", "（二）其他要求"),
    ("para", "1.支持联合申报，联合申报单位（含牵头单位）不超过3家，牵头单位应为在河北省注册的企业，"
             "联合各方须签订合作协议，明确分工和责任。"),
    ("para", "2.每个单位限报一个项目，同一项目不得通过不同渠道重复申报。"),
    ("para", "3.已获得省级以上可信数据空间相关专项资金支持的项目，不再申报。"),
    ("bold", "四、推荐名额"),
    ("para", "各设区市数据和政务服务局推荐项目不超过5个；定州市、辛集市、雄安新区限报二个；"
             "省直有关部门根据本行业情况择优推荐，每个部门推荐不超过3个。"),
    ("bold", "五、申报程序"),
    ("bold", "（一）网上填报"),
    ("para", "申报单位于2026 年9月30 日17:30前登录河北省数据要素综合服务平台（https://sjys.hebei.gov.cn），"
             "按要求填写申报信息，上传申报书及相关证明材料的PDF版本。"),
    ("bold", "（二）审核推荐"),
    ("para", "申报单位由注册地所在设区市数据和政务服务局审核推荐，省属企业由省直主管部门审核推荐。"
             "各推荐单位于2026年10月15日前完成网上审核，并将加盖公章的推荐函和项目汇总表（附件2）"
             "电子版发送至邮箱hbsjkj@hebei.gov.cn，邮件主题注明“单位名称+可信数据空间试点推荐”。"),
    ("bold", "（三）纸质材料报送"),
    ("para", "纸质申报书一式三份，须加盖申报单位公章并骑缝盖章，经推荐单位汇总后统一报送省数据和政务服务局"
             "数据资源处（石家庄市桥西区维明南大街46号）。"),
    ("bold", "六、申报材料"),
    ("bold", "（一）须提供的材料"),
    ("para", "1.河北省可信数据空间试点项目申报书；"),
    ("para", "2.营业执照（或法人登记证书）复印件；"),
    ("para", "3.近两年财务审计报告；"),
    ("para", "4.申报单位信用承诺书。"),
    ("bold", "（二）可提供的材料"),
    ("para", "1.数据管理能力成熟度评估证书；"),
    ("para", "2.网络安全等级保护测评报告。"),
    ("para", "联合申报的，还须提供联合申报合作协议。"),
    ("bold", "七、有关要求"),
    ("para", "（一）省数据和政务服务局将组织专家对申报项目进行评审，评审采取材料审查与答辩相结合的方式，"
             "择优确定试点名单并在官网公示。"),
    ("para", "（二）入选试点项目优先纳入省级数据要素重点项目储备库，优先推荐申报国家级试点。"
             "试点建设期为2年，期满后组织验收。验收合格的，授予“河北省可信数据空间试点示范单位”称号，"
             "并在省级数据要素市场培育、应用场景开放和公共数据授权运营等方面给予持续支持；验收不合格的，"
             "限期整改，整改后仍不合格的，撤销试点资格。"),
    ("para", "（三）申报单位须对材料的真实性负责。发现弄虚作假的，取消申报资格，3年内不再受理其申报。"),
    ("para", "（四）各设区市数据和政务服务局、省直有关部门要加强组织动员和申报指导，严格审核把关，"
             "确保推荐项目真实可靠、质量过硬。对推荐项目在建设过程中出现的问题，推荐单位应协助做好协调解决工作。"
             "试点单位要落实主体责任，加大资金和人才投入，按期完成建设任务，每季度末向省数据和政务服务局报送"
             "建设进展情况。省数据和政务服务局将适时组织开展试点经验交流和成果展示活动，推广典型案例。"),
    ("para", "（五）联系人：省数据和政务服务局数据资源处 王先生，电话0311-87806621。"),
    ("para", "附件：1.河北省可信数据空间试点项目申报书提纲"),
    ("para", "2.推荐项目汇总表"),
    ("para", "河北省数据和政务服务局"),
    ("para", "2026年8月20日"),
    ("bold", "附件1"),
    ("bold", "河北省可信数据空间试点项目申报书提纲"),
    ("para", "申报书应包括以下内容，正文使用仿宋三号字，图表可作为附件另附。"),
    ("bold", "一、项目摘要"),
    ("para", "简要说明项目名称、建设目标、主要内容和预期效果，字数在500字以内。"),
    ("bold", "二、申报单位情况（限1500字）"),
    ("para", "包括单位基本情况、主营业务、技术团队、已有数据资源及数据空间建设运营情况。"),
    ("bold", "三、建设方案"),
    ("para", "（一）总体架构。说明空间总体架构、技术路线和功能设计。"),
    ("para", "（二）建设任务。逐项说明第1、2项必选内容及所选可选内容的建设方式。"),
    ("para", "本部分不超过2000字。"),
    ("bold", "四、运营模式（限1000字）"),
    ("para", "说明参与主体、数据供需关系、收益分配和可持续运营机制。"),
    ("bold", "五、安全保障（限800字）"),
    ("para", "说明数据安全管理制度、安全技术措施和应急处置预案。"),
    ("bold", "六、进度安排与资金预算"),
    ("para", "按季度列明建设进度，并填写资金预算明细表。"),
    ("bold", "附件2"),
    ("bold", "推荐项目汇总表"),
    ("para", "推荐单位（盖章）：　　　　　　　　　　填报日期："),
    ("table", [
        ["序号", "项目名称", "申报单位", "所属领域", "所选可选内容", "项目简介（200字以内）", "联系人", "联系电话"],
        ["1", "", "", "", "", "", "", ""],
        ["2", "", "", "", "", "", "", ""],
    ]),
]

FIXED_TIME = _dt.datetime(2026, 8, 20, 9, 0, 0)


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


def build_docx(path: Path, blocks=HEBEI) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    _east_asian(document.styles["Normal"])
    props = document.core_properties
    props.title = "河北省数据和政务服务局关于组织申报2026年度河北省可信数据空间试点项目的通知"
    props.author = "河北省数据和政务服务局"
    props.last_modified_by = "河北省数据和政务服务局"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    for block in blocks:
        kind = block[0]
        if kind in ("center", "title"):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block[1])
            run.bold = kind == "title"
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "bold":
            document.add_paragraph().add_run(block[1]).bold = True
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
    built = build_docx(out / DOCX_NAME)
    print(f"{built.name}: {built.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
