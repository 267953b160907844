"""Factories for the community; the demo-data command builds from these too."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from childhub.accounts.tests.factories import ProfileFactory
from childhub.community.models import CaseDetails, Contribution


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    kind = Contribution.Kind.QUESTION
    author = factory.LazyFunction(lambda: ProfileFactory().user)
    title = factory.Sequence(lambda n: f"How do we support a child who will not speak in court? ({n})")
    body = "We work with a teenager who refuses to talk with the police. What helped you?"
    language = "en"
    country = "BA"
    status = Contribution.Status.PUBLISHED


class PostFactory(QuestionFactory):
    kind = Contribution.Kind.POST
    title = factory.Sequence(lambda n: f"What worked in our family conferences ({n})")
    body = "We tried family group conferences in three municipalities. Here is what we learned."


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    kind = Contribution.Kind.ANSWER
    parent = factory.SubFactory(QuestionFactory)
    author = factory.LazyFunction(lambda: ProfileFactory().user)
    body = "Start with a safe room and a person the child trusts. Explain every step."
    language = factory.SelfAttribute("parent.language")
    status = Contribution.Status.PUBLISHED


class CaseFactory(QuestionFactory):
    class Meta:
        skip_postgeneration_save = True

    kind = Contribution.Kind.CASE
    title = factory.Sequence(lambda n: f"A teenager placed with relatives ({n})")
    body = "How would you prepare the return home?"

    @factory.post_generation
    def details(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            CaseDetails.objects.create(
                case=self,
                age_band=CaseDetails.AgeBand.TEEN,
                region="a town in the north",
                family_situation="Lives with an aunt since the mother left the country.",
                services_involved="Centre for social work, school psychologist.",
                what_was_done="Weekly visits; a care plan agreed with the aunt.",
                summary="Preparing a teenager's return home from kinship care.",
                confirmed_anonymised=True,
                expires_at=timezone.now() + timedelta(days=730),
            )
