"""The printed tables (markdown, so they paste into README.md as they are)."""

from __future__ import annotations

from .stats import table


def _ratio(mine: float, theirs: float) -> float:
    return mine / theirs if theirs else float("nan")


def latency(results: list[dict]) -> str:
    rows = []
    for r in results:
        c, b = r["codev"], r["bare"]
        rows.append(
            [
                r["request"],
                r["clients"],
                r["n"],
                c["p50"],
                c["p95"],
                c["p99"],
                c["max"],
                c["rps"],
                b["p50"],
                b["p99"],
                b["max"],
                b["rps"],
                _ratio(c["p50"], b["p50"]),
                _ratio(c["p99"], b["p99"]),
                c["errors"] + b["errors"],
            ]
        )
    headers = [
        "request",
        "clients",
        "n",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "req/s",
        "bare p50",
        "bare p99",
        "bare max",
        "bare req/s",
        "p50 ×",
        "p99 ×",
        "non-200",
    ]
    return "## (a) Ack latency over HTTP, codev vs bare Bolt\n\n" + table(headers, rows)


def cost(result: dict) -> str:
    rows = [[k, v] for k, v in result.items()]
    return "## (b) Slack Web API calls for one whole session\n\n" + table(["", "value"], rows)


def scheduler(results: list[dict]) -> str:
    headers = [
        "outbox rows",
        "due",
        "insert s",
        "idle tick ms",
        "claim query ms",
        "rows read",
        "index used",
        "reminders",
        "lateness p50 s",
        "lateness max s",
    ]
    rows = [[r[h] for h in headers] for r in results]
    plan = "\n\n".join(
        f"Plan at {r['outbox rows']:,} rows:\n```\n{r['plan']}\n```" for r in results[-1:]
    )
    return "## (c) Scheduler scale\n\n" + table(headers, rows) + "\n\n" + plan


def memory(result: dict) -> str:
    rows = [[k, v] for k, v in result.items()]
    return "## (d) Memory and start\n\n" + table(["", "value"], rows)


def visible(results: list[dict], served: str = "in-process") -> str:
    headers = [
        "request",
        "dispatcher",
        "n",
        "first effect p50 ms",
        "p95 ms",
        "max ms",
        "all effects p50 ms",
        "p95 ms",
        "max ms",
        "calls per request",
        "calls",
    ]
    rows = [
        [
            r["request"],
            r["dispatcher"],
            r["n"],
            r["first"]["p50"],
            r["first"]["p95"],
            r["first"]["max"],
            r["all"]["p50"],
            r["all"]["p95"],
            r["all"]["max"],
            r["calls"],
            r["methods"],
        ]
        for r in results
    ]
    return f"## (e) Request to visible effect, {served}\n\n" + table(headers, rows)


def floor(results: list[dict]) -> str:
    headers = [
        "request",
        "clients",
        "n",
        "codev p50 ms",
        "codev p99 ms",
        "codev max ms",
        "codev req/s",
        "codev applied req/s",
        "bare p50",
        "floor p50",
        "floor p99",
        "floor req/s",
        "p50 × floor",
        "p50 × bare",
        "non-200",
    ]
    rows = []
    for r in results:
        c, b, f = r["codev"], r["bare"], r["floor"]
        rows.append(
            [
                r["request"],
                r["clients"],
                r["n"],
                c["p50"],
                c["p99"],
                c["max"],
                c["rps"],
                c.get("applied_rps", c["rps"]),
                b["p50"],
                f["p50"],
                f["p99"],
                f["rps"],
                _ratio(c["p50"], f["p50"]),
                _ratio(c["p50"], b["p50"]),
                c["errors"] + b["errors"] + f["errors"],
            ]
        )
    return "## (f) Acks against the durable floor\n\n" + table(headers, rows)


def _rows(results: list[dict], keys: list[str]) -> list[list[object]]:
    return [[r[k] for k in keys] for r in results]


def bound(results: list[dict], database: str) -> str:
    headers = ["request", "clients", "n", "p50 ms", "p99 ms", "max ms", "req/s", "non-200"]
    keys = ["request", "clients", "n", "p50", "p99", "max", "rps", "errors"]
    rows = _rows(results, keys)
    for row, r in zip(rows, results, strict=True):
        row.append("pass" if r["passed"] else "**fail**")
    title = f"## (g) No ack over 3 s at 100 clients — {database}\n\n"
    return title + table([*headers, "max ≤ 3 s"], rows)


def replicas(results: list[dict]) -> str:
    headers = ["replicas", "workers each", "clients", "n", "p50 ms", "p99 ms", "max ms"]
    headers += ["req/s", "non-200", "calls beyond rows sent"]
    headers += ["messages with the same key", "rows sent and not called", "rows sent"]
    headers.append("rows left undelivered")
    keys = ["replicas", "workers", "clients", "n", "p50", "p99", "max", "rps", "errors"]
    rows = _rows(results, [*keys, "twice", "messages twice", "lost", "rows sent", "left"])
    nan = float("nan")
    one = results[0]["rps"] if results else nan
    done = results[0].get("done_rps", nan) if results else nan
    for row, r in zip(rows, results, strict=True):
        mine = r.get("done_rps", nan)
        row[8:8] = [_ratio(r["rps"], one), mine, _ratio(mine, done)]
    headers[8:8] = ["× one replica", "applied and sent req/s", "× one replica (applied and sent)"]
    title = "## (i) Two replicas on one PostgreSQL (questions and next-phase clicks)\n\n"
    return title + table(headers, rows)
