"""Factories for the webinars; the demo data builds from these too."""

from __future__ import annotations

from datetime import UTC, datetime

import factory

from childhub.accounts.tests.factories import OrganisationFactory
from childhub.webinars.models import DEFAULT_REMINDERS, Presenter, Registration, Reminder, Webinar


class PresenterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Presenter

    name = factory.Sequence(lambda n: f"Presenter {n}")
    bio = "Trains social workers in interviewing children."


class WebinarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Webinar
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Listening to children in care ({n})")
    description = "How to hear what a child in care tells us, and act on it."
    language = "en"
    delivered_in = "en"
    organiser = factory.SubFactory(OrganisationFactory)
    starts_at = datetime(2027, 10, 26, 13, 0, tzinfo=UTC)
    duration_minutes = 90
    time_zone = "Europe/Budapest"
    capacity = 100
    status = Webinar.Status.PUBLISHED
    backend = Webinar.Backend.BIGBLUEBUTTON

    @factory.post_generation
    def reminders(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            for minutes in extracted if extracted is not None else DEFAULT_REMINDERS:  # type: ignore[attr-defined]
                Reminder.objects.get_or_create(webinar=self, minutes_before=minutes)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    webinar = factory.SubFactory(WebinarFactory)
    status = Registration.Status.CONFIRMED
