"""A small OpenAI-compatible HTTP server on 127.0.0.1 that answers from a script.

It speaks just enough of the chat-completions API for the real `langchain-openai`
client: `POST /v1/chat/completions` (plain JSON, or server-sent events when the request
says `stream: true`) and `GET /v1/models`. Replies come from a queue or a function of the
request; fault modes reproduce what real endpoints do when they fail.

    with StubOpenAI(script=["答复[1]。"]) as stub:
        settings = Settings(llm="openai", llm_base_url=stub.base_url, llm_model="stub")
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from enum import StrEnum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Fault(StrEnum):
    """Ways the stub can misbehave, for one reply (in a script) or for all (`fault=`)."""

    TIMEOUT = "timeout"  # sleep past the client's timeout before answering
    HTTP_500 = "http_500"
    HTTP_429 = "http_429"
    MALFORMED_JSON = "malformed_json"  # a body that is not JSON
    EMPTY = "empty"  # a well-formed reply with empty content
    HALLUCINATE = "hallucinate"  # sentences with numbers and dates the prompt never gave


Reply = str | Fault
Script = Iterable[Reply] | Callable[[dict[str, Any]], Reply]

_CLAUSES_BLOCK = re.compile(r"<clauses>(.*?)</clauses>", re.S)
_CLAUSE_HEAD = re.compile(r"(?m)^\[(\d+)\][^\n]*\n")
_FRAGMENT_END = re.compile(r"[。；！？\n]")

# Invented facts: each template takes the clause number and one value that the stub checks
# is absent from the prompt, so every such sentence is unsupported by construction.
_INVENTED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("申报截止时间为{v}[{n}]。", ("2031年9月27日", "2032年11月23日", "2029年10月19日")),
    ("每个入选项目最高可获得{v}万元资金支持[{n}]。", ("4370", "6190", "8830")),
    ("入选比例不超过{v}%[{n}]。", ("37", "43", "67")),
    ("联合申报单位不得超过{v}家[{n}]。", ("23", "29", "31")),
    ("申报材料须于{v}前寄送至黑龙江省数据局[{n}]。", ("2033年1月14日", "2034年2月17日")),
)


class StubOpenAI:
    """OpenAI-compatible stub server; use as a context manager and point clients at `base_url`."""

    def __init__(
        self,
        script: Script = (),
        fault: Fault | None = None,
        model: str = "stub-model",
        sleep_seconds: float = 5.0,
    ) -> None:
        self.model = model
        self.fault = fault
        self.sleep_seconds = sleep_seconds
        self.requests: list[dict[str, Any]] = []
        # sentences produced in hallucinate mode, so evaluations know the ground truth
        self.invented: list[str] = []
        self.copied: list[str] = []
        self._script_fn = script if callable(script) else None
        self._queue: deque[Reply] = deque() if callable(script) else deque(script)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---- lifecycle -------------------------------------------------------------------

    def start(self) -> StubOpenAI:
        """Bind a free port on 127.0.0.1 and serve in a background thread."""
        handler = type("_BoundHandler", (_Handler,), {"stub": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        # a short poll interval makes close() return quickly
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="stub-openai", daemon=True
        )
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving; handlers still sleeping in timeout mode are woken and dropped."""
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> StubOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def base_url(self) -> str:
        """The `/v1` root to give an OpenAI client."""
        if self._server is None:
            raise RuntimeError("StubOpenAI is not running; use it as a context manager")
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}/v1"

    # ---- script ----------------------------------------------------------------------

    def enqueue(self, *replies: Reply) -> None:
        """Append replies (text or Fault) to the script queue."""
        with self._lock:
            self._queue.extend(replies)

    def chat_requests(self) -> list[dict[str, Any]]:
        """Bodies of the chat-completion requests received so far."""
        with self._lock:
            return [r["body"] for r in self.requests if r["path"].endswith("/chat/completions")]

    def _next_reply(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            if self.fault is not None:
                return self.fault
            if self._script_fn is not None:
                return self._script_fn(body)
            if self._queue:
                return self._queue.popleft()
        return Fault.HTTP_500  # an exhausted script is a test bug: make it loud

    def hallucinate(self, body: dict[str, Any]) -> str:
        """One copied (supported) and one invented (unsupported) sentence per prompt clause."""
        prompt = "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
        clauses = _parse_clauses(prompt)
        sentences: list[str] = []
        for i, (n, text) in enumerate(clauses or [(1, "")]):
            copied = _first_fragment(text)
            if copied:
                sentence = f"{copied}[{n}]。"
                sentences.append(sentence)
                with self._lock:
                    self.copied.append(sentence)
            template, candidates = _INVENTED[i % len(_INVENTED)]
            value = next((v for v in candidates if v not in prompt), candidates[0])
            invented = template.format(v=value, n=n)
            sentences.append(invented)
            with self._lock:
                self.invented.append(invented)
        return "".join(sentences)


def _parse_clauses(prompt: str) -> list[tuple[int, str]]:
    block = _CLAUSES_BLOCK.search(prompt)
    if block is None:
        return []
    parts = _CLAUSE_HEAD.split(block.group(1))
    # split() gives [before, n1, text1, n2, text2, ...]
    return [(int(parts[i]), parts[i + 1].strip()) for i in range(1, len(parts) - 1, 2)]


def _first_fragment(text: str) -> str:
    """The first sentence of a clause holding a digit (else the first sentence), verbatim."""
    fragments = [f.strip() for f in _FRAGMENT_END.split(text) if f.strip()]
    with_digit = [f for f in fragments if any(ch.isdigit() for ch in f)]
    chosen = (with_digit or fragments or [""])[0]
    return chosen.rstrip("，,：:")


class _Handler(BaseHTTPRequestHandler):
    stub: StubOpenAI  # set on the subclass bound to one server
    server_version = "StubOpenAI/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - keep test output clean
        return

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._record(None)
        if self.path.rstrip("/").endswith("/models"):
            self._send_json(
                200, {"object": "list", "data": [{"id": self.stub.model, "object": "model", "owned_by": "stub"}]}
            )
        else:
            self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            self._record({"_raw": raw.decode("utf-8", "replace")})
            self._send_json(400, {"error": {"message": "request body is not JSON", "type": "invalid_request_error"}})
            return
        self._record(body)
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
            return
        reply = self.stub._next_reply(body)
        if reply is Fault.TIMEOUT:
            # waking on close() lets the server shut down without waiting out the sleep
            self.stub._stop.wait(self.stub.sleep_seconds)
            reply = "（超时后才到达的回复）"
        if reply is Fault.HTTP_500:
            self._send_json(500, {"error": {"message": "stub internal error", "type": "server_error"}})
            return
        if reply is Fault.HTTP_429:
            # a short retry-after keeps client retries fast in tests
            self._send_json(
                429, {"error": {"message": "rate limit reached", "type": "rate_limit_error"}}, {"retry-after-ms": "20"}
            )
            return
        if reply is Fault.HALLUCINATE:
            reply = self.stub.hallucinate(body)
        if body.get("stream"):
            self._send_stream(body, reply)
        else:
            self._send_completion(body, reply)

    # ---- responses -------------------------------------------------------------------

    def _record(self, body: dict[str, Any] | None) -> None:
        with self.stub._lock:
            self.stub.requests.append(
                {
                    "method": self.command,
                    "path": self.path,
                    "body": body,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                }
            )

    def _send_json(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._send_bytes(status, data, "application/json", headers)

    def _send_bytes(self, status: int, data: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
            pass

    def _send_completion(self, body: dict[str, Any], reply: Reply) -> None:
        if reply is Fault.MALFORMED_JSON:
            self._send_bytes(
                200, b'{"id": "chatcmpl-stub", "choices": [{"message": {"content": "unterminated', "application/json"
            )
            return
        text = "" if reply is Fault.EMPTY else str(reply)
        payload = {
            "id": f"chatcmpl-stub-{len(self.stub.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", self.stub.model),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": len(text), "total_tokens": 1 + len(text)},
        }
        self._send_json(200, payload)

    def _send_stream(self, body: dict[str, Any], reply: Reply) -> None:
        model = body.get("model", self.stub.model)
        base = {
            "id": "chatcmpl-stub-stream",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
        }

        def event(delta: dict[str, Any], finish: str | None = None) -> bytes:
            chunk = dict(base, choices=[{"index": 0, "delta": delta, "finish_reason": finish}])
            return b"data: " + json.dumps(chunk, ensure_ascii=False).encode("utf-8") + b"\n\n"

        events = [event({"role": "assistant", "content": ""})]
        if reply is Fault.MALFORMED_JSON:
            events.append(b'data: {"choices": [{"delta": {"content": "unterminated\n\n')
        elif reply is not Fault.EMPTY:
            text = str(reply)
            events += [event({"content": text[i : i + 4]}) for i in range(0, len(text), 4)]
        events.append(event({}, "stop"))
        if (body.get("stream_options") or {}).get("include_usage"):
            usage = dict(base, choices=[], usage={"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2})
            events.append(b"data: " + json.dumps(usage).encode("utf-8") + b"\n\n")
        events.append(b"data: [DONE]\n\n")
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            for data in events:
                self.wfile.write(data)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
