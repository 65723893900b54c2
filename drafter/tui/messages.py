"""Messages the form widgets send to the app."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from drafter.models.facts import FieldPath


class FieldChanged(Message):
    """A value was edited: the app writes it into the facts document. Posted to the app
    directly, not bubbled through the form's containers: a key typed just before ctrl+s must
    reach the document before the save does."""

    def __init__(self, path: FieldPath, value: Any) -> None:
        super().__init__()
        self.path = path
        self.value = value


class ListChanged(Message):
    """Items were added, removed or reordered: the section's form is rebuilt."""

    def __init__(self, path: FieldPath) -> None:
        super().__init__()
        self.path = path
