"""Verify the sixth unseen set: the same checks as evaluators/unseen/check_unseen.py
(verbatim gold quotes, titles in text, value types, length, byte-identical rebuild of
the DOCX), run against this folder and build_unseen6.py.

Quotes are compared with all whitespace removed on both sides (the profile evaluator
compares the same way), so the DOCX date written with stray spaces and the HTML's line
breaks do not matter; the text length is still measured with whitespace collapsed.

Run from the repository root:  python evaluators/unseen6/check_unseen6.py
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    checker = _load("check_unseen", HERE.parent / "unseen" / "check_unseen.py")
    build = _load("build_unseen6", HERE / "build_unseen6.py")
    checker.HERE = HERE
    base_check_profile = checker.check_profile
    base_norm = checker.norm

    def check_profile(path: Path, text: str, errors: list[str]) -> dict:
        checker.norm = lambda s: re.sub(r"\s+", "", s)
        try:
            return base_check_profile(path, re.sub(r"\s+", "", text), errors)
        finally:
            checker.norm = base_norm

    def check_rebuild(errors: list[str]) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = build.build_docx(Path(tmp) / build.DOCX_NAME).read_bytes()
            committed = (HERE / build.DOCX_NAME).read_bytes() if (HERE / build.DOCX_NAME).exists() else b""
            if fresh != committed:
                errors.append(f"{build.DOCX_NAME}: differs from a fresh build_unseen6.py run — rebuild and commit")

    checker.check_profile = check_profile
    checker.check_rebuild = check_rebuild
    return checker.main()


if __name__ == "__main__":
    sys.exit(main())
