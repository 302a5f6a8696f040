"""A form's problems, field by field, as services report them for modal errors."""

from __future__ import annotations

from ..domain import DomainError


class InvalidFields(DomainError):
    """A form with problems, field by field (block id → i18n key), for modal errors."""

    def __init__(self, errors: dict[str, tuple[str, dict]]):
        super().__init__("form.invalid")
        self.errors = errors
