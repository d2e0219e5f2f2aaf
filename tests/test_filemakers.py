"""The file makers produce what they claim: real PDFs/DOCX, and bad files that are bad in the stated way."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from filemakers import (
    make_corrupt_pdf,
    make_docx,
    make_docx_not_zip,
    make_empty_file,
    make_encrypted_pdf,
    make_gbk_text,
    make_image_only_pdf,
    make_many_pages_pdf,
    make_non_utf8_text,
    make_oversize_file,
    make_pdf,
    make_zip_bomb_docx,
)
from pypdf import PdfReader

LONG = "申报主体须为在本市注册的独立法人，" * 30 + "联合体成员不得超过3家。"


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_make_pdf_pages_and_chinese_text(tmp_path):
    path = make_pdf(tmp_path / "notice.pdf",
                    ["一、申报条件\n可信数据空间创新发展试点", LONG, "截止时间：2026年12月15日17:00"],
                    title="测试通知")
    reader = PdfReader(path)
    assert len(reader.pages) == 3
    texts = [page.extract_text() for page in reader.pages]
    assert "可信数据空间创新发展试点" in texts[0]
    assert "2026年12月15日17:00" in texts[2]
    assert reader.metadata.title == "测试通知"
    # the long paragraph is wrapped onto several lines and nothing is lost
    assert texts[1].count("\n") >= 3
    assert _flat(texts[1]) == _flat(LONG)


def test_make_pdf_is_deterministic(tmp_path):
    a = make_pdf(tmp_path / "a.pdf", ["第一页", "第二页"]).read_bytes()
    b = make_pdf(tmp_path / "b.pdf", ["第一页", "第二页"]).read_bytes()
    assert a == b


def test_make_docx_headings_paragraphs_tables_in_order(tmp_path):
    import docx

    blocks = [
        ("heading1", "一、项目基本情况"),
        ("para", "本项目建设行业可信数据空间。"),
        ("table", [["项目名称", "示例空间"], ["统一社会信用代码", "91440300MA5XXXXXXX"]]),
        ("heading2", "（一）建设内容"),
        ("para", "（500字以内）"),
    ]
    path = make_docx(tmp_path / "draft.docx", blocks)
    assert zipfile.is_zipfile(path)
    document = docx.Document(str(path))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 1", "一、项目基本情况") in styled
    assert ("Heading 2", "（一）建设内容") in styled
    assert ("Normal", "本项目建设行业可信数据空间。") in styled
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table.cell(0, 0).text == "项目名称"
    assert table.cell(1, 1).text == "91440300MA5XXXXXXX"
    # body order: heading1, para, table, heading2, para
    tags = [el.tag.rsplit("}", 1)[-1] for el in document.element.body.iterchildren()]
    assert tags[:5] == ["p", "p", "tbl", "p", "p"]
    again = make_docx(tmp_path / "again.docx", blocks)
    assert again.read_bytes() == path.read_bytes()


def test_make_corrupt_pdf_does_not_parse(tmp_path):
    path = make_corrupt_pdf(tmp_path / "broken.pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    with pytest.raises(Exception):  # noqa: B017 - pypdf raises several kinds on garbage
        reader = PdfReader(path)
        for page in reader.pages:
            page.extract_text()


def test_make_encrypted_pdf_needs_password(tmp_path):
    path = make_encrypted_pdf(tmp_path / "locked.pdf", user_password="secret")
    reader = PdfReader(path)
    assert reader.is_encrypted
    assert not reader.decrypt("")
    reader = PdfReader(path)
    assert reader.decrypt("secret")
    assert "加密的申报书" in reader.pages[0].extract_text()


def test_make_image_only_pdf_has_no_text(tmp_path):
    path = make_image_only_pdf(tmp_path / "scan.pdf")
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    assert reader.pages[0].extract_text().strip() == ""
    assert len(reader.pages[0].images) == 1


def test_make_empty_file(tmp_path):
    path = make_empty_file(tmp_path / "empty.pdf")
    assert path.exists() and path.stat().st_size == 0


def test_make_oversize_file(tmp_path):
    path = make_oversize_file(tmp_path / "big.pdf", 21)
    assert path.stat().st_size == 21 * 1024 * 1024
    assert path.read_bytes()[:5] == b"%PDF-"


def test_make_non_utf8_text_is_undecodable(tmp_path):
    data = make_non_utf8_text(tmp_path / "garbage.txt").read_bytes()
    assert data
    for encoding in ("utf-8", "utf-8-sig", "gb18030", "utf-16"):
        with pytest.raises(UnicodeDecodeError):
            data.decode(encoding)


def test_make_gbk_text_is_valid_chinese(tmp_path):
    text = "申报书模板（限800字）\n联合体成员不得超过3家。\n"
    data = make_gbk_text(tmp_path / "gbk.txt", text).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data.decode("gbk") == text
    assert data.decode("gb18030") == text


def test_make_docx_not_zip(tmp_path):
    import docx

    path = make_docx_not_zip(tmp_path / "fake.docx")
    assert path.stat().st_size > 0
    assert not zipfile.is_zipfile(path)
    with pytest.raises(Exception):  # noqa: B017 - python-docx raises several kinds
        docx.Document(str(path))


def test_make_zip_bomb_docx_small_file_huge_declared_size(tmp_path):
    path = make_zip_bomb_docx(tmp_path / "bomb.docx")
    assert path.stat().st_size < 2 * 1024 * 1024
    with zipfile.ZipFile(path) as archive:
        infos = {info.filename: info for info in archive.infolist()}
        assert "word/document.xml" in infos
        assert infos["word/document.xml"].file_size > 300 * 1024 * 1024
        assert sum(info.file_size for info in infos.values()) > 300 * 1024 * 1024
        with archive.open("word/document.xml") as member:  # really inflates: read only the head
            assert member.read(64).startswith(b"<?xml")


def test_make_many_pages_pdf(tmp_path):
    path = make_many_pages_pdf(tmp_path / "many.pdf", 600)
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) == 600
    assert "600" in reader.pages[-1].extract_text()
