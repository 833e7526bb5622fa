"""Ctrl+C (SIGINT) and SIGTERM: every command stops promptly with one line and 130 or 143, leaves no
partial file, and the window closes as on Ctrl+Q (settings saved once, a whole file).

Each test waits for the child to be where the signal should find it (a progress bar on its
terminal, the export's plan, the window's "window open" log line), never a fixed time."""
import configparser
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time

import pytest
from environments import beanlab_env, xvfb

from beanlab.core import RunConfig, lesson
from beanlab.interrupts import Terminated

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals and a pseudo-terminal")
PROMPT_S = 3.0   # a signal must end the command within this


class Child:
    """``beanlab ARGS`` in a subprocess, its stderr on a pseudo-terminal (so progress bars show)."""

    def __init__(self, args, env, cwd):
        master, slave = pty.openpty()
        self.process = subprocess.Popen([sys.executable, "-m", "beanlab", *args], env=env, cwd=cwd,
                                        stdout=subprocess.PIPE, stderr=slave, text=True)
        os.close(slave)
        self._master, self.terminal = master, ""

    def wait_for(self, condition, what, timeout=60):
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"ended before {what}: {self.finish()}"
            assert time.monotonic() < deadline, f"no {what} within {timeout} s"
            self._read_terminal(0.05)   # waits on the child's output, or 50 ms at most

    def wait_for_terminal(self, text, timeout=60):
        self.wait_for(lambda: text in self.terminal, repr(text), timeout)

    def _read_terminal(self, wait):
        if select.select([self._master], [], [], wait)[0]:
            try:
                self.terminal += os.read(self._master, 4096).decode(errors="replace")
            except OSError:   # the child closed its end
                pass

    def stop(self, signum):
        """Send ``signum``; return (exit status, seconds it took, stdout, what the terminal showed)."""
        sent = time.monotonic()
        self.process.send_signal(signum)
        status, out = self.finish()
        return status, time.monotonic() - sent, out, self.terminal

    def finish(self):
        out, _ = self.process.communicate(timeout=60)
        while select.select([self._master], [], [], 0)[0]:
            try:
                chunk = os.read(self._master, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.terminal += chunk.decode(errors="replace")
        os.close(self._master)
        return self.process.returncode, out


def _lines(terminal):
    """What a user reads: the terminal's lines, progress-bar redraws (\\r) reduced to their last state."""
    return [line.rsplit("\r", 1)[-1].strip() for line in terminal.replace("\r\n", "\n").split("\n")
            if line.rsplit("\r", 1)[-1].strip()]


@pytest.mark.parametrize("signum, status, name, message", [
    (signal.SIGINT, 130, "Ctrl+C", "beanlab: interrupted (Ctrl+C); nothing was left half-written"),
    (signal.SIGTERM, 143, "SIGTERM", "beanlab: stopped (SIGTERM); nothing was left half-written")])
def test_train_stops_promptly_with_the_result_so_far_and_no_history_file(tmp_path, signum, status, name, message):
    child = Child(["train", "--epochs", "1000000", "--history", "history.csv", "--json"],
                  beanlab_env(tmp_path), tmp_path)
    child.wait_for(lambda: _catches(child.process.pid, signum), "signal handler")
    child_with_bar = Child(["train", "--epochs", "1000000"], beanlab_env(tmp_path), tmp_path)
    child_with_bar.wait_for_terminal(" left")   # its bar: done, the rate, the time left
    code, took, out, terminal = child.stop(signum)
    assert (code, _lines(terminal)) == (status, [message])   # with --json, no bar on the terminal
    assert took < PROMPT_S
    stopped_line, *report, json_line = out.splitlines()
    made = int(stopped_line.split(" after ")[1].split(" of ")[0].replace(",", ""))
    assert stopped_line == f"Stopped by {name} after {made:,} of 100,000,000 updates: the result so far " \
                           "(no history written)."
    result = json.loads(json_line)
    assert (result["steps"], result["stopped_by"]) == (made, name) and made > 0
    assert any(line.startswith("  loss = ") for line in report)
    assert sorted(p.name for p in tmp_path.iterdir() if "history" in p.name) == []   # no file, no temporary
    code, _, out, terminal = child_with_bar.stop(signal.SIGINT)
    bar = next(line for line in terminal.split("\r") if " left" in line)
    assert "/100,000,000 updates" in bar and "/s" in bar and "%" in bar
    assert code == 130 and out.startswith("Stopped by Ctrl+C after ")


def test_export_drawing_frames_stops_on_ctrl_c_and_writes_nothing(tmp_path):
    env = beanlab_env(tmp_path, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    child = Child(["export", "--out", "run.gif", "--frames", "3000", "--max-mb", "200", "--size", "1000x800"],
                  env, tmp_path)
    child.wait_for_terminal("frames")   # its progress line: frames are being drawn
    code, took, out, terminal = child.stop(signal.SIGINT)
    assert code == 130 and took < PROMPT_S
    assert out.startswith("Exporting 3000 frames") and len(out.splitlines()) == 1   # the plan, then nothing
    assert _lines(terminal)[-1] == "beanlab: interrupted (Ctrl+C); nothing was left half-written"
    assert "Traceback" not in terminal
    assert not [p.name for p in tmp_path.iterdir() if "run" in p.name]


def test_race_stops_on_sigterm(tmp_path):
    child = Child(["race", "--optimizers", "sgd,batch,adam", "--epochs", "1000000"], beanlab_env(tmp_path), tmp_path)
    child.wait_for_terminal("Racing: ")   # its progress bar: the racers are training
    code, took, out, terminal = child.stop(signal.SIGTERM)
    assert (code, _lines(terminal)) == (143, ["beanlab: stopped (SIGTERM); nothing was left half-written"])
    assert took < PROMPT_S
    lines = out.splitlines()   # the race so far: a row per racer, the first with the updates it made
    assert lines[0] == "Stopped by SIGTERM: the race so far."
    rows = {line.split()[0]: line.split() for line in lines[3:]}
    assert sorted(rows) == ["adam", "batch", "sgd"]


def _catches(pid, signum):
    with open(f"/proc/{pid}/status") as status:
        caught = next(line for line in status if line.startswith("SigCgt:")).split()[1]
    return bool(int(caught, 16) >> (signum - 1) & 1)


def _window(tmp_path, name, settings, *args, **env):
    """The window in a child, with its own log; waits until it is open."""
    log = tmp_path / f"{name}.log"
    child = Child(list(args), beanlab_env(tmp_path, BEANLAB_LOG=str(log), BEANLAB_SETTINGS=str(settings), **env),
                  tmp_path)
    child.wait_for(lambda: log.exists() and "window open" in log.read_text(encoding="utf-8"), "open window")
    return child, log


@pytest.mark.parametrize("signum, status, name", [(signal.SIGTERM, 143, "SIGTERM"), (signal.SIGINT, 130, "Ctrl+C")])
def test_the_window_closes_on_a_signal_as_on_ctrl_q_and_saves_its_settings(tmp_path, signum, status, name):
    settings = tmp_path / "beanlab.ini"
    child, log = _window(tmp_path, "window", settings, "--lesson", "4", QT_QPA_PLATFORM="offscreen")
    code, took, out, terminal = child.stop(signum)
    assert (code, out) == (status, "") and took < PROMPT_S
    assert _lines(terminal) == [f"beanlab: {name}: the window was closed as with Ctrl+Q (settings saved)"]
    assert _remembered_config(settings) == lesson(4).config
    assert "ERROR" not in log.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".beanlab.ini")] == []   # no temporary left


def _remembered_config(settings) -> RunConfig:
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(settings, encoding="utf-8")   # a whole, valid INI file
    text = ini["run"]["config"]
    return RunConfig.from_dict(json.loads(text.encode().decode("unicode_escape").strip('"')))


def test_two_windows_closing_leave_one_whole_settings_file_last_writer_wins(tmp_path):
    settings = tmp_path / "beanlab.ini"
    first, _ = _window(tmp_path, "first", settings, "--lesson", "4", QT_QPA_PLATFORM="offscreen")
    second, _ = _window(tmp_path, "second", settings, "--lesson", "5", QT_QPA_PLATFORM="offscreen")
    assert first.stop(signal.SIGTERM)[0] == 143
    assert _remembered_config(settings) == lesson(4).config
    assert second.stop(signal.SIGTERM)[0] == 143
    assert _remembered_config(settings) == lesson(5).config   # the last to close wins, with all its settings


@pytest.mark.skipif(not os.path.exists("/usr/bin/Xvfb"), reason="needs Xvfb")
def test_without_glx_the_window_prints_only_the_closing_line(tmp_path):
    """The acceptance run: an X server without GLX, the window opened, closed by SIGTERM."""
    with xvfb("-extension", "GLX") as display:
        child, log = _window(tmp_path, "noglx", tmp_path / "beanlab.ini", DISPLAY=display)
        code, _took, out, terminal = child.stop(signal.SIGTERM)
    assert (code, out) == (143, "")
    assert _lines(terminal) == ["beanlab: SIGTERM: the window was closed as with Ctrl+Q (settings saved)"]
    assert "the surface view is drawn in 2-D" in log.read_text(encoding="utf-8")


def test_a_signal_reaches_the_qt_loop_as_a_qt_signal_not_an_exception(qtbot):
    from beanlab.gui.signal_wakeup import SignalWakeup

    before = signal.getsignal(signal.SIGTERM)
    wakeup = SignalWakeup()
    try:
        with qtbot.waitSignal(wakeup.received, timeout=5_000) as caught:
            os.kill(os.getpid(), signal.SIGTERM)   # handled by the wakeup: nothing is raised here
        assert caught.args == [signal.SIGTERM] and wakeup.first == signal.SIGTERM
    finally:
        wakeup.close()
    assert signal.getsignal(signal.SIGTERM) is before   # given back as it was


def test_closing_twice_saves_the_settings_once(window, monkeypatch):
    saved = []
    remember = window.settings.remember
    monkeypatch.setattr(window.settings, "remember", lambda *args, **kw: saved.append(1) or remember(*args, **kw))
    window.close()   # a signal closed it …
    window.close()   # … and then Ctrl+Q, or the application quitting
    assert saved == [1]


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, Terminated])
def test_a_session_saved_when_a_signal_comes_is_never_half_written(tmp_path, monkeypatch, interruption):
    """Ctrl+C or SIGTERM half-way through saving: the session saved before is still whole, no temporary."""
    from beanlab.core import atomic_write, open_session, session_json, write_text_atomically

    trainer = RunConfig().build_trainer()
    trainer.run(500)
    path = tmp_path / "lesson.beanlab"
    write_text_atomically(path, session_json(trainer, RunConfig()))
    trainer.run(500)
    real_replace = atomic_write.os.replace

    def interrupted(source, target):
        raise interruption   # as the signal's handler raises, with the new text written but not yet in place

    monkeypatch.setattr(atomic_write.os, "replace", interrupted)
    with pytest.raises(interruption):
        write_text_atomically(path, session_json(trainer, RunConfig()))
    monkeypatch.setattr(atomic_write.os, "replace", real_replace)
    assert open_session(path.read_text(encoding="utf-8")).trainer.step_count == 500
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.beanlab"]


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_while_the_window_plays_at_full_speed_ends_it_cleanly(tmp_path, signum, status):
    """`beanlab screenshot` plays the run at full speed (the training thread busy): no crash, no picture."""
    log = tmp_path / "beanlab.log"
    child = Child(["screenshot", "window.png", "--updates", "100000000"],
                  beanlab_env(tmp_path, QT_QPA_PLATFORM="offscreen"), tmp_path)
    child.wait_for(lambda: log.exists() and "screenshot: playing" in log.read_text(encoding="utf-8"), "playing")
    code, took, out, terminal = child.stop(signum)
    assert code == status and took < PROMPT_S and out == ""
    assert len(_lines(terminal)) == 1 and _lines(terminal)[0].startswith("beanlab: ")
    assert not [p.name for p in tmp_path.iterdir() if "window" in p.name]


def test_a_signal_during_an_atomic_write_waits_until_the_file_is_whole(tmp_path, monkeypatch):
    """Ctrl+C in the middle of a write is held until the new file is in place, then delivered."""
    import os
    import signal

    from beanlab.core import atomic_write

    target = tmp_path / "beans.csv"
    target.write_text("x,y\n1,2\n")
    real_replace = os.replace

    def replace_after_a_signal(source, destination):
        os.kill(os.getpid(), signal.SIGINT)   # arrives while the temporary file exists
        real_replace(source, destination)

    monkeypatch.setattr(atomic_write.os, "replace", replace_after_a_signal)
    with pytest.raises(KeyboardInterrupt):
        atomic_write.write_text_atomically(target, "x,y\n3,4\n")
    assert target.read_text() == "x,y\n3,4\n"
    assert [p.name for p in tmp_path.iterdir()] == ["beans.csv"]
