"""The structure model on disk: a reviewable YAML file, byte-identical for the same corpus."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from drafter.files import write_atomic
from drafter.formats.data_file import read_data_file
from drafter.models.catalogue import Section, taxonomy
from drafter.models.data import plain
from drafter.models.structure import StructureModel
from drafter.resources import templates_dir

HEADER = "# 结构模型：由 drafter learn 从真实报告生成，请勿手工修改（修改 taxonomy.yaml 或语料后重新生成）。\n"


def default_model_path() -> Path:
    return templates_dir() / "structure.yaml"


def dumps(model: StructureModel) -> str:
    from drafter.formats.yaml_io import dump_yaml  # the facts' YAML reader: not on check's path

    return HEADER + dump_yaml(plain(model))


def write_model(
    model: StructureModel, path: Path, force: bool = False, inputs: Iterable[Path] = ()
) -> None:
    """A file this command generated may be replaced; anything else needs --force."""
    write_atomic(path, dumps(model).encode("utf-8"), force=force or _ours(path), inputs=inputs)


def _ours(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            return handle.read(len(HEADER.encode("utf-8"))) == HEADER.encode("utf-8")
    except OSError:
        return False


@cache
def read_model(path: Path) -> StructureModel:
    return read_data_file(path, StructureModel, "结构模型", hint="用 drafter learn 重新生成。")


@cache
def section_plan() -> tuple[list[Section], list[Section]]:
    """Statutory contents and topic areas in the order and with the default headings of the
    structure model learned from real reports; the taxonomy alone when there is no model."""
    model = default_model()
    return model.plan(taxonomy()) if model else (taxonomy().statutory, taxonomy().areas)


@cache
def default_model() -> StructureModel | None:
    path = default_model_path()
    return read_model(path) if path.exists() else None
