"""Textual's footer, drawn with the rest of the first screen. Textual's own composes its keys
only once the bindings first change (when something takes the focus), then gives each key the
compact class one by one, and composes them all again on every focus change: together the
footer came a tenth of a second after the rest of the screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._bindings_ready = True  # the app's keys are known before anything has the focus
        self._drawn: list[tuple[str, str, bool]] | None = None

    def shown_keys(self) -> list[tuple[str, str, bool]]:
        """(key, label, enabled) of each key the footer shows."""
        return [
            (binding.key, binding.description, enabled)
            for _, binding, enabled, _ in self.screen.active_bindings.values()
            if binding.show
        ]

    def compose(self) -> ComposeResult:
        self._drawn = self.shown_keys()
        for key in super().compose():
            key.add_class("-compact", update=False)  # what the compact binding would set later
            yield key

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and self.shown_keys() == self._drawn:
            return  # the focus moved, the keys did not change: nothing to redraw
        super().bindings_changed(screen)
