"""The chat page answers with citations (Streamlit AppTest)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_chat_answers_with_citations(corpus_index, monkeypatch):
    from streamlit.testing.v1 import AppTest

    settings, _ = corpus_index
    monkeypatch.setenv("RAG_DATA_DIR", str(settings.data_dir))
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    assert not app.exception
    app.chat_input[0].set_value("上海的试点最多可以几家单位联合申报？").run()
    assert not app.exception
    texts = " ".join(t.value for t in app.text)
    assert "联合申报单位最多不超过5家" in texts
    assert any("shanghai-2025" in e.label for e in app.expander)
