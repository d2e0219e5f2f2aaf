"""Write real files for tests: good PDFs and DOCX with Chinese text, and bad files.

A plain module (no pytest fixtures). Every function writes into the path it is
given, creates missing parent folders, and returns the path. Output is
deterministic: the same arguments give byte-identical files.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

CJK_FONT = "STSong-Light"
FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_NO_LINE_START = set("，。、；：？！）》」』”’…%％,.;:!?)]")
_TOKEN = re.compile(r"[A-Za-z0-9:/._@%\-]+|.", re.S)


def _prepare(path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _register_cjk_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    try:
        pdfmetrics.getFont(CJK_FONT)
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


def wrap_text(text: str, width: float, size: float, font: str = CJK_FONT) -> list[str]:
    """Split `text` into lines no wider than `width` points.

    Explicit newlines are kept; runs of ASCII letters/digits (URLs, numbers) are
    never split; closing punctuation is not put at the start of a line.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for raw in text.split("\n"):
        line = ""
        for token in _TOKEN.findall(raw):
            if line and stringWidth(line + token, font, size) > width and token not in _NO_LINE_START:
                lines.append(line)
                line = token.lstrip() if token.isspace() else token
            else:
                line += token
        lines.append(line)
    return lines


# ---------------------------------------------------------------------------
# Good files
# ---------------------------------------------------------------------------
def _pdf_bytes(pages: Sequence[str], title: str = "", size: float = 12.0) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_cjk_font()
    buf = io.BytesIO()
    page_w, page_h = A4
    margin = 72.0
    lead = size * 1.6
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    if title:
        c.setTitle(title)
    for _number, page_text in enumerate(pages or [""], start=1):
        y = page_h - margin
        c.setFont(CJK_FONT, size)
        for line in wrap_text(page_text, page_w - 2 * margin, size):
            if y < margin:  # overflow continues on an extra physical page
                c.showPage()
                c.setFont(CJK_FONT, size)
                y = page_h - margin
            c.drawString(margin, y, line)
            y -= lead
        c.showPage()
    c.save()
    return buf.getvalue()


def make_pdf(path, pages: list[str], title: str = "") -> Path:
    """A PDF with one page per string of `pages` (Chinese text in STSong-Light, lines wrapped).

    The text is extractable with pypdf; a wrapped line comes back as a line break.
    """
    path = _prepare(path)
    path.write_bytes(_pdf_bytes(pages, title))
    return path


def _repack_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def make_docx(path, blocks: Iterable[tuple]) -> Path:
    """A DOCX built from `blocks`, in order.

    Block kinds: ("title", text), ("heading1", text), ("heading2", text),
    ("heading3", text), ("para", text), ("table", [[cell, ...], ...]), ("pagebreak",).
    Headings use Word's built-in "Heading N" styles; tables use "Table Grid".
    """
    import datetime as dt

    import docx
    from docx.oxml.ns import qn

    path = _prepare(path)
    document = docx.Document()
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        rpr = document.styles[name].element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), "宋体")
    fixed = dt.datetime(2026, 1, 1, 0, 0, 0)
    props = document.core_properties
    props.author = "test"
    props.last_modified_by = "test"
    props.created = fixed
    props.modified = fixed
    props.revision = 1
    for block in blocks:
        kind = block[0]
        if kind == "title":
            document.add_heading(block[1], level=0)
        elif kind in ("heading1", "heading2", "heading3"):
            document.add_heading(block[1], level=int(kind[-1]))
        elif kind == "para":
            document.add_paragraph(block[1])
        elif kind == "table":
            rows = block[1]
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for col, value in enumerate(row):
                    table.cell(r, col).text = str(value)
        elif kind == "pagebreak":
            document.add_page_break()
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    buf = io.BytesIO()
    document.save(buf)
    path.write_bytes(_repack_zip(buf.getvalue()))
    return path


def make_gbk_text(path, text: str = "关于开展可信数据空间创新发展试点工作的通知\n申报截止时间为2026年5月20日。\n") -> Path:
    """Valid Chinese text encoded in GBK: a legitimate file that should be accepted."""
    path = _prepare(path)
    path.write_bytes(text.encode("gbk"))
    return path


def make_many_pages_pdf(path, n: int) -> Path:
    """A PDF with `n` nearly blank pages (a page number on each), written quickly."""
    from reportlab.pdfgen import canvas

    path = _prepare(path)
    c = canvas.Canvas(str(path), invariant=1, pageCompression=0)
    for i in range(1, n + 1):
        c.setFont("Helvetica", 9)
        c.drawString(72, 40, f"- {i} -")
        c.showPage()
    c.save()
    return path


# ---------------------------------------------------------------------------
# Bad files
# ---------------------------------------------------------------------------
def make_corrupt_pdf(path) -> Path:
    """A file that starts like a PDF but has a destroyed body and no xref/trailer."""
    path = _prepare(path)
    good = _pdf_bytes(["可信数据空间创新发展试点申报书"])
    head = good[: len(good) // 3]
    garbage = bytes((i * 37 + 11) % 256 for i in range(2048))
    path.write_bytes(head + garbage + b"\nendobj\n%%EO")
    return path


def make_encrypted_pdf(path, user_password: str = "secret", owner_password: str = "owner-secret",
                       text: str = "加密的申报书 可信数据空间") -> Path:
    """A PDF encrypted with a user password (RC4-128); it cannot be opened with an empty password."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    path = _prepare(path)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_bytes([text]))))
    file_id = ByteStringObject(b"filemakers-fixed")  # fixed /ID keeps the output reproducible
    writer._ID = ArrayObject((file_id, file_id))
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    writer._ID = ArrayObject((file_id, file_id))
    buf = io.BytesIO()
    writer.write(buf)
    path.write_bytes(buf.getvalue())
    return path


def make_image_only_pdf(path) -> Path:
    """A one-page PDF with only drawn shapes and an inline raster image: no text layer at all."""
    from reportlab.pdfgen import canvas

    path = _prepare(path)
    c = canvas.Canvas(str(path), invariant=1)
    c.setFillGray(0.85)
    c.rect(60, 500, 470, 260, stroke=1, fill=1)
    c.setFillGray(0.2)
    for i in range(12):  # "scanned lines" as thin bars
        c.rect(80, 730 - i * 18, 300 + (i * 37) % 130, 6, stroke=0, fill=1)
    c.circle(450, 400, 50, stroke=1, fill=0)
    c.line(60, 300, 530, 300)
    # a small grayscale raster drawn as an inline image, written directly into the page stream
    side = 32
    pixels = bytes(((x * 7) ^ (y * 5)) & 0xFF for y in range(side) for x in range(side))
    c._code.append(
        f"q 200 0 0 200 80 60 cm BI /W {side} /H {side} /BPC 8 /CS /G /F /AHx ID {pixels.hex()}> EI Q"
    )
    c.showPage()
    c.save()
    return path


def make_empty_file(path) -> Path:
    """A zero-byte file (with whatever suffix `path` has)."""
    path = _prepare(path)
    path.write_bytes(b"")
    return path


def make_oversize_file(path, mb: float) -> Path:
    """A file of exactly `mb` MiB. Starts with a plausible header, the rest is a sparse hole (fast, no disk)."""
    path = _prepare(path)
    size = int(mb * 1024 * 1024)
    header = {".pdf": b"%PDF-1.4\n", ".docx": b"PK\x03\x04"}.get(path.suffix.lower(), "可信数据空间\n".encode())
    with open(path, "wb") as f:
        f.write(header[:size])
        f.truncate(size)
    return path


def make_non_utf8_text(path, size: int = 4097) -> Path:
    """Binary garbage in a text file: not valid UTF-8, not GB18030, not UTF-16 (odd length, no BOM)."""
    path = _prepare(path)
    pattern = b"\x81\x00\xff\x80\xfe\x07\x00\x9c\x01\xff\xc0\x1b"
    data = (b"\x00\x81" + pattern * (size // len(pattern) + 1))[:size]
    if len(data) % 2 == 0:
        data += b"\xff"
    path.write_bytes(data)
    return path


def make_docx_not_zip(path) -> Path:
    """A file named .docx that is plain text, not a zip container."""
    path = _prepare(path)
    path.write_text("这不是Word文件，只是改了扩展名的纯文本。\n项目名称：可信数据空间试点\n", encoding="utf-8")
    return path


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def make_zip_bomb_docx(path, unpacked_mb: int = 320) -> Path:
    """A small .docx whose word/document.xml inflates to `unpacked_mb` MiB of repeated bytes.

    Streamed chunk by chunk through zipfile (ZIP_DEFLATED, zip64), so making it is
    fast and needs little memory; the file itself stays well under 2 MB.
    """
    path = _prepare(path)
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>"
    )
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    total = unpacked_mb * 1024 * 1024
    chunk = b"A" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS)):
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
        info = zipfile.ZipInfo("word/document.xml", date_time=FIXED_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            member.write(head)
            remaining = total - len(head) - len(tail)
            while remaining > 0:
                piece = chunk if remaining >= len(chunk) else chunk[:remaining]
                member.write(piece)
                remaining -= len(piece)
            member.write(tail)
    return path
