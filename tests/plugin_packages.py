"""Real plugin packages for the plugin tests: the example built and installed with pip, offline.

Everything is built at most once per test process (pip runs take seconds) into a
temporary folder removed at exit, and nothing touches the real environment:
installs go to ``--target`` folders that the tests put on ``sys.path`` (or on
``PYTHONPATH`` for subprocesses).
"""

from __future__ import annotations

import atexit
import base64
import functools
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "torchdesk-plugin-example"
OFFLINE = ("--no-deps", "--no-build-isolation", "--no-index")
PIP_TIMEOUT_S = 300


@functools.lru_cache(maxsize=None)
def _scratch() -> Path:
    path = Path(tempfile.mkdtemp(prefix="torchdesk-plugin-pkgs-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def pip(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m pip ARGS`` quietly and offline; raises with pip's output when it fails."""
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    done = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, env=env,
                          timeout=PIP_TIMEOUT_S)
    if done.returncode != 0:
        raise AssertionError(f"pip {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done


def example_source(version: str = "0.1.0") -> Path:
    """A copy of the example project (so pip's build folders never land in the repository)."""
    return _example_source(version)


@functools.lru_cache(maxsize=None)  # keyed by the positional version, so each copy is made once
def _example_source(version: str) -> Path:
    dest = _scratch() / f"example-src-{version}"
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    if version != "0.1.0":
        pyproject = dest / "pyproject.toml"
        pyproject.write_text(pyproject.read_text().replace('version = "0.1.0"', f'version = "{version}"'))
    return dest


def example_wheel(version: str = "0.1.0") -> Path:
    """The example built into a wheel with ``pip wheel`` (once per test process)."""
    return _example_wheel(version)


@functools.lru_cache(maxsize=None)
def _example_wheel(version: str) -> Path:
    out = _scratch() / f"wheels-{version}"
    pip("wheel", *OFFLINE, "--quiet", "--wheel-dir", str(out), str(example_source(version)))
    (wheel,) = out.glob("*.whl")
    return wheel


@functools.lru_cache(maxsize=None)
def example_site() -> Path:
    """A folder holding the example installed exactly as the brief says:
    ``pip install --no-deps --no-build-isolation --target DIR examples/torchdesk-plugin-example``."""
    site = _scratch() / "example-site"
    pip("install", *OFFLINE, "--quiet", "--target", str(site), str(example_source()))
    return site


def env_with_path(*folders: Path) -> dict[str, str]:
    """The environment with ``folders`` in front of PYTHONPATH, for subprocesses."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([*map(str, folders), *filter(None, [env.get("PYTHONPATH", "")])])
    return env


def make_wheel(out_dir: Path, dist: str, module: str, source: str, version: str, entry_name: str) -> Path:
    """A minimal valid wheel of one module registering ``entry_name`` in the ``torchdesk`` group."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{dist.replace('-', '_')}-{version}"
    info = f"{stem}.dist-info"
    files = {
        f"{module}.py": textwrap.dedent(source),
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: torchdesk-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{info}/entry_points.txt": f"[torchdesk]\n{entry_name} = {module}\n",
        f"{info}/top_level.txt": f"{module}\n",
    }
    record = []
    for name, text in files.items():
        data = text.encode()
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(data)}")
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = "\n".join(record) + "\n"
    path = out_dir / f"{stem}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path
