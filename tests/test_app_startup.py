"""Start-up: the heavy imports run as a task of their own, and closing the window during them joins it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from torchdesk.desktop.app import BackgroundImporter
from torchdesk.desktop.tasks import Cpu, TaskManager


def test_the_start_up_importer_is_a_light_task_and_reports_on_the_gui_thread(qtbot) -> None:
    tasks = TaskManager()
    importer = BackgroundImporter(tasks)
    with qtbot.waitSignal(importer.done, timeout=60_000) as blocker:
        importer.start(("json", "torchdesk_no_such_module"))
        running = tasks.running()
        assert [task.name for task in running] == ["torchdesk-imports"] and running[0].cpu is Cpu.LIGHT
    assert "torchdesk_no_such_module" in blocker.args[0] and "json" not in blocker.args[0]
    tasks.shutdown()
    assert tasks.running() == []


# The window is closed while a (slow) heavy import is still going: main() must wait for the import
# task, so Qt never destroys a running thread ("QThread: Destroyed while thread is still running").
CLOSE_DURING_IMPORT = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QTimer
    from torchdesk.desktop import app
    app.HEAVY_MODULES = ("slow_heavy_module",)
    app.ensure_application([sys.argv[0]])
    from PySide6.QtWidgets import QApplication
    QTimer.singleShot(300, lambda: [w.close() for w in QApplication.topLevelWidgets()])
    code = app.main([sys.argv[0]])
    module = sys.modules.get("slow_heavy_module")  # half-imported while its import still runs
    print("EXIT", code, "JOINED" if getattr(module, "DONE", False) else "NOT-JOINED", flush=True)
""")


def test_closing_the_window_during_the_start_up_import_joins_it(tmp_path: Path) -> None:
    (tmp_path / "slow_heavy_module.py").write_text("import time\ntime.sleep(2)\nDONE = True\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TORCHDESK_HOME=str(tmp_path / "home"),
               PYTHONPATH=os.pathsep.join([str(tmp_path), *sys.path]))
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", CLOSE_DURING_IMPORT], env=env, capture_output=True, text=True,
                          timeout=180)
    assert "EXIT 0 JOINED" in done.stdout, (done.stdout, done.stderr)
    assert "Destroyed while thread" not in done.stderr, done.stderr
    assert done.returncode == 0 and time.monotonic() - started >= 2
