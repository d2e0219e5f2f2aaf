"""Deadlines: dates the notice sets as a limit (…前, 截止, 即日起至…), and whom they bind."""

from __future__ import annotations

import re

from .clauses import DocView, Span
from .dates import DateMatch, find_dates, parse_iso
from .records import Deadline

# words right before a date that make it a limit
_BEFORE = re.compile(r"(?:截止|截至|截止日期|截止时间|至|到|于|在|请于|须于|应于|务必于|最迟)[为是:：]?\s*$")
# words right after a date (and its time) that make it a limit
_AFTER = re.compile(r"^\s*(?:前|之前|以前|止|截止|为止|24时前)")
# a range opened by the notice itself: 即日起至…, 自发布之日起至…
_FROM_NOW = re.compile(r"(?:即日起|自即日起|发布之日起|印发之日起|通知之日起)\s*(?:至|到|—|-)\s*$")
# whoever a clause puts first: the recommending/reviewing authority, not the applicant
_RECOMMENDER = re.compile(
    r"推荐单位|推荐部门|主管部门|(?:经信|数据|资源|工信|发改)[^，,。]{0,6}(?:局|厅|委|部门)|管理部门|地方|各地|各[省市区县]|初审|审核|汇总|推荐报送"
)
_DESTINATION = re.compile(r"(?:报送|提交|发送|寄送|邮寄|快递|递交|送达|报|寄|送)(?:至|到|给|所在|属地|当地)[^，,。；;]*")
# dates that limit something else than the application: when the applicant was founded
# (成立时间在2024年1月1日前), the project's own period or completion (建设期至2027年底,
# 2027年12月31日前完成建设并通过验收), the issuer's own plan (市数据局将于7月底前组织评审)
_NOT_A_DEADLINE = re.compile(
    r"成立|设立|注册(?:时间|日期)|登记(?:时间|日期)|(?:建设|实施|执行|试点|培育|运营|研究|资助|服务|考核|绩效|孵化)期|有效期|周期|建成|完成建设|验收|投入运营|上线运行"
    r"|(?:将|拟)于[^，,。；;]{0,16}(?:组织|开展|公布|公示|评审|确定|印发|发布)"
)
# a date an event is held on (于8月27日在…举办宣讲会 / 定于…召开培训会): a meeting, no limit
_EVENT = re.compile(r"举办|召开|举行|宣讲|培训|答辩|路演|座谈|(?:视频|线上|网络)会议|说明会|解读会|对接会")
# a date a condition already had to be met by (已于2025年12月31日前完成登记)
_ALREADY = re.compile(r"已(?:经)?(?:于|在)\s*$")
_SINCE = re.compile(r"^\s*(?:以后|之后|以来|后(?!前))")
# a date something opens on (申报系统于2026年11月10日开放 / 于3月1日起开始受理): the window's start, no limit
_OPENS = re.compile(r"^\s*(?:起\s*)?(?:正式)?(?:开放|开通|开启|启动|开始|上线)")
_AS_OF = re.compile(r"已|满|累计|不低于|不少于|达到|超过|以上")
_APPLICANT = re.compile(r"申报主体|申报单位|申请单位|企业|项目单位|在线申报|网上申报|申报截止|征集|报名")


def extract_deadlines(view: DocView) -> list[Deadline]:
    """Every limit date in the notice body, with the party it binds."""
    found: list[Deadline] = []
    for sentence in view.sentences:
        if sentence.part:  # dates inside templates are form fields, cover dates, table years
            continue
        for match in find_dates(sentence.text, view.year):
            before = sentence.text[max(0, match.start - 12): match.start]
            after = sentence.text[match.end: match.end + 6]
            # 2026年12月1日—12月31日: the end of a window that names its start
            from_now = bool(_FROM_NOW.search(before)) or _start_of(sentence.text, match.start, view) is not None
            if not (_AFTER.match(after) or _BEFORE.search(before) or from_now):
                continue
            if _SINCE.match(after) or _OPENS.match(after):
                continue  # 项目于2025年1月1日以后开工建设: the date a condition starts from, no limit
            if _ALREADY.search(before) or re.search(r"定于\s*$", before):
                continue  # 定于11月26日…开展培训: a date fixed for an event, no limit
            piece = _piece_at(sentence, match.start)
            if not _AFTER.match(after) and not from_now and _EVENT.search(piece.text):
                continue
            if _NOT_A_DEADLINE.search(piece.text):
                continue
            if before.endswith("截至") and _AS_OF.search(sentence.text[match.end:]):
                continue  # 截至2025年12月31日，已累计投资…: the date a condition is measured at
            quoted = piece if len(sentence.text) > 80 and len(piece.text) >= 8 else sentence.strip_label()
            found.append(
                Deadline(
                    date=_year_after_issue(match, view),
                    time=match.time,
                    who=_who(piece, sentence, match.start, _lead_in(view, sentence)),
                    what=_what(piece, sentence),
                    citation=view.cite(quoted.strip_label()),
                    # a window opens when the notice is issued, unless it names its own start
                    start=_start_of(sentence.text, match.start, view) or (
                        view.meta.issued_on if len(view.meta.issued_on) == 10 else None
                    ),
                )
            )
    found += _table_deadlines(view)
    return _dedupe(found)


# a schedule row that closes a step: 系统注册及在线填报截止 | 2026年9月11日17:00 | 申报单位
_ROW_CLOSES = re.compile(r"截止|截至|前$|止$|完成$")


def _table_deadlines(view: DocView) -> list[Deadline]:
    """Deadlines stated only in a schedule table (事项 | 时间 | 责任主体): a row whose step cell
    says it closes (截止) and whose time cell holds a date; the party from the row's own cells."""
    out: list[Deadline] = []
    for table in view.tables:
        for row in table.rows[1:]:
            cells = [c for c in row if c.line is not None and not c.line.part]
            dated = [(c, found[0]) for c in cells if (found := find_dates(c.text, view.year))]
            if len(dated) != 1 or not any(_ROW_CLOSES.search(c.text) for c in cells if c is not dated[0][0]):
                continue
            cell, match = dated[0]
            row_text = "，".join(c.text for c in cells)
            if _EVENT.search(row_text) or _NOT_A_DEADLINE.search(row_text):
                continue
            line = cell.line
            assert line is not None
            # a Markdown row is one line (cite it whole); a Word table gives each cell its own line
            span = Span(line.norm, line.origin, line.path, line.part)
            recommender = any(_RECOMMENDER.search(c.text) for c in cells if c is not cell)
            out.append(Deadline(
                date=_year_after_issue(match, view),
                time=match.time,
                who="recommender" if recommender else "applicant",
                what=row_text[:60],
                citation=view.cite(span),
                start=view.meta.issued_on if len(view.meta.issued_on) == 10 else None,
            ))
    return out


def _year_after_issue(match: DateMatch, view: DocView) -> str:
    """A date written without its year (请于1月20日前) that would fall before the notice was issued
    belongs to the next year: a notice issued in November sets January limits of the year after."""
    issued = parse_iso(view.meta.issued_on)
    day = parse_iso(match.date)
    if match.explicit_year or issued is None or day is None or day >= issued:
        return match.date
    try:
        return day.replace(year=day.year + 1).isoformat()
    except ValueError:  # 2月29日
        return match.date


def _start_of(text: str, offset: int, view: DocView) -> str | None:
    """Start date of a range that ends at `offset`: 自2025年3月1日起至… ."""
    for match in find_dates(text[:offset], view.year):
        if re.match(r"\s*(?:起|开始)?\s*(?:至|到|—|-|~)\s*$", text[match.end: offset]):
            return match.date
    return None


def _piece_at(sentence: Span, offset: int) -> Span:
    """The comma-separated piece of a sentence holding `offset`."""
    for piece in sentence.pieces():
        first = piece.origin[0]
        last = piece.origin[-1]
        if first <= sentence.origin[offset] <= last:
            return piece
    return sentence


def _lead_in(view: DocView, sentence: Span) -> str:
    """The text of the sentence's paragraph before it: the item that names who acts
    (（三）区级推荐。各区数据主管部门对申报材料进行初审。请于7月10日前提交推荐意见)."""
    para = view.paragraphs[sentence.para]
    start = para.origin.index(sentence.origin[0]) if sentence.origin else 0
    return para.text[:start]


def _who(piece: Span, sentence: Span, offset: int, lead_in: str = "") -> str:
    """applicant | recommender: the piece's own words first, then the sentence's subject,
    then the earlier sentences of its paragraph (nearest first), then its heading."""
    heading = sentence.path[-1] if sentence.path else ""
    subject = sentence.text[:offset]
    earlier = [s for s in re.split(r"(?<=[。；;！？!?])", lead_in) if s.strip()][::-1]
    for text in (piece.text, subject, *earlier, heading):
        text = _DESTINATION.sub("", text)  # where papers go (报送至市数据局) is not who sends them
        applicant = _APPLICANT.search(text)
        recommender = _RECOMMENDER.search(text)
        if applicant and recommender:
            return "recommender" if recommender.start() < applicant.start() else "applicant"
        if recommender:
            return "recommender"
        if applicant:
            return "applicant"
    return "applicant"


def _what(piece: Span, sentence: Span) -> str:
    """A short description: the heading or the piece that states the action."""
    text = piece.strip_label().text if len(piece.text) > 8 else sentence.strip_label().text
    heading = sentence.path[-1] if sentence.path else ""
    if len(text) > 60:
        text = text[:60] + "…"
    return f"{heading}：{text}" if heading and heading not in text else text


def _dedupe(items: list[Deadline]) -> list[Deadline]:
    seen: set[tuple[str, str]] = set()
    out = []
    for item in items:
        key = (item.date, item.who)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
