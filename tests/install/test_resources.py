"""Where the data folder is found: inside the package (wheel), else the checkout's templates/
(editable install), else a clear error instead of a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter import resources
from drafter.errors import DrafterError
from tests.conftest import ROOT


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(resources, "templates_dir", resources.templates_dir.__wrapped__)
    return monkeypatch


def fake_package(monkeypatch, folder: Path) -> None:
    monkeypatch.setattr(resources.resources, "files", lambda _name: folder)


def test_checkout_is_used_by_the_editable_install():
    assert resources.templates_dir() == ROOT / "templates"


def test_packaged_copy_comes_first(fresh, tmp_path):
    (tmp_path / resources.PACKAGED).mkdir()
    fake_package(fresh, tmp_path)
    assert resources.templates_dir() == tmp_path / resources.PACKAGED


def test_missing_data_is_a_clear_error(fresh, tmp_path):
    fake_package(fresh, tmp_path)
    fresh.setattr(resources, "CHECKOUT", tmp_path / "templates")
    with pytest.raises(DrafterError, match="安装不完整"):
        resources.templates_dir()
