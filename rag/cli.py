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
                    jurisdiction_name=args.jurisdiction_name, progress=_progress)
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


def _ensured(settings: Settings) -> Settings:
    """Build the bundled index on first use so every command works on a fresh checkout."""
    from .index import Layout

    if Layout(settings).current() is None:
        from .ingest import ingest

        print("首次使用，正在建立索引 / building the index for the first time…", file=sys.stderr)
        ingest(settings, progress=_progress)
    return settings


def ensure_index(settings: Settings):  # type: ignore[no-untyped-def]
    """The published generation, building it first when missing."""
    from .index import open_current

    return open_current(_ensured(settings))


def resolve_jurisdictions(values: list[str] | None, known: dict[str, str]) -> list[str]:
    """Ids for user-typed jurisdictions (ids or Chinese names); InputError when unknown."""
    from .jurisdictions import resolve

    return [resolve(v, known) for v in values or []]


def cmd_ask(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    from .answer import answer_question
    from .retrieve import Retriever

    if not args.question.strip():
        raise InputError("问题为空 / empty question — 请输入问题 / type a question")
    retriever = Retriever(_ensured(settings))
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


def _profiles(settings: Settings) -> tuple[dict[str, Any], dict[str, str]]:
    generation = ensure_index(settings)
    known = {m.jurisdiction: m.jurisdiction_name for m, _ in generation.documents()}
    return generation.profiles(), known


def load_profile(settings: Settings, jurisdiction: str, as_of: dt.date | None = None) -> Any:
    """The cached requirement profile of one jurisdiction, with its window as of `as_of`."""
    from .profile import profile_from_dict, window_status

    profiles, known = _profiles(settings)
    jid = resolve_jurisdictions([jurisdiction], known)[0]
    if jid not in profiles:
        raise InputError(f"没有 {jurisdiction} 的要求画像 / no requirement profile for {jurisdiction}")
    profile = profile_from_dict(profiles[jid])
    status = window_status(profile.deadlines, as_of or dt.date.today())
    from dataclasses import replace

    return replace(profile, status=status)


def cmd_profile(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    from .profile import profile_to_dict

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

    profiles, known = _profiles(settings)
    ids = resolve_jurisdictions(args.jurisdictions, known) or list(profiles)
    loaded = [load_profile(settings, jid, args.as_of) for jid in ids]
    rows = compare_profiles(loaded)
    csv_text = comparison_csv(rows)
    if args.csv:
        args.csv.write_text(csv_text, encoding="utf-8-sig")
    return rows, csv_text


def cmd_backend(args: argparse.Namespace, settings: Settings) -> tuple[Any, str]:
    from .llm import describe_backend, make_backend

    info = dict(describe_backend(settings))
    if args.test:
        backend = make_backend(settings)
        info["test"] = backend.check() if backend is not None else "offline: 无需连接 / nothing to test"
    human = "\n".join(f"{k}: {v}" for k, v in info.items())
    return info, human


Handler = Callable[[argparse.Namespace, Settings], tuple[Any, str]]
