"""Command line: `python -m rag <command>`; the same core the app uses.

Every command takes --json; bad input exits 2 with a one-line Chinese+English message.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import InputError, RagError
from .records import to_dict
from .settings import Settings


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
        payload, human = args.handler(args, settings)
    except RagError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        return 130
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(human)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m rag", description="可信数据空间试点申报助手 / application assistant")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print one JSON document")
    common.add_argument("--as-of", type=_date, default=None, help="treat this date (YYYY-MM-DD) as today")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", parents=[common], help="index corpus/ plus the given files")
    p.add_argument("paths", nargs="*", type=Path)
    p.add_argument("--rebuild", action="store_true")
    p.add_argument("--jurisdiction", default=None, help="jurisdiction id for the added files")
    p.add_argument("--jurisdiction-name", default=None, help="Chinese name of that jurisdiction")
    p.add_argument("--lock-timeout", type=float, default=600.0,
                   help="seconds to wait while another ingest holds the index lock (then exit 2)")
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("sources", parents=[common], help="list indexed documents")
    p.set_defaults(handler=cmd_sources)

    p = sub.add_parser("ask", parents=[common], help="answer a question with citations")
    p.add_argument("question")
    p.add_argument("--jurisdiction", action="append", default=None)
    p.set_defaults(handler=cmd_ask)

    p = sub.add_parser("profile", parents=[common], help="requirement profile of a jurisdiction")
    p.add_argument("jurisdiction")
    p.set_defaults(handler=cmd_profile)

    p = sub.add_parser("compare", parents=[common], help="comparison matrix across jurisdictions")
    p.add_argument("jurisdictions", nargs="*")
    p.add_argument("--csv", type=Path, default=None, help="also write the matrix as CSV")
    p.set_defaults(handler=cmd_compare)

    p = sub.add_parser("eligibility", parents=[common], help="eligibility verdict per jurisdiction")
    p.add_argument("applicant", nargs="?", type=Path, help="applicant YAML/JSON file")
    p.add_argument("--text", default=None, help="the organisation described in one or a few sentences")
    p.add_argument("--jurisdiction", action="append", default=None)
    p.set_defaults(handler=cmd_eligibility)

    p = sub.add_parser("draft", parents=[common], help="draft one template section within its limit")
    p.add_argument("--jurisdiction", required=True)
    p.add_argument("--section", required=True, help="template section title")
    p.add_argument("--facts", type=Path, default=None, help="applicant facts (YAML/JSON) or materials (pdf/docx/txt/md)")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--count-mode", choices=["word", "char"], default="word")
    p.add_argument("--out", type=Path, default=None, help="write the draft (.md or .docx)")
    p.set_defaults(handler=cmd_draft)

    p = sub.add_parser("check", parents=[common], help="gap analysis of a draft application")
    p.add_argument("draft", type=Path)
    p.add_argument("--jurisdiction", action="append", default=None)
    p.add_argument("--out", type=Path, default=None, help="write the report (.md or .docx)")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("forget", parents=[common], help="delete a session's uploaded files")
    p.add_argument("session_id")
    p.set_defaults(handler=cmd_forget)

    p = sub.add_parser("backend", parents=[common], help="show the generative backend; --test checks the connection")
    p.add_argument("--test", action="store_true")
    p.set_defaults(handler=cmd_backend)
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD / expected YYYY-MM-DD, got {text!r}") from exc


def _progress(stage: str, done: int, total: int) -> None:
    names = {"lock": "等待索引锁 / waiting for lock", "chunk": "切分 / chunking", "embed": "向量化 / embedding",
             "store": "写入索引 / writing index"}
    print(f"\r{names.get(stage, stage)} {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    from .ingest import ingest

    report = ingest(settings, args.paths, rebuild=args.rebuild, jurisdiction=args.jurisdiction,
                    jurisdiction_name=args.jurisdiction_name, progress=_progress, lock_timeout=args.lock_timeout)
    data = report.to_json()
    human = (f"已索引 {data['documents']} 个文件、{data['chunks']} 个片段（新增 {data['added']}，跳过 {data['skipped']}），"
             f"用时 {data['seconds']} 秒 / indexed {data['documents']} documents, {data['chunks']} chunks")
    return data, human


def cmd_sources(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    rows = [
        {"doc_id": m.doc_id, "title": m.title, "jurisdiction": m.jurisdiction, "issuer": m.issuer,
         "doc_number": m.doc_number, "issued_on": m.issued_on, "kind": m.kind}
        for m, _ in ensure_index(settings).documents()
    ]
    human = "\n".join(f"{r['doc_id']}\t{r['jurisdiction']}\t{r['issued_on']}\t{r['title']}" for r in rows)
    return rows, human


def ensure_index(settings: Settings):  # type: ignore[no-untyped-def]
    """The published generation, building it first when missing."""
    from .profiles import ensure_index as ensure

    return ensure(settings)


def resolve_jurisdictions(values: list[str] | None, known: dict[str, str]) -> list[str]:
    """Ids for user-typed jurisdictions (ids or Chinese names); InputError when unknown."""
    from .jurisdictions import resolve

    return [resolve(v, known) for v in values or []]


def cmd_ask(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    from .answer import answer_question
    from .retrieve import Retriever

    if not args.question.strip():
        raise InputError("问题为空 / empty question — 请输入问题 / type a question")
    ensure_index(settings)
    retriever = Retriever(settings)
    jurisdictions = resolve_jurisdictions(args.jurisdiction, retriever.known_jurisdictions())
    backend = _backend(settings)
    answer = answer_question(args.question, retriever, settings, jurisdictions or None, backend=backend)
    payload = {"answer": answer.answer, "mode": answer.mode, "abstained": answer.abstained,
               "notice": answer.notice, "citations": to_dict(answer.citations)}
    human = answer.answer + (f"\n\n({answer.notice})" if answer.notice else "") + f"\n\n[模式 / mode: {answer.mode}]"
    return payload, human


def _backend(settings: Settings) -> Any:
    if settings.llm == "offline":
        return None
    from .llm import make_backend

    return make_backend(settings)


def cmd_profile(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    from .profile import profile_to_dict
    from .profiles import load_profile

    profile = load_profile(settings, args.jurisdiction, args.as_of)
    data = profile_to_dict(profile)
    lines = [f"{profile.name}（{profile.jurisdiction}）申报窗口 / window: {profile.status.window} （截至 {profile.status.as_of}）"]
    for key, label in (("eligibility", "申报条件"), ("deadlines", "截止时间"), ("submission", "提交方式"),
                       ("tasks", "任务"), ("sections", "申报书章节"), ("materials", "证明材料"), ("quotas", "名额限制")):
        items = data.get(key, [])
        lines.append(f"\n## {label} / {key} ({len(items)})")
        for item in items:
            summary = {k: v for k, v in item.items() if k not in ("citation", "points", "guidance", "params")}
            lines.append("- " + json.dumps(summary, ensure_ascii=False))
    return data, "\n".join(lines)


def cmd_compare(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    from .profile import compare_profiles, comparison_csv
    from .profiles import load_profiles

    rows = compare_profiles(load_profiles(settings, args.jurisdictions, args.as_of))
    csv_text = comparison_csv(rows)
    if args.csv:
        args.csv.write_text(csv_text, encoding="utf-8-sig")
    return rows, csv_text


def cmd_eligibility(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    from .eligibility import run_cli

    return run_cli(args, settings, _backend(settings))


def cmd_draft(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    from .draft import run_cli

    return run_cli(args, settings, _backend(settings))


def cmd_check(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    from .check import run_cli

    return run_cli(args, settings, _backend(settings))


def cmd_forget(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    from .sessions import delete_session

    deleted = delete_session(settings, args.session_id)
    human = "已删除 / deleted" if deleted else "没有该会话的文件 / nothing stored for that session"
    return {"session_id": args.session_id, "deleted": deleted}, f"{human}: {args.session_id}"


def cmd_backend(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    from .llm import describe_backend, make_backend

    info = dict(describe_backend(settings))
    if args.test:
        backend = make_backend(settings)
        info["test"] = backend.check() if backend is not None else "offline: 无需连接 / nothing to test"
    human = "\n".join(f"{k}: {v}" for k, v in info.items())
    return info, human


Handler = Callable[[argparse.Namespace, Settings], tuple[Any, str]]
