"""Bad files: mutated PDF, DOCX and text bytes end in a document or the project's own error, quickly; bombs are refused."""

from __future__ import annotations

import concurrent.futures
import io
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from filemakers import make_docx, make_many_pages_pdf, make_pdf, make_zip_bomb_docx
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from rag.errors import IngestError, RagError
from rag.loaders import load_file
from rag.records import SourceText
from rag.settings import Settings

SETTINGS = Settings.from_env(environ={})
PER_EXAMPLE_SECONDS = 10.0  # far above a normal parse (tens of ms): only a hang reaches it
FUZZ = hsettings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

NOTICE = ("关于开展可信数据空间创新发展试点工作的通知\n一、申报条件\n（一）申报单位须在上海市注册，具有独立法人资格。\n"
          "二、申报时间\n申报截止时间为2025年11月30日。联合申报单位最多不超过5家。\n")


def _seeds(folder: Path) -> dict[str, bytes]:
    pdf = make_pdf(folder / "seed.pdf", [NOTICE, "附件1\n申报书\n一、申报单位基本情况（不超过1000字）"]).read_bytes()
    docx = make_docx(folder / "seed.docx", [
        ("title", "可信数据空间试点申报书"), ("heading1", "一、申报单位基本情况"), ("para", NOTICE),
        ("table", [["单位名称", "上海示例数据有限公司"], ["统一社会信用代码", "91310115MA1H7G3K2J"]]),
        ("heading1", "二、建设内容"), ("para", "打造价值共创模式。"),
    ]).read_bytes()
    return {"pdf": pdf, "docx": docx, "txt": NOTICE.encode("utf-8"), "md": ("# 申报书\n\n" + NOTICE).encode("gb18030"),
            "html": f"<html><body><h1>通知</h1><p>{NOTICE}</p><script>alert(1)</script></body></html>".encode()}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return _seeds(tmp_path_factory.mktemp("seeds"))


_POS = st.integers(min_value=0, max_value=2**31)
MUTATION = st.one_of(
    st.tuples(st.just("flip"), _POS, st.integers(1, 255)),
    st.tuples(st.just("truncate"), _POS),
    st.tuples(st.just("insert"), _POS, st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("delete"), _POS, st.integers(1, 512)),
    st.tuples(st.just("duplicate"), _POS, st.integers(1, 2048)),
)


def mutate(data: bytes, mutations: list[tuple]) -> bytes:
    """Apply byte-level mutations at positions taken modulo the current length."""
    out = bytearray(data)
    for kind, pos, *rest in mutations:
        at = pos % max(len(out), 1)
        if kind == "flip" and out:
            out[at] ^= rest[0]
        elif kind == "truncate":
            del out[at:]
        elif kind == "insert":
            out[at:at] = rest[0]
        elif kind == "delete":
            del out[at : at + rest[0]]
        elif kind == "duplicate":
            out[at:at] = out[at : at + rest[0]]
    return bytes(out)


def mutate_inside_zip(data: bytes, member: str, mutations: list[tuple]) -> bytes:
    """Mutate one member of a zip and repack it, so the XML parsers (not the CRC check) meet the damage."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            dst.writestr(info.filename, mutate(body, mutations) if info.filename == member else body)
    return out.getvalue()


def run_bounded(fn, *args):  # type: ignore[no-untyped-def]
    """fn(*args) in a worker thread; ("hang", None) if it runs past PER_EXAMPLE_SECONDS."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    future = pool.submit(fn, *args)
    try:
        return "done", future.result(timeout=PER_EXAMPLE_SECONDS)
    except concurrent.futures.TimeoutError:
        return "hang", None
    except RagError as exc:
        return "refused", exc
    finally:
        pool.shutdown(wait=False)


def assert_parsed_or_refused(path: Path, data: bytes, fn) -> None:  # type: ignore[no-untyped-def]
    path.write_bytes(data)
    outcome, value = run_bounded(fn, path, SETTINGS)  # any other exception propagates and fails the test
    assert outcome != "hang", f"{path.name}: no answer within {PER_EXAMPLE_SECONDS}s"
    if outcome == "refused":
        assert path.name in str(value) or "草稿" in str(value), value  # the message names the file
    elif fn is load_file:
        assert isinstance(value, SourceText) and value.text.strip()


@pytest.mark.parametrize("kind", ["pdf", "docx", "txt", "md", "html"])
def test_mutated_files_load_or_raise_ingest_error(kind: str, seeds: dict[str, bytes], tmp_path: Path):
    @FUZZ
    @given(mutations=st.lists(MUTATION, min_size=1, max_size=4))
    def check(mutations: list[tuple]) -> None:
        assert_parsed_or_refused(tmp_path / f"fuzz.{kind}", mutate(seeds[kind], mutations), load_file)

    check()


def test_mutated_docx_xml_loads_or_raises_ingest_error(seeds: dict[str, bytes], tmp_path: Path):
    @FUZZ
    @given(member=st.sampled_from(["word/document.xml", "word/styles.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"]),
           mutations=st.lists(MUTATION, min_size=1, max_size=3))
    def check(member: str, mutations: list[tuple]) -> None:
        data = mutate_inside_zip(seeds["docx"], member, mutations)
        assert_parsed_or_refused(tmp_path / "fuzz.docx", data, load_file)

    check()


def test_mutated_drafts_parse_or_raise_the_projects_error(seeds: dict[str, bytes], tmp_path: Path):
    draft_parse = pytest.importorskip("rag.draft_parse")

    @FUZZ
    @given(kind=st.sampled_from(["pdf", "docx", "md", "txt"]), inner=st.booleans(),
           mutations=st.lists(MUTATION, min_size=1, max_size=3))
    def check(kind: str, inner: bool, mutations: list[tuple]) -> None:
        seed = seeds[kind]
        data = mutate_inside_zip(seed, "word/document.xml", mutations) if kind == "docx" and inner else mutate(seed, mutations)
        assert_parsed_or_refused(tmp_path / f"draft.{kind}", data, draft_parse.parse_draft_file)

    check()


def test_pasted_draft_text_parses_or_raises_the_projects_error():
    draft_parse = pytest.importorskip("rag.draft_parse")
    alphabet = st.sampled_from(list("一二三四五六七八九十（）()、.：:；。，|#-*\t\n 申报单位基本情况表12345字数不超过签章") + ["\r", "\x00", "\u3000"])

    @hsettings(max_examples=300, deadline=None, derandomize=True, database=None)
    @given(text=st.one_of(st.text(alphabet, max_size=400), st.text(max_size=200)))
    def check(text: str) -> None:
        try:
            draft = draft_parse.parse_draft_text(text, "pasted")
        except RagError:
            return
        assert draft.lines and draft.sections  # a parsed draft has structure to check

    check()


# ---- bombs and huge page counts: refused by their limits, fast ------------------------------------


def _lying_zip(members: dict[str, bytes], bomb: str, bomb_mb: int) -> bytes:
    """A zip whose `bomb` member inflates to bomb_mb MiB while its headers declare 2 KiB."""
    out = io.BytesIO()
    central = []
    for name, body in {**members, bomb: b""}.items():
        if name == bomb:
            comp, crc = zlib.compressobj(9, zlib.DEFLATED, -15), 0
            parts = []
            block = b"<w:p/>" * (1 << 17)
            for _ in range(bomb_mb * (1 << 20) // len(block)):
                parts.append(comp.compress(block))
                crc = zlib.crc32(block, crc)
            data, size = b"".join(parts) + comp.flush(), 2048
        else:
            comp = zlib.compressobj(9, zlib.DEFLATED, -15)
            data, crc, size = comp.compress(body) + comp.flush(), zlib.crc32(body), len(body)
        raw = name.encode()
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(raw), 0) + raw + data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                                   len(raw), 0, 0, 0, 0, 0, offset) + raw)
    start = out.tell()
    out.write(b"".join(central))
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def _timed_refusal(path: Path) -> tuple[str, float]:
    started = time.perf_counter()
    with pytest.raises(IngestError) as caught:
        load_file(path, SETTINGS)
    return str(caught.value), time.perf_counter() - started


def test_docx_zip_bomb_is_refused_by_declared_size_in_well_under_a_second(tmp_path: Path):
    path = make_zip_bomb_docx(tmp_path / "bomb.docx", unpacked_mb=320)
    assert path.stat().st_size < 2 * 1024 * 1024
    message, seconds = _timed_refusal(path)
    assert "bomb.docx" in message and "解压后过大" in message
    assert seconds < 5.0  # generous for a loaded machine; inflating the bomb takes far longer


def test_docx_that_lies_about_its_size_is_refused_without_inflating(tmp_path: Path, seeds: dict[str, bytes]):
    with zipfile.ZipFile(io.BytesIO(seeds["docx"])) as real:
        members = {i.filename: real.read(i.filename) for i in real.infolist() if i.filename != "word/document.xml"}
    path = tmp_path / "liar.docx"
    path.write_bytes(_lying_zip(members, "word/document.xml", bomb_mb=256))
    with zipfile.ZipFile(path) as archive:  # the headers really do claim a small file
        assert sum(i.file_size for i in archive.infolist()) < SETTINGS.max_unzipped_mb * 1024 * 1024
    message, seconds = _timed_refusal(path)
    assert "liar.docx" in message
    assert seconds < 10.0  # zipfile stops at the declared size and the CRC check fails


def _page_tree_pdf(kids: int, declared: int, content: bytes = b"", flate: bool = False) -> bytes:
    """A small PDF whose page tree lists the same page `kids` times and declares /Count `declared`."""
    content = content or b"BT /F1 12 Tf 72 720 Td (Trusted data space pilot notice text) Tj ET"
    flags = b" /Filter /FlateDecode" if flate else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join([b"3 0 R"] * kids) + b"] /Count %d >>" % declared,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(content), flags) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_pdf_over_the_page_limit_is_refused_fast(tmp_path: Path):
    path = make_many_pages_pdf(tmp_path / "long.pdf", SETTINGS.max_pdf_pages + 100)
    message, seconds = _timed_refusal(path)
    assert "页数过多" in message and f"> {SETTINGS.max_pdf_pages}" in message and seconds < 20.0


@pytest.mark.parametrize("kids,declared,bound", [
    (90_000, 90_000, 5.0),  # honest count: refused from the declared /Count without walking the tree
    (90_000, 1, 60.0),  # lying count: the tree walk is bounded by pypdf's own limits
    (250_000, 250_000, 5.0),
    (250_000, 1, 60.0),  # beyond pypdf's array limit: its LimitReachedError becomes our IngestError
])
def test_pdf_with_a_huge_page_tree_is_refused_within_its_limits(tmp_path: Path, kids: int, declared: int, bound: float):
    path = tmp_path / "tree.pdf"
    path.write_bytes(_page_tree_pdf(kids, declared))
    assert path.stat().st_size < SETTINGS.max_file_mb * 1024 * 1024
    message, seconds = _timed_refusal(path)
    assert "tree.pdf" in message and seconds < bound, (message, seconds)


def test_pdf_flate_bomb_is_refused(tmp_path: Path):
    comp = zlib.compressobj(1)  # fastest level: making the bomb should not cost more than refusing it
    spaces = b" " * (1 << 20)
    stream = comp.compress(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n") + b"".join(
        comp.compress(spaces) for _ in range(512)) + comp.flush()
    path = tmp_path / "flate.pdf"
    path.write_bytes(_page_tree_pdf(1, 1, stream, flate=True))  # 512 MiB of content in a few MB
    message, seconds = _timed_refusal(path)
    assert "flate.pdf" in message and seconds < 20.0
