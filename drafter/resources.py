"""Where the project's data lives: the `templates/` folder (report templates, taxonomy, metric
catalogue, learned structure model, style profiles, rules).

An installed wheel or sdist build carries a copy inside the package (`drafter/_templates`, put
there by `setup.py` at build time), found through `importlib.resources`. A source checkout or
an editable install (`make test`) has no copy and reads the top-level `templates/` folder."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from drafter.errors import DrafterError

M = TypeVar("M")

PACKAGED = "_templates"  # the folder name inside the package; setup.py uses the same name
CHECKOUT = Path(__file__).resolve().parent.parent / "templates"


@cache
def templates_dir() -> Path:
    packaged = resources.files("drafter") / PACKAGED
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    if CHECKOUT.is_dir():
        return CHECKOUT
    raise DrafterError(
        f"找不到 drafter 的数据文件夹（{packaged}）：安装不完整",
        hint="重新安装 drafter（pip install --force-reinstall 安装包），或在仓库中运行 make。",
    )


def data_model(model: type[M], name: str) -> Callable[[], M]:
    """A cached loader of one data file validated by its model (models/data.py):
    `frame = data_model(Frame, "frame.yaml")`, then `frame()`."""

    @cache
    def load() -> M:
        from drafter.cache import validated

        return validated(templates_dir() / name, model, _safe_yaml)

    load.__doc__ = f"templates/{name} as {model.__name__}"
    return load


@cache
def load_data(name: str) -> Any:
    """Load one of the project's own YAML data files (trusted, so no line tracking)."""
    from drafter.cache import parsed

    return parsed(templates_dir() / name, _safe_yaml)


def _safe_yaml(text: str) -> Any:
    """Parsed only when the cache has no copy of the file (ruamel.yaml is then imported)."""
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(text)
