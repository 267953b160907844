"""Template helpers: dates and numbers formatted per locale with babel, language names."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django import forms, template
from django.conf import settings
from django.core.cache import caches
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from childhub.core import fragments
from childhub.core.countries import country_name
from childhub.core.languages import babel_locale, language_name

register = template.Library()


def _flat(context: template.Context) -> dict[str, Any]:
    return {str(name): value for name, value in context.flatten().items()}


@register.simple_tag(takes_context=True)
def site_header(context: template.Context) -> SafeString:
    """The site's header: the same for a member (or for visitors) in a language (core.fragments)."""
    user: Any = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    key: tuple[Any, ...] = ("header", translation.get_language(), signed_in)
    if signed_in:
        key += (user.pk, user.public_name, user.is_staff, bool(context.get("has_powers_role")))
    html = fragments.kept(key, lambda: render_to_string("includes/site_header.html", _flat(context)))
    return mark_safe(html)  # rendered (and escaped) by the template engine


@register.simple_tag(takes_context=True)
def site_footer(context: template.Context) -> SafeString:
    """The site's footer: the same on a page for members, or for visitors, in a language."""
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    switcher = context.get("language_switcher") or []
    key = ("footer", translation.get_language(), signed_in, tuple(item["url"] for item in switcher))
    html = fragments.kept(key, lambda: render_to_string("includes/site_footer.html", _flat(context)))
    return mark_safe(html)  # rendered (and escaped) by the template engine


@register.simple_tag
def staff_url(name: str, *args: Any) -> str:
    """The address of a page of the staff interface, from a site page (whose URLconf leaves the
    staff interface out: config/urls.py)."""
    return reverse(name, args=args, urlconf=settings.ROOT_URLCONF)


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
def zoned_datetime(value: dt.datetime | None, zone: str = "") -> str:
    """A moment in a named IANA zone, with the zone's own label in the reader's language
    (derived from the zone and the date, so daylight saving is always right)."""
    if value is None or value == "":
        return ""
    try:
        tzinfo = ZoneInfo(zone) if zone else timezone.get_current_timezone()
    except (ZoneInfoNotFoundError, ValueError):
        tzinfo = timezone.get_current_timezone()
    moment = value.astimezone(tzinfo)
    locale = babel_locale()
    day = babel_dates.format_date(moment.date(), format="full", locale=locale)
    time = babel_dates.format_time(moment, format="short", tzinfo=tzinfo, locale=locale)
    zone_name = babel_dates.format_datetime(moment, "zzzz", tzinfo=tzinfo, locale=locale)
    return f"{day}, {time} ({zone_name})"


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


@register.filter
def markdown(text: str) -> Any:
    from childhub.core.markdown import render_markdown

    return render_markdown(text)


@register.simple_tag
def filter_form(form: forms.Form) -> SafeString:
    """A form's fields as includes/form.html renders them, kept in the page cache: filter forms,
    and forms shown empty on busy pages (the answer form under a question).

    Rendering a form's widgets runs a template per option: a few milliseconds for filters with
    long lists of countries, languages and topics, on every list page. Their HTML depends only
    on the form, the language, the fields' choices and the data given, so one copy per
    combination is kept. Forms with errors, or with choices read from the database as they
    render (model choice fields), are rendered each time.
    """
    key = _form_key(form)
    if key is None:
        return render_to_string("includes/form.html", {"form": form})
    cache = caches["pages"]
    html = cache.get(key)
    if html is None:
        html = render_to_string("includes/form.html", {"form": form})
        cache.set(key, html, 300)
    return mark_safe(html)  # rendered (and escaped) by the template engine


def _form_key(form: forms.Form) -> str | None:
    if form.is_bound and not form.is_valid():
        return None
    parts: list[Any] = [type(form).__module__, type(form).__qualname__, translation.get_language()]
    parts.append((form.prefix, form.auto_id, form.use_required_attribute, form.initial))
    for name, field in form.fields.items():
        if isinstance(field, forms.ModelChoiceField):
            return None
        choices = getattr(field, "choices", ())
        parts.append((name, str(field.label), str(field.help_text), field.initial, field.widget.attrs))
        parts.append([(str(value), str(label)) for value, label in choices])
        if form.is_bound:
            key = form.add_prefix(name)
            data = form.data
            parts.append(data.getlist(key) if hasattr(data, "getlist") else data.get(key))
    return "form:" + hashlib.sha256(repr(parts).encode()).hexdigest()
