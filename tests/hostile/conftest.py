"""Helpers for the hostile-input tests: running `storyline` as a user would, in a fresh
process, guarded against network use (reused by any command's fault tests)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NETGUARD = HERE / "netguard"
NETWORK_USED = 97


def cli_env() -> dict[str, str]:
    """The environment of a guarded run: no network (netguard/sitecustomize.py), no
    colours, the package importable as installed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(NETGUARD), env.get("PYTHONPATH")) if p)
    env["NO_COLOR"] = "1"
    env.pop("PYTHONSTARTUP", None)
    return env


def storyline_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "storyline.cli.main", *args]


def run_storyline(
    *args: str, timeout: float = 600, check_network: bool = True, **kw: Any
) -> subprocess.CompletedProcess[str]:
    """`storyline ARGS` in a subprocess (a hang fails the test at `timeout`)."""
    proc = subprocess.run(
        storyline_cmd(*args),
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        **kw,
    )
    if check_network:
        assert proc.returncode != NETWORK_USED, f"the run used the network:\n{proc.stderr}"
    return proc


def listed(out: Path) -> dict[str, dict[str, Any]]:
    """timeline.json's articles[] by path."""
    doc = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    return {a["path"]: a for a in doc["articles"]}
