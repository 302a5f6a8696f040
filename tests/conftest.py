"""Shared fixtures: a migrated database per test on each backend, the HTTP stack."""

from __future__ import annotations

import pytest

from tests.support.databases import PostgresDatabase, SqliteTemplate, backends
from tests.support.stack import Stack


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
