"""Privacy: no outbound connection in the default mode; uploads stay in their session folder and can be deleted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filemakers import make_docx

ROOT = Path(__file__).resolve().parent.parent
SECRET_DRAFT = "草稿保密标记QX7731"
SECRET_MATERIAL = "材料保密标记ZK5519"

# Installed before anything else in the child: every connect or name lookup that is not
# loopback or a Unix socket is recorded (with where it came from) and refused.
GUARD = r'''
import ipaddress, json, os, socket, traceback

_RECORD = os.environ["GUARD_RECORD"]
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


def _local_host(host):
    host = (host.decode() if isinstance(host, bytes) else str(host or "")).strip("[]").split("%")[0]
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _refuse(what, target):
    with open(_RECORD, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"what": what, "target": repr(target),
                                 "where": traceback.format_stack()[-6:-2]}) + "\n")
    raise OSError(f"test guard: outbound {what} to {target!r} refused")


_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex
_getaddrinfo, _gethostbyname, _gethostbyname_ex = socket.getaddrinfo, socket.gethostbyname, socket.gethostbyname_ex


def connect(self, address):
    if isinstance(address, tuple) and not _local_host(address[0]):
        _refuse("connect", address)
    return _connect(self, address)


def connect_ex(self, address):
    if isinstance(address, tuple) and not _local_host(address[0]):
        _refuse("connect_ex", address)
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    if not _local_host(host):
        _refuse("getaddrinfo", host)
    return _getaddrinfo(host, *args, **kwargs)


def gethostbyname(host):
    if not _local_host(host):
        _refuse("gethostbyname", host)
    return _gethostbyname(host)


def gethostbyname_ex(host):
    if not _local_host(host):
        _refuse("gethostbyname_ex", host)
    return _gethostbyname_ex(host)


socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
socket.getaddrinfo, socket.gethostbyname, socket.gethostbyname_ex = getaddrinfo, gethostbyname, gethostbyname_ex
'''

# The child runs the everyday commands in the default mode (real embedder, offline model), then one
# deliberate outbound attempt: the record must hold exactly that one, proving the guard can fail the test.
SESSION = r'''
import contextlib, hashlib, io, json, socket, sys
from pathlib import Path

from rag.cli import main

out = {}


def run(name, *argv):
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(list(argv))
    out[name] = {"code": code, "stdout": buffer.getvalue()}


def index_state():
    from rag.index import Layout, VectorStore, open_current
    from rag.embed import FakeEmbedder
    from rag.settings import Settings

    settings = Settings.from_env()
    generation = open_current(settings)
    digest = hashlib.sha256()
    for path in sorted(generation.path.rglob("*")):
        if path.is_file() and "chroma" not in path.parts:
            digest.update(path.name.encode() + path.read_bytes())
    count = VectorStore(settings, generation.name, generation.path, FakeEmbedder()).collection.count()
    return {"current": Layout(settings).current(), "files": digest.hexdigest(), "vectors": count}


inputs = Path(sys.argv[1])
run("ingest", "ingest", "--json")
before = index_state()
run("ask", "ask", "上海的试点最多可以几家单位联合申报？", "--json")
run("eligibility", "eligibility", "--text", "我们是一家注册在苏州的民营企业，想申报上海的试点", "--json", "--as-of", "2025-10-20")
run("draft", "draft", "--jurisdiction", "shanghai", "--section", "申报单位基本情况", "--facts", str(inputs / "materials.docx"), "--json")
run("check", "check", str(inputs / "draft.docx"), "--jurisdiction", "shanghai", "--json", "--as-of", "2025-10-20")
run("ask_secret", "ask", SECRET_QUERY, "--json")
out["index_before"], out["index_after"] = before, index_state()
try:
    socket.create_connection(("203.0.113.7", 443), timeout=1)  # TEST-NET-3: the control attempt
except OSError:
    pass
print(json.dumps(out, ensure_ascii=False))
'''


def _clean_env(tmp: Path) -> dict[str, str]:
    """The environment a user would have: none of the telemetry/offline switches the Makefile or conftest set."""
    drop = ("RAG_", "ANONYMIZED_TELEMETRY", "HF_", "TRANSFORMERS_", "STREAMLIT_", "CHROMA_", "POSTHOG", "DO_NOT_TRACK")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    for name in ("home", "tmp", "cwd", "guard"):
        (tmp / name).mkdir()
    env.update({"HOME": str(tmp / "home"), "TMPDIR": str(tmp / "tmp"), "RAG_DATA_DIR": str(tmp / "data"),
                "PYTHONPATH": os.pathsep.join([str(tmp / "guard"), str(ROOT)]), "GUARD_RECORD": str(tmp / "blocked.jsonl")})
    return env


def _files_containing(root: Path, needle: str) -> list[Path]:
    data = needle.encode("utf-8")
    return [p for p in root.rglob("*") if p.is_file() and not p.is_symlink() and data in p.read_bytes()]


@pytest.mark.slow
def test_default_mode_makes_no_outbound_connection_and_keeps_uploads_private(corpus_index, tmp_path: Path):
    env = _clean_env(tmp_path)
    # the real embedder still loads and runs in every step; only vectors computed before are reused
    (tmp_path / "data").mkdir()
    shutil.copy(corpus_index[0].data_dir / "embeddings.sqlite", tmp_path / "data" / "embeddings.sqlite")
    (tmp_path / "guard" / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    inputs = tmp_path / "inputs"
    make_docx(inputs / "materials.docx", [("heading1", "单位简介"),
                                          ("para", f"上海示例数据有限公司成立于2016年，注册资本5000万元。{SECRET_MATERIAL}")])
    make_docx(inputs / "draft.docx", [("heading1", "一、申报单位基本情况"), ("para", f"本单位注册在上海市。{SECRET_DRAFT}"),
                                      ("heading1", "二、建设内容"), ("para", "打造价值共创模式。")])
    script = SESSION.replace("SECRET_QUERY", repr(SECRET_DRAFT + SECRET_MATERIAL))
    done = subprocess.run([sys.executable, "-c", script, str(inputs)], env=env, cwd=tmp_path / "cwd",
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])

    blocked = [json.loads(line) for line in (tmp_path / "blocked.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [b["target"] for b in blocked] == ["'203.0.113.7'"], json.dumps(blocked, ensure_ascii=False, indent=1)
    for step in ("ingest", "ask", "eligibility", "draft", "check", "ask_secret"):
        assert out[step]["code"] == 0, (step, done.stderr[-2000:])

    # uploads never reach the shared policy index: same generation, same files, same vector count
    assert out["index_after"] == out["index_before"]
    secret_answer = json.loads(out["ask_secret"]["stdout"])
    assert SECRET_DRAFT not in json.dumps(secret_answer, ensure_ascii=False)
    assert SECRET_MATERIAL not in json.dumps(secret_answer, ensure_ascii=False)

    # what the product wrote of them is only under data_dir/sessions/<id>/
    data = tmp_path / "data"
    for place in ("home", "tmp", "cwd"):
        assert not _files_containing(tmp_path / place, SECRET_MATERIAL) and not _files_containing(tmp_path / place, SECRET_DRAFT)
    assert not _files_containing(data, SECRET_DRAFT)  # a checked draft is read, never stored
    holders = _files_containing(data, SECRET_MATERIAL)
    assert holders and all(p.relative_to(data).parts[0] == "sessions" for p in holders)

    # and deleting the session removes them
    from rag.sessions import list_sessions
    from rag.settings import Settings

    settings = Settings.from_env(environ={}, data_dir=data)
    sessions = list_sessions(settings)
    assert sessions
    for session_id in sessions:
        forget = subprocess.run([sys.executable, "-m", "rag", "forget", session_id, "--json"], env=env,
                                cwd=tmp_path / "cwd", capture_output=True, text=True, timeout=120)
        assert forget.returncode == 0 and json.loads(forget.stdout)["deleted"] is True, forget.stderr
    assert list_sessions(settings) == [] and not _files_containing(data, SECRET_MATERIAL)


def test_streamlit_usage_statistics_are_off_without_any_environment_variable(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
    env["HOME"] = str(tmp_path)  # no user-level config either: only the project's own
    done = subprocess.run([str(Path(sys.executable).parent / "streamlit"), "config", "show"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = [line.strip() for line in done.stdout.splitlines()]
    assert "gatherUsageStats = false" in lines


def test_chroma_clients_are_built_with_telemetry_off(tmp_path: Path):
    from rag.embed import FakeEmbedder
    from rag.index import VectorStore
    from rag.settings import Settings

    settings = Settings.from_env(environ={}, data_dir=tmp_path)
    store = VectorStore(settings, "g1", tmp_path, FakeEmbedder())
    assert store.client.get_settings().anonymized_telemetry is False


def test_sessions_are_deleted_only_inside_the_data_dir(tmp_path: Path):
    from rag.errors import InputError
    from rag.materials import MaterialStore
    from rag.sessions import delete_session, list_sessions, session_dir
    from rag.settings import Settings
    from rag.uploads import save_upload

    settings = Settings.from_env(environ={}, data_dir=tmp_path / "data", embedding="fake")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    for bad in ("..", "../outside", "a/b", "", "x" * 65, "名字"):
        with pytest.raises(InputError):
            delete_session(settings, bad)
    note = tmp_path / "note.txt"
    note.write_text("我们公司成立于2016年，主营数据服务。", encoding="utf-8")
    MaterialStore(settings, "s1").add(note)
    save_upload(settings, "s1", "草稿.docx", b"PK\x03\x04draft")
    assert list_sessions(settings) == ["s1"] and session_dir(settings, "s1").is_dir()
    assert delete_session(settings, "s1") is True
    assert not session_dir(settings, "s1").exists() and delete_session(settings, "s1") is False
    assert outside.read_text(encoding="utf-8") == "keep me"
