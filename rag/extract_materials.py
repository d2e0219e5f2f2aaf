"""Materials to submit: forms from the attachment list, 证明材料, and the proofs a form asks for."""

from __future__ import annotations

import re

from .clauses import LABEL, DocView, Span
from .coverage import bigrams
from .extract_sections import is_major
from .records import Material
from .structure import Line, lines_under
from .tables import Table, flag_of

FORM = re.compile(
    r"(申报书|申请书|汇总表|申报表|申请表|信息表|登记表|任务书|推荐表|承诺书|承诺函|推荐函|情况表|一览表|意见表|明细表|声明)"
    r"(?:模板|样式|格式|范本)?$"
)
_MATERIALS_HEAD = re.compile(r"证明材料|材料清单|资料清单|附件材料|佐证材料|支撑材料")
_REQUIRED = re.compile(r"^(?:须|需|必须|应|应当)(?:提供|提交|附|附上)")
_OPTIONAL = re.compile(r"^(?:可|可以|选择性)(?:提供|提交|附)|选填|(?:如|若)有")
_BRACKET = re.compile(r"【(?P<b>[^【】]{2,30})】|[(（](?P<p>须提供[^()（）]{2,20})[)）]")
_MATERIAL_WORD = re.compile(r"材料|证明|证书|执照|协议|合同|报告|清单|方案|截图|文件|复印件|扫描件")
_SUBMIT_LIST = re.compile(r"将(?P<list>[^，,。]{2,80}?)等(?:相关)?材料")


def extract_materials(view: DocView) -> list[Material]:
    """Materials named by one document, with required True/False/None (unstated)."""
    found: list[Material] = []
    found += _attachment_forms(view)
    found += _material_tables(view)
    found += _body_lists(view)
    found += _submit_list(view)
    found += _statements(view)
    found += _lead_in_lists(view)
    found += _material_sections(view)
    found += _brackets(view)
    return dedupe_materials(found)


def _attachment_forms(view: DocView) -> list[Material]:
    """Forms the notice attaches to be filled in (附件：1.…申报书 2.…汇总表)."""
    out = []
    listing = False
    for line in view.lines:
        if line.part:
            break
        text = line.norm
        head = re.match(r"^附件\s*[:：]\s*", text)
        if head:
            listing = True
            text = text[head.end():]
        elif not (listing and re.match(r"^\d{1,2}\s*[.．、]", text)):
            listing = listing and not text
            continue
        # 附件：1.XX申报书；2.XX承诺书 on one line: each attachment in turn
        span = _span(line)
        offset = len(line.norm) - len(text)
        # …申报书　2.数据安全承诺书 (the space is gone once normalised): attachments also part
        # where the next number starts
        for m in re.finditer(r"[^；;]+?(?=[；;]|(?<=[^\d\s])\s*\d{1,2}\s*[.．、](?!\d)|$)", text):
            piece = span.sub(offset + m.start(), offset + m.end()).strip_label().strip_punct()
            title = re.sub(r"[(（](?:格式|模板|样式|范本|式样)[)）]$", "", piece.text).strip()
            if FORM.search(title.replace(" ", "")):
                out.append(Material(title, True, view.cite(piece)))
    return out


# a heading over a list of documents to hand in: 申报材料 / 必备材料 / 选报材料 / 材料清单
_LIST_HEAD = re.compile(r"材料|资料|文件清单|附件清单|(?:证明|申报|提交|佐证|支撑)文件")
# heading words that set the flag of every item under them
_HEAD_REQUIRED = re.compile(r"必备|必报|必交|必须提供|必需|基本材料|必要材料")
_HEAD_OPTIONAL = re.compile(r"选报|选交|选择性|可选|选填|补充材料|辅助材料|其他材料|可提供|可附|自愿")
# heading words that make every item under them depend on the applicant: 如有则提供的材料
_HEAD_CONDITIONAL = re.compile(r"如有|若有|如涉及|有则")
# an item that names a document (not a rule about how documents must be written)
_DOCUMENT = re.compile(r"(?:同意|推荐|审核)意见|申报书|申请书|报告|执照|证书|证明|凭证|批件|批复|材料|协议|合同|文件|承诺书|复印件|扫描件|清单|报表|方案|函|表|名录|目录|制度")
_RULE_MODAL = re.compile(r"(?:须|应(?!用)|需(?!求)|要(?!求|素|点)|不得|务必)(?!提供|提交|附)")
_RULE_WORDS = re.compile(rf"{_RULE_MODAL.pattern}|突出|明确|真实|规范|格式|装订|盖章|签字")
# a noun phrase that ends with a document: 法定代表人签字的信用承诺书 names a document, not a rule
_DOC_ENDINGS = r"申报书|申请书|报告|执照|证书|证明|凭证|批件|批复|协议|合同|承诺书|承诺函|推荐函|复印件|扫描件|清单|报表|名单|文件|表"
_ENDS_DOCUMENT = re.compile(rf"(?:{_DOC_ENDINGS})$")
# a parenthesis that makes an item conditional: （如有）（联合申报的提供）
_ITEM_CONDITION = re.compile(r"[(（][^()（）]*(?:如有|若有|如涉及|有则|的提供|时提供|的须提供|的需提供|涉及的)[^()（）]*[)）]|[(（][^()（）]{2,12}时[)）]")
# a listed document followed by a note (…审计报告，须由会计师事务所出具): its name ends like one
_ENDS_NAME = re.compile(rf"(?:{_DOC_ENDINGS}|材料|资料|方案|制度|目录|名录|说明)$")
_ITEM_REQUIRED = re.compile(r"[(（]\s*(?:必须提供|须提供|必备|必报|必交|必须|必选|必填)\s*[)）]")
# the note after a listed document: 如有请提供 / 可提供 / 联合申报的须提供
_NOTE_CONDITION = re.compile(r"如有|若有|如涉及|有则|视情况|(?:的|时)(?:须|需|应)?(?:提供|提交)")
_NOTE_OPTIONAL = re.compile(r"可提供|可提交|可附|可选|可报|选报|选填|选交|自愿提供|非必须")
_ITEM_OPTIONAL = re.compile(r"[(（]\s*(?:可选提供|选择提供|可选报|可报|选报|选填|可选|可提供|选交|自愿提供|自愿提交|非必须|非必需)\s*[)）]")
_GENERIC = re.compile(r"(?:提交|申报|报送|纸质|电子|相关|其他|其它|证明|附件)?(?:材料|资料|文件)(?:清单|要求)?")
_LEAD_IN = re.compile(r"(?:材料|资料|文件)[^。；;]{0,12}[:：]$")
_MAT_FLAG_COLUMN = re.compile(r"是否必|必备|必选|必须|须提供|可提供|提供要求|要求|类别|性质|属性")
_MAT_NAME_COLUMN = re.compile(r"材料|文件|资料|附件|证明")
# a column of notes whose cells may say whether the row must be provided: 备注 (必须提供 / 如有请提供)
_NAME_HEAD = re.compile(r"(?:申报|提交|证明|佐证)?(?:材料|附件|资料)(?:名称|清单|目录)?")
_REMARK_COLUMN = re.compile(r"备注|说明|提供方式|提交方式")


def _material_tables(view: DocView) -> list[Material]:
    """Rows of a material table: 材料名称 | 是否必须 (是/否) or 提供要求 (须提供/可提供), or
    材料名称 | 备注 (必须提供 / 如有请提供 / 选填); a list of materials without any flag is required."""
    out: list[Material] = []
    for table in view.tables:
        flag_col = table.column(_MAT_FLAG_COLUMN)
        skip = (flag_col,) if flag_col is not None else ()
        name_col = table.column(_MAT_NAME_COLUMN, skip=skip)
        if name_col is None:
            continue
        if flag_col is not None:
            out += _table_rows(view, table, name_col, flag_col)
            continue
        if len(table.header) < 2 or not _NAME_HEAD.fullmatch(table.header[name_col].text):
            continue  # only a column headed 材料名称 / 附件名称 lists materials without a flag
        remark = table.column(_REMARK_COLUMN, skip=(name_col,))
        for row in table.rows[1:]:
            if name_col >= len(row) or row[name_col].line is None or not row[name_col].text:
                continue
            note = row[remark].text if remark is not None and remark < len(row) else ""
            line = row[name_col].line
            assert line is not None
            out.append(Material(_clean(row[name_col].text), _note_flag(note), view.cite(_span(line))))
    return out


def _note_flag(note: str) -> bool | None:
    """A remark's answer (如有请提供 → None, 选填 → False), else required: the row is on the list."""
    if _TABLE_CONDITIONAL.search(note):
        return None
    flag = flag_of(note)
    return True if flag is None else flag


_TABLE_CONDITIONAL = re.compile(r"如有|若有|如涉及|有则|视情况|(?:的|时)(?:须|需)?提供")


def _table_rows(view: DocView, table: Table, name_col: int, flag_col: int) -> list[Material]:
    out = []
    for row in table.rows[1:]:
        if name_col >= len(row) or row[name_col].line is None:
            continue
        cell = row[name_col]
        flag = table.row_flag(row, flag_col)
        line = cell.line
        assert line is not None
        out.append(Material(_clean(cell.text), flag, view.cite(_span(line))))
    return out


def _body_lists(view: DocView) -> list[Material]:
    """Numbered documents listed under a materials heading of the notice (1.营业执照复印件；…)."""
    out: list[Material] = []
    lines = view.lines
    for index, line in enumerate(lines):
        h = line.heading
        if h is None or h.level == 0 or line.body_from < len(line.norm):
            continue
        title = LABEL.sub("", h.title)
        if not _LIST_HEAD.search(title) or _MATERIALS_HEAD.search(title) and line.part:
            continue  # a template's 证明材料 section is read by _material_sections
        default: bool | None = True
        if _HEAD_CONDITIONAL.search(title):
            default = None
        elif _HEAD_OPTIONAL.search(title):
            default = False
        elif _HEAD_REQUIRED.search(title):
            default = True
        numbered: dict[int, bool] = {}
        for item in lines_under(lines, index):
            # only the heading's own items: not those of a nested part (申请报告应包括…)
            own = item.path[-2] if item.heading is not None and len(item.path) >= 2 else item.path[-1]
            if own == h.title and not LABEL.match(item.norm):
                numbered.update(_item_flags(item.norm))
            if item.heading is None and not LABEL.match(item.norm) and _LEAD_IN.search(item.norm):
                # 以下材料可选择提供： between the items: the flag of the items after it
                if _HEAD_OPTIONAL.search(item.norm):
                    default = False
                elif _HEAD_REQUIRED.search(item.norm):
                    default = True
            if own == h.title and item.heading is None and not LABEL.match(item.norm) and _PLAIN_LIST.fullmatch(item.norm):
                out += _named(view, _span(item).strip_punct(), item.norm.rstrip("。；;"), default)
                continue  # 获奖证书、媒体报道等。: the documents of the heading, listed on one line
            if own != h.title or not LABEL.match(item.norm):
                continue
            if _group_heading(lines, item):
                continue  # （一）必备材料 over its own numbered items: a group of the list, not a document
            material = _list_item(view, item, default)
            number = re.match(r"\d{1,2}", item.norm)
            if material is not None and number and int(number.group(0)) in numbered and material.required is not None:
                material = Material(material.title, numbered[int(number.group(0))], material.citation)
            if material is not None:
                out.append(material)
    # a lead-in line anywhere in the body: 需提交以下材料： / 申报材料清单如下：
    for index, line in enumerate(lines):
        if line.part or line.heading is not None or not _LEAD_IN.search(line.norm):
            continue
        default = _HEAD_OPTIONAL.search(line.norm) is None
        for item in lines[index + 1:]:
            if not LABEL.match(item.norm):
                break
            material = _list_item(view, item, default)
            if material is not None:
                out.append(material)
    return out


# one unnumbered line naming documents: 获奖证书、媒体报道等。
_PLAIN_LIST = re.compile(r"[^，,。；;：:\d]{2,20}(?:、[^，,。；;：:\d]{2,20})+等(?:相关|其他)?(?:佐证|证明)?(?:材料|资料)?[。；;]?")


def _group_heading(lines: list[Line], item: Line) -> bool:
    """A bare heading naming a group of documents (必备材料 / 选报材料) with lines under it."""
    h = item.heading
    if h is None or item.body_from < len(item.norm) or not _LIST_HEAD.search(LABEL.sub("", h.title)):
        return False
    index = next(i for i, ln in enumerate(lines) if ln is item)
    # its own items are listed under it; a last listed document followed by prose is no group
    return any(LABEL.match(ln.norm) for ln in lines_under(lines, index))


# 应当提交的材料：1.申报书；2.营业执照复印件 / 自愿提交的材料：数据产品登记证书、专利等佐证材料
# (a lead-in may add how to order them: 须提交以下材料，并按顺序编制目录和页码：1.…)
_LEAD_IN_LIST = re.compile(r"^(?P<lead>[^，,。；;：:]{0,16}(?:材料|资料|文件))(?:[，,][^。；;：:]{0,20})?[:：](?P<list>.{4,})$")
_INLINE_ITEM = re.compile(r"\d{1,2}\s*[.、．]")
_LEAD_OPTIONAL = re.compile(r"可|自愿|选报|选交|选择性|鼓励")
_LEAD_REQUIRED = re.compile(r"应|须|需|必|提交|提供|报送")


def _lead_in_lists(view: DocView) -> list[Material]:
    """Documents listed on the line of their lead-in (应当提交的材料：1.…；2.… / 可提供的材料：A、B等),
    flagged by the lead-in's verb."""
    out: list[Material] = []
    # paragraphs, not lines: a PDF wraps the list over several lines
    for para in view.paragraphs:
        span = para.strip_label()
        m = _LEAD_IN_LIST.match(span.text)
        named = m and (_GENERIC.fullmatch(m.group("lead")) or re.search(r"的(?:材料|资料|文件)$|(?:以下|下列|如下)(?:材料|资料|文件)$", m.group("lead")))
        if para.part or not m or not _LEAD_REQUIRED.search(m.group("lead")) or not named:
            continue
        lead = m.group("lead")
        flag: bool | None = None if re.search(r"如有|若有", lead) else not _LEAD_OPTIONAL.search(lead)
        body = span.sub(m.start("list"), len(span.text))
        numbered = _INLINE_ITEM.match(body.text) is not None
        cut = re.compile(r"[；;。]" if numbered else r"[、；;。]")
        begin = 0
        for piece_end in [c.start() for c in cut.finditer(body.text)] + [len(body.text)]:
            item = body.sub(begin, piece_end).strip_punct()
            begin = piece_end + 1
            text = _INLINE_ITEM.sub("", item.text, count=1) if numbered else item.text
            if numbered:
                item = item.sub(len(item.text) - len(text), len(item.text))
            # 联合申报的，提供联合申报协议 / 可以提供知识产权、标准制定等佐证材料: the item's own flag
            own = _ITEM_IF.match(text) or _ITEM_MAY.match(text)
            if own:
                out += _named(view, item, own.group("x"), None if own.re is _ITEM_IF else False)
                continue
            text = re.sub(r"等(?:相关|有关)?(?:佐证|证明|支撑|其他)?(?:材料|资料|文件)?$", "", text)
            text = re.sub(r"^(?:相关|有关|已签订的|已取得的|已获得的)", "", text)
            title = _clean(text)
            if 1 < len(title) <= 30 and not _RULE_MODAL.search(title) and not _NOT_A_DOCUMENT.search(title):
                out.append(Material(title, flag, view.cite(item)))
    return out


_ITEM_IF = re.compile(r"^[^，,]{1,12}的[，,]\s*(?:须|应|需|请)?(?:提供|提交|附)(?P<x>.{2,40})$")
_ITEM_MAY = re.compile(r"^(?:可以|可)(?:提供|提交|附)(?P<x>.{2,60})$")


# 其中第1至6项为必备材料，第7项为选报材料: flags of the numbered items by their range
_ITEM_RANGE = re.compile(
    r"第?\s*(?P<a>\d{1,2})\s*(?:[-–—~～至到]\s*第?\s*(?P<b>\d{1,2}))?\s*项(?:材料)?\s*(?:为|是|属于)\s*"
    r"(?P<flag>必备|必报|必交|必须|必需|必要|必选|选报|选交|可选|自选|可提供|选择性)"
)


def _item_flags(text: str) -> dict[int, bool]:
    flags: dict[int, bool] = {}
    for m in _ITEM_RANGE.finditer(text):
        a = int(m.group("a"))
        b = int(m.group("b") or a)
        for n in range(a, b + 1):
            flags[n] = m.group("flag").startswith("必")
    return flags


def _list_item(view: DocView, line: Line, default: bool | None) -> Material | None:
    span = _span(line).strip_label().strip_punct()
    text = span.text
    rest = ""
    pieces = span.pieces()
    if len(pieces) > 1:
        # 近三年财务审计报告，须由会计师事务所出具 / 获奖证书，如有请提供: the document, then a note
        first = pieces[0]
        rest = text[text.find(first.text) + len(first.text):]
        span, text = first, first.text
    bare = re.sub(r"[(（][^()（）]*[)）]", "", text)
    ruled = _RULE_MODAL.search(bare) or (_RULE_WORDS.search(bare) and not _ENDS_DOCUMENT.search(bare))
    if len(bare) > 40 or re.search(r"[。，,；;：:]", bare) or ruled or not _DOCUMENT.search(bare):
        return None
    if rest and (len(bare) > 30 or not _ENDS_NAME.search(_clean(bare))):
        return None  # a clause that goes on (…材料，包括…): not a list of documents
    required = default
    if _ITEM_CONDITION.search(text) or _NOTE_CONDITION.search(rest):
        required = None
    elif _ITEM_OPTIONAL.search(text) or _OPTIONAL.match(text) or _NOTE_OPTIONAL.search(rest):
        required = False
    elif _REQUIRED.match(text) or _ITEM_REQUIRED.search(text):
        required = True
    title = _clean(re.sub(r"^(?:须|需|必须|应|应当|可|可以)?(?:提供|提交|附上|附)", "", text))
    if _GENERIC.fullmatch(title) or title.startswith("的"):
        return None  # 提交材料 / 纸质材料: a heading over the list, not a document
    return Material(title, required, view.cite(span)) if len(title) > 1 else None


def _submit_list(view: DocView) -> list[Material]:
    """将项目申报文件、项目汇总表等材料…报送: each named document is required."""
    out = []
    for sentence in view.sentences:
        if sentence.part:
            continue
        m = _SUBMIT_LIST.search(sentence.text)
        if not m:
            continue
        names = re.sub(r"[(（][^()（）]*[)）]", "", m.group("list"))
        for name in re.split(r"、|和|及", names):
            name = name.strip()
            if 1 < len(name) <= 20:
                out.append(Material(name, True, view.cite(sentence.strip_label())))
    return out


# 须提供X / 应附X / 需附上X / 请提交X / 可提供X：a document the notice asks for in a sentence
_DEMAND = re.compile(
    r"(?P<m>必须|须|需|应当|应|请|可以|可|鼓励|另)(?:同时|另行|一并|单独)?(?:提供|提交|附上|附送|附|上传)(?!的)(?P<x>(?:[^，,。；;：:()（）“”]|[(（][^()（）]{1,10}[)）]){2,60})"
)
# 如有X，请一并提供 / 若有X的，须提供: a document asked for only when the applicant has it
_IF_HAS = re.compile(
    r"^(?:如有|若有|如已取得|如已获得|已取得|已获得)(?P<x>[^，,。；;：:()（）]{2,40}?)(?:的)?[，,]\s*(?:请|须|需|可|应)?(?:一并|同时|另行)?(?:提供|提交|附上|附)"
)
# 申报材料包括：申报书、营业执照复印件、审计报告等
_INCLUDES = re.compile(r"(?:申报|提交|报送|所需|所附)?(?:材料|资料)(?:主要)?(?:包括|包含|清单为|如下)[:：]?(?P<x>[^。；;]{4,160})")
# words that make a phrase a quality or a format, not a document
_NOT_A_DOCUMENT = re.compile(r"以下|下列|如下|上述|真实|准确|完整|齐全|规范|份|一式|扫描|电子版|纸质|PDF|pdf|Word|word|格式|签字|盖章|原件")


# the subject of a demand that names one kind of project, not every applicant
_KIND_SUBJECT = re.compile(r"^(?!申报|申请|项目单位|各)[^，,。；;]{2,16}?(?:类项目|类申报|项目|数据空间)(?:还|另|均)?(?:须|需|应)")


# the subject of a demand on the recommending unit: 推荐单位另需… / 各州（市）数据局须…
_RECOMMENDER_SUBJECT = re.compile(r"^(?:各)?[^，,。；;]{0,10}?(?:推荐|主管|审核|初审)(?:单位|部门)")
_RECOMMENDATION_LETTER = re.compile(r"(?:正式)?推荐(?:文件|函|信|意见)")


# 须填写《X》 / 应对推荐项目填写《X》（附件3）: a named form the notice demands be filled in
_FILL_IN = re.compile(r"(?:须|需|应当|应|请)[^，,。；;《]{0,12}?(?:填写|填报|填制)《(?P<x>[^《》]{2,40})》")


def _statements(view: DocView) -> list[Material]:
    """Documents a sentence of the notice body asks for: 须提供… / 应附… / 可提供… / 如有…请一并提供 /
    申报材料包括：…; each named document, with the flag of the verb (须 → True, 可 → False,
    如有/…的 → None)."""
    out: list[Material] = []
    in_tables = {o for table in view.tables for row in table.rows for cell in row if cell.line for o in cell.line.origin}
    for sentence in view.sentences:
        if sentence.part or sentence.origin[0] in in_tables:
            continue  # a table's remark cell (科研院所可提供年度财务报表) qualifies its row
        whole = sentence.strip_label()
        for piece in whole.pieces():
            text = piece.text
            before = whole.text[: whole.origin.index(piece.origin[0])] if piece.origin else ""
            conditional = bool(
                re.match(r"(?:如有|若有|如果|若|如涉及|凡|对于)", text)
                # 如涉及联合申报，须提供…: the clause before conditions the demand
                or re.search(r"(?:^|[，,；;。])(?:如有|若有|如果|若|如涉及|凡|对于)[^，,；;。]{1,20}[，,]$", before)
                or re.search(r"的[，,]", text)
                # 以联合体形式申报的，还须提供…: the lead-in clause conditions the demand
                or re.search(r"的[，,]$", before)
                # 园区类项目还须提供… / 城市可信数据空间须附…: a demand on one kind of project only
                or _KIND_SUBJECT.match(text)
            )
            m = _IF_HAS.match(text)
            if m:
                out += _named(view, piece, m.group("x"), None)
                continue
            for m in _DEMAND.finditer(text):
                modal = m.group("m")
                flag: bool | None = modal not in ("可", "可以", "鼓励")
                named = _named(view, piece, m.group("x"), None if conditional else flag)
                if _RECOMMENDER_SUBJECT.match(text[: m.start()]):
                    # 推荐单位另需提供推荐文件和推荐项目汇总表: the recommender's own letter is its
                    # step, not a document of the application; its summary table is a material
                    named = [n for n in named if not _RECOMMENDATION_LETTER.fullmatch(n.title)]
                out += named
        for m in _FILL_IN.finditer(whole.text):
            # 推荐单位应对推荐项目填写《…推荐汇总表》: a form the notice demands be filled in
            title = m.group("x").strip()
            if FORM.search(title.replace(" ", "")):
                out.append(Material(_clean(title), True, view.cite(whole)))
        m = _INCLUDES.search(sentence.text)
        if m and not re.search(r"(?:内容|部分|章节|方面)$", m.group("x").strip()):
            out += _named(view, sentence.strip_label(), m.group("x"), True)
    return out


def _named(view: DocView, where: Span, names: str, required: bool | None) -> list[Material]:
    """The documents a phrase names: 获奖证明、用户评价报告等佐证材料 → [获奖证明, 用户评价报告]."""
    if _NOT_A_DOCUMENT.search(names):
        return []
    # …等能够反映建设基础的佐证材料: the list ends at 等
    names = re.sub(r"等(?:[^、，,。]{0,16}?的)?(?:相关|有关)?(?:佐证|证明|支撑|其他)?(?:材料|资料|文件)?$", "", names.strip())
    out = []
    # (营业执照或法人登记证书复印件 is one document either way: 或 does not part the list)
    for name in re.split(r"、|以及|和|及|[，,]", names):
        name = re.sub(r"^(?:相关|有关|其|本单位|申报单位|单位)(?:的)?", "", name.strip())
        if not 1 < len(name) <= 24 or not _DOCUMENT.search(name) or _GENERIC.fullmatch(name) or _RULE_WORDS.search(name):
            continue
        if re.fullmatch(r"(?:证明|清单|名单|报告|文件|协议|合同|方案)", name):
            continue
        out.append(Material(_clean(name), required, view.cite(where)))
    return out


def _material_sections(view: DocView) -> list[Material]:
    """Items of a template's 证明材料 / 申报资料清单, grouped by their categories."""
    out: list[Material] = []
    lines = view.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        opens = (
            (line.part or view.meta.kind == "template")
            and not line.norm.startswith("【")
            and len(line.norm) <= 20
            and _MATERIALS_HEAD.search(re.sub(r"【[^】]*】|[(（][^)）]*[)）]", "", line.norm))
        )
        if not opens:
            i += 1
            continue
        # a heading closes at its level; a label line (申报资料清单：) at the next top heading
        level = line.heading.level if line.heading is not None else 1
        groups: list[tuple[Line | None, list[Line]]] = [(None, [])]
        i += 1
        while i < len(lines):
            nxt = lines[i]
            h = nxt.heading
            if nxt.part != line.part or (h is not None and (h.level == 0 or h.level < level or (h.level == level and not nxt.norm.endswith("材料")))):
                break
            if h is not None and is_major(h) and nxt.norm.endswith("材料") and len(nxt.norm) <= 24:
                groups.append((nxt, []))
            elif _MATERIAL_WORD.search(nxt.norm):
                groups[-1][1].append(nxt)
            i += 1
        out += _items_of(view, groups)
    return out


def _items_of(view: DocView, groups: list[tuple[Line | None, list[Line]]]) -> list[Material]:
    out = []
    for category, body in groups:
        items: list[Material] = []
        for line in body:
            if "□" in line.norm:
                continue
            items += _line_items(view, line)
        if category is not None and len(items) == 1:
            # one proof under a category: the category names what it proves
            only = items[0]
            cat = LABEL.sub("", category.norm).strip()
            items = [Material(f"{cat}：{only.title}", only.required, only.citation)]
        if category is not None and not items:
            items = [Material(LABEL.sub("", category.norm).strip(), True, view.cite(_span(category)))]
        out += items
    return out


def _line_items(view: DocView, line: Line) -> list[Material]:
    span = _span(line).strip_label()
    text = span.text
    if re.match(r"^[(（](?:注|上述|以上)", text):
        # a note lists examples; only a clause that demands something is a material
        if text[-1] in ")）":
            span = span.sub(1, len(text) - 1)
        out = []
        for piece in span.pieces():
            m = re.search(r"(?:须|需|应)提供(?P<t>[^，,。;；)）]{2,40})", piece.text)
            if m:
                flag = None if re.match(r"^[(（]?(?:如|若)有", piece.text) else True
                out.append(Material(_clean(m.group("t")), flag, view.cite(piece)))
        return out
    pieces = span.pieces()
    if not pieces:
        return []
    first = pieces[0].text
    required: bool | None = True
    if _OPTIONAL.match(first):
        required = False if not re.match(r"^(?:如|若)有", first) else None
    title = re.sub(r"^(?:须|需|必须|应|应当|可|可以)?(?:提供|提交|附上|附)", "", first)
    if len(pieces) > 1 and re.match(r"^(?:含|包括(?!但不限于)|包含)", pieces[1].text):
        names = re.sub(r"^(?:含|包括|包含)", "", pieces[1].text)
        names = re.sub(r"等(?:证明)?材料$", "", names)
        parts = [p for p in re.split(r"、", names) if len(p) > 1]
        return [Material(_clean(p), required, view.cite(pieces[1])) for p in parts]
    title = _clean(title)
    return [Material(title, required, view.cite(pieces[0]))] if len(title) > 1 else []


def _brackets(view: DocView) -> list[Material]:
    """Proofs a form asks for in brackets: 【须提供社保证明】, （须提供名单）, 【相关荣誉证明材料】."""
    out = []
    for line in view.lines:
        if not (line.part or view.meta.kind == "template"):
            continue
        for m in _BRACKET.finditer(line.norm):
            inner = m.group("b") or m.group("p")
            if not re.search(r"证明|材料|提供|清单|名单", inner):
                continue
            required = True if re.match(r"须|需|必须", inner) else None
            title = re.sub(r"^(?:须|需|必须)?提供", "", inner).strip()
            if title in ("证明材料", "清单", "名单", "材料") or len(title) < 2:
                continue  # a bare 【证明材料】 / （须提供名单） names nothing specific
            sub = _span(line).sub(m.start(), m.end())
            out.append(Material(title, required, view.cite(sub)))
    return out


def _clean(title: str) -> str:
    title = re.sub(r"[(（][^()（）]*[)）]", "", title)
    return title.strip(" 。；;，,").removesuffix("等")


def _span(line: Line) -> Span:
    return Span(line.norm, line.origin, line.path, line.part)


def _key(title: str) -> str:
    form = FORM.search(title)
    return form.group(1) if form else re.sub(r"\W", "", title)


def _overlap(a: str, b: str) -> float:
    """Share of the shorter name's bigrams found in the other."""
    x, y = bigrams(a), bigrams(b)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def _same_material(first: str, second: str) -> bool:
    """The attachment list and a sentence naming one document: 申报书 / 某省…项目申报书 are one
    form, but 推荐汇总表 and 项目基本情况汇总表 are two forms of one kind."""
    key, other_key = _key(first), _key(second)
    if key == other_key and FORM.search(first) and FORM.search(second):
        a, b = re.sub(r"\W", "", first), re.sub(r"\W", "", second)
        return key in ("申报书", "申请书") or a in b or b in a or _overlap(a, b) >= 0.8
    return key == other_key or _overlap(key, other_key) >= 0.8


def dedupe_materials(items: list[Material]) -> list[Material]:
    """One entry per material: the attachment list and the submission sentence name the same forms."""
    kept: list[Material] = []
    for item in items:
        if re.match(r"如(?!有|涉及|需)", item.title):
            continue  # （如系统验收报告、上线通知等）: examples of a proof, not a document of their own
        if not any(_same_material(item.title, other.title) for other in kept):
            kept.append(item)
    return kept
