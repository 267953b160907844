"""Forms of the community. Every text passes the child-identity guard before it is published."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from childhub.core.countries import country_choices
from childhub.core.languages import content_language_choices, detect_language
from childhub.core.models import Topic, topic_choices

from .guard import Finding, check_text
from .models import CaseDetails, Flag, ModerationDecision


class TopicField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class GuardedForm(forms.Form):
    """Runs the child-identity guard on the text fields; the author may edit, or publish
    anyway with a reason, which holds the text for a moderator."""

    guarded_fields: tuple[str, ...] = ("body",)

    publish_anyway = forms.BooleanField(
        label=_("This does not identify a child: publish anyway (a moderator will check it first)"),
        required=False,
    )
    hold_reason = forms.CharField(
        label=_("Why it does not identify a child"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, language: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default_language = language
        self.findings: dict[str, list[Finding]] = {}
        self.overridden: list[str] = []

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        language = data.get("language") or self.default_language
        for name in self.guarded_fields:
            text = data.get(name) or ""
            found = check_text(text, language=language) if text else []
            if found:
                self.findings[name] = found
        if self.findings:
            if not data.get("publish_anyway"):
                raise forms.ValidationError(
                    _(
                        "Some passages may identify a child. Please change them as suggested, "
                        "or publish anyway with a reason."
                    ),
                    code="guard",
                )
            if not (data.get("hold_reason") or "").strip():
                self.add_error("hold_reason", _("Please say why this does not identify a child."))
            self.overridden = sorted({f.kind for found in self.findings.values() for f in found})
        return data

    def finding_list(self) -> list[tuple[str, str, list[Finding]]]:
        return [(name, self.data.get(name, ""), found) for name, found in self.findings.items()]


class _Topical(GuardedForm):
    language = forms.ChoiceField(label=_("Language of your text"), required=False)
    country = forms.ChoiceField(label=_("Country the question is about"), required=False)
    topics = TopicField(
        label=_("Topics"), queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Detect it for me")), *content_language_choices()]  # type: ignore[attr-defined]
        self.fields["country"].choices = [("", "—"), *country_choices()]  # type: ignore[attr-defined]

    def clean_language(self) -> str:
        chosen = self.cleaned_data.get("language") or ""
        if chosen:
            return str(chosen)
        text = " ".join(str(self.data.get(name, "")) for name in ("title", *self.guarded_fields))
        return detect_language(text, fallback=self.default_language)


class QuestionForm(_Topical):
    guarded_fields = ("title", "body")
    field_order = ["title", "body", "language", "country", "topics", "is_anonymous"]

    title = forms.CharField(label=_("Your question in one sentence"), max_length=200, min_length=10)
    body = forms.CharField(
        label=_("Details"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Describe the situation without names, dates of birth, addresses, schools "
            "or other details that could identify a child."
        ),
    )
    is_anonymous = forms.BooleanField(
        label=_("Ask anonymously (others see “a member from” your country; moderators see who asked)"),
        required=False,
    )


class PostForm(_Topical):
    guarded_fields = ("title", "body")
    field_order = ["title", "body", "language", "country", "topics"]

    title = forms.CharField(label=_("Title"), max_length=200, min_length=5)
    body = forms.CharField(
        label=_("Your experience"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 10})
    )


class ReplyForm(GuardedForm):
    field_order = ["body"]

    body = forms.CharField(
        label=_("Your answer"), max_length=20_000, min_length=2, widget=forms.Textarea(attrs={"rows": 6})
    )


class CaseForm(_Topical):
    guarded_fields = (
        "title",
        "region",
        "family_situation",
        "services_involved",
        "what_was_done",
        "body",
        "summary",
    )
    field_order = [
        "title",
        "age_band",
        "gender",
        "region",
        "family_situation",
        "services_involved",
        "what_was_done",
        "body",
        "summary",
        "language",
        "country",
        "topics",
        "is_anonymous",
        "confirm_anonymised",
        "confirm_consent",
    ]

    title = forms.CharField(label=_("Title"), max_length=200, min_length=5)
    age_band = forms.ChoiceField(label=_("Age band"), choices=CaseDetails.AgeBand.choices)
    gender = forms.ChoiceField(label=_("Gender"), choices=CaseDetails.Gender.choices, required=False)
    region = forms.CharField(
        label=_("Region"),
        max_length=100,
        help_text=_("A region, such as “a town in the north”, never the town or street."),
    )
    family_situation = forms.CharField(
        label=_("Family situation"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    services_involved = forms.CharField(
        label=_("Services involved"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    what_was_done = forms.CharField(
        label=_("What has been done so far"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    body = forms.CharField(
        label=_("Your question to colleagues"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    summary = forms.CharField(
        label=_("A short summary to keep after the retention period"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    is_anonymous = forms.BooleanField(label=_("Post anonymously"), required=False)
    confirm_anonymised = forms.BooleanField(
        label=_("I confirm that this case is anonymised: no child or family can be recognised from it")
    )
    confirm_consent = forms.BooleanField(
        label=_("I confirm that sharing it is consented under the Child Protection Policy")
    )


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=Flag.Reason.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("What moderators should know"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (a, label) for a, label in ModerationDecision.Action.choices if a not in ("edit", "resolve-flag")
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)


class CommunityFilterForm(forms.Form):
    q = forms.CharField(label=_("Search the community"), required=False, max_length=10_000)
    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("All questions")), ("unanswered", _("Unanswered")), ("posts", _("Experience"))],
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = ("", _("Any"))
        self.fields["topic"].choices = [anything, *topic_choices()]  # type: ignore[attr-defined]
        self.fields["country"].choices = [anything, *country_choices()]  # type: ignore[attr-defined]
        self.fields["language"].choices = [anything, *content_language_choices()]  # type: ignore[attr-defined]


ZONES = [
    "Europe/Tirane",
    "Europe/Sarajevo",
    "Europe/Sofia",
    "Europe/Zagreb",
    "Europe/Athens",
    "Europe/Budapest",
    "Europe/Chisinau",
    "Europe/Podgorica",
    "Europe/Skopje",
    "Europe/Bucharest",
    "Europe/Belgrade",
    "Europe/Kyiv",
    "Europe/London",
    "UTC",
]


class CaseSessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, min_length=5)
    description = forms.CharField(
        label=_("What will be discussed"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
    language = forms.ChoiceField(label=_("Language of the discussion"))
    country = forms.ChoiceField(label=_("Country (leave empty for the whole region)"), required=False)
    starts_at = forms.DateTimeField(
        label=_("Starts at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("In the time zone chosen below."),
    )
    duration = forms.IntegerField(label=_("Duration in minutes"), min_value=15, max_value=480, initial=90)
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=[(z, z) for z in ZONES], initial="Europe/Budapest"
    )
    facilitator = forms.EmailField(
        label=_("Facilitator's e-mail"),
        required=False,
        help_text=_("Leave empty if you facilitate it yourself."),
    )
    join_url = forms.URLField(label=_("Link to join (shown to verified professionals only)"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = content_language_choices()  # type: ignore[attr-defined]
        self.fields["country"].choices = [("", "—"), *country_choices()]  # type: ignore[attr-defined]

    def clean_facilitator(self) -> Any:
        from childhub.accounts.models import User

        email = self.cleaned_data.get("facilitator") or ""
        if not email:
            return None
        member = User.objects.filter(email__iexact=email, is_active=True).first()
        if member is None:
            raise forms.ValidationError(_("No member has this e-mail address."))
        return member

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, zone = data.get("starts_at"), data.get("time_zone")
        if starts and zone:
            # The time was typed in the chosen zone, not the server's.
            data["starts_at"] = timezone.make_aware(timezone.make_naive(starts), ZoneInfo(zone))
            if data["starts_at"] < timezone.now():
                self.add_error("starts_at", _("Choose a time in the future."))
        return data
