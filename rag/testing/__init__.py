"""Fakes that ship with the library: a scripted chat model and an OpenAI-compatible stub server.

Import the submodules directly (`rag.testing.stub_openai`, `rag.testing.scripted_chat`);
this package imports nothing on its own so that loading it stays free.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rag.llm import ChatBackend


def scripted_backend(*replies: str | BaseException, name: str = "scripted") -> ChatBackend:
    """A ChatBackend over a ScriptedChatModel preloaded with `replies`."""
    from rag.llm import ChatBackend
    from rag.testing.scripted_chat import ScriptedChatModel

    return ChatBackend(name=name, model=ScriptedChatModel().enqueue(*replies))
