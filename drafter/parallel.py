"""Work on every core, results in input order: the main process and helper processes take
chunks of the tasks in turn from a shared counter, so a slow file holds up one chunk, not a
fixed half of the folder. The main process works too (a process that only waited for results
would take CPU from the helpers for its bookkeeping: ~50 ms of a 600-report check on two cores),
and a helper sends each chunk's results back as one message.

A helper that dies (a crash in a library, the system killing it) loses only the chunk it was
on: each of its tasks gets `lost(task)`, and the others carry on with the rest."""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
CHUNK = 8  # tasks per message: small enough to balance, large enough to send seldom


def ordered(
    tasks: list[T],
    work: Callable[[T], R],
    helpers: int,
    lost: Callable[[T], R],
    context: Any = None,
) -> Iterator[R]:
    """`work(task)` of each task, in order, computed here and in `helpers` helper processes.
    `work` must be picklable (a module-level function or a partial of one) where processes are
    spawned rather than forked."""
    chunks = [tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)]
    ctx = context or multiprocessing.get_context()
    counter = ctx.Value("i", 0)
    crew = _Crew(chunks, work, lost, counter)
    try:
        for _ in range(min(helpers, len(chunks))):
            receive, send = ctx.Pipe(duplex=False)
            helper = ctx.Process(target=_help, args=(chunks, work, counter, send), daemon=True)
            crew.links[receive] = helper
            helper.start()
            send.close()
        for index in range(len(chunks)):
            while index not in crew.done:
                crew.step(index)
            yield from crew.done.pop(index)
    finally:
        crew.stop()


class _Crew:
    """The main process's side: what the helpers are on and what is done but not yet given."""

    def __init__(self, chunks: list[list], work: Callable, lost: Callable, counter: Any) -> None:
        self.chunks, self.work, self.lost, self.counter = chunks, work, lost, counter
        self.links: dict[Connection, Any] = {}  # a helper's end of its pipe → the helper
        self.on: dict[Connection, int] = {}  # the chunk each helper is working on
        self.done: dict[int, list] = {}

    def step(self, awaited: int) -> None:
        """Take what the helpers sent; then check a chunk here, or wait when none is left."""
        self.receive(block=False)
        index = _claim(self.counter, len(self.chunks))
        if index is not None:
            results = []
            for task in self.chunks[index]:
                results.append(self.work(task))
                self.receive(block=False)  # a helper never waits long to send
            self.done[index] = results
        elif self.links:
            self.receive(block=True)
        else:  # every helper gone, and the awaited chunk claimed by one that died before saying so
            self.done[awaited] = [self.work(task) for task in self.chunks[awaited]]

    def receive(self, block: bool) -> None:
        for link in wait(list(self.links), timeout=None if block else 0):
            try:
                message = link.recv()
            except (EOFError, OSError):  # the helper has ended
                self._gone(link)
                continue
            if message[0] == "on":
                self.on[link] = message[1]
            else:
                self.done[message[1]] = message[2]
                self.on.pop(link, None)

    def _gone(self, link: Connection) -> None:
        helper = self.links.pop(link)
        helper.join()
        index = self.on.pop(link, None)
        if index is not None:  # died on this chunk (a clean end is on no chunk)
            self.done[index] = [self.lost(task) for task in self.chunks[index]]
        link.close()

    def stop(self) -> None:
        for link, helper in self.links.items():
            if helper.pid is not None:  # (started)
                if helper.is_alive():
                    helper.terminate()
                helper.join()
            link.close()


def _claim(counter: Any, total: int) -> int | None:
    with counter.get_lock():
        index = counter.value
        if index >= total:
            return None
        counter.value = index + 1
    return index


def _help(chunks: list[list], work: Callable, counter: Any, send: Connection) -> None:
    """A helper process: chunks from the counter until none is left. Ctrl-C, which reaches the
    whole process group, is for the main process: it says so and ends the helpers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        while (index := _claim(counter, len(chunks))) is not None:
            send.send(("on", index))
            send.send(("done", index, [work(task) for task in chunks[index]]))
    except OSError:  # the main process has stopped listening (it ended early): end quietly
        pass
    finally:
        send.close()
