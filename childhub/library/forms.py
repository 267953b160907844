"""Forms of the library: submitting and editing a resource, browsing, reading lists, review."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from childhub.accounts.models import Organisation, Profile
from childhub.core.countries import country_choices
from childhub.core.languages import content_language_choices
from childhub.core.models import Topic

from .files import MAX_BYTES, Sniffed, embed_for, readable, sniff
from .models import Collection, Resource


class TopicField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class ResourceForm(forms.ModelForm):
    topics = TopicField(
        label=_("Topics"), queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple, required=True
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries it concerns"), required=False, widget=forms.CheckboxSelectMultiple
    )
    audiences = forms.MultipleChoiceField(
        label=_("For whom"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=Profile.Profession.choices,
    )
    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument, EPUB, an image, audio or video."),
    )

    class Meta:
        model = Resource
        fields = [
            "title",
            "language",
            "kind",
            "summary",
            "authors",
            "organisation",
            "year",
            "licence",
            "access",
            "url",
            "transcript",
            "practice_context",
            "practice_action",
            "practice_results",
            "practice_contact",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "transcript": forms.Textarea(attrs={"rows": 4}),
            "practice_context": forms.Textarea(attrs={"rows": 3}),
            "practice_action": forms.Textarea(attrs={"rows": 3}),
            "practice_results": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = content_language_choices()  # type: ignore[attr-defined]
        self.fields["countries"].choices = country_choices()  # type: ignore[attr-defined]
        self.fields["organisation"].queryset = Organisation.objects.exclude(  # type: ignore[attr-defined]
            kind=Organisation.Kind.FUNDER
        )
        if self.instance.pk:
            self.fields["topics"].initial = list(self.instance.topics.all())
            self.fields["countries"].initial = self.instance.countries
            self.fields["audiences"].initial = [a.profession for a in self.instance.audience_rows.all()]
        self.sniffed: Sniffed | None = None

    def clean_year(self) -> int | None:
        year = self.cleaned_data.get("year")
        if year is not None and not 1950 <= year <= timezone.now().year + 1:
            raise ValidationError(_("Please give a year between 1950 and next year."))
        return year

    def clean_upload(self) -> Any:
        upload = self.cleaned_data.get("upload")
        if not upload:
            return None
        sniffed = sniff(upload)
        if sniffed is None:
            raise ValidationError(
                _(
                    "We cannot accept this file: its content is not a document, image, audio "
                    "or video format we know."
                )
            )
        limit = MAX_BYTES[sniffed.family]
        if upload.size > limit:
            raise ValidationError(
                _("The file is too large (%(size)s). The limit for this type is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        if not readable(upload, sniffed):
            raise ValidationError(
                _("This file seems to be damaged: we could not open it. Please check it and try again.")
            )
        self.sniffed = sniffed
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        has_file = bool(data.get("upload")) or bool(self.instance.pk and self.instance.file)
        if kind == Resource.Kind.LINK and not data.get("url"):
            self.add_error("url", _("A link needs its web address."))
        if kind in {Resource.Kind.DOCUMENT, Resource.Kind.IMAGE} and not has_file and not data.get("url"):
            self.add_error("upload", _("Please add the file, or a web address where it can be found."))
        if kind in {Resource.Kind.VIDEO, Resource.Kind.AUDIO} and not has_file:
            if not data.get("url"):
                self.add_error("upload", _("Please add the file, or a YouTube, Vimeo or SoundCloud link."))
            elif embed_for(data["url"]) is None:
                self.add_error("url", _("We can embed YouTube, Vimeo and SoundCloud links."))
        if kind == Resource.Kind.PRACTICE and not (data.get("practice_action") or "").strip():
            self.add_error("practice_action", _("Please describe what was done."))
        if (
            self.sniffed is not None
            and kind
            in {
                Resource.Kind.AUDIO,
                Resource.Kind.VIDEO,
                Resource.Kind.IMAGE,
            }
            and self.sniffed.family != kind
        ):
            self.add_error("upload", _("This file does not match the type you chose."))
        return data

    def model_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class BrowseForm(forms.Form):
    q = forms.CharField(label=_("Search the library"), required=False, max_length=10_000)
    kind = forms.ChoiceField(required=False, choices=[("", ""), *Resource.Kind.choices])
    topic = forms.SlugField(required=False)
    language = forms.CharField(required=False, max_length=10)
    country = forms.CharField(required=False, max_length=2)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    organisation = forms.SlugField(required=False)
    audience = forms.ChoiceField(required=False, choices=[("", ""), *Profile.Profession.choices])
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("newest", _("Newest")), ("downloads", _("Most downloaded")), ("relevance", _("Relevance"))],
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Publish")), ("reject", _("Do not publish"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the member"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not (data.get("note") or "").strip():
            self.add_error("note", _("Please tell the member why the resource is not published."))
        return data


class CollectionForm(forms.ModelForm):
    class Meta:
        model = Collection
        fields = ["title", "description", "is_shared"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
