"""``beanlab data`` and ``beanlab train``: write a course dataset; train without a window and print
the result. Also what the other commands build on: the run the options ask for, trained to its end."""
from __future__ import annotations

import argparse
import signal
import time
from dataclasses import dataclass

import numpy as np

from beanlab import interrupts
from beanlab.cli.json_line import json_line
from beanlab.cli.options import UsageError, add_data_options, add_excel_option, add_training_options, chosen_lesson
from beanlab.core import (
    ALIASES,
    BeanDataError,
    Beans,
    RunConfig,
    Trainer,
    columns_from_spec,
    describe_columns,
    history_csv_text,
    load_beans_csv,
    make_dataset,
    save_beans_csv,
    write_bytes_atomically,
)
from beanlab.core.beans_csv import csv_bytes
from beanlab.core.atomic_write import NotARegularFile, check_replaceable
from beanlab.core.file_guard import check_outputs
from beanlab.core.landscape_models import TERRAINS
from beanlab.terminal_progress import ProgressBar

STOPPED_BY = {signal.SIGINT: "Ctrl+C", signal.SIGTERM: "SIGTERM"}
# the options that set a RunConfig field of the same name
CONFIG_OPTIONS = ("dataset", "n", "seed", "model", "loss", "hidden", "optimizer", "lr", "step", "batch_size",
                  "order", "epochs", "init", "landscape", "noise")


def add_commands(commands) -> None:
    data = commands.add_parser("data", help="write a course dataset to a CSV file")
    add_data_options(data)
    data.add_argument("--out", required=True, help="the CSV file to write")
    add_excel_option(data)
    data.set_defaults(run=run_data)

    train = commands.add_parser("train", help="train without a window and print the result")
    add_training_options(train)
    train.add_argument("--history", metavar="OUT.csv", help="write one CSV row per update")
    train.add_argument("--json", action="store_true", help="end with one JSON line of the result")
    add_excel_option(train)
    train.set_defaults(run=run_train)


@dataclass
class TrainingSetup:
    """What ``beanlab train`` was asked to do, checked and built from the core."""

    beans: Beans
    trainer: Trainer
    epochs: int
    source: str
    config: RunConfig | None = None   # what the trainer was built from


def config_from(args: argparse.Namespace) -> RunConfig:
    """The run the options ask for: the lesson's (or the defaults), with every option given laid over it."""
    chosen = chosen_lesson(args)
    base = chosen.config if chosen is not None else RunConfig()
    changes = {name: getattr(args, name) for name in CONFIG_OPTIONS if getattr(args, name, None) is not None}
    if "dataset" in changes and "n" not in changes:
        base = base.with_dataset(changes["dataset"])   # its own number of samples (the textbook's 1000)
    model = changes.get("model", base.model)
    changes["model"] = ALIASES.get(model, model)
    if changes["model"] != base.model:
        base = base.with_model(changes["model"])   # keeps the starting values the models share
    try:
        config = base.replace(**changes)
        config.check_limits()   # before 10**10 beans are made or 10**12 epochs begun
    except (TypeError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    return config


def beans_from_file(path: str, columns: str | None = None) -> tuple[Beans, str]:
    """The beans of ``--data`` (``--columns``: which columns), and how the result names them."""
    try:
        beans = load_beans_csv(path, columns=None if columns is None else columns_from_spec(path, columns))
    except BeanDataError as exc:
        raise UsageError(str(exc)) from None
    described = describe_columns(beans)
    return beans, f"{path} ({len(beans)} beans{'; ' + described if described else ''})"


def data_config(config: RunConfig, args: argparse.Namespace, beans: Beans) -> RunConfig:
    """The run for beans read from a file: without --model, one that takes their number of features."""
    return config.for_beans(beans) if getattr(args, "model", None) is None else config


def race_setup(args: argparse.Namespace) -> tuple[RunConfig, Beans | None, str | None]:
    """The settings of a race (``race``, ``export --race``), its beans if ``--data`` gives them
    (else None: the settings' dataset) and how to name them."""
    config = config_from(args)
    if getattr(args, "columns", None) and not getattr(args, "data", None):
        raise UsageError("--columns chooses the columns of a --data file; give --data FILE.csv too")
    if not getattr(args, "data", None):
        return config, None, None
    beans, source = beans_from_file(args.data, args.columns)
    return data_config(config, args, beans), beans, source


def setup_training(args: argparse.Namespace) -> TrainingSetup:
    """Turn parsed ``train`` options into a ready :class:`Trainer`, or raise :class:`UsageError`."""
    config = config_from(args)
    if getattr(args, "columns", None) and not getattr(args, "data", None):
        raise UsageError("--columns chooses the columns of a --data file; give --data FILE.csv too")
    if getattr(args, "data", None):
        beans, source = beans_from_file(args.data, args.columns)
        config = data_config(config, args, beans)
    else:
        beans = config.make_beans()
        source = f"{config.dataset} ({config.n} beans, seed {config.seed})"
        if config.landscape is not None:
            noise = f", gradient noise {config.noise:g}" if config.noise else ""
            source = f"the {config.landscape} landscape, {TERRAINS[config.landscape].formula}{noise}"
        if getattr(args, "lesson_file", None) is not None:
            source = f"{args.lesson_file}'s {source}"
        elif getattr(args, "lesson", None) is not None:
            source = f"lesson {args.lesson}'s {source}"
    try:
        trainer = config.build_trainer(beans)
    except ValueError as exc:
        raise UsageError(f"{exc} ({source})") from None
    return TrainingSetup(beans, trainer, config.epochs, source, config)


CHUNK_S = 0.1   # train in chunks of about this long: Ctrl+C stops within it, the bar moves as often


def train_to_end(setup: TrainingSetup, quiet: bool = False, what: str = "Training") -> int | None:
    """Train all the epochs asked for (or until the run diverges), with a progress bar on a terminal
    (none if ``quiet``). Ctrl+C or SIGTERM stops it between two chunks, the run whole: then it returns
    that signal's number, else None."""
    trainer, total_updates = setup.trainer, setup.epochs * setup.trainer.updates_per_epoch
    bar = ProgressBar(total_updates, "updates", what, quiet=quiet)
    chunk = 1_000
    with interrupts.deferred() as stop:
        try:
            while trainer.step_count < total_updates and not trainer.diverged and stop.first is None:
                started = time.perf_counter()
                trainer.run(min(chunk, total_updates - trainer.step_count))
                took = time.perf_counter() - started
                chunk = min(max(int(chunk * CHUNK_S / max(took, 1e-4)), 100), 1_000_000)
                bar.show(trainer.step_count)
        finally:   # the result (or a second Ctrl+C's line) must not be glued to a half-drawn bar
            bar.close()
    return stop.first


def run_data(args: argparse.Namespace) -> int:
    beans = make_dataset(args.dataset, args.n, args.seed)
    try:
        save_beans_csv(beans, args.out, excel=args.excel)
    except OSError as exc:
        raise UsageError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    print(f"Wrote {len(beans)} beans of dataset {args.dataset} (seed {args.seed}) to {args.out}.")
    return 0


def check_not_inputs(args: argparse.Namespace, *outputs: str | None) -> None:
    """UsageError before anything is done if an output file is the ``--data`` file, or is something
    (a device such as /dev/null, a folder) that a file must not replace."""
    try:
        check_outputs(outputs, [getattr(args, "data", None)])
        for output in filter(None, outputs):
            check_replaceable(output)
    except NotARegularFile as exc:
        raise UsageError(f"cannot write {exc.filename}: {exc.strerror}") from None
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def run_train(args: argparse.Namespace) -> int:
    check_not_inputs(args, args.history)
    setup = setup_training(args)
    trainer = setup.trainer
    stopped = train_to_end(setup, quiet=args.json)
    if stopped is not None:   # the run so far is whole: report it, write no file, end as the signal asks
        asked = setup.epochs * trainer.updates_per_epoch
        print(f"Stopped by {STOPPED_BY[stopped]} after {trainer.step_count:,} of {asked:,} updates: the result so far"
              f"{' (no history written)' if args.history else ''}.")
        result = _report(setup)
        if args.json:
            print(json_line({**result, "stopped_by": STOPPED_BY[stopped]}))
        raise interrupts.exception_for(stopped)
    if args.history:
        try:
            write_bytes_atomically(args.history, csv_bytes(history_csv_text(trainer), args.excel))
        except OSError as exc:
            raise UsageError(f"cannot write {args.history}: {exc.strerror or exc}") from None
    result = _report(setup)
    if args.json:
        print(json_line(result))
    return 0


def _report(setup: TrainingSetup) -> dict:
    """Print what the run reached beside the reference, and return the same as the JSON result."""
    trainer, beans = setup.trainer, setup.beans
    snap = trainer.snapshot()
    names = trainer.model.param_names
    best = trainer.model.optimum(beans.x, beans.y)
    final_loss = trainer.model.loss(trainer.params, beans.x, beans.y)
    print(f"Trained {trainer.model.name} on {setup.source} with {trainer.optimizer.describe()}.")
    print(f"{snap.step} updates, {snap.epoch} epoch(s) completed.")
    kind = "lowest point" if getattr(trainer.model, "is_landscape", False) else "least-squares"
    for i, name in enumerate(names):
        reference = f"   ({kind} {name}* = {best[i]:.6f})" if best is not None else ""
        print(f"  {name} = {snap.params[i]:.6f}{reference}")
    at_optimum = f"   (at the optimum {trainer.model.loss(best, beans.x, beans.y):.6g})" if best is not None else ""
    print(f"  loss = {final_loss:.6g}{at_optimum}")
    if beans.scale is not None:
        print(f"  in the data's own units: {beans.scale.describe(snap.params)}")
    misclassified = None
    if trainer.model.classifies:
        predicted_toxic = trainer.model.predict(trainer.params, beans.x) > 0.5
        misclassified = int(np.sum(predicted_toxic != (beans.y > 0.5)))
        print(f"  {misclassified} of {len(beans)} beans on the wrong side of a = 0.5")
    if snap.diverged:
        print("The run DIVERGED: the loss blew up, so it stopped at the last finite point. "
              "Try a smaller learning rate (--lr).")
    result = {"model": trainer.model.name, "params": dict(zip(names, snap.params)),
              "loss": final_loss, "steps": snap.step, "epochs": snap.epoch, "diverged": snap.diverged}
    result.update(dict(zip(names, snap.params)))   # each parameter by name too: w, b; w1, w2, b …
    if "w" in names and "b" not in names:
        result["b"] = None   # y = w·x, as before
    if beans.scale is not None:
        result["formula"] = beans.scale.describe(snap.params)
    if best is not None and "w" in names:
        result.update({"w_star": float(best[names.index("w")]),
                       "b_star": float(best[names.index("b")]) if "b" in names else None})
    if misclassified is not None:
        result["misclassified"] = misclassified
    return result
