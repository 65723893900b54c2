"""Seeded fuzzer: mutated facts files go through `drafter draft`, mutated reports (.docx, .txt,
.md) through `drafter check` (and `--annotate` for .docx). Each input runs in a forked child
with a wall-clock timeout and an address-space cap; the figures printed at the end are counts of

  crash    an exception escaped the CLI, or check reported an internal error as a finding
  hang     the child ran past the timeout and was killed
  blow-up  the child hit the memory cap (MemoryError) or died from a signal
  rejected exit code 2 with a message (a correct outcome for broken input)

Usage: .venv/bin/python bench/fuzz.py [--count 10000] [--seed 1] [--timeout 10] [--memory-gib 2]
                                      [--keep DIR]   (failing inputs are saved there)
Without fork (Windows) the inputs run in-process, with no timeout or memory cap.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import select
import signal
import statistics
import sys
import tempfile
import time
import traceback
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

INTERNAL_MARK = "内部错误"  # check's message for an unexpected exception in one file
KINDS = ("facts", "docx", "txt", "md")


# ---- seeds ------------------------------------------------------------------------------------
def seeds() -> dict[str, list[bytes]]:
    """Valid inputs of each kind: the example facts, the seed reports, and drafts of both."""
    from drafter import pipeline

    facts = [p.read_bytes() for p in sorted((ROOT / "examples").glob("*.yaml"))]
    texts = [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docx, md = [], []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        drafted = pipeline.draft(pipeline.load_facts(path))
        docx.append(pipeline.render(drafted.document, "docx"))
        md.append(pipeline.render(drafted.document, "md"))
    from bench.corpus import as_docx

    docx.append(as_docx(texts[0].decode("utf-8")))
    return {"facts": facts, "docx": docx, "txt": texts, "md": md}


# ---- mutations --------------------------------------------------------------------------------
def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def splice(rng: random.Random, data: bytes) -> bytes:
    """Delete, duplicate or repeat a span."""
    if len(data) < 2:
        return data + data
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, 400))
    choice = rng.randrange(3)
    if choice == 0:
        return data[:a] + data[b:]
    if choice == 1:
        return data[:b] + data[a:b] + data[b:]
    return data[:a] + data[a:b] * rng.randint(2, 200) + data[b:]


ODD_TEXT = [
    "\x00",
    "\x1b[2J",
    "\x1b]52;c;ZWNobyBoaQ==\x07",
    "\x0b\x0c\x7f",
    "\ufeff",
    "\ud800",
    "²³",
    "一二三四五六七八九十百千万",
    "１２３４５",
    " " * 5000,
    "\t" * 300,
    "{{ x }}",
    "{% for %}",
    "9" * 60,
    "-1",
    "1e400",
    ".inf",
    ".nan",
    "2999年",
    "99999年",
    "（" * 2000,
    "一、" * 1000,
    "%",
    "100000000000000000000%",
]


def insert_text(rng: random.Random, data: bytes) -> bytes:
    odd = rng.choice(ODD_TEXT).encode("utf-8", errors="surrogatepass")
    at = rng.randrange(len(data) + 1)
    return data[:at] + odd + data[at:]


def swap_encoding(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    encoding = rng.choice(
        ["gbk", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"]
    )
    return text.encode(encoding, errors="replace")


YAML_SNIPPETS = [
    "count: 10000000000000000000000000000000000000000",
    "amount: .inf",
    "amount: -.nan",
    "a: &a [x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]",
    "x: !!python/object/apply:os.system ['echo pwned']",
    "'meta': !!omap [{a: 1}]",
    "Meta: {}",
    "key: !!binary AAAA",
    "? [a, b]\n: c",
    "x: " + "[" * 3000 + "]" * 3000,
    "x: {a: 1, a: 2}",
    "<<: *undefined",
    "year: 99999",
    "year: -5",
    "date: 2999-01-01",
    "issuer: " + "长" * 400,
    'text: "\\x1b[2J\\u0000"',
]


def yaml_mutation(rng: random.Random, data: bytes) -> bytes:
    lines = data.decode("utf-8", errors="replace").splitlines()
    if not lines:
        lines = [""]
    i = rng.randrange(len(lines))
    choice = rng.randrange(6)
    if choice == 0:  # drop a line
        del lines[i]
    elif choice == 1:  # duplicate a line
        lines.insert(i, lines[i])
    elif choice == 2:  # re-indent
        lines[i] = " " * rng.randint(0, 9) + lines[i].lstrip()
    elif choice == 3:  # change a value
        if ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            value = rng.choice(
                ["10" * 20, ".inf", "-1", "~", "[]", "{}", "''", "yes", "1.5", "2999-13-45"]
            )
            lines[i] = f"{key}: {value}"
    elif choice == 4:  # capitalise a key
        lines[i] = lines[i][:1].upper() + lines[i][1:] if lines[i] else "X"
    else:  # a hostile snippet, indented like its neighbour
        indent = len(lines[i]) - len(lines[i].lstrip())
        snippet = rng.choice(YAML_SNIPPETS)
        lines.insert(i, "\n".join(" " * indent + s for s in snippet.splitlines()))
    return "\n".join(lines).encode("utf-8", errors="surrogatepass")


XML_MUTATIONS = [
    lambda t, r: t.replace("<w:t>", "<w:t>\x1b[2J", 1),
    lambda t, r: t.replace("<w:p>", "<w:p>" * 3, 1),
    lambda t, r: t.replace("</w:body>", "<w:p>" * 5000 + "</w:p>" * 5000 + "</w:body>", 1),
    lambda t, r: t.replace('w:val="', 'w:val="²', 1),
    lambda t, r: t.replace('w:val="', 'w:val="99999999999999999999999', 1),
    lambda t, r: t.replace('w:val="', 'w:val="-', 1),
    lambda t, r: t.replace(
        "?>", '?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>', 1
    ),
    lambda t, r: t.replace("<w:t>", '<w:t xml:space="preserve">&amp;#0;', 1),
    lambda t, r: t.replace("</w:body>", "<w:p><w:r><w:t>" + "x" * 100000 + "</w:t></w:r></w:p>"),
]


def xml_in_zip(rng: random.Random, data: bytes) -> bytes:
    """Mutate one XML part inside the .docx and zip it again (so the zip itself stays valid)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = {i.filename: z.read(i) for i in z.infolist()}
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError):
        return flip_bytes(rng, data)
    xml_names = [n for n in parts if n.endswith(".xml") or n.endswith(".rels")]
    name = rng.choice(xml_names) if xml_names else next(iter(parts), "word/document.xml")
    text = parts.get(name, b"").decode("utf-8", errors="replace")
    if rng.random() < 0.5:
        text = rng.choice(XML_MUTATIONS)(text, rng)
        parts[name] = text.encode("utf-8")
    else:
        parts[name] = rng.choice([flip_bytes, truncate, splice, insert_text])(
            rng, text.encode("utf-8")
        )
    if rng.random() < 0.1:
        parts.pop(rng.choice(list(parts)), None)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for part, content in parts.items():
            z.writestr(part, content)
    return buffer.getvalue()


MUTATORS = {
    "facts": [flip_bytes, truncate, splice, insert_text, swap_encoding, yaml_mutation],
    "docx": [flip_bytes, truncate, splice, xml_in_zip, xml_in_zip, xml_in_zip],
    "txt": [flip_bytes, truncate, splice, insert_text, swap_encoding],
    "md": [flip_bytes, truncate, splice, insert_text, swap_encoding],
}


def make_input(rng: random.Random, pool: dict[str, list[bytes]]) -> tuple[str, bytes, str]:
    kind = rng.choice(KINDS)
    data = rng.choice(pool[kind])
    names = []
    for _ in range(rng.randint(1, 3)):
        mutator = rng.choice(MUTATORS[kind])
        data = mutator(rng, data)
        names.append(mutator.__name__)
    return kind, data, "+".join(names)


# ---- running one input ------------------------------------------------------------------------
def run_input(kind: str, data: bytes, folder: Path) -> tuple[str, str]:
    """('ok' | 'rejected' | 'crash', detail). Runs the CLI in this process."""
    from drafter.cli import main

    suffix = ".yaml" if kind == "facts" else f".{kind}"
    source = folder / f"input{suffix}"
    source.write_bytes(data)
    if kind == "facts":
        argv = ["draft", str(source), "-o", str(folder / "out.docx"), "--force"]
    else:
        argv = ["check", str(source), "--format", "json", "--no-progress"]
        if kind == "docx":
            argv += ["--annotate", str(folder / "annotated.docx"), "--force"]
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except MemoryError:
        return "blow-up", "MemoryError"
    except BaseException:  # noqa: BLE001 - anything escaping the CLI is what we count
        return "crash", traceback.format_exc(limit=-6)
    if INTERNAL_MARK in out.getvalue() or INTERNAL_MARK in err.getvalue():
        return "crash", (out.getvalue() + err.getvalue())[-3000:]
    if code not in (0, 1, 2):
        return "crash", f"exit code {code}"
    return ("rejected" if code == 2 else "ok"), ""


def run_forked(kind: str, data: bytes, timeout: float, memory: int) -> tuple[str, str, float, int]:
    """Run one input in a forked child: (outcome, detail, seconds, peak KiB)."""
    read_end, write_end = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.close(read_end)
        code = 0
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
            with tempfile.TemporaryDirectory() as folder:
                outcome, detail = run_input(kind, data, Path(folder))
            os.write(write_end, json.dumps([outcome, detail]).encode("utf-8"))
        except BaseException:  # noqa: BLE001
            code = 3
        finally:
            os._exit(code)
    os.close(write_end)
    chunks, deadline = [], start + timeout
    timed_out = False
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            timed_out = True
            os.kill(pid, signal.SIGKILL)
            break
        ready, _, _ = select.select([read_end], [], [], left)
        if ready:
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    os.close(read_end)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    peak = usage.ru_maxrss
    if timed_out:
        return "hang", f"over {timeout:g} s", seconds, peak
    if not chunks:
        died = os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        return "blow-up", f"child died ({died})", seconds, peak
    outcome, detail = json.loads(b"".join(chunks).decode("utf-8"))
    return outcome, detail, seconds, peak


@dataclass
class Figures:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)

    @property
    def bad(self) -> int:
        return sum(self.counts.get(k, 0) for k in ("crash", "hang", "blow-up"))


def fuzz(
    count: int,
    seed: int = 1,
    timeout: float = 10.0,
    memory: int = 2 << 30,
    keep: Path | None = None,
    progress: bool = False,
) -> Figures:
    rng = random.Random(seed)
    pool = seeds()
    figures = Figures()
    forked = hasattr(os, "fork")
    try:
        for index in range(count):
            _one(index, rng, pool, figures, forked, timeout, memory, keep)
            if progress and (index + 1) % 250 == 0:
                print(f"{index + 1}/{count} {json.dumps(figures.counts)}", flush=True)
    except KeyboardInterrupt:  # Ctrl-C or `kill PID`: report what was run so far
        print("interrupted", flush=True)
    return figures


def _one(
    index: int,
    rng: random.Random,
    pool: dict[str, list[bytes]],
    figures: Figures,
    forked: bool,
    timeout: float,
    memory: int,
    keep: Path | None,
) -> None:
    kind, data, how = make_input(rng, pool)
    if forked:
        outcome, detail, seconds, peak = run_forked(kind, data, timeout, memory)
    else:
        start = time.perf_counter()
        with tempfile.TemporaryDirectory() as folder:
            outcome, detail = run_input(kind, data, Path(folder))
        seconds, peak = time.perf_counter() - start, 0
    figures.counts[outcome] = figures.counts.get(outcome, 0) + 1
    figures.seconds.append(seconds)
    figures.peaks.append(peak)
    if outcome in ("crash", "hang", "blow-up"):
        figures.failures.append(
            {"index": index, "kind": kind, "how": how, "outcome": outcome, "detail": detail}
        )
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            suffix = ".yaml" if kind == "facts" else f".{kind}"
            (keep / f"{index:05d}-{outcome}{suffix}").write_bytes(data)


def _stop(*_: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--memory-gib", type=float, default=2.0)
    parser.add_argument("--keep", type=Path, help="save failing inputs in this folder")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _stop)  # `kill PID` also ends the run with its figures
    start = time.perf_counter()
    figures = fuzz(
        args.count, args.seed, args.timeout, int(args.memory_gib * (1 << 30)), args.keep, True
    )
    elapsed = time.perf_counter() - start
    for failure in figures.failures[:40]:
        print(f"--- #{failure['index']} {failure['kind']} {failure['how']} {failure['outcome']}")
        print(failure["detail"][-1500:])
    print(
        f"inputs {len(figures.seconds)} of {args.count}  seed {args.seed}  elapsed {elapsed:.0f} s\n"
        f"outcomes {json.dumps(figures.counts)}\n"
        f"crashes {figures.counts.get('crash', 0)}  hangs {figures.counts.get('hang', 0)}  "
        f"blow-ups {figures.counts.get('blow-up', 0)}\n"
        f"time per input: median {statistics.median(figures.seconds):.3f} s, "
        f"max {max(figures.seconds):.2f} s;  peak memory max {max(figures.peaks) / 1024:.0f} MiB"
    )
    return 1 if figures.bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
