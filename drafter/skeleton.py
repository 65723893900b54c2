"""`drafter new`: a facts file skeleton with every section and a Chinese comment on every field,
generated from the facts model so it never falls behind it."""

from __future__ import annotations

import json
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from drafter.models.facts import Facts, Highlight, Item

SCHEMA_FILE = "facts.schema.json"
HEADER = f"""\
# yaml-language-server: $schema={SCHEMA_FILE}
# 《法治政府建设情况报告》事实文件，由 `drafter new` 生成。
# 填好后运行：drafter draft 本文件 -o 报告.docx
# 说明：空着的字段可以不填；没有内容的专题领域不会写入报告；
#       四项法定内容（举措成效、不足和原因、第一责任人职责、下一年度安排）没有内容时，
#       报告中会留下【待填写】标记。比率（调解率、出庭应诉率等）由计数自动算出，不要另填。
#       同比：指标可写成 {{value: 184, previous: 57}}，previous 为上年数值。
"""
EXAMPLES = {
    Highlight: ["- heading: 深化理论武装", "  text: 严格落实“第一议题”制度……"],
    Item: ["- heading: 小标题（可省略）", "  text: 正文……"],
}


def skeleton(issuer: str, year: int) -> str:
    lines = HEADER.splitlines()
    values = {("meta", "issuer"): issuer, ("meta", "year"): year}
    _emit(Facts, (), 0, lines, values)
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return " " + json.dumps(value, ensure_ascii=False)
    return f" {value}"


def _emit(
    model: type[BaseModel], path: tuple[str, ...], depth: int, lines: list[str], values
) -> None:
    pad = "  " * depth
    for name, field in model.model_fields.items():
        here = (*path, name)
        if field.description:
            lines.append(f"{pad}# {field.description}")
        sub = _submodel(field)
        if get_origin(field.annotation) is list:
            item = get_args(field.annotation)[0]
            for example in EXAMPLES.get(item, []):
                lines.append(f"{pad}#   {example}")
            lines.append(f"{pad}{name}: []")
        elif sub is not None:
            lines.append(f"{pad}{name}:")
            _emit(sub, here, depth + 1, lines, values)
        else:
            value = values.get(here, _default(field))
            lines.append(f"{pad}{name}:{_scalar(value)}")


def _default(field: FieldInfo) -> Any:
    default = field.get_default(call_default_factory=False)
    return None if default is ... or callable(default) else default


def _submodel(field: FieldInfo) -> type[BaseModel] | None:
    """The field's model, unless it is a metric value (those stay a one-line slot)."""
    candidates = [field.annotation, *get_args(field.annotation)]
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            if candidate.__name__ in {"Count", "Amount"}:
                return None
            return candidate
    return None


def schema_json() -> str:
    schema = Facts.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
