"""The commands' progress bar: only on a terminal, only for work past a second, rate and time left."""
import io
import os

import pytest

from beanlab.terminal_progress import ProgressBar, duration


class Terminal(io.StringIO):
    def isatty(self):
        return True


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def bar_on(stream, **options):
    clock = Clock()
    return ProgressBar(1_000_000, "updates", "Training", stream=stream, clock=clock, **options), clock


def test_nothing_is_drawn_in_the_first_second():
    terminal = Terminal()
    bar, clock = bar_on(terminal)
    clock.now += 0.9
    bar.show(900_000)
    assert terminal.getvalue() == ""


def test_past_a_second_it_says_done_rate_and_time_left():
    terminal = Terminal()
    bar, clock = bar_on(terminal)
    clock.now += 2.0
    bar.show(250_000)
    assert terminal.getvalue() == ("\rTraining: [#####...............]  25%  250,000/1,000,000 updates  "
                                   "125,000/s  6 s left")
    bar.close()
    assert terminal.getvalue().endswith("\r")   # the line wiped for what follows
    assert terminal.getvalue().rsplit("\r", 2)[-2].strip() == ""


def test_redrawn_at_most_ten_times_a_second():
    terminal = Terminal()
    bar, clock = bar_on(terminal)
    clock.now += 1.5
    for done in range(1000, 2000):
        bar.show(done)
    assert terminal.getvalue().count("\r") == 1


@pytest.mark.parametrize("stream, quiet", [(io.StringIO(), False), (Terminal(), True)])
def test_silent_when_piped_or_quiet(stream, quiet):
    bar, clock = bar_on(stream, quiet=quiet)
    clock.now += 5
    bar.show(500_000)
    bar.close()
    assert stream.getvalue() == ""


def test_a_new_stage_has_its_own_rate():
    terminal = Terminal()
    bar, clock = bar_on(terminal)
    clock.now += 10
    bar.show(10, "Drawing frames")   # the stage began now: no rate yet
    assert terminal.getvalue().endswith("0/s  …")


@pytest.mark.parametrize("seconds, words", [(8.4, "8 s"), (200, "3 min 20 s"), (7500, "2 h 05 min")])
def test_time_left_in_words(seconds, words):
    assert duration(seconds) == words


def test_never_wider_than_the_terminal(monkeypatch):
    terminal = Terminal()
    terminal.fileno = lambda: 2
    monkeypatch.setattr("os.get_terminal_size", lambda fd: os.terminal_size((60, 24)))
    bar, clock = bar_on(terminal)
    clock.now += 2
    bar.show(250_000)
    assert len(terminal.getvalue().lstrip("\r")) <= 57   # a wrapped line would not redraw in place
