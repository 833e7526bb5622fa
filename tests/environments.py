"""Running BeanLab in a subprocess on a display of the test's own choosing (no GLX, software GL…)."""
from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def xvfb(*extra: str):
    """A fresh Xvfb on a free display (it picks one and tells us through -displayfd); yields ":N"."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp",
                               *extra], pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as stream:
            number = stream.readline().strip()   # written once the server is ready for clients
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def beanlab_env(tmp_path: Path, **variables: str | None) -> dict[str, str]:
    """The environment of a child BeanLab: this checkout, its own settings and log, English."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "BEANLAB_", "LIBGL_", "PYOPENGL_"))}
    env.update(PYTHONPATH=str(ROOT), LANG="C.UTF-8", LANGUAGE="", BEANLAB_SETTINGS=str(tmp_path / "beanlab.ini"),
               BEANLAB_LOG=str(tmp_path / "beanlab.log"))
    env.pop("DISPLAY", None)
    for name, value in variables.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_beanlab(args: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "beanlab", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=str(ROOT))
