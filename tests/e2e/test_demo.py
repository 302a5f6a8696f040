"""`codev demo` runs a whole session offline and prints what a person reads in Slack."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    ("lang", "mode", "words"),
    [
        ("fr", "live", ["Synthèse de la séance n° 1", "Plan d'action", "9 évaluations"]),
        ("en", "async", ["Summary of session #1", "Action plan", "9 evaluations"]),
    ],
)
def test_the_demo_runs_a_whole_session_without_a_token_or_network(tmp_path, lang, mode, words):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--lang", lang, "--mode", mode],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for word in words:
        assert word in result.stdout
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # the embedded database was a throwaway one
