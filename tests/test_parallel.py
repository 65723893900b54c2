"""Work shared between this process and helpers (drafter/parallel.py): every result in input
order whichever process made it, forked or spawned, and a helper that dies loses only its chunk."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from drafter import parallel


def square(n: int) -> tuple[int, int]:
    time.sleep(0.003)  # long enough that a forked helper, once started, finds chunks left
    return n * n, os.getpid()


def slow_square(n: int) -> tuple[int, int]:
    time.sleep(0.01)  # a spawned helper starts a fresh interpreter first
    return n * n, os.getpid()


DONE_HERE: list[int] = []


def counted(n: int) -> tuple[int, int]:
    DONE_HERE.append(n)
    time.sleep(0.002)
    return n * n, os.getpid()


def claim_and_die(chunks, work, counter, send) -> None:
    """A helper that dies right after taking a chunk, before it can say which."""
    parallel._claim(counter, len(chunks))
    os._exit(3)


def lost(n: int) -> tuple[None, int]:
    return None, 0


def dies_in_a_helper(n: int) -> tuple[int, int]:
    """A crash in a helper on its first task (as a library's segfault would end it); this
    process is slow, so the helper surely takes a chunk."""
    if multiprocessing.parent_process() is not None:
        os._exit(3)
    time.sleep(0.01)
    return n * n, os.getpid()


@pytest.mark.parametrize("method", ["fork", "spawn"])
@pytest.mark.parametrize("helpers", [1, 3])
def test_results_in_order_from_every_process(method, helpers):
    tasks = list(range(200))
    context = multiprocessing.get_context(method)
    work = square if method == "fork" else slow_square
    results = list(parallel.ordered(tasks, work, helpers, lost, context=context))
    assert [value for value, _ in results] == [n * n for n in tasks]
    makers = {pid for _, pid in results}
    assert os.getpid() in makers  # this process works too
    assert len(makers) >= 2  # and so do the helpers
    assert not multiprocessing.active_children()  # every helper has ended


def test_a_helper_that_dies_loses_only_its_chunk():
    tasks = list(range(40))
    context = multiprocessing.get_context("fork")
    results = list(parallel.ordered(tasks, dies_in_a_helper, 1, lost, context=context))
    values = [value for value, _ in results]
    gone = [n for n in tasks if values[n] is None]
    first = gone[0]  # one whole chunk, the one the helper was on; all else checked here
    assert first % parallel.CHUNK == 0 and gone == list(range(first, first + parallel.CHUNK))
    assert all(values[n] == n * n for n in tasks if n not in gone)
    assert not multiprocessing.active_children()


def test_stopping_early_ends_the_helpers():
    context = multiprocessing.get_context("fork")
    results = parallel.ordered(list(range(400)), square, 2, lost, context=context)
    assert next(results)[0] == 0
    results.close()
    assert not multiprocessing.active_children()


def test_fewer_tasks_than_a_chunk_each():
    context = multiprocessing.get_context("fork")
    results = list(parallel.ordered([1, 2, 3], square, 3, lost, context=context))
    assert [value for value, _ in results] == [1, 4, 9]


def test_a_chunk_taken_by_a_helper_that_died_unheard_is_checked_here_once(monkeypatch):
    monkeypatch.setattr(parallel, "_help", claim_and_die)
    DONE_HERE.clear()
    tasks = list(range(60))
    context = multiprocessing.get_context("fork")
    results = list(parallel.ordered(tasks, counted, 1, lost, context=context))
    assert [value for value, _ in results] == [n * n for n in tasks]
    assert sorted(DONE_HERE) == tasks  # every task once: none lost, none checked twice
