"""The window at full speed: what it draws is cut down to what a frame needs, and pausing is exact."""
import time

from gui_helpers import full_speed, latest, wait_state


def test_a_playing_network_cuts_its_cost_slices_a_few_times_a_second_and_exactly_when_paused(qtbot, window):
    window.load_lesson(8)   # 25 parameters: each cut of the slices runs the network on 400 points
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0 and window.controller.config.hidden == 8)
    slices = window.cost_slices
    full_speed(window)
    window.controller.play()
    wait_state(qtbot, window, "playing")
    frames, cuts, started = window.frames_shown, slices.curves_cut, time.perf_counter()
    qtbot.waitUntil(lambda: window.frames_shown >= frames + 40, timeout=30_000)
    assert slices.curves_cut - cuts <= 4 * (time.perf_counter() - started) + 1   # (every frame: 40)
    playing_cuts = slices.curves_cut
    window.controller.pause()
    wait_state(qtbot, window, "paused")
    qtbot.waitUntil(lambda: slices.curves_cut > playing_cuts)   # the paused frame's slices go through its point


def test_full_speed_keeps_training_for_most_of_the_time(qtbot, window):
    """The worker trains between frames for more than half of every cycle: updates pile up by the
    hundred thousand a second on the default run, however long a frame takes to draw."""
    full_speed(window)
    window.controller.play()
    wait_state(qtbot, window, "playing")
    frames = window.frames_shown
    qtbot.waitUntil(lambda: window.frames_shown >= frames + 10, timeout=20_000)
    start, frames = latest(window).snapshot.step, window.frames_shown
    qtbot.waitUntil(lambda: window.frames_shown >= frames + 20, timeout=20_000)
    per_frame = (latest(window).snapshot.step - start) / (window.frames_shown - frames)
    assert per_frame > 1_000   # the old 2 ms budget made a few hundred a frame on a loaded machine
    window.controller.pause()
    wait_state(qtbot, window, "paused")
