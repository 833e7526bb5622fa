"""Reference cycles are collected on the GUI thread only, however much another thread allocates.

The training worker allocates all the time; were it to trigger Python's collector, it would free a
closed window's Qt objects on its own thread and deadlock against the GUI thread (see
beanlab.gui.garbage). The fixture garbage_on_gui_thread sets this up as beanlab.app does.
"""
import gc
import os
import subprocess
import sys
import threading


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_application_switches_automatic_collection_off():
    # in a process of its own: this one's test session has switched it off already
    code = "import gc; from beanlab.app import make_application; make_application(); print(gc.isenabled())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.split() == ["False"], result.stderr


def test_cycles_made_on_another_thread_are_collected_on_the_gui_thread(qtbot):
    collected_on = []

    def remember_thread(phase, info):
        if phase == "stop":
            collected_on.append(threading.current_thread().name)

    def allocate_cycles():
        for _ in range(50_000):   # far past every generation's threshold
            Cycle()

    gc.callbacks.append(remember_thread)
    try:
        worker = threading.Thread(target=allocate_cycles, name="allocating-worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(collected_on) > 0, timeout=5_000)   # the GUI thread's timer
    finally:
        gc.callbacks.remove(remember_thread)
    assert set(collected_on) == {threading.main_thread().name}
