"""Forms of the courses: the catalogue's filters, a quiz as the learner answers it, a reflection.

A quiz form carries nothing that tells a right answer from a wrong one: choices are numbered in
the order shown, and the right-hand sides of a matching question are offered in a shuffled order.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from childhub.accounts.models import Organisation
from childhub.core.models import language_choices, topic_choices
from childhub.core.widgets import QuickSelect

from .models import Question


class CatalogueFilterForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), required=False, widget=QuickSelect)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=QuickSelect)
    audience = forms.CharField(label=_("For whom"), required=False, max_length=100)
    issuer = forms.ChoiceField(label=_("Issued by"), required=False, widget=QuickSelect)

    def __init__(self, *args: Any, issuers: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything: list[tuple[Any, Any]] = [("", _("Any"))]
        cast(forms.ChoiceField, self.fields["topic"]).choices = anything + topic_choices()
        cast(forms.ChoiceField, self.fields["language"]).choices = anything + language_choices()
        cast(forms.ChoiceField, self.fields["issuer"]).choices = anything + [
            (o.slug, o.name) for o in issuers
        ]


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your reflection (only you can see it)"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write your reflection before saving it.")},
    )


class QuizForm(forms.Form):
    """One field per question (per left-hand side for a matching question), named by key."""

    def __init__(
        self, *args: Any, questions: list[Question], orders: dict[Any, list[str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.groups: list[tuple[Question, list[str]]] = []
        required = _("Answer this question.")
        for question in questions:
            name = f"q-{question.key}"
            choices = [(str(i), c.text) for i, c in enumerate(question.choices.all())]
            names = [name]
            if question.kind == Question.Kind.MULTIPLE:
                self.fields[name] = forms.MultipleChoiceField(
                    label=question.text,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    error_messages={"required": _("Choose at least one answer.")},
                )
            elif question.kind == Question.Kind.MATCHING:
                sides = [("", "—")] + [(s, s) for s in orders.get(question.key, [])]
                names = []
                for i, choice in enumerate(question.choices.all()):
                    field_name = f"{name}-{i}"
                    self.fields[field_name] = forms.ChoiceField(
                        label=choice.text, choices=sides, error_messages={"required": _("Choose a match.")}
                    )
                    names.append(field_name)
            elif question.kind == Question.Kind.SHORT_TEXT:
                self.fields[name] = forms.CharField(
                    label=question.text, max_length=300, error_messages={"required": required}
                )
            else:
                self.fields[name] = forms.ChoiceField(
                    label=question.text,
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": required},
                )
            self.groups.append((question, names))

    def grouped(self) -> list[tuple[Question, list[forms.BoundField]]]:
        return [(question, [self[name] for name in names]) for question, names in self.groups]

    def answers(self) -> dict[str, Any]:
        """The answers as ``actions.grade`` reads them and attempts keep them."""
        data = self.cleaned_data
        out: dict[str, Any] = {}
        for question, names in self.groups:
            key = str(question.key)
            if question.kind == Question.Kind.MATCHING:
                out[key] = {str(i): data.get(name, "") for i, name in enumerate(names)}
            else:
                out[key] = data.get(names[0])
        return out
