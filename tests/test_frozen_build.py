"""The onedir build: PyInstaller builds it, and the built program plays all seven levels
(selftest --all-levels) from another working directory, with a read-only install folder and,
where the machine allows a network namespace, with no network at all. Slow (a few minutes); set
GLIMMER_SKIP_BUILD=1 to skip locally."""
import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("GLIMMER_SKIP_BUILD") == "1", reason="GLIMMER_SKIP_BUILD=1")
def test_onedir_build_passes_selftest(tmp_path):
    pytest.importorskip("PyInstaller")
    dist, work = tmp_path / "dist", tmp_path / "work"
    build = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(dist),
                            "--workpath", str(work), str(ROOT / "build.spec")],
                           cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    exe = dist / "Glimmer" / ("Glimmer.exe" if os.name == "nt" else "Glimmer")
    assert exe.exists()
    assert (dist / "Glimmer" / "deployment.toml").exists()
    size_mb = sum(f.stat().st_size for f in (dist / "Glimmer").rglob("*") if f.is_file()) / 1e6
    assert size_mb <= 80, f"the onedir build is {size_mb:.1f} MB (target 80 MB)"
    install = dist / "Glimmer"

    def fingerprint() -> dict[str, str]:
        return {p.relative_to(install).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(install.rglob("*")) if p.is_file()}

    before = fingerprint()
    for p in [install, *install.rglob("*")]:  # read-only install folder (as on a school PC)
        if not p.is_symlink():
            p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    cmd = [str(exe), "selftest", "--all-levels", "--data-dir", str(tmp_path / "data")]
    no_net = shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
    if no_net:
        cmd = ["unshare", "-n", *cmd]   # a network namespace with no interfaces: no network at all
    out = subprocess.run(cmd, cwd=elsewhere, env=env, capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "selftest passed: 7 level(s)" in out.stdout
    # it never wrote inside the install folder
    assert fingerprint() == before
    assert not (install / "saves").exists()
    print(f"onedir size: {size_mb:.1f} MB; no network: {bool(no_net)}")
