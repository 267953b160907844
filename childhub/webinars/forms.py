"""Forms of the webinars: filters, organising a webinar, registering as a guest."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from childhub.accounts.models import Organisation
from childhub.core.images import check_image
from childhub.core.languages import content_language_choices
from childhub.core.models import Topic, topic_choices
from childhub.core.widgets import QuickSelect

from .models import Presenter, Webinar
from .times import zone_choices

WALL_CLOCK_FORMATS = ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S")


class WallClockField(forms.Field):
    """A date and time as a clock on the wall shows it, without a zone (the form adds the zone)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    default_error_messages = {"invalid": _("Enter a date and time, such as 2027-10-26 15:00.")}

    def to_python(self, value: Any) -> datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        text = str(value).strip()
        for fmt in WALL_CLOCK_FORMATS:
            try:
                return datetime.strptime(text, fmt)
            except ValueError:
                continue
        raise ValidationError(self.error_messages["invalid"], code="invalid")


def in_zone(wall: datetime, zone: ZoneInfo) -> datetime | None:
    """The aware moment a wall-clock time names in a zone; None when the clocks skip it (DST)."""
    moment = wall.replace(tzinfo=zone)
    if moment.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None) != wall:
        return None
    return moment


def _choice(form: forms.Form, name: str) -> forms.ChoiceField:
    return cast(forms.ChoiceField, form.fields[name])


class WebinarFilterForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("", pgettext_lazy("webinars", "Upcoming")), ("past", pgettext_lazy("webinars", "Past"))],
    )
    language = forms.ChoiceField(label=_("Language it is given in"), required=False, widget=QuickSelect)
    topic = forms.ChoiceField(label=_("Topic"), required=False, widget=QuickSelect)
    presenter = forms.TypedChoiceField(
        label=_("Presenter"), required=False, coerce=int, empty_value=None, widget=QuickSelect
    )

    def __init__(self, *args: Any, presenters: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything: list[tuple[Any, Any]] = [("", _("Any"))]
        _choice(self, "language").choices = anything + content_language_choices()
        _choice(self, "topic").choices = anything + topic_choices()
        _choice(self, "presenter").choices = anything + presenters


class WebinarForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 8})
    )
    delivered_in = forms.ChoiceField(label=_("Language it is given in"))
    language = forms.ChoiceField(
        label=_("Language of the title and description"),
        help_text=_("To describe it in another language too, add a version from the webinar's page."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"), queryset=Topic.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    presenters = forms.ModelMultipleChoiceField(
        label=_("Presenters"),
        queryset=Presenter.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organiser = forms.ModelChoiceField(label=_("Organiser"), queryset=Organisation.objects.none())
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        initial="Europe/Budapest",
        help_text=_("Times below are read as clocks in this zone show them."),
    )
    start = WallClockField(label=_("Starts at"))
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=15, max_value=600, initial=90
    )
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=10_000, initial=100)
    registration_opens = WallClockField(label=_("Registration opens"), required=False)
    registration_closes = WallClockField(
        label=_("Registration closes"),
        required=False,
        help_text=_("Leave empty to keep it open until the end."),
    )
    approval_required = forms.BooleanField(label=_("I approve each registration"), required=False)
    guests_allowed = forms.BooleanField(label=_("People without an account may register"), required=False)
    backend = forms.ChoiceField(label=_("Where it takes place"), choices=Webinar.Backend.choices)
    external_url = forms.URLField(
        label=_("Link to the external room"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Only for Jitsi, Zoom or Teams. Registrants get it through the hub, never in public."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=Webinar.Status.choices)

    def __init__(self, *args: Any, organisers: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organiser"]).queryset = organisers
        _choice(self, "language").choices = content_language_choices()
        _choice(self, "delivered_in").choices = content_language_choices()
        _choice(self, "time_zone").choices = zone_choices()

    @classmethod
    def initial_for(cls, webinar: Webinar) -> dict[str, Any]:
        zone = webinar.zone

        def wall(moment: datetime | None) -> str:
            return moment.astimezone(zone).strftime("%Y-%m-%dT%H:%M") if moment else ""

        return {
            "title": webinar.title,
            "description": webinar.description,
            "language": webinar.language,
            "delivered_in": webinar.delivered_in,
            "topics": list(webinar.topics.all()),
            "presenters": list(webinar.presenters.all()),
            "organiser": webinar.organiser,
            "time_zone": webinar.time_zone,
            "start": wall(webinar.starts_at),
            "duration_minutes": webinar.duration_minutes,
            "capacity": webinar.capacity,
            "registration_opens": wall(webinar.registration_opens_at),
            "registration_closes": wall(webinar.registration_closes_at),
            "approval_required": webinar.approval_required,
            "guests_allowed": webinar.guests_allowed,
            "backend": webinar.backend,
            "external_url": webinar.external_url,
            "status": webinar.status,
        }

    def clean_external_url(self) -> str:
        url: str = self.cleaned_data.get("external_url") or ""
        if url and not url.lower().startswith("https://"):
            raise ValidationError(_("Use a secure address that starts with https://."))
        return url

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone_name = data.get("time_zone")
        if not zone_name:
            return data
        zone = ZoneInfo(zone_name)
        for field, target in (
            ("start", "starts_at"),
            ("registration_opens", "registration_opens_at"),
            ("registration_closes", "registration_closes_at"),
        ):
            wall = data.get(field)
            if wall is None:
                data[target] = None
                continue
            moment = in_zone(wall, zone)
            if moment is None:
                self.add_error(field, _("The clocks change at that time in this zone: choose another time."))
            data[target] = moment
        starts_at, duration = data.get("starts_at"), data.get("duration_minutes")
        opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes", _("Registration must close after it opens."))
        if starts_at and duration and closes and closes > starts_at + timedelta(minutes=duration):
            self.add_error("registration_closes", _("Registration must close before the webinar ends."))
        if data.get("backend") == Webinar.Backend.EXTERNAL and not data.get("external_url"):
            self.add_error("external_url", _("Give the link to the external room."))
        return data

    def webinar_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        keys = (
            "title",
            "description",
            "language",
            "delivered_in",
            "topics",
            "presenters",
            "organiser",
            "time_zone",
            "starts_at",
            "duration_minutes",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "approval_required",
            "guests_allowed",
            "backend",
            "external_url",
            "status",
        )
        return {key: data[key] for key in keys}


class GuestRegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("Your e-mail address"))
    language = forms.ChoiceField(label=_("Language of our e-mails"), choices=settings.LANGUAGES)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", pgettext_lazy("registration", "Approve")), ("decline", _("Decline"))]
    )


class AttendanceImportForm(forms.Form):
    report = forms.FileField(
        label=_("Participant report (CSV)"),
        help_text=_(
            "A list with an e-mail column, a join time and a leave time, such as the participant report "
            "Zoom or Teams exports. Times without a zone are read in the webinar's zone."
        ),
    )

    def clean_report(self) -> str:
        upload = self.cleaned_data["report"]
        if upload.size > 2 * 1024 * 1024:
            raise ValidationError(_("The file is larger than 2 MB."))
        raw = upload.read()
        for encoding in ("utf-8-sig", "utf-16", "cp1250", "latin-1"):
            try:
                return str(raw.decode(encoding))
            except UnicodeDecodeError:
                continue
        raise ValidationError(_("The file could not be read as text."))


USEFUL_CHOICES = [
    (5, _("5 — very useful")),
    (4, _("4 — useful")),
    (3, _("3 — somewhat useful")),
    (2, _("2 — of little use")),
    (1, _("1 — not useful")),
]


class FeedbackForm(forms.Form):
    """The fixed question every webinar asks, the organiser's own questions, and anonymity."""

    useful = forms.TypedChoiceField(
        label=_("Was this webinar useful for your work?"),
        choices=USEFUL_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how useful it was, from 1 to 5.")},
    )

    def __init__(self, *args: Any, questions: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            name = f"q{question.pk}"
            if question.kind == "choice":
                self.fields[name] = forms.ChoiceField(
                    label=question.text,
                    choices=[(c, c) for c in question.choice_list],
                    widget=forms.RadioSelect,
                    required=question.required,
                )
            elif question.kind == "scale":
                self.fields[name] = forms.TypedChoiceField(
                    label=question.text,
                    choices=[(n, str(n)) for n in range(5, 0, -1)],
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=question.required,
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    max_length=5000,
                    required=question.required,
                )
        self.fields["anonymous"] = forms.BooleanField(
            label=_("Answer anonymously: the organisers see my answers without my name"),
            required=False,
            initial=True,
        )

    def answers(self) -> dict[int, str]:
        return {q.pk: str(self.cleaned_data.get(f"q{q.pk}") or "") for q in self.questions}


class SurveyQuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), max_length=300, required=False)
    kind = forms.ChoiceField(
        label=_("Kind of answer"),
        choices=[
            ("scale", _("A scale from 1 to 5")),
            ("choice", _("One choice from a list")),
            ("text", _("Free text")),
        ],
    )
    choices = forms.CharField(
        label=_("Choices, one per line"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        choices = [c for c in (data.get("choices") or "").splitlines() if c.strip()]
        if data.get("text") and data.get("kind") == "choice" and len(choices) < 2:
            self.add_error("choices", _("Give at least two choices, one per line."))
        return data


SurveyQuestionFormSet = forms.formset_factory(SurveyQuestionForm, extra=3, max_num=20)


class MaterialForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What it is"), choices=[("recording", _("Recording")), ("slides", _("Slides"))]
    )
    file = forms.FileField(label=_("File"), required=False)
    url = forms.URLField(label=_("Or a web address"), required=False, max_length=500, assume_scheme="https")

    MAX_BYTES = 500 * 1024 * 1024

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("file") and not data.get("url"):
            raise ValidationError(_("Upload a file or give a web address."))
        upload = data.get("file")
        if upload is not None and upload.size > self.MAX_BYTES:
            self.add_error("file", _("The file is larger than 500 MB."))
        return data


class ResultsFilterForm(forms.Form):
    group = forms.ChoiceField(
        label=_("Group by"),
        required=False,
        choices=[
            ("webinar", _("Webinar")),
            ("language", _("Language")),
            ("topic", _("Topic")),
            ("presenter", _("Presenter")),
            ("month", _("Month")),
            ("quarter", _("Quarter")),
            ("year", _("Year")),
        ],
    )
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise ValidationError(_("The start of the period is after its end."))
        return data


class PresenterForm(forms.ModelForm):
    class Meta:
        model = Presenter
        fields = ["name", "bio", "photo"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def clean_photo(self) -> Any:
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):  # a new upload, not the stored file
            check_image(photo)
        return photo
