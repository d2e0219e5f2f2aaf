"""The bundled corpus manifest and metadata of files users add."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

from .errors import ConfigError
from .jurisdictions import detect_jurisdiction
from .normalise import normalise
from .records import DocumentMeta, SourceText
from .settings import Settings


def manifest_entries(settings: Settings) -> list[tuple[DocumentMeta, Path]]:
    """(metadata, file path) of every bundled document listed in corpus/manifest.yaml."""
    manifest = Path(settings.corpus_dir) / "manifest.yaml"
    if not manifest.exists():
        return []
    try:
        data = yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"corpus/manifest.yaml 格式错误 / invalid manifest: {exc}") from exc
    entries = []
    for row in data.get("documents", []):
        path = Path(settings.corpus_dir) / row["file"]
        meta = DocumentMeta(
            doc_id=row["doc_id"], title=row.get("title", ""), jurisdiction=row["jurisdiction"],
            jurisdiction_name=row.get("jurisdiction_name", ""), issuer=row.get("issuer", ""),
            doc_number=row.get("doc_number", "") or "", issued_on=str(row.get("issued_on", "") or ""),
            kind=row.get("kind", "notice"), path=str(path),
        )
        entries.append((meta, path))
    return entries


_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[（(]\s*\d{4}\s*[〕\]）)]\s*\d+\s*号")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISSUER = re.compile(r"^([\u4e00-\u9fff]{2,30}?(?:局|厅|委员会|委|办公室|办|部|政府|中心|司))(?:文件|关于|$)")


def infer_metadata(path: Path, source: SourceText, jurisdiction: str | None = None,
                   jurisdiction_name: str | None = None, known: dict[str, str] | None = None) -> DocumentMeta:
    """Metadata of a file a user adds: title, issuer, number, date and jurisdiction from its text."""
    head_lines = [normalise(line) for line in source.text.splitlines()[:40]]
    head_lines = [line for line in head_lines if line]
    title = _title(head_lines) or path.stem
    number = _DOC_NUMBER.search(normalise(source.text[:3000]))
    issuer = _issuer(head_lines, title)
    issued_on = _issued_on(source.text)
    if jurisdiction is None:
        jurisdiction, detected_name = detect_jurisdiction(issuer + " " + title, known or {})
        jurisdiction_name = jurisdiction_name or detected_name
    digest = hashlib.sha1(source.text.encode()).hexdigest()[:6]
    return DocumentMeta(
        doc_id=f"{jurisdiction}-{_slug(path.stem)}-{digest}",
        title=title, jurisdiction=jurisdiction, jurisdiction_name=jurisdiction_name or jurisdiction,
        issuer=issuer, doc_number=number.group(0).replace(" ", "") if number else "",
        issued_on=issued_on, kind="notice", path=str(path),
    )


def _title(lines: list[str]) -> str:
    for i, line in enumerate(lines):
        if re.search(r"(通知|指南|公告|办法|方案)$", line) and len(line) < 80:
            # titles wrap: join with the lines above that are part of it
            start = i
            while start > 0 and not re.search(r"[。:：号]$|文件$", lines[start - 1]) and len(lines[start - 1]) < 40 and i - start < 2:
                start -= 1
            return "".join(lines[start : i + 1])
    return ""


def _issuer(lines: list[str], title: str) -> str:
    for candidate in [title, *lines[:6]]:
        match = _ISSUER.match(candidate)
        if match:
            return match.group(1)
    return ""


def _issued_on(text: str) -> str:
    """The signature date: the last full date in the notice body before any attachment."""
    body = re.split(r"\n\s*附件\s*\d*\s*\n", text)[0]
    dates = _DATE.findall(body[-800:]) or _DATE.findall(body)
    if not dates:
        return ""
    year, month, day = dates[-1]
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _slug(stem: str) -> str:
    from pypinyin import lazy_pinyin

    ascii_text = "-".join(lazy_pinyin(stem))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:40].strip("-") or "doc"


def content_hash(meta: DocumentMeta, data: bytes) -> str:
    """Hash of a file's bytes and the metadata that shapes its chunks."""
    digest = hashlib.sha256(data)
    digest.update(f"{meta.doc_id}|{meta.jurisdiction}|{meta.kind}|{meta.title}".encode())
    return digest.hexdigest()
