"""The only place Jinja is configured: sandboxed, StrictUndefined, report filters.

User-supplied template folders (`--templates DIR`) come first on the search path, so a user can
override one template and keep the rest; the sandbox keeps them away from Python internals.
"""

from __future__ import annotations

import re
import traceback
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.ext import Extension
from jinja2.sandbox import SandboxedEnvironment

from drafter.cache import template_cache
from drafter.errors import DrafterError, Location
from drafter.render.filters import FILTERS
from drafter.render.markup import PARAGRAPH_BREAK
from drafter.render.sandbox import BoundedSandbox, BudgetExceeded, ConfinedLoader, generate
from drafter.resources import templates_dir

MARKER_START = re.compile(r"^([ \t]*@[a-z]+)", re.M)


class Origin(str):
    """A line of markup the environment itself writes (template start and end): printed as is."""


def _origin(kind: str, where: str) -> Origin:
    return Origin(f"@{kind} at={where}:1 |\n" if kind == "begin" else f"\n@{kind} at={where}:0 |\n")


class MarkerOrigin(Extension):
    """Writes each paragraph marker's own template file and line into it (`at=name:line`), and
    marks where each template's output begins and ends, so a structure error in the rendered
    report names the template (and line) that wrote it. Source lines are not added or removed:
    Jinja's own errors keep their line numbers."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        where = (filename or name or "?").replace(" ", "_").replace("|", "_")
        lines = source.split("\n")
        for n, line in enumerate(lines):
            lines[n] = MARKER_START.sub(lambda m, n=n: f"{m.group(1)} at={where}:{n + 1}", line)
        lines[0] = f'{{{{ drafter_origin("begin", "{where}") }}}}' + lines[0]
        lines[-1] += f'{{{{ drafter_origin("end", "{where}") }}}}'
        return "\n".join(lines)


def _finalize(value: Any) -> Any:
    """Every value a template prints: a line break in user text starts a new paragraph of the
    same kind, never a new line of markup."""
    if isinstance(value, Origin):
        return value
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return PARAGRAPH_BREAK.join(value.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return value


def make_environment(extra_dirs: list[Path] | None = None) -> SandboxedEnvironment:
    """One environment per template search path, kept: compiling the templates costs more than
    rendering them (the TUI renders on every keystroke)."""
    return _environment(tuple(str(d) for d in (extra_dirs or [])))


@cache
def _environment(extra_dirs: tuple[str, ...]) -> SandboxedEnvironment:
    search = [*extra_dirs, str(templates_dir() / "report")]
    env = BoundedSandbox(
        loader=ConfinedLoader(search, encoding="utf-8"),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[MarkerOrigin],
        finalize=_finalize,
        bytecode_cache=template_cache(),  # compiled templates kept between runs
    )
    env.filters.update(FILTERS)
    env.globals["drafter_origin"] = _origin
    return env


def render(env: SandboxedEnvironment, name: str, context: dict[str, Any]) -> str:
    """Render a template; any template failure becomes a `DrafterError` naming the template line."""
    try:
        return generate(env.get_template(name), context)
    except TemplateSyntaxError as exc:
        raise DrafterError(
            f"模板语法错误：{exc.message}",
            hint="检查模板中的 {{ }} 与 {% %} 是否配对。",
            location=Location(exc.filename or exc.name or name, exc.lineno),
        ) from None
    except DrafterError:
        raise
    except Exception as exc:  # noqa: BLE001 - Jinja's errors, 1/0, a filter given a wrong value…
        message, hint = _failure(exc)
        raise DrafterError(message, hint=hint, location=_template_location(exc, name)) from None


# what a template failure is called, the first matching type wins
FAILURES: list[tuple[type[BaseException], str, str | None]] = [
    (UndefinedError, "模板引用了不存在的事实：{}", "在事实文件中补充该字段，或修改模板。"),
    (BudgetExceeded, "模板超出限制：{}", "模板中可能有过大的循环、递归或字符串。"),
    (
        SecurityError,
        "模板试图访问不允许的内容：{}",
        "模板只能使用事实数据和报告过滤器，不能访问 Python 内部对象。",
    ),
    (TemplateError, "模板出错：{}", None),
    (RecursionError, "模板递归过深（宏调用自身没有尽头？）", None),
]


def _failure(exc: Exception) -> tuple[str, str | None]:
    for kind, message, hint in FAILURES:
        if isinstance(exc, kind):
            text = exc.message if isinstance(exc, UndefinedError) else str(exc)
            return message.format(text), hint
    return f"模板运行出错：{type(exc).__name__}: {exc}"[:300], "检查模板中该行的表达式。"


def _template_location(exc: BaseException, name: str) -> Location:
    """Jinja rewrites tracebacks so that template frames carry the template file and line."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return Location(frame.filename, frame.lineno)
    return Location(name)
