"""Hostile and mistaken input (issue 18, items 4 and 5): each refused within 2 s with a message that
names the limit, exit code 2, no traceback, and nothing lost or half-written."""
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beanlab.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import hostile_input  # noqa: E402  (the bench's cases: one list for the table and the tests)

WORDS = {
    "CSV, one line of 1,000,000 columns": "a line of beans may have at most 100,000",
    "CSV of 200 MB": "at most 100 MB",
    "CSV with a 20 MB cell": "a line of beans may have at most 100,000",
    "CSV with a 200,000-char header": "a line of beans may have at most 100,000",
    "CSV values near 1e308": "BeanLab takes values up to 1e+100",
    "session claiming 10^9 rows": "a session may hold at most",
    "session nested 10^5 deep": "nested too deeply",
    "session wrong types and nulls": "wrong kind of value",
    "session BOM, empty record": "the settings are missing",
    "--n 10**10": "from 1 to 1,000,000",
    "--epochs 10**12": "from 1 to 10,000,000",
    "--hidden 10**12": "from 1 to 8",
    "--size 100000x100000": "outside 320x240 … 8000x8000",
    "--frames 10**7": "at most 3,000 frames",
    "--history = --data": "is the input file",
    "--history /dev/null": "not a regular file",
    "race --data missing": "no such file",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    files = hostile_input.make_files(folder)
    return files, hostile_input.cases(files, folder)


@pytest.mark.parametrize("name", WORDS)
def test_each_hostile_case_is_refused_quickly_naming_the_limit(hostile, capsys, name):
    files, cases = hostile
    before = {path: path.stat().st_size for path in files.values()}
    tracemalloc.start()
    started = time.perf_counter()
    try:
        code = main(cases[name])
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    err = capsys.readouterr().err
    assert code == 2 and WORDS[name] in err and "Traceback" not in err, err
    assert seconds < 2.0 and peak < 500 * 2 ** 20
    assert {path: path.stat().st_size for path in files.values()} == before   # nothing written over
    assert os.path.exists(os.devnull) and not Path(os.devnull).is_file()


def test_the_history_over_the_data_leaves_the_beans_intact_also_through_a_link(tmp_path, capsys):
    beans = tmp_path / "beans.csv"
    beans.write_text("x,y\n1,2\n3,4\n5,7\n")
    link = tmp_path / "link.csv"
    os.link(beans, link)
    for history in (beans, link, tmp_path / "." / "beans.csv"):
        assert main(["train", "--data", str(beans), "--history", str(history)]) == 2
        assert "writing it would destroy it" in capsys.readouterr().err
    assert beans.read_text() == "x,y\n1,2\n3,4\n5,7\n"
    picture = tmp_path / "beans.png"   # a CSV by another name: export's output must not replace it either
    picture.write_text("x,y\n1,2\n3,4\n")
    assert main(["export", "--data", str(picture), "--out", str(picture)]) == 2
    assert "is the input file" in capsys.readouterr().err and picture.read_text() == "x,y\n1,2\n3,4\n"


def test_atomic_writes_refuse_what_is_not_a_regular_file(tmp_path):
    from beanlab.core import write_text_atomically
    from beanlab.core.atomic_write import NotARegularFile

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path):
        with pytest.raises(NotARegularFile, match="not a regular file"):
            write_text_atomically(target, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]   # no temporary file left
    assert not fifo.is_file()


def test_race_and_export_race_honour_data(tmp_path, capsys):
    beans = tmp_path / "豆.csv"
    beans.write_bytes("大小,毒性\n0.1,0.2\n0.5,0.6\n0.9,1.1\n".encode("gbk"))
    assert main(["race", "--optimizers", "sgd,batch", "--data", str(beans), "--epochs", "5", "--json"]) == 0
    out = capsys.readouterr().out
    assert f"Race on {beans} (3 beans; 大小 → x, 毒性 → y)" in out
    assert json.loads(out.splitlines()[-1])["results"][0]["updates"] == 15   # 3 beans, 5 epochs
    assert main(["race", "--optimizers", "sgd", "--data", str(tmp_path / "missing.csv")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_json_stays_valid_when_the_run_diverges(capsys):
    assert main(["train", "--optimizer", "batch", "--lr", "1e300", "--epochs", "50", "--json"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    result = json.loads(line, parse_constant=lambda name: pytest.fail(f"{name} in the JSON"))
    assert result["diverged"] is True and "not finite" in result.get("message", "not finite")


# -- remembered settings ------------------------------------------------------------------------

@pytest.mark.parametrize("line, key", [
    ('[run]\nconfig="{\\"init\\": [\\"a\\", \\"b\\"], \\"lr\\": 0.05}"', "run/config init"),
    ('[run]\nconfig="{\\"n\\": 10000000000, \\"lr\\": 0.05}"', "run/config n"),
    ("[window]\ngeometry=not Qt's bytes\n[run]\nconfig=\"{\\\"lr\\\": 0.05}\"", "window/geometry"),
    ('[playback]\nspeed_notch=99999\n[run]\nconfig="{\\"lr\\": 0.05}"', "playback/speed_notch"),
])
def test_a_bad_remembered_value_is_dropped_with_one_log_line_and_the_rest_kept(qtbot, tmp_path, monkeypatch,
                                                                                caplog, line, key):
    from beanlab.gui.main_window import MainWindow

    path = tmp_path / "beanlab.ini"
    path.write_text(line + "\n", encoding="utf-8")
    monkeypatch.setenv("BEANLAB_SETTINGS", str(path))
    with caplog.at_level("WARNING", logger="beanlab"):
        window = MainWindow()
        qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.controller.latest is not None)
    assert window.controller.config.lr == 0.05   # the rest kept
    dropped = [r for r in caplog.records if "dropped" in r.getMessage()]
    assert len(dropped) == 1 and key in dropped[0].getMessage()
    window.close()


def test_screenshot_windows_do_not_write_the_settings(qtbot, tmp_path, monkeypatch):
    from beanlab.gui.main_window import MainWindow

    path = tmp_path / "beanlab.ini"
    monkeypatch.setenv("BEANLAB_SETTINGS", str(path))
    window = MainWindow(remembers=False)
    qtbot.addWidget(window)
    window.close()
    assert not path.exists()
    window = MainWindow()
    qtbot.addWidget(window)
    window.close()
    assert path.exists()


# -- any combination of options and files --------------------------------------------------------

OPTION_VALUES = {
    "--epochs": st.sampled_from(["1", "2", "0", "-1", "x", str(10 ** 12)]),
    "--n": st.sampled_from(["5", "0", str(10 ** 10), "1e3"]),
    "--hidden": st.sampled_from(["2", "9", str(10 ** 12)]),
    "--lr": st.sampled_from(["0.01", "1e308", "nan", "inf", "-1"]),
    "--batch-size": st.sampled_from(["3", "0", str(10 ** 15)]),
    "--model": st.sampled_from(["wx+b", "net", "plane", "sigmoid"]),
    "--order": st.sampled_from(["shuffle", "sequential"]),
    "--seed": st.sampled_from(["0", str(10 ** 30)]),
}
FILES = st.sampled_from([None, "x,y\n1,2\n3,4\n", "大小;毒性\n1,5;2\n3,5;4\n", "a,b\nx,y\n",
                         "x,y\n1e308,1\n2,3\n", "", "\ufeffx\ty\n1\t2\n3\t4\n"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(options=st.dictionaries(st.sampled_from(sorted(OPTION_VALUES)), st.none(), max_size=4).flatmap(
           lambda chosen: st.fixed_dictionaries({name: OPTION_VALUES[name] for name in chosen})),
       data=FILES, history=st.sampled_from([None, "history.csv", "data.csv"]), as_json=st.booleans())
def test_any_combination_exits_0_or_2_without_traceback_half_file_or_much_memory(tmp_path, capsys, options, data,
                                                                                 history, as_json):
    folder = tmp_path / f"run{time.perf_counter_ns()}"
    folder.mkdir()
    args = ["train", *[part for name, value in options.items() for part in (name, value)]]
    if data is not None:
        (folder / "data.csv").write_text(data, encoding="utf-8")
        args += ["--data", str(folder / "data.csv")]
    if history:
        args += ["--history", str(folder / history)]
    if as_json:
        args.append("--json")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    tracemalloc.start()
    try:
        code = main(args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    out, err = capsys.readouterr()
    assert code in (0, 2) and "Traceback" not in err, (args, err)
    assert peak < 200 * 2 ** 20
    after = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert {name: after[name] for name in before} == before   # no input changed
    assert not [name for name in after if name.endswith(".tmp")]   # no half-written file
    if code == 0 and history and history != "data.csv":
        assert after["history.csv"].startswith(b"update,epoch")
    if code == 0 and as_json:
        json.loads(out.strip().splitlines()[-1], parse_constant=lambda name: pytest.fail(name))
