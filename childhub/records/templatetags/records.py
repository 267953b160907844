"""Template helpers of the records: hours as the reader's language says them."""

from __future__ import annotations

from decimal import Decimal

from django import template

from childhub.records.formats import hours_text

register = template.Library()


@register.filter
def hours(value: Decimal | int | None) -> str:
    """ "1.5 hours", "1,5 часа"; "" for none."""
    if value is None or value == "":
        return ""
    return hours_text(value)
