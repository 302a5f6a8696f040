"""Errors the domain raises when a request breaks a rule of the method.

Each error carries an i18n key and its parameters rather than a sentence, so
the one error handler can answer every user in their own language without the
domain knowing anything about languages or Slack.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base of every refusal the domain can express.

    `key` names a message in the i18n catalog; `params` fill its placeholders.
    """

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params: dict[str, Any] = dict(params)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r}, **{self.params!r})"


class NotAllowed(DomainError):
    """The rules table refuses this action to this role in this phase."""


class StaleMove(DomainError):
    """A phase move named a phase the session has already left.

    Raised for double clicks and old buttons, so that nobody skips a phase.
    """


class GroupFull(DomainError):
    """Adding these peers would take the group beyond its maximum size."""


class NotAMember(DomainError):
    """The user is not part of the group they try to act in or leave."""


class AlreadyMember(DomainError):
    """The user is already part of the group they try to join."""


class SessionNotRunning(DomainError):
    """The session must be running for this (it is planned, done or cancelled)."""


class SessionAlreadyRunning(DomainError):
    """The session was already started (or is over) and cannot start again."""


class InvalidText(DomainError):
    """User text is empty or too long to be posted back in Slack."""


class InvalidValue(DomainError):
    """A value is outside what the method accepts (a rating, a phase, …)."""


class SmallGroup(DomainError):
    """Fewer consultants than the method advises: the facilitator confirms first."""
