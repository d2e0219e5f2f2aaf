"""Verify the third unseen set: the same checks as evaluators/unseen/check_unseen.py
(verbatim gold quotes, titles in text, value types, length, byte-identical rebuild),
run against this folder and build_unseen3.py. HTML is read as its visible text
(tags dropped, block elements and table cells on their own lines, entities decoded);
Markdown is read as written.

Run from the repository root:  python evaluators/unseen3/check_unseen3.py
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "li", "tr", "td", "th", "br", "table", "ol", "ul", "title"}


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag in ("script", "style", "head"):
            self.skip += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag in ("script", "style", "head"):
            self.skip -= 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if not self.skip:
            self.parts.append(data)


def main() -> int:
    checker = _load("check_unseen", HERE.parent / "unseen" / "check_unseen.py")
    build = _load("build_unseen3", HERE / "build_unseen3.py")
    checker.HERE = HERE
    base_extract = checker.extract

    def extract(path: Path) -> str:
        if path.suffix.lower() in (".html", ".htm"):
            parser = _Text()
            parser.feed(path.read_text(encoding="utf-8"))
            return "".join(parser.parts)
        return base_extract(path)

    def check_rebuild(errors: list[str]) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = build.build_docx(Path(tmp) / build.DOCX_NAME).read_bytes()
            committed = (HERE / build.DOCX_NAME).read_bytes() if (HERE / build.DOCX_NAME).exists() else b""
            if fresh != committed:
                errors.append(f"{build.DOCX_NAME}: differs from a fresh build_unseen3.py run — rebuild and commit")

    checker.extract = extract
    checker.check_rebuild = check_rebuild
    return checker.main()


if __name__ == "__main__":
    sys.exit(main())
