"""The domain stays pure: no framework imports, no reading of the clock."""

import ast
from pathlib import Path

import pytest

DOMAIN = Path(__file__).resolve().parents[2] / "bot" / "domain"
FORBIDDEN_IMPORTS = ("slack_bolt", "slack_sdk", "sqlalchemy", "apscheduler", "alembic")
CLOCK_CALLS = {("datetime", "now"), ("datetime", "utcnow"), ("time", "time"), ("date", "today")}
MODULES = sorted(DOMAIN.rglob("*.py"))


def imported_names(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def clock_calls(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            owner_name = (
                owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            )
            if (owner_name, node.func.attr) in CLOCK_CALLS:
                found.append(f"{owner_name}.{node.func.attr} line {node.lineno}")
    return found


def test_the_domain_has_modules_to_check():
    assert len(MODULES) >= 8


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_the_domain_imports_no_framework(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    bad = [n for n in imported_names(tree) if n.split(".")[0] in FORBIDDEN_IMPORTS]
    assert bad == []


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_the_domain_never_reads_the_clock(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    assert clock_calls(tree) == []


def test_the_clock_detector_catches_a_direct_call():
    tree = ast.parse("import datetime\nx = datetime.datetime.now()\ny = time.time()")
    assert len(clock_calls(tree)) == 2
