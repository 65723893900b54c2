"""Facts files: YAML read with line numbers, every problem translated into Chinese with the file,
line and field path; and atomic writes that never leave half a file."""

from __future__ import annotations

import difflib
import io
import re
import reprlib
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.representer import RoundTripRepresenter

from drafter.errors import DrafterError, Location
from drafter.files import decode_utf8, read_input
from drafter.models.facts import Facts, FieldProblem, short_label

Path_ = tuple[str | int, ...]

# pydantic error type → Chinese message; {…} are filled from the error's ctx and input.
MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不认识的字段",
    "unexpected_keyword_argument": "不认识的字段",  # (of a dataclass: models/data.py)
    "int_type": "应为整数，现在是 {input!r}",
    "int_parsing": "应为整数，现在是 {input!r}",
    "int_from_float": "应为整数，不能有小数：{input!r}",
    "float_type": "应为数字，现在是 {input!r}",
    "float_parsing": "应为数字，现在是 {input!r}",
    "string_type": "应为文字，现在是 {input!r}",
    "bool_type": "应为 true 或 false，现在是 {input!r}",
    "bool_parsing": "应为 true 或 false，现在是 {input!r}",
    "list_type": "应为列表（每项以“- ”开头）",
    "model_type": "应为带字段的对象（缩进写出各字段），现在是 {input!r}",
    "model_attributes_type": "应为带字段的对象（缩进写出各字段），现在是 {input!r}",
    "dataclass_args_type": "应为带字段的对象（缩进写出各字段），现在是 {input!r}",
    "dataclass_type": "应为带字段的对象（缩进写出各字段），现在是 {input!r}",
    "dict_type": "应为带字段的对象（缩进写出各字段）",
    "greater_than_equal": "不能小于 {ge}，现在是 {input}",
    "less_than_equal": "不能大于 {le}，现在是 {input}",
    "string_too_short": "不能为空",
    "string_too_long": "太长（最多 {max_length} 个字符）",
    "string_pattern_mismatch": "格式不对：{input!r}",
    "literal_error": "只能是 {expected} 之一，现在是 {input!r}",
    "date_from_datetime_parsing": "应为日期，如 2027-01-15，现在是 {input!r}",
    "date_parsing": "应为日期，如 2027-01-15，现在是 {input!r}",
    "date_type": "应为日期，如 2027-01-15，现在是 {input!r}",
}
YAML_PROBLEMS = {
    "end of stream": "文件意外结束，可能有引号或括号没有配对",
    "mapping values are not allowed": "这里不能出现“字段: 值”，可能是缩进不对，或文字中的冒号需要加引号",
    "could not find expected ':'": "缺少冒号“:”",
    "expected <block end>": "缩进没有对齐",
    "cannot start any token": "含有不能出现在这里的字符",
    "did not find expected key": "缩进没有对齐，或列表项“- ”与字段混在一起",
    "did not find expected '-' indicator": "列表项缩进没有对齐",
    "did not find expected node content": "这里缺少内容，可能是缩进不对或多了符号",
    "did not find expected ',' or '}'": "花括号“{ }”没有配对，或其中少了逗号",
    "did not find expected ',' or ']'": "方括号“[ ]”没有配对，或其中少了逗号",
}
HINTS = {
    "extra_forbidden": "检查拼写；可用 `drafter schema` 查看全部字段。",
    "missing": "补上这个字段。",
    "int_type": "计数写阿拉伯数字，不加引号和单位，如 184。",
    "int_parsing": "计数写阿拉伯数字，不加引号和单位，如 184。",
    "int_from_float": "计数写阿拉伯数字，不加引号和单位，如 184。",
    "greater_than_equal": "计数和金额不能为负数。",
    "less_than_equal": "百分比写 0 到 100 之间的数，如 98.5。",
}
MAX_FACTS_BYTES = 16 * 1024 * 1024  # a long facts file is about 50 KB
MAX_NODES = 200_000  # a long facts file has ~2,000; aliases can make a few lines mean 10^9
MAX_DEPTH = 60  # the facts model is 7 levels deep


def read_facts(path: Path) -> Facts:
    """Load and validate a facts file. Raises `DrafterError` naming file, line and field."""
    if not path.exists() and not path.is_symlink():
        raise DrafterError(f"找不到事实文件：{path}", hint="检查路径，或用 `drafter new` 新建。")
    text = decode_utf8(read_input(path, MAX_FACTS_BYTES, "事实文件"), path, "事实文件")
    return parse_facts(text, str(path))


class _RoundTrip(RoundTripConstructor):
    """Dates stay text for pydantic to parse: ruamel would raise a bare ValueError (no line) on
    an impossible date such as 2027-13-45."""


class _Safe(SafeConstructor):
    __doc__ = _RoundTrip.__doc__


_RoundTrip.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)
_Safe.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def load_yaml(text: str, filename: str, lines: bool = True) -> Any:
    """Parse YAML. With `lines`, the round-trip loader keeps line numbers (pure Python, slow);
    without, the C-accelerated safe loader is used (about 10× faster) and errors still carry
    their line."""
    yaml = YAML(typ="rt" if lines else "safe")
    yaml.Constructor = _RoundTrip if lines else _Safe
    try:
        data = yaml.load(text)
    except RecursionError:
        raise _too_deep(filename) from None
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        raise DrafterError(
            f"字段重复：{_quoted_key(exc.problem)}",
            hint="同一层级的字段只能出现一次，删除或合并重复的那个。",
            location=Location(filename, mark.line + 1 if mark else None),
        ) from None
    except MarkedYAMLError as exc:
        problem = exc.problem or ""
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "end of stream" in problem:  # e.g. a quote never closed
            mark = exc.context_mark
        if "\\t" in problem or "\t" in problem:
            message, hint = "含有制表符（Tab）", "YAML 只能用空格缩进，请把 Tab 换成空格。"
        else:
            known = next((zh for en, zh in YAML_PROBLEMS.items() if en in problem), problem)
            message = f"YAML 语法错误：{known}"
            hint = "检查缩进是否对齐、冒号后是否有空格、引号是否成对。"
        raise DrafterError(
            message, hint=hint, location=Location(filename, mark.line + 1 if mark else None)
        ) from None
    except YAMLError as exc:
        raise DrafterError(f"YAML 无法解析：{exc}", location=Location(filename)) from None
    _check_size(data, filename)
    return data


def _too_deep(filename: str) -> DrafterError:
    return DrafterError(
        f"嵌套层次过深（超过 {MAX_DEPTH} 层）",
        hint="事实文件只有几层缩进；检查是否有成串的括号或缩进错乱。",
        location=Location(filename),
    )


def _check_size(data: Any, filename: str) -> None:
    """Refuse what no facts file needs before anything walks it: nesting past MAX_DEPTH, and
    more than MAX_NODES values once aliases are expanded (the "billion laughs" of YAML). Shared
    nodes are counted once per reference without being expanded; the walk is iterative."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, int, bool]] = [(data, 0, False)]
    while stack:
        node, depth, done = stack.pop()
        if depth > MAX_DEPTH:
            raise _too_deep(filename)
        children = (
            list(node.values())
            if isinstance(node, dict)
            else node
            if isinstance(node, list)
            else []
        )
        if done:
            sizes[id(node)] = 1 + sum(sizes.get(id(c), 1) for c in children)
            if sizes[id(node)] > MAX_NODES:
                raise DrafterError(
                    "事实文件展开后过大（可能是大量互相引用的 YAML 别名 *name）",
                    hint="事实文件不需要别名（&name / *name），请直接写出内容。",
                    location=Location(filename),
                )
        elif id(node) not in sizes and children:
            stack.append((node, depth, True))
            stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)


def parse_facts(text: str, filename: str = "<facts>") -> Facts:
    """Validate fast; only when something is wrong, parse again keeping lines to say where."""
    data = load_yaml(text, filename, lines=False)
    if not isinstance(data, dict):
        raise DrafterError(
            "事实文件应以字段开头（如 meta:），而不是列表或单个值",
            hint="参考 `drafter new` 生成的骨架。",
            location=Location(filename, 1),
        )
    try:
        return Facts.model_validate(data)
    except ValidationError as exc:
        problems = translate_errors(exc, load_yaml(text, filename), filename)
        problems.sort(key=lambda p: (p.location.line or 0) if p.location else 0)
        raise problems[0].__class__(
            problems[0].message,
            hint=problems[0].hint,
            location=problems[0].location,
            related=problems[1:],
        ) from None


def translate_errors(exc: ValidationError, data: Any, filename: str) -> list[DrafterError]:
    """pydantic's errors as `DrafterError`s with file, line and field; a union (int | float)
    reports once per member, so only the last report for each field is kept."""
    by_field = {
        str(p.location): p for p in (translate_error(e, data, filename) for e in exc.errors())
    }
    return list(by_field.values())


def _key_path(loc: tuple[str | int, ...], data: Any) -> Path_:
    """pydantic's error location without the union members it adds ('int', 'Count', …): a
    part is a key when the data has it (a capitalised typo such as 'Measures' is a key)."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif _is_union_tag(part):
            continue
        else:
            node = None
        out.append(part)
    return tuple(out)


def problem_paths(exc: ValidationError) -> list[tuple[tuple[str | int, ...], str]]:
    """(field path, Chinese message) for each problem: what a form shows beside its field."""
    out = {}
    for err in exc.errors():
        problem = translate_error(err, None, "")
        loc = _key_path(err["loc"], None)
        error = (err.get("ctx") or {}).get("error")
        if isinstance(error, FieldProblem):
            loc = (*loc, error.field)
        if loc and loc[-1] == "value":
            loc = loc[:-1]
        out[loc] = problem.message
    return list(out.items())


def translate_error(err: dict[str, Any], data: Any, filename: str) -> DrafterError:
    """One of pydantic's errors in Chinese, with file, line and field."""
    loc = _key_path(err["loc"], data)
    if (
        loc
        and loc[-1] == "value"
        and data is not None
        and not isinstance(_node_at(data, loc[:-1]), dict)
    ):
        loc = loc[:-1]  # the shorthand `review_received: -1` has no `value` key to point at
    error = (err.get("ctx") or {}).get("error")
    if isinstance(error, FieldProblem):
        loc = (*loc, error.field)
        message = str(error)
        hint = "核对这两个数：部分不能超过整体。" if "不能大于" in message else None
    elif isinstance(error, ValueError):
        message, hint = str(error), None
    else:
        template = MESSAGES.get(err["type"], err["msg"])
        ctx = {**(err.get("ctx") or {}), "input": _Brief(err.get("input"))}
        try:
            message = template.format(**ctx)
        except (KeyError, IndexError, ValueError):
            message = err["msg"]
        hint = HINTS.get(err["type"])
        if err["type"] == "greater_than_equal" and ctx.get("ge") != 0:
            hint = None
        if err["type"] == "less_than_equal" and ctx.get("le") != 100:
            hint = "核对这个数：数值超出合理范围。"
        if err["type"] == "literal_error":
            message = message.replace(" or ", "、").replace(", ", "、")
        if err["type"] in ("extra_forbidden", "unexpected_keyword_argument") and loc:
            message = f"不认识的字段“{loc[-1]}”"
            hint = _did_you_mean(loc) or hint
    field = _dotted(loc)
    label = field_label(loc)
    if label:
        field = f"{field}（{label}）"
    return DrafterError(message, hint=hint, location=Location(filename, line_of(data, loc), field))


class _Brief:
    """A wrong value quoted in a message: at most a line, whatever the YAML expanded to."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __repr__(self) -> str:
        return _BRIEF.repr(self.value)

    def __str__(self) -> str:
        return self.value if isinstance(self.value, str) and len(self.value) < 80 else repr(self)


_BRIEF = reprlib.Repr()
_BRIEF.maxstring, _BRIEF.maxother, _BRIEF.maxlevel = 80, 80, 3


def _node_at(data: Any, loc: Path_) -> Any:
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def field_label(loc: Path_) -> str | None:
    """The field's Chinese description, first phrase only: 「审结行政复议案件」."""
    names = [p for p in loc if isinstance(p, str)]
    model = _model_at(Facts, loc[:-1]) if names and names[-1] == loc[-1] else None
    field = model.model_fields.get(str(loc[-1])) if model else None
    if field is None or not field.description:
        return None
    return short_label(field.description)


def _is_union_tag(part: str | int) -> bool:
    """pydantic adds the union member to the loc (e.g. 'Count', 'int'); they are not keys."""
    return isinstance(part, str) and (part[:1].isupper() or part in {"int", "float", "str"})


def _dotted(loc: Path_) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def line_of(data: Any, loc: Path_) -> int | None:
    """The 1-based line of the deepest node of `loc` that exists in the YAML."""
    line = None
    node = data
    for part in loc:
        try:
            if isinstance(node, CommentedMap) and part in node:
                line = node.lc.key(part)[0] + 1
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
                line = node.lc.item(part)[0] + 1
                node = node[part]
            else:
                break
        except (TypeError, KeyError, IndexError, AttributeError):  # e.g. an !!omap value
            break
    if line is None and isinstance(data, CommentedMap):
        return 1
    return line


def _did_you_mean(loc: Path_) -> str | None:
    model = _model_at(Facts, loc[:-1])
    if model is None:
        return None
    close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1, cutoff=0.5)
    if close:
        return f"是不是“{close[0]}”？"
    return f"这里可用的字段：{', '.join(model.model_fields)}"


def _model_at(model: type[BaseModel], loc: Path_) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if _is_model(current) else None


def _unwrap(annotation: Any) -> Any:
    """Optional[X] / list[X] / X | None → X (the model inside)."""
    for _ in range(3):
        if get_origin(annotation) is not None or get_args(annotation):
            inner = [a for a in get_args(annotation) if a is not type(None)]
            annotation = next((a for a in inner if _is_model(_unwrap_once(a))), inner[0])
    return annotation


def _unwrap_once(annotation: Any) -> Any:
    args = [a for a in get_args(annotation) if a is not type(None)]
    return args[0] if args else annotation


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _quoted_key(problem: str | None) -> str:
    if problem and '"' in problem:
        return problem.split('"')[1]
    return problem or ""


class _Representer(RoundTripRepresenter):
    """Dates are kept as text (see _RoundTrip) and written back plain, as a person types them
    (`date: 2027-01-15`, not `'2027-01-15'`); reading them gives the same text again."""

    def represent_str(self, data: str) -> Any:
        if ISO_DATE.fullmatch(data):
            return self.represent_scalar("tag:yaml.org,2002:timestamp", data)
        return super().represent_str(data)


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_Representer.add_representer(str, _Representer.represent_str)


def dump_yaml(data: Any) -> str:
    stream = io.StringIO()
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.allow_unicode = True
    yaml.width = 4096  # one paragraph, one line: easier to read and to diff
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.dump(data, stream)
    return stream.getvalue()
