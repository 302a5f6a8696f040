"""What every service is built with: how to open a unit of work, the clock, the
renderer and the app's default language (wired in `bot/bootstrap.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from .ports import Clock, Renderer, UnitOfWorkFactory


@dataclass
class Context:
    """What every service is built with (wired in bootstrap)."""

    uow_factory: UnitOfWorkFactory
    clock: Clock
    renderer: Renderer
    default_lang: str = "fr"
