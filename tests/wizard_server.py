"""The wizard served as in production (`streamlit run app.py` on a free loopback port) and
Debian's Chromium to look at it: shared by the browser test and the wizard benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class WizardDidNotStart(RuntimeError):
    """`streamlit run` stopped or did not answer; the message carries its output."""


def browser_missing() -> str:
    """Why the browser cannot be driven here ("" when it can)."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: apt-get install -y chromium"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed: pip install playwright (no browser download)"
    return ""


def launch_chromium(playwright):
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


@contextmanager
def served_wizard(
    env: dict[str, str] | None = None, timeout: float = 60, script: str = "app.py"
) -> Iterator[str]:
    """Yield the wizard's address once it answers its health check; stop it (only this process)
    afterwards. `env` is added to this process's environment (e.g. PROCURE_WORKSPACE); `script`
    is the page served (the benchmark serves a bare one beside the wizard)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]
    environment = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **(env or {})}
    # A file, not a pipe: a chatty server can never block on a full pipe
    with tempfile.TemporaryFile() as output:
        server = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            _wait_until_healthy(url, server, output, timeout)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)


def _wait_until_healthy(url: str, server: subprocess.Popen, output, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            output.seek(0)
            text = output.read().decode(errors="replace")
            raise WizardDidNotStart(f"streamlit stopped before serving:\n{text}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise WizardDidNotStart(f"streamlit did not answer on {url}/_stcore/health in {timeout:g} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
