"""Shared helpers. Tests that need a system tool fail (not skip) when CI=true."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FONTS_CONF = ROOT / "tests" / "support" / "fonts.conf"
# a report issued jointly by the Party committee and the government (「中共…委 …人民政府」)
JOINT_META = {
    "issuer": "中共乐平市委 乐平市人民政府",
    "issuer_short": "乐平市",
    "kind": "joint",
    "year": 2024,
}


def drafter_process(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """`python -m drafter ARGS` as a whole process (what cli.run adds to cli.main included),
    from the project folder, its output as text."""
    return subprocess.run(
        [sys.executable, "-m", "drafter", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is required in CI (installed by .ci/run)")
    pytest.skip(f"{name} not installed")


def soffice_convert(source: Path, fmt: str, profile: Path) -> Path:
    """`soffice --convert-to FMT` beside the source, with the test fonts and a private profile.
    One start converts to one format (the last --convert-to given wins)."""
    soffice = require_tool("soffice")
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(source.parent)}
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", fmt, "--outdir", str(source.parent), str(source)],
        check=True, capture_output=True, timeout=180, env=env,
    )  # fmt: skip
    converted = source.with_suffix(f".{fmt}")
    assert converted.is_file(), f"LibreOffice wrote no .{fmt}"
    return converted


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys):
    """Run `drafter ARGS` in-process: exit code, stdout, stderr."""
    from drafter.cli import main

    def run(*args: str | Path) -> CliResult:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
