"""Every word the app shows, in French and English, under the same keys.

The words live by area (`areas/<area>.py`, each with an `EN` and an `FR` dict), so a
feature's words in both languages sit side by side; they are merged here into one
catalog per language. `t(lang, key, **params)` formats the catalog entry with
`str.format`. The two catalogs must have the same keys and the same placeholders (a
test checks).

Conventions du français, pour tout le catalogue :
- écriture inclusive : les rôles de la méthode (client, animateur, consultants) sont des
  noms de rôle ; ce qui s'accorde avec une personne est tourné de façon épicène (« pour
  vous seulement », « le rôle de client »), sans point médian, que les lecteurs d'écran
  lisent mal ;
- « n° 3 », jamais « n°3 » ; virgule décimale (4,4/5) ;
- dates en toutes lettres (« jeudi 10 décembre »), heures en jetons `<!date^…>` de Slack ;
- l'aide montre les noms français des commandes et de leurs mots (`planifier liste`).
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import string

from . import areas


def _merged() -> dict[str, dict[str, str]]:
    catalogs: dict[str, dict[str, str]] = {"fr": {}, "en": {}}
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
