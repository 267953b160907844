"""Factories for members and organisations; the demo-data command builds from these too."""

from __future__ import annotations

import factory
from django.utils import timezone

from childhub.accounts.models import Membership, Organisation, Profile, User, Visibility


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    display_name = factory.Faker("name")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def verified_email(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )
            self.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.MEMBER
    country = "RS"


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    profession = Profile.Profession.SOCIAL_WORKER
    country = "BA"
    name_visibility = Visibility.MEMBERS


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership
        django_get_or_create = ("organisation", "member")

    organisation = factory.SubFactory(OrganisationFactory)
    member = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER


def verified(profile: Profile) -> Profile:
    profile.verified_at = timezone.now()
    profile.save(update_fields=["verified_at"])
    return profile
