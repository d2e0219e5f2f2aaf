"""The ask path over the real corpus with the real default embedder."""

import json

import pytest

from rag.answer import answer_question
from rag.normalise import is_verbatim

pytestmark = pytest.mark.slow


def test_joint_application_limit_is_cited(corpus_index):
    settings, retriever = corpus_index
    answer = answer_question("上海的试点最多可以几家单位联合申报？", retriever, settings)
    assert not answer.abstained and answer.mode == "offline"
    quotes = [c for c in answer.citations if "联合申报单位最多不超过5家" in c.quote]
    assert quotes, answer.citations
    assert quotes[0].doc_id == "shanghai-2025" and quotes[0].section == "四、申报要求 > (一)申报范围"
    # the answer opens with the sentence that answers, not merely the first clause retrieved
    assert "联合申报单位最多不超过5家" in answer.answer.splitlines()[0]


def test_every_quote_is_verbatim(corpus_index):
    settings, retriever = corpus_index
    sources = {m.doc_id: retriever.generation.source(m.doc_id).text for m, _ in retriever.generation.documents()}
    for question in ["浙江在线申报截止日期是哪天？", "安徽的材料发到哪个邮箱", "國家試點分哪幾類方向？"]:
        answer = answer_question(question, retriever, settings)
        assert answer.citations
        assert all(is_verbatim(c.quote, sources[c.doc_id]) for c in answer.citations)


@pytest.mark.parametrize("question", ["北京的可信数据空间试点什么时候截止？", "个人所得税怎么申报？"])
def test_not_in_corpus_says_so(corpus_index, question):
    settings, retriever = corpus_index
    answer = answer_question(question, retriever, settings)
    assert answer.abstained and answer.answer.startswith("未找到依据") and not answer.citations


def test_cli_ask_and_sources_json(corpus_index, monkeypatch, capsys):
    from rag.cli import main

    settings, _ = corpus_index
    monkeypatch.setenv("RAG_DATA_DIR", str(settings.data_dir))
    assert main(["ask", "上海的试点最多可以几家单位联合申报？", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "offline"
    assert any("联合申报单位最多不超过5家" in c["quote"] and c["doc_id"] == "shanghai-2025" and c["section"]
               for c in data["citations"])
    assert set(data["citations"][0]) >= {"doc_id", "jurisdiction", "section", "page", "quote"}
    assert main(["sources", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["jurisdiction"] for r in rows} == {"national", "shanghai", "zhejiang", "anhui"}
    assert set(rows[0]) >= {"doc_id", "title", "jurisdiction", "issuer", "doc_number", "issued_on", "kind"}


def test_jurisdiction_by_chinese_name(corpus_index, monkeypatch, capsys):
    from rag.cli import main

    settings, _ = corpus_index
    monkeypatch.setenv("RAG_DATA_DIR", str(settings.data_dir))
    assert main(["ask", "申报截止时间", "--jurisdiction", "上海", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {c["jurisdiction"] for c in data["citations"]} == {"shanghai"}
