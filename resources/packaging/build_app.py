"""Build the one-folder BeanLab app with PyInstaller: ``python resources/packaging/build_app.py [--dist DIR]``.

Needs ``pip install -e ".[app]"`` (PyInstaller). Writes DIR/BeanLab/ (default dist/BeanLab/ in the
checkout): the folder a teacher unpacks and starts with BeanLab (BeanLab.exe on Windows). The same
command builds on Windows and macOS, each for its own system; PyInstaller cannot cross-build.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parents[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=CHECKOUT / "dist", help="where the app's folder goes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="beanlab-build-") as work:
        command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                   "--distpath", str(args.dist), "--workpath", work, str(HERE / "beanlab.spec")]
        status = subprocess.call(command, cwd=CHECKOUT)
    if status == 0:
        print(f"Built {args.dist / 'BeanLab'}: start it with {args.dist / 'BeanLab' / 'BeanLab'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
