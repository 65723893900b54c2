"""Style profiles: `templates/styles/*.yaml`, or a user's own file, read into `Style`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from drafter.cache import validated
from drafter.errors import DrafterError, Location
from drafter.models.data import InvalidData
from drafter.models.style import Style
from drafter.resources import templates_dir


def styles_dir() -> Path:
    return templates_dir() / "styles"


def available_styles() -> list[str]:
    return sorted(p.stem for p in styles_dir().glob("*.yaml"))


@cache
def load_style(name_or_path: str = "gbt9704") -> Style:
    """A profile by name (`gbt9704`, `gbt9704-common`) or by path to a YAML file."""
    path = Path(name_or_path)
    if not path.suffix:
        path = styles_dir() / f"{name_or_path}.yaml"
    if not path.is_file():
        raise DrafterError(
            f"找不到版式配置：{name_or_path}",
            hint=f"可用的版式：{', '.join(available_styles())}，或给出 YAML 文件路径。",
        )
    # the YAML reader (ruamel and the facts model with it) only when the cache has no copy
    try:
        return validated(path, Style, lambda text: _load_yaml(text, str(path), lines=False))
    except OSError as exc:
        raise DrafterError(
            f"无法读取版式配置：{exc.strerror}", location=Location(str(path))
        ) from None
    except UnicodeDecodeError:
        raise DrafterError(
            "版式配置不是 UTF-8 编码的 YAML 文件",
            hint="用文本编辑器另存为 UTF-8 编码。",
            location=Location(str(path)),
        ) from None
    except InvalidData as exc:
        from drafter.formats.yaml_io import load_yaml, translate_error

        data = load_yaml(path.read_text(encoding="utf-8"), str(path))
        problem = translate_error(exc.errors[0], data, str(path))
        raise DrafterError(
            f"版式配置有误：{problem.message}",
            hint="对照自带的 templates/styles/gbt9704.yaml 修改。",
            location=problem.location,
        ) from None


def _load_yaml(text: str, filename: str, lines: bool):
    from drafter.formats.yaml_io import load_yaml

    return load_yaml(text, filename, lines=lines)
