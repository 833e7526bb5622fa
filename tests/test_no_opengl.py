"""Without usable OpenGL the window still works: the 3-D views are drawn in 2-D, with a note saying
why, and nothing is printed on the terminal (Qt's and pyqtgraph's complaints go to the log)."""
import io
import shutil
from pathlib import Path

import numpy as np
import pytest
from environments import beanlab_env, run_beanlab, xvfb
from gui_helpers import latest
from PIL import Image

from beanlab.gui import opengl_support

needs_xvfb = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")
STAND_IN_LOGGED = "the surface view is drawn in 2-D"


@pytest.fixture
def probe_again():
    """Each test finds out afresh what this computer offers, and leaves it to be found out again."""
    opengl_support.forget()
    yield
    opengl_support.forget()


def test_no_3d_draws_the_map_in_place_of_the_bowl_with_a_note(qtbot, monkeypatch, probe_again):
    monkeypatch.setenv(opengl_support.ENV_VARIABLE, "1")   # what `beanlab --no-3d` sets
    from beanlab.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert set(window.plots.stand_ins()) == {"surface", "beans3d"}
    window.window_menus.plots.actions["surface"].trigger()   # free play leaves the bowl to View → Plots
    bowl = window.surface
    assert bowl.isVisible() and bowl.width() > 100
    assert bowl.note.text() == "3-D is turned off (beanlab --no-3d) — showing the map instead"
    qtbot.waitUntil(lambda: latest(window) is not None)
    window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    qtbot.waitUntil(lambda: bowl.path_shown()[0] is not None and len(bowl.path_shown()[0]) > 1)
    w, b = bowl.path_shown()
    np.testing.assert_allclose([w[-1], b[-1]], latest(window).snapshot.params)   # the ball is where the run is
    window.close()


def test_a_3d_view_whose_context_fails_later_gives_way_to_the_map(qtbot, monkeypatch, probe_again):
    if not opengl_support.usable():
        pytest.skip("this display has no OpenGL to fail later")
    from beanlab.gui.plots import guarded_gl_view

    # as under an X server without GLX: Qt made a context, but PyOpenGL cannot see it when painting
    monkeypatch.setattr(guarded_gl_view, "current_context_problem", lambda: "no context PyOpenGL can see (test)")
    from beanlab.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.window_menus.plots.actions["surface"].trigger()   # free play leaves the bowl to View → Plots
    qtbot.waitUntil(lambda: "surface" in window.plots.stand_ins())
    assert not opengl_support.usable()   # later boards (an export, the race window) know it too
    bowl = window.surface
    assert bowl.note.text() == "3-D needs OpenGL 2.1; this computer offers none — showing the map instead"
    qtbot.waitUntil(lambda: latest(window) is not None)
    window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    qtbot.waitUntil(lambda: bowl.path_shown()[0] is not None and len(bowl.path_shown()[0]) > 1)
    w, b = bowl.path_shown()
    np.testing.assert_allclose([w[-1], b[-1]], latest(window).snapshot.params)
    window.close()


def _corner_of_screenshot(tmp_path, env) -> tuple[np.ndarray, str, str]:
    """`beanlab screenshot` at 1280x720 in ``env``: the lower right of the plots (the bowl or its
    stand-in), and what was printed."""
    out = tmp_path / "window.png"
    result = run_beanlab(["screenshot", str(out), "--updates", "200", "--size", "1280x720"], env)
    assert result.returncode == 0, result.stderr
    picture = np.asarray(Image.open(io.BytesIO(out.read_bytes())).convert("RGB")).astype(int)
    return picture[320:500, 1040:1270], result.stdout, result.stderr


def _assert_drawn(corner: np.ndarray) -> None:
    # not a blank panel: a colour map (or a shaded bowl) with many colours
    assert corner.std() > 10 and len(np.unique(corner.reshape(-1, 3), axis=0)) > 50


def _assert_quiet(stdout: str, stderr: str) -> None:
    """Only the command's own line: no traceback, no Qt or OpenGL complaint."""
    assert stderr == ""
    assert stdout.splitlines() == [stdout.splitlines()[0]] and stdout.startswith("Wrote the window (1280x720)")


@needs_xvfb
def test_under_an_x_server_without_glx_the_map_stands_in_and_nothing_is_printed(tmp_path):
    with xvfb("-extension", "GLX") as display:
        corner, stdout, stderr = _corner_of_screenshot(tmp_path, beanlab_env(tmp_path, DISPLAY=display))
    _assert_quiet(stdout, stderr)
    _assert_drawn(corner)
    log = (tmp_path / "beanlab.log").read_text(encoding="utf-8")
    assert STAND_IN_LOGGED in log and log.count("3-D views: 2-D stand-ins") == 1   # the details, logged once


@needs_xvfb
def test_with_software_opengl_the_bowl_is_drawn_and_nothing_is_printed(tmp_path):
    with xvfb() as display:
        env = beanlab_env(tmp_path, DISPLAY=display, QT_OPENGL="software", LIBGL_ALWAYS_SOFTWARE="1")
        corner, stdout, stderr = _corner_of_screenshot(tmp_path, env)
    _assert_quiet(stdout, stderr)
    _assert_drawn(corner)
    log = (tmp_path / "beanlab.log").read_text(encoding="utf-8")
    assert "3-D views: OpenGL" in log or STAND_IN_LOGGED in log   # 3-D where Mesa draws it, else the map


def test_off_screen_the_map_stands_in_and_nothing_is_printed(tmp_path):
    corner, stdout, stderr = _corner_of_screenshot(tmp_path, beanlab_env(tmp_path, QT_QPA_PLATFORM="offscreen"))
    _assert_quiet(stdout, stderr)
    _assert_drawn(corner)
    assert STAND_IN_LOGGED in (tmp_path / "beanlab.log").read_text(encoding="utf-8")


@needs_xvfb
def test_an_export_of_a_race_without_glx_prints_only_its_own_lines(tmp_path):
    """Qt makes a context there (through EGL) that PyOpenGL cannot use: the race's bowl is drawn from the side."""
    out = tmp_path / "race.gif"
    with xvfb("-extension", "GLX") as display:
        result = run_beanlab(["export", "--out", str(out), "--race", "sgd,adam", "--frames", "10"],
                             beanlab_env(tmp_path, DISPLAY=display))
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("Exporting 10 frames") and lines[1].startswith("Wrote 10 frames")
    assert lines[0].endswith("; 3-D needs OpenGL 2.1; this computer offers none — showing the bowl from the side "
                             "instead.")
    assert out.stat().st_size > 1000


def _export(tmp_path, env, out_name: str, *options: str) -> tuple[Path, str, str]:
    """`beanlab [options] export --view surface` of a short run; the file, and what was printed."""
    out = tmp_path / out_name
    *before, view = options or ("surface",)
    result = run_beanlab([*before, "export", "--out", str(out), "--view", view, "--epochs", "5", "--frames", "4",
                          "--size", "480x360"], env)
    assert result.returncode == 0, result.stderr
    return out, result.stdout, result.stderr


def _assert_bowl_drawn(picture: Image.Image) -> None:
    """The middle of the picture (the bowl seen from above, under its note) is a colour map, not blank."""
    pixels = np.asarray(picture.convert("RGB")).astype(int)
    height, width = pixels.shape[:2]
    _assert_drawn(pixels[height // 4: height * 3 // 4, width // 4: width * 3 // 4])


def test_an_export_of_the_surface_off_screen_draws_the_map_in_its_place(tmp_path):
    out, stdout, stderr = _export(tmp_path, beanlab_env(tmp_path, QT_QPA_PLATFORM="offscreen"), "surface.png")
    assert stderr == "" and "Traceback" not in stdout
    (line,) = stdout.splitlines()   # the command's own line: the note is in the picture
    assert line.startswith("Wrote the picture at update") and line.endswith(f" to {out}.")
    _assert_bowl_drawn(Image.open(out))


@needs_xvfb
def test_an_animation_of_the_surface_without_glx_draws_the_map_and_says_why_once(tmp_path):
    with xvfb("-extension", "GLX") as display:
        out, stdout, stderr = _export(tmp_path, beanlab_env(tmp_path, DISPLAY=display), "surface.gif")
    assert stderr == "" and "Traceback" not in stdout and "GL" not in stdout.replace("OpenGL 2.1", "")
    lines = stdout.splitlines()
    assert len(lines) == 2 and lines[1].startswith("Wrote 4 frames")
    assert lines[0].startswith("Exporting 4 frames") and lines[0].count("3-D needs OpenGL 2.1") == 1
    with Image.open(out) as gif:
        gif.seek(gif.n_frames - 1)
        last = gif.convert("RGB")
    pixels = np.asarray(last).astype(int)
    middle = pixels[90:270, 120:360]
    assert middle.std() > 10 and len(np.unique(middle.reshape(-1, 3), axis=0)) > 12   # a GIF's palette is small


def test_no_3d_exports_every_view_with_the_stand_ins(tmp_path):
    out, stdout, stderr = _export(tmp_path, beanlab_env(tmp_path, QT_QPA_PLATFORM="offscreen"), "all.png",
                                  "--no-3d", "all")
    assert (stderr, stdout.count("\n")) == ("", 1)
    assert "the surface view is drawn in 2-D (turned off" in (tmp_path / "beanlab.log").read_text(encoding="utf-8")
    picture = np.asarray(Image.open(out).convert("RGB")).astype(int)
    _assert_drawn(picture[230:340, 260:470])   # the bowl's cell, right of the contour map in the lower row


@pytest.fixture
def race_window_without_3d(qtbot, monkeypatch, probe_again):
    monkeypatch.setenv(opengl_support.ENV_VARIABLE, "1")   # what `beanlab --no-3d` sets
    from beanlab.core import RunConfig
    from beanlab.gui.race_window import RaceWindow

    window = RaceWindow(RunConfig(epochs=5))
    window.show()
    yield window
    window.close()   # its closeEvent stops its race thread, even when the test failed


def test_the_race_window_without_3d_shows_the_racers_on_the_bowl_from_the_side(race_window_without_3d):
    from beanlab.core import run_race
    from beanlab.gui.race_window import race_map

    window, config = race_window_without_3d, race_window_without_3d.config
    race = run_race(config, ["sgd", "adam"])
    window.show_race(race, race_map(config, race))
    bowl = window.bowl
    assert bowl.is_stand_in and bowl.note.text() == ("3-D is turned off (beanlab --no-3d) — showing the bowl "
                                                     "from the side instead")
    for index, path in enumerate(bowl.paths[:2]):   # each racer's path: its w across, its loss up
        w, e = path.getData()
        np.testing.assert_allclose(w[-1], race.paths[index][-1, 0])
        np.testing.assert_allclose(e[-1], race.losses[index][-1])
    assert bowl.paths[2].getData()[0] is None or len(bowl.paths[2].getData()[0]) == 0
    floor_w, floor_e = bowl.floor.getData()
    assert len(floor_w) > 10 and floor_e.min() <= min(race.losses[0].min(), race.losses[1].min()) + 1e-3


def test_the_windows_animation_of_the_surface_without_3d_draws_the_map(qtbot, monkeypatch, probe_again, tmp_path):
    monkeypatch.setenv(opengl_support.ENV_VARIABLE, "1")
    from beanlab.export.request import ExportRequest
    from beanlab.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: latest(window) is not None)
    out = tmp_path / "surface.gif"
    with qtbot.waitSignal(window.exports.succeeded, timeout=60_000) as done:
        window.exports.export_animation(ExportRequest(str(out), view="surface", frames=3, size=(320, 240)), 20)
    assert "Wrote 3 frames" in done.args[0]   # not "Not exported: the 3-D surface needs OpenGL"
    with Image.open(out) as gif:
        gif.seek(gif.n_frames - 1)
        middle = np.asarray(gif.convert("RGB")).astype(int)[60:180, 80:240]
    assert middle.std() > 10 and len(np.unique(middle.reshape(-1, 3), axis=0)) > 12
    window.close()
