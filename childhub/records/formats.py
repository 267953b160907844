"""Hours and dates as a certificate or a record states them, in a given language (CLDR via babel)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.units import format_unit

from childhub.core.languages import babel_locale

_HOUR = "duration-hour"


def hours_text(hours: Decimal | int, language: str | None = None) -> str:
    """ "1.5 hours", "1,5 часа", "5 часов": the plural the language uses for that number."""
    locale = babel_locale(language)
    value = Decimal(hours)
    value = value.to_integral_value() if value == value.to_integral_value() else value.normalize()
    text = format_unit(value, _HOUR, length="long", locale=locale)
    if _HOUR in text:  # babel lacks the long form for a few locales (sq, sr_Latn): use the short one
        text = format_unit(value, _HOUR, length="short", locale=locale)
    if _HOUR in text:
        text = f"{babel_numbers.format_decimal(value, locale=locale)} h"
    return text


def day_text(day: dt.date, language: str | None = None) -> str:
    """ "25 November 2026", "25. studenoga 2026."."""
    return babel_dates.format_date(day, format="long", locale=babel_locale(language))
