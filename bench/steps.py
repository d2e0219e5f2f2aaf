"""Optional timed stages: each is a function of the run's context that returns seconds.

A stage whose module is missing (or lacks what the stage calls) raises Unavailable and is
shown as "not available" — add more stages by appending to STEPS.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.settings import Settings


class Unavailable(Exception):
    """The stage cannot run in this build (module or command missing)."""


@dataclass
class Context:
    """What a stage may use: settings of the ingested corpus, a loaded retriever, questions."""

    settings: Settings
    retriever: Any
    questions: list[str]
    scratch: Path
    cache: dict[str, Any] = field(default_factory=dict)

    def sources(self) -> list[tuple[Any, Any]]:
        """(DocumentMeta, SourceText) of every indexed document."""
        if "sources" not in self.cache:
            generation = self.retriever.generation
            self.cache["sources"] = [(m, generation.source(m.doc_id)) for m, _ in generation.documents()]
        return self.cache["sources"]


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Context], float]
    unit: str = "s"
    note: str = ""


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise Unavailable(f"{name} not importable ({exc.name or exc})") from exc


def _cli(context: Context, argv: list[str]) -> Any:
    """Run one `python -m rag` command's handler in-process with the benchmark's settings."""
    cli = _module("rag.cli")
    parser = cli._parser()
    commands = next((a.choices for a in parser._actions if getattr(a, "choices", None) and a.dest == "command"), {})
    if argv[0] not in commands:
        raise Unavailable(f"`python -m rag {argv[0]}` not available")
    args = parser.parse_args(argv)
    return args.handler(args, context.settings)


def _per_call(fn: Callable[[], Any], repeats: int) -> float:
    fn()  # warm
    started = time.perf_counter()
    for _ in range(repeats):
        fn()
    return (time.perf_counter() - started) / repeats


def step_ask(context: Context) -> float:
    """Offline cited answer (retrieve + extract), mean seconds per question."""
    answer = _module("rag.answer")
    questions = context.questions[:20]
    answer.answer_question(questions[0], context.retriever, context.settings)
    started = time.perf_counter()
    for question in questions:
        answer.answer_question(question, context.retriever, context.settings)
    return (time.perf_counter() - started) / len(questions)


def step_count(context: Context) -> float:
    """字数 counting of the whole corpus text, seconds per pass."""
    module = _module("rag.count")
    fn = next((getattr(module, n) for n in ("count_words", "count", "count_text", "zishu") if callable(getattr(module, n, None))), None)
    if fn is None:
        raise Unavailable("rag.count has no count function")
    texts = [source.text for _, source in context.sources()]
    return _per_call(lambda: [fn(t) for t in texts], 5)


def step_profile(context: Context) -> float:
    """Requirement-profile extraction of every jurisdiction (what ingest caches), seconds."""
    profile = _module("rag.profile")
    if not hasattr(profile, "extract_profile"):
        raise Unavailable("rag.profile has no extract_profile")
    from rag.ingest import build_profiles

    pairs = context.sources()
    metas, sources = [m for m, _ in pairs], {m.doc_id: s for m, s in pairs}
    return _per_call(lambda: build_profiles(metas, sources), 1)


def _section_title(context: Context) -> tuple[str, str]:
    generation = context.retriever.generation
    for jurisdiction, data in generation.profiles().items():
        for section in data.get("sections", []):
            if section.get("title"):
                return jurisdiction, section["title"]
    raise Unavailable("no template section in the cached profiles")


def step_draft(context: Context) -> float:
    """One section draft (offline backend) via `python -m rag draft`, seconds."""
    _module("rag.draft")
    jurisdiction, title = _section_title(context)
    return _per_call(lambda: _cli(context, ["draft", "--jurisdiction", jurisdiction, "--section", title]), 1)


def step_check(context: Context) -> float:
    """Gap analysis of a short draft via `python -m rag check`, seconds."""
    _module("rag.check")
    draft = context.scratch / "draft.txt"
    draft.write_text("一、项目概况\n本项目建设行业可信数据空间，运营单位为本公司。\n二、建设内容\n部署数据使用控制与存证能力。\n",
                     encoding="utf-8")
    return _per_call(lambda: _cli(context, ["check", str(draft)]), 1)


STEPS: list[Step] = [
    Step("stage: ask (offline, per question)", step_ask),
    Step("stage: count 字数 (corpus, per pass)", step_count),
    Step("stage: profile extraction (all)", step_profile),
    Step("stage: draft (one section)", step_draft),
    Step("stage: check (one draft)", step_check),
]


def run_steps(context: Context, steps: list[Step] | None = None) -> list[dict[str, Any]]:
    """Time every stage; a missing one is reported, a failing one too, neither stops the run."""
    rows = []
    for step in steps or STEPS:
        try:
            seconds = step.run(context)
            rows.append({"name": step.name, "seconds": seconds, "status": "ok"})
        except Unavailable as exc:
            rows.append({"name": step.name, "seconds": None, "status": f"not available: {exc}"})
        except Exception as exc:  # a stage under construction must not sink the benchmark
            rows.append({"name": step.name, "seconds": None, "status": f"failed: {type(exc).__name__}: {exc}"[:160]})
    return rows
