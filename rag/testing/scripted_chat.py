"""A deterministic scripted LangChain chat model: enqueue replies, read the history."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr


class ScriptExhausted(RuntimeError):
    """The scripted model was called more often than replies were enqueued."""


class ScriptedChatModel(BaseChatModel):
    """Answers each call with the next enqueued reply; an enqueued exception is raised instead."""

    _queue: deque[str | BaseException] = PrivateAttr(default_factory=deque)
    _history: list[list[BaseMessage]] = PrivateAttr(default_factory=list)

    def enqueue(self, *replies: str | BaseException) -> ScriptedChatModel:
        """Append replies (or exceptions to raise) to the script; returns self for chaining."""
        self._queue.extend(replies)
        return self

    @property
    def history(self) -> list[list[BaseMessage]]:
        """The messages of every call so far, oldest first."""
        return self._history

    @property
    def pending(self) -> int:
        """How many scripted replies are left."""
        return len(self._queue)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _next(self, messages: list[BaseMessage]) -> str:
        self._history.append(list(messages))
        if not self._queue:
            raise ScriptExhausted("no scripted reply left")
        reply = self._queue.popleft()
        if isinstance(reply, BaseException):
            raise reply
        return reply

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = self._next(messages)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        text = self._next(messages)
        # fixed-size pieces keep streamed output deterministic
        for i in range(0, len(text), 4):
            yield ChatGenerationChunk(message=AIMessageChunk(content=text[i : i + 4]))
