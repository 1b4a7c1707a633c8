"""Pack a built program into the archive counsellors download, with its SHA-256 sum.

    python tools/package.py [DIST_DIR]      # default: dist/

Windows: Glimmer-<version>-windows-x64.zip (the Glimmer folder); macOS: Glimmer-<version>-macos-<arch>.zip
(Glimmer.app, with deployment.toml beside it); Linux: Glimmer-<version>-linux-x86_64.tar.gz. Entries
are sorted and dated SOURCE_DATE_EPOCH (when set), so the same build packs to the same bytes.
SHA256SUMS.txt beside the archive lists "<sum>  <file name>" (check with `sha256sum -c`, or
`Get-FileHash` on Windows).
"""
from __future__ import annotations

import hashlib
import os
import platform
import stat
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _epoch() -> int:
    try:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    except (KeyError, ValueError):
        return int(time.time())


def _files(base: Path, top: Path) -> list[Path]:
    return sorted([top, *top.rglob("*")], key=lambda p: p.relative_to(base).as_posix())


def platform_tag() -> str:
    machine = platform.machine().lower() or "unknown"
    if sys.platform == "win32":
        return "windows-x64" if machine in ("amd64", "x86_64") else f"windows-{machine}"
    if sys.platform == "darwin":
        return f"macos-{'arm64' if machine == 'arm64' else 'x86_64'}"
    return f"linux-{machine}"


def pack(dist: Path) -> Path:
    from game.version import APP_VERSION

    name = f"Glimmer-{APP_VERSION}-{platform_tag()}"
    tops = [dist / "Glimmer.app", dist / "Glimmer" / "deployment.toml"] if (dist / "Glimmer.app").exists() \
        else [dist / "Glimmer"]
    missing = [t for t in tops if not t.exists()]
    if missing:
        raise SystemExit(f"nothing to pack: {missing[0]} is missing (build first: pyinstaller build.spec)")
    epoch = _epoch()
    if sys.platform.startswith("linux"):
        out = dist / f"{name}.tar.gz"

        def norm(ti: tarfile.TarInfo) -> tarfile.TarInfo:
            ti.mtime, ti.uid, ti.gid, ti.uname, ti.gname = epoch, 0, 0, "", ""
            return ti

        with tarfile.open(out, "w:gz", format=tarfile.PAX_FORMAT) as tar:
            for top in tops:
                for p in _files(dist, top):
                    tar.add(p, arcname=p.relative_to(dist).as_posix(), recursive=False, filter=norm)
    else:
        out = dist / f"{name}.zip"
        stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for top in tops:
                for p in _files(dist, top):
                    arc = p.relative_to(dist).as_posix()
                    if top.name == "deployment.toml":
                        arc = "deployment.toml"  # beside Glimmer.app
                    if p.is_symlink() or p.is_dir():
                        if p.is_dir() and not p.is_symlink():
                            zi = zipfile.ZipInfo(arc + "/", stamp)
                            zi.external_attr = (stat.S_IFDIR | 0o755) << 16
                            zf.writestr(zi, b"")
                        else:  # macOS frameworks use symlinks: keep them as links
                            zi = zipfile.ZipInfo(arc, stamp)
                            zi.external_attr = (stat.S_IFLNK | 0o777) << 16
                            zf.writestr(zi, os.readlink(p))
                        continue
                    zi = zipfile.ZipInfo(arc, stamp)
                    zi.external_attr = (stat.S_IMODE(p.stat().st_mode) | stat.S_IFREG) << 16
                    zi.compress_type = zipfile.ZIP_DEFLATED
                    zf.writestr(zi, p.read_bytes())
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    (dist / "SHA256SUMS.txt").open("a", encoding="utf-8").write(f"{digest}  {out.name}\n")
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB)\nsha256 {digest}")
    return out


if __name__ == "__main__":
    pack(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist")
