"""The garbage collector while the form starts. Importing textual and the models, then building
the first screen, makes a few hundred thousand objects that live as long as the form; the
collections this triggers (every generation, a full one among them) cost 50–70 ms of the start.
So the collector is paused from importing this module (drafter/tui/app.py imports it first)
until the first screen is drawn; `resume` then sets aside what was built without walking it
(gc.freeze) and collects again as usual; `release` hands it back when the form closes."""

from __future__ import annotations

import gc

_collecting = gc.isenabled()


def pause() -> None:
    gc.disable()


def resume() -> None:
    gc.freeze()
    if _collecting:
        gc.enable()


def release() -> None:
    gc.unfreeze()
    if _collecting:
        gc.enable()


pause()
