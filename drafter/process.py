"""The life of a `drafter` command's process (cli.run; tests call cli.main and skip all this).

Start-up (imports, building the facts model, loading data) allocates a few hundred thousand
objects that live until the process ends; the cyclic garbage collector walking them again and
again costs ~20 ms of CPU, close to a tenth of a whole `drafter draft`. So a command starts with
the collector off. A one-shot command (draft, extract, one report's check) never turns it on; a
command that goes on working (a folder's check, learning, the form) calls `steady` once it is
set up: what exists by then is frozen out of every later collection (and, for the helpers that
check a folder, out of the pages they would otherwise copy from the parent), and collection
resumes for what the work allocates. The process ends without tearing the interpreter down:
freeing every module's objects one by one costs ~60 ms, and the system takes the memory back
at once anyway. Patterns compiled in an earlier run are restored at the start and stored at
the end (regex_store)."""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn

from drafter import regex_store


def starting() -> None:
    gc.disable()
    regex_store.restore()


def steady() -> None:
    """Start-up is over: collect cyclic garbage from here on (no-op unless `starting` ran)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def end(code: int) -> NoReturn:
    """Every file drafter writes is closed by now (files.write_atomic, the cache); only the
    standard streams may hold text."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    regex_store.save()  # after the output: a run that stores patterns keeps nobody waiting
    os._exit(code)
