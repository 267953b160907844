"""The e-mail choices form: one frequency per kind of notification."""

from __future__ import annotations

from typing import Any

from django import forms

from .kinds import KINDS, Frequency


class PreferencesForm(forms.Form):
    def __init__(self, *args: Any, current: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, kind in KINDS.items():
            if kind.configurable:
                self.fields[name] = forms.ChoiceField(
                    label=kind.label, choices=Frequency.CHOICES, initial=current.get(name, kind.default)
                )
