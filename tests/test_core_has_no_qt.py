"""beanlab.core is numpy only: importing it must not load Qt, pyqtgraph or OpenGL."""
import json
import subprocess
import sys


def test_importing_core_loads_no_gui_module():
    code = ("import json, sys, beanlab.core, beanlab.cli\n"
            "print(json.dumps(sorted(m for m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = json.loads(out)
    gui = [m for m in loaded if m.split(".")[0] in {"PySide6", "shiboken6", "pyqtgraph", "OpenGL"}]
    assert "beanlab.core" in loaded and "numpy" in loaded
    assert gui == []
