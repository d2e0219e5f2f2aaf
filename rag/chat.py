"""Reading chat messages: which job a message asks for, and what a reply to follow-up questions says.

Routing is by rules first: a message with a clear cue (起草, 检查, 能否申报 …) goes where
the cue says, and an explicit mode chosen by the user always wins. Only a message without
any cue is sent to a model, when one is configured — a cue word is exact and free, a model
call is neither. Replies to eligibility follow-up questions are read by the applicant rules,
then numbered or single short answers (是 / 否 / 3家) are matched to the questions asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from .applicant import Applicant, applicant_from_dict, coerce
from .applicant_text import extract_rules
from .eligibility_rules import QUESTIONS
from .errors import BackendError
from .normalise import normalise
from .numerals import numbers_in

if TYPE_CHECKING:
    from .llm import ChatBackend
    from .settings import Settings

Intent = Literal["question", "eligibility", "drafting", "check"]
INTENTS: tuple[str, ...] = ("question", "eligibility", "drafting", "check")
INTENT_ZH = {"question": "政策问答", "eligibility": "资格判断", "drafting": "申报书起草", "check": "草稿审查"}

_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("check", re.compile(r"检查|审查|审核|查漏|差距|缺什么|缺了什么|漏了|挑毛病|把关|gap analysis|review (?:my|the|this) draft|check (?:my|the|this)", re.I)),
    ("drafting", re.compile(r"起草|草拟|撰写|代写|帮我写|帮忙写|写一(?:段|节|版|份)|写出|生成[^，。]{0,12}(?:章节|部分|内容|申报书)|续写|润色|draft|write (?:the|a|my)", re.I)),
    ("eligibility", re.compile(r"能否申报|能不能(?:申报|报|申请)|可以申报吗|能申报吗|能报吗|可以报吗|是否符合|符不符合|符合(?:申报)?条件|有没有资格|有资格|申报资格|够格|eligib|我们是一家|我单位|本单位是|我们单位|我司", re.I)),
)
# a reply to follow-up questions: numbered answers, or a short 是/否 sentence
_NUMBERED = re.compile(r"(?:^|[\s，,；;。])(\d{1,2})\s*[.、．:：)）]\s*")
_YES = re.compile(r"^(?:是|有|对|具有|具备|已|已经|同意|需要|良好|好|符合|满足|yes|y|true)", re.I)
_NO = re.compile(r"^(?:否|不|没|无|未|非|尚未|还没|no|n|false)", re.I)
_QUOTED = re.compile(r"[“\"「『《]([^”\"」』》]{2,40})[”\"」』》]")
_LIMIT = re.compile(r"(?:不超过|不多于|限|控制在|以内|以下|上限)?\s*(\d{2,5})\s*字(?:以内|以下|之内)?")


@dataclass(frozen=True)
class Route:
    """Where a message goes, and how that was decided (mode | rule | model | default | fallback)."""

    intent: str
    how: str
    notice: str = ""


class IntentChoice(BaseModel):
    """A model's classification of one message."""

    intent: Literal["question", "eligibility", "drafting", "check"]


def rule_intent(message: str) -> str | None:
    """The intent a clear cue in the message names, or None when there is none."""
    for intent, cue in _CUES:
        if cue.search(message):
            return intent
    return None


def route(message: str, mode: str = "auto", backend: ChatBackend | None = None,
          settings: Settings | None = None, awaiting_answers: bool = False) -> Route:
    """The job a message asks for: the explicit mode, else a cue, else the model, else a question."""
    if mode in INTENTS:
        return Route(mode, "mode")
    ruled = rule_intent(message)
    if ruled is not None:
        return Route(ruled, "rule")
    if awaiting_answers:  # no other cue: the user is answering the questions just asked
        return Route("eligibility", "rule")
    if backend is None:
        return Route("question", "default")
    from .generate import structured

    try:
        choice = structured(backend, "route_intent", {"message": message, "intents": list(INTENTS)},
                            IntentChoice, settings)
    except BackendError as exc:
        return Route("question", "fallback", f"模型识别意图失败，按政策问答处理 / intent routing failed: {exc}")
    return Route(choice.intent, "model")


# ---- follow-up answers -------------------------------------------------------------------

_BY_QUESTION = {question: fact for fact, question in QUESTIONS.items()}


def facts_asked(questions: list[str]) -> list[str | None]:
    """The applicant field each follow-up question asks for (None for a question about a clause)."""
    return [_BY_QUESTION.get(q) for q in questions]


def read_answers(applicant: Applicant, questions: list[str], text: str) -> tuple[Applicant, list[str]]:
    """The applicant with what a reply to `questions` states filled in; also the fields filled."""
    updates = {k: v for k, v in extract_rules(text).known().items() if k != "targets"}
    facts = facts_asked(questions)
    parts = _numbered_parts(text, len(facts))
    if not parts and len([f for f in facts if f]) == 1:
        parts = {facts.index(next(f for f in facts if f)) + 1: text}
    for number, part in parts.items():
        fact = facts[number - 1] if 0 < number <= len(facts) else None
        if fact is None or fact in updates:
            continue
        value = _short_answer(fact, part)
        if value is not None:
            updates[fact] = value
    if not updates:
        return applicant, []
    merged = {k: v for k, v in applicant.known().items()}
    place = updates.pop("registered_place", None)
    record, _ = applicant_from_dict({**merged, **updates, **({"registered_place": place} if place else {})},
                                    strict=False)
    filled = sorted(set(updates) | ({"registered_province"} if place else set()))
    return record, filled


def _numbered_parts(text: str, n: int) -> dict[int, str]:
    marks = list(_NUMBERED.finditer(text))
    parts: dict[int, str] = {}
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        number = int(mark.group(1))
        if 0 < number <= n:
            parts[number] = text[mark.end():end].strip(" ，,；;。")
    return parts


def _short_answer(fact: str, part: str) -> Any:
    """One answer read for one field; None when it cannot be read."""
    part = normalise(part).strip(" ，,；;。.!！")
    if not part:
        return None
    yes, no = bool(_YES.match(part)), bool(_NO.match(part))
    try:
        if fact == "registered_place":
            return part
        if fact == "joint_partners":
            numbers = numbers_in(part)
            return numbers[0] if numbers and not no else (0 if no else None)
        if fact == "prior_selections":
            return () if no else (part,)
        if fact == "investment_wan":
            amount = re.search(r"\d+(?:\.\d+)?", part)
            if amount is None:
                return None
            return coerce(fact, float(amount.group(0)) * (10000 if "亿" in part else 1))
        if fact in ("entity_types", "direction", "role"):
            return coerce(fact, part)
        if yes or no:
            return coerce(fact, yes and not no)
    except (ValueError, TypeError):
        return None
    return None


def merge_applicant(base: Applicant, update: Applicant) -> Applicant:
    """`base` with every fact `update` states (newer statements win)."""
    return replace(base, **{k: getattr(update, k) for k in update.known()})


# ---- what a drafting message names -------------------------------------------------------


def quoted(message: str) -> list[str]:
    """Text the user put in quotes or 《》 (usually a section title)."""
    return [m.group(1).strip() for m in _QUOTED.finditer(message)]


def requested_limit(message: str) -> int | None:
    """A 字数 limit the message asks for ("不超过800字"), else None."""
    m = _LIMIT.search(message)
    return int(m.group(1)) if m and re.search(r"不超过|不多于|限|控制在|以内|以下|上限|之内", m.group(0)) else None
