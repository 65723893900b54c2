"""A data file a user may give in place of drafter's own (a style profile, a structure model):
read and validated through the cache, and anything wrong with it a usage error that names the
file, the line and the field, in Chinese."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from drafter.cache import validated
from drafter.errors import DrafterError, Location
from drafter.models.data import InvalidData

M = TypeVar("M")


def read_data_file(path: Path, model: type[M], what: str, hint: str) -> M:
    """`path` as `model`; `what` names the kind of file in messages (「版式配置」)."""
    try:
        return validated(path, model, lambda text: _load_yaml(text, str(path)))
    except OSError as exc:
        raise DrafterError(
            f"无法读取{what}：{exc.strerror}", location=Location(str(path))
        ) from None
    except UnicodeDecodeError:
        raise DrafterError(
            f"{what}不是 UTF-8 编码的 YAML 文件",
            hint="用文本编辑器另存为 UTF-8 编码。",
            location=Location(str(path)),
        ) from None
    except InvalidData as exc:
        from drafter.formats.yaml_io import load_yaml, translate_error

        data = load_yaml(path.read_text(encoding="utf-8"), str(path))  # with its lines
        problem = translate_error(exc.errors[0], data, str(path))
        raise DrafterError(
            f"{what}有误：{problem.message}", hint=hint, location=problem.location
        ) from None


def _load_yaml(text: str, filename: str):
    """Only when the cache has no copy (ruamel.yaml is then imported)."""
    from drafter.formats.yaml_io import load_yaml

    return load_yaml(text, filename, lines=False)
