"""The check codes: each code's severity, description and examples, declared once in
`templates/rules/codes.yaml` (one code = one entry, like a yamllint or Vale rule). Rules emit
findings by code; the severity comes from here. Adding a code is adding an entry."""

from __future__ import annotations

import re
from dataclasses import field
from typing import Any

from drafter.models.data import DataModel, at_least
from drafter.models.findings import Severity
from drafter.resources import data_model

CODE_PATTERN = r"^[a-z]+(-[a-z]+)*$"


class CodeExample(DataModel):
    """A report text the code must fire on (or stay quiet on). A bare string is `text`."""

    text: str
    year: int | None = None  # as `drafter check --year`
    previous: str | None = None  # last year's report, as `--previous` (previous-*)
    style: dict[str, Any] | None = None  # drafted as .docx with these style overrides (format-*)
    file: str | None = None  # written to a file of this name and checked as a file (input-*)
    facts: str | None = None  # a facts file checked as the form checks it (facts-*); text says what


class Code(DataModel):
    severity: Severity
    short: str | None = at_least(1, 10, default=None)  # for tables (--summary)
    description: str = at_least(1)  # Chinese, as README's code table
    # a bare string is an example's text: made a CodeExample as the code is validated
    fires: list[CodeExample | str] = at_least(1)
    quiet: list[CodeExample | str] = at_least(1)

    def _validate(self) -> None:
        for name in ("fires", "quiet"):
            examples = [
                e if isinstance(e, CodeExample) else CodeExample(text=e)
                for e in getattr(self, name)
            ]
            object.__setattr__(self, name, examples)


class Registry(DataModel):
    texts: dict[str, str] = field(
        default_factory=dict
    )  # report texts examples share (YAML anchors)
    codes: dict[str, Code]

    def _validate(self) -> None:
        bad = [c for c in self.codes if not re.match(CODE_PATTERN, c)]
        if bad:
            raise ValueError(f"code names are lower-case words joined by '-': {bad}")


registry = data_model(Registry, "rules/codes.yaml")


def severity_of(code: str) -> Severity:
    entry = registry().codes.get(code)
    if entry is None:
        raise KeyError(f"check code {code!r} is not in templates/rules/codes.yaml")
    return entry.severity
