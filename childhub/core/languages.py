"""Interface languages and content languages, with names from CLDR (via babel)."""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale
from django.conf import settings
from django.utils import translation

INTERFACE_LANGUAGES: list[str] = [code for code, _ in settings.LANGUAGES]

# Languages content may be written in: the interface languages plus a few the region uses.
CONTENT_LANGUAGES: list[str] = [*INTERFACE_LANGUAGES, "me", "rom", "tr", "de", "fr", "it"]

_BABEL_IDS = {"en": "en_GB", "sr": "sr_Cyrl", "sr-latn": "sr_Latn", "me": "sr_Latn_ME", "rom": "en"}


def babel_locale(language_code: str | None = None) -> Locale:
    """The babel Locale for a Django language code (the active language by default)."""
    code = language_code or translation.get_language() or settings.LANGUAGE_CODE
    return _babel_locale(code)


@lru_cache(maxsize=64)
def _babel_locale(code: str) -> Locale:
    ident = _BABEL_IDS.get(code, code.replace("-", "_"))
    try:
        return Locale.parse(ident)
    except (ValueError, LookupError):
        return Locale.parse("en")


_EXTRA_NAMES = {"rom": "Romani", "me": "Montenegrin"}


@lru_cache(maxsize=2048)
def _language_name(code: str, in_language: str) -> str:
    if code in _EXTRA_NAMES:
        names = babel_locale(in_language).languages
        return names.get(code, _EXTRA_NAMES[code])
    # English is formatted the British way (en_GB) but named plainly, not "English (United Kingdom)".
    loc = Locale.parse("en") if code == "en" else _babel_locale(code)
    name = loc.get_display_name(babel_locale(in_language)) or code
    return name[:1].upper() + name[1:]


def language_name(code: str, in_language: str | None = None) -> str:
    """A language's name in the reader's language: language_name("bg") → "Bulgarian"."""
    return _language_name(code, in_language or translation.get_language() or "en")


# Each interface language's name in itself, as CLDR gives it (a test compares them with babel).
# Kept as data because asking babel loads every language's locale data into each worker: about
# 16 MB for the switcher's 13 names, in a process that may serve one or two languages.
AUTONYMS: dict[str, str] = {
    "en": "English",
    "sq": "Shqip",
    "bg": "Български",
    "bs": "Bosanski",
    "el": "Ελληνικά",
    "hr": "Hrvatski",
    "hu": "Magyar",
    "mk": "Македонски",
    "ro": "Română",
    "ru": "Русский",
    "sr": "Српски (ћирилица)",
    "sr-latn": "Srpski (latinica)",
    "uk": "Українська",
}


def autonym(code: str) -> str:
    """A language's name in itself, as a language switcher shows it ("Български")."""
    return AUTONYMS.get(code) or _language_name(code, code)


def content_language_choices() -> list[tuple[str, str]]:
    current = translation.get_language() or "en"
    return sorted(((c, language_name(c, current)) for c in CONTENT_LANGUAGES), key=lambda c: c[1])


_SOUTH_SLAVIC_LATIN = "čćđšž"
_ENGLISH = {"the", "and", "is", "of", "to", "with", "for", "was", "she", "he", "we", "our", "how", "what"}


def detect_language(text: str, *, fallback: str) -> str:
    """A best guess at the language of a text from its letters; the author can correct it.

    Distinguishes scripts and the letters particular to each language of the region; texts in
    South Slavic Latin script keep the author's own choice among bs, hr, sr-latn and me.
    """
    sample = text[:4000].lower()
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return fallback
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    if cyrillic > len(letters) / 3:
        if any(c in sample for c in "ђћџ"):
            return "sr"
        if any(c in sample for c in "ѓќѕ"):
            return "mk"
        if any(c in sample for c in "іїєґ"):
            return "uk"
        if any(c in sample for c in "ыэё"):
            return "ru"
        if any(c in sample for c in "ъщ"):
            return "bg"
        if any(c in sample for c in "јљњ"):
            return fallback if fallback in {"sr", "mk"} else "sr"
        return fallback if fallback in {"bg", "mk", "ru", "uk", "sr"} else "ru"
    greek = sum(1 for c in letters if "\u0370" <= c <= "\u03ff")
    if greek > len(letters) / 3:
        return "el"
    for code, marks in (("sq", "ë"), ("ro", "ășț"), ("hu", "őű")):
        if any(c in sample for c in marks):
            return code
    words = set(re.findall(r"[a-z]+", sample))
    if len(words & _ENGLISH) >= 2:
        return "en"
    if any(c in sample for c in _SOUTH_SLAVIC_LATIN):
        return fallback if fallback in {"bs", "hr", "sr-latn", "me"} else "bs"
    return fallback if fallback in {"en", "bs", "hr", "sr-latn", "me", "sq", "ro", "hu"} else "en"
