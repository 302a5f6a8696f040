"""Operations: JSON logs (`logs`), Prometheus metrics (`metrics`), the per-request line
(`middleware`).

Nothing here reads message text or tokens: a request is described by its team,
kind (command, action, view, event), a name from a closed set (subcommand, action
id, callback id, event type), its latency and its outcome.

Submodules are imported by name, not from here: `prometheus_client` must not be
imported by gunicorn's master before `PROMETHEUS_MULTIPROC_DIR` is set.
"""
