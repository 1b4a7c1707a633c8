"""The onedir build: PyInstaller builds it, and the built program passes selftest from another
working directory. Slow (a minute or two); set GLIMMER_SKIP_BUILD=1 to skip locally."""
import os
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
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    out = subprocess.run([str(exe), "selftest", "--data-dir", str(tmp_path / "data")], cwd=elsewhere, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "selftest passed" in out.stdout
    # it never wrote inside the bundle
    assert not (dist / "Glimmer" / "saves").exists()
    print(f"onedir size: {size_mb:.1f} MB")
