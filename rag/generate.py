"""Generated answers and structured model outputs, grounded in retrieved clauses.

`generate_answer` asks the model to answer from numbered clauses, removes sentences whose
facts the clauses do not hold, and turns [n] markers into citations quoting the
retrieved chunks verbatim — never the model's own wording. `structured` gets a JSON
object from the model and validates it with pydantic. Both raise BackendError when the
model fails or its output is unusable; callers then take the offline path and say so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import BackendError
from .grounding import GuardResult, guard
from .normalise import collapse_whitespace, normalise
from .prompts import render
from .records import Answer, Citation, Hit
from .settings import Settings
from .tokens import pack_context

if TYPE_CHECKING:
    from .llm import ChatBackend

Model = TypeVar("Model", bound=BaseModel)

# The answer prompt tells the model to reply with exactly this when the clauses do not answer.
NOT_FOUND = "条款中未找到依据"
ABSTAIN_TEXT = "所检索到的条款中未找到该问题的依据。 / The retrieved clauses do not answer this question."


# ---- schemas of model outputs --------------------------------------------------------


class CoverageJudgment(BaseModel):
    """Whether a draft covers one requirement, with a verbatim quote from the draft."""

    covered: bool
    quote: str = ""
    reason: str = ""


class ApplicantFacts(BaseModel):
    """Applicant fields extracted from free text: any keys, unknown values null."""

    model_config = ConfigDict(extra="allow")

    def known(self) -> dict[str, Any]:
        """The fields that have a value."""
        return {k: v for k, v in (self.model_extra or {}).items() if v not in (None, "", [])}


# Fields asked for when the caller names none; the eligibility module passes its own.
DEFAULT_APPLICANT_FIELDS: tuple[dict[str, str], ...] = (
    {"name": "name", "description": "单位全称"},
    {"name": "registration_place", "description": "注册地（省、市、区）"},
    {"name": "legal_form", "description": "法人类型，如企业法人、事业单位、社会组织"},
    {"name": "founded_on", "description": "成立日期，YYYY-MM-DD 或 YYYY"},
    {"name": "credit_record", "description": "信用情况，如是否被列入失信名单"},
    {"name": "role", "description": "在项目中的角色，如数据空间运营方、参与方、技术服务方"},
    {"name": "joint_applicants", "description": "联合申报单位名称列表"},
    {"name": "industry", "description": "所属行业或领域"},
)


# ---- answers -----------------------------------------------------------------------------


def generate_answer(question: str, hits: Sequence[Hit], backend: ChatBackend, settings: Settings) -> Answer:
    """Answer `question` with the model from the retrieved `hits`, guarded and cited verbatim."""
    packed = pack_context(hits, settings.context_tokens)
    if not packed:
        return Answer(answer=ABSTAIN_TEXT, mode=backend.name, citations=[], abstained=True)
    clauses = [
        {"n": i, "doc_id": h.chunk.doc_id, "section": h.chunk.section, "page": h.chunk.page, "text": h.chunk.text}
        for i, h in enumerate(packed, start=1)
    ]
    messages = render("answer_with_citations", settings.prompts_dir, question=question, clauses=clauses)
    reply = backend.invoke(messages).strip()
    if NOT_FOUND in reply and len(reply) < 4 * len(NOT_FOUND):
        return Answer(answer=ABSTAIN_TEXT, mode=backend.name, citations=[], abstained=True)
    result = guard(reply, {i: h.chunk.text for i, h in enumerate(packed, start=1)})
    if not strip_text(result.text):
        raise BackendError(
            f"模型回答无法由条款核实 / none of the model's answer could be verified against the clauses "
            f"({result.removed} sentence(s) removed)"
        )
    if not result.cited:
        raise BackendError("模型回答未引用任何条款 / the model's answer cites no clause ([n] markers missing)")
    text, citations = _cite(result, packed)
    notice = ""
    if result.removed:
        notice = f"已删除 {result.removed} 句无法由条款核实的内容 / removed {result.removed} unsupported sentence(s)"
    return Answer(answer=text, mode=backend.name, citations=citations, notice=notice)


def strip_text(text: str) -> str:
    """Text without citation markers, punctuation-only leftovers and whitespace."""
    return re.sub(r"\[\d+\]|[\s。，；、！？.,;!?]", "", text)


def _cite(result: GuardResult, packed: Sequence[Hit]) -> tuple[str, list[Citation]]:
    """Renumber markers 1..k in order of first citation and build the matching citations."""
    order = {n: i for i, n in enumerate(result.cited, start=1)}
    text = re.sub(
        r"\[(\d+)\]", lambda m: f"[{order[int(m.group(1))]}]" if int(m.group(1)) in order else "", result.text
    )
    citations = [citation_of(packed[n - 1]) for n in result.cited]
    return text, citations


def citation_of(hit: Hit) -> Citation:
    """A citation quoting the hit's chunk verbatim (whitespace collapsed)."""
    chunk = hit.chunk
    return Citation(
        doc_id=chunk.doc_id,
        section=chunk.section,
        page=chunk.page,
        quote=collapse_whitespace(chunk.text),
        jurisdiction=chunk.jurisdiction,
    )


# ---- plain text and structured output ---------------------------------------------------


def complete(
    backend: ChatBackend, prompt_name: str, variables: Mapping[str, Any], settings: Settings | None = None
) -> str:
    """Render a prompt, call the model and return its text (BackendError when empty)."""
    prompts_dir = settings.prompts_dir if settings else None
    return backend.invoke(render(prompt_name, prompts_dir, **variables)).strip()


def structured(
    backend: ChatBackend,
    prompt_name: str,
    variables: Mapping[str, Any],
    schema: type[Model],
    settings: Settings | None = None,
) -> Model:
    """Call the model for a JSON object and validate it; one retry on malformed output."""
    prompts_dir = settings.prompts_dir if settings else None
    messages = render(prompt_name, prompts_dir, **variables)
    problem = ""
    for _attempt in range(2):
        reply = backend.invoke(messages)
        try:
            return schema.model_validate(extract_json(reply))
        except (ValueError, ValidationError) as exc:
            problem = _problem(exc)
            # showing the model its own reply and the error is what makes the retry work
            messages = [
                *messages,
                ("assistant", reply),
                ("user", f"上一次输出无法解析：{problem}。请只输出一个符合要求的 JSON 对象，不要输出其他文字。"),
            ]
    raise BackendError(
        f"模型输出不是有效的 JSON / model output for {prompt_name} was not valid {schema.__name__} JSON twice: {problem}"
    )


def _problem(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc']) or 'value'}: {first['msg']}"
    return str(exc)


_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.S)


def extract_json(text: str) -> dict[str, Any]:
    """The first JSON object in a model reply, tolerating ```json fences and prose around it."""
    candidates = [m.group(1) for m in _FENCE.finditer(text)] + [text]
    decoder = json.JSONDecoder()
    for candidate in candidates:
        for start in (i for i, ch in enumerate(candidate) if ch == "{"):
            try:
                value, _ = decoder.raw_decode(candidate, start)
            except json.JSONDecodeError:
                continue
            if isinstance(value, dict):
                return value
    raise ValueError("回复中没有 JSON 对象 / no JSON object in the reply")


def judge_coverage(
    backend: ChatBackend, requirement: str, draft: str, settings: Settings | None = None
) -> CoverageJudgment:
    """Ask the model whether `draft` covers `requirement`; a quote not found verbatim voids the verdict."""
    judgment = structured(
        backend, "judge_coverage", {"requirement": requirement, "draft": draft}, CoverageJudgment, settings
    )
    if judgment.covered and (not judgment.quote.strip() or normalise(judgment.quote) not in normalise(draft)):
        return CoverageJudgment(
            covered=False,
            quote="",
            reason=f"模型给出的引文不在草稿中 / quote not found in the draft: {judgment.reason}",
        )
    if not judgment.covered:
        return CoverageJudgment(covered=False, quote="", reason=judgment.reason)
    return judgment


def extract_applicant_facts(
    backend: ChatBackend,
    text: str,
    fields: Sequence[Mapping[str, str]] = DEFAULT_APPLICANT_FIELDS,
    settings: Settings | None = None,
) -> ApplicantFacts:
    """Applicant fields read by the model from free text; fields not asked for are dropped."""
    facts = structured(
        backend, "extract_applicant_facts", {"text": text, "fields": list(fields)}, ApplicantFacts, settings
    )
    wanted = [f["name"] for f in fields]
    return ApplicantFacts(**{name: (facts.model_extra or {}).get(name) for name in wanted})
