"""Benchmark of the numeric core against the course's own way, measured in one run.

    python bench/core_speed.py [--quick]

Prints a table: per-sample SGD updates per second on ``wx+b`` (BeanLab's trainer, recording the
history, against the course's loop over numpy scalars with no drawing), ``cost_surface`` on a
200×200 grid (from sufficient statistics on 1,000,000 beans, against naive broadcasting on 10,000),
and the memory the history holds per million updates. ``--quick`` measures a tenth to a fortieth
of each (seconds instead of a minute): that the comparison still runs, not how fast it is.
"""
from __future__ import annotations

import argparse
import time
import tracemalloc

import numpy as np

from beanlab.core import Trainer, cost_surface, make_dataset, make_model, make_optimizer


def best_of(repeats: int, function) -> float:
    """The fastest of a few timed runs, in seconds: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def course_sgd_loop(xs: np.ndarray, ys: np.ndarray, epochs: int) -> tuple[float, float]:
    """Lesson 4's loop as the course writes it (numpy scalars, w and b updated per bean)."""
    w, b, alpha = 0.1, 0.1, 0.01
    for _ in range(epochs):
        for i in range(len(xs)):
            x, y = xs[i], ys[i]
            dw = 2 * x ** 2 * w + 2 * x * b - 2 * x * y
            db = 2 * b + 2 * x * w - 2 * y
            w = w - alpha * dw
            b = b - alpha * db
    return w, b


def bench_sgd(epochs: int = 2000) -> tuple[float, float]:
    beans = make_dataset("line-bias", 100, 0)
    updates = epochs * len(beans)

    def beanlab_run():
        trainer = Trainer(beans, make_model("wx+b"), make_optimizer("sgd", lr=0.01))
        trainer.run(updates)
        assert len(trainer.history) == updates + 1

    course = updates / best_of(3, lambda: course_sgd_loop(beans.x, beans.y, epochs))
    ours = updates / best_of(3, beanlab_run)
    return ours, course


def naive_surface(x, y, w, b, rows_at_once: int = 10):
    # Broadcasting over (w, b, bean), a few w rows at a time so memory stays near 160 MB.
    out = np.empty((len(w), len(b)))
    for start in range(0, len(w), rows_at_once):
        ws = w[start:start + rows_at_once, None, None]
        out[start:start + rows_at_once] = np.mean((y - ws * x - b[None, :, None]) ** 2, axis=2)
    return out


def bench_surface(big_n: int = 1_000_000, small_n: int = 10_000) -> tuple[float, float]:
    grid_w, grid_b = np.linspace(-1, 3, 200), np.linspace(-2, 2, 200)
    big, small = make_dataset("line-bias", big_n, 0), make_dataset("line-bias", small_n, 0)
    ours = best_of(3, lambda: cost_surface(big.x, big.y, grid_w, grid_b))
    naive = best_of(1, lambda: naive_surface(small.x, small.y, grid_w, grid_b))
    np.testing.assert_allclose(cost_surface(small.x, small.y, grid_w, grid_b),
                               naive_surface(small.x, small.y, grid_w, grid_b), rtol=1e-9)
    return ours, naive


def bench_history_memory(updates: int = 1_000_000) -> tuple[float, float]:
    beans = make_dataset("line-bias", 100, 0)
    tracemalloc.start()
    trainer = Trainer(beans, make_model("wx+b"), make_optimizer("sgd", lr=0.01))
    trainer.run(updates)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return trainer.history.nbytes / 2 ** 20, peak / 2 ** 20


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: that it runs, in seconds")
    quick = parser.parse_args(argv).quick
    epochs, big_n, small_n, history_updates = (50, 100_000, 1_000, 100_000) if quick else \
        (2000, 1_000_000, 10_000, 1_000_000)
    ours_sgd, course_sgd = bench_sgd(epochs)
    ours_surface, naive_surface_s = bench_surface(big_n, small_n)
    history_mb, peak_mb = bench_history_memory(history_updates)
    rows = [
        ("per-sample SGD, wx+b, history on", f"{ours_sgd:,.0f} updates/s",
         f"{course_sgd:,.0f} updates/s (course loop, numpy scalars)", f"{ours_sgd / course_sgd:.1f}x"),
        ("cost_surface 200x200", f"{ours_surface * 1e3:.1f} ms on {big_n:,} beans",
         f"{naive_surface_s * 1e3:.0f} ms on {small_n:,} beans (naive broadcasting)",
         f"{naive_surface_s / ours_surface:.0f}x"),
        (f"history, {history_updates:,} updates of (w, b)", f"{history_mb:.1f} MB held",
         f"{peak_mb:.1f} MB peak while growing", "limit 40 MB" if not quick else "limit 4 MB"),
    ]
    widths = [max(len(r[i]) for r in rows + [("what", "BeanLab", "compared with", "ratio")]) for i in range(4)]
    for row in [("what", "BeanLab", "compared with", "ratio"), tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)))


if __name__ == "__main__":
    main()
