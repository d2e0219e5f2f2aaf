"""BM25 over jieba tokens of normalised text (Chinese lexical retrieval)."""

from __future__ import annotations

import logging
import math
import re
import threading
from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np

from .normalise import normalise

_KEEP = re.compile(r"[\w\u4e00-\u9fff]")
# function words that carry no retrieval signal in questions or clauses
STOPWORDS = frozenset(
    ["的", "了", "和", "与", "及", "或", "等", "在", "是", "为", "对", "由", "将", "从", "以", "把", "被", "于", "其", "之", "也", "都", "就", "还", "并", "而", "吗", "呢", "吧", "啊", "么", "什么", "怎么", "怎样", "如何", "哪些", "哪个", "多少", "几", "可以", "能", "能否", "是否", "需要", "要", "有", "没有", "我们", "我", "你", "他们", "这个", "那个", "请问", "一下", "不能", "能不能", "可不可以", "还是", "就行", "的话", "有没有", "要不要", "是不是", "到底", "a", "an", "the", "of", "to", "in", "for", "and", "or", "is", "are", "what", "how", "which", "who", "when", "does", "do", "can"]
)
# "几家" / "多少字" ask for the count of 家 / 字: keep the classifier, drop the question word
_QUESTION_WORD = re.compile(r"^(?:几|多少)(?=[\u4e00-\u9fff])")
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    with _lock:
        jieba.initialize()
        # quantity words of the genre that jieba's dictionary splits in questions ("最多可以")
        for word in ("最多", "最少", "不超过", "不少于", "以内"):
            jieba.suggest_freq(word, tune=True)
    return jieba


def tokenize(text: str, normalised: bool = False) -> list[str]:
    """Search-mode jieba tokens of normalised text, without punctuation and stopwords."""
    norm = (text if normalised else normalise(text)).lower()
    tokens = [_QUESTION_WORD.sub("", t.strip()) for t in _jieba().lcut_for_search(norm)]
    return [t for t in tokens if t and _KEEP.search(t) and t not in STOPWORDS]


class BM25:
    """Okapi BM25 with an inverted index held in numpy arrays."""

    def __init__(self, documents: list[list[str]], k1: float = 1.2, b: float = 0.5) -> None:
        self.size = len(documents)
        lengths = np.array([len(d) for d in documents], dtype=np.float32)
        self._norm = k1 * (1 - b + b * lengths / max(float(lengths.mean()) if self.size else 1.0, 1.0))
        self._k1 = k1
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for index, doc in enumerate(documents):
            for token, tf in Counter(doc).items():
                postings[token].append((index, tf))
        self._postings: dict[str, tuple[np.ndarray, np.ndarray, float]] = {}
        for token, items in postings.items():
            ids = np.fromiter((i for i, _ in items), dtype=np.int32, count=len(items))
            tfs = np.fromiter((tf for _, tf in items), dtype=np.float32, count=len(items))
            idf = math.log(1 + (self.size - len(items) + 0.5) / (len(items) + 0.5))
            self._postings[token] = (ids, tfs, idf)

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every document for the query."""
        out = np.zeros(self.size, dtype=np.float32)
        for token in set(query_tokens):
            entry = self._postings.get(token)
            if entry is None:
                continue
            ids, tfs, idf = entry
            out[ids] += idf * tfs * (self._k1 + 1) / (tfs + self._norm[ids])
        return out

    def max_idf(self) -> float:
        """The IDF of a term found in one document only: the rarest term the corpus uses."""
        return math.log(1 + (self.size - 1 + 0.5) / 1.5) if self.size else 0.0

    def idf(self, token: str) -> float:
        """Inverse document frequency of a token (0 when unseen)."""
        entry = self._postings.get(token)
        return entry[2] if entry else 0.0
