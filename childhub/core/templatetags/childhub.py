"""Template helpers: dates and numbers formatted per locale with babel, language names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django import template
from django.utils import timezone

from childhub.core.countries import country_name
from childhub.core.languages import babel_locale, language_name

register = template.Library()


@register.filter
def local_date(value: dt.date | dt.datetime | None, style: str = "long") -> str:
    """A date in the reader's locale: "25 November 2026", "25. studenoga 2026."."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return babel_dates.format_date(value, format=style, locale=babel_locale())


@register.filter
def local_datetime(value: dt.datetime | None, style: str = "medium") -> str:
    if value is None or value == "":
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return babel_dates.format_datetime(value, format=style, locale=babel_locale())


@register.filter
def local_number(value: Any) -> str:
    if value is None or value == "":
        return ""
    return babel_numbers.format_decimal(value, locale=babel_locale())


@register.filter
def local_percent(value: Any) -> str:
    if value is None or value == "":
        return ""
    return babel_numbers.format_percent(value, locale=babel_locale())


@register.inclusion_tag("core/also_available.html")
def also_available(versions: Iterable[Any]) -> dict[str, Any]:
    """ "Also available in …": links to the other language versions of a piece of content.

    Each version needs ``language`` and ``get_absolute_url()`` (see TranslatableContent).
    """
    return {"versions": sorted(versions, key=lambda v: language_name(v.language))}


@register.filter
def language_label(code: str) -> str:
    return language_name(code)


@register.filter
def country_label(code: str) -> str:
    return country_name(code)
