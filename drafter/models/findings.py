"""The one finding type, and one checked report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from drafter.models.outline import OutlineHeading, Status

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(kw_only=True)
class Finding:
    code: str  # stable: statutory-missing, placeholder, number-rate-mismatch, format-margins, …
    severity: Severity
    message: str  # Chinese, for the writer
    line: int | None = None  # line (text) or paragraph (docx), 1-based
    excerpt: str | None = None  # the quoted context
    # the facts field the finding is about, when the checked document was drafted from facts
    field: tuple[str | int, ...] | None = None


@dataclass(kw_only=True)
class ReportResult:
    path: str
    title: str | None = None
    issuer: str | None = None
    year: int | None = None
    statutory: dict[str, Status] = field(default_factory=dict)
    outline: list[OutlineHeading] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    readable: bool = True

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)
