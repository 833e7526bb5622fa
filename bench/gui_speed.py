"""Benchmark of the window at full speed against the course's matplotlib animation, in one run.

    python bench/gui_speed.py [--seconds 8] [--presses 10] [--quick]

BeanLab: the real main window on the default run (100 beans of dataset B, ``wx+b``, per-sample SGD,
lr 0.01) trains as fast as the machine goes. The script counts the repaints every plot actually
received (scatter, loss, both cost slices, contour map and the OpenGL bowl), the updates the
trainer made, and how long a Space key press takes to pause the run: from sending the key (with
xdotool, a real X key press, when it is installed) to the paused frame being on screen.

It also counts the frames drawn while the run plays paced, at ``PACED_SPEED`` updates a second, as a
lesson plays: then drawing, not training, is what a frame waits for.

The course's way, on the same beans: per update ``plt.clf()``, ``xlim``/``ylim``, ``scatter``,
``plot`` the line and ``plt.pause(0.01)`` (lessons 3 and 4), on matplotlib's Qt backend.

Needs a display; without one it starts a virtual one (Xvfb, through PyVirtualDisplay, which
pytest-xvfb installs). Mesa's software OpenGL draws the 3-D view there: a real GPU only does better.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

PACED_SPEED = 1000   # updates a second: a lesson's fast pace (lesson 4 plays at 300), far below full speed
PLOT_NAMES = ("scatter", "loss", "cost along w", "cost along b", "contour", "3-D bowl")


def ensure_display() -> object | None:
    """Start Xvfb when there is no display to draw on; return it to stop later."""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    from pyvirtualdisplay import Display

    display = Display(visible=False, size=(1600, 1000), color_depth=24)
    display.start()
    return display


def stop_display(display) -> None:
    """Stop the Xvfb that ensure_display started, after the application has let go of it: with Qt still
    connected, its X reader thread sees the server vanish and exits the process with status 1."""
    if display is None:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        import shiboken6

        for window in app.topLevelWidgets():
            if shiboken6.isValid(window):   # not gone already with a window closed before it
                window.close()
        app.processEvents()
        app.shutdown()   # disconnects from the X server
    display.stop()


def run_for(seconds: float) -> None:
    """Run the application's event loop, idle as in real use (no polling), for a while."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def wait_for_frame(window, condition, timeout_s: float = 20.0) -> float:
    """Run the event loop until a frame meeting condition(frame) has been drawn; return when (perf_counter).

    The moment is taken from a 1 ms timer started as the frame arrives: Qt runs it only after the
    paint the frame caused, as the window itself does to pace the worker.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop, drawn_at = QEventLoop(), []

    def on_frame(frame):
        if not drawn_at and condition(frame):
            QTimer.singleShot(1, lambda: (drawn_at.append(time.perf_counter()), loop.quit()))

    window.controller.frame_ready.connect(on_frame)
    QTimer.singleShot(round(timeout_s * 1000), loop.quit)
    loop.exec()
    window.controller.frame_ready.disconnect(on_frame)
    if not drawn_at:
        raise TimeoutError("the window did not reach the expected state")
    return drawn_at[0]


class KeyClock:
    """Notes when Qt receives a Space key press, to tell the key's delivery from the pause itself."""

    def __init__(self, app) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(inner, watched, event):
                # a key bound to a shortcut arrives as ShortcutOverride, and goes no further
                if (event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
                        and event.key() == Qt.Key.Key_Space and self.arrived is None):
                    self.arrived = time.perf_counter()
                return False

        from PySide6.QtCore import Qt
        self.arrived: float | None = None
        self._filter = Filter()
        app.installEventFilter(self._filter)


class PaintCounter:
    """Counts the paint events a widget receives: the frames it really drew."""

    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(inner, watched, event):
                if event.type() == QEvent.Type.Paint:
                    self.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


class FrameTime:
    """Where a frame's time goes between start() and stop(): training (worker), the views taking the
    frame (hub), painting the 2-D plots and the 3-D bowl, and the GUI thread's processor time in all.
    Made before the window, so that its connections and Qt's virtual calls reach the timed methods."""

    def __init__(self) -> None:
        from pyqtgraph.opengl import GLViewWidget
        from pyqtgraph.widgets.GraphicsView import GraphicsView

        from beanlab.gui.frame_hub import FrameHub
        from beanlab.gui.training_worker import TrainingWorker

        self.seconds = {"training (worker thread)": 0.0, "views take the frame (GUI)": 0.0,
                        "paint the 2-D plots (GUI)": 0.0, "paint the 3-D bowl (GUI)": 0.0}
        names = iter(self.seconds)
        self._patched = [(owner, method, getattr(owner, method), next(names)) for owner, method in (
            (TrainingWorker, "_train_for"), (FrameHub, "receive"), (GraphicsView, "paintEvent"),
            (GLViewWidget, "paintGL"))]
        for owner, method, original, name in self._patched:
            setattr(owner, method, self._timed(original, name))
        self._on, self._gui_started = False, 0.0

    def _timed(self, original, name):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                if self._on:
                    self.seconds[name] += time.perf_counter() - started
        return timed

    def start(self) -> None:
        self._on, self._gui_started = True, time.thread_time()

    def stop(self) -> dict:
        self._on = False
        return {**self.seconds, "GUI thread, processor time": time.thread_time() - self._gui_started}

    def remove(self) -> None:
        for owner, method, original, _name in self._patched:
            setattr(owner, method, original)


def bench_beanlab(seconds: float, presses: int) -> dict:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from beanlab.core import RunConfig
    from beanlab.gui.main_window import MainWindow

    frame_clock = FrameTime()
    window = MainWindow(config=RunConfig())   # the default run, whatever the user's settings remember
    window.show()
    window.activateWindow()
    # every view of the run live, as View → Plots turns them on (free play starts with three)
    window.plots.show_views(("scatter", "loss", "cost", "contour", "surface"))
    run_for(1.0)   # the first run is loaded and drawn
    slices = window.cost_slices
    widgets = (window.scatter.viewport(), window.loss_plot.plot_widget.viewport(),
               slices._along_w.widget.viewport(), slices._along_b.widget.viewport(),
               window.contour.viewport(), window.surface.view)
    counters = [PaintCounter(widget) for widget in widgets]
    latest = lambda: window.controller.latest

    window.playback_panel.set_speed(0)
    from beanlab.core.limits import MAX_EPOCHS
    window.controller.set_config(epochs=MAX_EPOCHS)   # never ends while measured
    window.controller.play()
    run_for(1.0)   # warm up: first grids, caches, the chunk size settles

    painted_before = [c.count for c in counters]
    step_before, frames_before, t0 = latest().snapshot.step, window.frames_shown, time.perf_counter()
    frame_clock.start()
    run_for(seconds)
    elapsed = time.perf_counter() - t0
    frame_time = frame_clock.stop()
    frames = window.frames_shown - frames_before
    frame_ms = {name: 1000 * spent / max(frames, 1) for name, spent in frame_time.items()}
    fps = [(c.count - before) / elapsed for c, before in zip(counters, painted_before)]
    updates_per_s = (latest().snapshot.step - step_before) / elapsed

    # Paced as a lesson plays (PACED_SPEED updates a second): the frames a class sees when training is
    # not what the time goes to
    window.controller.set_speed(PACED_SPEED)
    run_for(0.5)
    painted_before, t0 = [c.count for c in counters], time.perf_counter()
    run_for(seconds / 2)
    paced_elapsed = time.perf_counter() - t0
    paced_fps = [(c.count - before) / paced_elapsed for c, before in zip(counters, painted_before)]
    window.controller.set_speed(0)

    # Space while training at full speed: time until the paused frame is drawn.
    xdotool = shutil.which("xdotool") and os.environ.get("DISPLAY")
    if xdotool:   # no window manager gives it focus on a virtual screen
        subprocess.run(["xdotool", "windowfocus", "--sync", str(int(window.winId()))], check=True)
    latencies, after_delivery, leaked = [], [], 0
    clock = KeyClock(QApplication.instance())
    for _ in range(presses):
        if latest().state != "playing":
            window.controller.play()
        run_for(0.5)
        clock.arrived = None
        sent = time.perf_counter()
        if xdotool:
            subprocess.Popen(["xdotool", "key", "space"])
        else:
            QTimer.singleShot(0, lambda: QTest.keyClick(window, Qt.Key.Key_Space))
        shown = wait_for_frame(window, lambda frame: frame.state == "paused")
        latencies.append(shown - sent)
        after_delivery.append(shown - clock.arrived)
        stopped_at = latest().snapshot.step
        run_for(0.2)
        leaked += latest().snapshot.step - stopped_at   # updates after the pause: must be none
    window.close()
    frame_clock.remove()
    return {"fps": fps, "paced_fps": paced_fps, "frames": window.frames_shown, "updates_per_s": updates_per_s, "frame_ms": frame_ms,
            "cycle_ms": 1000 * elapsed / max(frames, 1),
            "latencies": latencies, "after_delivery": after_delivery, "key": "xdotool (X key press)" if xdotool else "QTest.keyClick",
            "leaked": leaked}


def course_step(xs, ys, i, w, b, alpha=0.01):
    """One per-sample update of lesson 4, written as the course writes it."""
    x, y = xs[i], ys[i]
    dw = 2 * x ** 2 * w + 2 * x * b - 2 * x * y
    db = 2 * b + 2 * x * w - 2 * y
    return w - alpha * dw, b - alpha * db


def draw_course_plot(plt, xs, ys, w, b, **_):
    """Lessons 3 and 4: the beans and the line, nothing else."""
    plt.xlim(0, 1)
    plt.ylim(0, 1.2)
    plt.scatter(xs, ys)
    plt.plot(xs, w * xs + b)


def draw_all_views(plt, xs, ys, w, b, landscape, grid, path, losses):
    """The same six views BeanLab shows, drawn the course's way (after plt.clf(), from scratch)."""
    W, B, E = grid
    fig = plt.gcf()
    ax = fig.add_subplot(2, 3, 1)
    ax.set_xlim(0, 1), ax.set_ylim(0, 1.2)
    ax.scatter(xs, ys)
    ax.plot(xs, w * xs + b, "r")
    ax = fig.add_subplot(2, 3, 2)
    ax.semilogy(losses)
    w_values, b_values = W[:, 0], B[0, :]
    ax = fig.add_subplot(2, 3, 3)
    ax.plot(w_values, landscape.curve(0, w_values, (w, b)))
    ax.plot([w], [landscape.cost((w, b))], "ro")
    ax = fig.add_subplot(2, 3, 4)
    ax.plot(b_values, landscape.curve(1, b_values, (w, b)))
    ax.plot([b], [landscape.cost((w, b))], "ro")
    ax = fig.add_subplot(2, 3, 5)
    ax.contourf(W, B, np.log10(E), 12)
    ax.plot(path[:, 0], path[:, 1], "r")
    ax = fig.add_subplot(2, 3, 6, projection="3d")
    ax.plot_surface(W, B, E, cmap="viridis")
    ax.plot(path[:, 0], path[:, 1], np.array(losses), "r")


def bench_course(app, seconds: float, draw) -> dict:
    """Per update: compute, ``plt.clf()``, redraw, ``plt.pause(0.01)``; on the same 100 beans."""
    import matplotlib

    matplotlib.use("QtAgg")
    from matplotlib import pyplot as plt

    from beanlab.core import Landscape, make_dataset, make_model

    beans = make_dataset("line-bias", 100, 0)
    xs, ys = beans.x, beans.y
    landscape = Landscape(beans, make_model("wx+b"))
    w, b = 0.1, 0.1
    box = landscape.box_around(np.array([[w, b], [0.68, 0.5]]))
    w_values, b_values, cost = landscape.grid(box, 50, (w, b))
    grid = (*np.meshgrid(w_values, b_values, indexing="ij"), cost)
    path, losses = [(w, b)], [landscape.cost((w, b))]
    plt.figure(figsize=(12, 7.5) if draw is draw_all_views else (6, 4.5))
    updates = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        w, b = course_step(xs, ys, updates % len(xs), w, b)
        path.append((w, b))
        losses.append(landscape.cost((w, b)))
        plt.clf()
        draw(plt, xs, ys, w, b, landscape=landscape, grid=grid, path=np.array(path), losses=losses)
        plt.pause(0.01)
        updates += 1
    elapsed = time.perf_counter() - start
    plt.close("all")
    app.processEvents()
    return {"fps": updates / elapsed, "updates_per_s": updates / elapsed}


def report(ours: dict, course: dict, course_all: dict, seconds: float, platform: str) -> str:
    """The table: BeanLab beside the course's one plot and the course's way of drawing all six views."""
    fps = min(ours["fps"])   # a frame counts when every plot drew it: the slowest plot's rate
    key_ms = np.array(ours["latencies"]) * 1000
    delivered_ms = np.array(ours["after_delivery"]) * 1000
    header = f"{'':32}{'BeanLab':>12}{'course: 1 plot':>16}{'course: 6 views':>17}"
    frames = f"{'frames drawn per second':32}{fps:>12.1f}{course['fps']:>16.1f}{course_all['fps']:>17.2f}"
    ratio = (f"{'  BeanLab / course':32}{'':>12}{fps / course['fps']:>15.1f}x"
             f"{fps / course_all['fps']:>16.1f}x")
    paced = min(ours["paced_fps"])
    paced_frames = (f"{f'  paced, {PACED_SPEED:,} updates/s':32}{paced:>12.1f}{'':>16}{'':>17}\n"
                    f"{'  BeanLab paced / course':32}{'':>12}{paced / course['fps']:>15.1f}x"
                    f"{paced / course_all['fps']:>16.1f}x")
    updates = (f"{'updates per second':32}{ours['updates_per_s']:>12,.0f}{course['updates_per_s']:>16.1f}"
               f"{course_all['updates_per_s']:>17.2f}")
    key = (f"{'Space to paused frame drawn':32}{np.median(key_ms):>9.1f} ms   (median of {len(key_ms)}, "
           f"max {key_ms.max():.1f} ms; key sent by {ours['key']})")
    delivered = (f"{'  from the key reaching Qt':32}{np.median(delivered_ms):>9.1f} ms   "
                 f"(max {delivered_ms.max():.1f} ms)")
    rest_ms = (ours["cycle_ms"] - ours["frame_ms"]["training (worker thread)"]
               - ours["frame_ms"]["GUI thread, processor time"])
    per_plot = ", ".join(f"{name} {rate:.1f}" for name, rate in zip(PLOT_NAMES, ours["fps"]))
    return "\n".join([
        "BeanLab at full speed against the course's plt.clf() + redraw + plt.pause(0.01) per update;",
        f"default run (dataset B, 100 beans, wx+b, per-sample SGD, lr 0.01); {seconds:g} s each;",
        f"Python {sys.version.split()[0]}, Qt platform {platform}.",
        "",
        header, frames, ratio, paced_frames, updates, key, delivered,
        f"{'updates after pausing':32}{ours['leaked']:>12}",
        "",
        "Paints per second of each BeanLab plot (a frame counts when all of them drew it):",
        "  " + per_plot,
        "",
        f"Where a BeanLab frame's {ours['cycle_ms']:.1f} ms go (wall time per frame; the worker trains while the GUI waits):",
        *(f"  {name:38}{ms:>7.1f} ms" for name, ms in ours["frame_ms"].items()),
        f"  {'the rest (frame made and handed over,':38}{rest_ms:>7.1f} ms",
        "   waiting for the processor, the X server)",
    ])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="how long each side is measured")
    parser.add_argument("--presses", type=int, default=10, help="how many Space presses to time")
    parser.add_argument("--quick", action="store_true", help="1 s each and 2 presses: that it runs, not how fast")
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds, args.presses = 1.0, 2
    # the benchmark's window must neither read nor change the user's remembered settings
    settings = tempfile.TemporaryDirectory()
    os.environ["BEANLAB_SETTINGS"] = os.path.join(settings.name, "beanlab.ini")
    display = ensure_display()
    try:
        from beanlab.app import make_application

        app = make_application()   # as the app is set up (shared GL contexts, collection on the GUI thread)
        ours = bench_beanlab(args.seconds, args.presses)
        course = bench_course(app, args.seconds, draw_course_plot)
        course_all = bench_course(app, args.seconds, draw_all_views)
        platform = app.platformName()
    finally:
        stop_display(display)
    print(report(ours, course, course_all, args.seconds, platform))
    return 0


if __name__ == "__main__":
    sys.exit(main())
