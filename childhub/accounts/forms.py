"""Forms for members: sign-up extras, profile, directory filters, verification, consent, erasure."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from childhub.core.countries import country_choices
from childhub.core.images import check_image
from childhub.core.models import Language, Topic, language_choices, topic_choices

from . import actions
from .models import Organisation, Profile, User, Visibility


class LanguageChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class SignupForm(forms.Form):
    """Extra sign-up fields; allauth calls signup() once the account exists."""

    display_name = forms.CharField(
        label=_("Your name as colleagues will see it"), max_length=80, min_length=2
    )
    accept_terms = forms.BooleanField(label=_("I accept the Terms of use"))
    accept_charter = forms.BooleanField(label=_("I accept the Ethical Charter"))
    accept_child_protection = forms.BooleanField(label=_("I accept the Child Protection Policy"))

    def signup(self, request: HttpRequest, user: User) -> None:
        actions.complete_signup(
            user=user,
            display_name=self.cleaned_data["display_name"],
            language=translation.get_language() or "en",
        )


def _visibility_field() -> forms.ChoiceField:
    return forms.ChoiceField(label=_("Who can see this"), choices=Visibility.choices)


class ProfileForm(forms.ModelForm):
    display_name = forms.CharField(label=_("Display name"), max_length=80, min_length=2)
    country = forms.ChoiceField(label=_("Country"), required=False)
    languages = LanguageChoiceField(
        label=_("Languages you speak"),
        queryset=Language.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topics = TopicChoiceField(
        label=_("Topics of interest"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    photo = forms.FileField(label=_("Photo"), required=False)
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)

    class Meta:
        model = Profile
        fields = [
            "profession",
            "job_title",
            "organisation",
            "country",
            "bio",
            "gender",
            *(f"{name}_visibility" for name in Profile.VISIBLE_FIELDS),
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *country_choices()]  # type: ignore[attr-defined]
        self.fields["organisation"].queryset = Organisation.objects.exclude(kind=Organisation.Kind.FUNDER)  # type: ignore[attr-defined]
        for name in Profile.VISIBLE_FIELDS:
            field = self.fields[f"{name}_visibility"]
            field.label = _("Who can see this")
            field.help_text = ""
        self.fields["name_visibility"].label = _("Who can see my name and profile")
        self.fields["gender"].choices = [("", _("I prefer not to say")), *Profile.Gender.choices]  # type: ignore[attr-defined]
        if self.instance.pk:
            self.fields["display_name"].initial = self.instance.user.display_name
            self.fields["languages"].initial = list(self.instance.languages.all())
            self.fields["topics"].initial = list(self.instance.topics.all())

    def clean_photo(self) -> Any:
        photo = self.cleaned_data.get("photo")
        if photo:
            check_image(photo)
        return photo

    def field_pairs(self) -> list[tuple[forms.BoundField, forms.BoundField | None]]:
        """Each profile field beside its visibility selector, for the template."""
        pairs: list[tuple[forms.BoundField, forms.BoundField | None]] = [
            (self["display_name"], self["name_visibility"])
        ]
        for name in (
            "profession",
            "job_title",
            "organisation",
            "country",
            "languages",
            "topics",
            "bio",
            "photo",
        ):
            pairs.append((self[name], self[f"{name}_visibility"]))
        pairs.append((self["gender"], None))  # never shown, so no one to show it to
        return pairs


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=80)
    country = forms.ChoiceField(label=_("Country"), required=False)
    profession = forms.ChoiceField(label=_("Profession"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = ("", _("Any"))
        self.fields["country"].choices = [anything, *country_choices()]  # type: ignore[attr-defined]
        self.fields["profession"].choices = [anything, *Profile.Profession.choices]  # type: ignore[attr-defined]
        self.fields["language"].choices = [anything, *language_choices()]  # type: ignore[attr-defined]
        self.fields["topic"].choices = [anything, *topic_choices()]  # type: ignore[attr-defined]


class VerificationRequestForm(forms.Form):
    evidence = forms.CharField(
        label=_("Your professional role"),
        help_text=_(
            "Tell us where you work and in what role, and how we can confirm it "
            "(for example your employer's website or a colleague who is a member). "
            "Do not include any information about children."
        ),
        min_length=20,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class VerificationDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (sent to the member)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "decline" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Please tell the member why the request is declined."))
        return data


class ConsentForm(forms.Form):
    accept = forms.BooleanField(label=_("I have read and accept these policies"))


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput, strip=False)
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data will be erased and cannot be restored")
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("The password is not correct."))
        return password
