"""Run every gold set and print the metric table (`--json` for one JSON document)."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

warnings.filterwarnings("ignore")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _retrieval() -> dict[str, float]:
    from rag.embed import make_embedder
    from rag.ingest import ingest
    from rag.retrieve import Retriever
    from rag.settings import Settings

    from .baseline import BaselineRetriever
    from .retrieval_eval import evaluate_baseline, evaluate_system

    base = Settings.from_env()
    settings = base.with_(data_dir=Path(tempfile.mkdtemp(prefix="eval-")))
    embedder = make_embedder(settings)
    ingest(settings, embedder=embedder)
    retriever = Retriever(settings, embedder=embedder)
    out: dict[str, float] = {}
    for split in ("all", "holdout", "fresh", "fresh2"):
        metrics = evaluate_system(retriever, settings, None if split == "all" else split)
        out.update({f"retrieval_{split}_{k}": v for k, v in metrics.items()})
    baseline = BaselineRetriever(settings, embedder)
    for split in ("all", "holdout", "fresh", "fresh2"):
        metrics = evaluate_baseline(baseline, None if split == "all" else split)
        out.update({f"baseline_{split}_{k}": v for k, v in metrics.items() if k != "abstention_accuracy"})
    return out


def _optional(name: str, call) -> dict[str, float]:  # type: ignore[no-untyped-def]
    try:
        return call()
    except ImportError as exc:
        print(f"[{name}] not available: {exc}", file=sys.stderr)
        return {}


def main(argv: list[str] | None = None) -> int:
    """Run the evaluations and print the table."""
    parser = argparse.ArgumentParser(prog="python -m evaluators")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", nargs="*", default=None, help="retrieval profiles grounding …")
    args = parser.parse_args(argv)
    suites = {
        "retrieval": _retrieval,
        "profiles": lambda: _optional("profiles", _profiles),
        "grounding": lambda: _optional("grounding", _grounding),
        "eligibility": lambda: _optional("eligibility", _eligibility),
        "drafting": lambda: _optional("drafting", _drafting),
        "checker": lambda: _optional("checker", _checker),
    }
    results: dict[str, float] = {}
    for name, run in suites.items():
        if args.only and name not in args.only:
            continue
        started = time.perf_counter()
        results.update(run())
        print(f"[{name}] {time.perf_counter() - started:.1f}s", file=sys.stderr)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        width = max(len(k) for k in results) if results else 10
        for key, value in results.items():
            print(f"{key:<{width}}  {value:.3f}" if isinstance(value, float) else f"{key:<{width}}  {value}")
    return 0


def _profiles() -> dict[str, float]:
    from .profile_eval import evaluate_profiles

    out = {}
    for split in ("bundled", "dev", "unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7", "unseen8", "unseen9", "unseen10", "unseen11", "unseen12", "unseen13", "unseen14"):
        out.update(evaluate_profiles(split))
    return out


def _grounding() -> dict[str, float]:
    from .grounding_eval import evaluate_guard

    return evaluate_guard()


def _drafting() -> dict[str, float]:
    from .draft_eval import evaluate_drafting

    return evaluate_drafting()


def _eligibility() -> dict[str, float]:
    from .eligibility_eval import evaluate_eligibility

    return evaluate_eligibility()


def _checker() -> dict[str, float]:
    from .check_eval import evaluate_checker

    return evaluate_checker()


if __name__ == "__main__":
    sys.exit(main())
