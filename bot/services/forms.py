"""A form's problems, field by field, as services report them for modal errors."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..domain import DomainError, clean_text


class InvalidFields(DomainError):
    """A form with problems, field by field (block id → i18n key), for modal errors."""

    def __init__(self, errors: dict[str, tuple[str, dict[str, Any]]]):
        super().__init__("form.invalid")
        self.errors = errors


def clean_texts(
    values: Mapping[str, Any],
    fields: Iterable[str],
    errors: dict[str, tuple[str, dict[str, Any]]],
) -> dict[str, str | None]:
    """A form's optional text fields, each cleaned (None when left empty); a field that
    cannot be kept adds its problem to `errors`, so every problem is shown at once."""
    texts: dict[str, str | None] = {}
    for field in fields:
        value = (values.get(field) or "").strip()
        try:
            texts[field] = clean_text(value) if value else None
        except DomainError as problem:
            errors[field] = (problem.key, problem.params)
    return texts
