"""A built wheel carries what the running app opens: the icon, the Chinese font and its licence,
the desktop files and the compiled translations (a non-editable install has nothing else)."""
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_contains_the_icon_the_font_and_the_compiled_translations(tmp_path):
    # from a clean copy: a build/ folder left in the checkout would add files the sources no longer have
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns("build", "dist", "*.egg-info", "__pycache__",
                                                                ".*", "*.mo"))
    # built as `pip install .` builds it: in an isolated environment with the build requirements
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
                   check=True, cwd=tmp_path, timeout=600)
    (wheel,) = tmp_path.glob("beanlab-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("beanlab/resources/beanlab.svg", "beanlab/resources/fonts/BeanLabCJK.otf",
                    "beanlab/resources/fonts/OFL.txt", "beanlab/resources/beanlab.desktop",
                    "beanlab/resources/beanlab-mime.xml", "beanlab/locale/zh_CN/LC_MESSAGES/beanlab.mo",
                    "beanlab/lessons/01-perceptron.toml", "beanlab/lessons/README.md"):
        assert shipped in names
    font = zipfile.ZipFile(wheel).read("beanlab/resources/fonts/BeanLabCJK.otf")
    assert font == (ROOT / "beanlab/resources/fonts/BeanLabCJK.otf").read_bytes()
