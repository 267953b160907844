"""The community in a real browser: asking (and meeting the child-identity guard), answering,
accepting and flagging, with axe-core on every page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from childhub.accounts.tests.factories import ProfileFactory, verified
from childhub.community.models import Contribution, Flag, Helpline
from childhub.core.models import Language, Topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery"


def _sign_in(page: Any, email: str) -> None:
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(
        page.get_by_role("navigation", name="Your account").get_by_role("link", name="Sign out")
    ).to_be_visible()


def test_ask_meet_the_guard_answer_accept_and_flag(
    browser: Any, page: Any, live_server: Any, policies: None, assert_accessible: Any
) -> None:
    from childhub.accounts.actions import record_consent

    asker = verified(ProfileFactory(user__display_name="Amra Hodžić", country="BA")).user
    expert_profile = verified(
        ProfileFactory(user__display_name="Marija Ivanova", country="BG", is_expert=True)
    )
    expert_profile.expert_topics.set(Topic.objects.filter(slug="juvenile-justice"))
    expert_profile.expert_languages.set(Language.objects.filter(code="en"))
    expert = expert_profile.user
    for person in (asker, expert):
        record_consent(member=person)
    Helpline.objects.create(country="BA", name="Child helpline", number="116 111")

    _sign_in(page, asker.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Community").click()
    assert_accessible(page)
    page.get_by_role("link", name="Ask a question").first.click()
    assert_accessible(page)
    page.get_by_label("Your question in one sentence").fill(
        "How do we prepare a girl for a police interview?"
    )
    page.get_by_label("Details").fill(
        "She is 12. Her mother is at mother.of.lea@example.org if you can help."
    )
    page.get_by_label("Language of your text").select_option("en")
    page.get_by_label("Country the question is about").select_option("BA")
    page.get_by_role("checkbox", name="Juvenile justice").check()
    page.get_by_role("button", name="Publish").click()

    # The guard stops it, marks the passage and keeps everything that was typed.
    alert = page.get_by_role("alert").filter(has_text="Please check these passages")
    expect(alert).to_be_visible()
    expect(alert.locator("mark.finding").first).to_contain_text("mother.of.lea@example.org")
    expect(page.get_by_label("Your question in one sentence")).to_have_value(
        "How do we prepare a girl for a police interview?"
    )
    assert_accessible(page)
    assert not Contribution.objects.exists()
    page.get_by_label("Details").fill("She is 12 and afraid of the police station. What helped you?")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How do we prepare a girl for a police interview?"
    )
    expect(page.get_by_role("status")).to_contain_text("Published.")
    assert_accessible(page)
    question = Contribution.objects.get(kind="question")
    assert question.status == Contribution.Status.PUBLISHED

    # The matching expert was told, and answers.
    expert_page = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    _sign_in(expert_page, expert.email)
    expert_page.get_by_role("navigation", name="Your account").get_by_role(
        "link", name="Notifications"
    ).click()
    expert_page.get_by_role("link", name=re.compile("A question for your expertise")).click()
    assert_accessible(expert_page)
    expert_page.get_by_role("textbox", name="Your answer").fill(
        "Meet her first in a child-friendly room, with a person she trusts."
    )
    expert_page.get_by_role("button", name="Publish").click()
    expect(expert_page.locator("article.reply")).to_contain_text("child-friendly room")
    expect(expert_page.locator("article.reply .badge-expert")).to_have_text("Expert")
    assert_accessible(expert_page)
    expert_page.context.close()

    # The asker accepts the answer.
    page.reload()
    page.get_by_role("button", name="Accept this answer").click()
    expect(page.locator("article.reply.accepted")).to_contain_text("Accepted answer")
    assert_accessible(page)
    question.refresh_from_db()
    assert question.accepted_answer is not None

    # Flagging that a child may be at risk now shows the country's helplines.
    page.get_by_role("link", name="Flag").first.click()
    assert_accessible(page)
    page.get_by_label("A child may be at risk now").check()
    page.get_by_role("button", name="Send to moderators").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for telling us")
    expect(page.get_by_role("link", name="116 111")).to_be_visible()
    assert_accessible(page)
    assert Flag.objects.get().reason == Flag.Reason.AT_RISK
