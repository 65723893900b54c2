"""One build per session: sdist and wheel (`python -m build`, the wheel made from the sdist),
a host-platform offline bundle made from that wheel, and a fresh venv outside the repository
installed from the bundle with the network switched off."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

WORK_NAME = "县 报告 2026"  # Chinese characters and a space in every path the commands see


@dataclass
class Dists:
    sdist: Path
    wheel: Path


@dataclass
class Installed:
    venv: Path
    bin: Path
    work: Path  # an empty folder outside the repository to run commands in

    def run(self, *args: str | Path, env: dict[str, str] | None = None, check=True):
        return run([self.bin / "drafter", *map(str, args)], cwd=self.work, env=env, check=check)

    def python(self, code: str):
        return run([self.bin / "python", "-c", code], cwd=self.work)


def clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without anything that would make the venv see the repository."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return {**env, "PYTHONUTF8": "0", **extra}


def run(cmd, cwd: Path, env=None, check=True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=env or clean_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    if check and result.returncode != 0:
        pytest.fail(f"{cmd} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def venv_bin(venv: Path) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin")


def offline(cmd: list) -> list:
    """`cmd` with the network switched off: a new network namespace (root + unshare), which CI
    must have; elsewhere `--no-index` alone keeps pip away from any index."""
    unshare = shutil.which("unshare")
    usable = unshare and hasattr(os, "geteuid") and os.geteuid() == 0
    if usable:
        return [unshare, "-n", *cmd]
    if os.environ.get("CI") == "true":
        pytest.fail("`unshare -n` as root is required in CI (the offline install test)")
    return cmd


@pytest.fixture(scope="session")
def dists(tmp_path_factory) -> Dists:
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", out, ROOT], cwd=out)
    (sdist,) = out.glob("drafter-*.tar.gz")
    (wheel,) = out.glob("drafter-*.whl")
    return Dists(sdist, wheel)


@pytest.fixture(scope="session")
def bundle(dists, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundle") / "离线 安装包"
    tool = ROOT / "tools" / "bundle.py"
    run([sys.executable, tool, "--host-only", "--wheel", dists.wheel, "--out", out], cwd=out.parent)
    return out


@pytest.fixture(scope="session")
def installed(bundle, tmp_path_factory) -> Installed:
    base = tmp_path_factory.mktemp("installed")
    venv = base / "venv 环境"
    run([sys.executable, "-m", "venv", venv], cwd=base)
    pip = [venv_bin(venv) / "python", "-m", "pip", "install", "--no-index"]
    run(offline([*pip, "--find-links", bundle / "wheels", "drafter"]), cwd=bundle)
    work = base / WORK_NAME
    work.mkdir()
    return Installed(venv, venv_bin(venv), work)


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())
