"""The period a staff member asks the figures for, and an optional period to compare it with."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .queries import Period

EARLIEST = date(2000, 1, 1)


def _day_field(label: Any, required: bool) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def default_period(today: date | None = None) -> tuple[date, date]:
    """The last twelve months up to today."""
    today = today or timezone.localdate()
    return today - timedelta(days=364), today


class PeriodForm(forms.Form):
    start = _day_field(_("From"), True)
    end = _day_field(_("To (included)"), True)
    compare_start = _day_field(_("Compare with: from"), False)
    compare_end = _day_field(_("Compare with: to (included)"), False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for first, last in (("start", "end"), ("compare_start", "compare_end")):
            start, end = data.get(first), data.get(last)
            if start and start < EARLIEST:
                self.add_error(first, _("Choose a day in 2000 or later."))
            elif start and end and start > end:
                self.add_error(last, _("The end of the period is before its start."))
        if bool(data.get("compare_start")) != bool(data.get("compare_end")):
            raise ValidationError(_("Give both days of the period to compare with, or neither."))
        return data

    def period(self) -> Period:
        return Period.of_days(self.cleaned_data["start"], self.cleaned_data["end"])

    def compared_period(self) -> Period | None:
        if not self.cleaned_data.get("compare_start"):
            return None
        return Period.of_days(self.cleaned_data["compare_start"], self.cleaned_data["compare_end"])


def period_form(data: Any) -> PeriodForm:
    """The form bound to the query string, or to the default period when none was asked for."""
    if not data.get("start") and not data.get("end"):
        start, end = default_period()
        data = {"start": start.isoformat(), "end": end.isoformat()}
    return PeriodForm(data)
