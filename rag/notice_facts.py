"""Facts the checker reads from a jurisdiction's own notice text, each with its verbatim clause.

The requirement profile names sections, tasks, materials and quotas; some checks also need
what only the notice's wording says (建设周期为两年, the years a 近三年 table names, the
须知 on the AI direction, the statements of a 承诺书). They are found by the genre's
phrasing, never by the jurisdiction's name, so an unseen notice works the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .normalise import collapse_whitespace, normalise_with_map
from .numerals import parse_number as cn_to_int
from .records import Citation, Profile, SourceText
from .structure import Line, parse_lines, section_label

_CN_NUM = "一二两三四五六七八九十"
_PERIOD = re.compile(
    rf"(?:建设周期|建设期|培育建设期|试点周期|试点期|实施周期|项目周期)(?:一般|原则上)?(?:为|不超过|不得超过)?\s*([{_CN_NUM}\d]+)\s*年"
    rf"|([{_CN_NUM}\d]+)\s*年试点(?:期|培育)"
)
_RECENT = re.compile(rf"近\s*([{_CN_NUM}\d])\s*年")
_YEAR = re.compile(r"(20\d{2})\s*年")
_AI_RULE = re.compile(r"选择[^。\n]{0,30}人工智能[^。\n]{0,20}时[，,]?\s*(?:需|须|应)同时明确[^。\n]{0,20}类型")
_SPACE_TYPE = re.compile(r"(企业|行业|城市|工业|跨境|园区|个人|公共)(?:级)?可信\s*数据\s*空间")
_SEAL = re.compile(r"签章|盖章|签字|公章")
_DATE_PLACE = re.compile(r"日期|时间|年\s*月\s*日")


@dataclass(frozen=True)
class Statement:
    """One statement a commitment must make, with the clause holding it."""

    text: str
    citation: Citation


@dataclass
class NoticeFacts:
    """Lookups over the documents of one jurisdiction."""

    profile: Profile
    sources: Mapping[str, SourceText | str]
    _lines: dict[str, list[Line]] = field(default_factory=dict)

    def _text(self, doc_id: str) -> str:
        source = self.sources.get(doc_id, "")
        return source.text if isinstance(source, SourceText) else source

    def _doc_lines(self, doc_id: str) -> list[Line]:
        if doc_id not in self._lines:
            self._lines[doc_id] = parse_lines(SourceText(text=self._text(doc_id)))
        return self._lines[doc_id]

    @cached_property
    def _normalised(self) -> list[tuple[str, str, list[int]]]:
        out = []
        for doc_id in self.profile.documents:
            text = self._text(doc_id)
            if text:
                norm, origin = normalise_with_map(text, keep_newlines=True)
                out.append((doc_id, norm, origin))
        return out

    def search(self, pattern: re.Pattern[str] | str) -> tuple[re.Match[str], Citation] | None:
        """First match of `pattern` over the normalised notice text, with a citation of its clause."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        for doc_id, norm, origin in self._normalised:
            match = regex.search(norm)
            if match:
                return match, self.cite_span(doc_id, norm, origin, match.start(), match.end())
        return None

    def cite_span(self, doc_id: str, norm: str, origin: list[int], start: int, end: int) -> Citation:
        """A citation of the clause (line, cut at sentence stops) around a normalised span."""
        left = max(norm.rfind("\n", 0, start), norm.rfind("。", 0, start), norm.rfind("；", 0, start), start - 60) + 1
        stops = [p for p in (norm.find("\n", end), norm.find("。", end), end + 60) if p >= 0]
        right = min(min(stops), len(norm))
        text = self._text(doc_id)
        v_start, v_end = origin[left], origin[max(right - 1, left)] + 1
        quote = collapse_whitespace(text[v_start:v_end]).strip()
        section = ""
        for line in self._doc_lines(doc_id):
            if line.start <= origin[start] < line.end + 1:
                section = section_label(line.path)
                break
        source = self.sources.get(doc_id)
        page = source.page_at(v_start) if isinstance(source, SourceText) else None
        return Citation(doc_id, section, page, quote, self.profile.jurisdiction)

    def mentions(self, phrase: str) -> Citation | None:
        """Citation of the first clause that contains `phrase` (spaces in the source ignored)."""
        pattern = r"\s*".join(re.escape(ch) for ch in phrase)
        found = self.search(pattern)
        return found[1] if found else None

    def clause_after(self, phrase: str, limit: int = 160) -> str:
        """Normalised text that follows `phrase` on its line (a task's description after its title)."""
        pattern = re.compile(r"\s*".join(re.escape(ch) for ch in phrase))
        for _, norm, _ in self._normalised:
            match = pattern.search(norm)
            if match:
                end = norm.find("\n", match.end())
                return norm[match.end() : end if end >= 0 else None][:limit].strip("。 ")
        return ""

    def period_limit_months(self) -> tuple[int, Citation] | None:
        """Longest project period the notice allows, in months, and the clause that says so."""
        found = self.search(_PERIOD)
        if not found:
            return None
        match, citation = found
        years = cn_to_int(match.group(1) or match.group(2))
        return (years * 12, citation) if years else None

    def recent_years(self) -> tuple[tuple[int, ...], Citation] | None:
        """The years a 近N年 table in the template names (e.g. 2022, 2023, 2024)."""
        for doc_id, norm, origin in self._normalised:
            for match in _RECENT.finditer(norm):
                n = cn_to_int(match.group(1)) or 0
                window = norm[match.end() : match.end() + 60]
                found = list(_YEAR.finditer(window))[:n]
                years = tuple(int(y.group(1)) for y in found)
                if n >= 2 and len(years) == n and all(b - a == 1 for a, b in zip(years, years[1:], strict=False)):
                    return years, self.cite_span(doc_id, norm, origin, match.start(), match.end() + found[-1].end())
        return None

    def ai_direction_rule(self) -> tuple[Citation, tuple[str, ...]] | None:
        """The 须知 that choosing the AI direction requires naming a space type, and the types the notice offers."""
        found = self.search(_AI_RULE)
        if not found:
            return None
        types = sorted({m.group(1) for _, norm, _ in self._normalised for m in _SPACE_TYPE.finditer(norm)})
        return found[1], tuple(types) + ("其他",)

    def commitment_lines(self, title: str) -> list[Line]:
        """Lines of the template under a commitment heading (its statements, seal and date places)."""
        for doc_id in self.profile.documents:
            lines = self._doc_lines(doc_id)
            for i, line in enumerate(lines):
                if line.heading is not None and title in line.norm.replace(" ", ""):
                    out = []
                    for later in lines[i + 1 :]:
                        if later.heading is not None and later.heading.level <= max(line.heading.level, 1) and later.heading.level > 0:
                            break
                        if later.heading is not None and later.heading.level == 0:
                            break
                        out.append(later)
                    return out
        return []

    def statements(self, title: str) -> tuple[list[Statement], Citation | None, Citation | None]:
        """Statements a commitment must make, and the clauses asking for a seal and a date."""
        statements: list[Statement] = []
        seal = date = None
        for line in self.commitment_lines(title):
            doc_id = next((d for d in self.profile.documents if self._text(d)[line.start : line.end]), "")
            text = self._text(doc_id)
            quote = collapse_whitespace(text[line.start : line.end])
            citation = Citation(doc_id, section_label(line.path), None, quote, self.profile.jurisdiction)
            if _SEAL.search(line.norm):
                seal = seal or citation
                if _DATE_PLACE.search(line.norm):
                    date = date or citation
                continue
            if _DATE_PLACE.search(line.norm) and len(line.norm) <= 30:
                date = date or citation
                continue
            for clause in re.split(r"[，,。；;]", line.norm):
                clause = re.sub(r"^(?:本单位|所开展的|并且|且)", "", clause.strip())
                if len(clause) >= 6:
                    statements.append(Statement(clause, citation))
        return statements, seal, date
