"""No nickname, OS user, host name, path or IP in any event or export; no network use at all."""
import getpass
import hashlib
import json
import os
import platform
import socket
import zipfile

import pytest
from nacl.public import PrivateKey

from game.research.export import open_bundle
from game.research.merge import merge
from game.research.simulate import simulate

SK = PrivateKey(hashlib.sha256(b"privacy-test").digest())
NICK = "NickMarkerQ7"
USER = "UserMarkerZ3"
HOST = "HostMarkerK9"
PATHM = "PathMarkerW2"


def _all_text(folder):
    out = []
    for p in folder.rglob("*"):
        if p.is_file():
            out.append((p, p.read_bytes()))
    return out


@pytest.fixture
def markers(monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: USER)
    monkeypatch.setattr(socket, "gethostname", lambda: HOST)
    monkeypatch.setattr(platform, "node", lambda: HOST)
    for var in ("USER", "USERNAME", "LOGNAME"):
        monkeypatch.setenv(var, USER)
    monkeypatch.setenv("COMPUTERNAME", HOST)
    monkeypatch.setenv("HOSTNAME", HOST)


def test_no_personal_markers_in_events_bundles_or_merged_outputs(markers, tmp_path):
    base = tmp_path / PATHM
    res = simulate(base / "bundles", players=6, seed=3, public_key=bytes(SK.public_key), per_school=6,
                   nickname_prefix=NICK, keep_data=base / "data")
    # the nickname really is on this computer (in the save), so the test can fail
    saves = b"".join(b for p, b in _all_text(base / "data" / "school-01" / "profiles") if p.name == "save.json")
    assert NICK.encode() in saves
    merged = merge([base / "bundles"], None, base / "merged", private_key=SK, progress=False)
    assert merged.report["events"]["written"] > 0
    blobs = []
    # the local event log (what could ever be exported)
    blobs += [(p, b) for p, b in _all_text(base / "data") if "logs" in p.parts or p.name == "deletions.json"]
    # bundles, their plain manifests and their decrypted contents
    for b in res.bundles:
        blobs.append((b, b.read_bytes()))
        with zipfile.ZipFile(b) as z:
            blobs.append((b, z.read("manifest.json")))
        ob = open_bundle(b, SK)
        blobs.append((b, b"\n".join(ob.lines)))
        blobs.append((b, json.dumps([ob.withdrawals, ob.progress]).encode()))
    blobs += _all_text(base / "merged")
    assert len(blobs) > 10
    for path, data in blobs:
        for m in (NICK, USER, HOST, PATHM, str(tmp_path), os.path.expanduser("~") + os.sep):
            assert m.encode() not in data, f"{m} found in {path}"
        # no IPv4 addresses
        import re
        assert not re.search(rb"\b(?:\d{1,3}\.){3}\d{1,3}\b", data.replace(b"0.1.0", b"")), path


def test_no_network_during_simulate_export_merge(monkeypatch, tmp_path):
    calls = []

    def refuse(*a, **k):
        calls.append(a)
        raise AssertionError("network use attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    from game.research.cli import main as cli

    keys = tmp_path / "keys"
    assert cli(["research", "keygen", "--out", str(keys)]) == 0
    assert cli(["simulate", "--players", "4", "--seed", "1", "--out", str(tmp_path / "b"),
                "--public-key", str(keys / "study-public.key")]) == 0
    assert cli(["research", "merge", str(tmp_path / "b"), "--key", str(keys / "study-private.key"),
                "--out", str(tmp_path / "m"), "--no-progress"]) == 0
    assert cli(["codes", "--study", "AB", "--count", "3", "--out", str(tmp_path / "c.html")]) == 0
    assert calls == []


def test_research_modules_import_no_network_or_pygame():
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "game"
    files = list((root / "research").glob("*.py")) + [root / "deployment.py"]
    for f in files:
        tree = ast.parse(f.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for n in names:
                assert n.split(".")[0] not in ("socket", "urllib", "http", "requests", "pygame", "ssl"), (f.name, n)
