"""Gold sets and metrics: `python -m evaluators` prints the metric table."""
