"""Base of the models of drafter's own data files (templates/*.yaml, style profiles, the
structure model): frozen, strict about unknown keys, and built on first use (`defer_build`).
A run that finds a file's validated model in the cache (`cache.validated`) never builds the
model's validator at all: building the two dozen data models cost ~20 ms of every command."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class DataModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
