"""Benchmarks: measured figures for DESIGN.md's promises (latency, Slack API cost,
scheduler scale, memory and start). Run with `python -m benchmarks`; see README.md."""
