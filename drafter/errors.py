"""The one error type meant for the user, and the exit codes.

Errors from YAML, pydantic, Jinja and python-docx are translated into a `DrafterError` where they
happen (file, line, field, a Chinese hint); the CLI prints only these, without a traceback.
Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # check: at least one finding is an error
    USAGE = 2  # bad input, unreadable file, misuse


@dataclass(frozen=True)
class Location:
    file: str | None = None
    line: int | None = None  # 1-based
    field: str | None = None  # dotted path inside the file, e.g. meta.year

    def __str__(self) -> str:
        where = self.file or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"第 {self.line} 行"
        if self.field:
            where = f"{where}: {self.field}" if where else self.field
        return where


class DrafterError(Exception):
    """A problem the user can fix. `related` carries further problems found in the same pass."""

    exit_code = ExitCode.USAGE

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        location: Location | None = None,
        related: list[DrafterError] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.location = location
        self.related = related or []

    def problems(self) -> list[DrafterError]:
        return [self, *self.related]

    def render(self) -> str:
        lines = []
        for problem in self.problems():
            where = str(problem.location) if problem.location else ""
            lines.append(
                f"错误：{where}: {problem.message}" if where else f"错误：{problem.message}"
            )
            if problem.hint:
                lines.append(f"  提示：{problem.hint}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render()
