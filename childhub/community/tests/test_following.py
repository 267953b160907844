"""Following, notifications from the community, expert routing and the 72-hour escalation."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from childhub.accounts.tests.factories import ProfileFactory, verified
from childhub.community import actions
from childhub.community.models import Contribution, ExpertOffer, Follow
from childhub.community.tests.factories import CaseFactory, QuestionFactory
from childhub.core.models import Language, Topic
from childhub.core.tests.fixtures import client_for
from childhub.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _kinds(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def _answer(question, author, body="Try a safe room first."):
    return actions.contribute(
        author=author, kind=Contribution.Kind.ANSWER, parent=question, body=body, language=question.language
    )


def test_an_answer_tells_the_asker_and_followers_but_not_the_answerer(verified_member, expert, other_member):
    question = QuestionFactory(author=verified_member)
    actions.follow(member=other_member, thread=question)
    _answer(question, expert)
    assert _kinds(verified_member) == ["answer"]
    assert _kinds(other_member) == ["answer"]
    assert _kinds(expert) == []
    assert Follow.objects.filter(member=expert, thread=question).exists()  # the answerer now follows


def test_a_held_answer_tells_nobody_until_a_moderator_approves(member, verified_member, moderator):
    question = QuestionFactory(author=verified_member)
    held = _answer(question, member)  # a new member's first answer waits
    assert held.status == Contribution.Status.HELD and _kinds(verified_member) == []
    actions.moderate(contribution=held, moderator=moderator, action="approve", reason="Fine")
    assert _kinds(verified_member) == ["answer"]
    assert _kinds(member) == ["published"]
    actions.moderate(contribution=held, moderator=moderator, action="restore", reason="Again")
    assert _kinds(verified_member) == ["answer"]  # announced once only


def test_a_new_question_tells_followers_of_its_topics_and_of_its_author(
    verified_member, other_member, member
):
    topic = Topic.objects.get(slug="online-safety")
    actions.follow(member=other_member, topic=topic)
    actions.follow(member=member, followed=verified_member)
    actions.contribute(
        author=verified_member,
        kind=Contribution.Kind.QUESTION,
        title="Sexting among pupils: what now?",
        body="How do schools respond?",
        language="en",
        topics=[topic],
    )
    assert _kinds(other_member) == ["topic"]
    assert _kinds(member) == ["member"]


def test_an_anonymous_question_is_not_announced_to_the_authors_followers(verified_member, member):
    actions.follow(member=member, followed=verified_member)
    actions.contribute(
        author=verified_member,
        kind=Contribution.Kind.QUESTION,
        title="A question I keep anonymous",
        body="Details.",
        language="en",
        is_anonymous=True,
    )
    assert _kinds(member) == []


def test_case_discussions_reach_only_verified_followers_and_never_topic_followers(
    verified_member, expert, member
):
    topic = Topic.objects.get(slug="alternative-care")
    actions.follow(member=member, topic=topic)
    case = actions.contribute(
        author=verified_member,
        kind=Contribution.Kind.CASE,
        title="Kinship care case",
        body="How to prepare?",
        language="en",
        topics=[topic],
        case=actions.CaseFields(
            age_band="13-15",
            gender="",
            region="north",
            family_situation="Aunt.",
            services_involved="",
            what_was_done="Visits.",
            summary="Kinship care.",
        ),
    )
    assert _kinds(member) == []
    Follow.objects.create(member=member, thread=case)  # e.g. followed before losing verification
    _answer(case, expert, body="Hear the young person first.")
    assert _kinds(verified_member) == ["case-reply"]
    assert _kinds(member) == []
    notification = Notification.objects.get(recipient=verified_member)
    assert notification.params["title"] == ""  # a case's title never travels in notifications


def _expert(country: str, languages: list[str], topics: list[str]):
    profile = verified(ProfileFactory(country=country, is_expert=True))
    profile.expert_languages.set(Language.objects.filter(code__in=languages))
    profile.expert_topics.set(Topic.objects.filter(slug__in=topics))
    return profile.user


def test_a_new_question_is_offered_to_experts_whose_topics_and_languages_match(verified_member):
    local = _expert("BA", ["bs"], ["juvenile-justice"])
    abroad = _expert("RS", ["bs", "sr"], ["juvenile-justice"])
    wrong_language = _expert("BA", ["en"], ["juvenile-justice"])
    wrong_topic = _expert("BA", ["bs"], ["trafficking"])
    question = actions.contribute(
        author=verified_member,
        kind=Contribution.Kind.QUESTION,
        title="Maloljetnik u postupku: kako?",
        body="Kako pripremiti?",
        language="bs",
        country="BA",
        topics=[Topic.objects.get(slug="juvenile-justice")],
    )
    assert actions.matching_experts(question) == [local, abroad]
    assert set(ExpertOffer.objects.values_list("expert", flat=True)) == {local.pk, abroad.pk}
    assert _kinds(local) == ["expert-question"] and _kinds(wrong_language) == _kinds(wrong_topic) == []


def test_questions_unanswered_for_72_hours_are_escalated_once_to_the_countrys_coordinator(coordinator, staff):
    start = timezone.now()
    waiting = QuestionFactory(country="RS", created_at=start)
    answered = QuestionFactory(country="RS", created_at=start)
    _answer(answered, staff)
    with time_machine.travel(start + timedelta(hours=71)):
        assert actions.escalate_unanswered() == 0
    with time_machine.travel(start + timedelta(hours=73)):
        assert actions.escalate_unanswered() == 1
        assert actions.escalate_unanswered() == 0
    assert _kinds(coordinator) == ["escalation"]
    waiting.refresh_from_db()
    assert waiting.escalated_at is not None


def test_a_question_without_a_coordinator_escalates_to_staff(staff):
    QuestionFactory(country="MD", created_at=timezone.now() - timedelta(days=4))
    assert actions.escalate_unanswered() == 1
    assert _kinds(staff) == ["escalation"]


def test_the_unanswered_queue_shows_a_coordinators_questions_with_their_age(coordinator):
    QuestionFactory(
        country="RS",
        title="Serbian question waiting",
        created_at=timezone.now() - timedelta(hours=80),
        escalated_at=timezone.now(),
    )
    QuestionFactory(country="BA", title="Bosnian question waiting")
    page = client_for(coordinator).get(reverse("community:unanswered_queue")).text
    assert "Serbian question waiting" in page and "Bosnian question waiting" not in page
    assert "3\xa0days" in page and "past the target" in page


def test_the_unanswered_queue_is_closed_to_members(member):
    assert client_for(member).get(reverse("community:unanswered_queue")).status_code == 403


def test_following_and_unfollowing_from_the_pages(verified_member, other_member):
    question = QuestionFactory(author=other_member)
    client = client_for(verified_member)
    client.post(reverse("community:follow_thread", args=[question.pk]))
    client.post(reverse("community:follow_member", args=[question.pk]))
    client.post(reverse("community:follow_topic", args=["trafficking"]))
    assert Follow.objects.filter(member=verified_member).count() == 3
    page = client.get(question.get_absolute_url()).text
    assert "Stop following" in page
    client.post(reverse("community:follow_thread", args=[question.pk]), {"follow": "0"})
    assert not Follow.objects.filter(member=verified_member, thread=question).exists()


def test_members_cannot_follow_a_thread_they_may_not_see(member):
    case = CaseFactory()
    assert client_for(member).post(reverse("community:follow_thread", args=[case.pk])).status_code == 404
    anonymous = QuestionFactory(is_anonymous=True)
    assert client_for(member).post(reverse("community:follow_member", args=[anonymous.pk])).status_code == 404


def test_a_child_at_risk_flag_appears_in_the_safeguarding_inbox(member, staff):
    question = QuestionFactory()
    client_for(member).post(reverse("community:flag", args=[question.pk]), {"reason": "at-risk"})
    assert _kinds(staff) == ["at-risk"]
    assert "at risk" in client_for(staff).get("/en/notifications/").text


def test_accepting_an_answer_tells_its_author(verified_member, expert):
    question = QuestionFactory(author=verified_member)
    answer = _answer(question, expert)
    client_for(verified_member).post(reverse("community:accept", args=[answer.pk]))
    assert "accepted" in _kinds(expert)


def test_the_thread_page_shows_each_follow_separately(verified_member, other_member):
    question = QuestionFactory(author=other_member)
    client = client_for(verified_member)
    name = other_member.public_name
    page = client.get(question.get_absolute_url()).text
    assert "Follow this question" in page and f"Follow {name}" in page
    client.post(reverse("community:follow_member", args=[question.pk]))
    page = client.get(question.get_absolute_url()).text
    assert "Follow this question" in page and f"Stop following {name}" in page
    client.post(reverse("community:follow_thread", args=[question.pk]))
    client.post(reverse("community:follow_member", args=[question.pk]), {"follow": "0"})
    page = client.get(question.get_absolute_url()).text
    assert "Follow this question" not in page and f"Follow {name}" in page
    anonymous = QuestionFactory(author=other_member, is_anonymous=True)
    assert name not in client.get(anonymous.get_absolute_url()).text
