"""Base of the models of drafter's own data files (templates/*.yaml, style profiles, the
structure model): frozen dataclasses, strict about unknown keys, validated by pydantic.

They are plain dataclasses (not pydantic models) so that a command that finds a file's
validated model in the cache (`cache.validated`) unpickles it without importing pydantic at all:
importing pydantic and building its models cost ~100 ms of every `drafter check`, more than half
its start-up. Pydantic validates the file's data against the dataclass when the cache has no
copy (`validate`), with the messages and locations it gives a pydantic model; a length limit
(`at_least`) and a model's own rules (`_validate`) are reported at the model, not the field.

    class Section(DataModel):
        id: str
        cues: list[str] = at_least(1)         # pydantic's min_length
        heading: str | None = None

        def _validate(self) -> None:          # rules across fields: raise ValueError
            ...
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from functools import cache
from typing import Any, ClassVar, TypeVar

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # Python 3.10: only type checkers read it

    def dataclass_transform(**_: Any) -> Any:
        return lambda cls: cls


M = TypeVar("M")


def at_least(low: int, high: int | None = None, **kwargs: Any) -> Any:
    """A field whose value (a list, dict or string) holds from `low` to `high` items;
    `default`/`default_factory` as for `dataclasses.field`."""
    return dataclasses.field(metadata={"length": (low, high)}, **kwargs)


@dataclass_transform(
    kw_only_default=True, frozen_default=True, field_specifiers=(dataclasses.field, at_least)
)
class DataModel:
    """Each subclass is a frozen, keyword-only dataclass, its methods shared from here: a
    dataclass's own generated `__init__`, `__eq__`, `__repr__`, `__hash__`, `__setattr__` and
    `__delattr__` cost ~0.7 ms per class to make, ~30 ms for the data models of a command."""

    __pydantic_config__: ClassVar[dict] = {"extra": "forbid"}  # pydantic's ConfigDict
    _defaults: ClassVar[tuple[tuple[str, Any, Any], ...]] = ()  # each field: name, default, factory
    _lengths: ClassVar[tuple[tuple[str, int, int | None], ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(init=False, repr=False, eq=False, kw_only=True)(cls)
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        cls._defaults = tuple((f.name, f.default, f.default_factory) for f in fields)
        cls._lengths = tuple(
            (f.name, *f.metadata["length"]) for f in fields if "length" in f.metadata
        )

    def __init__(self, **values: Any) -> None:
        for name, default, factory in self._defaults:
            if name in values:
                value = values.pop(name)
            elif default is not dataclasses.MISSING:
                value = default
            elif factory is not dataclasses.MISSING:
                value = factory()
            else:
                raise TypeError(f"{type(self).__name__}: missing field {name!r}")
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__}: unknown fields {sorted(values)}")
        self.__post_init__()

    def __post_init__(self) -> None:
        for name, low, high in self._lengths:
            value = getattr(self, name)
            if value is None:
                continue
            if len(value) < low:
                raise ValueError(f"{name} should have at least {low} item(s), not {len(value)}")
            if high is not None and len(value) > high:
                raise ValueError(f"{name} should have at most {high} item(s), not {len(value)}")
        self._validate()

    def _validate(self) -> None:
        """A model's own rules across its fields: raise ValueError (pydantic reports it)."""

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name, _, _ in self._defaults)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name, _, _ in self._defaults)
        return f"{type(self).__name__}({fields})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


class InvalidData(ValueError):
    """Data that does not fit its model: pydantic's errors (each with `loc`, `msg`, `type`)."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(errors[0]["msg"] if errors else "invalid")
        self.errors = errors


def validate(model: type[M], data: Any) -> M:
    """`data` (parsed YAML/JSON) as `model`; InvalidData when it does not fit."""
    from pydantic import ValidationError

    try:
        return _adapter(model)(data)
    except ValidationError as exc:
        raise InvalidData(exc.errors()) from None


@cache
def _adapter(model: type) -> Callable[[Any], Any]:
    from pydantic import TypeAdapter

    return TypeAdapter(model).validate_python


def plain(value: Any) -> Any:
    """A model as JSON-ready data: dataclasses as dicts of their fields (less those marked
    `metadata={"exclude": True}`), tuples as lists, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.metadata.get("exclude")
        }
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value
