"""Countries members and content concern: the region first, then others; names from CLDR."""

from __future__ import annotations

from functools import lru_cache

from django.utils import translation

from .languages import babel_locale

REGION = ["AL", "BA", "BG", "HR", "XK", "MD", "ME", "MK", "RO", "RS"]
OTHERS = ["AT", "CH", "DE", "GR", "HU", "IT", "SI", "TR", "UA", "GB", "FR", "NL", "BE", "SE", "US"]
ALL = [*REGION, *OTHERS]


@lru_cache(maxsize=1024)
def _name(code: str, language: str) -> str:
    return babel_locale(language).territories.get(code, code)


def country_name(code: str, language: str | None = None) -> str:
    if not code:
        return ""
    return _name(code, language or translation.get_language() or "en")


def country_choices() -> list[tuple[str, str]]:
    """Region first (sorted by name in the reader's language), then the others."""
    lang = translation.get_language() or "en"
    region = sorted(((c, _name(c, lang)) for c in REGION), key=lambda c: c[1])
    others = sorted(((c, _name(c, lang)) for c in OTHERS), key=lambda c: c[1])
    return region + others
