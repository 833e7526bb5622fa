"""Issue 16's leftovers: a landscape's plots and readouts name f and show no beans; a search draws no
tangent; going back from a landscape to beans restores a beans run's own settings. Read through the real
window's public read-outs (plot titles and tooltips, readout labels), as in test_symbol_meaning.py."""
import re

import pyqtgraph as pg
import pytest
from gui_helpers import full_speed, latest, press, wait_state
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from beanlab.core import Landscape, RunConfig, RunState
from beanlab.core.landscape_models import TERRAINS, LandscapeModel, terrain_beans
from beanlab.gui.plots.cost_slices_plot import CostSlicesPlot


def new_run(qtbot, window, start):
    shown = window.frames_shown
    start()
    qtbot.waitUntil(lambda: window.frames_shown > shown and latest(window).restarted
                    and latest(window).snapshot.step == 0, timeout=20_000)


def slice_titles(window) -> list[tuple[str, str]]:
    """(the title shown, the whole title: the tooltip when the shown one is shortened) of each visible cut."""
    plots = [plot for plot in window.cost_slices.findChildren(pg.PlotWidget) if plot.isVisible()]
    return [(plot.getPlotItem().titleLabel.text, plot.toolTip() or plot.getPlotItem().titleLabel.text)
            for plot in plots]


def visible_readout_names(window) -> list[str]:
    values = set(window.readouts.values.values())
    return [label.text() for label in window.readouts.findChildren(type(window.readouts.values["epoch"]))
            if label not in values and label.isVisible()]


def assert_titles_name_f(window, whole_title):
    titles = slice_titles(window)
    assert len(titles) == 2, titles
    for (shown, whole), (name, other) in zip(titles, (("w", "b"), ("b", "w"))):
        assert whole == whole_title.format(name=name, other=other), (shown, whole)
        # the title shown is the whole one, its short formula, or the whole one elided: never an E
        assert shown in (whole, f"f({name} | {other})") or shown.endswith("…"), shown
        assert "E" not in shown and "代价" not in shown


@pytest.mark.parametrize("language, whole_title", [("en", "f along {name}, {other} held"),
                                                   ("zh_CN", "沿 {name} 的 f（{other} 固定）")])
def test_a_landscapes_slices_name_f_in_both_languages_and_views(qtbot, window, language, whole_title):
    new_run(qtbot, window, lambda: window.load_lesson(10))   # the saddle preset
    if language != "en":
        window.set_language(language)
        QCoreApplication.sendPostedEvents()   # every plot's LanguageChange
    assert_titles_name_f(window, whole_title)
    press(qtbot, window, Qt.Key.Key_F5)   # the projector view: narrower cuts, larger titles
    qtbot.waitUntil(lambda: window.appearance.projector)
    assert_titles_name_f(window, whole_title)
    # the axes say f too: the title and the axis agree
    for plot in window.cost_slices.findChildren(pg.PlotWidget):
        if plot.isVisible():
            assert plot.getAxis("left").labelText == "f(w, b)"
    window.set_language("en")


def test_the_short_titles_of_exported_pictures_name_f_on_a_landscape_and_e_on_beans(qtbot):
    plot = CostSlicesPlot()
    qtbot.addWidget(plot)
    plot.short_titles = True
    plot.set_run(Landscape(terrain_beans("saddle"), LandscapeModel("saddle")))
    titles = [widget.getPlotItem().titleLabel.text for widget in plot.findChildren(pg.PlotWidget)]
    assert titles == ["f(w | b)", "f(b | w)"]
    trainer = RunConfig().build_trainer()
    plot.set_run(Landscape(trainer.beans, trainer.model))
    titles = [widget.getPlotItem().titleLabel.text for widget in plot.findChildren(pg.PlotWidget)]
    assert titles == ["E(w | b)", "E(b | w)"]


def test_a_landscape_shows_no_bean_row_and_its_slopes_say_just_df(qtbot, window):
    names = visible_readout_names(window)
    assert "bean(s)" in names   # beans: which bean this update used
    new_run(qtbot, window, lambda: window.load_lesson(10))
    press(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    names = visible_readout_names(window)
    assert "bean(s)" not in names and window.readouts.values["beans"].isHidden()
    # the slope this update moved by, told apart from the tangent's "(at the ball)" on the cost slices
    assert "∂f/∂w (this update)" in names and "∂f/∂b (this update)" in names, names
    assert not any("of f" in name for name in names), names
    assert "f(w, b)" in names
    window.set_language("zh_CN")
    QCoreApplication.sendPostedEvents()
    names = visible_readout_names(window)
    assert "∂f/∂w（本次）" in names and not any("f 的" in name for name in names), names
    window.set_language("en")
    new_run(qtbot, window, lambda: window.landscapes.actions[None].trigger())   # beans again: the row is back
    assert "bean(s)" in visible_readout_names(window)


def test_a_search_draws_no_tangent_and_no_slope_label(qtbot, window):
    new_run(qtbot, window, lambda: window.load_lesson(2))
    full_speed(window, epochs=31)
    window.actions["play"].trigger()
    wait_state(qtbot, window, RunState.FINISHED)
    assert latest(window).snapshot.step > 0
    assert not window.cost_slices.tangent_shown() and window.cost_slices.slope_labels() == ()
    # a descent draws them again
    new_run(qtbot, window, lambda: window.load_lesson(3))
    press(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    assert window.cost_slices.tangent_shown()
    assert re.match(r"∂E/∂w = ", window.cost_slices.slope_labels()[0])


def settings(window):
    config = window.controller.config
    return config.optimizer, config.lr, config.epochs


def test_back_from_a_landscape_to_beans_restores_the_last_beans_runs_settings(qtbot, window):
    new_run(qtbot, window, lambda: window.load_lesson(3))
    window.controller.set_config(lr=0.02)   # a change of the teacher's, live: kept too
    before = settings(window)
    new_run(qtbot, window, window.landscapes.actions["rosenbrock"].trigger)
    terrain = TERRAINS["rosenbrock"]
    assert settings(window) == (terrain.optimizer, terrain.lr, terrain.epochs) != before
    new_run(qtbot, window, window.landscapes.actions[None].trigger)
    assert window.controller.config.landscape is None and settings(window) == before
    # and through a lesson's landscape preset (the saddle), from lesson 2's search: lesson 2's run again
    new_run(qtbot, window, lambda: window.load_lesson(2))
    lesson_2 = window.controller.config
    new_run(qtbot, window, lambda: window.load_lesson(10))
    new_run(qtbot, window, window.landscapes.actions[None].trigger)
    assert window.controller.config == lesson_2


def test_back_on_beans_without_a_beans_run_before_takes_the_default_runs_settings():
    saddle = RunConfig().with_landscape("saddle")
    assert (saddle.optimizer, saddle.lr, saddle.epochs) != (RunConfig().optimizer, RunConfig().lr, RunConfig().epochs)
    beans = saddle.with_landscape(None)
    default = RunConfig()
    assert beans.landscape is None and (beans.optimizer, beans.lr, beans.epochs) == (
        default.optimizer, default.lr, default.epochs)
    beans.build_trainer()   # a valid run


def test_a_landscapes_map_and_3d_view_name_f_too(qtbot, window):
    new_run(qtbot, window, lambda: window.load_lesson(10))
    contour = window.plots.view("contour")
    shown = contour.getPlotItem().titleLabel.text
    assert (contour.toolTip() or shown) == "Map of f(w, b) from above" and "E" not in shown, shown
    surface = window.plots.view("surface")
    plot_titles = [plot.toolTip() or plot.getPlotItem().titleLabel.text for plot in surface.findChildren(pg.PlotWidget)]
    texts = [label.full_text() for label in surface.findChildren(QLabel) if hasattr(label, "full_text")]
    assert "f(w, b) by height" in plot_titles or any(text.startswith("Landscape f(w, b) in 3-D") for text in texts), (
        plot_titles, texts)
    new_run(qtbot, window, lambda: window.load_lesson(4))   # beans: the cost E again
    shown = contour.getPlotItem().titleLabel.text
    assert (contour.toolTip() or shown) == "Cost map E(w, b) from above"
