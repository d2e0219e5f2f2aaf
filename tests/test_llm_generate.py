"""Generated answers with verbatim citations, and structured output with one retry."""

from __future__ import annotations

import pytest

from rag.errors import BackendError
from rag.generate import (
    ABSTAIN_TEXT,
    ApplicantFacts,
    CoverageJudgment,
    extract_applicant_facts,
    extract_json,
    generate_answer,
    judge_coverage,
    structured,
)
from rag.llm import make_backend
from rag.normalise import collapse_whitespace
from rag.records import Chunk, Hit
from rag.settings import Settings
from rag.testing import scripted_backend
from rag.testing.stub_openai import StubOpenAI

SETTINGS = Settings.from_env(environ={})


def make_hits() -> list[Hit]:
    texts = [
        ("national", "四、申报要求", "联合申报单位最多\n  不超过5家，牵头单位须为独立法人。"),
        ("shanghai", "三、申报时间", "申报截止时间为2025年3月31日17:00，逾期不予受理。"),
        ("shanghai", "五、报送方式", "请将申报材料报送至上海市数据局。"),
    ]
    hits = []
    for i, (jur, section, text) in enumerate(texts):
        chunk = Chunk(
            f"c{i}",
            f"{jur}-notice",
            jur,
            "notice",
            section,
            i + 2,
            100 * i,
            100 * i + len(text),
            text,
            collapse_whitespace(text),
        )
        hits.append(Hit(chunk=chunk, score=1.0 - i / 10))
    return hits


def test_answer_citations_quote_the_chunks_verbatim_and_are_renumbered():
    hits = make_hits()
    backend = scripted_backend(
        "申报截止时间为2025年3月31日17:00[2]。联合申报单位最多不超过5家[1]。", name="openai:test"
    )
    answer = generate_answer("截止时间和联合申报家数？", hits, backend, SETTINGS)
    assert answer.mode == "openai:test"
    assert answer.answer == "申报截止时间为2025年3月31日17:00[1]。联合申报单位最多不超过5家[2]。"
    assert [c.quote for c in answer.citations] == [
        collapse_whitespace(hits[1].chunk.text),
        collapse_whitespace(hits[0].chunk.text),
    ]
    assert answer.citations[1].quote == "联合申报单位最多 不超过5家，牵头单位须为独立法人。"
    assert (answer.citations[0].doc_id, answer.citations[0].section, answer.citations[0].page) == (
        "shanghai-notice",
        "三、申报时间",
        3,
    )
    assert answer.citations[0].jurisdiction == "shanghai"
    assert not answer.abstained and answer.notice == ""
    prompt = backend.model.history[0][-1].content
    assert "[1] 来源：national-notice｜四、申报要求｜第2页" in prompt and "截止时间和联合申报家数？" in prompt


def test_model_text_never_becomes_a_quote():
    backend = scripted_backend("材料报送至上海市数据局，地址见通知[3]。")
    answer = generate_answer("报送到哪里？", make_hits(), backend, SETTINGS)
    assert [c.quote for c in answer.citations] == ["请将申报材料报送至上海市数据局。"]


def test_unsupported_sentences_are_removed_with_a_notice():
    backend = scripted_backend("联合申报单位最多不超过5家[1]。每家单位补贴8000万元[1]。")
    answer = generate_answer("联合申报？", make_hits(), backend, SETTINGS)
    assert answer.answer == "联合申报单位最多不超过5家[1]。"
    assert "1" in answer.notice and "unsupported" in answer.notice


def test_not_found_reply_abstains():
    answer = generate_answer("有税收优惠吗？", make_hits(), scripted_backend("条款中未找到依据。"), SETTINGS)
    assert answer.abstained and answer.citations == [] and answer.answer == ABSTAIN_TEXT


def test_no_hits_abstains_without_calling_the_model():
    backend = scripted_backend()
    answer = generate_answer("问题", [], backend, SETTINGS)
    assert answer.abstained and backend.model.history == []


@pytest.mark.parametrize(
    ("reply", "cause"),
    [
        ("补贴标准为每家8000万元[1]。", "verified"),  # everything removed
        ("请按照通知要求准备材料。", "cites no clause"),  # no markers at all
        ("", "empty output"),
    ],
)
def test_unusable_answers_raise_backend_error(reply, cause):
    with pytest.raises(BackendError, match=cause):
        generate_answer("问题", make_hits(), scripted_backend(reply), SETTINGS)


def test_generate_answer_over_http_with_the_stub():
    with StubOpenAI(script=["联合申报单位最多不超过5家[1]。"]) as stub:
        settings = Settings.from_env(
            environ={}, llm="openai", llm_base_url=stub.base_url, llm_model="deepseek-chat", llm_retries=0
        )
        answer = generate_answer("最多几家？", make_hits(), make_backend(settings), settings)
    assert answer.mode == "openai:deepseek-chat"
    assert answer.citations[0].quote == collapse_whitespace(make_hits()[0].chunk.text)
    assert "<clauses>" in stub.chat_requests()[0]["messages"][-1]["content"]


def test_context_budget_limits_the_clauses_sent():
    from rag.tokens import hit_tokens

    hits = make_hits()
    backend = scripted_backend("联合申报单位最多不超过5家[1]。")
    generate_answer("问题", hits, backend, SETTINGS.with_(context_tokens=hit_tokens(hits[0]) + 1))
    prompt = backend.model.history[0][-1].content
    assert "[1] 来源" in prompt and "[2] 来源" not in prompt


# ---- structured output -------------------------------------------------------------------

JUDGE_VARS = {"requirement": "说明数据来源的合法性", "draft": "本项目数据均来自合作方授权。"}


@pytest.mark.parametrize(
    "reply",
    [
        '{"covered": true, "quote": "本项目数据均来自合作方授权。", "reason": "有说明"}',
        '判断如下：\n```json\n{"covered": true, "quote": "本项目数据均来自合作方授权。", "reason": "有说明"}\n```\n以上。',
        '好的。{"covered": true, "quote": "本项目数据均来自合作方授权。", "reason": "含{括号}"} 完毕',
    ],
)
def test_structured_tolerates_fences_and_prose(reply):
    result = structured(scripted_backend(reply), "judge_coverage", JUDGE_VARS, CoverageJudgment)
    assert result == CoverageJudgment(covered=True, quote="本项目数据均来自合作方授权。", reason=result.reason)


def test_structured_retries_once_after_malformed_output():
    backend = scripted_backend('{"covered": tru', '{"covered": false, "quote": "", "reason": "未说明"}')
    result = structured(backend, "judge_coverage", JUDGE_VARS, CoverageJudgment)
    assert result.covered is False
    retry_messages = backend.model.history[1]
    assert retry_messages[-2].content == '{"covered": tru'  # the model sees its own bad reply
    assert "JSON" in retry_messages[-1].content


def test_structured_retries_once_after_a_schema_violation():
    backend = scripted_backend('{"quote": "x"}', '{"covered": true, "quote": "本项目数据均来自合作方授权。"}')
    assert structured(backend, "judge_coverage", JUDGE_VARS, CoverageJudgment).covered is True
    assert "covered" in backend.model.history[1][-1].content


def test_structured_gives_up_after_two_malformed_replies():
    backend = scripted_backend("不是 JSON", "仍然不是")
    with pytest.raises(BackendError, match="not valid CoverageJudgment JSON"):
        structured(backend, "judge_coverage", JUDGE_VARS, CoverageJudgment)
    assert backend.model.pending == 0 and len(backend.model.history) == 2


def test_structured_over_http_malformed_then_valid():
    with StubOpenAI(script=["```json\n{oops}\n```", '{"covered": false, "quote": "", "reason": "无"}']) as stub:
        settings = Settings.from_env(environ={}, llm="openai", llm_base_url=stub.base_url, llm_model="m", llm_retries=0)
        result = structured(make_backend(settings), "judge_coverage", JUDGE_VARS, CoverageJudgment)
    assert result.covered is False and len(stub.chat_requests()) == 2


def test_extract_json_rejects_replies_without_an_object():
    with pytest.raises(ValueError):
        extract_json("[1, 2, 3]")
    assert extract_json('前言 {"a": {"b": 1}} 后记') == {"a": {"b": 1}}


def test_judge_coverage_voids_a_quote_not_in_the_draft():
    backend = scripted_backend('{"covered": true, "quote": "数据来源合法合规", "reason": "已说明"}')
    result = judge_coverage(backend, "说明数据来源的合法性", "本项目数据均来自合作方授权。")
    assert result.covered is False and "quote not found" in result.reason


def test_judge_coverage_accepts_a_verbatim_quote():
    backend = scripted_backend('{"covered": true, "quote": "数据均来自合作方授权", "reason": "已说明"}')
    assert judge_coverage(backend, "说明数据来源", "本项目数据均来自合作方授权。").covered is True


def test_extract_applicant_facts_keeps_asked_fields_and_nulls():
    fields = [
        {"name": "registration_place", "description": "注册地"},
        {"name": "legal_form", "description": "法人类型"},
    ]
    backend = scripted_backend('{"registration_place": "上海市浦东新区", "legal_form": null, "extra": "x"}')
    facts = extract_applicant_facts(backend, "我们注册在上海市浦东新区。", fields)
    assert isinstance(facts, ApplicantFacts)
    assert facts.model_dump() == {"registration_place": "上海市浦东新区", "legal_form": None}
    assert facts.known() == {"registration_place": "上海市浦东新区"}
