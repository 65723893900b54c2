"""The cache of parsed data files and compiled templates: same results, re-done when a file
changes, and never in the way (off, or a folder that cannot be written)."""

from __future__ import annotations

import datetime as dt
import os
import pickle

import pytest

from drafter import cache


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    def use(value: str) -> None:
        monkeypatch.setenv("DRAFTER_CACHE", value)
        cache.cache_dir.cache_clear()

    yield use
    cache.cache_dir.cache_clear()


def counting_parser(calls: list[str]):
    def parse(text: str):
        calls.append(text)
        return {"text": text, "items": [1, 2.5, None, True]}

    return parse


def test_parsed_data_is_kept_until_the_file_changes(tmp_path, cache_in):
    cache_in(str(tmp_path / "cache"))
    source = tmp_path / "data.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    calls: list[str] = []
    first = cache.parsed(source, counting_parser(calls))
    again = cache.parsed(source, counting_parser(calls))
    assert first == again == {"text": "a: 1\n", "items": [1, 2.5, None, True]}
    assert len(calls) == 1  # the second came from the cache
    source.write_text("a: 22\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))  # a different size and time: parsed again
    assert cache.parsed(source, counting_parser(calls))["text"] == "a: 22\n"
    assert len(calls) == 2


def test_data_json_cannot_hold_is_parsed_every_time(tmp_path, cache_in):
    cache_in(str(tmp_path / "cache"))
    source = tmp_path / "dated.yaml"
    source.write_text("x", encoding="utf-8")
    calls = []

    def parse(text):
        calls.append(text)
        return {"date": dt.date(2027, 1, 15), 2024: "int key"}

    assert cache.parsed(source, parse) == cache.parsed(source, parse)
    assert len(calls) == 2


@pytest.mark.parametrize("setting", ["off", "unwritable"])
def test_no_usable_cache_changes_nothing(tmp_path, cache_in, setting):
    if setting == "off":
        cache_in("off")
    else:
        blocker = tmp_path / "file"
        blocker.write_text("not a folder", encoding="utf-8")
        cache_in(str(blocker / "cache"))  # cannot be created under a file
    source = tmp_path / "data.yaml"
    source.write_text("a", encoding="utf-8")
    calls: list[str] = []
    assert cache.parsed(source, counting_parser(calls))["text"] == "a"
    assert cache.parsed(source, counting_parser(calls))["text"] == "a"
    assert len(calls) == 2
    assert cache.template_cache() is None


def test_compiled_templates_are_kept(tmp_path, cache_in):
    cache_in(str(tmp_path / "cache"))
    from drafter.render.environment import _environment

    _environment.cache_clear()
    try:
        folder = tmp_path / "mine"
        folder.mkdir()
        (folder / "x.txt.j2").write_text("@text | {{ n | count('人次') }}\n", encoding="utf-8")
        first = _environment((str(folder),)).get_template("x.txt.j2").render(n=60000)
        kept = list(tmp_path.glob("cache/templates-*/*"))
        assert kept  # the compiled template is in the cache
        _environment.cache_clear()  # a new process, as far as Jinja knows
        assert _environment((str(folder),)).get_template("x.txt.j2").render(n=60000) == first
        assert "6万人次" in first
    finally:
        _environment.cache_clear()


def test_validated_models_come_back_without_validation(tmp_path, cache_in):
    from drafter.models.style import Style
    from drafter.resources import templates_dir

    cache_in(str(tmp_path / "cache"))
    profile = tmp_path / "style.yaml"
    profile.write_bytes((templates_dir() / "styles" / "gbt9704.yaml").read_bytes())
    calls: list[str] = []

    def parse(text: str):
        calls.append(text)
        from ruamel.yaml import YAML

        return YAML(typ="safe").load(text)

    first = cache.validated(profile, Style, parse)
    again = cache.validated(profile, Style, parse)
    assert again == first and again is not first and len(calls) == 1
    (stored,) = (tmp_path / "cache").glob("models-*/*.pickle")
    stored.write_bytes(b"not a pickle")  # damaged: validated again and stored again, no error
    assert cache.validated(profile, Style, parse) == first
    assert pickle.loads(stored.read_bytes()) == first
    text = profile.read_text(encoding="utf-8").replace("lines_per_page: 22", "lines_per_page: 21")
    profile.write_text(text, encoding="utf-8")
    os.utime(profile, ns=(1, 1))
    assert cache.validated(profile, Style, parse).grid.lines_per_page == 21


def test_a_warm_run_imports_no_pydantic(tmp_path):
    """The point of the pickles: a run that finds the data models in the cache does not even
    import pydantic, the validator (models/data.py)."""
    import subprocess
    import sys

    probe = (
        "from drafter.models.catalogue import catalogue, taxonomy\n"
        "from drafter.formats.style_file import load_style\n"
        "catalogue(); taxonomy(); load_style('gbt9704')\n"
        "import sys; print('pydantic' in sys.modules)\n"
    )
    env = {**os.environ, "DRAFTER_CACHE": str(tmp_path / "cache")}
    run = [sys.executable, "-c", probe]
    cold = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    warm = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    assert cold.strip() == "True"  # validated from the YAML
    assert warm.strip() == "False"


def test_folders_of_other_versions_go_after_a_week(tmp_path, cache_in):
    cache_in(str(tmp_path / "cache"))
    base = tmp_path / "cache"
    old, recent = base / "data-0123456789ab", base / "data-ba9876543210"
    users = base / "data-2024年报告"  # DRAFTER_CACHE may name a folder that holds other things
    for folder in (old, recent, users):
        folder.mkdir(parents=True)
        (folder / "x.json").write_text("{}", encoding="utf-8")
    os.utime(old, (1, 1))
    os.utime(users, (1, 1))
    assert cache.folder("data").is_dir()
    assert not old.exists() and recent.exists()
    assert (users / "x.json").exists()


def test_a_folder_in_use_is_not_taken_for_stale(tmp_path, cache_in):
    cache_in(str(tmp_path / "cache"))
    mine = cache.folder("data")
    os.utime(mine, (1, 1))
    assert cache.folder("data") == mine and mine.stat().st_mtime > 1
