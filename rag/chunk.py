"""Chunking by the document's own structure.

A chunk is one clause or a few short lines of one section, never crossing a heading,
so its citation names the section path and quotes exactly what the source says.
"""

from __future__ import annotations

import hashlib
import re

from .normalise import collapse_whitespace
from .records import Chunk, DocumentMeta, SourceText
from .structure import Line, parse_lines, section_label

TARGET_CHARS = 120  # close a chunk once it is this long and a sentence ends
MAX_CHARS = 360  # split longer clauses at sentence boundaries
_SENTENCE_END = re.compile(r"[。；;！？!?]")


def chunk_document(meta: DocumentMeta, source: SourceText) -> list[Chunk]:
    """Split one document into located chunks carrying section path, page and offsets."""
    lines = parse_lines(source)
    groups: list[list[Line]] = []
    current: list[Line] = []
    pending: list[Line] = []  # pure headings waiting for the body they introduce

    def flush() -> None:
        nonlocal current
        if current:
            groups.append(current)
            current = []

    for line in lines:
        pure_heading = line.heading is not None and line.body_from >= len(line.norm)
        if line.heading is not None:
            flush()
            if pure_heading:
                if line.heading.level == 0:
                    pending = []  # an attachment title is the path, not part of a clause
                else:
                    pending.append(line)
                continue
        elif _starts_clause(line) or (current and current[0].path != line.path):
            flush()
        if not current and pending:
            # the quote shows the heading it answers to, e.g. "(一)申报单位基本情况(不超过1000字)"
            current.extend(pending[-3:])
            pending = []
        current.append(line)
        size = sum(len(item.norm) for item in current)
        if size >= TARGET_CHARS and _SENTENCE_END.search(line.norm[-1:]):
            flush()
    flush()

    chunks: list[Chunk] = []
    for group in groups:
        for start, end, norm in _split_long(group):
            first = group[-1]
            kind = "template" if first.part else meta.kind
            text = source.text[start:end]
            chunks.append(
                Chunk(
                    chunk_id=_chunk_id(meta.doc_id, start, end, text),
                    doc_id=meta.doc_id,
                    jurisdiction=meta.jurisdiction,
                    kind=kind,
                    section=section_label(first.path),
                    page=source.page_at(start),
                    start=start,
                    end=end,
                    text=text,
                    norm=norm,
                )
            )
    return chunks


def _starts_clause(line: Line) -> bool:
    """A numbered clause ("1.申报主体须为…") starts a chunk of its own."""
    return bool(re.match(r"^(?:\d{1,2}[.、]|\(\d{1,2}\)|[①-⑩])", line.norm)) and len(line.norm) > 30


def _split_long(group: list[Line]) -> list[tuple[int, int, str]]:
    """(start, end, norm) pieces of a group, splitting clauses over MAX_CHARS at sentence ends."""
    norm = "".join(line.norm for line in group)
    origin = [offset for line in group for offset in line.origin]
    if len(norm) <= MAX_CHARS:
        return [(origin[0], origin[-1] + 1, norm)]
    pieces: list[tuple[int, int, str]] = []
    begin = 0
    while begin < len(norm):
        limit = min(len(norm), begin + MAX_CHARS)
        cut = limit
        if limit < len(norm):
            ends = [m.end() for m in _SENTENCE_END.finditer(norm, begin + TARGET_CHARS, limit)]
            cut = ends[-1] if ends else limit
        pieces.append((origin[begin], origin[cut - 1] + 1, norm[begin:cut]))
        begin = cut
    return pieces


def _chunk_id(doc_id: str, start: int, end: int, text: str) -> str:
    digest = hashlib.sha1(f"{doc_id}:{start}:{end}:{text}".encode()).hexdigest()[:12]
    return f"{doc_id}#{start}-{end}-{digest}"


def chunk_quote(chunk: Chunk) -> str:
    """The verbatim quote of a chunk (whitespace folded)."""
    return collapse_whitespace(chunk.text)
