"""Factories for shared content."""

from __future__ import annotations

import factory
from django.utils import timezone

from childhub.core.models import PolicyPage


class PolicyPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyPage

    kind = PolicyPage.Kind.TERMS
    version = 1
    language = "en"
    title = factory.LazyAttribute(lambda o: f"{o.kind} v{o.version}")
    body = "The text of the policy."
    published_at = factory.LazyFunction(timezone.now)
