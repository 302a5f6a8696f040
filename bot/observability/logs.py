"""Log lines that never carry what people typed, a token or an OAuth code.

One JSON object per line, so a log pipeline can filter by team or outcome.

What could leak, and what stops it:
- a failed database write: its exception quotes the statement's parameters (the
  engines hide them) and PostgreSQL's own message can quote the failing row
  ("Failing row contains (…)"); every exception logged anywhere is reduced to its
  types, SQLSTATE and stack frames (`safe_trace`), never its message;
- Bolt and slack_sdk at DEBUG print request and response bodies and headers as
  free-form text that no filter can reliably redact: their loggers (and
  SQLAlchemy's, whose DEBUG prints result rows) are held at INFO whatever the
  app's level; Bolt's warnings that quote a request body keep the fact only;
- URLs: query strings (OAuth `code` and `state`) are cut from gunicorn's access
  lines and from any logged request line.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed with `extra=` and is logged.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}

# Libraries whose DEBUG lines quote bodies, headers or rows: never below INFO.
QUIET_LIBRARIES = ("slack_bolt", "slack_sdk", "sqlalchemy", "psycopg", "urllib3")
# SQLAlchemy's INFO is its echo of every SQL statement: noise and cost on every request.
LIBRARY_FLOORS = {"sqlalchemy": logging.WARNING}

# Bolt warnings that quote (part of) a request body, by the words they start with.
_BODY_WARNINGS = {
    "Unhandled request": "Unhandled request (body omitted from logs)",
    "A global middleware": "A global middleware returned no response (body omitted from logs)",
}
_QUERY = re.compile(r"(/[^\s?\"']*)\?[^\s\"']*")


def strip_query(text: str) -> str:
    """`GET /slack/oauth_redirect?code=…&state=… HTTP/1.1` → without the query."""
    return _QUERY.sub(r"\1?…", text)


def describe_exception(error: BaseException) -> str:
    """The exception's structure without its message: `IntegrityError(CheckViolation
    sqlstate=23514)`, causes after `<-`. Messages may quote rows or parameters."""
    parts, seen = [], set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        name = type(error).__name__
        orig = getattr(error, "orig", None)  # SQLAlchemy's wrapper of the driver's error
        if orig is not None:
            inner = type(orig).__name__
            state = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
            name += f"({inner}{f' {state}' if state else ''})"
            seen.add(id(orig))
        parts.append(name)
        error = error.__cause__ or error.__context__
    return " <- ".join(parts)


def safe_trace(error: BaseException) -> str:
    """Where the exception went through (files, lines, functions), and its structure."""
    frames = traceback.extract_tb(error.__traceback__)
    lines = [f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in frames]
    return "\n".join(["Traceback (message omitted from logs):", *lines, describe_exception(error)])


def _redact(record: logging.LogRecord) -> logging.LogRecord:
    if record.exc_info and record.exc_info[1] is not None:
        record.exc_text = safe_trace(record.exc_info[1])
        record.exc_info = None
    if isinstance(record.msg, str) and str(record.name).startswith("slack_bolt"):
        for start, replacement in _BODY_WARNINGS.items():
            if record.msg.startswith(start):
                record.msg, record.args = replacement, ()
    if record.name == "gunicorn.access" and isinstance(record.args, dict):
        record.args = _AccessAtoms(record.args)
    return record


class _AccessAtoms(dict):
    """gunicorn's access atoms with query strings and referers cut."""

    def __init__(self, atoms):
        super().__init__(atoms)
        self.atoms = atoms

    def __getitem__(self, key):
        value = self.atoms[key]
        if key in ("q", "{query_string}e", "{QUERY_STRING}e"):
            return "-"
        if key in ("f", "{referer}i"):
            return "-"
        return strip_query(value) if isinstance(value, str) else value


class RedactingFilter(logging.Filter):
    """The same redaction as a filter, for handlers configured by others (gunicorn)."""

    def filter(self, record: logging.LogRecord) -> bool:
        _redact(record)
        return True


_installed = False


def install_redaction() -> None:
    """Redact every record when it is made, whatever logger made it and whatever
    handler (ours, gunicorn's, a test's) receives it."""
    global _installed
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args, **kwargs):
        return _redact(previous(*args, **kwargs))

    logging.setLogRecordFactory(factory)
    _installed = True


def quiet_libraries(level: str) -> None:
    """Hold the libraries' loggers at INFO or above (see the module's docstring), and
    SQLAlchemy at WARNING."""
    floor = max(logging.INFO, logging.getLevelName(level.upper()))
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(max(floor, LIBRARY_FLOORS.get(name, logging.NOTSET)))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        _redact(record)
        line = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                line[key] = value
        if record.exc_text:
            line["exc"] = record.exc_text
        return json.dumps(line, default=str, ensure_ascii=False)


def configure_logging(fmt: str = "json", level: str = "INFO", stream=None) -> None:
    """`fmt` is "json" (production) or "text" (a terminal)."""
    install_redaction()
    handler = logging.StreamHandler(stream)
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    quiet_libraries(level)
