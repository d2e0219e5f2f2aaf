"""The document's own structure: lines, heading levels, attachment (template) parts.

Shared by chunking (section paths of chunks) and requirement extraction (which reads
sections, template fields and their guidance). Works on any notice of the genre: the
heading schemes are the ones Chinese official documents use, not those of one notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import normalise_with_map
from .records import SourceText

CN_NUM = "一二三四五六七八九十百零〇两"
# (pattern over the normalised line, level). NFKC has already folded （一） to (一) and ．to .
HEADING_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"^第[{CN_NUM}\d]+[章部分编]"), 1),
    (re.compile(rf"^[{CN_NUM}]+[、.](?!\d)"), 1),
    (re.compile(rf"^第[{CN_NUM}\d]+条"), 2),
    (re.compile(rf"^\([{CN_NUM}]+\)"), 2),
    (re.compile(r"^\d{1,2}(?:[、.](?!\d)|\s)"), 3),
    (re.compile(r"^\(\d{1,2}\)"), 4),
    (re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]"), 5),
)
_BULLET = re.compile(r"^(?:[-•·*]\s*)+")
_MD_HEADING = re.compile(r"^#{1,6}\s*")
# a line that already carries its own list label after a bullet: "- 2.构建…", "- （一）…"
_LABELLED = re.compile(rf"^(?:\d{{1,2}}\s*[.、．]|\(\d{{1,2}}\)|\([{CN_NUM}]+\)|[{CN_NUM}]+\s*、|[①-⑩]|第[{CN_NUM}\d]+[章条部分编]|#)")
_TABLE = re.compile(r"^表\s*\d+")
# 附件 / 附件1 / 附件一 alone on a line, or with the attachment's title after it
_ATTACHMENT_ALONE = re.compile(r"^附件\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[:：]?)?\s*$")
_ATTACHMENT_TITLED = re.compile(r"^附件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[:：]?\s*(\S.{0,40})$")
_TEMPLATE_TITLE = re.compile(r"(申报书|申报书模板|申请书|汇总表|信息表|登记表|申报表|任务书)$")
# an attachment that is the published rules themselves (关于印发《…申报指南》的通知 → 附件1 …申报指南):
# its text binds applicants as the notice body does, it is no template to fill in
_RULES_TITLE = re.compile(r"(指南|管理办法|实施办法|实施细则|细则|实施方案|工作方案|申报通知)$")
_SENTENCE_PUNCT = re.compile(r"[。；;，,！？!?]")
TITLE_MAX = 24
_TRAILING_NOTE = re.compile(r"\s*\([^()]{1,24}\)\s*$")


@dataclass(frozen=True)
class Heading:
    level: int
    label: str  # "一、" "(一)" "1." … or "表1" / "附件1"
    title: str  # normalised heading text including its label, without trailing body


@dataclass(frozen=True)
class Line:
    start: int  # verbatim offsets of the line's content (leading/trailing spaces excluded)
    end: int
    norm: str  # normalised content (bullet marks removed)
    origin: tuple[int, ...]  # verbatim offset of each normalised character
    heading: Heading | None
    body_from: int  # index in `norm` where body text starts (after a heading title)
    part: str  # "" in the notice body; the attachment's title inside an attachment
    path: tuple[str, ...]  # heading titles that enclose this line (including its own)


def heading_of(norm: str) -> tuple[Heading | None, int]:
    """Heading carried by a normalised line, and where its body text starts."""
    if _TABLE.match(norm):
        title = norm if len(norm) <= TITLE_MAX + 6 else norm[: TITLE_MAX + 6]
        return Heading(level=2, label=_TABLE.match(norm).group(0).replace(" ", ""), title=title), len(norm)  # type: ignore[union-attr]
    for pattern, level in HEADING_PATTERNS:
        match = pattern.match(norm)
        if not match:
            continue
        rest = norm[match.end():]
        # a trailing note such as (不超过1000字) or (如有) is part of a heading, not body text
        core = _TRAILING_NOTE.sub("", rest)
        if len(core) <= TITLE_MAX and not _SENTENCE_PUNCT.search(core.rstrip("。")):
            return Heading(level, match.group(0).strip(), norm.rstrip("。").strip()), len(norm)
        # "（一）企业可信数据空间试点。支持…": the title runs to the first full stop or colon
        stop = re.search(r"[。:：]", rest)
        if stop and stop.start() <= TITLE_MAX and not _SENTENCE_PUNCT.search(rest[: stop.start()]):
            title_end = match.end() + stop.start()
            return Heading(level, match.group(0).strip(), norm[:title_end].strip()), title_end + 1
        return None, 0  # a numbered clause, not a heading
    return None, 0


_RANK = {"chapter": 0.0, "C、": 1.0, "C.": 1.0, "article": 2.0, "(C)": 3.0, "table": 3.5, "D.": 4.0, "D、": 4.0, "D": 4.0, "(D)": 5.0}


def _scheme(heading: Heading) -> str:
    """The numbering scheme of a heading label: 一、 / (一) / 1. / (1) / 第一条 / 表1 …"""
    label = heading.label
    if label.startswith("表"):
        return "table"
    if label.startswith("第"):
        return "article" if label.endswith("条") else "chapter"
    shape = re.sub(rf"[{CN_NUM}]+", "C", re.sub(r"\d+", "D", label))
    return shape.strip()


def is_template_start(norm: str) -> str | None:
    """Title of an attachment part starting at this line, if it starts one."""
    if _ATTACHMENT_ALONE.match(norm):
        return norm.replace(" ", "")
    titled = _ATTACHMENT_TITLED.match(norm)
    if titled and not re.match(r"^附件\s*[:：]", norm) and not _SENTENCE_PUNCT.search(titled.group(1)):
        return norm.replace(" ", "")
    if re.match(r"^\d{1,2}(?:[.、]|\s)|^\|", norm):  # an item of the list of attachments, a table row
        return None
    if len(norm) <= 40 and _TEMPLATE_TITLE.search(norm) and not _SENTENCE_PUNCT.search(norm) and not norm.startswith(("《", "附件")):
        return norm
    return None


def is_rules_title(norm: str) -> bool:
    """A title line of published rules (…申报指南, …管理办法), not of a template to fill in."""
    core = norm.strip().rstrip("。")
    return (
        4 <= len(core) <= 40
        and bool(_RULES_TITLE.search(core))
        and not _TEMPLATE_TITLE.search(core)
        and not _SENTENCE_PUNCT.search(core)
        and not re.match(r"^[《(（]|^\d{1,2}\s*[.、]|^第", core)
    )


def _drop_marks(norm: str, origin: list[int], mark: str) -> tuple[str, list[int]]:
    """The text without every occurrence of `mark`, offsets kept for the rest."""
    chars: list[str] = []
    kept: list[int] = []
    i = 0
    while i < len(norm):
        if norm.startswith(mark, i):
            i += len(mark)
            continue
        chars.append(norm[i])
        kept.append(origin[i])
        i += 1
    return "".join(chars), kept


def parse_lines(source: SourceText) -> list[Line]:
    """Split a source into content lines with heading levels, parts and section paths."""
    text = source.text
    hints = dict(source.heading_hints)
    lines: list[Line] = []
    kinds: list[tuple[int, str | None]] = []  # (segment, numbering scheme) of each line
    segment = 0  # the body, then one segment per attachment part
    seen: dict[int, list[str]] = {0: []}
    part = ""
    body_seen = False
    bare_attachment: int | None = None  # index of a bare 附件N line whose title has not come yet
    position = 0
    for raw in text.split("\n"):
        line_start = position
        position += len(raw) + 1
        norm, origin = normalise_with_map(raw)
        bullet = _BULLET.match(norm)
        if bullet:
            mark = origin[0]
            norm, origin = norm[bullet.end():], origin[bullet.end():]
            if norm and not _LABELLED.match(norm) and not re.match(r"[(（【\[]|注", norm):
                # "- 营业执照复印件": an item of a bulleted list, marked ● like a Word bullet (a note stays a note)
                norm, origin = "●" + norm, [mark] + list(origin)
        if "**" in norm:  # Markdown emphasis: **必选** reads as 必选
            norm, origin = _drop_marks(norm, origin, "**")
        marks = _MD_HEADING.match(norm)
        if marks:  # "## 二、建设任务": the Markdown marks are not part of the heading's words
            norm, origin = norm[marks.end():], origin[marks.end():]
        if not norm:
            continue
        offsets = tuple(line_start + o for o in origin)
        heading, body_from = heading_of(norm)
        kind = _scheme(heading) if heading is not None else None
        hinted = hints.get(line_start) or hints.get(line_start + (len(raw) - len(raw.lstrip())))
        # a styled heading (Word Heading N, Markdown #) — unless it reads as a clause: （三）近三年…良好，…；
        if heading is None and hinted and len(norm) <= 40 and not _SENTENCE_PUNCT.search(norm.rstrip("。；;")):
            heading, body_from = Heading(level=hinted, label="", title=norm), len(norm)
        # a table cell (DOCX tables arrive one tab-led cell per line) never opens an attachment
        cell = raw.lstrip(" ").startswith("\t")
        # a file that is itself a template (its first lines: 附件1 / XX项目申报书) is one template part
        opening = not body_seen and len(lines) < 3 and not re.search(r"通知|公告|指南|办法|意见|方案$", norm)
        started = is_template_start(norm) if (body_seen or opening or part) and not cell else None
        if bare_attachment is not None and heading is None and started is None:
            if is_rules_title(norm):  # 附件1 / 2026年度…申报指南: the attachment continues the body
                index = bare_attachment
                old = lines[index]
                lines[index] = Line(old.start, old.end, old.norm, old.origin, None, 0, "", ())
                kinds[index] = (segment, None)
                part = ""
            bare_attachment = None
        if started is not None and started.startswith("附件"):
            titled = _ATTACHMENT_TITLED.match(started)
            if titled and is_rules_title(titled.group(1)):
                started = None  # 附件1：…申报指南 on one line
                part = ""
        # a Word heading style on 附件1 … does not make the attachment line a heading of the body
        if started and (heading is None or (kind is None and started.startswith("附件"))):
            if started.startswith("附件") or not part:
                part = started  # a new attachment opens a fresh heading path
            elif re.fullmatch(r"附件(?:\d*|[一二三四五六七八九十]{1,3})[:：]?", part):
                part = f"{part} {started}"  # the attachment's own title
            else:
                started = None  # another title inside the same attachment (e.g. a second cover)
            if started:
                segment += 1
                seen[segment] = []
                lines.append(Line(offsets[0], offsets[-1] + 1, norm, offsets, Heading(0, "", started), len(norm), part, (part,)))
                kinds.append((segment, None))
                bare_attachment = len(lines) - 1 if _ATTACHMENT_ALONE.match(norm) else None
                continue
        bare_attachment = None
        if kind is not None and kind not in seen[segment]:
            seen[segment].append(kind)
        body_seen = body_seen or len(norm) > 40
        lines.append(Line(offsets[0], offsets[-1] + 1, norm, offsets, heading, body_from, part, ()))
        kinds.append((segment, kind))
    return _nest(lines, kinds, seen)


def _nest(lines: list[Line], kinds: list[tuple[int, str | None]], seen: dict[int, list[str]]) -> list[Line]:
    """Heading levels and section paths. Levels follow the order in which numbering schemes
    appear in a part ("第一条 … （一）…" nests （一） under 条, "一、… （一）…" nests it under 一、),
    except that a more major scheme seen late (第九条 after a 1. list inside 第三条) still ranks
    above the minor ones, in the genre's order 章 > 一、 > 条 > （一） > 表 > 1. > （1） > ①."""
    levels = {
        seg: {k: i + 1 for i, k in enumerate(sorted(order, key=lambda k: (_RANK.get(k, 4.0), order.index(k))))}
        for seg, order in seen.items()
    }
    out: list[Line] = []
    path: list[tuple[int, str]] = []
    for line, (seg, kind) in zip(lines, kinds, strict=True):
        heading = line.heading
        if heading is not None and heading.level == 0:
            path = []  # a new attachment opens a fresh heading path
            out.append(line)
            continue
        if heading is not None and kind is not None:
            heading = Heading(levels[seg][kind], heading.label, heading.title)
        if heading is not None:
            while path and path[-1][0] >= heading.level:
                path.pop()
            path.append((heading.level, heading.title))
        full_path = ((line.part,) if line.part else ()) + tuple(title for _, title in path)
        out.append(Line(line.start, line.end, line.norm, line.origin, heading, line.body_from, line.part, full_path))
    return out


def lines_under(lines: list[Line], index: int) -> list[Line]:
    """Lines under the heading at `index`, up to the next heading of the same or a higher level."""
    level = lines[index].heading.level  # type: ignore[union-attr]
    out = []
    for line in lines[index + 1 :]:
        if line.part != lines[index].part or (line.heading is not None and line.heading.level <= level):
            break
        out.append(line)
    return out


def section_label(path: tuple[str, ...]) -> str:
    """Human-readable section path: '四、申报要求 > (一)申报范围'."""
    return " > ".join(path)
