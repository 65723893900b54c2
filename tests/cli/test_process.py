"""The command's process: start-up without the cyclic collector, steady state with it, and an
end that keeps everything written (process.py)."""

from __future__ import annotations

import gc
import json

from drafter import process
from tests.conftest import EXAMPLES, ROOT, drafter_process


def test_steady_turns_collection_on_after_a_quiet_start():
    try:
        process.starting()
        assert not gc.isenabled()
        process.steady()
        assert gc.isenabled() and gc.get_freeze_count() > 0
        process.steady()  # twice is harmless
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_steady_is_a_no_op_when_the_collector_was_never_off():
    before = gc.get_freeze_count()
    process.steady()
    assert gc.isenabled() and gc.get_freeze_count() == before


def test_the_command_process_writes_everything_before_it_ends(tmp_path):
    """The process ends with os._exit: the report, the messages and a long stdout are complete."""
    out = tmp_path / "r.md"
    draft = drafter_process("draft", EXAMPLES[0], "-o", out)
    assert draft.returncode == 0 and "已生成" in draft.stderr
    assert out.read_text(encoding="utf-8").rstrip().endswith("日")  # the date line, in full
    check = drafter_process("check", ROOT / "seeds", "--format", "json")
    assert check.returncode in (0, 1)
    assert len(json.loads(check.stdout)["reports"]) == len(list((ROOT / "seeds").glob("*.txt")))
