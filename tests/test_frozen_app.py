"""The one-folder app (PyInstaller), built and started as a teacher would: unpacked into a folder whose
path has Chinese in it, with a BeanLab-data folder beside it (portable mode), on the test display.

Slow (the build takes about a minute); CI runs it. It plays lesson 4 in the window and photographs
it, exports a GIF, and checks that the log went to the portable folder.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
BUILD = REPO / "resources" / "packaging" / "build_app.py"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform != "linux", reason="the Linux build")]


def run(*command, **options):
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=900, **options)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def unpacked_app(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("frozen")
    run(sys.executable, BUILD, "--dist", root / "dist")
    classroom = root / "课堂 软件"   # Chinese and a space, as a school's shared folder has
    classroom.mkdir()
    shutil.move(root / "dist" / "BeanLab", classroom / "BeanLab")
    (classroom / "BeanLab" / "BeanLab-data").mkdir()
    return classroom / "BeanLab"


@pytest.fixture
def app_env(tmp_path):
    env = {name: value for name, value in os.environ.items() if not name.startswith(("PYTHON", "BEANLAB_"))}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_the_built_app_plays_a_lesson_and_exports_from_a_chinese_path(unpacked_app, app_env, tmp_path):
    program = unpacked_app / "BeanLab"
    assert run(program, "--version", env=app_env, cwd=tmp_path).startswith("beanlab ")

    said = run(program, "screenshot", "lesson4.png", "--lesson", "4", "--updates", "300", "--size", "1280x720",
               "--lang", "zh_CN", env=app_env, cwd=tmp_path)
    assert "after 300 updates of lesson 4" in said
    with Image.open(tmp_path / "lesson4.png") as shot:
        assert shot.size == (1280, 720)
        assert len(shot.convert("RGB").getcolors(1 << 20)) > 500   # a drawn window, not a blank one

    run(program, "export", "--out", "run.gif", "--lesson", "4", "--frames", "20", env=app_env, cwd=tmp_path)
    with Image.open(tmp_path / "run.gif") as gif:
        assert gif.n_frames == 20

    log = unpacked_app / "BeanLab-data" / "logs" / "beanlab.log"
    assert "screenshot: playing to update 300" in log.read_text(encoding="utf-8")
