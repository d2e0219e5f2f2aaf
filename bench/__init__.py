"""Benchmark: ingest, re-ingest, retrieval latency and memory, each against the baseline.

Run with `make bench` (= `.venv/bin/python -m bench`); results go to `out/bench.json`.
"""
