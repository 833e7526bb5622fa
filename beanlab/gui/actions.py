"""Every action defined once — label, tooltip, shortcut, handler — for menus, toolbar and panels.

Labels and tooltips are English, marked for translation; an action shows them translated, and
``retranslate_actions`` shows them again in a new language.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from beanlab.i18n import N_, tr


@dataclass(frozen=True)
class ActionSpec:
    name: str
    label: str
    tooltip: str
    shortcuts: tuple[str, ...]
    handler: Callable[..., None]   # checkable actions get the new checked state
    checkable: bool = False
    describe: Callable[[], tuple[str, str]] | None = None   # (label, tooltip) made anew, instead of the two above

    def words(self) -> tuple[str, str]:
        """The label and tooltip in the current language."""
        return self.describe() if self.describe else (tr(self.label), tr(self.tooltip))


def playback_actions(controller, step: Callable[[], None] | None = None,
                     skip: Callable[[], None] | None = None,
                     predict: Callable[[], None] | None = None) -> list[ActionSpec]:
    """The actions that steer a run; the controller's verbs do the work (``step``: a stage-aware Step;
    ``skip``: skip ahead to the lesson's promise; ``predict``: ask the lesson's next prediction)."""
    return [
        ActionSpec("play", N_("Play / Pause"), N_("start or pause training"), ("Space",), controller.toggle_play),
        ActionSpec("step", N_("Step"), N_("make exactly one update and show it (a presenter remote's next)"),
                   ("Right", "PgDown"), step or controller.step),
        ActionSpec("back", N_("Step back"), N_("undo the last update (a presenter remote's previous)"),
                   ("Left", "PgUp"), controller.step_back),
        ActionSpec("epoch", N_("Epoch"), N_("run to the end of the epoch"), ("Shift+Right",), controller.step_epoch),
        *([ActionSpec("skip", N_("Skip to the interesting part"),
                      N_("fast-forward to what the lesson's caption promises, and pause there"), ("Ctrl+Right",),
                      skip)] if skip else []),
        ActionSpec("reset", N_("Reset"), N_("back to the starting point"), ("R",), controller.reset),
        *([ActionSpec("predict", N_("Predict"), N_("the lesson asks what the run will do: answer on the plot, "
                                                   "then watch (predict, then watch)"), ("P",), predict)]
          if predict else []),
    ]


def speed_actions(panel) -> list[ActionSpec]:
    """Faster and slower, one notch of the speed slider at a time."""
    return [
        ActionSpec("faster", N_("Faster"), N_("one notch faster"), ("+", "="), panel.faster),
        ActionSpec("slower", N_("Slower"), N_("one notch slower"), ("-",), panel.slower),
    ]


def lesson_actions(lessons: dict, load_lesson: Callable[[int], None]) -> list[ActionSpec]:
    """One action per lesson preset, Ctrl+1 … Ctrl+9 (labels are translated as the lessons say)."""
    return [ActionSpec(f"lesson{number}", "", "", (f"Ctrl+{number}",) if number <= 9 else (),
                       lambda number=number: load_lesson(number),
                       describe=lambda preset=preset: (preset.menu_text, tr(preset.caption).splitlines()[0]))
            for number, preset in lessons.items()]


def view_actions(stepper, reset_camera: Callable[[], None], window) -> list[ActionSpec]:
    return [
        ActionSpec("projector", N_("&Projector view"), N_("large text, thick lines, colour-blind-safe colours, "
                   "only playback and the explanation"), ("F5",), window.set_projector_view, checkable=True),
        ActionSpec("dark", N_("&Dark theme"), N_("light text on dark, for a dark room"), ("Ctrl+D",),
                   window.set_dark, checkable=True),
        ActionSpec("full_screen", N_("&Full screen"), N_("the whole screen for the window"), ("F11",),
                   window.set_full_screen, checkable=True),
        ActionSpec("bigger", N_("Bigger"), N_("all text and lines larger"), ("Ctrl+=", "Ctrl++"), window.zoom_in),
        ActionSpec("smaller", N_("Smaller"), N_("all text and lines smaller"), ("Ctrl+-",), window.zoom_out),
        ActionSpec("stages", N_("Step in &stages (bean → slope → move)"),
                   N_("each Step shows one stage of the next update: its bean(s), its slope, its move"),
                   ("S",), stepper.set_enabled, checkable=True),
        ActionSpec("camera", N_("Reset 3-D camera"), N_("back to the starting view of the bowl"), (), reset_camera),
    ]


def build_actions(specs: list[ActionSpec], parent: QWidget) -> dict[str, QAction]:
    """QActions for ``specs``, with window-wide shortcuts, keyed by name."""
    actions = {}
    for spec in specs:
        action = QAction(parent)
        action.beanlab_spec = spec
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setCheckable(spec.checkable)
        if spec.checkable:
            action.toggled.connect(spec.handler)
        else:
            action.triggered.connect(lambda _=False, handler=spec.handler: handler())
        parent.addAction(action)
        actions[spec.name] = action
    retranslate_actions(actions.values())
    return actions


def retranslate_actions(actions) -> None:
    """Show the actions' labels and tooltips (with their keys) in the current language."""
    for action in actions:
        spec: ActionSpec = action.beanlab_spec
        label, tooltip = spec.words()
        keys = tr(" or ").join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText)
                               for s in spec.shortcuts)
        action.setText(label)
        action.setToolTip(f"{tooltip} ({keys})" if keys else tooltip)
