"""The sandbox user templates (`--templates DIR`) run in: no Python internals (Jinja's immutable
sandbox), and bounded — a template cannot loop or recurse for ever, build a string or list of
gigabytes, or read a file outside its folder.

Budget: every loop step, call and output chunk checks the wall clock (MAX_SECONDS per render);
`*`, `**`, `%`, `+`, str.format, the widening filters and `namespace` assignments check sizes
before anything is allocated; output is cut at MAX_OUTPUT characters."""

from __future__ import annotations

import contextvars
import os
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, TemplateNotFound, nodes
from jinja2.filters import do_center, do_indent, do_replace
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Namespace

from drafter.errors import DrafterError, Location
from drafter.files import decode_utf8

MAX_SECONDS = 10.0  # the built-in templates render in a few milliseconds
MAX_OUTPUT = 2_000_000  # characters; a report is about 10,000
MAX_SIZE = 1_000_000  # characters or items in any one value a template builds
MAX_EXPONENT = 256
MAX_TEMPLATE_BYTES = 1_000_000
WIDE_FORMAT = re.compile(r"[0-9]{5,}")  # a width or precision of 10000 or more
_deadline: contextvars.ContextVar[float] = contextvars.ContextVar("deadline", default=0.0)


class BudgetExceeded(SecurityError):
    """A template went past its time or size budget."""


def _check_time() -> None:
    deadline = _deadline.get()
    if deadline and time.monotonic() > deadline:
        raise BudgetExceeded(f"模板运行超过 {MAX_SECONDS:g} 秒")


def _check_size(size: int) -> None:
    if size > MAX_SIZE:
        raise BudgetExceeded(f"模板生成的内容过大（{size} 个字符或元素）")


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, str | list | tuple) else None


def budget_iter(iterable: Iterable[Any]) -> Iterator[Any]:
    """Wraps the iterable of every `{% for %}`: each step checks the clock."""
    for item in iterable:
        _check_time()
        yield item


def bounded_range(*args: int) -> range:
    result = range(*args)
    _check_size(len(result))
    return result


def _bounded_center(value: str, width: int = 80) -> str:
    _check_size(width)
    return do_center(value, width)


def _bounded_indent(value: str, width: int | str = 4, *args: Any, **kwargs: Any) -> str:
    _check_size(len(width) if isinstance(width, str) else width)
    _check_size(len(str(value)) * (int(width) if isinstance(width, int) else len(width) + 1))
    return do_indent(value, width, *args, **kwargs)


def _bounded_replace(eval_ctx: Any, s: str, old: str, new: str, count: int | None = None) -> str:
    text = str(s)
    occurrences = text.count(str(old)) if old else len(text) + 1
    _check_size(len(text) + occurrences * len(str(new)))
    return do_replace(eval_ctx, s, old, new, count)


_bounded_replace.jinja_pass_arg = do_replace.jinja_pass_arg  # type: ignore[attr-defined]


class BoundedNamespace(Namespace):
    """`namespace()` whose attributes cannot grow past the size budget (`ns.s = ns.s ~ ns.s`)."""

    def __setitem__(self, name: str, value: Any) -> None:
        size = _length(value)
        if size is not None:
            _check_size(size)
        super().__setitem__(name, value)


class BoundedSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = bounded_range
        self.globals["namespace"] = BoundedNamespace
        self.filters["_budget"] = budget_iter
        self.filters["center"] = _bounded_center
        self.filters["indent"] = _bounded_indent
        self.filters["replace"] = _bounded_replace

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Every `{% for %}` iterates through `budget_iter`."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "_budget", [], [], None, None, lineno=loop.lineno)
        return tree

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_time()
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if _length(seq) is not None and isinstance(times, int):
                    _check_size(_length(seq) * times)
        elif operator == "**":
            if isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
                raise BudgetExceeded(f"模板中的乘方过大（指数 {right}）")
        elif operator == "%":
            if isinstance(left, str) and WIDE_FORMAT.search(left):
                raise BudgetExceeded("模板中的格式宽度过大")
        elif operator == "+" and _length(left) is not None and _length(right) is not None:
            _check_size(_length(left) + _length(right))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        _check_time()
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Any:
        """`"{:>9999999999}".format(x)` is refused before the string is built."""
        wrapped = super().wrap_str_format(value)
        if wrapped is not None and WIDE_FORMAT.search(value.__self__):
            raise BudgetExceeded("模板中的格式宽度过大")
        return wrapped


def generate(template: Any, context: dict[str, Any]) -> str:
    """Render within the budget: the clock starts now, and output stops at MAX_OUTPUT."""
    token = _deadline.set(time.monotonic() + MAX_SECONDS)
    try:
        out, size = [], 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise BudgetExceeded(f"模板输出超过 {MAX_OUTPUT} 个字符")
            _check_time()
            out.append(chunk)
        return "".join(out)
    finally:
        _deadline.reset(token)


class ConfinedLoader(FileSystemLoader):
    """Templates are read from inside their folders only (a symlink pointing out is refused),
    from regular files of sane size, as UTF-8 — anything else is a message naming the file."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
        for folder in self.searchpath:
            path = Path(folder, *template.split("/"))
            if not path.exists() and not path.is_symlink():
                continue
            root = Path(folder).resolve()
            real = path.resolve()
            if not real.is_relative_to(root):
                raise DrafterError(
                    "模板是指向模板目录之外的链接，不予读取",
                    hint="把模板文件本身放进模板目录。",
                    location=Location(str(path)),
                )
            if not real.is_file():
                raise DrafterError("模板不是普通文件", location=Location(str(path)))
            with open(real, "rb") as handle:
                data = handle.read(MAX_TEMPLATE_BYTES + 1)
            if len(data) > MAX_TEMPLATE_BYTES:
                raise DrafterError("模板文件过大", location=Location(str(path)))
            source = decode_utf8(data, path, "模板")
            mtime = os.path.getmtime(real)
            return source, str(path), lambda p=real, m=mtime: os.path.getmtime(p) == m
        raise TemplateNotFound(template)
