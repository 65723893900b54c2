"""The package as a user gets it: built into an sdist and a wheel, installed offline from the
bundle into a fresh venv outside the repository, every command run from a folder whose name has
Chinese characters and a space."""

from __future__ import annotations

import json
import shutil
import tarfile

from tests.conftest import ROOT, SEEDS
from tests.install.conftest import wheel_names

DATA_FILES = sorted(
    p.relative_to(ROOT).as_posix()
    for folder in ("templates", "examples")
    for p in (ROOT / folder).rglob("*")
    if p.is_file() and "__pycache__" not in p.parts
)
IN_PACKAGE = {"templates": "drafter/_templates", "examples": "drafter/_examples"}
TUI_START = """
import asyncio
from pathlib import Path
from drafter.tui.app import DrafterApp

async def main():
    app = DrafterApp(Path("事实 文件.yaml"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.query_one("#forms").current == "form-" + app.specs[0].id
        await pilot.press("ctrl+q")
    print("sections", len(app.specs), "problems", len(app.doc.problems))

asyncio.run(main())
"""


def packaged_name(repo_path: str) -> str:
    folder, rest = repo_path.split("/", 1)
    return f"{IN_PACKAGE[folder]}/{rest}"


def test_wheel_carries_every_data_file(dists):
    names = wheel_names(dists.wheel)
    missing = [p for p in DATA_FILES if packaged_name(p) not in names]
    assert DATA_FILES and not missing
    assert "drafter/tui/app.tcss" in names


def test_sdist_carries_the_data_folders(dists):
    with tarfile.open(dists.sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert not [p for p in DATA_FILES if p not in names]
    assert {"setup.py", "MANIFEST.in", "drafter/tui/app.tcss"} <= names


def test_bundle_has_instructions_and_every_wheel(bundle):
    lines = (bundle / "安装说明.txt").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2
    assert "pip install --no-index --find-links wheels drafter" in lines[1]
    names = {p.name.split("-")[0].lower() for p in (bundle / "wheels").glob("*.whl")}
    assert {"drafter", "pydantic", "pydantic_core", "textual", "lxml", "ruamel_yaml"} <= names


def test_installed_copy_is_used_not_the_repository(installed):
    where = installed.python("import drafter.resources as r; print(r.templates_dir())").stdout
    assert "_templates" in where and str(ROOT) not in where


def test_commands_run_outside_the_repository(installed):
    work = installed.work
    example = installed.python(
        "from importlib.resources import files;"
        "print(files('drafter') / '_examples' / 'county-2026.yaml')"
    ).stdout.strip()
    shutil.copy(example, work / "事实 文件.yaml")

    installed.run("draft", "事实 文件.yaml", "-o", "报告 初稿.docx")
    assert (work / "报告 初稿.docx").stat().st_size > 5000

    checked = installed.run("check", "报告 初稿.docx", "--format", "json", check=False)
    assert checked.returncode == 0, checked.stderr
    report = json.loads(checked.stdout)["reports"][0]
    assert report["year"] == 2026 and report["statutory"]["measures"] == "section"

    outline = installed.run("outline", "报告 初稿.docx").stdout
    assert "示例县人民政府" in outline

    installed.run("extract", "报告 初稿.docx", "-o", "明年 事实.yaml")
    assert "year: 2027" in (work / "明年 事实.yaml").read_text(encoding="utf-8")

    for seed in SEEDS:
        shutil.copy(seed, work / f"样本 {seed.name}")
    installed.run(
        "learn", *[f"样本 {s.name}" for s in SEEDS], "-o", "结构 模型.yaml", "--no-progress"
    )
    assert "sections:" in (work / "结构 模型.yaml").read_text(encoding="utf-8")

    own = work / "我的 模板"
    own.mkdir()
    (own / "opening.txt.j2").write_text(
        "@text source=opening | 自定义的开头段。\n", encoding="utf-8"
    )
    installed.run("draft", "事实 文件.yaml", "-o", "自定义.md", "--templates", own.name)
    assert "自定义的开头段。" in (work / "自定义.md").read_text(encoding="utf-8")

    installed.run("new", "--year", "2026", "--issuer", "示例县人民政府", "-o", "新 事实.yaml")
    assert (work / "facts.schema.json").is_file()

    schema = json.loads(installed.run("schema").stdout)
    committed = json.loads((ROOT / "examples" / "facts.schema.json").read_text(encoding="utf-8"))
    assert schema == committed

    started = installed.python(TUI_START).stdout
    assert started.startswith("sections ") and started.rstrip().endswith("problems 0")
