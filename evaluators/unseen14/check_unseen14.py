"""Verify the fourteenth held-out set with the shared checks in evaluators/heldout_check.py.

Run from the repository root:  python evaluators/unseen14/check_unseen14.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    # loaded by path so the script runs from anywhere without installing the package
    spec = importlib.util.spec_from_file_location("heldout_check", HERE.parent / "heldout_check.py")
    checks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checks)
    return checks.check_set(HERE, "build_unseen14", max_chars=3500, pdf_pages=5)


if __name__ == "__main__":
    sys.exit(main())
