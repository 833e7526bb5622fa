"""The package as a teacher installs it: a wheel built from the repository's files, installed (not
editable) into a fresh virtual environment, run from outside the checkout.

The environment reuses the machine's numpy, PySide6 … (``--system-site-packages``: no download of
Qt in a test); BeanLab itself comes only from the wheel, which the test checks. The Chinese
screenshot is taken with fontconfig pointed at a folder of the machine's fonts that have no Chinese,
so every Chinese character on it comes from the font inside the wheel. As a control, the same wheel
with that font deleted draws boxes there: the test compares the two.
"""
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
SHIPPED = ["beanlab/locale/zh_CN/LC_MESSAGES/beanlab.mo", "beanlab/resources/fonts/BeanLabCJK.otf",
           "beanlab/resources/fonts/OFL.txt", "beanlab/resources/beanlab.svg", "beanlab/resources/beanlab.desktop"]
TOP_STRIP = 50   # pixels: the menu bar and the toolbar, every word of them Chinese (but the shortcut letters)

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform != "linux" or shutil.which("fc-list") is None,
                                 reason="fontconfig decides the fonts here")]


def run(*command, **options):
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=600, **options)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def tracked_copy(target: Path) -> Path:
    """The repository's files as a clean clone has them (no build output, no local .mo files)."""
    try:
        files = run("git", "-C", REPO, "ls-files", "-z").split("\0")
    except (AssertionError, FileNotFoundError):
        pytest.skip("not a git checkout: its tracked files are unknown")
    for name in filter(None, files):
        if (REPO / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target / name)
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("wheel")
    source = tracked_copy(root / "source")
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", root / "dist", source)
    (built,) = (root / "dist").glob("beanlab-*.whl")
    return built


def install(wheel: Path, where: Path) -> Path:
    """A fresh venv with the wheel installed in it; returns its bin folder."""
    run(sys.executable, "-m", "venv", "--system-site-packages", where)
    bin_folder = where / "bin"
    run(bin_folder / "python", "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel)
    return bin_folder


@pytest.fixture(scope="module")
def no_chinese_fonts(tmp_path_factory) -> dict:
    """An environment whose fontconfig sees the machine's fonts minus every one that covers Chinese."""
    root = tmp_path_factory.mktemp("fonts")
    chinese = set(run("fc-list", ":lang=zh", "file").split())
    fonts = root / "fonts"
    fonts.mkdir()
    for line in run("fc-list", ":lang=en", "file").splitlines():
        path = line.split(":")[0].strip()
        if path and path + ":" not in chinese and os.path.isfile(path):
            shutil.copy(path, fonts)
    (root / "cache").mkdir()
    config = root / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>{fonts}</dir>'
                      f'<cachedir>{root / "cache"}</cachedir></fontconfig>', encoding="utf-8")
    env = {name: value for name, value in os.environ.items() if not name.startswith(("PYTHON", "QT_", "BEANLAB_"))}
    env.update(FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen", BEANLAB_SETTINGS=str(root / "beanlab.ini"),
               BEANLAB_LOG=str(root / "beanlab.log"), LANG="C.UTF-8")
    assert run("fc-list", ":lang=zh", env=env).strip() == "", "a Chinese font is still visible"
    return env


def test_the_wheel_carries_what_the_running_app_opens(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [name for name in SHIPPED if name not in names] == []
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert "Requires-Python: >=3.11" in metadata and "License: MIT" in metadata


def test_installed_from_the_wheel_it_trains_and_draws_chinese_with_its_own_font(wheel, no_chinese_fonts,
                                                                                  tmp_path):
    env, bin_folder = no_chinese_fonts, install(wheel, tmp_path / "venv")
    where = run(bin_folder / "python", "-c", "import beanlab; print(beanlab.__file__)", cwd=tmp_path, env=env)
    assert Path(where.strip()).is_relative_to(tmp_path / "venv"), "beanlab did not come from the wheel"
    assert run(bin_folder / "beanlab", "--version", cwd=tmp_path, env=env).strip().startswith("beanlab ")
    result = json.loads(run(bin_folder / "beanlab", "train", "--lesson", "3", "--json", cwd=tmp_path,
                            env=env).splitlines()[-1])
    assert result["steps"] > 0 and result["loss"] < 0.01

    run(bin_folder / "beanlab", "export", "--out", "run.gif", "--frames", "20", "--lang", "zh_CN", cwd=tmp_path, env=env)
    with Image.open(tmp_path / "run.gif") as gif:
        assert gif.n_frames == 20

    shot = chinese_screenshot(bin_folder, tmp_path / "with-font.png", env)
    control = install(wheel, tmp_path / "venv-without-font")
    font = next((tmp_path / "venv-without-font").rglob("BeanLabCJK.otf"))
    font.unlink()
    boxes = chinese_screenshot(control, tmp_path / "without-font.png", env)
    # without the font: hollow boxes, a little ink each; with it: strokes, several times the ink
    assert ink(shot) > 2 * ink(boxes), (ink(shot), ink(boxes))


def chinese_screenshot(bin_folder: Path, path: Path, env: dict) -> np.ndarray:
    run(bin_folder / "beanlab", "screenshot", path, "--lang", "zh_CN", "--size", "1280x720", "--updates", "10",
        cwd=path.parent, env=env)
    with Image.open(path) as picture:
        return np.asarray(picture.convert("L"))


def ink(picture: np.ndarray) -> int:
    """Dark pixels in the menu bar and toolbar."""
    return int(np.sum(picture[:TOP_STRIP] < 128))
