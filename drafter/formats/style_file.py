"""Style profiles: `templates/styles/*.yaml`, or a user's own file, read into `Style`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from drafter.errors import DrafterError
from drafter.formats.data_file import read_data_file
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
    return read_data_file(
        path, Style, "版式配置", hint="对照自带的 templates/styles/gbt9704.yaml 修改。"
    )
