"""Every playback action defined once — label, tooltip, shortcut, handler — for menus, toolbar and panels."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ActionSpec:
    name: str
    label: str
    tooltip: str
    shortcuts: tuple[str, ...]
    handler: Callable[[], None]


def playback_actions(controller, step: Callable[[], None] | None = None) -> list[ActionSpec]:
    """The actions that steer a run; the controller's verbs do the work (``step``: a stage-aware Step)."""
    return [
        ActionSpec("play", "Play / Pause", "start or pause training", ("Space",), controller.toggle_play),
        ActionSpec("step", "Step", "make exactly one update and show it (a presenter remote's next)",
                   ("Right", "PgDown"), step or controller.step),
        ActionSpec("back", "Step back", "undo the last update (a presenter remote's previous)",
                   ("Left", "PgUp"), controller.step_back),
        ActionSpec("epoch", "Epoch", "run to the end of the epoch", ("Shift+Right",), controller.step_epoch),
        ActionSpec("reset", "Reset", "back to the starting point", ("R",), controller.reset),
    ]


def speed_actions(panel) -> list[ActionSpec]:
    """Faster and slower, one notch of the speed slider at a time."""
    return [
        ActionSpec("faster", "Faster", "one notch faster", ("+", "="), panel.faster),
        ActionSpec("slower", "Slower", "one notch slower", ("-",), panel.slower),
    ]


def build_actions(specs: list[ActionSpec], parent: QWidget) -> dict[str, QAction]:
    """QActions for ``specs``, with window-wide shortcuts, keyed by name."""
    actions = {}
    for spec in specs:
        action = QAction(spec.label, parent)
        action.setToolTip(f"{spec.tooltip} ({' or '.join(spec.shortcuts)})")
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.triggered.connect(spec.handler)
        parent.addAction(action)
        actions[spec.name] = action
    return actions
