"""Real PDF and DOCX files are ingested and cited with their page / section."""

from pathlib import Path

from filemakers import make_docx, make_pdf

from rag.ingest import ingest
from rag.retrieve import Retriever


def test_pdf_pages_are_kept(fake_settings, tmp_path: Path):
    pdf = make_pdf(tmp_path / "苏州市数据局通知.pdf", [
        "苏州市数据局关于开展可信数据空间试点工作的通知\n一、申报条件\n申报单位须在苏州市注册，具有独立法人资格。",
        "二、申报时间\n申报截止时间为2026年12月15日18时前，逾期不予受理。",
    ])
    report = ingest(fake_settings, [pdf], jurisdiction="suzhou", jurisdiction_name="苏州市")
    assert report.added >= 1
    hits = Retriever(fake_settings).search("申报截止时间", jurisdictions=["suzhou"], k=3)
    top = hits[0].chunk
    assert "2026年12月15日" in top.norm
    assert top.page == 2
    assert top.section.startswith("二、申报时间")


def test_docx_headings_and_tables_in_order(fake_settings, tmp_path: Path):
    docx_path = make_docx(tmp_path / "draft.docx", [
        ("heading1", "一、项目基本信息"),
        ("table", [["项目名称", "长三角工业数据空间"], ["统一社会信用代码", "91310000MA1FL8XQ30"]]),
        ("heading1", "二、建设内容"),
        ("para", "本项目建设工业数据目录与连接器，实现跨企业数据流通，覆盖汽车零部件行业。"),
    ])
    ingest(fake_settings, [docx_path], jurisdiction="testcity", jurisdiction_name="测试市")
    retriever = Retriever(fake_settings)
    hits = retriever.search("统一社会信用代码", jurisdictions=["testcity"], k=3)
    assert any("91310000MA1FL8XQ30" in h.chunk.norm and h.chunk.section == "一、项目基本信息" for h in hits)
    hits = retriever.search("连接器 跨企业数据流通", jurisdictions=["testcity"], k=3)
    assert hits[0].chunk.section == "二、建设内容"


def test_reingest_of_unchanged_corpus_skips_everything(fake_settings):
    first = ingest(fake_settings)
    second = ingest(fake_settings)
    assert first.added == 4 and second.added == 0 and second.skipped == 4
    assert second.generation == first.generation


def test_index_built_by_older_code_is_rebuilt(fake_settings):
    """Cached chunks and profiles follow the code: an upgrade re-derives them without re-embedding."""
    import json

    from rag.index import Layout, open_current
    from rag.profiles import load_profile

    first = ingest(fake_settings)
    stats_path = Layout(fake_settings).generations / first.generation / "build.json"
    stats = json.loads(stats_path.read_text(encoding="utf-8"))
    stats["pipeline"] = "older-code"
    stats_path.write_text(json.dumps(stats), encoding="utf-8")
    (stats_path.parent / "profiles.json").write_text("{}", encoding="utf-8")  # what an old build cached

    profile = load_profile(fake_settings, "上海")  # rebuilds on the way
    assert [s.limit for s in profile.sections if s.limit] == [1000, 1000, 1000]
    assert open_current(fake_settings).name != first.generation
    assert ingest(fake_settings).added == 0  # and is stable afterwards
