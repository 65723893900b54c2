"""Messages (saved, generated, errors) on a line of their own above the footer. Not Textual's
toasts: a toast floats over the form, and where a full-width character of it straddles the edge
of a widget beneath, Textual draws it blank (「第 1 项（」 became 「第 1   」)."""

from __future__ import annotations

from textual.widgets import Static

TIMEOUTS = {"information": 5.0, "warning": 8.0, "error": 12.0}


class StatusLine(Static):
    DEFAULT_CLASSES = "status"

    def show(self, message: str, severity: str = "information", timeout: float | None = None):
        self._timer = getattr(self, "_timer", None)
        if self._timer is not None:
            self._timer.stop()
        self.update(message, layout=True)
        for name in TIMEOUTS:
            self.set_class(name == severity, f"-{name}")
        self.display = True
        self._timer = self.set_timer(timeout or TIMEOUTS.get(severity, 5.0), self.clear)

    def clear(self) -> None:
        self._timer = None
        self.display = False
