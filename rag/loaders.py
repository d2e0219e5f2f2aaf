"""Read a file (.txt .md .pdf .docx .html) into verbatim text with page spans.

Every failure becomes an IngestError that names the file and says what to do.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .errors import IngestError
from .records import Page, SourceText
from .settings import Settings

SUPPORTED = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")
_TEXT_ENCODINGS = ("utf-8-sig", "utf-16", "gb18030")


def load_file(path: Path, settings: Settings) -> SourceText:
    """Extract the verbatim text of `path`, refusing files the product cannot read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise IngestError(f"找不到文件 / file not found: {path.name} — 请检查路径 / check the path")
    if suffix not in SUPPORTED:
        raise IngestError(
            f"不支持的文件类型 / unsupported file type: {path.name} — 请上传 PDF、DOCX、TXT、MD 或 HTML"
        )
    size = path.stat().st_size
    if size == 0:
        raise IngestError(f"文件为空 / empty file: {path.name} — 请确认文件内容后重新上传")
    if size > settings.max_file_mb * 1024 * 1024:
        raise IngestError(
            f"文件过大 / file too large: {path.name} ({size / 1048576:.1f} MB > {settings.max_file_mb:g} MB)"
            " — 请拆分或压缩后上传 / split or compress it"
        )
    data = path.read_bytes()
    if suffix == ".pdf":
        source = _load_pdf(path, data, settings)
    elif suffix == ".docx":
        source = _load_docx(path, data, settings)
    elif suffix in (".html", ".htm"):
        source = _load_html(path, data)
    else:
        text = decode_text(path, data)
        hints = _markdown_hints(text) if suffix == ".md" else ()
        source = SourceText(text=text, heading_hints=hints)
    if not source.text.strip():
        raise IngestError(f"文件中没有可提取的文字 / no text found in {path.name} — 请确认文件内容")
    return source


def decode_text(path: Path, data: bytes) -> str:
    """Decode text bytes (UTF-8, UTF-16 with BOM, or GB18030); refuse binary garbage."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates: tuple[str, ...] = ("utf-16",)
    else:
        candidates = ("utf-8-sig", "gb18030")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text.replace("\r\n", "\n").replace("\r", "\n")
    raise IngestError(
        f"无法识别文本编码 / cannot decode {path.name} as UTF-8 or GB18030 text"
        " — 请另存为 UTF-8 编码后重新上传 / save it as UTF-8 and retry"
    )


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(text) < 0.01


def _load_pdf(path: Path, data: bytes, settings: Settings) -> SourceText:
    import io

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                unlocked = bool(reader.decrypt(""))
            except Exception:
                unlocked = False
            if not unlocked:
                raise IngestError(
                    f"PDF 已加密 / encrypted PDF: {path.name} — 请解除密码保护后重新上传 / remove the password"
                )
        # the declared /Count first: counting pages walks the whole page tree, seconds for a huge one
        count = _declared_pages(reader)
        if count <= settings.max_pdf_pages:
            count = len(reader.pages)
        if count > settings.max_pdf_pages:
            raise IngestError(
                f"PDF 页数过多 / too many pages: {path.name} ({count} > {settings.max_pdf_pages})"
                " — 请只上传通知和申报书部分 / upload only the notice and template"
            )
        texts: list[str] = []
        pages: list[Page] = []
        offset = 0
        for number, page in enumerate(reader.pages, start=1):
            text = (page.extract_text() or "").replace("\r\n", "\n").replace("\r", "\n")
            if texts:
                texts.append("\n")
                offset += 1
            pages.append(Page(number=number, start=offset, end=offset + len(text)))
            texts.append(text)
            offset += len(text)
    except IngestError:
        raise
    # PyPdfError, not PdfReadError: LimitReachedError (huge arrays, page trees) derives only from the base
    except (PyPdfError, DependencyError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError, AssertionError, NotImplementedError, ZeroDivisionError) as exc:
        raise IngestError(
            f"PDF 文件损坏或无法解析 / corrupt or unreadable PDF: {path.name} ({type(exc).__name__})"
            " — 请重新导出 PDF 后上传 / re-export the PDF"
        ) from exc
    full = "".join(texts)
    if sum(1 for ch in full if not ch.isspace()) < 20:
        raise IngestError(
            f"PDF 中没有文字层（可能是扫描件）/ image-only PDF: {path.name}"
            " — 请先进行文字识别（OCR）或上传 Word 版 / run OCR first or upload the DOCX"
        )
    return SourceText(text=full, pages=tuple(pages))


def _declared_pages(reader) -> int:  # type: ignore[no-untyped-def]
    try:
        return int(reader.trailer["/Root"]["/Pages"]["/Count"])
    except Exception:  # a missing or malformed /Count: fall back to walking the tree
        return 0


def _load_docx(path: Path, data: bytes, settings: Settings) -> SourceText:
    import io

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError(
            f"不是有效的 DOCX 文件 / not a valid DOCX (not a zip): {path.name}"
            " — 请用 Word 另存为 .docx 后上传 / save it as .docx from Word"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise IngestError(f"DOCX 文件损坏 / corrupt DOCX: {path.name} — 请重新保存后上传") from exc
    if unpacked > settings.max_unzipped_mb * 1024 * 1024:
        raise IngestError(
            f"DOCX 解压后过大 / DOCX expands to {unpacked / 1048576:.0f} MB: {path.name}"
            " — 文件可能已损坏或含有过大的嵌入内容 / remove embedded objects"
        )
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        numbering = _DocxNumbering(document)
        lines: list[tuple[str, int]] = []  # (text, heading level or 0)
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                paragraph = Paragraph(block, document)
                # Word's automatic list numbers (一、 1. （1） ●) are not in the runs: write them as shown
                label = numbering.label(paragraph) if paragraph.text.strip() else ""
                lines.append((label + paragraph.text, _docx_heading_level(paragraph)))
            elif tag == "tbl":
                # one tab-led cell per line, a blank line after each row (tables.read_tables reads rows back)
                for row in Table(block, document).rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # merged cells repeat
                            continue
                        seen.add(id(cell._tc))
                        lines.append(("\t" + cell.text.replace("\n", "\n\t"), 0))
                    lines.append(("", 0))
    except IngestError:
        raise
    except Exception as exc:  # python-docx raises many kinds on malformed XML
        raise IngestError(
            f"DOCX 文件无法解析 / unreadable DOCX: {path.name} ({type(exc).__name__}) — 请重新保存后上传"
        ) from exc
    parts: list[str] = []
    hints: list[tuple[int, int]] = []
    offset = 0
    for text, level in lines:
        if level:
            hints.append((offset, level))
        parts.append(text)
        offset += len(text) + 1
    return SourceText(text="\n".join(parts), heading_hints=tuple(hints))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """1 → 一, 12 → 十二, 25 → 二十五 (list numbers stay small)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[units] if units else "")


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting", "chineseLegalSimplified"):
        return _chinese(n)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    return str(n)


class _DocxNumbering:
    """Labels of Word's automatic numbering, counted in document order per list."""

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, numFmt, lvlText)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part: no automatic numbers
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{_W}lvl"):
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    int(_val(lvl, "start") or 1), _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "",
                )
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{_W}val", "") if ref is not None else "", {}))
            for override in num.findall(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                if start is not None and ilvl in levels:
                    levels[ilvl] = (int(start.get(f"{_W}val", "1")), *levels[ilvl][1:])
            self.levels[num.get(f"{_W}numId", "")] = levels

    def label(self, paragraph) -> str:  # type: ignore[no-untyped-def]
        num_id, ilvl = self._num_pr(paragraph)
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start, fmt, text = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item restarts the lists under it
        if fmt == "bullet":
            return "●"
        if fmt == "none":
            return text
        def number(m: re.Match[str]) -> str:
            level = int(m.group(1)) - 1
            value = counters.get(level, levels.get(level, (1, "decimal", ""))[0])
            return _format_number(value, levels.get(level, (1, "decimal", ""))[1])
        return re.sub(r"%(\d)", number, text)

    @staticmethod
    def _num_pr(paragraph) -> tuple[str, int]:  # type: ignore[no-untyped-def]
        """numId and level of a paragraph: its own, else its style's (List Number …)."""
        nodes = [paragraph._p.pPr]
        style = paragraph.style
        while style is not None:
            nodes.append(style.element.pPr)
            style = style.base_style
        num_id, ilvl = "", None
        for ppr in nodes:
            if ppr is None:
                continue
            pr = ppr.find(f"{_W}numPr")
            if pr is None:
                continue
            if not num_id:
                num_id = _val(pr, "numId") or ""
            if ilvl is None and _val(pr, "ilvl") is not None:
                ilvl = int(_val(pr, "ilvl") or 0)
        return num_id, ilvl or 0


def _val(node, name: str) -> str | None:  # type: ignore[no-untyped-def]
    child = node.find(f"{_W}{name}")
    return child.get(f"{_W}val") if child is not None else None


def _docx_heading_level(paragraph) -> int:  # type: ignore[no-untyped-def]
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    match = re.match(r"(?:Heading|标题)\s*(\d)", name)
    if match:
        return int(match.group(1))
    return 1 if name == "Title" else 0


def _load_html(path: Path, data: bytes) -> SourceText:
    from bs4 import BeautifulSoup

    text = decode_text(path, data)
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    # list items carry the number or bullet a browser would draw (1. 2. … / ●)
    for listing in soup.find_all(["ol", "ul"]):
        try:
            number = int(str(listing.get("start") or 1))
        except ValueError:
            number = 1
        for item in listing.find_all("li", recursive=False):
            first = item.find(string=lambda t: bool(t and t.strip()))
            if first is not None:
                first.replace_with((f"{number}." if listing.name == "ol" else "●") + first.lstrip())
            number += 1
    # tables as DOCX tables arrive: one tab-led cell per line, a blank line after each row
    # (a cell that reads like a title, 项目申报书, must not look like a line of prose)
    tables: list[str] = []
    for table in soup.find_all("table"):
        if table.find_parent("table") is not None:
            continue
        rows = []
        for tr in table.find_all("tr"):
            cells = [re.sub(r"\s+", " ", cell.get_text(" ", strip=True)) for cell in tr.find_all(["td", "th"])]
            if cells:
                rows.append("\n".join("\t" + cell for cell in cells) + "\n")
        table.replace_with(f"\n\x00{len(tables)}\x00\n")
        tables.append("\n".join(rows))
    lines = []
    for line in soup.get_text("\n").splitlines():
        line = line.strip()
        held = re.fullmatch(r"\x00(\d+)\x00", line)
        if held:
            lines.append(tables[int(held.group(1))])
        elif line:
            lines.append(line)
    return SourceText(text="\n".join(lines))


def _markdown_hints(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), len(m.group(1))) for m in re.finditer(r"(?m)^(#{1,6})\s", text))
