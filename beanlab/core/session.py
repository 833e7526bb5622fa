"""Sessions: a run saved to a ``.beanlab`` file (JSON) and opened again to go on exactly where it was.

The file holds the settings, the beans and the recorded run (every update's parameters and loss;
for a very long run, the updates its record keeps, with their numbers, and a stateful optimizer's
memory), so opening it restores the plots and step-back, and the next update is the same float it
would have been. Arrays are stored as base64 of little-endian float64, so nothing is rounded. Every
field is checked on opening; a file that is not right says what is wrong and changes nothing, and
what it claims is bounded (:mod:`.limits`) before it costs memory or time.
"""
from __future__ import annotations

import base64
import binascii
import json
import os
from dataclasses import dataclass

import numpy as np

from ..i18n import N_, tr
from . import limits
from .datasets import Beans
from .run_config import RunConfig
from .trainer import Trainer

FORMAT = "beanlab-session"
VERSION = 1


class SessionError(ValueError):
    """A session file that cannot be opened, with the reason in words."""


@dataclass(frozen=True)
class Session:
    config: RunConfig
    trainer: Trainer          # with the recorded run loaded: it goes on from the saved update
    lesson: int | None = None


def _pack(values: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(values, dtype="<f8").tobytes()).decode("ascii")


def _unpack(text, what: str) -> np.ndarray:
    if not isinstance(text, str):
        raise SessionError(tr("{what} is missing or not text").format(what=tr(what)))
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise SessionError(tr("{what} is damaged (not base64)").format(what=tr(what))) from None
    if len(raw) % 8:
        raise SessionError(tr("{what} is damaged (cut short)").format(what=tr(what)))
    return np.frombuffer(raw, dtype="<f8").astype(np.float64)


def session_json(trainer: Trainer, config: RunConfig, lesson: int | None = None) -> str:
    """The run of ``trainer`` (made with ``config``, its live changes included) as session text."""
    updates, params, loss = trainer.history.rows_from(0)
    run = {"updates": trainer.step_count, "params": _pack(params), "loss": _pack(loss)}
    if trainer.history.start > 0:   # a long run: only some updates kept; the optimizer's memory goes too
        run["kept"] = _pack(updates.astype(np.float64))
        run["memories"] = {str(u): {name: np.asarray(v).tolist() for name, v in memory.items()}
                           for u, memory in trainer.optimizer_memories().items()}
    document = {
        "format": FORMAT,
        "version": VERSION,
        "lesson": lesson,
        "config": config.replace(init=tuple(trainer.init)).to_dict(),
        "beans": {"name": trainer.beans.name, "features": trainer.beans.n_features,
                  "x": _pack(trainer.beans.x), "y": _pack(trainer.beans.y)},
        "run": run,
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def read_session_file(path: str | os.PathLike) -> Session:
    """Open the session file ``path``: OSError if it cannot be read, SessionError if it is no session;
    a file larger than :data:`limits.MAX_SESSION_BYTES` is refused before it is read."""
    size = os.stat(path).st_size
    if size > limits.MAX_SESSION_BYTES:
        raise SessionError(tr("the file is {size:,} MB; a session may be at most {most:,} MB").format(
            size=size // 2 ** 20, most=limits.MAX_SESSION_BYTES // 2 ** 20))
    with open(path, "rb") as stream:
        raw = stream.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SessionError(tr("not a BeanLab session file")) from None
    return open_session(text)


def open_session(text: str) -> Session:
    """Read session text; raise SessionError saying what is wrong (never another error)."""
    if len(text) > limits.MAX_SESSION_BYTES:
        raise SessionError(tr("the file is {size:,} MB; a session may be at most {most:,} MB").format(
            size=len(text) // 2 ** 20, most=limits.MAX_SESSION_BYTES // 2 ** 20))
    try:
        document = json.loads(text.removeprefix("\ufeff"))   # a BOM, as Windows' Notepad may add
    except json.JSONDecodeError as exc:
        raise SessionError(tr("not a BeanLab session (broken JSON at line {line})").format(line=exc.lineno)) from None
    except RecursionError:
        raise SessionError(tr("not a BeanLab session (nested too deeply)")) from None
    try:
        return _session_from(document)
    except SessionError:
        raise
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, OverflowError, RecursionError) as exc:
        # a field of a kind no check above foresaw: still the file's fault, said as such
        raise SessionError(tr("the session is damaged: {reason}").format(reason=str(exc)[:200])) from None


def _session_from(document) -> Session:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SessionError(tr("not a BeanLab session file"))
    version = document.get("version")
    if version != VERSION:
        raise SessionError(tr("session version {version}: this BeanLab reads version {readable} "
                              "(a newer BeanLab may have written it)").format(version=repr(version), readable=VERSION))
    config = _config(document.get("config"))
    beans_part, run = document.get("beans"), document.get("run")
    if not isinstance(beans_part, dict) or not isinstance(run, dict):
        raise SessionError(tr("the beans or the run are missing"))
    x, y = _unpack(beans_part.get("x"), N_("the beans' sizes")), _unpack(beans_part.get("y"), N_("the beans' toxicities"))
    features = beans_part.get("features", 1)
    if features not in (1, 2) or len(x) != len(y) * features or len(y) == 0 \
            or not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise SessionError(tr("the beans are damaged (uneven, empty or not finite)"))
    if features == 2:
        x = x.reshape(len(y), 2)
    beans = Beans(x, y, str(beans_part.get("name", "session")))
    try:
        trainer = config.build_trainer(beans)
    except ValueError as exc:
        raise SessionError(tr("the settings do not make a run: {reason}").format(reason=exc)) from None
    updates = run.get("updates")
    _check_updates(updates, trainer)
    params, loss = _unpack(run.get("params"), N_("the recorded parameters")), _unpack(run.get("loss"), N_("the recorded losses"))
    kept = _unpack(run["kept"], N_("the recorded parameters")).astype(np.int64) if "kept" in run else None
    rows = updates + 1 if kept is None else len(kept)
    if not isinstance(updates, int) or updates < 0 or len(loss) != rows \
            or len(params) != len(loss) * trainer.model.n_params or (kept is not None and kept[-1] != updates):
        raise SessionError(tr("the recorded run is damaged (its lengths do not agree)"))
    try:
        memories = {int(u): {name: np.asarray(v, dtype=np.float64) for name, v in memory.items()}
                    for u, memory in run.get("memories", {}).items()}
        trainer.load_history(params, loss, kept, memories)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise SessionError(tr("the recorded run is damaged: {reason}").format(reason=exc)) from None
    lesson = document.get("lesson")
    return Session(config, trainer, lesson if isinstance(lesson, int) else None)


def _check_updates(updates, trainer: Trainer) -> None:
    """The update count a file claims, bounded before the run is replayed up to it: going on after
    update u of a shuffled run draws the bean order of every epoch before it."""
    if isinstance(updates, bool) or not isinstance(updates, int) or updates < 0:
        raise SessionError(tr("the recorded run is damaged (its update count is not a whole number)"))
    epochs = updates // trainer.updates_per_epoch
    most_epochs = limits.MAX_SESSION_SHUFFLE_WORK // (len(trainer.beans) + limits.SHUFFLE_EPOCH_COST_IN_BEANS)
    if updates > limits.MAX_SESSION_UPDATES or (trainer.bean_order.order == "shuffle" and epochs > most_epochs):
        raise SessionError(tr("the recorded run claims {updates:,} updates ({epochs:,} epochs); a session may hold "
                              "at most {most:,} updates, and {most_epochs:,} epochs of these beans shuffled").format(
            updates=updates, epochs=epochs, most=limits.MAX_SESSION_UPDATES, most_epochs=most_epochs))


def _config(part) -> RunConfig:
    try:
        return RunConfig.from_dict(part)
    except ValueError as exc:
        raise SessionError(str(exc)) from None
