"""The grounding guard keeps sentences whose values the cited clauses hold, and only those."""

from __future__ import annotations

import pytest

from rag.generate import generate_answer
from rag.grounding import arabicise, citation_numbers, guard, split_sentences, stated_values
from rag.llm import make_backend
from rag.records import Chunk, Hit
from rag.settings import Settings
from rag.testing.stub_openai import Fault, StubOpenAI

CLAUSES = {
    1: "申报截止时间为2025年3月31日17:00，逾期不予受理。",
    2: "联合申报单位最多不超过5家，每个项目支持资金不超过三千万元。",
    3: "请将申报材料报送至上海市数据局。",
}


def test_split_sentences_keeps_markers_with_their_sentence():
    text = "截止时间为3月31日。[1]联合申报不超过5家[2]！可以吗？Yes. It costs 3.5 yuan.\n第二段"
    assert split_sentences(text) == [
        "截止时间为3月31日。[1]",
        "联合申报不超过5家[2]！",
        "可以吗？",
        "Yes. ",
        "It costs 3.5 yuan.\n",
        "第二段",
    ]
    assert citation_numbers("见［2］和【1】以及[2]") == [2, 1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("最多不超过五家", "最多不超过5家"),
        ("三千万元", "30000000元"),
        ("百分之三十", "30%"),
        ("二〇二五年三月三十一日", "2025年3月31日"),
        ("进一步统一数据标准", "进一步统一数据标准"),
        ("十分重要", "十分重要"),
        ("千万不要", "千万不要"),
    ],
)
def test_arabicise_reads_quantities_only(text, expected):
    assert arabicise(text) == expected


def test_stated_values_finds_each_kind():
    kinds = {
        (v.kind, v.text)
        for v in stated_values("请于2025年3月31日17:00前向上海市数据局提交，支持比例30%，不超过5家[1]。")
    }
    assert {
        ("date", "2025年3月31日"),
        ("time", "17:00"),
        ("number", "30%"),
        ("number", "5"),
        ("place", "上海市"),
        ("org", "上海市数据局"),
    } <= kinds
    assert stated_values("（一）申报单位应具备良好的信用记录。") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "联合申报单位不超过五家[2]。",  # 五 = 5
        "每个项目最高支持3000万元[2]。",  # 3000万 = 三千万
        "截止时间为２０２５年３月３１日[1]。",  # full-width digits
        "截止時間為2025年3月31日[1]。",  # traditional script
        "申报截止为3月31日下午17:00[1]。",  # date without year, time
        "材料报送至上海市数据局[3]。",
    ],
)
def test_supported_sentences_are_kept(sentence):
    result = guard(sentence, CLAUSES)
    assert result.removed == 0
    assert result.kept_sentences == (sentence,)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("申报截止时间为2025年3月30日[1]。", "2025年3月30日"),
        ("联合申报单位不超过6家[2]。", "6"),
        ("支持比例为百分之四十[2]。", "40%"),
        ("截止时间为18:00[1]。", "18:00"),
        ("材料报送至浙江省数据局[3]。", "浙江省"),
        ("每个项目最高支持五千万元[2]。", "50000000元"),
    ],
)
def test_unsupported_sentences_are_removed(sentence, value):
    result = guard("本通知面向全国。" + sentence, CLAUSES)
    assert result.removed_sentences == (sentence,)
    assert result.text == "本通知面向全国。"
    assert any(value.startswith(v) or v.startswith(value.rstrip("元")) for v in result.unsupported_values)


def test_value_found_in_another_clause_is_recited():
    result = guard("联合申报单位不超过5家[1]。", CLAUSES)
    assert result.removed == 0
    assert result.text == "联合申报单位不超过5家[2]。"
    assert result.cited == (2,)


def test_sentence_without_markers_is_checked_against_all_clauses():
    result = guard("截止日期是2025年3月31日。另有补贴9999元。", CLAUSES)
    assert result.text == "截止日期是2025年3月31日[1]。"
    assert result.removed_sentences == ("另有补贴9999元。",)


def test_markers_naming_no_clause_are_dropped_and_plain_sentences_pass():
    result = guard("请按通知要求准备材料[7]。", CLAUSES)
    assert result.text == "请按通知要求准备材料。"
    assert result.cited == ()


def test_mark_mode_keeps_unsupported_sentences_visibly():
    result = guard("联合申报单位不超过6家[2]。", CLAUSES, mark="【未经条款核实】")
    assert result.text == "联合申报单位不超过6家[2]【未经条款核实】。"
    assert result.removed == 1


def test_paragraph_breaks_survive_removal():
    result = guard("第一段内容。\n\n截止时间为2031年1月1日[1]。\n\n第三段内容。", CLAUSES)
    assert result.text == "第一段内容。\n\n第三段内容。"


def _hits() -> list[Hit]:
    texts = [
        (
            "national",
            "国家数据局",
            "四、申报要求 > （二）申报条件",
            "联合申报单位最多不超过5家，牵头单位须为在中国境内注册的独立法人。",
        ),
        ("shanghai", "上海市数据局", "三、申报时间", "申报截止时间为2025年3月31日17:00，逾期不予受理。"),
        ("zhejiang", "浙江省数据局", "二、支持方式", "每个入选项目给予不超过三千万元的资金支持。"),
    ]
    hits = []
    for i, (jur, _issuer, section, text) in enumerate(texts):
        chunk = Chunk(f"{jur}-c{i}", f"{jur}-notice", jur, "notice", section, i + 1, 0, len(text), text, text)
        hits.append(Hit(chunk=chunk, score=1.0 / (i + 1)))
    return hits


def test_guard_removes_every_hallucinated_sentence_from_the_stub():
    hits = _hits()
    with StubOpenAI(fault=Fault.HALLUCINATE) as stub:
        settings = Settings.from_env(
            environ={}, llm="openai", llm_base_url=stub.base_url, llm_model="stub", llm_retries=0
        )
        answer = generate_answer("申报有什么要求？", hits, make_backend(settings), settings)
    assert stub.invented and stub.copied
    for invented in stub.invented:
        assert invented.split("[")[0] not in answer.answer
    kept = [c.split("[")[0] for c in stub.copied]
    assert all(k in answer.answer for k in kept)
    assert "已删除" in answer.notice
    quotes = {c.quote for c in answer.citations}
    assert quotes <= {h.chunk.text for h in hits}


def test_grounding_evaluator_scores_the_guard():
    from evaluators.grounding_eval import evaluate_guard

    scores = evaluate_guard()
    assert scores == {"guard_unsupported_removed_rate": 1.0, "guard_supported_kept_rate": 1.0}
