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
    handler: Callable[..., None]   # checkable actions get the new checked state
    checkable: bool = False


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


def lesson_actions(lessons: dict, load_lesson: Callable[[int], None]) -> list[ActionSpec]:
    """One action per lesson preset, Ctrl+1, Ctrl+2, …"""
    return [ActionSpec(f"lesson{number}", preset.menu_text, preset.caption.splitlines()[0],
                       (f"Ctrl+{number}",), lambda number=number: load_lesson(number))
            for number, preset in lessons.items()]


def view_actions(stepper, reset_camera: Callable[[], None], window) -> list[ActionSpec]:
    return [
        ActionSpec("projector", "&Projector view", "large text, thick lines, colour-blind-safe colours, "
                   "only playback and the explanation", ("F5",), window.set_projector_view, checkable=True),
        ActionSpec("dark", "&Dark theme", "light text on dark, for a dark room", ("Ctrl+D",), window.set_dark,
                   checkable=True),
        ActionSpec("full_screen", "&Full screen", "the whole screen for the window", ("F11",),
                   window.set_full_screen, checkable=True),
        ActionSpec("bigger", "Bigger", "all text and lines larger", ("Ctrl+=", "Ctrl++"), window.zoom_in),
        ActionSpec("smaller", "Smaller", "all text and lines smaller", ("Ctrl+-",), window.zoom_out),
        ActionSpec("stages", "Step in &stages (bean → slope → move)",
                   "each Step shows one stage of the next update: its bean(s), its slope, its move",
                   ("S",), stepper.set_enabled, checkable=True),
        ActionSpec("camera", "Reset 3-D camera", "back to the starting view of the bowl", (), reset_camera),
    ]


def build_actions(specs: list[ActionSpec], parent: QWidget) -> dict[str, QAction]:
    """QActions for ``specs``, with window-wide shortcuts, keyed by name."""
    actions = {}
    for spec in specs:
        action = QAction(spec.label, parent)
        keys = f" ({' or '.join(spec.shortcuts)})" if spec.shortcuts else ""
        action.setToolTip(f"{spec.tooltip}{keys}")
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setCheckable(spec.checkable)
        if spec.checkable:
            action.toggled.connect(spec.handler)
        else:
            action.triggered.connect(lambda _=False, handler=spec.handler: handler())
        parent.addAction(action)
        actions[spec.name] = action
    return actions
