"""Stepping in stages, like a slide animation: pick the bean(s) → the slope → the move.

With stages on, each press of Step (→, Page Down, a presenter remote's "next") shows one stage of
the coming update, and the plots point at what the stage talks about: the bean(s) in the scatter,
then the tangents on the cost curves; the third press makes the update. With the backprop graph on
screen, the presses between the bean and the slope fill the graph column by column: forward values
left to right, then the slopes right to left (the numbers the slope's stage then tells). Anything else that moves
the run (play, reset, step back, a new lesson) drops the stages shown so far.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from beanlab.core import Explanation, Frame
from beanlab.gui.panels.explanation_panel import ExplanationPanel
from beanlab.gui.plots.cost_slices_plot import TANGENT, UPDATE
from beanlab.gui.plots.plot_board import PlotBoard
from beanlab.gui.training_controller import TrainingController
from beanlab.i18n import tr


class StageStepper(QObject):
    stage_changed = Signal(int)   # 0: no stage on screen; 1: the bean(s); 2: the slope

    def __init__(self, controller: TrainingController, plots: PlotBoard, panel: ExplanationPanel) -> None:
        super().__init__()
        self._controller, self._plots, self._panel = controller, plots, panel
        self.enabled = False
        self.stage = 0
        self._step_shown = -1                      # the update the stages lead up from
        self._slope: Explanation | None = None
        controller.stages_ready.connect(self._on_stages_ready)
        controller.frame_ready.connect(self._on_frame)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self._clear()

    def step(self) -> None:
        """The Step action: one stage further, or (stages off) one update."""
        if not self.enabled:
            self._controller.step()
        elif self.stage == 0:
            self._controller.preview_stages()   # stage 1 arrives as stages_ready
        elif self.stage == 1 and self._graph_view() is not None and self._graph_view().stages_left:
            self._graph_view().next_stage()
        elif self.stage == 1:
            self._set_stage(2)
            self._panel.show_stage(self._slope, self._step_shown)
            self._point_at_slope(self._slope)
        else:
            self._clear()
            self._panel.label_next_update(tr("Stage 3 of 3: the move."))
            self._controller.step()

    def _on_stages_ready(self, beans: tuple[int, ...], pick: Explanation, slope: Explanation) -> None:
        if not self.enabled:
            return
        latest = self._controller.latest
        self._step_shown = latest.snapshot.step if latest is not None else 0
        self._slope = slope
        self._set_stage(1)
        self._panel.show_stage(pick, self._step_shown)
        if self._plots.scatter is not None:
            self._plots.scatter.highlight_beans(beans)
        graph = self._graph_view()
        if graph is not None and beans and latest is not None:
            graph.begin_stages(int(beans[0]), latest.snapshot.params)   # at the parameters before the update

    def _graph_view(self):
        """The backprop graph, when it is on screen."""
        return self._plots.view("graph") if "graph" in self._plots.shown else None

    def _on_frame(self, frame: Frame) -> None:
        if self.stage and (frame.snapshot.step != self._step_shown or frame.restarted):
            self._clear()   # the run moved some other way: the stages no longer apply

    def _point_at_slope(self, slope: Explanation) -> None:
        """Thicken the line whose slope the stage's text tells: the whole cost's tangent, or (when the
        update uses only some beans, and the text tells that slope and the whole cost's beside it) a
        line of this update's slope through the ball, in this update's colour."""
        slices = self._plots.cost_slices
        if slices is None:
            return
        names = self._controller.landscape.model.param_names
        own = {n: slope.numbers[f"d{n}"] for n in names if f"dE{n}" in slope.numbers}
        if own:
            config = self._controller.config
            slices.show_update_slope(own, config.slope_moved_by(len(self._controller.beans)))
            slices.emphasize(UPDATE)
        else:
            slices.emphasize(TANGENT)

    def _clear(self) -> None:
        graph = self._plots.view("graph") if "graph" in self._plots.made else None
        if graph is not None:
            graph.end_stages()
        if self._plots.cost_slices is not None:
            self._plots.cost_slices.emphasize(None)
            self._plots.cost_slices.show_update_slope(None)
        self._set_stage(0)

    def _set_stage(self, stage: int) -> None:
        if stage != self.stage:
            self.stage = stage
            self.stage_changed.emit(stage)
