"""How drafter writes the user's files (drafter/files.py): new files follow the umask, a replaced
file keeps its mode, symlinks/devices/folders are refused, no input is ever written over, the
name is taken atomically, and a failing run leaves every file byte for byte and mode for mode."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from drafter import files
from drafter.errors import DrafterError
from tests.conftest import EXAMPLES, SEEDS
from tests.support import hostile

POSIX = os.name == "posix"


@pytest.fixture
def umask():
    def set_(value: int) -> None:
        os.umask(value)

    old = os.umask(0o022)
    yield set_
    os.umask(old)


@pytest.mark.skipif(not POSIX, reason="modes and umask are POSIX")
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_new_file_follows_umask(tmp_path, cli, umask, mask, mode):
    umask(mask)
    out = tmp_path / "r.docx"
    assert cli("draft", EXAMPLES[0], "-o", out).code == 0
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert not list(tmp_path.glob(".r.docx.*"))  # no temporary file left


@pytest.mark.skipif(not POSIX, reason="modes are POSIX")
def test_replaced_file_keeps_mode(tmp_path, cli):
    out = tmp_path / "r.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    assert cli("draft", EXAMPLES[0], "-o", out, "--force").code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert out.read_text(encoding="utf-8") != "old"


def test_symlink_target_refused(tmp_path, cli):
    victim = tmp_path / "victim.md"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "r.md"
    try:
        link.symlink_to(victim)
    except OSError:
        pytest.skip("cannot make symlinks here")
    before = hostile.snapshot(tmp_path)
    result = cli("draft", EXAMPLES[0], "-o", link, "--force")
    assert result.code == 2 and "符号链接" in result.err
    assert hostile.snapshot(tmp_path) == before


@pytest.mark.parametrize("device", ["/dev/full", "/dev/null"])
def test_device_target_refused(tmp_path, cli, device):
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    before = os.stat(device)
    result = cli("draft", EXAMPLES[0], "-o", device, "--force", "--format", "md")
    assert result.code == 2 and "不是普通文件" in result.err
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@pytest.mark.parametrize(
    "verb",
    [
        ["draft", EXAMPLES[0], "-o", "{folder}", "--force", "--format", "md"],
        ["learn", SEEDS[0], "-o", "{folder}"],
        ["learn", SEEDS[0], "-o", "{folder}", "--force"],
        ["check", SEEDS[0], "--summary", "{folder}", "--force"],
        ["extract", SEEDS[0], "-o", "{folder}", "--force"],
    ],
    ids=["draft", "learn", "learn-force", "check-summary", "extract"],
)
def test_folder_target_refused(tmp_path, cli, verb):
    folder = tmp_path / "out.csv"
    folder.mkdir()
    (folder / "inside.txt").write_text("x", encoding="utf-8")
    before = hostile.snapshot(tmp_path)
    result = cli(*[str(a).replace("{folder}", str(folder)) for a in verb])
    assert result.code == 2 and "文件夹" in result.err and "Traceback" not in result.err
    assert hostile.snapshot(tmp_path) == before


def _inputs(tmp_path: Path) -> dict[str, Path]:
    report = tmp_path / "2025.txt"
    report.write_bytes(SEEDS[0].read_bytes())
    docx_report = tmp_path / "2025.docx"
    docx_report.write_bytes(hostile.valid_docx())
    facts = tmp_path / "facts.yaml"
    facts.write_bytes(EXAMPLES[0].read_bytes())
    os.link(facts, tmp_path / "facts-link.md")  # the same file under another name
    return {"report": report, "docx": docx_report, "facts": facts}


@pytest.mark.parametrize(
    "verb",
    [
        ["extract", "{report}", "-o", "{report}", "--force"],
        ["new", "--from", "{report}", "-o", "{report}", "--force"],
        ["check", "{docx}", "--annotate", "{docx}", "--force"],
        ["check", "{report}", "--summary", "{report}", "--force"],
        ["learn", "{report}", "-o", "{report}", "--force"],
        ["draft", "{facts}", "-o", "{tmp}/facts-link.md", "--force"],
        ["draft", "{facts}", "-o", "{tmp}/./facts.yaml", "--force", "--format", "md"],
    ],
    ids=["extract", "new-from", "annotate", "summary", "learn", "draft-hardlink", "draft-self"],
)
def test_never_write_over_an_input(tmp_path, cli, verb):
    paths = {k: str(v) for k, v in _inputs(tmp_path).items()}
    args = [str(a).format(tmp=tmp_path, **paths) for a in verb]
    before = hostile.snapshot(tmp_path)
    result = cli(*args)
    assert result.code == 2, result.err
    assert "输入文件本身" in result.err or "事实文件本身" in result.err
    assert hostile.snapshot(tmp_path) == before


def test_name_taken_between_check_and_write(tmp_path, monkeypatch):
    """Without --force, a file that appears after the first look is not replaced."""
    out = tmp_path / "r.txt"
    real = files._write_temporary

    def racing(path, data):
        tmp = real(path, data)
        path.write_text("written by someone else", encoding="utf-8")
        return tmp

    monkeypatch.setattr(files, "_write_temporary", racing)
    with pytest.raises(DrafterError, match="已存在"):
        files.write_atomic(out, b"ours")
    assert out.read_text(encoding="utf-8") == "written by someone else"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_input_longer_than_stat_said_is_read_whole_up_to_the_cap(tmp_path, monkeypatch):
    """read_input asks for the size stat gave: a file that grew since (or a /proc file, which
    says 0) is read on, and still refused past the cap."""
    path = tmp_path / "r.txt"
    path.write_bytes(b"x" * 5000)
    real_stat = os.stat

    def stale(target, *args, **kwargs):
        info = real_stat(target, *args, **kwargs)
        return os.stat_result((*info[:6], 10, *info[7:10]))  # st_size is field 6

    monkeypatch.setattr(os, "stat", stale)
    assert files.read_input(path, 6000) == b"x" * 5000
    with pytest.raises(DrafterError, match="过大"):
        files.read_input(path, 4000)


def test_without_hard_links(tmp_path, monkeypatch):
    def no_link(*_):
        raise OSError(errno.EPERM, "no hard links")

    monkeypatch.setattr(os, "link", no_link)
    out = tmp_path / "r.txt"
    files.write_atomic(out, b"ours")
    assert out.read_bytes() == b"ours"
    with pytest.raises(DrafterError, match="已存在"):
        files.write_atomic(out, b"again")
    assert out.read_bytes() == b"ours" and [p.name for p in tmp_path.iterdir()] == ["r.txt"]


@pytest.mark.parametrize(
    "verb",
    [
        ["draft", "{broken}", "-o", "{out}", "--force"],
        ["draft", "{facts}", "-o", "{out}"],
        ["learn", "{report}", "-o", "{out}"],
        ["check", "{report}", "--summary", "{out}"],
        ["check", "{bad_docx}", "--annotate", "{out_docx}", "--force"],
    ],
    ids=["broken-facts", "exists", "learn-not-ours", "summary-exists", "annotate-broken"],
)
def test_failing_run_changes_nothing(tmp_path, cli, verb):
    paths = {k: str(v) for k, v in _inputs(tmp_path).items()}
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta:\n  year: [\n", encoding="utf-8")
    out = tmp_path / "existing.md"
    out.write_text("precious", encoding="utf-8")
    out_docx = tmp_path / "existing.docx"
    out_docx.write_bytes(b"precious docx")
    bad_docx = tmp_path / "minimal.docx"  # readable, but python-docx cannot open it
    bad_docx.write_bytes(hostile.minimal_docx(content_types=False))
    if POSIX:
        out.chmod(0o604)
    args = [
        str(a).format(broken=broken, out=out, out_docx=out_docx, bad_docx=bad_docx, **paths)
        for a in verb
    ]
    before = hostile.snapshot(tmp_path)
    result = cli(*args)
    assert result.code == 2 and "Traceback" not in result.err, result.err
    assert hostile.snapshot(tmp_path) == before


def test_annotate_without_content_types_says_why(tmp_path, cli):
    source = tmp_path / "minimal.docx"
    source.write_bytes(hostile.minimal_docx(content_types=False))
    result = cli("check", source, "--annotate", tmp_path / "a.docx")
    assert result.code == 2 and "无法在这份文档中写入批注" in result.err
    assert str(source) in result.err and not (tmp_path / "a.docx").exists()
