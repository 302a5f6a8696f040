"""Every request names its workspace: effects queued while answering it belong to it.

Bolt runs global middleware, then the listener, in the same thread and outside any
`next()` call, so the workspace is set (not reset) at the start of every request;
the next request of that thread sets its own first.
"""

from __future__ import annotations

from ..services.effects import Workspace, enter_workspace


def register_workspace_scope(app) -> None:
    @app.middleware
    def request_workspace(context, next):
        enter_workspace(Workspace(context.team_id, context.enterprise_id))
        next()
