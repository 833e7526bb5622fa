"""Each hostile input of issue 18 run as a user would (``python -m beanlab …`` in a process of its
own), with its time, its peak memory (the child's maximum resident set), its exit code and the
message it ended with. Every case must answer within 2 s or stay under 500 MB, with exit code 2.

    python bench/hostile_input.py [--quick]

``--quick`` (as CI runs it): the same cases; they are all quick, being refused before any work.
"""
from __future__ import annotations

import argparse
import codecs
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS, MEGABYTES = 2.0, 500


def make_files(folder: Path) -> dict[str, Path]:
    """The hostile files, made once in ``folder``."""
    files = {}
    files["million-columns"] = folder / "wide.csv"
    files["million-columns"].write_text(",".join(str(k % 10) for k in range(1_000_000)) + "\n1,2\n")
    files["200MB"] = folder / "huge.csv"
    with files["200MB"].open("wb") as stream:   # sparse: the size is refused before a byte is read
        stream.write(b"x,y\n")
        stream.truncate(200 * 2 ** 20)
    files["20MB-cell"] = folder / "cell.csv"
    files["20MB-cell"].write_text("x,y\n1," + "9" * (20 * 2 ** 20) + "\n3,4\n")
    files["200k-header"] = folder / "header.csv"
    files["200k-header"].write_text("x" * 200_000 + ",y\n1,2\n3,4\n")
    files["1e308"] = folder / "big.csv"
    files["1e308"].write_text("x,y\n1e308,1\n2,-1e308\n3,4\n")
    session = json.loads(subprocess.run([sys.executable, "-c", _SESSION], capture_output=True, text=True,
                                        env=_env(), check=True).stdout)
    claims = dict(session, run=dict(session["run"], updates=10 ** 9))
    files["session-1e9-rows"] = folder / "claims.beanlab"
    files["session-1e9-rows"].write_text(json.dumps(claims))
    files["session-nested"] = folder / "nested.beanlab"
    files["session-nested"].write_text("[" * 100_000 + "]" * 100_000)
    wrong = dict(session, config=dict(session["config"], lr="fast", n=None), beans={})
    files["session-wrong-types"] = folder / "wrong.beanlab"
    files["session-wrong-types"].write_text(json.dumps(wrong))
    files["session-bom-empty"] = folder / "bom.beanlab"
    files["session-bom-empty"].write_bytes(codecs.BOM_UTF8 + b'{"format": "beanlab-session", "version": 1, "run": {}}')
    files["beans"] = folder / "beans.csv"
    files["beans"].write_text("x,y\n1,2\n3,4\n5,7\n")
    return files


_SESSION = """
from beanlab.core import RunConfig, session_json
config = RunConfig(order="shuffle")
trainer = config.build_trainer(); trainer.run(10)
print(session_json(trainer, config))
"""


def cases(files: dict[str, Path], out: Path) -> dict[str, list[str]]:
    """Each case's arguments to ``beanlab``."""
    train = ["train", "--epochs", "1"]
    return {
        "CSV, one line of 1,000,000 columns": [*train, "--data", str(files["million-columns"])],
        "CSV of 200 MB": [*train, "--data", str(files["200MB"])],
        "CSV with a 20 MB cell": [*train, "--data", str(files["20MB-cell"])],
        "CSV with a 200,000-char header": [*train, "--data", str(files["200k-header"])],
        "CSV values near 1e308": [*train, "--data", str(files["1e308"]), "--json"],
        "session claiming 10^9 rows": [str(files["session-1e9-rows"])],
        "session nested 10^5 deep": [str(files["session-nested"])],
        "session wrong types and nulls": [str(files["session-wrong-types"])],
        "session BOM, empty record": [str(files["session-bom-empty"])],
        "--n 10**10": ["train", "--n", str(10 ** 10)],
        "--epochs 10**12": ["train", "--epochs", str(10 ** 12)],
        "--hidden 10**12": ["train", "--model", "net", "--hidden", str(10 ** 12)],
        "--size 100000x100000": ["export", "--out", str(out / "a.gif"), "--size", "100000x100000"],
        "--frames 10**7": ["export", "--out", str(out / "a.gif"), "--frames", str(10 ** 7)],
        "--history = --data": [*train, "--data", str(files["beans"]), "--history", str(files["beans"])],
        "--history /dev/null": [*train, "--history", os.devnull],
        "race --data missing": ["race", "--optimizers", "sgd,batch", "--data", str(out / "missing.csv")],
    }


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
                BEANLAB_SETTINGS=str(Path(tempfile.gettempdir()) / "beanlab-hostile-bench.ini"))


def measure(args: list[str]) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit code, last line of stderr) of ``beanlab ARGS`` in a process of its own."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "beanlab", *args], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env=_env())
    err = child.stderr.read()   # to its end: the child has exited or closed it
    _pid, status, usage = os.wait4(child.pid, 0)   # this child's own peak memory, not all children's
    child.returncode = code = os.waitstatus_to_exitcode(status)
    child.stderr.close()
    seconds = time.perf_counter() - started
    peak_kb = usage.ru_maxrss
    lines = err.decode("utf-8", "replace").strip().splitlines()
    return seconds, peak_kb / 1024, code, lines[-1] if lines else ""


def main(quick: bool) -> int:
    failed = 0
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        files = make_files(folder)
        print(f"{'case':<36} {'seconds':>7} {'peak MB':>8} {'exit':>4}  message")
        for name, args in cases(files, folder).items():
            seconds, peak, code, message = measure(args)
            ok = code == 2 and (seconds < SECONDS or peak < MEGABYTES) and "Traceback" not in message
            failed += not ok
            print(f"{name:<36} {seconds:7.2f} {peak:8.0f} {code:>4}  {'' if ok else 'FAILED '}{message[:110]}")
    return 1 if failed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the same cases (all are quick)")
    sys.exit(main(parser.parse_args().quick))
