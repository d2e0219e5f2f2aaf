"""The chat page drives every flow of the core (Streamlit AppTest, no browser)."""

from __future__ import annotations

from pathlib import Path

import pytest
from filemakers import make_docx

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
QUESTION = "上海的试点最多可以几家单位联合申报？"
DRAFT_REQUEST = "帮我起草上海申报书的“申报单位基本情况”，单位名称：上海数联科技有限公司"


@pytest.fixture()
def media(monkeypatch):
    """Every file the page offers for download, by URL file id (AppTest drops them after each run)."""
    import streamlit.testing.v1.app_test as app_test
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    kept: dict[str, bytes] = {}

    class Recording(MemoryMediaFileStorage):
        def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):  # type: ignore[no-untyped-def]
            file_id = super().load_and_get_id(path_or_data, mimetype, kind, filename)
            kept[file_id] = self._files_by_id[file_id].content
            return file_id

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Recording)
    return kept


def data_of(button, kept: dict[str, bytes]) -> bytes:  # type: ignore[no-untyped-def]
    """The bytes a download button serves."""
    return kept[Path(button.proto.url).stem]


def open_app(monkeypatch, data_dir: Path, **env: str):  # type: ignore[no-untyped-def]
    """A fresh page session over the index in `data_dir`."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("RAG_DATA_DIR", str(data_dir))
    for key in ("RAG_LLM", "RAG_LLM_BASE_URL", "RAG_LLM_MODEL", "RAG_LLM_API_KEY", "RAG_EMBEDDING"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    app.run()
    assert not app.exception, app.exception
    return app


def say(app, text: str):  # type: ignore[no-untyped-def]
    """Send one chat message and return the page after it."""
    app.chat_input[0].set_value(text).run()
    assert not app.exception, app.exception
    return app


def markdown(app) -> str:  # type: ignore[no-untyped-def]
    """All Markdown on the page with the escaping backslashes removed."""
    return " ".join(m.value for m in app.markdown).replace("\\", "")


def test_question_gets_a_cited_answer(corpus_index, monkeypatch):
    settings, _ = corpus_index
    app = say(open_app(monkeypatch, settings.data_dir), QUESTION)
    assert "联合申报单位最多不超过5家" in markdown(app)
    labels = [e.label.replace("\\", "") for e in app.expander]
    assert any("上海市数据局关于征集2025年上海市可信数据空间创新发展试点项目的通知" in label and "申报范围" in label
               for label in labels)
    assert any("政策问答" in c.value for c in app.caption)


def test_eligibility_conversation_fills_the_profile_from_follow_up_answers(corpus_index, monkeypatch):
    settings, _ = corpus_index
    app = say(open_app(monkeypatch, settings.data_dir), "我们是一家注册在上海市浦东新区的民营企业，能申报上海的试点吗？")
    pending = list(app.session_state["pending"])
    assert "贵单位是否具有独立法人资格？" in pending
    assert "还需要了解以下情况" in markdown(app)
    assert app.dataframe, "verdicts are shown as a table"
    table = app.dataframe[0].value
    assert {"条件", "状态", "理由", "条款"} <= set(table.columns)
    assert table["条款"].str.contains("申报范围").any()
    number = pending.index("贵单位是否具有独立法人资格？") + 1
    app = say(app, f"{number}. 是")
    applicant = app.session_state["applicant"]
    assert applicant.legal_person is True and applicant.registered_district == "浦东新区"
    assert "贵单位是否具有独立法人资格？" not in app.session_state["pending"]
    assert any("独立法人" in s.value for s in app.success)


def test_drafting_shows_the_counter_and_turns_red_over_the_limit(corpus_index, monkeypatch):
    settings, _ = corpus_index
    app = say(open_app(monkeypatch, settings.data_dir), DRAFT_REQUEST)
    area = app.text_area[0]
    assert "上海数联科技有限公司" in area.value
    assert any(c.value.endswith("/ 1000 字") for c in app.caption)
    area.set_value("数" * 1001).run()
    assert not app.exception
    assert any(m.value.startswith(":red[") and "1001 / 1000 字" in m.value for m in app.markdown)


def test_uploaded_docx_draft_is_checked(corpus_index, monkeypatch, tmp_path):
    settings, _ = corpus_index
    app = open_app(monkeypatch, settings.data_dir)
    app.multiselect(key="jurisdictions").set_value(["shanghai"]).run()
    draft = make_docx(tmp_path / "草稿.docx", [
        ("title", "上海市可信数据空间创新发展试点申报书"), ("heading1", "一、发展基础"),
        ("heading2", "（一）申报单位基本情况"), ("para", "上海数联科技有限公司成立于2018年，主营工业数据服务。"),
    ])
    app.sidebar.file_uploader(key="up-draft").set_value(("草稿.docx", draft.read_bytes(), "application/octet-stream")).run()
    assert not app.exception, app.exception
    findings = next(d.value for d in app.dataframe if "严重度" in d.value.columns)
    assert {"严重度", "状态", "项目", "证据", "依据条款"} <= set(findings.columns)
    assert list(findings["严重度"]) == sorted(findings["严重度"]), "sorted by severity"
    assert findings["依据条款"].str.len().gt(0).all()
    assert "审查草稿：草稿.docx" in markdown(app)


def test_every_download_has_data(corpus_index, monkeypatch, media, tmp_path):
    settings, _ = corpus_index
    app = open_app(monkeypatch, settings.data_dir)
    app.multiselect(key="jurisdictions").set_value(["shanghai"]).run()
    app = say(app, DRAFT_REQUEST)
    app.button(key=next(b.key for b in app.button if b.key and b.key.startswith("da-"))).click().run()
    draft = make_docx(tmp_path / "d.docx", [("heading1", "一、发展基础"), ("para", "我们建设了数据空间平台。")])
    app.sidebar.file_uploader(key="up-draft").set_value(("d.docx", draft.read_bytes(), "application/octet-stream")).run()
    assert not app.exception, app.exception
    assert "下载对比表（CSV）" not in [b.label for b in app.download_button], "the comparison waits for its tab"
    app.session_state["view"] = "地区对比"  # the user opens the comparison tab
    app.run()
    assert not app.exception, app.exception
    buttons = {b.label: data_of(b, media) for b in app.download_button}
    expected = ["下载本节（DOCX）", "下载本节（Markdown）", "下载整本申报书（DOCX）", "下载审查报告（DOCX）",
                "下载审查报告（Markdown）", "下载对比表（CSV）", "下载申报单位信息（YAML）"]
    for label in expected:
        assert buttons.get(label), f"{label} missing or empty"
    for label in ("下载本节（DOCX）", "下载整本申报书（DOCX）", "下载审查报告（DOCX）"):
        assert buttons[label][:2] == b"PK", f"{label} is a DOCX (zip)"
    assert "上海数联科技有限公司" in buttons["下载本节（Markdown）"].decode("utf-8")
    assert "shanghai" in buttons["下载对比表（CSV）"].decode("utf-8-sig").splitlines()[0]


def test_uploaded_notice_is_ingested_and_its_profile_shown(fake_settings, monkeypatch):
    from rag.ingest import ingest

    ingest(fake_settings)  # a private index: the session-wide one is never written to
    notice = ROOT / "evaluators" / "unseen" / "shenzhen-2026_深圳市政数局_可信数据空间试点申报通知.txt"
    app = open_app(monkeypatch, fake_settings.data_dir, RAG_EMBEDDING="fake")
    app.sidebar.file_uploader(key="up-notice").set_value((notice.name, notice.read_bytes(), "text/plain")).run()
    assert not app.exception, app.exception
    text = markdown(app)
    assert "要求画像" in text and "深圳" in text
    assert any("已加入语料库" in s.value for s in app.success)
    assert any("文档 5" in c.value for c in app.caption), "index status follows the new build"


def test_backend_failure_is_a_notice_not_a_crash(corpus_index, monkeypatch):
    from rag.testing.stub_openai import Fault, StubOpenAI

    settings, _ = corpus_index
    with StubOpenAI(fault=Fault.HTTP_500) as stub:
        app = open_app(monkeypatch, settings.data_dir, RAG_LLM="openai", RAG_LLM_BASE_URL=stub.base_url,
                       RAG_LLM_MODEL="stub-model", RAG_LLM_API_KEY="test", RAG_LLM_RETRIES="0")
        app = say(app, QUESTION)
    warnings = " ".join(w.value for w in app.warning).replace("\\", "")
    assert "已改用离线模式" in warnings
    assert "联合申报单位最多不超过5家" in markdown(app)


def test_core_errors_are_readable_messages(corpus_index, monkeypatch):
    settings, _ = corpus_index
    app = open_app(monkeypatch, settings.data_dir)
    app.radio(key="mode").set_value("drafting").run()
    app = say(app, "帮我写一段")
    assert app.error and "请在消息中写明地区" in app.error[0].value


def test_applicant_box_draws_its_form_when_opened_and_saves_it(corpus_index, monkeypatch):
    settings, _ = corpus_index
    app = open_app(monkeypatch, settings.data_dir)
    assert not app.sidebar.text_input, "the form's fields are drawn only once the box is opened"
    assert any(b.label == "下载申报单位信息（YAML）" for b in app.download_button), "the YAML download is always there"
    app.session_state["applicant-box"] = True  # the user opens 申报单位信息
    app.run()
    assert not app.exception, app.exception
    next(t for t in app.sidebar.text_input if t.label == "单位名称").set_value("上海数联科技有限公司")
    next(b for b in app.sidebar.button if b.label == "保存").click().run()
    assert not app.exception, app.exception
    assert app.session_state["applicant"].name == "上海数联科技有限公司"
