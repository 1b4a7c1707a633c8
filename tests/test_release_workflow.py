"""The release workflow (.github/workflows/release.yml) can only run on GitHub; this checks what
can be checked here: it is valid YAML with the jobs, runners and steps issue 9 asks for, each
``run`` names files that exist, and no runner is one GitHub has retired (a job on a retired
label never starts: the release would hang)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
RETIRED = {"macos-11", "macos-12", "macos-13", "ubuntu-18.04", "ubuntu-20.04", "windows-2016", "windows-2019"}


def load() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))       # YAML 1.1 reads the key `on` as True
    return data


def build_steps(wf: dict) -> str:
    return "\n".join(str(s.get("run", "")) for s in wf["jobs"]["build"]["steps"])


def test_builds_on_a_tag_for_windows_macos_both_chips_and_linux():
    wf = load()
    assert wf["on"]["push"]["tags"] == ["v*"]
    oses = [m["os"] for m in wf["jobs"]["build"]["strategy"]["matrix"]["include"]]
    assert any(o.startswith("windows") for o in oses)
    assert any(o.startswith("ubuntu") for o in oses)
    assert "macos-14" in oses or "macos-15" in oses             # Apple silicon
    assert any(o.endswith("-intel") for o in oses)              # Intel Macs
    runners = set(oses) | {j["runs-on"] for j in wf["jobs"].values() if "matrix" not in str(j["runs-on"])}
    assert not runners & RETIRED, f"retired runner labels: {runners & RETIRED}"


def test_reproducible_hash_pinned_build_then_frozen_selftest_of_every_level_then_sums():
    wf = load()
    job = wf["jobs"]["build"]
    assert job["env"]["PYTHONHASHSEED"] == "0"
    runs = build_steps(wf)
    assert "SOURCE_DATE_EPOCH" in runs
    assert "--require-hashes" in runs and "requirements/build.lock.txt" in runs
    assert "PyInstaller" in runs and "build.spec" in runs
    order = [runs.index(s) for s in ("build.spec", "selftest --all-levels", "tools/package.py")]
    assert order == sorted(order)                                # build, play it frozen, then pack
    assert "--lang nl" in runs
    publish = "\n".join(str(s.get("run", "")) for s in wf["jobs"]["publish"]["steps"])
    assert "sha256sum" in publish and "SHA256SUMS.txt" in publish and "gh release create" in publish
    assert wf["jobs"]["publish"]["needs"] == "build"


def test_every_file_the_workflow_runs_exists_and_actions_are_pinned_to_a_version():
    wf = load()
    runs = build_steps(wf)
    for path in re.findall(r"(?:python |-r )([\w./-]+\.(?:py|txt|spec))", runs) + ["build.spec"]:
        assert (ROOT / path).is_file(), path
    for job in wf["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]
