"""Backend faults soak: 200 mixed requests against the stub model with seeded random failures; all answered, nothing leaked."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import random
import re
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from rag.embed import FakeEmbedder
from rag.ingest import ingest
from rag.settings import Settings
from rag.testing.stub_openai import Fault, StubOpenAI

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = 200
WORKERS = 8
SEED = 20261122
FAULTS = [Fault.TIMEOUT, Fault.HTTP_500, Fault.HTTP_429, Fault.MALFORMED_JSON, Fault.EMPTY, Fault.HALLUCINATE]
QUESTIONS = ["上海的试点最多可以几家单位联合申报？", "国家试点每个省最多能推荐几个项目？", "浙江的申报截止时间是什么时候？",
             "安徽试点的建设周期是多久？", "上海的申报主体需要满足什么条件？"]
APPLICANTS = ["我们是一家注册在苏州的民营企业，想申报上海的试点", "我们是杭州的一家国有企业，具有独立法人资格",
              "本单位注册在合肥市高新区，是行业协会，计划联合3家单位申报"]
DRAFT = """# 一、申报单位基本情况
上海示例数据有限公司注册在上海市浦东新区，具有独立法人资格。
# 二、试点方案
打造价值共创模式，联合上下游企业开展数据产品开发。
构建数据资源高效流通机制，建立数据目录和使用控制策略。
# 三、保障措施
建立项目管理制度。"""


def _good_reply(body: dict) -> str:
    """What a well-behaved model would answer, by the kind of prompt it was sent."""
    prompt = "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
    if '"covered"' in prompt or "covered" in prompt and "quote" in prompt:
        line = next((ln for ln in DRAFT.splitlines() if "价值共创" in ln), "")
        covered = "价值共创" in prompt.split("草稿")[0]
        return json.dumps({"covered": covered, "quote": line if covered else "", "reason": "依据草稿原文"}, ensure_ascii=False)
    if "需要提取的字段" in prompt:
        return json.dumps({"registered_place": "上海市浦东新区", "legal_person": True}, ensure_ascii=False)
    clause = re.search(r"<clauses>.*?\[(\d+)\][^\n]*\n([^。\n]{4,60})", prompt, re.S)
    if clause:
        return f"{clause.group(2).strip()}[{clause.group(1)}]。"
    return "上海示例数据有限公司注册在上海市浦东新区，具有独立法人资格。【待补充：近三年营业收入】"


class FaultyModel:
    """Script for the stub: a seeded share of the requests fail in one of the fault modes."""

    def __init__(self, seed: int, failure_rate: float = 0.35) -> None:
        self.rng = random.Random(seed)
        self.rate = failure_rate
        self.lock = threading.Lock()
        self.served: Counter[str] = Counter()

    def __call__(self, body: dict) -> str | Fault:
        with self.lock:
            fault = self.rng.choice(FAULTS) if self.rng.random() < self.rate else None
            self.served[str(fault or "ok")] += 1
        return fault if fault is not None else _good_reply(body)


@pytest.fixture(scope="module")
def soak_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings.from_env(environ={}, data_dir=tmp_path_factory.mktemp("soak") / "data", embedding="fake")
    ingest(settings, embedder=FakeEmbedder())
    return settings


def _open_fds() -> dict[str, str]:
    out = {}
    for fd in os.listdir("/proc/self/fd"):
        try:
            out[fd] = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # the listing's own descriptor is gone by now
            continue
    return out


def _one(kind: str, n: int, settings: Settings, backend, retriever, profile, sources):  # type: ignore[no-untyped-def]
    """Run one request; return (kind, outcome) where outcome names how it was answered."""
    if kind == "ask":
        from rag.answer import answer_question

        answer = answer_question(QUESTIONS[n % len(QUESTIONS)], retriever, settings, backend=backend)
        assert answer.answer.strip()
        if answer.mode == "offline-fallback":
            assert "offline" in answer.notice and answer.citations
        return kind, answer.mode if answer.mode != backend.name else "model"
    if kind == "applicant":
        from rag.applicant import extract_applicant

        applicant, mode, notice = extract_applicant(APPLICANTS[n % len(APPLICANTS)], backend, settings)
        assert applicant is not None
        if mode == "offline-fallback":
            assert "rules" in notice
        return kind, "model" if mode == backend.name else mode
    if kind == "draft":
        from rag.draft import draft_section

        draft = draft_section(profile, "申报单位基本情况", None, settings, backend)
        assert draft.text.strip() and (draft.limit is None or len(draft.text) <= draft.limit * 2)
        if draft.mode == "offline-fallback":
            assert "offline" in draft.notice
        return kind, "offline-fallback" if draft.mode == "offline-fallback" else "model"
    from rag.check import check_draft
    from rag.draft_parse import parse_draft_text

    result = check_draft(parse_draft_text(DRAFT, "soak.md"), [profile], sources, dt.date(2025, 10, 20),
                         None, backend, settings)[0]
    tasks = [f for f in result.findings if f.check == "task"]
    assert tasks and all(f.status in ("ok", "weak", "missing") for f in tasks)
    fell_back = any("模型不可用" in f.note for f in tasks)
    if fell_back:
        assert any(n.startswith("模型不可用") for n in result.notices)  # the user is told
    return kind, "offline-fallback" if fell_back else "model"


@pytest.mark.timeout(300)
def test_200_mixed_requests_with_random_faults_are_all_answered_without_leaks(soak_index: Settings):
    from rag.llm import make_backend
    from rag.profiles import load_profile
    from rag.retrieve import Retriever

    settings = soak_index
    profile = load_profile(settings, "shanghai", dt.date(2025, 10, 20))
    from rag.index import open_current

    generation = open_current(settings)
    sources = {doc_id: generation.source(doc_id) for doc_id in profile.documents}
    retriever = Retriever(settings, FakeEmbedder())
    kinds = ["ask", "applicant", "draft", "check"]
    plan = [(kinds[i % 4], i) for i in range(REQUESTS)]
    random.Random(SEED).shuffle(plan)

    def soak(requests, model: FaultyModel) -> tuple[Counter, FaultyModel]:  # type: ignore[no-untyped-def]
        with StubOpenAI(script=model, sleep_seconds=3.0) as stub:
            run_settings = settings.with_(llm="openai", llm_base_url=stub.base_url, llm_model="stub",
                                          llm_timeout=1.0, llm_retries=0)
            backend = make_backend(run_settings)
            with ThreadPoolExecutor(max_workers=WORKERS) as pool:
                outcomes = list(pool.map(lambda r: _one(r[0], r[1], run_settings, backend, retriever, profile, sources),
                                         requests))
        return Counter(outcomes), model

    # warm-up with every kind: imports, the retriever's store, caches and client pools are opened once
    soak([(kind, i) for i in range(4) for kind in kinds], FaultyModel(SEED + 1, failure_rate=0.0))
    gc.collect()
    threads_before, fds_before = threading.active_count(), _open_fds()

    started = time.monotonic()
    outcomes, model = soak(plan, FaultyModel(SEED))
    seconds = time.monotonic() - started

    assert sum(outcomes.values()) == REQUESTS  # every request came back with an answer (no exception escaped)
    assert all(outcomes[(kind, "model")] > 0 for kind in kinds), outcomes  # the model answered some of each kind
    assert sum(n for (_, how), n in outcomes.items() if how == "offline-fallback") > 0, outcomes  # faults were felt
    assert sum(v for k, v in model.served.items() if k != "ok") >= 30, model.served
    assert seconds < 120, seconds

    gc.collect()
    deadline = time.monotonic() + 10  # handler threads sleeping in timeout mode wake on close and exit
    while threading.active_count() > threads_before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert threading.active_count() <= threads_before, [t.name for t in threading.enumerate()]
    # a leak grows with the requests (one socket or file each: 200+); Chroma may keep one SQLite
    # connection per worker thread it served, so the bound is the pool size, far below the request count
    after = _open_fds()
    grown = {fd: target for fd, target in after.items() if fds_before.get(fd) != target}
    assert len(after) <= len(fds_before) + WORKERS, grown
    assert not [t for t in grown.values() if t.startswith("socket:")], grown  # every HTTP connection was closed
