"""The ``beanlab`` command line: start the app, write a dataset, or train without a window."""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from dataclasses import dataclass

import numpy as np

from beanlab import __version__, i18n
from beanlab.core import (
    ALIASES,
    DATASETS,
    LESSONS,
    LOSSES,
    MODELS,
    OPTIMIZERS,
    ORDERS,
    SIGMOID_MODELS,
    BeanDataError,
    Beans,
    RunConfig,
    SessionError,
    Trainer,
    history_csv_text,
    lesson,
    load_beans_csv,
    make_dataset,
    open_session,
    run_race,
    save_beans_csv,
    write_text_atomically,
)
from beanlab.core.landscape_models import TERRAINS

# The views `beanlab export` draws; beanlab.gui.export offers the same (a test checks), but importing
# it here would load Qt for every command.
EXPORT_VIEWS = ("all", "scatter", "loss", "cost", "contour", "surface", "network", "beans3d")


class UsageError(Exception):
    """A mistake in what the user asked for; reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    # argparse's default prints the whole usage; a learner needs the one line that says what is wrong.
    def error(self, message: str):
        raise UsageError(message)


def _number(text: str, kind: type):
    """``text`` as an int or a float, or the option's error saying it is not one."""
    try:
        return kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not {'a whole number' if kind is int else 'a number'}") from None


def _positive_int(text: str) -> int:
    value = _number(text, int)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _non_negative_int(text: str) -> int:
    value = _number(text, int)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1600x1000") from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"{width}x{height} is outside 320x240 … 8000x8000")
    return width, height


def _positive_float(text: str) -> float:
    value = _number(text, float)
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number, not {text}")
    return value


def _init_values(text: str) -> tuple[float, ...]:
    try:
        values = tuple(float(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a comma-separated list of numbers") from None
    if not all(math.isfinite(v) for v in values):
        raise argparse.ArgumentTypeError("starting values must be finite numbers")
    return values


def _language(text: str) -> str:
    try:
        return i18n.normalise(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _optimizer_list(text: str) -> list[str]:
    """Racers: optimizer names, each optionally with gradient noise for a landscape (``batch@0.01``)."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name.split("@")[0] not in OPTIMIZERS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown optimizer(s) {', '.join(unknown)}; choose from {', '.join(OPTIMIZERS)}")
    for name in names:
        if "@" in name:
            _non_negative_float(name.split("@", 1)[1])
    if not 1 <= len(names) <= 4 or len(set(names)) != len(names):
        raise argparse.ArgumentTypeError("give one to four different optimizers, separated by commas")
    return names


def _non_negative_float(text: str) -> float:
    value = _number(text, float)
    if not (math.isfinite(value) and value >= 0):
        raise argparse.ArgumentTypeError(f"{text!r} must be a number >= 0")
    return value


def _add_data_options(parser: argparse.ArgumentParser, defaults: bool = True) -> None:
    """``defaults=False``: unset options stay None, so a lesson's own settings show through."""
    parser.add_argument("--dataset", choices=list(DATASETS), default="line-bias" if defaults else None,
                        help="a course dataset (default line-bias)")
    parser.add_argument("--n", type=_positive_int, default=100 if defaults else None,
                        help="number of beans (default 100)")
    parser.add_argument("--seed", type=_non_negative_int, default=0 if defaults else None,
                        help="random seed (default 0)")


def _lesson(number: int):
    try:
        return lesson(number)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _add_lesson_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--lesson", type=_positive_int, metavar="N",
                        help=f"{what} the course's lesson N (1-{max(LESSONS)}): its beans, model, optimizer, "
                             "learning rate, start and epochs")


def _add_training_options(parser: argparse.ArgumentParser, optimizer: bool = True) -> None:
    """The run's settings; each left out comes from --lesson N if given, else from RunConfig's defaults."""
    _add_lesson_option(parser, "train as in")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--data", metavar="FILE.csv", help="beans from a CSV file (columns x, y)")
    _add_data_options(parser, defaults=False)
    parser.add_argument("--model", choices=[*MODELS, *ALIASES], help="default wx+b")
    parser.add_argument("--loss", choices=LOSSES, help="for the sigmoid models (default mse)")
    parser.add_argument("--hidden", type=_positive_int, metavar="K", help="neurons in the net's hidden layer "
                        "(1-8, default 2)")
    if optimizer:
        parser.add_argument("--optimizer", choices=OPTIMIZERS, help="default sgd")
    parser.add_argument("--lr", type=_positive_float, help="learning rate (default 0.01)")
    parser.add_argument("--step", type=_positive_float, help="fixed-step size (default 0.01)")
    parser.add_argument("--batch-size", type=_positive_int, help="mini-batch size (default 10)")
    parser.add_argument("--epochs", type=_positive_int, help="passes over the beans (default 100)")
    parser.add_argument("--order", choices=ORDERS, help="bean order (default sequential)")
    parser.add_argument("--init", type=_init_values, metavar="W[,B]",
                        help="starting parameters (default 0.1 each; random in [0, 1) for a net)")
    parser.add_argument("--landscape", choices=list(TERRAINS),
                        help="train on a function f(w, b) instead of beans: " + "; ".join(
                            f"{t.name}: {t.formula}" for t in TERRAINS.values()))
    parser.add_argument("--noise", type=_non_negative_float, metavar="SIGMA",
                        help="with --landscape: Gaussian noise of this size on every slope, from the seed")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="beanlab", description="BeanLab: watch gradient descent learn which beans are "
                     "toxic. With no command, opens the app.")
    parser.add_argument("--version", action="version", version=f"beanlab {__version__}")
    _add_lesson_option(parser, "open the window on")
    parser.add_argument("--debug", action="store_true",
                        help="log what the window does to the terminal too (it always goes to the log file)")
    parser.add_argument("--lang", type=_language, metavar="zh_CN|en",
                        help="the language of the window and its exports (default: the one last chosen from "
                             "View → Language, else the system's)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    data = commands.add_parser("data", help="write a course dataset to a CSV file")
    _add_data_options(data)
    data.add_argument("--out", required=True, help="the CSV file to write")

    train = commands.add_parser("train", help="train without a window and print the result")
    _add_training_options(train)
    train.add_argument("--history", metavar="OUT.csv", help="write one CSV row per update")
    train.add_argument("--json", action="store_true", help="end with one JSON line of the result")

    export = commands.add_parser("export", help="train and write an animated GIF (or the final PNG) without a window")
    export.add_argument("--out", required=True, metavar="FILE.gif|FILE.png",
                        help=".gif: the animation; .png: the final frame only")
    _add_training_options(export)
    export.add_argument("--view", choices=EXPORT_VIEWS, default="all",
                        help="all plots (a lesson's plots with --lesson), or one: scatter, loss, cost, contour, "
                             "surface (default all)")
    export.add_argument("--frames", type=_positive_int, default=300, help="frames at most (default 300)")
    export.add_argument("--fps", type=_positive_float, default=20.0, help="frames per second (default 20)")
    export.add_argument("--size", type=_size, default=(640, 480), metavar="WxH", help="pixels (default 640x480)")
    export.add_argument("--max-mb", type=_positive_float, default=5.0,
                        help="size budget in MB; fewer frames are used to fit (default 5)")
    export.add_argument("--race", type=_optimizer_list, metavar="A,B,…",
                        help="draw a race of up to four optimizers (as beanlab race) instead of one run: "
                             "the map, the 3-D surface when OpenGL is there, the losses and the table")

    race = commands.add_parser("race", help="train up to four optimizers on the same beans from the same start "
                               "and compare them")
    race.add_argument("--optimizers", type=_optimizer_list, required=True, metavar="A,B,…",
                      help=f"up to four of: {', '.join(OPTIMIZERS)}")
    _add_training_options(race, optimizer=False)
    race.add_argument("--threshold", type=_positive_float, help="the loss to reach (default: the least known "
                      "loss plus 1%% of the way down to it)")
    race.add_argument("--json", action="store_true", help="also print the results as one JSON line")

    shot = commands.add_parser("screenshot", help="open the window, play the default run, save it as a PNG")
    shot.add_argument("out", metavar="OUT.png", help="the picture to write")
    shot.add_argument("--updates", type=_non_negative_int, default=2000,
                      help="updates to play before the picture (default 2000)")
    shot.add_argument("--size", type=_size, default=(1600, 1000), metavar="WxH",
                      help="window size in pixels (default 1600x1000)")
    return parser


@dataclass
class TrainingSetup:
    """What ``beanlab train`` was asked to do, checked and built from the core."""

    beans: Beans
    trainer: Trainer
    epochs: int
    source: str


def _beans_from(args: argparse.Namespace) -> tuple[Beans, str]:
    if getattr(args, "data", None):
        try:
            beans = load_beans_csv(args.data)
        except BeanDataError as exc:
            raise UsageError(str(exc)) from None
        return beans, f"{args.data} ({len(beans)} beans)"
    beans = make_dataset(args.dataset, args.n, args.seed)
    return beans, f"{args.dataset} ({args.n} beans, seed {args.seed})"


# the options that set a RunConfig field of the same name
CONFIG_OPTIONS = ("dataset", "n", "seed", "model", "loss", "hidden", "optimizer", "lr", "step", "batch_size",
                  "order", "epochs", "init", "landscape", "noise")


def config_from(args: argparse.Namespace) -> RunConfig:
    """The run the options ask for: the lesson's (or the defaults), with every option given laid over it."""
    base = _lesson(args.lesson).config if getattr(args, "lesson", None) is not None else RunConfig()
    changes = {name: getattr(args, name) for name in CONFIG_OPTIONS if getattr(args, name, None) is not None}
    if "dataset" in changes and "n" not in changes:
        base = base.with_dataset(changes["dataset"])   # its own number of samples (the textbook's 1000)
    model = changes.get("model", base.model)
    changes["model"] = ALIASES.get(model, model)
    if changes["model"] != base.model:
        base = base.with_model(changes["model"])   # keeps the starting values the models share
    try:
        return base.replace(**changes)
    except (TypeError, ValueError) as exc:
        raise UsageError(str(exc)) from None


def setup_training(args: argparse.Namespace) -> TrainingSetup:
    """Turn parsed ``train`` options into a ready :class:`Trainer`, or raise :class:`UsageError`."""
    config = config_from(args)
    if getattr(args, "data", None):
        beans, source = _beans_from(args)
    else:
        beans = config.make_beans()
        source = f"{config.dataset} ({config.n} beans, seed {config.seed})"
        if config.landscape is not None:
            noise = f", gradient noise {config.noise:g}" if config.noise else ""
            source = f"the {config.landscape} landscape, {TERRAINS[config.landscape].formula}{noise}"
        if getattr(args, "lesson", None) is not None:
            source = f"lesson {args.lesson}'s {source}"
    try:
        trainer = config.build_trainer(beans)
    except ValueError as exc:
        raise UsageError(f"{exc} ({source})") from None
    return TrainingSetup(beans, trainer, config.epochs, source)


class _ProgressBar:
    """A one-line bar on a terminal's stderr; silent when stderr is not a terminal."""

    def __init__(self, total: int, stream=None) -> None:
        self.total, self.stream = total, stream or sys.stderr   # looked up now: it may have been swapped
        self.enabled = total >= 200_000 and self.stream.isatty()

    def show(self, done: int) -> None:
        if self.enabled:
            filled = int(30 * done / self.total)
            self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {100 * done // self.total:3d}%")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 40 + "\r")


def _train(trainer: Trainer, total_updates: int) -> None:
    bar = _ProgressBar(total_updates)
    chunk = max(10_000, total_updates // 100)
    while trainer.step_count < total_updates and not trainer.diverged:
        trainer.run(min(chunk, total_updates - trainer.step_count))
        bar.show(trainer.step_count)
    bar.close()


def _run_train(args: argparse.Namespace) -> int:
    setup = setup_training(args)
    trainer = setup.trainer
    _train(trainer, setup.epochs * trainer.updates_per_epoch)
    snap = trainer.snapshot()
    names = trainer.model.param_names
    best = trainer.model.optimum(setup.beans.x, setup.beans.y)
    final_loss = trainer.model.loss(trainer.params, setup.beans.x, setup.beans.y)
    if args.history:
        try:
            write_text_atomically(args.history, history_csv_text(trainer))
        except OSError as exc:
            raise UsageError(f"cannot write {args.history}: {exc.strerror or exc}") from None

    print(f"Trained {trainer.model.name} on {setup.source} with {trainer.optimizer.describe()}.")
    print(f"{snap.step} updates, {snap.epoch} epoch(s) completed.")
    kind = "lowest point" if getattr(trainer.model, "is_landscape", False) else "least-squares"
    for i, name in enumerate(names):
        reference = f"   ({kind} {name}* = {best[i]:.6f})" if best is not None else ""
        print(f"  {name} = {snap.params[i]:.6f}{reference}")
    at_optimum = f"   (at the optimum {trainer.model.loss(best, setup.beans.x, setup.beans.y):.6g})" \
        if best is not None else ""
    print(f"  loss = {final_loss:.6g}{at_optimum}")
    if setup.beans.scale is not None:
        print(f"  in the data's own units: {setup.beans.scale.describe(snap.params)}")
    misclassified = None
    if trainer.model.name in SIGMOID_MODELS:
        predicted_toxic = trainer.model.predict(trainer.params, setup.beans.x) > 0.5
        misclassified = int(np.sum(predicted_toxic != (setup.beans.y > 0.5)))
        print(f"  {misclassified} of {len(setup.beans)} beans on the wrong side of a = 0.5")
    if snap.diverged:
        print("The run DIVERGED: the loss blew up, so it stopped at the last finite point. "
              "Try a smaller learning rate (--lr).")
    if args.json:
        result = {"model": trainer.model.name, "params": dict(zip(names, snap.params)),
                  "loss": final_loss, "steps": snap.step, "epochs": snap.epoch, "diverged": snap.diverged}
        result.update(dict(zip(names, snap.params)))   # each parameter by name too: w, b; w1, w2, b …
        if "w" in names and "b" not in names:
            result["b"] = None   # y = w·x, as before
        if setup.beans.scale is not None:
            result["formula"] = setup.beans.scale.describe(snap.params)
        if best is not None and "w" in names:
            result.update({"w_star": float(best[names.index("w")]),
                           "b_star": float(best[names.index("b")]) if "b" in names else None})
        if misclassified is not None:
            result["misclassified"] = misclassified
        print(json.dumps(result))
    return 0


def _run_race(args: argparse.Namespace) -> int:
    config = config_from(args)
    try:
        race = run_race(config, args.optimizers, args.threshold)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    where = f"the {config.landscape} landscape ({TERRAINS[config.landscape].formula})" if config.landscape else \
        f"{config.dataset} ({config.n} beans, seed {config.seed}), model {config.model}"
    print(f"Race on {where}, learning rate {config.lr:g}, {config.epochs} epochs; "
          f"threshold loss {race.threshold:.6g}.")
    print(f"{'optimizer':<11} {'final loss':>12} {'updates':>9} {'seconds':>8} {'to threshold':>13} {'seconds':>8}")
    for r in race.results:
        reached = "never" if r.updates_to_threshold is None else f"{r.updates_to_threshold:,}"
        when = "" if r.seconds_to_threshold is None else f"{r.seconds_to_threshold:.3f}"
        status = "  DIVERGED" if r.diverged else ""
        print(f"{r.optimizer:<11} {r.final_loss:>12.6g} {r.updates:>9,} {r.seconds:>8.3f} {reached:>13} {when:>8}{status}")
    if args.json:
        print(json.dumps({"threshold": race.threshold, "results": [r.to_dict() for r in race.results]}))
    return 0


def _run_data(args: argparse.Namespace) -> int:
    beans = make_dataset(args.dataset, args.n, args.seed)
    try:
        save_beans_csv(beans, args.out)
    except OSError as exc:
        raise UsageError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    print(f"Wrote {len(beans)} beans of dataset {args.dataset} (seed {args.seed}) to {args.out}.")
    return 0


def _run_export(args: argparse.Namespace) -> int:
    from beanlab.gui.export.headless import (
        export_run,  # Qt is imported only when drawing is wanted
    )

    if args.race:   # the racers train in the race; no run of its own to train first
        try:
            return export_run(None, args, say=print, race_config=config_from(args))
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    setup = setup_training(args)
    _train(setup.trainer, setup.epochs * setup.trainer.updates_per_epoch)
    try:
        return export_run(setup.trainer, args, say=print)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _run_screenshot(args: argparse.Namespace) -> int:
    if not args.out.lower().endswith(".png"):
        raise UsageError(f"the screenshot is a PNG: give a name ending in .png, not {args.out!r}")
    folder = os.path.dirname(os.path.abspath(args.out))
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        raise UsageError(f"cannot write {args.out}: no folder {folder} that can be written to")
    from beanlab.app import (
        make_application,  # Qt is imported only when a window is wanted
    )
    from beanlab.gui.window_screenshot import save_screenshot

    make_application()
    try:
        width, height = save_screenshot(args.out, args.updates, args.size)
    except OSError as exc:
        raise UsageError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    except TimeoutError as exc:
        raise UsageError(str(exc)) from None
    print(f"Wrote the window ({width}x{height}) after {args.updates:,} updates of the default run to {args.out}.")
    return 0


def _run_session(path: str) -> int:
    try:
        with open(path, encoding="utf-8") as stream:
            session = open_session(stream.read())
    except OSError as exc:
        raise UsageError(f"cannot open {path}: {exc.strerror or exc}") from None
    except (SessionError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot open {path}: {exc}") from None
    from beanlab.app import run_app  # Qt is imported only when a window is wanted

    return run_app(argparse.Namespace(lesson=None, session=session, session_name=os.path.basename(path)))


def _run_app(args: argparse.Namespace) -> int:
    if args.lesson is not None:
        _lesson(args.lesson)   # a wrong number is a usage error before any window opens
    from beanlab.app import run_app  # Qt is imported only when a window is wanted

    return run_app(args)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``beanlab`` and ``python -m beanlab``; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        if argv and argv[0].endswith(".beanlab"):   # `beanlab lesson.beanlab`: open a saved session
            return _run_session(argv[0])
        args = build_parser().parse_args(argv)
        if args.lang:
            i18n.set_language(args.lang)   # also for what the window-less commands draw (exports)
        command = {"data": _run_data, "train": _run_train, "screenshot": _run_screenshot,
                   "export": _run_export, "race": _run_race,
                   None: _run_app}[args.command]
        return command(args)
    except UsageError as exc:
        print(f"beanlab: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("beanlab: interrupted", file=sys.stderr)
        return 130
