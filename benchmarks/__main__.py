"""`python -m benchmarks [--quick] [--only latency,cost,scheduler,memory]`: run and print."""

from __future__ import annotations

import argparse
import logging
import os
import platform
import time

from . import report
from .databases import backend, throwaway_database

SECTIONS = ("latency", "cost", "scheduler", "memory", "visible", "floor", "deployed")
# not part of a bare `python -m benchmarks`: name them with --only
EXTRA = ("bound", "replicas")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {backend()}"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer requests and rows")
    parser.add_argument("--only", default=",".join(SECTIONS))
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    logging.getLogger("codev").setLevel(logging.CRITICAL)  # expected refusals are noise here
    print(f"# codev benchmarks — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"Machine: {machine()}\n")
    for section in args.only.split(","):
        started = time.perf_counter()
        if section == "latency":
            from . import latency

            with throwaway_database() as url:
                print(report.latency(latency.run(url, quick=args.quick)))
        elif section == "cost":
            from . import cost

            with throwaway_database() as url:
                print(report.cost(cost.run(url)))
        elif section == "scheduler":
            from . import scheduler

            sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000)
            print(report.scheduler(scheduler.run(sizes)))
        elif section == "memory":
            from . import memory

            print(report.memory(memory.run(quick=args.quick)))
        elif section == "visible":
            from . import visible

            with throwaway_database() as url:
                print(report.visible(visible.run(url, quick=args.quick)))
        elif section == "floor":
            from . import floor

            with throwaway_database() as url:
                print(report.floor(floor.run(url, quick=args.quick)))
        elif section == "deployed":
            from . import deployed

            print(report.visible(deployed.run(quick=args.quick), "as deployed (gunicorn, SQLite)"))
        elif section == "bound":
            from . import bound

            with throwaway_database() as url:
                print(report.bound(bound.run(url, quick=args.quick), backend()))
        elif section == "replicas":
            from . import replicas

            print(report.replicas(replicas.run(quick=args.quick)))
        else:
            parser.error(f"unknown section {section!r}: {', '.join(SECTIONS + EXTRA)}")
        print(f"\n_{section}: {time.perf_counter() - started:.0f} s_\n")


if __name__ == "__main__":
    main()
