"""`drafter check` over files: each report file through the shared stages (pipeline.read →
pipeline.check), one file or a whole folder on both cores, one unreadable file never stopping
the rest."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import TypeVar

from drafter import parallel, pipeline, process
from drafter.check.context import finding
from drafter.errors import DrafterError, Location
from drafter.formats.structure_file import default_model, read_model
from drafter.models.findings import ReportResult
from drafter.models.outline import Outline

INTERNAL_ERROR = "内部错误"  # the mark of a bug, counted by bench/fuzz.py
T = TypeVar("T")


@dataclass(frozen=True)
class Options:
    year: int | None = None
    previous: Path | None = None
    style: str = "gbt9704"
    model: Path | None = None


def _model(options: Options):
    return read_model(options.model) if options.model else default_model()


def load_references(options: Options) -> Outline | None:
    """The structure model, the style profile and last year's report, read (and outlined) once
    before any report is checked, so that a problem with any is a usage error naming that file,
    not a finding on each report, and a folder does not read last year's report again for every
    file."""
    from drafter.formats.style_file import load_style

    _model(options)
    load_style(options.style)
    return _previous(options.previous, options.model) if options.previous else None


@cache
def _previous(path: Path, model: Path | None) -> Outline:
    try:
        document = pipeline.read(path).document
        return pipeline.outline(document, read_model(model) if model else default_model())
    except DrafterError as exc:
        raise DrafterError(
            f"去年的报告无法读取：{exc.message}",
            hint=exc.hint,
            location=exc.location or Location(str(path)),
        ) from None


def unreadable(path: Path, message: str) -> ReportResult:
    return ReportResult(
        path=str(path), readable=False, findings=[finding("input-unreadable", message)]
    )


def check_file(path: Path, options: Options) -> ReportResult:
    """One report's findings. Nothing raised while reading or checking this file stops a folder
    run: a problem with the file becomes its `input-unreadable` finding; an unexpected exception
    (a bug) is reported the same way with its type, so the other reports are still checked."""
    try:
        return _check_file(path, options)
    except DrafterError as exc:
        return unreadable(path, exc.message + (f"（{exc.hint}）" if exc.hint else ""))
    except RecursionError:
        return unreadable(path, "文档嵌套过深，无法读取（可能已损坏或被恶意构造）")
    except MemoryError:
        return unreadable(path, "文档过大，读取时内存不足")
    except Exception as exc:  # noqa: BLE001 - one file's bug must not stop the folder
        return unreadable(
            path,
            f"{INTERNAL_ERROR}（{type(exc).__name__}），已跳过此文件；请把该文件报告给维护者。",
        )


def _check_file(path: Path, options: Options) -> ReportResult:
    """One file through the shared stages (pipeline.read → pipeline.check)."""
    read = pipeline.read(path, with_layout=True)
    outline, findings = pipeline.check(
        read.document,
        layout=read.layout,
        previous=load_references(options),
        year=options.year,
        style=options.style,
        model=_model(options),
        path=str(path),
    )
    return ReportResult(
        path=str(path),
        title=outline.title,
        issuer=outline.issuer,
        year=outline.year,
        statutory=outline.statutory,
        outline=outline.headings,
        findings=findings,
    )


def _check_one(options: Options, prepare: Callable[[ReportResult], T], path: Path) -> T:
    return prepare(check_file(path, options))


def _lost(prepare: Callable[[ReportResult], T], path: Path) -> T:
    return prepare(
        unreadable(
            path,
            f"{INTERNAL_ERROR}（检查进程意外退出），此文件与同批几份报告未能检查（其中一份"
            "可能引起了退出）；请把这些文件报告给维护者。",
        )
    )


def check_files(
    files: list[Path],
    options: Options,
    prepare: Callable[[ReportResult], T],
    advance: Callable[[], None] | None = None,
) -> Iterator[T]:
    """Each file's result passed through `prepare`, in input order. Many files are shared
    between this process and one helper process per other core (parallel.py); `prepare` runs
    where the report was checked (it must be picklable: a module-level function or a partial of
    one), so what comes back is what the caller needs, not the whole report. Results stream
    back, so memory stays flat however large the folder."""
    workers = min(os.cpu_count() or 1, 4)
    if len(files) < 8 or workers < 2:
        for path in files:
            yield prepare(check_file(path, options))
            if advance:
                advance()
        return
    # the first report is checked here: the models, rules and style it loads are then shared
    # with the helpers (forked where the platform allows), not loaded again in each
    yield prepare(check_file(files[0], options))
    if advance:
        advance()
    process.steady()  # what start-up made stays out of every collection, in the helpers too
    for result in parallel.ordered(
        files[1:],
        partial(_check_one, options, prepare),
        workers - 1,
        lost=partial(_lost, prepare),
    ):
        yield result
        if advance:
            advance()
