"""Bad input: exit 2 with a message naming the file; the existing index is intact."""

import json
from pathlib import Path

import pytest
from filemakers import (
    make_corrupt_pdf,
    make_docx_not_zip,
    make_empty_file,
    make_encrypted_pdf,
    make_gbk_text,
    make_image_only_pdf,
    make_non_utf8_text,
    make_oversize_file,
)

from rag.cli import main
from rag.index import Layout, open_current


@pytest.fixture()
def indexed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RAG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RAG_EMBEDDING", "fake")
    assert main(["ingest", "--json"]) == 0
    return tmp_path


BAD_FILES = {
    "corrupt.pdf": make_corrupt_pdf,
    "encrypted.pdf": make_encrypted_pdf,
    "scan.pdf": make_image_only_pdf,
    "empty.txt": make_empty_file,
    "binary.txt": make_non_utf8_text,
    "fake.docx": make_docx_not_zip,
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_exits_2_and_keeps_index(indexed: Path, name: str, capsys: pytest.CaptureFixture[str]):
    from rag.settings import Settings

    settings = Settings.from_env()
    before = Layout(settings).current()
    docs_before = [m.doc_id for m, _ in open_current(settings).documents()]
    capsys.readouterr()
    path = BAD_FILES[name](indexed / name)
    assert main(["ingest", str(path), "--json"]) == 2
    err = capsys.readouterr().err.strip()
    assert name in err and "/" in err and len(err.splitlines()) == 1
    assert Layout(settings).current() == before
    assert [m.doc_id for m, _ in open_current(settings).documents()] == docs_before


def test_oversize_file_is_refused(indexed: Path, capsys: pytest.CaptureFixture[str]):
    path = make_oversize_file(indexed / "huge.pdf", 21)
    assert main(["ingest", str(path)]) == 2
    assert "huge.pdf" in capsys.readouterr().err


def test_missing_file_and_unknown_jurisdiction(indexed: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["ingest", str(indexed / "nope.pdf")]) == 2
    assert "nope.pdf" in capsys.readouterr().err
    assert main(["ask", "截止时间", "--jurisdiction", "火星", "--json"]) == 2
    assert "火星" in capsys.readouterr().err


def test_gbk_text_is_accepted(indexed: Path, capsys: pytest.CaptureFixture[str]):
    path = make_gbk_text(indexed / "gbk通知.txt")
    assert main(["ingest", str(path), "--jurisdiction", "gbkcity", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["added"] == 1 and report["documents"] == 5
