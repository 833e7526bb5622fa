"""Export: GIF animations within a size budget, PNG pictures, run data; from the window and headless."""

import numpy as np
import pytest
from gui_helpers import full_speed, latest
from PIL import Image, ImageSequence

from beanlab.cli import EXPORT_VIEWS as CLI_VIEWS
from beanlab.cli import main
from beanlab.core import RunConfig, spread_frames
from beanlab.export.request import ExportRequest
from beanlab.gui.export.frame_renderer import EXPORT_VIEWS


def frames_of(path):
    with Image.open(path) as gif:
        return [(frame.convert("RGB").copy(), frame.info.get("duration")) for frame in ImageSequence.Iterator(gif)]


def red_line_height(picture, column):
    """Rows of the fitted line's colour (vermillion) in one column of a scatter picture (its mean row)."""
    from beanlab.colours import FIT

    pixels = np.asarray(picture).astype(int)[:, column]
    red = np.abs(pixels - np.array(FIT)).sum(axis=1) < 60
    return np.flatnonzero(red).mean()


def test_the_command_line_and_the_window_offer_the_same_views():
    assert CLI_VIEWS == EXPORT_VIEWS


def test_headless_export_has_the_frames_sizes_and_durations_asked(tmp_path, capsys):
    out = tmp_path / "run.gif"
    assert main(["export", "--out", str(out), "--view", "scatter", "--frames", "60", "--fps", "25",
                 "--size", "320x240", "--epochs", "20"]) == 0
    frames = frames_of(out)
    assert len(frames) == 60 and all(f.size == (320, 240) for f, _ in frames)
    assert {d for _, d in frames} == {40}   # 25 frames/s
    assert "Wrote 60 frames" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["run.gif"]   # no temporary file left


def test_the_line_moves_and_ends_where_the_final_parameters_put_it(tmp_path):
    out = tmp_path / "run.gif"
    assert main(["export", "--out", str(out), "--view", "scatter", "--frames", "40", "--size", "640x480",
                 "--epochs", "10", "--init", "0,0"]) == 0
    frames = frames_of(out)
    first, last = frames[0][0], frames[-1][0]
    assert abs(red_line_height(first, 500) - red_line_height(last, 500)) > 50   # from y = 0 up to the beans
    # the last frame is the trained line: the same picture as the PNG export of the final state
    png = tmp_path / "final.png"
    assert main(["export", "--out", str(png), "--view", "scatter", "--size", "640x480", "--epochs", "10",
                 "--init", "0,0"]) == 0
    final = Image.open(png).convert("RGB")
    for column in (350, 450, 550):   # right of the legend, whose sample line is red too
        assert abs(red_line_height(final, column) - red_line_height(last, column)) < 1.5


def test_frames_show_the_start_update_by_update_then_ends_of_epochs():
    frames = spread_frames(0, 10_000, 300, period=100)
    assert len(frames) == 300 and frames[0] == 0 and frames[-1] == 10_000
    assert np.all(np.diff(frames) > 0)
    assert np.array_equal(frames[:75], np.arange(75))          # at least a quarter one by one
    assert np.all(frames[frames > 250] % 100 == 0)             # later frames: ends of epochs
    assert np.array_equal(spread_frames(5, 9, 300), np.arange(5, 10))   # room for all: all


def test_the_size_budget_is_respected(tmp_path, capsys):
    out = tmp_path / "run.gif"
    assert main(["export", "--out", str(out), "--frames", "3000", "--max-mb", "0.3", "--size", "320x240",
                 "--epochs", "30"]) == 0
    written = capsys.readouterr().out
    assert out.stat().st_size <= 300_000
    chosen = len(frames_of(out))
    assert 2 <= chosen < 3000 and f"Wrote {chosen} frames" in written


@pytest.mark.parametrize("args, words", [
    (["--max-mb", "0.001"], "too small for even 2 frames"),
    (["--out", "/no/such/folder/run.gif"], "cannot write"),
    (["--out", "run.avi"], "must end in .gif or .mp4"),
    (["--fps", "500"], "from 0.5 to 50"),
])
def test_export_errors_are_one_clear_line(tmp_path, capsys, args, words):
    base = {"--out": str(tmp_path / "run.gif"), "--epochs": "2", "--size": "320x240"}
    for flag, value in zip(args[::2], args[1::2]):
        base[flag] = value
    assert main(["export", *[x for pair in base.items() for x in pair]]) == 2
    error = capsys.readouterr().err
    assert error.startswith("beanlab: error:") and words in error and "Traceback" not in error
    assert list(tmp_path.iterdir()) == []


def test_window_exports_the_next_updates_without_disturbing_the_run(qtbot, window, tmp_path):
    full_speed(window)
    window.controller.play_until(500)
    qtbot.waitUntil(lambda: latest(window).state == "paused" and latest(window).snapshot.step == 500, timeout=20_000)
    out = tmp_path / "next.gif"
    with qtbot.waitSignal(window.exports.succeeded, timeout=60_000) as done:
        window.exports.export_animation(ExportRequest(str(out), view="all", frames=50, size=(640, 480)), 300)
    assert "Wrote 50 frames" in done.args[0]
    frames = frames_of(out)
    assert len(frames) == 50 and frames[0][0].size == (640, 480)
    assert latest(window).snapshot.step == 500   # the live run did not move
    window.actions["play"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step > 1_000, timeout=20_000)
    reference = RunConfig().build_trainer()
    window.actions["play"].trigger()
    qtbot.waitUntil(lambda: latest(window).state == "paused")
    assert latest(window).snapshot == reference.run(latest(window).snapshot.step)   # and stays exact


def test_cancelling_an_export_leaves_no_file(qtbot, window, tmp_path):
    out = tmp_path / "cancelled.gif"
    with qtbot.waitSignal(window.exports.failed, timeout=60_000) as failed:
        window.exports.export_animation(ExportRequest(str(out), frames=400, size=(640, 480)), 3_000)
        qtbot.waitUntil(lambda: window.exports.job is not None, timeout=20_000)
        window.exports.job.progress.connect(lambda *_: window.exports.job.cancel())
    assert "cancelled" in failed.args[0]
    assert list(tmp_path.iterdir()) == []


def test_window_saves_pictures_and_run_data(qtbot, window, tmp_path):
    for _ in range(3):
        window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 3)
    assert window.exports.save_picture("scatter", str(tmp_path / "scatter.png"))
    picture = Image.open(tmp_path / "scatter.png")
    assert picture.size == (window.scatter.width(), window.scatter.height())
    with qtbot.waitSignal(window.exports.succeeded, timeout=20_000):
        window.exports.export_run_data(str(tmp_path / "run.csv"))
    rows = (tmp_path / "run.csv").read_text().splitlines()
    assert rows[0] == "update,epoch,beans,w,b,loss" and [r.split(",")[2] for r in rows[1:]] == ["0", "1", "2"]
    assert len((tmp_path / "run-beans.csv").read_text().splitlines()) == 101


def test_an_unwritable_picture_is_a_message_not_a_crash(qtbot, window):
    with qtbot.waitSignal(window.exports.failed) as failed:
        assert not window.exports.save_picture("all", "/no/such/folder/x.png")
    assert "Nothing was written" in failed.args[0]
    qtbot.waitUntil(lambda: window.exports.last_warning.isVisible())
    window.exports.last_warning.close()


def test_png_export_is_the_final_frame_in_a_single_picture(tmp_path):
    out = tmp_path / "final.png"
    assert main(["export", "--out", str(out), "--view", "contour", "--size", "400x300", "--epochs", "5"]) == 0
    with Image.open(out) as picture:
        assert picture.format == "PNG" and picture.size == (400, 300)
        assert np.asarray(picture.convert("RGB")).std() > 20


def test_the_export_dialog_from_the_file_menu_writes_what_it_was_told(qtbot, window, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from beanlab.gui.export.export_dialog import ExportAnimationDialog

    out = tmp_path / "from-menu.gif"

    def fill_in_and_export():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportAnimationDialog)
        dialog.view.setCurrentIndex(dialog.view.findData("loss"))
        dialog.frames.setValue(12)
        dialog.width_px.setValue(320)
        dialog.height_px.setValue(240)
        dialog.path.setText(str(out))
        dialog.accept()

    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text().startswith("Export &animation"))
    QTimer.singleShot(0, fill_in_and_export)
    with qtbot.waitSignal(window.exports.succeeded, timeout=60_000):
        action.trigger()
    assert len(frames_of(out)) == 1   # the run has not moved yet: one update, one frame


def test_more_or_fewer_frames_are_tried_until_the_budget_is_used_well():
    from beanlab.export.budget import next_count

    assert next_count((100, b"x" * 400), None, 300, 1000) == 237       # room left: more
    assert next_count((100, b"x" * 900), None, 300, 1000) is None      # close to the budget: done
    assert next_count((300, b"x" * 400), None, 300, 1000) is None      # all the frames asked for
    assert next_count(None, (200, 2000), 300, 1000) == 95              # over: fewer
    assert 100 < next_count((100, b"x" * 400), (200, 1200), 300, 1000) < 200   # between the two


def test_a_race_exports_as_an_animation_and_as_a_picture(tmp_path):
    gif, png = tmp_path / "race.gif", tmp_path / "race.png"
    assert main(["export", "--lesson", "4", "--race", "sgd,batch,adam", "--epochs", "20", "--frames", "15",
                 "--size", "900x600", "--out", str(gif)]) == 0
    with Image.open(gif) as animation:
        assert animation.n_frames == 15 and animation.size == (900, 600)
        animation.seek(1)
        early = np.asarray(animation.convert("RGB"), dtype=int)
        animation.seek(14)
        late = np.asarray(animation.convert("RGB"), dtype=int)
    assert np.abs(late - early).sum() > 0   # the paths and losses grow
    assert main(["export", "--landscape", "saddle", "--init=1,0", "--lr", "0.1", "--epochs", "300",
                 "--race", "batch,batch@0.01", "--size", "900x600", "--out", str(png)]) == 0
    with Image.open(png) as picture:
        assert picture.format == "PNG" and picture.size == (900, 600)


def test_a_race_animation_keeps_to_the_size_budget(tmp_path, capsys):
    gif = tmp_path / "race.gif"
    args = ["export", "--lesson", "4", "--race", "sgd,adam", "--epochs", "20", "--frames", "80", "--size", "640x480"]
    assert main([*args, "--out", str(gif)]) == 0
    unbounded = gif.stat().st_size
    budget_mb = unbounded / 3 / 1e6
    assert main([*args, "--max-mb", f"{budget_mb:.6f}", "--out", str(gif)]) == 0
    assert gif.stat().st_size <= budget_mb * 1e6
    with Image.open(gif) as animation:
        assert 2 <= animation.n_frames < 80 and animation.size == (640, 480)
    assert "budget" in capsys.readouterr().out   # it said what it chose to fit


def test_the_export_work_needs_no_qt_and_only_the_composition_root_makes_the_application():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, beanlab.export.budget, beanlab.export.request, beanlab.export.gif\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'beanlab.gui'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
    package = Path(__file__).resolve().parent.parent / "beanlab"
    below_the_root = [path for path in package.rglob("*.py")
                      if path.parent.name != "cli" and path.name != "app.py"
                      and "beanlab.app" in path.read_text(encoding="utf-8")]
    assert below_the_root == []


def test_export_writes_an_mp4_that_decodes_to_its_frames(tmp_path, capsys):
    from beanlab.export.video import count_frames

    out = tmp_path / "run.mp4"
    assert main(["export", "--out", str(out), "--epochs", "3", "--frames", "40", "--size", "321x241"]) == 0
    written = capsys.readouterr().out
    assert "Wrote 40 frames" in written and out.read_bytes()[4:8] == b"ftyp"   # an MP4 container
    assert count_frames(str(out)) == 40
    assert [p.name for p in tmp_path.iterdir()] == ["run.mp4"]   # no temporary file left behind


def test_without_imageio_ffmpeg_an_mp4_export_says_what_to_install(tmp_path, capsys, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)   # as if it were not installed
    assert main(["export", "--out", str(tmp_path / "run.mp4"), "--epochs", "2", "--size", "320x240"]) == 2
    error = capsys.readouterr().err
    assert "pip install imageio-ffmpeg" in error and "Traceback" not in error
    assert list(tmp_path.iterdir()) == []
