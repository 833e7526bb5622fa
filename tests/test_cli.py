"""The beanlab command line, run as a user would run it."""
import json
import subprocess
import sys

import numpy as np
import pytest

from beanlab.cli import main
from beanlab.core import load_beans_csv, make_dataset


def beanlab(*args):
    return subprocess.run([sys.executable, "-m", "beanlab", *args], capture_output=True, text=True, timeout=120)


def last_json(stdout):
    return json.loads(stdout.strip().splitlines()[-1])


def test_version_and_help():
    assert beanlab("--version").stdout.startswith("beanlab ")
    for args in (["--help"], ["train", "--help"], ["data", "--help"]):
        result = beanlab(*args)
        assert result.returncode == 0 and "usage: beanlab" in result.stdout


def test_acceptance_lesson4_sgd_ends_near_the_optimum():
    result = beanlab("train", "--dataset", "line-bias", "--model", "wx+b", "--optimizer", "sgd",
                     "--lr", "0.01", "--epochs", "500", "--json")
    assert result.returncode == 0, result.stderr
    out = last_json(result.stdout)
    assert out["steps"] == 50_000 and out["epochs"] == 500 and out["diverged"] is False
    assert abs(out["w"] - out["w_star"]) < 2e-3 and abs(out["b"] - out["b_star"]) < 2e-3
    beans = make_dataset("line-bias", 100, 0)
    w, b = np.linalg.lstsq(np.column_stack([beans.x, np.ones(100)]), beans.y, rcond=None)[0]
    assert out["w_star"] == pytest.approx(w, rel=1e-12) and out["b_star"] == pytest.approx(b, rel=1e-12)


def test_acceptance_batch_on_a_written_dataset_reaches_w_star(tmp_path):
    csv = tmp_path / "a.csv"
    assert beanlab("data", "--dataset", "line", "--n", "100", "--seed", "3", "--out", str(csv)).returncode == 0
    np.testing.assert_array_equal(load_beans_csv(csv).y, make_dataset("line", 100, 3).y)
    result = beanlab("train", "--data", str(csv), "--model", "wx", "--optimizer", "batch", "--lr", "0.1",
                     "--epochs", "2000", "--json")
    out = last_json(result.stdout)
    assert abs(out["w"] - out["w_star"]) < 1e-6 and out["b"] is None and out["b_star"] is None


def test_history_has_one_row_per_update(tmp_path):
    path = tmp_path / "h.csv"
    assert main(["train", "--epochs", "3", "--optimizer", "minibatch", "--batch-size", "30",
                 "--history", str(path)]) == 0
    rows = path.read_text().splitlines()
    assert rows[0] == "update,epoch,beans,w,b,loss" and len(rows) == 1 + 3 * 4
    assert rows[1].startswith("1,1,0-29,") and rows[4].startswith("4,1,90-99,") and rows[-1].startswith("12,3,90-99,")


def test_diverged_run_is_a_result_not_an_error():
    result = beanlab("train", "--optimizer", "batch", "--lr", "5", "--json")
    assert result.returncode == 0 and last_json(result.stdout)["diverged"] is True
    assert "smaller learning rate" in result.stdout


@pytest.mark.parametrize("args, words", [
    (["train", "--lr", "-1"], "--lr"),
    (["train", "--lr", "0"], "--lr"),
    (["train", "--lr", "nan"], "--lr"),
    (["train", "--epochs", "0"], "--epochs"),
    (["train", "--batch-size", "0"], "--batch-size"),
    (["train", "--n", "0"], "--n"),
    (["train", "--dataset", "beans"], "--dataset"),
    (["train", "--model", "wxx"], "--model"),
    (["train", "--optimizer", "adamw"], "--optimizer"),
    (["train", "--init", "0.5"], "needs 2 starting value(s) (w, b)"),
    (["train", "--model", "wx", "--init", "1,2"], "needs 1 starting value(s) (w)"),
    (["train", "--dataset", "circle", "--model", "wx+b"], "two features"),
    (["train", "--data", "no-such-file.csv"], "no such file"),
    (["data", "--dataset", "line"], "--out"),
    (["data", "--out", "/no/such/folder/a.csv"], "cannot write"),
    (["screenshot", "window.jpg"], "ending in .png"),
    (["screenshot", "/no/such/folder/w.png"], "cannot write"),
    (["screenshot", "w.png", "--size", "big"], "not a size like 1600x1000"),
    (["screenshot", "w.png", "--size", "100x100"], "outside 320x240"),
    (["screenshot", "w.png", "--updates", "-5"], "0 or more"),
])
def test_invalid_values_are_one_line_usage_errors(args, words):
    result = beanlab(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("beanlab: error:") and words in lines[0]
    assert "Traceback" not in result.stderr


def test_the_choices_are_the_registries_as_they_are_when_the_command_runs(monkeypatch, capsys):
    from beanlab import core
    from beanlab.cli import build_parser
    from beanlab.core import Line

    monkeypatch.setitem(core.MODELS, "toy-line", Line)   # registered after beanlab.cli was imported
    assert build_parser().parse_args(["train", "--model", "toy-line"]).model == "toy-line"
    from beanlab.core import SGD

    class Toy(SGD):
        name = "toy"
        convention = "w ← w − α·∂e/∂w, 100% of the slope"

    monkeypatch.setitem(core.OPTIMIZERS, "toy", Toy)   # undone after the test
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "toy: w ← w − α·∂e/∂w, 100% of the slope" in help_text and "adam,toy}" in help_text
