"""Export and the command line: section files, the whole-application DOCX, the draft JSON shape,
and the applicant's materials kept out of the policy index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from docx import Document

from evaluators.draft_eval import load_gold
from evaluators.profile_eval import build_profiles
from rag.count import count
from rag.draft import draft_application, draft_section
from rag.export import application_docx, section_counts, write_section
from rag.sections import catalogue


@pytest.fixture(scope="module")
def built():
    profiles, texts, _ = build_profiles()
    return profiles, texts


@pytest.fixture(scope="module")
def index_env(tmp_path_factory):
    """A data dir with the corpus indexed by the fake embedder, and env vars pointing at it."""
    from rag.ingest import ingest
    from rag.settings import Settings

    data = tmp_path_factory.mktemp("cli") / "data"
    settings = Settings.from_env(environ={}, data_dir=data, embedding="fake")
    ingest(settings)
    return settings, {"RAG_DATA_DIR": str(data), "RAG_EMBEDDING": "fake", "RAG_LLM": "offline"}


def test_section_markdown_and_docx(built, tmp_path):
    profiles, _ = built
    draft = draft_section(profiles["anhui"], "试点内容简述", load_gold()[0]["wanxin"])
    md = write_section(draft, tmp_path / "s.md").read_text(encoding="utf-8")
    assert md.startswith("# 试点内容简述") and f"{draft.count} / 300 字" in md
    doc = Document(str(write_section(draft, tmp_path / "s.docx")))
    assert doc.paragraphs[0].text == "试点内容简述"


@pytest.mark.parametrize("jurisdiction,company", [("shanghai", "shuliang"), ("anhui", "wanxin"), ("zhejiang", "zhiyun")])
def test_whole_application_docx(built, tmp_path, jurisdiction, company):
    profiles, texts = built
    profile, facts = profiles[jurisdiction], load_gold()[0][company]
    drafts = draft_application(profile, facts)
    path = application_docx(profile, drafts, facts, tmp_path / "app.docx", sources=texts)
    doc = Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading ")]
    assert headings == [s.title for s in catalogue(profile)]  # the template's sections, in order
    assert doc.tables  # the template's tables
    counts = section_counts(path)
    for spec in catalogue(profile):
        if spec.limit:
            assert counts[spec.title] <= spec.limit
            assert count(drafts[spec.title].text) == counts[spec.title]
    if jurisdiction == "shanghai":
        cells = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
        assert cells["统一社会信用代码"] == "91310115MA1K4XYZ2Q"
        assert cells["资产总额(万元)"] == "2022年：52000；2023年：61000；2024年：70500"
        assert "【待补充】" in cells["项目联系人"]


def test_cli_draft_json_shape(index_env, tmp_path, monkeypatch, capsys):
    from rag.cli import main

    _, env = index_env
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    facts = tmp_path / "f.yaml"
    facts.write_text(yaml.safe_dump({"单位名称": "上海数联智造科技有限公司", "主营业务": "工业数据流通服务"},
                                    allow_unicode=True), encoding="utf-8")
    code = main(["draft", "--jurisdiction", "上海", "--section", "申报单位基本情况", "--facts", str(facts),
                 "--count-mode", "char", "--limit", "200", "--out", str(tmp_path / "d.md"), "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert {"text", "count", "limit", "count_mode", "points", "missing", "citations"} <= set(data)
    assert data["limit"] == 200 and data["count_mode"] == "char" and data["count"] <= 200
    assert all(set(p) == {"point", "covered"} for p in data["points"])
    assert (tmp_path / "d.md").is_file()
    code = main(["draft", "--jurisdiction", "上海", "--section", "all", "--facts", str(facts),
                 "--out", str(tmp_path / "app.docx"), "--json"])
    assert code == 0 and Document(str(tmp_path / "app.docx")).tables
    assert main(["draft", "--jurisdiction", "上海", "--section", "不存在的章节"]) == 2


def test_materials_stay_out_of_the_policy_index(index_env, tmp_path, built):
    from rag.draft import read_facts
    from rag.index import open_current

    settings, _ = index_env
    before = [m.doc_id for m, _ in open_current(settings).documents()]
    chunks_before = len(open_current(settings).chunks()[0])
    note = tmp_path / "公司介绍.txt"
    note.write_text("单位名称：上海数联智造科技有限公司\n公司已通过DCMM三级评估，设立首席数据官，内部数据治理制度完善。\n"
                    "公司建成汽车零部件可信数据空间原型，部署连接器86个。\n", encoding="utf-8")
    facts = read_facts(note, settings, session_id="s1")
    assert [m.doc_id for m, _ in open_current(settings).documents()] == before
    assert len(open_current(settings).chunks()[0]) == chunks_before
    assert (Path(settings.data_dir) / "sessions" / "s1" / "passages.json").is_file()
    draft = draft_section(built[0]["shanghai"], "申报单位基本情况", facts)
    assert "上海数联智造科技有限公司" in draft.text and "DCMM三级" in draft.text
