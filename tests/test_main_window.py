"""The main window driven as a teacher would: keys, buttons, fields; waiting on state, never sleeping."""
import numpy as np
from beanlab.core.numbers import number
import pytest
from gui_helpers import full_speed, latest, press, type_into, wait_state
from PySide6.QtCore import Qt

from beanlab.core import RunConfig, RunState


def reference_trainer(**changes):
    return RunConfig().replace(**changes).build_trainer()


def test_opens_on_the_default_run_ready_to_play(window):
    frame = latest(window)
    assert frame.state == RunState.PAUSED and frame.snapshot.step == 0 and frame.snapshot.params == (0.1, 0.1)
    assert window.data_panel.dataset.currentText().startswith("B · lesson 4")
    beans = window.controller.beans
    w_star, _b_star = np.linalg.lstsq(np.column_stack([beans.x, np.ones(len(beans))]), beans.y, rcond=None)[0]
    assert window.readouts.values["w_star"].text() == number(w_star)


def test_play_lowers_the_loss_and_pause_stops_updates(qtbot, window):
    start_loss = latest(window).snapshot.loss
    full_speed(window)
    press(qtbot, window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: latest(window).snapshot.step > 5_000, timeout=20_000)
    press(qtbot, window, Qt.Key.Key_Space)
    wait_state(qtbot, window, RunState.PAUSED)
    stopped_at = latest(window).snapshot.step
    assert latest(window).snapshot.loss < start_loss / 10
    frames = window.frames_shown
    press(qtbot, window, Qt.Key.Key_Right)   # the worker answers a step after anything it still had queued
    qtbot.waitUntil(lambda: window.frames_shown > frames)
    assert latest(window).snapshot.step == stopped_at + 1 and window.frames_shown == frames + 1   # nothing else came


def test_step_makes_exactly_one_update(qtbot, window):
    reference = reference_trainer()
    for expected in (1, 2, 3):
        press(qtbot, window, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda: latest(window).snapshot.step == expected)
        assert latest(window).snapshot == reference.step()
    assert window.loss_plot.point_count == 4
    assert window.readouts.values["update"].text() == "3"
    assert window.readouts.values["beans"].text() == "3"   # update 3 used the third bean (index 2): beans count from 1


def test_reset_restores_the_start(qtbot, window):
    full_speed(window)
    window.actions["play"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step > 1_000, timeout=20_000)
    press(qtbot, window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0 and latest(window).state == RunState.PAUSED)
    assert latest(window).snapshot.params == (0.1, 0.1)
    assert window.loss_plot.point_count == 1


def test_pause_and_resume_give_exactly_the_uninterrupted_trajectory(qtbot, window):
    epochs = 60
    window.playback_panel.set_speed(1_000)  # paced: the worker runs uneven batches, tick by tick
    type_into(qtbot, window.optimizer_panel.epochs.lineEdit(), str(epochs))
    assert window.controller.config.epochs == epochs
    window.actions["play"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step > 1_500, timeout=20_000)
    window.actions["play"].trigger()   # pause
    wait_state(qtbot, window, RunState.PAUSED)
    assert latest(window).snapshot.step < epochs * 100
    window.actions["play"].trigger()   # resume
    wait_state(qtbot, window, RunState.FINISHED, timeout=60_000)
    reference = reference_trainer(epochs=epochs)
    assert latest(window).snapshot == reference.run(epochs * 100)
    copies = []
    window.controller.copy_run(0, lambda trainer, _start: copies.append(trainer))   # as "Save session" does
    qtbot.waitUntil(lambda: len(copies) == 1)
    np.testing.assert_array_equal(copies[0].history.params, reference.history.params)  # every float


def test_learning_rate_change_applies_to_the_next_update(qtbot, window):
    for expected in range(1, 6):
        window.actions["step"].trigger()
        qtbot.waitUntil(lambda: latest(window).snapshot.step == expected)
    type_into(qtbot, window.optimizer_panel.learning_rate.field, "0.5")
    window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 6)
    reference = reference_trainer()
    reference.run(5)
    reference.optimizer.lr = 0.5
    assert latest(window).snapshot == reference.step()
    assert window.optimizer_panel.learning_rate.slider.value() > 200  # the slider followed the field


def test_bad_learning_rate_is_refused_with_a_message(qtbot, window):
    type_into(qtbot, window.optimizer_panel.learning_rate.field, "-1")
    assert "not a number from 0.0001 to 10" in window.statusBar().currentMessage()
    assert window.controller.config.lr == 0.01
    assert window.optimizer_panel.learning_rate.field.text() == "0.01"


def test_divergence_is_shown_and_reset_recovers(qtbot, window):
    type_into(qtbot, window.optimizer_panel.learning_rate.field, "5")
    full_speed(window)
    window.actions["play"].trigger()
    wait_state(qtbot, window, RunState.DIVERGED)
    assert window.notice.isVisible() and "smaller learning rate" in window.notice.text()
    assert np.all(np.isfinite(window.contour.path_shown()))
    assert np.all(np.isfinite(window.frames.history.params)) and np.all(np.isfinite(window.frames.history.loss))
    type_into(qtbot, window.optimizer_panel.learning_rate.field, "0.01")
    press(qtbot, window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: latest(window).state == RunState.PAUSED and latest(window).snapshot.step == 0)
    assert not window.notice.isVisible()
    window.actions["play"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step > 100, timeout=20_000)
    assert not latest(window).snapshot.diverged


def test_changing_model_or_optimizer_restarts_and_says_so(qtbot, window):
    window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    window.model_panel.choose("wx")
    qtbot.waitUntil(lambda: len(latest(window).snapshot.params) == 1)
    assert latest(window).snapshot.step == 0
    assert "restarted" in window.statusBar().currentMessage()
    assert "b" not in window.readouts.values and not window.contour.isVisible()
    window.optimizer_panel.optimizer.setCurrentIndex(window.optimizer_panel.optimizer.findData("batch"))
    assert window.controller.config.optimizer == "batch"
    window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    assert len(latest(window).snapshot.beans) == 100


def test_the_surface_is_computed_once_per_run_not_per_frame(qtbot, window):
    computed = window.cost_views.surface_computations
    full_speed(window)
    window.actions["play"].trigger()
    qtbot.waitUntil(lambda: window.frames_shown > 60, timeout=20_000)
    window.actions["play"].trigger()
    assert window.cost_views.surface_computations - computed <= 2  # only if the path leaves the ranges


def test_closing_mid_run_stops_the_worker_cleanly(qtbot, window):
    full_speed(window)
    window.actions["play"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step > 1_000, timeout=20_000)
    window.close()
    assert not window.controller.is_running


def test_play_until_stops_on_exactly_that_update(qtbot, window):
    full_speed(window)
    window.controller.play_until(2_345)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 2_345 and latest(window).state == RunState.PAUSED,
                    timeout=20_000)
    assert latest(window).snapshot == reference_trainer().run(2_345)
    window.actions["play"].trigger()   # an ordinary play afterwards goes on past it
    qtbot.waitUntil(lambda: latest(window).snapshot.step > 5_000, timeout=20_000)


def test_every_playback_key_does_its_action(qtbot, window):
    reference = reference_trainer()
    press(qtbot, window, Qt.Key.Key_PageDown)                      # a presenter remote's "next"
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)   # to the end of the epoch
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 100)
    assert latest(window).snapshot == reference.run(100)
    press(qtbot, window, Qt.Key.Key_Left)                          # one update back
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 99)
    press(qtbot, window, Qt.Key.Key_PageUp)                        # a presenter remote's "previous"
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 98)
    assert window.loss_plot.point_count == 99
    press(qtbot, window, Qt.Key.Key_Right)                         # and forward again: the same floats
    press(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 100)
    assert latest(window).snapshot == reference.snapshot()
    speed = window.playback_panel.speed.value()
    press(qtbot, window, Qt.Key.Key_Plus)
    assert window.playback_panel.speed.value() == speed + 1
    press(qtbot, window, Qt.Key.Key_Minus)
    press(qtbot, window, Qt.Key.Key_Minus)
    assert window.playback_panel.speed.value() == speed - 1
    press(qtbot, window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0)


def test_the_explanation_panel_explains_the_update_on_screen(qtbot, window):
    assert window.explanation.plain_text.startswith("The start")
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 2)
    qtbot.waitUntil(lambda: window.explanation.plain_text.startswith("Update 2 · bean 2:"))
    snapshot = latest(window).snapshot
    assert f"= {number(snapshot.params[0])}" in window.explanation.plain_text
    assert window.explanation.text.isVisible() and window.explanation.height() > 100


def test_stepping_in_stages_shows_bean_then_slope_then_the_move(qtbot, window):
    reference = reference_trainer()
    press(qtbot, window, Qt.Key.Key_S)                     # View → Step in stages
    assert window.stepper.enabled
    press(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.stepper.stage == 1)
    assert window.explanation.plain_text.startswith("Stage 1 of 3 · update 1: pick bean 1:")
    assert latest(window).snapshot.step == 0              # nothing has moved yet
    x, y = window.scatter.highlighted_beans()
    assert (x[0], y[0]) == (reference.beans.x[0], reference.beans.y[0])   # the scatter points at the bean
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.stepper.stage == 2 and window.explanation.plain_text.startswith("Stage 2 of 3")
    gradient = reference.model.grad(reference.params, reference.beans.x[:1], reference.beans.y[:1])
    assert number(gradient[0], signed=True) in window.explanation.plain_text
    # the text tells this bean's slope and the whole cost's: the thick line is this bean's, and says so
    assert window.cost_slices.update_slope_width() > 4 and window.cost_slices.tangent_width() < 4
    assert f"∂e/∂w = {number(gradient[0], signed=True)} (this update)" in window.cost_slices.slope_labels()
    press(qtbot, window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    qtbot.waitUntil(lambda: window.explanation.plain_text.startswith("Update 1 · bean 1"))
    assert latest(window).snapshot == reference.step() and window.stepper.stage == 0
    assert "Stage 3 of 3" in window.explanation.text.text()
    press(qtbot, window, Qt.Key.Key_Right)                 # the next update begins with its bean again
    qtbot.waitUntil(lambda: window.stepper.stage == 1)
    press(qtbot, window, Qt.Key.Key_R)                     # anything else drops the stages
    qtbot.waitUntil(lambda: window.stepper.stage == 0)


def test_help_lists_every_key(window):
    listed = " / ".join(keys for keys, _ in window.shortcuts())
    for key in ("Space", "Right", "PgDown", "Left", "PgUp", "Shift+Right", "+", "-", "S", "R",
                "Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+E", "Ctrl+S", "Ctrl+O", "F5", "F11", "Ctrl+D", "Ctrl+=",
                "Ctrl+-"):
        assert key in listed.split(" / "), key


def test_settings_are_remembered_between_launches(qtbot, window):
    from beanlab.gui.main_window import MainWindow

    type_into(qtbot, window.optimizer_panel.learning_rate.field, "0.05")
    window.playback_panel.set_speed(1_000)
    press(qtbot, window, Qt.Key.Key_S)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.controller.latest is not None)
    assert again.controller.config.lr == 0.05 and again.optimizer_panel.learning_rate.field.text() == "0.05"
    assert again.playback_panel.speed_text.text() == "10 epochs a second"   # 1,000 updates/s of 100-bean epochs
    assert again.view_actions["stages"].isChecked()
    again.close()


@pytest.mark.parametrize("contents, words", [
    (b"\x00\xff\xfe garbage \x00" * 50, "started with its defaults"),
    (b"[run]\nconfig={\"lr\": -1}\n", "bad value for run/config; BeanLab dropped it"),
    (b"[run]\nconfig=not json at all\n", "bad value for run/config; BeanLab dropped it"),
    (b"[playback]\nspeed_notch=fast\n", "bad value for playback/speed_notch; BeanLab dropped it")])
def test_a_corrupt_settings_file_is_reported_once_and_replaced_by_defaults(qtbot, tmp_path, monkeypatch, contents,
                                                                         words):
    from beanlab.gui.main_window import MainWindow

    path = tmp_path / "beanlab.ini"
    path.write_bytes(contents)
    monkeypatch.setenv("BEANLAB_SETTINGS", str(path))
    window = MainWindow()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.controller.latest is not None)
    assert window.controller.config == RunConfig()
    qtbot.waitUntil(lambda: words in window.statusBar().currentMessage())
    window.close()
    again = MainWindow()   # the file was replaced: no second report
    qtbot.addWidget(again)
    assert again.settings.problem is None
    again.close()


def test_projector_view_makes_the_numbers_big_and_keeps_only_what_the_class_needs(qtbot, window):
    from PySide6.QtGui import QFontInfo

    window.resize(1280, 720)
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.view_actions["projector"].isChecked()
    value = window.readouts.values["loss"]
    assert QFontInfo(value.font()).pixelSize() >= 24                          # 24 px and more
    assert not window.data_panel.isVisible() and not window.optimizer_panel.isVisible()
    # playback, speed and learning rate in the strip above the plots; the explanation below them
    assert window.projector_strip.isVisible() and window.explanation.isVisible()
    assert window.projector_strip.learning_rate.isVisible() and window.projector_strip.speed.isVisible()
    width = window.scatter.fitted_line_width()
    assert width >= 4.5                                                      # thick lines
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)   # Ctrl+= bigger
    assert window.scatter.fitted_line_width() > width
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)   # Ctrl+- smaller
    assert window.scatter.fitted_line_width() == pytest.approx(width)
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.data_panel.isVisible() and window.scatter.fitted_line_width() == pytest.approx(3)


def test_dark_theme_turns_plots_and_panels_dark_and_back(qtbot, window):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    light_window = QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.view_actions["dark"].isChecked()
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() < 60
    assert window.scatter.backgroundBrush().color().lightness() < 40
    assert "#1b1f23" in window.explanation.text.styleSheet()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() == light_window
    assert window.scatter.backgroundBrush().color().lightness() > 200


def test_while_playing_fast_the_explanation_waits_and_after_pausing_tells_the_last(qtbot, window):
    window.actions["play"].trigger()
    qtbot.waitUntil(lambda: window.explanation.waiting and latest(window).snapshot.step > 0, timeout=20_000)
    assert "Update" not in window.explanation.plain_text   # no older update beside the readouts' newer one
    window.actions["play"].trigger()
    wait_state(qtbot, window, RunState.PAUSED)
    step = latest(window).snapshot.step
    qtbot.waitUntil(lambda: window.explanation.plain_text.startswith(f"Update {step:,} ·"))
    assert "Playing" not in window.explanation.text.text()


def test_the_loss_plot_and_the_cost_views_draw_one_and_the_same_sample_of_the_run(qtbot, window):
    full_speed(window)
    window.actions["play"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step > 20_000, timeout=30_000)
    window.actions["play"].trigger()
    wait_state(qtbot, window, RunState.PAUSED)
    history = window.frames.history
    assert len(history) < 20_000   # a sample, bounded
    np.testing.assert_array_equal(window.loss_plot.drawn_updates, history.updates)
    reference = reference_trainer()
    reference.run(int(history.updates[-1]))
    np.testing.assert_array_equal(history.params[-1], reference.params)


def test_quick_learning_rate_changes_reach_the_run_as_the_latest_one(qtbot, window):
    for lr in (0.02, 0.5, 0.003, 0.04):   # one after another, faster than the worker is told
        window.controller.set_config(lr=lr)
    window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    assert latest(window).snapshot == reference_trainer(lr=0.04).step()
