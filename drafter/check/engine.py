"""Run every rule kind on one report: the codes they may find and the order findings come in."""

from __future__ import annotations

from drafter.check.context import CheckContext
from drafter.check.rules import layout, numbers, patterns, previous, structure, terms, years
from drafter.models.codes import registry
from drafter.models.findings import SEVERITY_ORDER, Finding

RULES = [structure, patterns, years, terms, numbers, layout, previous]
CODES = {code: entry.severity for code, entry in registry().codes.items()}


def check_outline(ctx: CheckContext) -> list[Finding]:
    findings = [f for rule in RULES for f in rule.check(ctx)]
    sources = ctx.document.sources_by_line()
    for f in findings:  # a drafted document knows the facts field behind each line
        f.field = f.field or sources.get(f.line)
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.line or 0, f.code))
