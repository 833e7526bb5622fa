"""Benchmark of GIF export against the way the course's student made one, measured in one run.

    python bench/export_speed.py [--frames 300] [--quick]

Both sides draw the same frames of the default run (100 beans of dataset B, ``wx+b``, per-sample
SGD, lr 0.01, 100 epochs): the updates BeanLab's exporter picks for 300 frames (the first ones
update by update, then ends of epochs), at 640×480, the beans and the fitted line.

- BeanLab: ``AnimationExport`` of the scatter view, drawn off screen by the window's plot classes,
  one shared palette, frames stored as deltas; timed from start to the file written.
- The course's way, as in the study notes: matplotlib, ``plt.plot`` of the line and the beans per
  frame into a list of artists, ``animation.ArtistAnimation(...).save(..., writer='pillow')``.

Prints seconds and bytes for each, bytes per 100 frames, and how many frames fit in 5 MB: for
BeanLab by asking its exporter for 5,000 frames within 5 MB and counting what it wrote; for the
course, its bytes per frame into 5 MB (it has no budget of its own). ``--quick``: 30 frames, and
500 frames asked within 0.5 MB, in seconds: that it runs, not how fast.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

SIZE = (640, 480)
MB = 1_000_000


def beanlab_export(trainer, path: Path, frames: int, max_mb: float = 5.0) -> tuple[float, int, int]:
    """Seconds, bytes and frames of one export of the scatter view."""
    from PySide6.QtCore import QEventLoop

    from beanlab.export.request import ExportRequest
    from beanlab.gui.export.animation_export import AnimationExport

    request = ExportRequest(str(path), view="scatter", frames=frames, fps=30, size=SIZE, max_mb=max_mb)
    loop, outcome = QEventLoop(), []
    start = time.perf_counter()
    job = AnimationExport.of_run(trainer, 0, trainer.step_count, request, opengl=False)
    job.finished.connect(lambda text: (outcome.append(text), loop.quit()))
    job.failed.connect(lambda text: (outcome.append(text), loop.quit()))
    job.start()
    loop.exec()
    seconds = time.perf_counter() - start
    if not path.exists():
        raise RuntimeError(outcome[0] if outcome else "the export wrote nothing")
    from PIL import Image

    with Image.open(path) as gif:
        written = gif.n_frames
    return seconds, path.stat().st_size, written


def course_export(trainer, updates: np.ndarray, path: Path) -> tuple[float, int]:
    """The student's way: ArtistAnimation of plt.plot artists, saved with the pillow writer."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import animation
    from matplotlib import pyplot as plt

    xs, ys = trainer.beans.x, trainer.beans.y
    params = trainer.history.params
    start = time.perf_counter()
    fig = plt.figure(figsize=(SIZE[0] / 100, SIZE[1] / 100), dpi=100)
    artists = []
    for update in updates:
        w, b = params[update]
        plt.xlim(0, 1)
        plt.ylim(0, 1.2)
        artists.append(plt.plot(xs, w * xs + b, "b") + plt.plot(xs, ys, "ro"))
    movie = animation.ArtistAnimation(fig, artists, interval=33)
    movie.save(str(path), writer="pillow")
    plt.close(fig)
    return time.perf_counter() - start, path.stat().st_size


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300, help="frames in the timed export (default 300)")
    parser.add_argument("--quick", action="store_true", help="30 frames, and 500 asked within 0.5 MB")
    args = parser.parse_args(argv)
    fit_asked, fit_mb = (500, 0.5) if args.quick else (5_000, 5.0)
    if args.quick:
        args.frames = 30
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # BeanLab draws off screen, as `beanlab export` does
    from beanlab.app import make_application
    from beanlab.core import RunConfig, spread_frames

    make_application()
    trainer = RunConfig().build_trainer()
    trainer.run(100 * trainer.updates_per_epoch)
    updates = spread_frames(0, trainer.step_count, args.frames, trainer.updates_per_epoch)

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        ours_s, ours_bytes, ours_frames = beanlab_export(trainer, folder / "beanlab.gif", args.frames)
        course_s, course_bytes = course_export(trainer, updates, folder / "course.gif")
        _, fit_bytes, fit_frames = beanlab_export(trainer, folder / "beanlab-fit.gif", fit_asked, max_mb=fit_mb)

    course_fit = int(fit_mb * MB // (course_bytes / len(updates)))
    print(f"GIF export of the default run, {args.frames} frames at {SIZE[0]}x{SIZE[1]} (beans and line); "
          f"Python {sys.version.split()[0]}")
    print()
    print(f"{'':28}{'BeanLab':>14}{'course (matplotlib)':>22}")
    print(f"{'frames written':28}{ours_frames:>14}{len(updates):>22}")
    print(f"{'seconds':28}{ours_s:>14.2f}{course_s:>22.2f}   (BeanLab {course_s / ours_s:.1f}x faster)")
    print(f"{'bytes':28}{ours_bytes:>14,}{course_bytes:>22,}")
    print(f"{'MB per 100 frames':28}{ours_bytes / ours_frames * 100 / MB:>14.3f}"
          f"{course_bytes / len(updates) * 100 / MB:>22.3f}")
    print(f"{f'frames that fit in {fit_mb:g} MB':28}{fit_frames:>14,}{course_fit:>22,}   "
          f"(BeanLab: its exporter asked for {fit_asked:,} within {fit_mb:g} MB wrote {fit_frames:,} in "
          f"{fit_bytes / MB:.2f} MB; "
          "course: extrapolated from its bytes per frame)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
