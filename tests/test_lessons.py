"""Each lesson preset loads and runs, in the window and without one."""
import html

import pytest
from gui_helpers import full_speed, latest
from PySide6.QtCore import Qt

from beanlab.cli import main
from beanlab.core import LESSONS


@pytest.mark.parametrize("number", sorted(LESSONS))
def test_every_lesson_trains_one_epoch_headless(number, capsys):
    assert main(["train", "--lesson", str(number)]) == 0
    out = capsys.readouterr().out
    assert f"lesson {number}'s" in out and "DIVERGED" not in out


def test_lessons_load_from_the_menu_keys_and_run_an_epoch(qtbot, window):
    for number, preset in sorted(LESSONS.items()):
        if number <= 9:
            qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        else:   # the presets beyond Ctrl+9: from the Lessons menu
            window.lesson_actions[f"lesson{number}"].trigger()
        qtbot.waitUntil(lambda: window.controller.config == preset.config and latest(window).snapshot.step == 0,
                        timeout=20_000)
        caption = window.explanation.caption
        assert caption.isVisible() and caption.text().startswith(f"Lesson {number}" if preset.course else "")
        assert html.escape(preset.caption.splitlines()[0].split(",")[0]) in caption.text()
        for view in ("scatter", "loss", "cost", "surface"):
            assert window.plots.view(view).isVisible() == (view in preset.views)
        full_speed(window, epochs=preset.config.epochs)
        window.controller.play_until(min(100, preset.config.epochs))   # an epoch of SGD; 100 tries at most
        qtbot.waitUntil(lambda: latest(window).state in ("paused", "finished") and latest(window).snapshot.step > 0,
                        timeout=20_000)
        assert not latest(window).snapshot.diverged


def test_lesson_2_ends_on_the_closed_form_minimum(capsys):
    assert main(["train", "--lesson", "2", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    import json

    result = json.loads(lines[-1])
    assert result["w"] == pytest.approx(result["w_star"], rel=1e-12) and result["steps"] == 31


def test_a_lesson_that_does_not_exist_is_a_usage_error(capsys):
    missing = max(LESSONS) + 1
    assert main(["train", "--lesson", str(missing)]) == 2
    assert f"there is no lesson {missing}" in capsys.readouterr().err
