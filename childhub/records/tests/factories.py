"""Factories of the records: certificates as issuing leaves them (valid, without a PDF yet)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from childhub.accounts.tests.factories import UserFactory
from childhub.records.models import Certificate


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    member = factory.SubFactory(UserFactory)
    holder_name = factory.LazyAttribute(lambda c: c.member.public_name if c.member else "")
    kind = Certificate.Kind.WEBINAR_ATTENDANCE
    title = factory.Sequence(lambda n: f"Webinar {n}: listening to children")
    language = "en"
    hours = Decimal("1.50")
    completed_on = dt.date(2026, 11, 25)
    status = Certificate.Status.VALID
    source = factory.Sequence(lambda n: f"tests.activity:{n}")
