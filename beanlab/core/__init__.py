"""BeanLab's numeric core: beans, models, optimizers, training and cost landscapes. numpy only.

A notebook session::

    from beanlab.core import make_dataset, make_model, make_optimizer, Trainer, optimum
    beans = make_dataset("line-bias", n=100, seed=0)
    trainer = Trainer(beans, make_model("wx+b"), make_optimizer("sgd", lr=0.01))
    trainer.run(500 * trainer.updates_per_epoch)
    print(trainer.snapshot().params, optimum(beans.x, beans.y, "wx+b"))
"""
from .atomic_write import write_bytes_atomically, write_text_atomically
from .bean_edits import add_bean, move_bean, remove_bean
from .beans_csv import (
    BeanDataError,
    CsvPreview,
    LoadCancelled,
    columns_from_spec,
    describe_columns,
    load_beans_csv,
    preview_beans_csv,
    save_beans_csv,
)
from .beans_csv_apart import load_beans_csv_apart
from .cost import cost_curve, cost_surface, cost_surface_from_stats, optimum
from .datasets import DATASETS, Beans, make_dataset
from .explain import Explanation, explain_next_update_in_stages, explain_update
from .frame import LOSS_SMOOTHING, Frame, FrameMaker, RunState
from .frame_spacing import spread_frames
from .history import History, SampledHistory
from .landscape import Box, Landscape, thin_indices
from .lessons import LESSONS, Lesson, lesson
from .model_catalogue import ALIASES, MODELS, SIGMOID_MODELS, make_model, model_class
from .models import Line, LineThroughOrigin, Model, SufficientStats
from .neurons import LOSSES, HiddenLayerNet, PlaneNeuron, SigmoidNeuron, sigmoid
from .optimizer_catalogue import OPTIMIZERS, make_optimizer
from .optimizers import SGD, Batch, FixedStep, MiniBatch, Optimizer
from .pacing import Pacing, Phase, Plan
from .predictions import (QUESTIONS, Question, SketchTheLoss, WhatWillTheRunDo, WhereWillTheBallBe,
                          WhereWillTheLineBe, WhichBeanMovesWMost, line_through)
from .promises import Promise, RunNumbers, promise_test
from .race import Race, RaceResult, run_race
from .registry import Registry
from .run_config import RunConfig
from .run_history import history_csv_text
from .session import Session, SessionError, open_session, read_session_file, session_json
from .smoothing import ema
from .trainer import DIVERGENCE_LOSS, ORDERS, Snapshot, Trainer
from .views import VIEWS, View

__all__ = [
    "line_through",
    "ALIASES",
    "DATASETS",
    "DIVERGENCE_LOSS",
    "LESSONS",
    "LOSS_SMOOTHING",
    "LOSSES",
    "MODELS",
    "OPTIMIZERS",
    "ORDERS",
    "QUESTIONS",
    "Question",
    "SGD",
    "WhatWillTheRunDo",
    "SketchTheLoss",
    "WhichBeanMovesWMost",
    "WhereWillTheBallBe",
    "WhereWillTheLineBe",
    "SIGMOID_MODELS",
    "Batch",
    "BeanDataError",
    "Beans",
    "Box",
    "CsvPreview",
    "Explanation",
    "FixedStep",
    "Frame",
    "FrameMaker",
    "HiddenLayerNet",
    "History",
    "Landscape",
    "Lesson",
    "Line",
    "LineThroughOrigin",
    "LoadCancelled",
    "MiniBatch",
    "Model",
    "Optimizer",
    "Pacing",
    "Phase",
    "Plan",
    "Promise",
    "promise_test",
    "RunNumbers",
    "PlaneNeuron",
    "Race",
    "RaceResult",
    "Registry",
    "RunConfig",
    "RunState",
    "SampledHistory",
    "Session",
    "SessionError",
    "SigmoidNeuron",
    "Snapshot",
    "SufficientStats",
    "Trainer",
    "VIEWS",
    "View",
    "add_bean",
    "cost_curve",
    "cost_surface",
    "cost_surface_from_stats",
    "ema",
    "explain_next_update_in_stages",
    "explain_update",
    "history_csv_text",
    "lesson",
    "columns_from_spec",
    "describe_columns",
    "load_beans_csv",
    "load_beans_csv_apart",
    "make_dataset",
    "make_model",
    "make_optimizer",
    "model_class",
    "move_bean",
    "open_session",
    "read_session_file",
    "optimum",
    "preview_beans_csv",
    "remove_bean",
    "run_race",
    "save_beans_csv",
    "session_json",
    "sigmoid",
    "spread_frames",
    "thin_indices",
    "write_bytes_atomically",
    "write_text_atomically",
]
