"""What a visitor and a member do, in a real browser, with axe-core on every page they see."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from playwright.sync_api import expect

from childhub.accounts.models import Organisation, Profile, User, Visibility
from childhub.accounts.tests.factories import OrganisationFactory, ProfileFactory, verified
from childhub.core.countries import country_name
from childhub.core.languages import language_name
from childhub.core.models import Language, Topic
from childhub.library.actions import index_resource, process_resource_file
from childhub.library.tests.factories import ResourceFactory, make_pdf

pytestmark = [
    pytest.mark.browser,
    # The live server sees only committed data; the data migrations' languages and topics are
    # restored for each test because a transactional test flushes the tables afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Blue-kettle-on-the-Danube-7"
CONFIRM_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+/")


def _in(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def _confirmation_link(mail_dir: Path, address: str) -> str:
    messages = [path.read_text() for path in sorted(mail_dir.iterdir())]
    to_member = [text for text in messages if f"To: {address}" in text]
    assert len(to_member) == 1, f"expected one e-mail to {address}, found {len(to_member)} in {mail_dir}"
    links = CONFIRM_LINK.findall(to_member[0])
    assert links, f"no confirmation link in:\n{to_member[0]}"
    return links[0]


def test_a_visitor_joins_verifies_completes_the_profile_and_switches_language(
    page: Any, policies: None, settings: Any, tmp_path: Path, assert_accessible: Any
) -> None:
    mail_dir = tmp_path / "mail"
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(mail_dir)
    address = "mira.petrova@example.org"

    page.goto("/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)

    page.get_by_role("navigation", name="Your account").get_by_role("link", name="Join").click()
    expect(page).to_have_url(re.compile(r"/en/accounts/signup/$"))
    assert_accessible(page)
    page.get_by_label("Email").fill(address)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD + "!")
    page.get_by_label("Your name as colleagues will see it").fill("Mira Petrova")
    page.get_by_label("I accept the Terms of use").check()
    page.get_by_label("I accept the Ethical Charter").check()
    page.get_by_label("I accept the Child Protection Policy").check()
    page.get_by_role("button", name="Sign Up").click()

    # A typing slip: the form says what is wrong and keeps what was typed.
    expect(page.get_by_text("You must type the same password each time.")).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value(address)
    expect(page.get_by_label("Your name as colleagues will see it")).to_have_value("Mira Petrova")
    assert_accessible(page)
    assert not User.objects.filter(email=address).exists()
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    for consent in ("Terms of use", "Ethical Charter", "Child Protection Policy"):
        page.get_by_label(f"I accept the {consent}").check()
    page.get_by_role("button", name="Sign Up").click()

    expect(page).to_have_url(re.compile(r"/en/accounts/confirm-email/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify")
    assert_accessible(page)
    member = User.objects.get(email=address)
    assert member.display_name == "Mira Petrova"
    assert not member.emailaddress_set.get().verified

    page.goto(_confirmation_link(mail_dir, address))
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()

    account = page.get_by_role("navigation", name="Your account")
    expect(account.get_by_role("link", name="Mira Petrova")).to_be_visible()
    expect(account.get_by_role("link", name="Sign out")).to_be_visible()
    assert member.emailaddress_set.get().verified
    assert_accessible(page)

    page.goto("/en/me/profile/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit profile")
    assert_accessible(page)
    page.get_by_role("combobox", name="Profession").select_option(label="Psychologist")
    page.get_by_role("combobox", name="Country").select_option(label="Bulgaria")
    page.get_by_role("checkbox", name="Bulgarian").check()
    page.get_by_role("checkbox", name="Online safety").check()
    page.get_by_role("button", name="Save profile").click()

    profile = Profile.objects.get(user=member)
    expect(page).to_have_url(re.compile(rf"/en/members/{profile.pk}/$"))
    expect(page.get_by_role("status")).to_contain_text("Your profile is saved.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mira Petrova")
    facts = page.locator("dl.facts")
    for shown in ("Psychologist", "Bulgaria", "Bulgarian", "Online safety"):
        expect(facts).to_contain_text(shown)
    assert_accessible(page)
    profile.refresh_from_db()
    assert (profile.profession, profile.country) == ("psychologist", "BG")
    assert [lang.code for lang in profile.languages.all()] == ["bg"]
    assert [topic.slug for topic in profile.topics.all()] == ["online-safety"]

    # The switcher's links carry each language's own name; the page then speaks that language:
    # its interface strings come from the catalogue, country and language names from CLDR.
    for code, autonym in (("bg", "Български"), ("sr-latn", "Srpski (latinica)")):
        page.get_by_role("contentinfo").get_by_role("link", name=autonym, exact=True).click()
        expect(page).to_have_url(re.compile(rf"/{code}/members/{profile.pk}/$"))
        expect(page.locator("html")).to_have_attribute("lang", code)
        expect(page.get_by_role("heading", level=1)).to_have_text("Mira Petrova")
        expect(page.locator("footer [aria-current]")).to_have_text(autonym)
        expect(
            page.get_by_role("main").get_by_role("link", name=_in(code, "Edit profile"), exact=True)
        ).to_be_visible()
        for shown in (country_name("BG", code), language_name("bg", code)):
            assert shown not in ("Bulgaria", "Bulgarian")
            expect(facts).to_contain_text(shown)
        assert_accessible(page)
        member.refresh_from_db()
        assert member.language == code


@pytest.fixture
def hub_content(policies: None) -> dict[str, Any]:
    """Organisations of each kind and a verified expert whose card everyone may see."""
    partner = OrganisationFactory(
        slug="tdh", name="Terre des hommes", kind=Organisation.Kind.PARTNER, country="HU"
    )
    OrganisationFactory(slug="save-ro", name="Salvati Copiii", kind=Organisation.Kind.MEMBER, country="RO")
    OrganisationFactory(slug="fund", name="A Foundation", kind=Organisation.Kind.FUNDER, country="CH")
    expert = verified(
        ProfileFactory(
            user__display_name="Ana Ionescu",
            organisation=partner,
            country="RO",
            is_expert=True,
            name_visibility=Visibility.PUBLIC,
            organisation_visibility=Visibility.PUBLIC,
            country_visibility=Visibility.PUBLIC,
        )
    )
    expert.expert_topics.set(Topic.objects.filter(slug__in=["trafficking", "online-safety"]))
    expert.expert_languages.set(Language.objects.filter(code__in=["ro", "en"]))
    guide = ResourceFactory(
        title="Participation guide",
        kind="document",
        url="",
        organisation=partner,
        language="en",
        summary="How children take part in decisions.",
        file_type="application/pdf",
        year=2021,
    )
    guide.file.save("guide.pdf", ContentFile(make_pdf(["Participation guide"])))
    guide.topics.set(Topic.objects.filter(slug="child-participation"))
    process_resource_file(resource_id=guide.pk)
    ResourceFactory(title="Vodič za participaciju", language="bs", translation_key=guide.translation_key)
    practice = ResourceFactory(
        title="School mediators",
        kind="practice",
        practice_context="Villages.",
        practice_action="Mediators.",
    )
    index_resource(resource_id=practice.pk)
    return {"partner": partner, "expert": expert, "guide": guide, "practice": practice}


PUBLIC_PAGES = [
    "/en/",
    "/en/about/",
    "/en/members/",
    "/en/experts/",
    "/en/organisations/",
    "/en/organisations/tdh/",
    "/en/policies/",
    "/en/policies/terms/",
    "/en/library/",
    "/en/library/?q=participation",
    "/en/library/?language=en&kind=document",
    "/en/community/",
    "/en/community/?show=unanswered",
    "/en/impact/",
    "/en/impact/methods/",
]
SIGN_IN_PAGES = ["/en/accounts/login/", "/en/accounts/signup/", "/en/accounts/password/reset/"]
MEMBER_PAGES = [
    "/en/me/profile/",
    "/en/me/verification/",
    "/en/me/consent/",
    "/en/me/data/",
    "/en/accounts/email/",
    "/en/accounts/password/change/",
    "/en/accounts/2fa/",
    "/en/library/new/",
    "/en/library/mine/",
    "/en/community/ask/",
    "/en/community/share/",
    "/en/notifications/",
    "/en/notifications/email/",
]


def _visit(page: Any, path: str, assert_accessible: Any) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path} answered {response and response.status}"
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_main_pages_have_no_accessibility_violations_for_a_visitor(
    page: Any, hub_content: dict[str, Any], assert_accessible: Any
) -> None:
    for path in [*PUBLIC_PAGES, *SIGN_IN_PAGES]:
        _visit(page, path, assert_accessible)
        if path in ("/en/members/", "/en/experts/"):
            expect(page.get_by_role("link", name="Ana Ionescu")).to_be_visible()
    _visit(page, f"/en/members/{hub_content['expert'].pk}/", assert_accessible)
    for key in ("guide", "practice"):
        _visit(page, f"/en/library/{hub_content[key].pk}/", assert_accessible)
    expect(
        page.get_by_role("navigation", name="Your account").get_by_role("link", name="Sign in")
    ).to_be_visible()

    response = page.goto("/en/no-such-page/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert_accessible(page)


def test_main_pages_have_no_accessibility_violations_for_a_member(
    page: Any, member: Any, hub_content: dict[str, Any], assert_accessible: Any
) -> None:
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(member.email)
    page.get_by_label(re.compile(r"^Password:?$")).fill("correct horse battery")
    page.get_by_role("button", name="Sign In").click()
    account = page.get_by_role("navigation", name="Your account")
    expect(account.get_by_role("link", name="Sign out")).to_be_visible()
    assert_accessible(page)

    for path in [
        *PUBLIC_PAGES,
        f"/en/members/{hub_content['expert'].pk}/",
        f"/en/members/{member.pk}/",
        *MEMBER_PAGES,
    ]:
        _visit(page, path, assert_accessible)

    response = page.goto("/en/no-such-page/")
    assert response is not None and response.status == 404
    expect(account.get_by_role("link", name="Sign out")).to_be_visible()
    assert_accessible(page)
