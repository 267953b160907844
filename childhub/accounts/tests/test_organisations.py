import pytest
from django.test import Client

from childhub.accounts.models import Organisation
from childhub.accounts.permissions import can_edit_organisation
from childhub.accounts.tests.factories import MembershipFactory, OrganisationFactory, ProfileFactory
from childhub.core.tests.fixtures import client_for


@pytest.mark.django_db
def test_partners_and_funders_are_listed_separately():
    OrganisationFactory(name="Brave Phone", slug="brave-phone", kind=Organisation.Kind.PARTNER, country="HR")
    OrganisationFactory(name="Oak Foundation", slug="oak", kind=Organisation.Kind.FUNDER, country="")
    body = Client().get("/en/organisations/").content.decode()
    assert body.index("Brave Phone") < body.index("Funders") < body.index("Oak Foundation")


@pytest.mark.django_db
def test_organisation_page_shows_its_editors_and_members_that_the_viewer_may_see(member):
    org = OrganisationFactory(
        name="Know How Centre", slug="know-how", kind=Organisation.Kind.PARTNER, country="BG"
    )
    editor = ProfileFactory(
        user__display_name="Editor Elena",
        organisation=org,
        name_visibility="public",
        organisation_visibility="public",
    )
    hidden = ProfileFactory(
        user__display_name="Hidden Hristo",
        organisation=org,
        name_visibility="members",
        organisation_visibility="private",
    )
    MembershipFactory(organisation=org, member=editor.user, role="editor")
    MembershipFactory(organisation=org, member=hidden.user)
    body = Client().get("/en/organisations/know-how/").content.decode()
    assert "Know How Centre" in body and "Editor Elena" in body and "Hidden Hristo" not in body
    assert "Hidden Hristo" not in client_for(member).get("/en/organisations/know-how/").content.decode()


@pytest.mark.django_db
def test_only_its_editors_and_staff_edit_an_organisation(partner_editor, member, staff, staff_without_mfa):
    org = Organisation.objects.get(slug="celcis")
    assert can_edit_organisation(partner_editor, org)
    assert can_edit_organisation(staff, org)
    assert not can_edit_organisation(member, org)
    assert not can_edit_organisation(staff_without_mfa, org)


@pytest.mark.django_db
def test_unknown_organisation_is_a_404():
    assert Client().get("/en/organisations/nope/").status_code == 404
