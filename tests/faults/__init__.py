"""Fault and abuse suites (marker `faults`).

A short version runs with every test run; the full sizes the design promises run with

    CODEV_FAULTS=long CODEV_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \
        python -m pytest -m faults tests/faults

(1,000 forged requests, 100 double-click rounds, 5 sessions under 429/500, 2,500
generated inputs per hypothesis test, 20 SIGKILLs in a session, PostgreSQL down 10 s).
The PostgreSQL outage suite starts a cluster of its own (initdb) and is skipped without it.
"""
