"""Run → Race…: up to four optimizers on the same beans from the same start, side by side.

The race itself is the core's (``run_race``), run on a thread of its own so the window never
waits; the answer comes back as paths and losses, drawn each in its racer's colour on a cost map,
the same surface in 3-D and one loss chart, with a table of where each ended and how soon it got near the bottom.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beanlab.core import (
    OPTIMIZERS,
    Box,
    Landscape,
    Race,
    RunConfig,
    run_race,
    thin_indices,
)
from beanlab.core.numbers import count, number
from beanlab.gui import opengl_support, style
from beanlab.gui.language import Retranslating
from beanlab.gui.plots.contour_plot import log_shade
from beanlab.gui.plots.flat_race_bowl import FlatRaceBowl
from beanlab.gui.plots.race_bowl import RaceBowl
from beanlab.i18n import N_, tr

RACER_COLOURS = ((0, 114, 178), (230, 159, 0), (0, 158, 115), (213, 94, 0))   # Okabe–Ito: told apart by all
DEFAULT_RACERS = ("sgd", "minibatch", "batch", "adam")
DEFAULT_NOISE = 0.01   # on a landscape, the noisy racer's noise unless the run has its own
POINTS_DRAWN = 2000
GRID = 60
COLUMNS = (N_("optimizer"), N_("final loss"), N_("updates"), N_("seconds"), N_("updates to threshold"),
           N_("seconds to threshold"))


def racer_choices(config: RunConfig) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    """The racers to choose from, and the four chosen at first. On a landscape, also plain descent
    with gradient noise (``batch@0.01``): the pair that shows noise getting past a saddle."""
    raceable = tuple(name for name, optimizer in OPTIMIZERS.items() if optimizer.can_race)
    if config.landscape is None:
        return raceable, DEFAULT_RACERS
    noisy = tuple(f"{name}@{config.noise or DEFAULT_NOISE:g}" for name in ("batch", "sgd"))
    return raceable + noisy, ("batch", noisy[0], None, None)


def racer_label(racer: str) -> str:
    """``batch`` → full batch; ``batch@0.01`` → full batch + noise 0.01."""
    name, _, noise = racer.partition("@")
    label = OPTIMIZERS.label(name)
    return tr("{optimizer} + noise {noise}").format(optimizer=label, noise=noise) if noise else label


@dataclass(frozen=True)
class RaceMap:
    """The cost map under the racers' paths: ready to draw, worked out with the race."""

    names: tuple[str, str]
    box: Box
    cost: np.ndarray
    paths: tuple[np.ndarray, ...]   # each racer's path in the map's two parameters, thinned for drawing
    heights: tuple[np.ndarray, ...] = ()   # and its loss at those points, for the 3-D view
    updates: tuple[np.ndarray, ...] = ()   # and the update numbers of those points


def race_map(config: RunConfig, race: Race, beans=None) -> RaceMap | None:
    """The map through the first two parameters (a slice where the first racer ended, for a model
    with more), on ``beans`` (else the config's dataset); None for a model of one parameter."""
    landscape = Landscape(config.make_beans() if beans is None else beans, config.make_model())
    if not landscape.two_d:
        return None
    everything = np.vstack(race.paths)
    box = landscape.box_around(everything[np.all(np.isfinite(everything), axis=1)])
    _first, _second, cost = landscape.grid(box, GRID, race.paths[0][-1])
    shown = [thin_indices(len(path), POINTS_DRAWN) for path in race.paths]
    paths = tuple(landscape.project(path[rows]) for path, rows in zip(race.paths, shown))
    heights = tuple(losses[rows] for losses, rows in zip(race.losses, shown))
    return RaceMap(landscape.names, box, cost, paths, heights, tuple(u[rows] for u, rows in zip(race.updates, shown)))


class _RaceRunner(QObject):
    """Runs a race, and works out its map, on its own thread; says the result (or the error)."""

    finished = Signal(object, object)   # (Race, RaceMap or None)
    failed = Signal(str)

    @Slot(object, object)
    def run(self, config: RunConfig, optimizers: list) -> None:
        try:
            race = run_race(config, list(optimizers))
        except ValueError as exc:
            self.failed.emit(str(exc))
            return
        self.finished.emit(race, race_map(config, race))


class RaceWindow(Retranslating, QWidget):
    """A window of its own: choose the racers, start, compare."""

    _start_requested = Signal(object, object)

    def __init__(self, config: RunConfig, parent: QWidget | None = None, with_bowl: bool | None = None) -> None:
        """``with_bowl=False``: the bowl drawn in 2-D (from the side) rather than in 3-D, as it is by
        default where OpenGL cannot draw (or beanlab --no-3d)."""
        super().__init__(parent, Qt.WindowType.Window)
        self.config = config
        self.race: Race | None = None
        self._map: RaceMap | None = None
        self.racers = [QComboBox() for _ in RACER_COLOURS]
        choices, defaults = racer_choices(config)
        for combo, default in zip(self.racers, defaults):
            combo.addItem("—", None)
            for name in choices:
                combo.addItem("", name)
            combo.setCurrentIndex(combo.findData(default))
        self.start = QPushButton()
        self.start.clicked.connect(self.start_race)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.map = style.titled_plot(N_("The racers' paths on the cost map"), "w", "b")
        self.map_image = pg.ImageItem()
        self.map_image.setColorMap(pg.colormap.get("viridis"))
        self.map.addItem(self.map_image)
        self.losses = style.titled_plot(N_("Loss per update"), N_("update"), N_("cost E"))
        self.losses.setLogMode(y=config.landscape is None)   # a landscape's f goes below zero
        legend = style.legend_below(self.losses, columns=2)
        self.paths, self.curves = [], []
        for colour in RACER_COLOURS:
            self.paths.append(self.map.plot([], [], pen=style.pen(colour, 2.5)))
            self.curves.append(self.losses.plot([], [], pen=style.pen(colour, 2), name=" "))
        self._legend = legend
        if with_bowl is None:
            with_bowl = opengl_support.usable()
        # the same paths on the surface in 3-D; without OpenGL, on the bowl seen from the side
        self.bowl = RaceBowl(RACER_COLOURS) if with_bowl else FlatRaceBowl(RACER_COLOURS)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.verticalHeader().hide()
        self._lay_out()
        self._thread = QThread(self)
        self._runner = _RaceRunner()
        self._runner.moveToThread(self._thread)
        self._start_requested.connect(self._runner.run)
        self._runner.finished.connect(self.show_race)
        self._runner.failed.connect(self._show_failure)
        self._thread.finished.connect(self._runner.deleteLater)
        self._thread.start()
        style.fit_to_screen(self, 1400, 720)   # its Start button and legend stay on a 1280×720 screen
        self.retranslate()

    def _lay_out(self) -> None:
        choices = QHBoxLayout()
        for combo in self.racers:
            choices.addWidget(combo)
        choices.addWidget(self.start)
        plots = QSplitter(Qt.Orientation.Horizontal)
        plots.addWidget(self.map)
        for plot in (self.map, self.bowl, self.losses):
            if plot is not None:
                plots.addWidget(plot)
        plots.setSizes([480, 420, 480] if self.bowl is not None else [600, 600])
        rows = QSplitter(Qt.Orientation.Vertical)
        rows.addWidget(plots)
        rows.addWidget(self.table)
        rows.setSizes([480, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.status)
        layout.addWidget(rows, 1)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Race: optimizers side by side"))
        self.start.setText(tr("Start the race"))
        for combo in self.racers:
            for index in range(1, combo.count()):
                combo.setItemText(index, racer_label(combo.itemData(index)))
        self.table.setHorizontalHeaderLabels([tr(column) for column in COLUMNS])
        self.table.resizeColumnsToContents()   # whole headings ("updates to threshold"), even before a race
        for plot in (self.map, self.losses):
            style.retranslate_plot(plot)
        if getattr(self.bowl, "is_stand_in", False):
            self.bowl.retranslate()
        if self.race is not None:
            self.show_race(self.race, self._map)
        else:
            self.status.setText(tr("The same beans, the same start, {epochs} epochs each: choose up to four "
                                   "optimizers and start.").format(epochs=self.config.epochs))

    def choose(self, racers: list[str]) -> None:
        """Set the racer boxes to these racers (and the rest to none)."""
        for combo, racer in zip(self.racers, [*racers, *[None] * len(self.racers)]):
            if combo.findData(racer) < 0:   # e.g. a noisy racer with a noise the list does not have
                combo.addItem(racer_label(racer), racer)
            combo.setCurrentIndex(combo.findData(racer))

    def chosen(self) -> list[str]:
        names = [combo.currentData() for combo in self.racers if combo.currentData()]
        return list(dict.fromkeys(names))   # each once, in the order chosen

    def start_race(self) -> None:
        names = self.chosen()
        if not names:
            self.status.setText(tr("Choose at least one optimizer."))
            return
        self.start.setEnabled(False)
        self.status.setText(tr("Racing {names} …").format(names=tr(", ").join(
            racer_label(name) for name in names)))
        self._start_requested.emit(self.config, names)

    @Slot(str)
    def _show_failure(self, text: str) -> None:
        self.start.setEnabled(True)
        self.status.setText(tr("No race: {reason}.").format(reason=text))

    @Slot(object, object)
    def show_race(self, race: Race, drawn_map: RaceMap | None) -> None:
        """The finished race: map, 3-D surface, losses, legend and table."""
        self.race, self._map = race, drawn_map
        self.start.setEnabled(True)
        if drawn_map is not None:
            self._draw_map(drawn_map)
        for index, (curve, path) in enumerate(zip(self.curves, self.paths)):
            racing = index < len(race.results)
            if not racing:
                curve.setData([], [])
                path.setData([], [])
            self._legend.items[index][1].setText(racer_label(race.results[index].optimizer) if racing else "")
            for part in self._legend.items[index]:   # no empty entry for a racer not in the race
                part.setVisible(racing)
        self.show_until(max(int(updates[-1]) for updates in race.updates))
        self._fill_table(race)
        self.status.setText(tr("Threshold loss {threshold:.6g}: the least known loss plus a hundredth of the "
                               "way down from the start.").format(threshold=race.threshold))

    def show_until(self, update: int) -> None:
        """The race as it stood after ``update`` updates: paths and losses so far (an animation's frame)."""
        race, drawn = self.race, self._map
        for index in range(len(race.results)):
            upto = race.updates[index] <= update
            rows = np.flatnonzero(upto)[thin_indices(int(upto.sum()), POINTS_DRAWN)]
            losses = race.losses[index][rows]
            self.curves[index].setData(race.updates[index][rows],
                                       losses if self.config.landscape else np.maximum(losses, 1e-300))
            if drawn is not None:
                path = drawn.paths[index][drawn.updates[index] <= update]
                self.paths[index].setData(path[:, 0], path[:, 1])

    def _draw_map(self, drawn: RaceMap) -> None:
        box = drawn.box
        self.map_image.setImage(log_shade(drawn.cost), autoLevels=True)   # a landscape's f may be < 0
        self.map_image.setRect(box.w_lo, box.b_lo, box.w_hi - box.w_lo, box.b_hi - box.b_lo)
        style.label_axes(self.map, *drawn.names)
        if self.bowl is not None:
            self.bowl.draw(drawn)

    def _fill_table(self, race: Race) -> None:
        self.table.setRowCount(len(race.results))
        for row, result in enumerate(race.results):
            never = tr("never")
            # every row with the same digits (numbers.py): costs to 4 significant digits, times to the millisecond
            cells = (racer_label(result.optimizer), number(result.final_loss), count(result.updates),
                     f"{result.seconds:.3f}",
                     never if result.updates_to_threshold is None else count(result.updates_to_threshold),
                     never if result.seconds_to_threshold is None else f"{result.seconds_to_threshold:.3f}")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setForeground(pg.mkColor(*RACER_COLOURS[row]))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def closeEvent(self, event) -> None:
        self._thread.quit()
        self._thread.wait()
        super().closeEvent(event)
