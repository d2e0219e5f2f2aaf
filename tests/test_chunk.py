from pathlib import Path

from rag.chunk import chunk_document
from rag.corpus import manifest_entries
from rag.loaders import load_file
from rag.records import DocumentMeta, SourceText
from rag.settings import Settings


def _corpus_chunks():
    settings = Settings.from_env(environ={})
    out = {}
    for meta, path in manifest_entries(settings):
        source = load_file(path, settings)
        out[meta.doc_id] = (source, chunk_document(meta, source))
    return out


def test_chunks_are_verbatim_slices_with_section_paths():
    for doc_id, (source, chunks) in _corpus_chunks().items():
        assert chunks, doc_id
        for chunk in chunks:
            assert source.text[chunk.start : chunk.end] == chunk.text
    source, chunks = _corpus_chunks()["shanghai-2025"]
    joint = [c for c in chunks if "联合申报单位最多不超过5家" in c.norm]
    assert joint and joint[0].section == "四、申报要求 > (一)申报范围"
    assert joint[0].kind == "notice"


def test_attachments_are_template_parts():
    _, chunks = _corpus_chunks()["zhejiang-2025"]
    field = [c for c in chunks if "运营团队和机制构建方案" in c.norm]
    assert field and field[0].kind == "template"
    assert field[0].section.startswith("附件1")
    assert "表2" in field[0].section


def test_heading_is_quoted_with_the_body_it_introduces():
    _, chunks = _corpus_chunks()["anhui-2026"]
    assert any("试点总体思路(不超过3000字)" in c.norm for c in chunks)


def test_numbered_headings_of_an_unseen_layout(tmp_path: Path):
    text = "第一条 适用范围\n本办法适用于本市企业。\n第二条 申报条件\n（一）注册地\n申报单位须在本市注册，具有独立法人资格，近三年信用良好。\n"
    meta = DocumentMeta(doc_id="x", title="t", jurisdiction="x", jurisdiction_name="某市")
    chunks = chunk_document(meta, SourceText(text))
    sections = {c.section for c in chunks}
    assert "第二条申报条件 > (一)注册地" in sections
