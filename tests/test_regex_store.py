"""Compiled patterns kept between runs (drafter/regex_store.py): a restored pattern is the very
program `re.compile` makes, a store that is missing, damaged or another interpreter's is ignored,
and a command's second run starts with its patterns already made."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys

import pytest

from drafter import cache, regex_store
from drafter.models.reading_rules import noise_rules, reading_rules
from tests.conftest import ROOT, SEEDS

PATTERNS = [
    (r"(?P<year>\d{4})年(?:度)?", 0),
    (r"^\s*[一二三四五六七八九十]+、(?=\S)", re.M),
    (r"(?<![A-Za-z])abc\b", re.I),
    (r"[\u3000 ]+|…{2,}", 0),
    (r"(a)(b)?(?(2)c|d)", re.S | re.X),
]


@pytest.mark.parametrize(("text", "flags"), PATTERNS)
def test_a_restored_pattern_is_the_compiled_one(text, flags):
    fresh = re.compile(text, flags)
    restored = regex_store.build(regex_store.program(text, flags))
    # Pattern equality compares the flags, the text and the engine's program itself
    assert restored == fresh and restored is not fresh
    assert restored.groupindex == fresh.groupindex and restored.groups == fresh.groups


def test_the_knowledge_datas_patterns_restore_to_the_same_programs():
    rules = reading_rules()
    texts = [p.regex for p in noise_rules().patterns] + [t.regex for t in rules.titles]
    assert len(texts) > 5
    for text in texts:
        assert regex_store.build(regex_store.program(text, 0)) == re.compile(text)


PROBE = """
import re, sys
from drafter import process
process.starting()
print(len(re._cache))
from drafter.cli import main
code = main(["check", "--no-progress", sys.argv[1]])
process.end(code)
"""


def run(env: dict[str, str]) -> int:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(SEEDS[0])],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "DRAFTER_CACHE"}, **env},
    )
    assert done.returncode == 1, done.stderr  # seed 0 lacks a statutory content
    return int(done.stdout.splitlines()[0])  # patterns already made when the command starts


def store_in(folder) -> list:
    return sorted(folder.glob("regex-*/programs.pickle"))


def test_a_second_run_starts_with_its_patterns_made(tmp_path):
    env = {"DRAFTER_CACHE": str(tmp_path)}
    first = run(env)
    (stored,) = store_in(tmp_path)
    assert run(env) > first + 100
    # a run that compiles only what the store has leaves it as it is
    before = stored.stat().st_mtime_ns
    run(env)
    assert stored.stat().st_mtime_ns == before


def test_a_damaged_or_foreign_store_is_ignored_and_made_again(tmp_path):
    env = {"DRAFTER_CACHE": str(tmp_path)}
    first = run(env)
    (stored,) = store_in(tmp_path)
    stored.write_bytes(b"\x80\x05garbage")
    assert run(env) < first + 10  # nothing restored, the check still right
    assert pickle.loads(stored.read_bytes())[0][0] == sys.version  # and stored anew
    stamp, programs, derived = pickle.loads(stored.read_bytes())
    stored.write_bytes(pickle.dumps((("another python",) + stamp[1:], programs, derived)))
    assert run(env) < first + 10


def test_no_store_when_the_cache_is_off(tmp_path):
    env = {"DRAFTER_CACHE": "off", "XDG_CACHE_HOME": str(tmp_path)}  # where it would be
    first = run(env)
    assert run(env) < first + 10
    assert not store_in(tmp_path / "drafter")
    assert store_in(tmp_path / "drafter") == [] and run({"XDG_CACHE_HOME": str(tmp_path)})
    assert store_in(tmp_path / "drafter")


def test_restore_without_a_store_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_CACHE", str(tmp_path))
    cache.cache_dir.cache_clear()
    try:
        before = dict(re._cache)
        regex_store.restore()
        assert dict(re._cache) == before
    finally:
        cache.cache_dir.cache_clear()


def test_the_prefilters_analysis_is_kept_with_the_programs(tmp_path):
    """What prefilter.py works out from a pattern is stored by the first run and is what the
    analysis itself says (a second run reads it instead of parsing the patterns again)."""
    from drafter.reading import prefilter

    env = {"DRAFTER_CACHE": str(tmp_path)}
    run(env)
    (stored,) = store_in(tmp_path)
    _, _, derived = pickle.loads(stored.read_bytes())
    needs = derived["drafter.reading.prefilter.needs"]
    assert len(needs) > 10
    for (regex, flags), kept in needs.items():
        assert kept == prefilter.needs.__wrapped__(regex, flags)
    local = derived["drafter.reading.prefilter.local"]
    assert all(kept == prefilter.local.__wrapped__(*key) for key, kept in local.items())


def test_a_second_run_reads_the_analysis_from_the_store(tmp_path):
    """With the store in place, a new process knows each pattern's analysis without parsing
    it (the parser here fails on anything: the answers can only come from the store)."""
    env = {"DRAFTER_CACHE": str(tmp_path)}
    run(env)
    probe = (
        "from drafter import process\n"
        "process.starting()\n"
        "from drafter.reading import prefilter\n"
        "prefilter._parsed = None  # calling it would fail\n"
        "from drafter.reading.parser import noise_patterns\n"
        "print(sum(bool(prefilter.needs(p.pattern, p.flags & ~32)) for _, p in noise_patterns()))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 3  # bounds known for the noise patterns, from the store


def test_a_remembered_function_works_each_pattern_out_once():
    calls = []

    @regex_store.remembered
    def width(regex: str, flags: int) -> int:
        calls.append(regex)
        return len(regex) + flags

    assert width("ab+", 2) == 5 and width("ab+", flags=2) == 5 and width("ab+") == 3
    assert calls == ["ab+", "ab+"]  # once per (text, flags)
