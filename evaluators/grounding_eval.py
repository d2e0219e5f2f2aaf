"""Grounding guard on hallucinating answers: share of invented sentences removed, supported ones kept.

The local OpenAI-compatible stub answers in hallucinate mode: for each clause in the prompt
it writes one sentence copied from the clause (supported) and one with invented numbers,
dates or names (unsupported). The answers go through the real client and `generate_answer`.
"""

from __future__ import annotations

from rag.errors import BackendError
from rag.generate import generate_answer
from rag.grounding import strip_markers
from rag.llm import make_backend
from rag.records import Chunk, Hit
from rag.settings import Settings
from rag.testing.stub_openai import Fault, StubOpenAI

# (question, [(doc_id, section, clause text)]) — clauses in the style of the bundled notices
CASES: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    (
        "申报截止时间是什么时候？",
        (
            ("national", "五、申报时间", "请于2025年3月31日17:00前通过申报系统提交材料，逾期不予受理。"),
            ("shanghai", "四、申报方式", "申报单位须于2025年4月15日前将纸质材料一式三份报送至上海市数据局。"),
        ),
    ),
    (
        "联合申报有什么限制？",
        (
            ("national", "三、申报条件", "联合申报单位最多不超过5家，牵头单位须为在中国境内注册的独立法人。"),
            ("zhejiang", "三、申报要求", "每个地市推荐项目不超过8个，每家单位限报1个项目。"),
        ),
    ),
    (
        "资金支持标准是多少？",
        (
            ("anhui", "二、支持方式", "对入选项目按不超过项目总投资30%的比例给予补助，单个项目最高不超过五百万元。"),
            ("shanghai", "五、支持政策", "入选的可信数据空间给予一次性奖励200万元。"),
        ),
    ),
    (
        "申报主体需要满足哪些条件？",
        (
            ("shanghai", "二、申报主体", "申报主体应为在上海市注册的企业或事业单位，成立时间不少于2年。"),
            ("zhejiang", "二、申报主体", "申报单位近三年内无严重失信记录，上年度营业收入不低于1000万元。"),
            ("national", "四、推荐程序", "各省级数据管理部门于2025年5月30日前完成推荐。"),
        ),
    ),
)


def _hits(clauses: tuple[tuple[str, str, str], ...]) -> list[Hit]:
    hits = []
    for i, (jurisdiction, section, text) in enumerate(clauses):
        chunk = Chunk(
            f"{jurisdiction}-{i}",
            f"{jurisdiction}-notice",
            jurisdiction,
            "notice",
            section,
            1,
            0,
            len(text),
            text,
            text,
        )
        hits.append(Hit(chunk=chunk, score=1.0 / (i + 1)))
    return hits


def _plain(sentence: str) -> str:
    return strip_markers(sentence).strip().rstrip("。")


def evaluate_guard() -> dict[str, float]:
    """Run the hallucinating stub over the fixed cases; return removal and keep rates."""
    invented_total = invented_removed = copied_total = copied_kept = 0
    with StubOpenAI(fault=Fault.HALLUCINATE) as stub:
        settings = Settings.from_env(
            environ={}, llm="openai", llm_base_url=stub.base_url, llm_model="stub", llm_retries=0, llm_timeout=10
        )
        backend = make_backend(settings)
        assert backend is not None
        for question, clauses in CASES:
            before_invented, before_copied = len(stub.invented), len(stub.copied)
            try:
                text = strip_markers(generate_answer(question, _hits(clauses), backend, settings).answer)
            except BackendError:
                text = ""  # everything removed: the caller would fall back to the offline answer
            invented = stub.invented[before_invented:]
            copied = stub.copied[before_copied:]
            invented_total += len(invented)
            invented_removed += sum(_plain(s) not in text for s in invented)
            copied_total += len(copied)
            copied_kept += sum(_plain(s) in text for s in copied)
    return {
        "guard_unsupported_removed_rate": invented_removed / max(invented_total, 1),
        "guard_supported_kept_rate": copied_kept / max(copied_total, 1),
    }
