"""A facts file being edited: the YAML kept as a round-trip tree (order, comments and Chinese
text survive a save), values set by field path, problems reported by field path, a journal
beside the file for crash recovery, and atomic saves. No UI here: the TUI drives it, tests too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from drafter.files import write_atomic
from drafter.formats.yaml_io import dump_yaml, field_label, load_yaml, problem_paths
from drafter.models.facts import Facts, FieldPath
from drafter.models.findings import Finding


def journal_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.journal")


class FactsDocument:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.data: CommentedMap = load_yaml(text, str(path)) or CommentedMap()
        if not isinstance(self.data, dict):
            from drafter.errors import DrafterError, Location

            raise DrafterError("事实文件应以字段开头（如 meta:）", location=Location(str(path), 1))
        self.saved_text = text if path.exists() else None
        self.dirty = False
        self.facts: Facts | None = None
        self.problems: dict[FieldPath, str] = {}
        self.validate()

    @classmethod
    def open(cls, path: Path, skeleton: str) -> FactsDocument:
        """The file if it exists, else a new document from `skeleton` (not written until saved)."""
        if path.exists():
            return cls(path, path.read_text(encoding="utf-8-sig"))
        document = cls(path, skeleton)
        document.dirty = True
        return document

    # ---- reading and writing values -------------------------------------------------------
    def get(self, path: FieldPath, default: Any = None) -> Any:
        node: Any = self.data
        for part in path:
            if isinstance(node, str) and part == "text":
                continue  # an item written as a plain string: the string is its text
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return default if node is None else node

    def set(self, path: FieldPath, value: Any) -> bool:
        """Set a value, creating the maps on the way; an empty string is stored as empty (null).
        An item written as a plain string (「- 一是……」) keeps that form while only its text is
        set, and becomes a map when another of its fields is. Setting the item just past a
        list's end appends it (an item added in the form exists once something is typed).
        Returns whether anything changed (a form reports its initial values when it appears)."""
        if isinstance(value, str) and not value.strip():
            value = None
        if self.get(path) == value:
            return False
        node: Any = self.data
        for depth, (part, following) in enumerate(zip(path[:-1], path[1:], strict=False)):
            if isinstance(node, list) and isinstance(part, int) and part == len(node):
                node.append(None)
            child = node[part] if (isinstance(node, list) or part in node) else None
            if isinstance(child, str) and following == "text" and depth == len(path) - 2:
                node[part] = value  # the plain-string item: its text is the string
                return self._changed()
            if not isinstance(child, dict | list):
                shorthand = child
                child = CommentedSeq() if isinstance(following, int) else CommentedMap()
                if isinstance(shorthand, str) and isinstance(child, dict):
                    child["text"] = shorthand
                node[part] = child
            node = child
        last = path[-1]
        if isinstance(node, list) and isinstance(last, int) and last == len(node):
            node.append(None)
        node[last] = value
        return self._changed()

    def _changed(self) -> bool:
        self.dirty = True
        self.validate()
        return True

    def list_at(self, path: FieldPath) -> list:
        """The list at `path`, created empty if missing (for item editors)."""
        current = self.get(path)
        if isinstance(current, list):
            return current
        self.set(path, CommentedSeq())
        return self.get(path, CommentedSeq())

    def replace(self, data: dict) -> None:
        """New contents (imported from last year's report), keeping this file's path."""
        self.data = load_yaml(dump_yaml(data), str(self.path))
        self.dirty = True
        self.validate()

    # ---- validation -----------------------------------------------------------------------
    def validate(self) -> None:
        try:
            self.facts = Facts.model_validate(self.data)
            self.problems = {}
        except ValidationError as exc:
            self.facts = None
            self.problems = dict(problem_paths(exc))

    def problems_under(self, prefix: FieldPath) -> dict[FieldPath, str]:
        return {p: m for p, m in self.problems.items() if p[: len(prefix)] == prefix}

    @classmethod
    def from_data(cls, path: Path, data: dict) -> FactsDocument:
        """Facts given as data (an extraction), as a document at `path` (nothing is written)."""
        return cls(path, dump_yaml(data))

    @staticmethod
    def label(path: FieldPath) -> str | None:
        """The field's Chinese name."""
        return field_label(path)

    def described_problems(self, prefix: FieldPath = ()) -> list[str]:
        """「审查行政规范性文件：不能小于 0」: each problem under `prefix` with its field's name."""
        out = []
        for path, message in self.problems_under(prefix).items():
            names = [p for p in path if isinstance(p, str)]
            out.append(f"{field_label(path) or (names[-1] if names else '')}：{message}")
        return out

    def findings(self) -> list[Finding]:
        """The problems as findings (code `facts-invalid`), each carrying its field."""
        from drafter.models.codes import severity_of

        severity = severity_of("facts-invalid")  # declared in templates/rules/codes.yaml
        return [
            Finding(code="facts-invalid", severity=severity, message=text, field=path)
            for path, text in zip(self.problems, self.described_problems(), strict=True)
        ]

    # ---- files ----------------------------------------------------------------------------
    def text(self) -> str:
        return dump_yaml(self.data)

    def save(self) -> None:
        text = self.text()
        write_atomic(self.path, text.encode("utf-8"), force=True)
        self.saved_text, self.dirty = text, False
        journal_path(self.path).unlink(missing_ok=True)

    def write_journal(self) -> None:
        if self.dirty:
            write_atomic(journal_path(self.path), self.text().encode("utf-8"), force=True)

    def journal(self) -> str | None:
        """A journal left by a session that did not save, if it differs from the file."""
        journal = journal_path(self.path)
        if not journal.exists():
            return None
        text = journal.read_text(encoding="utf-8")
        return text if text != self.saved_text else None

    def restore_journal(self) -> None:
        text = self.journal()
        if text is not None:
            self.data = load_yaml(text, str(journal_path(self.path)))
            self.dirty = True
            self.validate()

    def discard_journal(self) -> None:
        journal_path(self.path).unlink(missing_ok=True)
