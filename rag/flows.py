"""The jobs a chat session runs, each one call: the page collects input, these call the core.

Everything here is also usable from Python without a page: a session is just a folder
under `data_dir/sessions/<id>/` for uploads and private materials, an applicant record
and the facts typed so far.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from .applicant import Applicant, extract_applicant, load_applicant
from .chat import quoted, requested_limit
from .count import count
from .draft import Draft, draft_application, draft_section
from .eligibility import Report, evaluate, target_ids
from .errors import InputError
from .facts import Facts, facts_from_mapping, facts_from_text
from .jurisdictions import mentioned
from .profiles import ensure_index, known_jurisdictions, load_profile, load_profiles
from .records import Profile
from .sections import SectionSpec, bare_title, catalogue
from .settings import Settings

Progress = Callable[[str, int, int], None]
_KEY = re.compile(r"^[^：:“”\"「」]{2,12}[：:]\s*\S")


def session_folder(settings: Settings, session_id: str) -> Path:
    """Where one session keeps its uploads (next to its private materials store)."""
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", session_id):
        raise InputError(f"会话编号无效 / invalid session id {session_id!r}")
    return Path(settings.data_dir) / "sessions" / session_id


def save_upload(settings: Settings, session_id: str, name: str, data: bytes) -> Path:
    """Write an uploaded file into the session's folder under a sanitised name (see rag.uploads)."""
    from .uploads import save_upload as save

    return save(settings, session_id, name, data)


# ---- index and jurisdictions ----------------------------------------------------------------


def index_status(settings: Settings) -> dict[str, Any]:
    """Documents, chunks and last build of the published index, with document titles."""
    generation = ensure_index(settings, quiet=True)
    stats = generation.stats()
    docs = generation.documents()
    return {"generation": generation.name, "documents": stats.get("documents", len(docs)),
            "chunks": stats.get("chunks"), "built_at": stats.get("built_at", ""),
            "titles": {m.doc_id: m.title for m, _ in docs}}


def jurisdictions_for(settings: Settings, message: str, selected: list[str],
                      applicant: Applicant | None = None) -> list[str]:
    """Jurisdictions a request is about: chosen in the page, else named in the message, else the applicant's targets."""
    if selected:
        return list(selected)
    known = known_jurisdictions(settings)
    named = mentioned(message, known)
    if named:
        return named
    if applicant is not None and applicant.targets:
        return target_ids(applicant.targets, known)[0]
    return []


# ---- eligibility ------------------------------------------------------------------------------


def describe_applicant(text: str, backend: Any = None, settings: Settings | None = None) -> tuple[Applicant, str, str]:
    """(record, mode, notice) read from a self-description typed in the chat."""
    return extract_applicant(text, backend, settings)


def eligibility_report(settings: Settings, applicant: Applicant, jurisdictions: list[str],
                       as_of: dt.date | None = None, mode: str = "offline", notice: str = "") -> Report:
    """Verdicts for the applicant in the given jurisdictions (all indexed ones when none)."""
    day = as_of or dt.date.today()
    ids = list(jurisdictions) or list(known_jurisdictions(settings))
    return evaluate(applicant, [load_profile(settings, j, day) for j in ids], day, mode, notice)


def applicant_yaml(applicant: Applicant) -> str:
    """The applicant record as YAML (readable by `python -m rag eligibility FILE`)."""
    import yaml

    return yaml.safe_dump(applicant.known(), allow_unicode=True, sort_keys=False)


def applicant_from_upload(settings: Settings, session_id: str, name: str, data: bytes) -> Applicant:
    """An applicant record from an uploaded YAML/JSON file; InputError naming the file."""
    if Path(name).suffix.lower() not in (".yaml", ".yml", ".json"):
        raise InputError(f"{name}: 申报单位信息应为 YAML 或 JSON 文件 / upload a .yaml or .json file")
    return load_applicant(save_upload(settings, session_id, name, data))


# ---- drafting ---------------------------------------------------------------------------------


def session_facts(applicant: Applicant, facts_text: str, message: str = "", materials: Any = None) -> Facts:
    """Facts for drafting: the applicant's identity, the facts typed in the page, `键：值` lines of the message."""
    identity: dict[str, Any] = {}
    if applicant.name:
        identity["单位名称"] = applicant.name
    city = applicant.registered_city if applicant.registered_city != applicant.registered_province else None
    place = "".join(p for p in (applicant.registered_province, city, applicant.registered_district) if p)
    if place:
        identity["注册地"] = place
    if applicant.industry:
        identity["所属行业"] = applicant.industry
    typed = facts_from_mapping(identity).merged(facts_from_text(facts_text)).merged(facts_from_text(facts_in(message)))
    return Facts(typed.items, materials)


def facts_in(message: str) -> str:
    """The `键：值` statements of a chat message, one per line ("帮我起草…，单位名称：X，员工：120人")."""
    lines: list[str] = []
    for piece in re.split(r"[，,。；;\n]", message):
        if _KEY.match(piece.strip()):
            lines.append(piece.strip())
        elif lines and piece.strip():
            lines[-1] += "，" + piece.strip()  # a value that itself holds a comma
    return "\n".join(lines)


def pick_section(profile: Profile, message: str) -> SectionSpec:
    """The catalogue entry a drafting message names; InputError listing the sections when none."""
    specs = [s for s in catalogue(profile) if s.kind == "text"]
    from .sections import find_section

    for title in quoted(message):
        try:
            return find_section(profile, title)
        except InputError:
            continue
    norm = re.sub(r"\s+", "", message)
    named = [s for s in specs if bare_title(s.title) and bare_title(s.title) in norm]
    if named:
        return max(named, key=lambda s: (len(bare_title(s.title)), s.limit is not None))
    listed = "、".join(f"“{bare_title(s.title)}”" + (f"（{s.limit}字）" if s.limit else "") for s in specs)
    raise InputError(f"请说明要起草{profile.name}申报书的哪一节，可选：{listed or '（模板中没有需撰写的章节）'}")


def draft_request(settings: Settings, message: str, jurisdictions: list[str], facts: Facts,
                  backend: Any = None) -> Draft:
    """A draft of the section a message names, for the first jurisdiction it concerns."""
    if not jurisdictions:
        known = "、".join(known_jurisdictions(settings).values())
        raise InputError(f"请在消息中写明地区，或在左侧选择地区（现有：{known}）后再起草。")
    profile = load_profile(settings, jurisdictions[0])
    spec = pick_section(profile, message)
    return draft_section(profile, spec, facts, settings, backend, requested_limit(message))


def edited(draft: Draft, text: str) -> Draft:
    """The draft with the user's edited text (count updated; the limit stays the template's)."""
    return replace(draft, text=text, count=count(text, draft.count_mode))  # type: ignore[arg-type]


def section_files(draft: Draft) -> tuple[str, bytes]:
    """(Markdown text, DOCX bytes) of one section draft."""
    from .export import section_markdown, write_section

    with tempfile.TemporaryDirectory() as folder:
        path = write_section(draft, Path(folder) / "section.docx")
        return section_markdown(draft), path.read_bytes()


def application_file(settings: Settings, jurisdiction: str, facts: Facts, backend: Any = None,
                     drafts: dict[str, Draft] | None = None) -> bytes:
    """The whole application as DOCX bytes; sections drafted in the chat replace fresh drafts."""
    from .export import application_docx, template_sources

    profile = load_profile(settings, jurisdiction)
    composed = draft_application(profile, facts, settings, backend)
    composed.update({k: v for k, v in (drafts or {}).items() if k in composed})
    with tempfile.TemporaryDirectory() as folder:
        path = application_docx(profile, composed, facts, Path(folder) / "application.docx",
                                sources=template_sources(settings, profile))
        return path.read_bytes()


def add_material(settings: Settings, session_id: str, path: Path, embedder: Any = None) -> tuple[Any, int]:
    """Add an applicant's own file to the session's private store: (store, passages added)."""
    from .materials import MaterialStore

    store = MaterialStore(settings, session_id, embedder)
    return store, store.add(path)


def materials_of(settings: Settings, session_id: str, embedder: Any = None) -> Any:
    """The session's private materials store, or None when nothing was uploaded."""
    from .materials import MaterialStore

    store = MaterialStore(settings, session_id, embedder)
    return store if store.passages else None


# ---- checking ---------------------------------------------------------------------------------


def check_request(settings: Settings, jurisdictions: list[str], path: Path | None = None, text: str = "",
                  embed: Any = None, backend: Any = None, as_of: dt.date | None = None) -> dict[str, Any]:
    """The check payload (`check --json` shape) of a draft file or pasted draft text."""
    from .check import check_draft, lazy_embed, results_payload
    from .draft_parse import parse_draft_file, parse_draft_text

    draft = parse_draft_file(path, settings) if path is not None else parse_draft_text(text, "粘贴的草稿")
    day = as_of or dt.date.today()
    profiles = load_profiles(settings, jurisdictions or None, day)
    generation = ensure_index(settings, quiet=True)
    sources = {doc_id: generation.source(doc_id) for p in profiles for doc_id in p.documents}
    results = check_draft(draft, profiles, sources, day, embed or lazy_embed(settings), backend, settings)
    return results_payload(draft, results, day)


def report_files(payload: dict[str, Any]) -> tuple[str, bytes]:
    """(Markdown text, DOCX bytes) of a check report."""
    from .report import to_docx, to_markdown

    with tempfile.TemporaryDirectory() as folder:
        path = to_docx(payload, Path(folder) / "report.docx")
        return to_markdown(payload), path.read_bytes()


# ---- corpus and comparison ----------------------------------------------------------------------


def add_notice(settings: Settings, path: Path, progress: Progress | None = None,
               embedder: Any = None) -> tuple[dict[str, Any], list[Profile]]:
    """Ingest one notice into the corpus: (ingest report JSON, profiles of the jurisdictions it added to)."""
    from .ingest import ingest

    report = ingest(settings, [path], progress=progress, embedder=embedder)
    generation = ensure_index(settings, quiet=True)
    added = set(report.added_ids)
    ids = list(dict.fromkeys(m.jurisdiction for m, _ in generation.documents() if m.doc_id in added))
    return report.to_json(), [load_profile(settings, j) for j in ids]


def comparison(settings: Settings, jurisdictions: list[str]) -> tuple[list[dict[str, str]], str, dict[str, str]]:
    """(rows, CSV text, {id: name}) of the requirement comparison across jurisdictions."""
    from .profile import compare_profiles, comparison_csv

    profiles = load_profiles(settings, jurisdictions or None)
    rows = compare_profiles(profiles)
    return rows, comparison_csv(rows), {p.jurisdiction: p.name for p in profiles}


def csv_bytes(text: str) -> bytes:
    """CSV text as bytes a spreadsheet opens with Chinese intact (UTF-8 with BOM)."""
    buffer = io.BytesIO()
    buffer.write(text.encode("utf-8-sig"))
    return buffer.getvalue()
