"""Soak: the real window playing the default run at full speed for millions of updates, and the
memory it holds meanwhile.

    python bench/soak.py [--updates 10000000] [--json] [--quick]

Opens the main window (on a virtual screen if there is none), sets the epoch limit out of the way,
plays at full speed until the run reaches ``--updates`` and pauses there. Every second it samples
the process's resident memory (Linux: /proc/self/status). At the end it reports the updates made,
the time, the resident memory at the start and the end, the peak (VmHWM, the kernel's high-water
mark for the whole process), the bytes the run's record holds beside what keeping every update
would take, and what the loss plot shows: how many points it draws and the last update among them
(the whole run, thinned for drawing).

``tests/test_soak.py`` runs this script in a fresh process, so the peak is the app's own.
``--quick``: 200,000 updates, in seconds: that it runs, not how much it holds.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time


def memory_mb(field: str) -> float:
    """A memory figure of this process in MB: ``VmRSS`` (now) or ``VmHWM`` (the peak)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # not Linux: only the peak is known (bytes on macOS)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def soak(updates: int, limit_s: float) -> dict:
    sys.path.insert(0, os.path.dirname(__file__))
    from gui_speed import ensure_display

    display = ensure_display()
    os.environ.setdefault("BEANLAB_SETTINGS", os.path.join(tempfile.mkdtemp(prefix="beanlab-soak-"), "s.ini"))
    from PySide6.QtWidgets import QApplication

    from beanlab.app import make_application
    from beanlab.gui.main_window import MainWindow

    app = make_application()
    window = MainWindow()
    window.show()
    controller = window.controller
    settle = time.perf_counter() + 2
    while time.perf_counter() < settle:
        app.processEvents()
    per_epoch = len(controller.beans)
    controller.set_config(epochs=updates // per_epoch + 1)
    window.playback_panel.set_speed(0)
    start_mb = memory_mb("VmRSS")
    samples = []
    started = time.perf_counter()
    controller.play_until(updates)
    next_sample = started
    while time.perf_counter() - started < limit_s:
        app.processEvents()
        frame = controller.latest
        if time.perf_counter() >= next_sample:
            samples.append(memory_mb("VmRSS"))
            next_sample += 1.0
        if frame is not None and frame.snapshot.step >= updates and frame.state == "paused":
            break
    seconds = time.perf_counter() - started
    for _ in range(20):
        app.processEvents()
    frame = controller.latest
    loss_x = window.loss_plot.drawn_updates
    record_bytes = controller._worker._trainer.history.nbytes   # peeked at while the run is paused
    n_params = controller.landscape.model.n_params
    result = {
        "updates": int(frame.snapshot.step),
        "seconds": round(seconds, 2),
        "updates_per_s": round(frame.snapshot.step / seconds),
        "rss_start_mb": round(start_mb, 1),
        "rss_end_mb": round(memory_mb("VmRSS"), 1),
        "rss_max_sampled_mb": round(max(samples, default=0.0), 1),
        "peak_mb": round(memory_mb("VmHWM"), 1),
        # the trainer's record as it is, beside what keeping every update would take
        "record_mb": round(record_bytes / 1e6, 1),
        "every_update_would_take_mb": round((frame.snapshot.step + 1) * (n_params + 1) * 8 / 1e6, 1),
        "loss_points_drawn": len(loss_x),
        "loss_last_update_drawn": int(loss_x[-1]) if len(loss_x) else -1,
    }
    window.close()
    QApplication.processEvents()
    if display is not None:
        display.stop()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=10_000_000)
    parser.add_argument("--limit-s", type=float, default=600, help="give up after this long")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help="200,000 updates")
    args = parser.parse_args()
    if args.quick:
        args.updates = 200_000
    result = soak(args.updates, args.limit_s)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:28}{value:>14,}" if isinstance(value, int) else f"{key:28}{value:>14,.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
