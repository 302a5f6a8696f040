"""Shared fixtures: a migrated database per test on each backend, the HTTP stack."""

from __future__ import annotations

import os

import pytest

from tests.support import calendar_shift
from tests.support.databases import PostgresDatabase, SqliteTemplate, backends
from tests.support.stack import Stack


def pytest_configure(config):
    """With CODEV_TEST_CALENDAR_SHIFT_DAYS set, the whole run (and every Python process it
    starts) sees the calendar that many days ahead."""
    calendar_shift.move_calendar()
    os.environ.update(calendar_shift.child_env())


def pytest_report_header(config):
    if calendar_shift.shift_days():
        return f"calendar moved {calendar_shift.shift_days()} days ahead"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    return SqliteTemplate(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture(scope="session")
def postgres_database():
    if "postgres" not in backends():
        yield None
        return
    database = PostgresDatabase()
    yield database
    database.drop()


@pytest.fixture(params=backends())
def database_url(request, sqlite_template, postgres_database, tmp_path):
    if request.param == "postgres":
        return postgres_database.fresh()
    return sqlite_template.fresh(tmp_path)


@pytest.fixture
def stack(database_url):
    stack = Stack(database_url, lang="en")
    yield stack
    stack.close()


@pytest.fixture
def stack_fr(database_url):
    stack = Stack(database_url, lang="fr")
    yield stack
    stack.close()
