"""Every word the app shows, in French and English, under the same keys.

`t(lang, key, **params)` formats the catalog entry with `str.format`. The two
catalogs must have the same keys and the same placeholders (a test checks).
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import string

from . import areas
from .en import MESSAGES as EN
from .fr import MESSAGES as FR


def _merged() -> dict[str, dict[str, str]]:
    catalogs = {"fr": dict(FR), "en": dict(EN)}
    for module_info in pkgutil.iter_modules(areas.__path__):
        module = importlib.import_module(f"{areas.__name__}.{module_info.name}")
        for lang, extra in (("fr", module.FR), ("en", module.EN)):
            clash = set(extra) & set(catalogs[lang])
            if clash:
                raise RuntimeError(f"i18n keys defined twice: {sorted(clash)}")
            catalogs[lang].update(extra)
    return catalogs


CATALOGS: dict[str, dict[str, str]] = _merged()
LANGS = tuple(CATALOGS)
log = logging.getLogger("codev.i18n")


def t(lang: str, key: str, /, **params) -> str:
    catalog = CATALOGS.get(lang) or CATALOGS["en"]
    template = catalog.get(key)
    if template is None:
        log.error("missing i18n key %s for %s", key, lang)
        template = CATALOGS["en"].get(key, key)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        log.error("i18n key %s used without all its placeholders", key)
        return template


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def normalise_lang(value: str | None, default: str = "fr") -> str:
    """A Slack locale such as 'fr-FR' or 'en-US' reduced to a catalog language."""
    if value:
        short = value.split("-")[0].split("_")[0].lower()
        if short in CATALOGS:
            return short
    return default
