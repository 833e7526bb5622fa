"""``beanlab export``: train (or race) and write an animated GIF or MP4 or the final PNG, without a window.

The options become an :class:`ExportRequest`; the drawing is the GUI's (imported only here, when a
picture is wanted), on an application this command makes.
"""
from __future__ import annotations

import argparse
import os

from beanlab import interrupts
from beanlab.cli.options import (
    UsageError,
    add_language_option,
    add_training_options,
    chosen_lesson,
    optimizer_list,
    positive_float,
    positive_int,
    size,
)
from beanlab.cli.training import check_not_inputs, race_setup, setup_training, train_to_end
from beanlab.core.views import VIEWS
from beanlab.export.request import ExportRequest

# The views `beanlab export` draws: the core's list of views (Qt-free), and "all" of them together.
EXPORT_VIEWS = ("all", *VIEWS)


def add_commands(commands) -> None:
    export = commands.add_parser("export", help="train and write an animated GIF or MP4 (or the final PNG) "
                                                "without a window")
    export.add_argument("--out", required=True, metavar="FILE.gif|FILE.mp4|FILE.png",
                        help=".gif: the animation; .mp4: the animation as H.264 video, for slides; "
                             ".png: the final frame only")
    add_training_options(export)
    export.add_argument("--view", choices=EXPORT_VIEWS, default="all",
                        help="all plots (a lesson's plots with --lesson), or one: scatter, loss, cost, contour, "
                             "surface (default all)")
    export.add_argument("--frames", type=positive_int, default=300, help="frames at most (default 300)")
    export.add_argument("--fps", type=positive_float, default=20.0, help="frames per second (default 20)")
    export.add_argument("--size", type=size, default=(640, 480), metavar="WxH", help="pixels (default 640x480)")
    export.add_argument("--max-mb", type=positive_float, default=5.0,
                        help="size budget in MB; fewer frames are used to fit (default 5)")
    export.add_argument("--race", type=optimizer_list, metavar="A,B,…",
                        help="draw a race of up to four optimizers (as beanlab race) instead of one run: "
                             "the map, the 3-D surface (seen from the side without OpenGL), the losses and the table")
    add_language_option(export, command=True)
    export.set_defaults(run=run)


def request_from(args: argparse.Namespace) -> ExportRequest:
    """The export the options ask for, checked (UsageError says what is wrong)."""
    request = ExportRequest(path=args.out, view=args.view, frames=args.frames, fps=args.fps, size=args.size,
                            max_mb=args.max_mb, race=tuple(args.race or ()),
                            views_within=chosen.views if (chosen := chosen_lesson(args)) is not None else None)
    try:
        request.check()
        request.check_folder()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return request


def run(args: argparse.Namespace) -> int:
    request = request_from(args)
    check_not_inputs(args, args.out)
    if request.race:
        race_on, race_beans, _ = race_setup(args)   # the racers train in the race: no run of its own first
    else:
        setup = setup_training(args)
        stopped = train_to_end(setup)
        if stopped is not None:   # an export of half a run is not what was asked: nothing is written
            raise interrupts.exception_for(stopped)
    _make_application()
    from beanlab.gui.export.headless import export_race, export_run

    try:
        if request.race:
            export_race(race_on, request, say=print, beans=race_beans)
        else:
            export_run(setup.trainer, request, say=print)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return 0


def _make_application() -> None:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # no screen: draw in memory
    from beanlab.app import make_application

    make_application()
