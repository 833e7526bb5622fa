"""Issue 16, items 2, 3 and 5: one meaning per symbol and per colour, and each lesson's words match its
screen. One test per finding, read through the real window's public read-outs and the core."""
import re

import numpy as np
import pyqtgraph as pg
import pytest
from gui_helpers import full_speed, latest, press, wait_state
from PySide6.QtCore import Qt

from beanlab.colours import MEANINGS, OPTIMUM
from beanlab.core import LESSONS, RunConfig, RunState, explain_update
from beanlab.core.landscape_models import TERRAINS
from beanlab.core.numbers import count, number
from beanlab.core.symbols import THIS_BEAN, WHOLE_COST, slope_of_update

OKABE_ITO = {(0, 0, 0), (230, 159, 0), (86, 180, 233), (0, 158, 115), (240, 228, 66), (0, 114, 178),
             (213, 94, 0), (204, 121, 167)}


def new_run(qtbot, window, start):
    """Do ``start()`` (which replaces the run) and wait for the new run's first frame (an old run's
    frames never reach the window once it is replaced)."""
    shown = window.frames_shown
    start()
    qtbot.waitUntil(lambda: window.frames_shown > shown and latest(window).restarted
                    and latest(window).snapshot.step == 0, timeout=20_000)


def load(qtbot, window, number_):
    new_run(qtbot, window, lambda: window.load_lesson(number_))


def step(qtbot, window, times=1):
    target = latest(window).snapshot.step + times
    for _ in range(times):
        press(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == target
                    and window.explanation.plain_text.startswith(f"Update {target:,}"), timeout=20_000)


def readout_names(window) -> list[str]:
    return [label.text() for label in window.readouts.findChildren(type(window.readouts.values["epoch"]))
            if label not in window.readouts.values.values()]


# -- one meaning per symbol -------------------------------------------------------------------------
def test_the_whole_costs_slope_and_this_beans_slope_have_their_own_symbols_and_names(qtbot, window):
    load(qtbot, window, 3)
    step(qtbot, window)
    names = readout_names(window)
    assert "∂e/∂w (this bean)" in names and not any("∂E" in name for name in names)
    snapshot = latest(window).snapshot
    assert window.readouts.values["dw"].text() == number(snapshot.gradient[0], signed=True)
    assert "this bean's slope" in window.explanation.plain_text and "∂e/∂w" in window.explanation.plain_text
    whole = window.controller.landscape.gradient(snapshot.params)[0]   # the tangent's: all the beans
    assert window.cost_slices.slope_labels() == (f"∂E/∂w = {number(whole, signed=True)} (whole cost, at the ball)",)
    assert "E = the cost of all the beans" in LESSONS[3].caption.replace(": the cost of all", " = the cost of all")
    # full batch: the update's slope is the whole cost's, and is called so
    new_run(qtbot, window, lambda: window.controller.set_config(optimizer="batch"))
    assert "∂E/∂w (all beans)" in readout_names(window)
    step(qtbot, window)
    assert "the slope of the whole cost" in window.explanation.plain_text and "∂E/∂w" in window.explanation.plain_text
    assert slope_of_update(1, 100) is THIS_BEAN and slope_of_update(100, 100) is WHOLE_COST


def test_in_stage_2_the_thick_line_is_the_one_the_text_gives_the_number_of(qtbot, window):
    load(qtbot, window, 3)
    new_run(qtbot, window, lambda: window.controller.set_config(optimizer="batch"))
    press(qtbot, window, Qt.Key.Key_S)
    press(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.stepper.stage == 1)
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.stepper.stage == 2 and "(the green tangent)" in window.explanation.plain_text
    assert window.cost_slices.tangent_width() > 4 and window.cost_slices.update_slope_width() < 4
    tangent = window.cost_slices.slope_labels()[0].split(" = ")[1].split(" ")[0]
    assert f"∂E/∂w = " in window.explanation.plain_text and tangent in window.explanation.plain_text


def test_while_playing_the_explanation_never_tells_another_update_than_the_readouts(qtbot, window):
    load(qtbot, window, 3)
    seen = []

    def check(frame):
        if frame.state == RunState.PLAYING and not window.explanation.waiting:
            told = re.match(r"Update ([\d,]+)", window.explanation.plain_text)
            seen.append((told and told.group(1), window.readouts.values["update"].text()))

    window.frames.subscribe(check)
    full_speed(window)
    window.actions["play"].trigger()
    qtbot.waitUntil(lambda: window.explanation.waiting and latest(window).snapshot.step > 300, timeout=20_000)
    window.actions["play"].trigger()
    wait_state(qtbot, window, RunState.PAUSED)
    qtbot.waitUntil(lambda: not window.explanation.waiting)
    told = re.match(r"Update ([\d,]+)", window.explanation.plain_text)
    assert told, window.explanation.plain_text
    told = told.group(1)
    assert told == window.readouts.values["update"].text()
    assert all(explained in (None, shown) for explained, shown in seen)


def test_beans_are_numbered_from_1_in_the_explanation_and_the_readouts(qtbot, window):
    load(qtbot, window, 3)
    step(qtbot, window, 2)
    index = latest(window).snapshot.beans[0]
    assert window.readouts.values["beans"].text() == str(index + 1)
    assert f"bean {index + 1}:" in window.explanation.plain_text


def test_one_epoch_count_for_the_window_and_the_exports():
    trainer = RunConfig().build_trainer()   # 100 beans, one per update
    snapshot = trainer.run(644)
    assert (snapshot.epoch, snapshot.position) == (6, 44) and snapshot.epoch_shown == 7   # update 644 is in epoch 7
    assert trainer.run(56).epoch_shown == 7 and trainer.run(1).epoch_shown == 8
    import inspect

    from beanlab.gui.export import frame_renderer
    from beanlab.gui.panels import readouts_panel
    for module in (frame_renderer, readouts_panel):   # both count with the core's one rule
        assert "epoch_shown" in inspect.getsource(module)


def test_the_window_shows_the_core_epoch_count(qtbot, window):
    load(qtbot, window, 3)
    window.controller.play_until(144)
    full_speed(window)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 144, timeout=20_000)
    assert window.readouts.values["epoch"].text() == count(latest(window).snapshot.epoch_shown) == "2"


# -- each lesson's words match its screen ------------------------------------------------------------
def test_lesson_1_says_why_its_error_sign_differs_and_never_calls_the_cost_e(qtbot, window):
    caption = LESSONS[1].caption
    assert "no cost and no slope" not in caption and "e = y − ŷ" in caption and "ŷ − y" in caption
    load(qtbot, window, 1)
    assert window.plots.view("cost").isVisible() and "cost curve E(w)" in caption   # the cost it shows is named
    step(qtbot, window)
    names = readout_names(window)
    assert "cost E" in names and not any("∂" in name for name in names)   # no slope in the rule
    assert "dw" not in window.readouts.values
    text = window.explanation.plain_text
    assert "e = y − ŷ" in text and not re.search(r"\b(cost|loss) e\b", text)


def test_lesson_2_is_a_search_no_learning_rate_no_downhill_and_a_green_done(qtbot, window):
    load(qtbot, window, 2)
    assert not window.optimizer_panel.learning_rate.isVisible() or not window.optimizer_panel.isVisible()
    assert window.optimizer_panel.learning_rate.isHidden()
    assert "downhill" not in window.explanation.plain_text and "downhill" not in LESSONS[2].caption
    assert "dw" not in window.readouts.values   # a search has no slope to show, of this try or the one before
    full_speed(window, epochs=31)
    window.actions["play"].trigger()
    wait_state(qtbot, window, RunState.FINISHED)
    assert window.notice.isVisible() and window.notice.done
    assert window.notice.text().startswith("Done: the lowest try and the exact bottom")
    beans = window.controller.beans
    assert window.readouts.values["w"].text() == number(np.sum(beans.x * beans.y) / np.sum(beans.x ** 2))
    load(qtbot, window, 3)   # a descent stopped by its limit is told so, in red
    assert window.optimizer_panel.learning_rate.isHidden() is False


def test_the_local_minimum_is_called_a_valley_and_the_saddle_no_valley():
    for name, valley in (("two-wells", True), ("saddle", False)):
        trainer = RunConfig().with_landscape(name).build_trainer()
        before = trainer.run(trainer_updates := RunConfig().with_landscape(name).epochs - 1).params
        snapshot = trainer.step()
        text = explain_update(snapshot, before, trainer.beans, trainer.model, trainer.optimizer).text
        assert trainer_updates and ("at the bottom of a valley" in text) == valley
        assert ("this is no valley" in text) == (not valley)
        assert "even if this is no valley" not in text


def test_choosing_a_landscape_after_the_textbook_sets_its_own_preset_and_caption(qtbot, window):
    load(qtbot, window, 11)
    new_run(qtbot, window, window.landscapes.actions["rosenbrock"].trigger)
    terrain = TERRAINS["rosenbrock"]
    config = window.controller.config
    assert (config.optimizer, config.lr, config.epochs) == (terrain.optimizer, terrain.lr, terrain.epochs)
    assert window.explanation.caption.text().startswith("Rosenbrock")
    start = latest(window).snapshot.loss
    press(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    assert not latest(window).snapshot.diverged and latest(window).snapshot.loss < start
    # the data panel says what is in use: no dataset, no count of beans
    assert window.data_panel.dataset.isHidden() and window.data_panel.count.isHidden()
    assert "landscape" in window.data_panel.source.text()
    assert "f(w, b)" in readout_names(window)


def test_an_opened_7_bean_csv_says_7_beans(qtbot, window, tmp_path):
    path = tmp_path / "seven.csv"
    path.write_text("x,y\n" + "".join(f"{0.1 * i:.1f},{0.2 * i:.1f}\n" for i in range(1, 8)))
    with qtbot.waitSignal(window.controller.run_replaced, timeout=30_000):
        window.data.open_data(str(path))
    qtbot.waitUntil(lambda: "7 beans" in window.data_panel.source.text())
    assert window.data_panel.count.isHidden()   # not the course dataset's "Beans 100"


# -- one number format -------------------------------------------------------------------------------
def test_a_move_too_small_to_see_says_so():
    trainer = RunConfig(lr=1e-7).build_trainer()
    trainer.run(3)
    before = trainer.params.copy()
    snapshot = trainer.step()
    text = explain_update(snapshot, before, trainer.beans, trainer.model, trainer.optimizer).text
    assert "(no visible change at 4 digits)" in text


def test_the_readouts_write_every_number_in_the_one_format(qtbot, window):
    load(qtbot, window, 4)
    window.controller.set_config(lr=10.0)   # (applies at once) it blows up: huge numbers, never "47146734794.680466"
    full_speed(window, epochs=500)
    window.actions["play"].trigger()
    qtbot.waitUntil(lambda: latest(window).state in (RunState.DIVERGED, RunState.FINISHED), timeout=20_000)
    for key, label in window.readouts.values.items():
        text = label.text()
        assert not re.search(r"\d{7,}|e[+-]\d|-0\.0+$|^-0$", text), (key, text)


def test_the_log_loss_axis_writes_only_powers_of_ten_and_an_empty_plot_starts_at_update_0(qtbot, window):
    load(qtbot, window, 4)
    assert window.loss_plot.x_range()[0] >= 0
    full_speed(window, epochs=500)
    window.controller.play_until(2000)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 2000, timeout=20_000)
    labels = [label for label in window.loss_plot.axis_labels() if label]
    assert labels and all(re.fullmatch(r"1|10|10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+", label) for label in labels), labels


# -- colour ---------------------------------------------------------------------------------------------
def test_one_colour_one_meaning_all_colour_blind_safe():
    colours = list(MEANINGS.values())
    assert len(set(colours)) == len(colours)
    assert all(colour in OKABE_ITO or colour == OPTIMUM for colour in colours)


@pytest.mark.parametrize("lesson", [5, 7])
def test_toxic_and_not_toxic_have_a_legend_and_this_updates_bean_is_a_ring(qtbot, window, lesson):
    load(qtbot, window, lesson)
    entries = window.scatter.legend_entries()
    assert "toxic" in entries and "not toxic" in entries and "beans" not in entries
    assert all(entries.count(entry) == 1 for entry in entries)
    ring = window.scatter.legend_item("this update's bean(s)")
    assert pg.mkBrush(ring.opts["brush"]).color().alpha() == 0   # hollow: no dot that reads as one more bean
    assert pg.mkPen(ring.opts["pen"]).color().getRgb()[:3] == MEANINGS["this update"]
    load(qtbot, window, 3)
    assert "toxic" not in window.scatter.legend_entries()   # beans that are no classes: just beans
