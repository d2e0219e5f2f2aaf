"""Turning one chat message or upload into an assistant message by calling the core."""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from streamlit.logger import get_logger

from rag import flows
from rag.answer import answer_question
from rag.applicant import Applicant
from rag.chat import INTENT_ZH, Route, merge_applicant, read_answers, route
from rag.errors import InputError, RagError
from rag.profiles import known_jurisdictions
from ui.sidebar import LABELS

log = get_logger(__name__)  # Streamlit's logger: its lines reach the server's console
_WARM_LOCK = threading.Lock()
# a pasted draft is long and has several lines; a request to check is a sentence
PASTED_DRAFT_CHARS = 80


@dataclass
class Services:
    """The heavy objects of this process, built once and shared by every session."""

    settings: Any
    retriever: Any
    backend: Any
    embed: Any
    warm: threading.Event = field(default_factory=threading.Event)

    def warm_up(self) -> None:
        """Load the chunk store, embedder and place tables in the background, once per process."""
        with _WARM_LOCK:
            if getattr(self, "_warming", False):
                return
            self._warming = True
        threading.Thread(target=self._warm, name="warm-retriever", daemon=True).start()

    def _warm(self) -> None:
        started = time.monotonic()
        try:
            with contextlib.suppress(RagError):  # the chat reports index problems when the user asks
                answer_question("上海的申报截止时间", self.retriever, self.settings)
        except Exception:  # the first question then pays the loading; the log says why
            log.exception("retrieval warm-up failed")
            return
        self.warm.set()
        log.info("retrieval warmed up in %.1fs", time.monotonic() - started)


def message(kind: str, text: str = "", **extra: Any) -> dict[str, Any]:
    """A chat message record with a stable id for its widgets."""
    return {"id": uuid.uuid4().hex[:10], "role": "assistant", "kind": kind, "text": text, **extra}


def guarded(run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run one job; a core error becomes a readable message, anything else is logged, never shown raw."""
    try:
        return run()
    except RagError as exc:
        return message("error", f"出错了：{exc}")
    except Exception as exc:  # a bug must not show the user a traceback; the log keeps it
        log.exception("chat job failed")
        return message("error", f"内部错误，已记录日志，请重试或换一种说法（{type(exc).__name__}）。")


def reply(svc: Services, state: Any, prompt: str) -> tuple[Route, dict[str, Any]]:
    """The route a chat message takes and the assistant message answering it."""
    pending = list(state.get("pending", []))
    chosen = route(prompt, state.get("mode", "auto"), svc.backend, svc.settings, awaiting_answers=bool(pending))
    jobs = {"question": _question, "eligibility": _eligibility, "drafting": _drafting, "check": _check}
    answer = guarded(lambda: jobs[chosen.intent](svc, state, prompt))
    answer["route"] = f"按「{INTENT_ZH[chosen.intent]}」处理" + ("（自动识别）" if chosen.how != "mode" else "")
    if chosen.notice:
        answer["route_notice"] = chosen.notice
    return chosen, answer


def _question(svc: Services, state: Any, prompt: str) -> dict[str, Any]:
    if not prompt.strip():
        raise InputError("问题为空，请输入问题。")
    result = answer_question(prompt, svc.retriever, svc.settings, state.get("jurisdictions") or None, svc.backend)
    return message("answer", data=result)


def _eligibility(svc: Services, state: Any, prompt: str) -> dict[str, Any]:
    applicant: Applicant = state["applicant"]
    pending = list(state.get("pending", []))
    filled: list[str] = []
    mode, notice = "offline", ""
    if pending:
        applicant, filled = read_answers(applicant, pending, prompt)
    if not filled:
        described, mode, notice = flows.describe_applicant(prompt, svc.backend, svc.settings)
        filled = list(described.known())
        applicant = merge_applicant(applicant, described)
    state["applicant"] = applicant
    ids = flows.jurisdictions_for(svc.settings, prompt, state.get("jurisdictions") or [], applicant)
    report = flows.eligibility_report(svc.settings, applicant, ids, mode=mode, notice=notice)
    state["pending"] = list(report.follow_up)
    return message("eligibility", data=report, filled=[LABELS.get(f, f) for f in filled if f != "targets"])


def _drafting(svc: Services, state: Any, prompt: str) -> dict[str, Any]:
    facts = flows.session_facts(state["applicant"], state.get("facts_text", ""), prompt, _materials(svc, state))
    ids = flows.jurisdictions_for(svc.settings, prompt, state.get("jurisdictions") or [], state["applicant"])
    draft = flows.draft_request(svc.settings, prompt, ids, facts, svc.backend)
    name = known_jurisdictions(svc.settings).get(draft.jurisdiction, draft.jurisdiction)
    return message("draft", data=draft, jurisdiction_name=name)


def _check(svc: Services, state: Any, prompt: str) -> dict[str, Any]:
    ids = flows.jurisdictions_for(svc.settings, prompt, state.get("jurisdictions") or [], state["applicant"])
    if len(prompt) >= PASTED_DRAFT_CHARS and "\n" in prompt.strip():
        payload = flows.check_request(svc.settings, ids, text=prompt, embed=svc.embed, backend=svc.backend)
    elif state.get("last_draft"):
        from pathlib import Path

        payload = flows.check_request(svc.settings, ids, Path(state["last_draft"]), embed=svc.embed, backend=svc.backend)
    else:
        return message("text", "请先在左侧“上传申报书草稿进行审查”上传草稿（DOCX/PDF/Markdown/TXT），或把草稿全文粘贴在消息中。")
    return message("check", data=payload, files=flows.report_files(payload))


def whole_application(svc: Services, state: Any, draft_message: dict[str, Any]) -> bytes:
    """The whole application DOCX for a draft's jurisdiction, with the sections edited in the chat."""
    jurisdiction = draft_message["data"].jurisdiction
    drafts = {m["edited"].section: m["edited"] for m in state["messages"]
              if m.get("kind") == "draft" and m.get("edited") is not None and m["data"].jurisdiction == jurisdiction}
    facts = flows.session_facts(state["applicant"], state.get("facts_text", ""), "", _materials(svc, state))
    return flows.application_file(svc.settings, jurisdiction, facts, svc.backend, drafts)


def _materials(svc: Services, state: Any) -> Any:
    return flows.materials_of(svc.settings, state["session_id"], svc.retriever.embedder)


# ---- uploads ---------------------------------------------------------------------------------


def upload_draft(svc: Services, state: Any, name: str, data: bytes) -> dict[str, Any]:
    """Check an uploaded draft against the chosen jurisdictions (all when none)."""
    def run() -> dict[str, Any]:
        path = flows.save_upload(svc.settings, state["session_id"], name, data)
        state["last_draft"] = str(path)
        payload = flows.check_request(svc.settings, state.get("jurisdictions") or [], path, embed=svc.embed,
                                      backend=svc.backend)
        return message("check", data=payload, files=flows.report_files(payload))

    return guarded(run)


def upload_material(svc: Services, state: Any, name: str, data: bytes) -> dict[str, Any]:
    """Keep an applicant's own file in the session's private store (a YAML/JSON file gives facts)."""
    def run() -> dict[str, Any]:
        path = flows.save_upload(svc.settings, state["session_id"], name, data)
        if path.suffix.lower() in (".yaml", ".yml", ".json"):
            from rag.facts import load_facts_file

            facts = load_facts_file(path)
            lines = [f"{f.key}：{f.value}" for f in facts.items]
            state["facts_text"] = "\n".join(filter(None, [state.get("facts_text", ""), *lines]))
            return message("text", f"已读取 {len(lines)} 条事实，起草时使用（仅本会话）。")
        _, added = flows.add_material(svc.settings, state["session_id"], path, svc.retriever.embedder)
        return message("text", f"已加入材料“{path.name}”，共 {added} 段，仅本会话起草时检索使用。")

    return guarded(run)


def upload_notice(svc: Services, name: str, data: bytes, progress: Callable[[str, int, int], None],
                  session_id: str) -> dict[str, Any]:
    """Add a notice to the corpus (progress reported as it goes); its profile comes back with it."""
    def run() -> dict[str, Any]:
        path = flows.save_upload(svc.settings, session_id, name, data)
        return message("notice_added", data=flows.add_notice(svc.settings, path, progress, svc.retriever.embedder))

    return guarded(run)
