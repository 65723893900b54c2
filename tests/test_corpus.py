"""Which files a folder check reads (drafter/corpus.py): reports in nested folders in a stable
order, no page furniture folders or temporary files, each file once however it was reached."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.corpus import expand


def touch(path: Path, text: str = "报告") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_reports_in_nested_folders_in_order(tmp_path):
    b = touch(tmp_path / "b.docx")
    a = touch(tmp_path / "县" / "a.txt")
    c = touch(tmp_path / "县" / "乡" / "c.md")
    touch(tmp_path / "notes.xlsx")  # not a report
    touch(tmp_path / "~$b.docx")  # Word's lock file
    touch(tmp_path / ".hidden.txt")
    touch(tmp_path / "page_files" / "frame.htm")  # a saved web page's furniture
    assert expand([tmp_path]) == sorted([a, b, c])


def test_a_file_reached_twice_is_read_once(tmp_path):
    a = touch(tmp_path / "a.txt")
    b = touch(tmp_path / "b.txt")
    try:
        (tmp_path / "link.txt").symlink_to(a)
        (tmp_path / "more").symlink_to(tmp_path, target_is_directory=True)
    except OSError:
        pytest.skip("cannot make symlinks here")
    assert expand([tmp_path]) == [a, b]  # the link to a file is a; the folder link not followed
    again = expand([a, tmp_path, Path(tmp_path, ".", "b.txt")])
    assert again == [a, b]


def test_a_folder_that_cannot_be_listed_is_told(tmp_path, monkeypatch):
    a = touch(tmp_path / "a.txt")
    touch(tmp_path / "closed" / "b.txt")
    real = os.scandir

    def scandir(path):
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    told: list[str] = []
    assert expand([tmp_path], told.append) == [a]
    assert len(told) == 1 and "closed" in told[0] and "跳过无法读取的文件夹" in told[0]
