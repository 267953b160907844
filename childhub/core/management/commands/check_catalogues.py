"""Fail when any interface language's catalogue has an untranslated, fuzzy or broken entry.

Extracts the strings first (makemessages), so a string marked in code but missing from the
catalogues counts as untranslated.
"""

from __future__ import annotations

import re
from typing import Any

import polib  # type: ignore[import-untyped]
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import to_locale

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{\{?\s*(\w+)\s*\}?\}|%[sd]")


def placeholders(text: str) -> list[str]:
    return sorted(m.group(0) for m in PLACEHOLDER.finditer(text))


class Command(BaseCommand):
    help = "Check that every catalogue is complete (no untranslated or fuzzy entries)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-extract", action="store_true", help="check the files as they are")

    def handle(self, *args: Any, no_extract: bool, **options: Any) -> None:
        languages = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        locales = [to_locale(code) for code in languages]
        if not no_extract:
            call_command("makemessages", locale=locales, no_location=True, no_obsolete=True, verbosity=0)
        problems: list[str] = []
        paths = [settings.LOCALE_PATHS[0] / locale / "LC_MESSAGES" / "django.po" for locale in locales]
        for extra in settings.LOCALE_PATHS[1:]:
            paths.extend(sorted(extra.glob("*/LC_MESSAGES/django.po")))
        for path in paths:
            locale = path.parent.parent.name
            if not path.exists():
                problems.append(f"{locale}: no catalogue at {path}")
                continue
            catalogue = polib.pofile(str(path))
            for entry in catalogue:
                if entry.obsolete:
                    continue
                where = f"{locale}: {entry.msgid[:60]!r}"
                if "fuzzy" in entry.flags:
                    problems.append(f"{where} is fuzzy")
                elif not entry.translated():
                    problems.append(f"{where} is untranslated")
                elif "python-format" in entry.flags or "python-brace-format" in entry.flags:
                    translations = (
                        [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
                    )
                    for text in translations:
                        if placeholders(text) != placeholders(entry.msgid_plural or entry.msgid) and (
                            placeholders(text) != placeholders(entry.msgid)
                        ):
                            problems.append(f"{where} has different placeholders")
                            break
        if problems:
            for line in problems[:200]:
                self.stderr.write(line)
            raise CommandError(f"{len(problems)} catalogue problem(s); see docs/translations.md")
        self.stdout.write(f"catalogues complete for {len(locales)} languages")
