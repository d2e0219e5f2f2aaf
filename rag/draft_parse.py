"""A draft application read into sections, paragraphs and table fields (docx, pdf, md, txt or pasted text).

The draft is data: nothing in it is ever interpreted as an instruction.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import IngestError, InputError
from .normalise import collapse_whitespace, normalise
from .settings import Settings
from .structure import heading_of

_TRAILING_NOTE = re.compile(r"\s*\([^()]{1,30}\)\s*$")
_LABEL_CHARS = re.compile(r"[\u4e00-\u9fff]")
_FIELD_LINE = re.compile(r"^([^：:，。；\d]{2,16}?)\s*[：:]\s*(.*)$")
_SHORT_HEADING_STOP = re.compile(r"[。；;，,：:！？!?]|签章|盖章|签字|日期")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_RULE = re.compile(r"^\|?\s*:?-{2,}")


@dataclass(frozen=True)
class DraftLine:
    """One line of the draft: a heading, a paragraph or a table row (cells)."""

    text: str  # verbatim, whitespace folded
    norm: str
    kind: str  # heading | para | row
    level: int = 0
    cells: tuple[str, ...] = ()


@dataclass(frozen=True)
class DraftField:
    """A label–value pair from a table row or a 'label：value' line."""

    label: str  # normalised label
    value: str  # verbatim value, whitespace folded ("" when left blank)
    line: int  # index into Draft.lines
    section: int  # index into Draft.sections


@dataclass(frozen=True)
class DraftSection:
    """A heading and the lines up to the next heading; `end` bounds its whole subtree."""

    index: int
    title: str  # heading without its number label and trailing note, normalised
    heading: str  # the heading line as written
    level: int
    start: int  # line index of the heading (-1 for the preamble)
    body_end: int  # first line after its own body
    end: int  # first line after its subtree
    parent: int | None


@dataclass
class Draft:
    """A parsed draft: lines in reading order, sections over them, and fields."""

    name: str
    lines: list[DraftLine]
    sections: list[DraftSection] = field(default_factory=list)
    fields: list[DraftField] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The whole draft as plain text, one line per row or paragraph."""
        return "\n".join(line.text for line in self.lines)

    def body(self, section: DraftSection, subtree: bool = True) -> list[DraftLine]:
        """Non-heading lines of a section (with its subsections when `subtree`)."""
        end = section.end if subtree else section.body_end
        return [line for line in self.lines[section.start + 1 : end] if line.kind != "heading"]

    def section_text(self, section: DraftSection, subtree: bool = True, headings: bool = False) -> str:
        """Text of a section's lines (headings of subsections included when `headings`)."""
        end = section.end if subtree else section.body_end
        lines = self.lines[section.start + 1 : end]
        return "\n".join(line.text for line in lines if headings or line.kind != "heading")

    def section_of_line(self, index: int) -> DraftSection:
        """The innermost section holding line `index`."""
        best = self.sections[0]
        for section in self.sections:
            if section.start <= index < section.body_end or (section.start == index):
                best = section
        return best


def title_of(heading_norm: str) -> str:
    """A heading without its number label and trailing note: '（一）申报单位基本情况（不超过1000字）' → '申报单位基本情况'."""
    found, _ = heading_of(heading_norm)
    title = heading_norm
    if found is not None and found.label and title.startswith(found.label):
        title = title[len(found.label):]
    title = re.sub(r"^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]+\)|\d{1,2}[、.]|表\s*\d+|第[一二三四五六七八九十\d]+[章部分节])\s*", "", title)
    title = _TRAILING_NOTE.sub("", title)
    return title.strip(" .。:：")


def parse_draft_file(path: Path, settings: Settings) -> Draft:
    """Read a draft file; InputError when it is missing, unreadable or empty."""
    from .loaders import load_file

    path = Path(path)
    if path.is_file() and path.stat().st_size == 0:
        raise InputError(f"草稿为空 / empty draft: {path.name} — 请上传有内容的申报书草稿 / upload a draft with text")
    if path.suffix.lower() == ".docx":
        try:
            load_file(path, settings)  # the loader's checks: zip bomb, corrupt XML, no text
        except IngestError as exc:
            raise _as_input_error(exc, path) from exc
        return _with_structure(Draft(path.name, _docx_lines(path.read_bytes())))
    try:
        source = load_file(path, settings)
    except IngestError as exc:
        raise _as_input_error(exc, path) from exc
    return parse_draft_text(source.text, path.name, markdown=path.suffix.lower() == ".md")


def parse_draft_text(text: str, name: str = "草稿", markdown: bool | None = None) -> Draft:
    """Parse pasted or extracted text; Markdown headings and tables are recognised."""
    if not text or not text.strip():
        raise InputError(f"草稿为空 / empty draft: {name} — 请粘贴或上传申报书草稿 / paste or upload a draft")
    if markdown is None:
        markdown = bool(re.search(r"(?m)^#{1,6}\s|^\|.*\|\s*$", text))
    lines: list[DraftLine] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _text_line(raw, markdown)
        if line is not None:
            lines.append(line)
    if not lines:
        raise InputError(f"草稿为空 / empty draft: {name} — 请粘贴或上传申报书草稿 / paste or upload a draft")
    return _with_structure(Draft(name, lines))


def _as_input_error(exc: IngestError, path: Path) -> InputError:
    message = str(exc)
    if "没有可提取的文字" in message or "文件为空" in message:
        return InputError(f"草稿为空 / empty draft: {path.name} — 请上传有内容的申报书草稿 / upload a draft with text")
    return InputError(message)


def _row(cells: list[str]) -> DraftLine | None:
    cells = [collapse_whitespace(c) for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    if not any(cells):
        return None
    text = "\t".join(cells)
    return DraftLine(text=text, norm=normalise(" ".join(cells)), kind="row", cells=tuple(cells))


def _text_line(raw: str, markdown: bool) -> DraftLine | None:
    stripped = raw.strip()
    if not stripped:
        return None
    if markdown:
        heading = _MD_HEADING.match(stripped)
        if heading:
            text = collapse_whitespace(heading.group(2))
            return DraftLine(text=text, norm=normalise(text), kind="heading", level=len(heading.group(1)))
        if stripped.startswith("|"):
            if _MD_RULE.match(stripped) and not re.search(r"[^\s|:\-]", stripped):
                return None
            return _row(stripped.strip("|").split("|"))
    if "\t" in raw.strip("\n") and len([c for c in raw.split("\t") if c.strip()]) >= 2:
        return _row(raw.split("\t"))
    text = collapse_whitespace(stripped)
    norm = normalise(text)
    if not norm:
        return None
    if markdown:
        norm = re.sub(r"^(?:[-*+]\s+)", "", norm)
    return _classify(text, norm, hinted_level=0)


def _classify(text: str, norm: str, hinted_level: int) -> DraftLine:
    if hinted_level:
        return DraftLine(text=text, norm=norm, kind="heading", level=hinted_level)
    if norm.endswith(("。", "；", ";")):
        return DraftLine(text=text, norm=norm, kind="para")  # a heading never ends a sentence
    found, body_from = heading_of(norm)
    if found is not None and body_from >= len(norm) and len(norm) <= 40:
        return DraftLine(text=text, norm=norm, kind="heading", level=-1)  # numbered: level from its scheme
    if found is not None and body_from < len(norm):
        # "1.打造价值共创模式。构建…": a run-in heading; its body stays a paragraph
        return DraftLine(text=text, norm=norm, kind="para")
    if 2 <= len(norm) <= 20 and _LABEL_CHARS.search(norm) and not _SHORT_HEADING_STOP.search(norm) and not re.search(r"\d{3,}", norm):
        return DraftLine(text=text, norm=norm, kind="heading", level=0)  # unnumbered: level decided later
    return DraftLine(text=text, norm=norm, kind="para")


def _docx_lines(data: bytes) -> list[DraftLine]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines: list[DraftLine] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(block, document)
            text = collapse_whitespace(paragraph.text)
            if not text:
                continue
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            match = re.match(r"(?:Heading|标题)\s*(\d)", style)
            level = int(match.group(1)) if match else (1 if style == "Title" else 0)
            lines.append(_classify(text, normalise(text), level))
        elif tag == "tbl":
            for row in Table(block, document).rows:
                seen: set[int] = set()
                cells = []
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    cells.append(cell.text)
                line = _row(cells)
                if line is not None:
                    lines.append(line)
    return lines


def _scheme(norm: str) -> str:
    found, _ = heading_of(norm)
    if found is None:
        return "plain"
    label = found.label
    if label.startswith("表"):
        return "table"
    if label.startswith("第"):
        return "chapter"
    return re.sub(r"[一二三四五六七八九十百零〇两]+", "C", re.sub(r"\d+", "D", label)).strip()


def _with_structure(draft: Draft) -> Draft:
    """Give numbered headings levels by scheme order, then build sections and fields."""
    schemes: dict[str, int] = {}
    lines: list[DraftLine] = []
    last_level = last_explicit = 1
    # a file that marks its headings (Word styles, Markdown #) is trusted: other short
    # lines are text, and numbered ones nest under the last marked heading
    explicit = sum(1 for line in draft.lines if line.kind == "heading" and line.level > 0) >= 3
    for line in draft.lines:
        if line.kind == "heading":
            level = line.level
            if explicit and level == 0:
                lines.append(DraftLine(line.text, line.norm, "para"))
                continue
            if level > 0:
                last_explicit = level
            elif level == -1 and explicit:
                level = last_explicit + 1
            elif level == -1:
                kind = _scheme(line.norm)
                schemes.setdefault(kind, len(schemes) + 1)
                level = schemes[kind]
            else:
                level = last_level  # an unnumbered short line sits beside the last heading
            last_level = level
            line = DraftLine(line.text, line.norm, "heading", level)
        lines.append(line)
    draft.lines = lines
    draft.sections = _sections(lines)
    draft.fields = _fields(draft)
    return draft


def _sections(lines: list[DraftLine]) -> list[DraftSection]:
    heads = [i for i, line in enumerate(lines) if line.kind == "heading"]
    first = heads[0] if heads else len(lines)
    sections = [DraftSection(0, "", "", 0, -1, first, len(lines), None)]
    stack: list[int] = [0]
    for n, i in enumerate(heads):
        level = lines[i].level
        body_end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        end = next((j for j in heads[n + 1 :] if lines[j].level <= level), len(lines))
        while len(stack) > 1 and sections[stack[-1]].level >= level:
            stack.pop()
        index = len(sections)
        sections.append(DraftSection(index, title_of(lines[i].norm), lines[i].text, level, i, body_end, end, stack[-1]))
        stack.append(index)
    return sections


def _is_label(cell: str) -> bool:
    norm = normalise(cell)
    return (
        1 <= len(norm) <= 24
        and bool(_LABEL_CHARS.search(norm))
        and not re.search(r"[□☑■√✓]", norm)
        and not re.search(r"[。；]", norm)
        and not re.fullmatch(r"[\d.,%\s年月日至\-]+", norm)
    )


def _fields(draft: Draft) -> list[DraftField]:
    out: list[DraftField] = []
    owner = _line_owners(draft)
    for i, line in enumerate(draft.lines):
        if line.kind == "row":
            cells = list(line.cells)
            if len(cells) == 1:
                match = _FIELD_LINE.match(normalise(cells[0]))
                if match:
                    out.append(DraftField(match.group(1).strip(), cells[0].split(match.group(1), 1)[-1].lstrip(" ：:"), i, owner[i]))
                continue
            if len(cells) % 2 == 0 and all(_is_label(cells[k]) for k in range(0, len(cells), 2)):
                pairs = [(cells[k], cells[k + 1]) for k in range(0, len(cells), 2)]
            elif _is_label(cells[0]):
                pairs = [(cells[0], " ".join(c for c in cells[1:] if c))]
            else:
                pairs = []
            out.extend(DraftField(normalise(label), value, i, owner[i]) for label, value in pairs)
        elif line.kind == "para":
            match = _FIELD_LINE.match(line.norm)
            if match and len(line.norm) <= 120:
                value = re.split(r"[：:]", line.text, maxsplit=1)[-1].strip()
                out.append(DraftField(match.group(1).strip(), value, i, owner[i]))
    return out


def _line_owners(draft: Draft) -> list[int]:
    owners = [0] * len(draft.lines)
    for section in draft.sections[1:]:
        for i in range(section.start, section.body_end):
            owners[i] = section.index
    return owners
