"""Token counting works with the network blocked; context packing keeps whole clauses."""

from __future__ import annotations

import socket

import pytest

from rag import tokens
from rag.records import Chunk, Hit


def make_hit(i: int, text: str, score: float = 1.0) -> Hit:
    chunk = Chunk(f"c{i}", "doc", "national", "notice", "四、申报要求", 1, 0, len(text), text, text)
    return Hit(chunk=chunk, score=score)


def test_counting_needs_no_network(monkeypatch):
    import tiktoken.registry

    def refuse(*args, **kwargs):
        raise OSError("network blocked in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    # force a fresh load of the encoding while the network is blocked
    tokens.encoding.cache_clear()
    monkeypatch.delitem(tiktoken.registry.ENCODINGS, tokens.ENCODING_NAME, raising=False)
    assert tokens.count_tokens("hello world") == 2  # the cl100k vocabulary, not an approximation
    assert tokens.count_tokens("可信数据空间创新发展试点") > 5
    assert tokens.count_tokens("") == 0
    assert tokens.count_tokens("<|endoftext|>") > 1  # special-token text counts as plain text
    tokens.encoding.cache_clear()


def test_pack_context_keeps_rank_order_and_whole_clauses():
    small = [make_hit(i, f"第{i}条：联合申报单位不超过5家。") for i in range(3)]
    cost = tokens.hit_tokens(small[0])
    packed = tokens.pack_context(small, cost * 2)
    assert packed == small[:2]


def test_pack_context_skips_a_clause_that_does_not_fit_and_continues():
    big = make_hit(1, "很长的条款内容。" * 200)
    small_a = make_hit(0, "截止时间为2025年3月31日。")
    small_b = make_hit(2, "限报8个项目。")
    budget = tokens.hit_tokens(small_a) + tokens.hit_tokens(small_b) + 5
    assert tokens.hit_tokens(big) > budget
    packed = tokens.pack_context([small_a, big, small_b], budget)
    assert packed == [small_a, small_b]
    for hit in packed:  # never cut: packed hits are the retrieved objects themselves
        assert hit.chunk.text in (small_a.chunk.text, small_b.chunk.text)


@pytest.mark.parametrize("budget", [0, -5, 3])
def test_pack_context_with_no_room_returns_nothing(budget):
    assert tokens.pack_context([make_hit(0, "联合申报单位最多不超过5家。")], budget) == []
