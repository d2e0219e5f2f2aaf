"""Typed records passed between modules (frozen dataclasses; JSON via `to_dict`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


def to_dict(record: Any) -> Any:
    """Convert a record (or list of records) into plain JSON-ready data."""
    if isinstance(record, list | tuple):
        return [to_dict(r) for r in record]
    if hasattr(record, "__dataclass_fields__"):
        return asdict(record)
    return record


@dataclass(frozen=True)
class DocumentMeta:
    """Manifest metadata of one source document."""

    doc_id: str
    title: str
    jurisdiction: str  # id: national, shanghai, ... or the id given to an ingested file
    jurisdiction_name: str  # Chinese name: 国家, 上海市 ...
    issuer: str = ""
    doc_number: str = ""
    issued_on: str = ""  # YYYY-MM-DD or YYYY-MM, "" when unknown
    kind: str = "notice"  # notice | template | other
    path: str = ""


@dataclass(frozen=True)
class Page:
    """A page of a source text: verbatim characters [start, end) are on page `number`."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class SourceText:
    """Verbatim text of a document as extracted from its file, with page spans."""

    text: str
    pages: tuple[Page, ...] = ()
    # (offset, level) of lines a file marks as headings itself (Word heading styles, Markdown #)
    heading_hints: tuple[tuple[int, int], ...] = ()

    def page_at(self, offset: int) -> int | None:
        """Page number holding the character at `offset`, or None if the file has no pages."""
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return self.pages[-1].number if self.pages and offset >= self.pages[-1].end else None


@dataclass(frozen=True)
class Chunk:
    """A retrievable unit: a clause or a few lines of one section, located in its source."""

    chunk_id: str
    doc_id: str
    jurisdiction: str
    kind: str  # notice | template (attachment part of a notice) | other
    section: str  # heading path: "四、申报要求 > （一）申报范围"
    page: int | None
    start: int  # offsets into the verbatim source text
    end: int
    text: str  # verbatim slice source[start:end]
    norm: str  # normalised text used for matching


@dataclass(frozen=True)
class Citation:
    """A verbatim quote located in a source document."""

    doc_id: str
    section: str
    page: int | None
    quote: str
    jurisdiction: str = ""


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the ranks it got from each retriever."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    dense_similarity: float | None = None


@dataclass(frozen=True)
class Answer:
    """An answer to a question: text, how it was produced, and its citations."""

    answer: str
    mode: str  # offline | openai | llamacpp | offline-fallback
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    notice: str = ""  # e.g. why a backend fell back to the offline path


# ---- requirement profile (see SPEC.md "Requirement profile") -------------------------


@dataclass(frozen=True)
class EligibilityItem:
    id: str
    text: str
    kind: str  # registration_place | legal_form | entity_type | credit | operator_role | joint_rule |
    #            one_project | exclusion | consent | recommendation | other
    citation: Citation
    params: dict[str, Any] = field(default_factory=dict)  # e.g. {"place": "上海"} or {"max": 5}
    hard: bool = True
    overridden: bool = False


@dataclass(frozen=True)
class Deadline:
    date: str  # YYYY-MM-DD
    time: str | None  # "18:00" or None
    who: str  # applicant | recommender
    what: str
    citation: Citation
    start: str | None = None  # for ranges 即日起至…: the notice date when known
    overridden: bool = False


@dataclass(frozen=True)
class Submission:
    channel: str  # online | email | post | paper | seal | other
    detail: str
    citation: Citation
    overridden: bool = False


@dataclass(frozen=True)
class Task:
    title: str
    mandatory: bool | None
    citation: Citation
    overridden: bool = False


@dataclass(frozen=True)
class Section:
    title: str
    limit: int | None
    unit: str | None  # 字 | None
    guidance: str
    citation: Citation
    points: tuple[str, ...] = ()  # guidance split into the points the section must cover
    parent: str = ""  # enclosing template heading or table
    overridden: bool = False


@dataclass(frozen=True)
class Material:
    title: str
    required: bool | None
    citation: Citation
    overridden: bool = False


@dataclass(frozen=True)
class Quota:
    text: str
    citation: Citation
    kind: str = "other"  # joint_max | projects_per_recommender | projects_per_applicant | other
    value: int | None = None
    overridden: bool = False


@dataclass(frozen=True)
class WindowStatus:
    as_of: str
    window: str  # open | closed | unknown
    deadline: str | None = None
    who: str | None = None


@dataclass(frozen=True)
class Profile:
    jurisdiction: str
    name: str
    documents: list[str]
    eligibility: list[EligibilityItem]
    deadlines: list[Deadline]
    submission: list[Submission]
    tasks: list[Task]
    sections: list[Section]
    materials: list[Material]
    quotas: list[Quota]
    status: WindowStatus
