"""Verify the second unseen set: the same checks as evaluators/unseen/check_unseen.py
(verbatim gold quotes, titles in text, value types, length, byte-identical rebuild),
run against this folder and build_unseen2.py.

Run from the repository root:  python evaluators/unseen2/check_unseen2.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    checker = _load("check_unseen", HERE.parent / "unseen" / "check_unseen.py")
    checker.HERE = HERE
    build = _load("build_unseen2", HERE / "build_unseen2.py")
    # check_unseen's rebuild check loads build_unseen.py from HERE; point it at ours
    original = checker.importlib.util.spec_from_file_location

    def spec_for(name, location, *a, **k):  # type: ignore[no-untyped-def]
        if Path(location).name == "build_unseen.py":
            location = HERE / "build_unseen2.py"
        return original(name, location, *a, **k)

    checker.importlib.util.spec_from_file_location = spec_for
    try:
        return checker.main()
    finally:
        checker.importlib.util.spec_from_file_location = original
        del build


if __name__ == "__main__":
    sys.exit(main())
