"""A document read as paragraphs and sentences, each located in the verbatim source.

Requirement extraction works on these units. PDF extraction wraps sentences over lines
(and page breaks), so lines are joined back into paragraphs before sentences are cut;
every unit keeps the verbatim offset of each of its characters, so citations are cut
from the source itself, never re-typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .dates import YEAR_RE
from .normalise import quote_from
from .records import Citation, DocumentMeta, SourceText
from .structure import Line, parse_lines, section_label
from .tables import Table, read_tables

# a line that starts a new item of a list, never the continuation of the previous line
ITEM_START = re.compile(r"^(?:\d{1,2}\s*[.、．]|\(\d{1,2}\)|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+\s*、|[①-⑩]|[●■◆▪]|【|□|附件)")
# leading list label of a sentence: "1." "(一)" "一、"
# (a bullet ● ■ ◆ ▪ marks an item of a list the same way)
LABEL = re.compile(r"^(?:\d{1,2}\s*[.、．]\s*|\(\d{1,2}\)\s*|\([一二三四五六七八九十]+\)\s*|[一二三四五六七八九十]+\s*、\s*|[①-⑩]\s*|[●■◆▪]\s*)")
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_PIECE_END = re.compile(r"[，,；;。]")
# an article number before a clause (第九条 / 第七条之一): numbering, not words of the clause
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇\d]{1,4}条(?:之[一二三四五六七八九十])?\s*")
_CONDITION = re.compile(r"^(?:如有|如果|如需|若|凡|对于|对)")
WRAP_MIN = 18  # lines shorter than this are table cells or labels, not wrapped prose


def _table_kind(text: str, line: Line) -> str:
    """"row" for a whole table row on one line (tab-separated, Markdown |), "cell" for a tab-led
    DOCX cell, "" for prose. Prose and cells never join each other, rows never join at all; a
    cell wrapped over two lines joins its continuation."""
    start = text.rfind("\n", 0, line.start) + 1
    raw = text[start: line.end]
    if line.norm.startswith("|") or "\t" in raw.strip():
        return "row"
    return "cell" if "\t" in raw else ""


def _wraps_after_note(text: str) -> bool:
    """A long line that stops after a short note (…推荐汇总表（附件2）) wraps on: a PDF cut it
    at its width; a 字数 note or a full stop before the note ends the line."""
    return len(text) >= 30 and text.endswith(")") and re.search(r"(?:。|字|页)[^()]*\)$|\([^()]*字[^()]*\)$", text) is None


@dataclass(frozen=True)
class Span:
    """A piece of normalised text with the verbatim offset of each character."""

    text: str
    origin: tuple[int, ...]
    path: tuple[str, ...]
    part: str
    para: int = 0  # index of the paragraph it belongs to

    def sub(self, start: int, end: int) -> Span:
        """The sub-span text[start:end] (same location data)."""
        return Span(self.text[start:end], self.origin[start:end], self.path, self.part, self.para)

    def strip_label(self) -> Span:
        """The span without its list label ("1." "(一)")."""
        return self._unlabelled

    @cached_property
    def _unlabelled(self) -> Span:
        m = LABEL.match(self.text)
        return self.sub(m.end(), len(self.text)) if m and m.end() < len(self.text) else self

    def strip_punct(self) -> Span:
        """The span without leading/trailing punctuation and spaces."""
        start, end = 0, len(self.text)
        while start < end and self.text[start] in " ，,；;。：:、":
            start += 1
        while end > start and self.text[end - 1] in " ，,；;。：:、":
            end -= 1
        return self.sub(start, end)

    def pieces(self) -> list[Span]:
        """Comma-separated pieces (sub-clauses) of a sentence, punctuation stripped."""
        return list(self._pieces)

    @cached_property
    def _pieces(self) -> tuple[Span, ...]:
        # every extractor reads the pieces of every sentence: cut them once per span
        out: list[Span] = []
        begin = 0
        depth = 0
        for i, ch in enumerate(self.text):
            depth += ch in "(（“《【" and 1 or 0
            depth -= ch in ")）”》】" and 1 or 0
            if depth <= 0 and _PIECE_END.match(ch):
                if i > begin:
                    out.append(self.sub(begin, i).strip_punct())
                begin = i + 1
                depth = 0
        if begin < len(self.text):
            out.append(self.sub(begin, len(self.text)).strip_punct())
        out = [p for p in out if p.text]
        # a conditional lead-in belongs to the clause it conditions: 如有联合申报主体，则须…
        merged: list[Span] = []
        for piece in out:
            lead = _ARTICLE.sub("", merged[-1].text) if merged else ""
            # 联合申报的，牵头单位须… : a short "…的" clause names whom the next clause binds
            conditional = _CONDITION.match(lead) and len(lead) <= 16 or lead.endswith("的") and len(lead) <= 8
            if merged and conditional:
                first = merged.pop()
                start = self.origin.index(first.origin[0])
                merged.append(self.sub(start, self.origin.index(piece.origin[-1]) + 1))
            else:
                merged.append(piece)
        return tuple(merged)


@dataclass
class DocView:
    """One document's lines, paragraphs and sentences, with citation helpers."""

    meta: DocumentMeta
    source: SourceText
    lines: list[Line] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = parse_lines(self.source)

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Lines joined where prose wraps; headings and list items start a paragraph."""
        paras: list[list[Line]] = []
        text = self.source.text
        for line in self.lines:
            prev = paras[-1][-1] if paras else None
            pure_heading = prev is not None and prev.heading is not None and prev.body_from >= len(prev.norm)
            joins = (
                prev is not None
                and line.heading is None
                and not pure_heading
                and _table_kind(text, line) == _table_kind(text, prev) in ("", "cell")
                and line.part == prev.part
                and not ITEM_START.match(line.norm)
                and len(prev.norm) >= WRAP_MIN
                and (
                    prev.norm[-1] not in "。；;：:！？!?)）】"
                    or _wraps_after_note(prev.norm)
                    # 邮箱： / 截止时间： at a PDF line's end, the address or date on the next line
                    or prev.norm[-1] in "：:" and re.match(r"[A-Za-z0-9]", line.norm) is not None
                )
            )
            if joins:
                paras[-1].append(line)
            else:
                paras.append([line])
        out = []
        for index, group in enumerate(paras):
            text = "".join(line.norm for line in group)
            origin = tuple(o for line in group for o in line.origin)
            out.append(Span(text, origin, group[0].path, group[0].part, index))
        return out

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences of every paragraph, cut after 。；！？."""
        out: list[Span] = []
        for para in self.paragraphs:
            begin = 0
            for m in _SENTENCE_END.finditer(para.text):
                if m.end() > begin:
                    out.append(para.sub(begin, m.end()))
                begin = m.end()
            if begin < len(para.text):
                out.append(para.sub(begin, len(para.text)))
        return [s for s in out if s.text.strip()]

    @cached_property
    def tables(self) -> list[Table]:
        """Tables of the document (DOCX cells one per line, or tab-separated rows)."""
        return read_tables(self.source.text, self.lines)

    @cached_property
    def year(self) -> int | None:
        """The notice's year, for dates written without one: its issue date, else its first year."""
        if self.meta.issued_on[:4].isdigit():
            return int(self.meta.issued_on[:4])
        for line in self.lines:
            m = YEAR_RE.search(line.norm)
            if m:
                return int(m.group(1))
        return None

    def between(self, first: Span, last: Span) -> Span:
        """The paragraph text from the start of `first` to the end of `last` (same paragraph)."""
        para = self.paragraphs[first.para]
        start = para.origin.index(first.origin[0])
        end = para.origin.index(last.origin[-1]) + 1
        return para.sub(start, end)

    def is_heading_text(self, span: Span) -> bool:
        """True when the span only repeats the title of the heading it sits under."""
        text = span.strip_label().text.rstrip("。:：")
        title = span.path[-1] if span.path else ""
        return bool(text) and LABEL.sub("", title).startswith(text)

    def cite(self, span: Span) -> Citation:
        """Citation of a span: verbatim quote cut from the source through the offset map."""
        start, end = span.origin[0], span.origin[-1] + 1
        return Citation(
            doc_id=self.meta.doc_id,
            section=section_label(span.path),
            page=self.source.page_at(start),
            quote=quote_from(self.source.text, start, end),
            jurisdiction=self.meta.jurisdiction,
        )


def in_template(span: Span) -> bool:
    """True inside an attachment (application form, summary table)."""
    return bool(span.part)
