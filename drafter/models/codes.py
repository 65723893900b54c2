"""The check codes: each code's severity, description and examples, declared once in
`templates/rules/codes.yaml` (one code = one entry, like a yamllint or Vale rule). Rules emit
findings by code; the severity comes from here. Adding a code is adding an entry."""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field, model_validator

from drafter.models.data import DataModel
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

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class Code(DataModel):
    severity: Severity
    short: str | None = Field(default=None, min_length=1, max_length=10)  # for tables (--summary)
    description: str = Field(min_length=1)  # Chinese, as README's code table
    fires: list[CodeExample] = Field(min_length=1)
    quiet: list[CodeExample] = Field(min_length=1)


class Registry(DataModel):
    texts: dict[str, str] = Field(
        default_factory=dict
    )  # report texts examples share (YAML anchors)
    codes: dict[str, Code]

    @model_validator(mode="after")
    def _names(self) -> Registry:
        bad = [c for c in self.codes if not re.match(CODE_PATTERN, c)]
        if bad:
            raise ValueError(f"code names are lower-case words joined by '-': {bad}")
        return self


registry = data_model(Registry, "rules/codes.yaml")


def severity_of(code: str) -> Severity:
    entry = registry().codes.get(code)
    if entry is None:
        raise KeyError(f"check code {code!r} is not in templates/rules/codes.yaml")
    return entry.severity
