"""``beanlab`` (the window) takes the run options of ``beanlab train``: ``beanlab --lesson 4 --lr 5``.

Each test runs the command line as a user types it, up to the point where the app would start its
event loop, then opens the window the command asked for (beanlab.app.open_window, as the app does)
and reads its panels and readouts.
"""
import pytest

import beanlab.app
from beanlab import cli


@pytest.fixture
def launched(monkeypatch, qtbot):
    """``launched(*argv)``: what `beanlab *argv` would open, shown and loaded (or its exit status)."""
    opened = []

    def launch(*argv):
        asked = []
        monkeypatch.setattr(beanlab.app, "run_app", lambda args: asked.append(args) or 0)
        status = cli.main(list(argv))
        if not asked:
            return status
        window = beanlab.app.open_window(asked[0])
        qtbot.addWidget(window)
        opened.append(window)
        window.show()
        qtbot.waitUntil(lambda: window.controller.latest is not None)
        return window

    yield launch
    for window in opened:
        window.close()


def test_a_lesson_with_its_learning_rate_changed(launched):
    window = launched("--lesson", "4", "--lr", "0.5")
    assert window.controller.config.lr == 0.5
    assert window.optimizer_panel.learning_rate.value() == pytest.approx(0.5)
    assert "lesson 4" in window.windowTitle().lower()   # still the lesson: its title, views and caption
    assert window.controller.config.dataset == "line-bias"


def test_the_learning_rate_the_issue_quotes_is_understood(launched):
    window = launched("--lesson", "4", "--lr", "5")   # diverges in class: the point of trying it
    assert window.controller.config.lr == 5


def test_run_options_without_a_lesson(launched):
    window = launched("--optimizer", "batch", "--seed", "3", "--n", "40")
    config = window.controller.config
    assert (config.optimizer, config.seed, config.n) == ("batch", 3, 40)
    assert len(window.controller.beans) == 40


def test_own_beans_from_the_command_line(launched, tmp_path):
    path = tmp_path / "豆子.csv"
    path.write_bytes("大小,毒性\n0.1,0.2\n0.5,0.6\n0.9,1.1\n".encode("gbk"))
    window = launched("--data", str(path))
    assert window.controller.own_beans == "豆子.csv"
    assert len(window.controller.beans) == 3


@pytest.mark.parametrize("argv, words", [
    (("--lesson", "4", "--lr", "-1"), "must be a positive number"),
    (("--lesson", "99"), "lesson"),
    (("--data", "/no/such/beans.csv"), "no such file"),
])
def test_bad_run_options_open_no_window(launched, capsys, argv, words):
    assert launched(*argv) == 2
    assert words in capsys.readouterr().err


def test_screenshot_takes_its_language_after_the_command(monkeypatch):
    chosen = []
    monkeypatch.setattr("beanlab.cli.window.run_screenshot", lambda args: chosen.append(args.lang) or 0)
    cli.build_parser()   # the parser binds run_screenshot when it is built: patch before
    assert cli.main(["screenshot", "out.png", "--lang", "zh_CN"]) == 0
    assert cli.main(["--lang", "zh_CN", "screenshot", "out.png"]) == 0   # before it, not undone by the command
    assert chosen == ["zh_CN", "zh_CN"]


def test_run_options_before_a_command_are_not_undone_by_it(capsys):
    assert cli.main(["--lesson", "4", "--lr", "0.02", "--epochs", "1", "train"]) == 0
    out = capsys.readouterr().out
    assert "lesson 4's line-bias" in out and "learning rate 0.02" in out and "100 updates" in out


def test_a_lesson_on_own_beans_keeps_the_beans(launched, tmp_path):
    path = tmp_path / "beans.csv"
    path.write_text("x,y\n0.1,0.2\n0.5,0.6\n0.9,1.1\n0.3,0.4\n", encoding="utf-8")
    window = launched("--lesson", "4", "--data", str(path))
    assert window.controller.own_beans == "beans.csv" and len(window.controller.beans) == 4
    assert "lesson 4" in window.windowTitle().lower()


def test_the_screenshot_says_which_run_options_it_does_not_use(capsys):
    assert cli.main(["--lr", "5", "screenshot", "out.png"]) == 2
    assert "--lr is not used there" in capsys.readouterr().err
