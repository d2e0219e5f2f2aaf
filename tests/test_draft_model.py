"""Model drafting: the 2×-over stub, invented values removed, backend failure falls back offline."""

from __future__ import annotations

import pytest

from evaluators.draft_eval import INVENTED, load_gold, over_limit_reply
from evaluators.profile_eval import build_profiles
from rag.count import count
from rag.draft import draft_section
from rag.llm import ChatBackend
from rag.testing.scripted_chat import ScriptedChatModel


@pytest.fixture(scope="module")
def profiles():
    return build_profiles()[0]


@pytest.fixture(scope="module")
def company():
    return load_gold()[0]["zhiyun"]


def scripted(*replies):  # type: ignore[no-untyped-def]
    return ChatBackend("scripted", ScriptedChatModel().enqueue(*replies))


@pytest.mark.parametrize("mode", ["word", "char"])
def test_stub_server_twice_over_is_trimmed_within_limit(profiles, company, mode, tmp_path):
    from rag.llm import make_backend
    from rag.settings import Settings
    from rag.testing.stub_openai import StubOpenAI

    with StubOpenAI(script=over_limit_reply) as stub:
        settings = Settings(data_dir=tmp_path, llm="openai", llm_base_url=stub.base_url, llm_model="stub", llm_retries=0)
        draft = draft_section(profiles["zhejiang"], "运营模式", company, settings, make_backend(settings), count_mode=mode)
        assert len(stub.chat_requests()) == 2  # the draft, then one compression request
    assert draft.mode.startswith("openai") and draft.limit == 300
    assert count(draft.text, mode) <= 300 and draft.count == count(draft.text, mode)
    assert "987" not in draft.text and "987" in draft.removed_values
    assert "trimmed" in draft.notice
    for fact in company.items:
        assert fact.value.rstrip("。") in draft.text or fact.key in {d.key for d in draft.dropped_facts}


def test_tiny_limit_with_model(profiles, company):
    reply = over_limit_reply({"messages": [{"content": "字数上限：20\n- 保障机制：建立数据安全责任制"}]})
    draft = draft_section(profiles["zhejiang"], "运营模式", company, backend=scripted(reply, reply), limit=20)
    assert count(draft.text) <= 20


def test_invented_numbers_removed_and_reported(profiles, company):
    reply = "运营模式方面，采用平台运营加行业协会共建的运营模式。" + INVENTED + "空间年收入达到4321万元。"
    draft = draft_section(profiles["zhejiang"], "运营模式", company, backend=scripted(reply))
    assert "987" not in draft.text and "4321" not in draft.text
    assert set(draft.removed_values) >= {"987", "4321万"}
    assert "采用平台运营加行业协会共建的运营模式" in draft.text
    assert "far under" in draft.notice  # well below 60% of 300


def test_backend_failure_falls_back_offline(profiles, company):
    draft = draft_section(profiles["zhejiang"], "运营模式", company, backend=scripted(ConnectionError("down")))
    assert draft.mode == "offline-fallback" and "offline draft" in draft.notice
    assert count(draft.text) <= 300 and "采用平台运营加行业协会共建的运营模式" in draft.text
