"""Community pages through the test client: lists, asking, answering, the guard, anonymity."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from childhub.community import actions
from childhub.community.models import Contribution, Flag, Helpline, Vote
from childhub.community.tests.factories import AnswerFactory, CaseFactory, PostFactory, QuestionFactory
from childhub.core.tests.fixtures import client_for

pytestmark = pytest.mark.django_db

ASK = "/en/community/ask/"


def test_the_community_lists_published_questions_only(client):
    QuestionFactory(title="Published question about foster care")
    QuestionFactory(title="Held question about foster care", status=Contribution.Status.HELD)
    response = client.get("/en/community/")
    assert response.status_code == 200
    assert "Published question about foster care" in response.text
    assert "Held question" not in response.text


def test_the_list_page_makes_the_same_number_of_queries_for_3_or_30_questions(client, member, other_member):
    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/en/community/").status_code == 200
        return len(ctx.captured_queries)

    for question in QuestionFactory.create_batch(3, author=member):
        AnswerFactory(parent=question, author=other_member)
    count()  # the first request fills the caches of topic, country and language names
    few = count()
    for question in QuestionFactory.create_batch(27, author=member):
        AnswerFactory(parent=question, author=other_member)
    assert count() == few


def test_unanswered_shows_only_questions_without_a_published_answer(client):
    answered = QuestionFactory(title="Answered one about schools")
    AnswerFactory(parent=answered)
    QuestionFactory(title="Lonely one about schools")
    response = client.get("/en/community/?show=unanswered")
    assert "Lonely one" in response.text and "Answered one" not in response.text


def test_filters_by_country_and_language(client):
    QuestionFactory(title="Pitanje o hraniteljstvu", language="bs", country="BA")
    QuestionFactory(title="Въпрос за приемна грижа", language="bg", country="BG")
    response = client.get("/en/community/?country=BG&language=bg")
    assert "Въпрос" in response.text and "Pitanje" not in response.text


def test_bad_filters_and_any_search_input_never_fail(client):
    for query in [
        "?page=abc",
        "?show=nonsense",
        "?q=%22%27%20OR%201%3D1",
        "?q=" + "ž" * 5000,
        "?q=😀 AND (",
        "?topic=%00",
    ]:
        assert client.get("/en/community/" + query).status_code in (200, 400), query


def test_search_finds_serbian_latin_and_cyrillic_questions(
    client, verified_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(verified_member).post(
            ASK, {"title": "Како разговарати са децом о насиљу?", "body": "Искуства?", "language": "sr"}
        )
    response = client.get("/en/community/?q=deca")
    assert "Како разговарати" in response.text


def test_visitors_are_asked_to_sign_in_before_asking(client):
    response = client.get(ASK)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_asking_publishes_a_question_for_a_verified_professional(verified_member):
    client = client_for(verified_member)
    response = client.post(
        ASK,
        {
            "title": "How do you prepare a child for court?",
            "body": "Any checklists?",
            "language": "en",
            "country": "BG",
        },
    )
    question = Contribution.objects.get()
    assert response.status_code == 302 and response["Location"] == question.get_absolute_url()
    assert question.status == Contribution.Status.PUBLISHED
    assert client.get(question.get_absolute_url()).status_code == 200


def test_a_question_with_bad_input_keeps_what_was_typed_and_says_why(verified_member):
    response = client_for(verified_member).post(
        ASK, {"title": "Short", "body": "My long careful text about the case."}
    )
    assert response.status_code == 400
    assert "My long careful text about the case." in response.text
    assert "at least 10 characters" in response.text
    assert not Contribution.objects.exists()


def test_errors_are_shown_in_the_members_language(verified_member):
    response = client_for(verified_member).post("/bg/community/ask/", {"title": "", "body": ""})
    assert response.status_code == 400
    assert "Това поле е задължително" in response.text


def test_language_is_detected_when_the_author_leaves_it_empty(verified_member):
    client_for(verified_member).post(
        ASK, {"title": "Si të flasim me fëmijët për dhunën?", "body": "Çfarë ka funksionuar?"}
    )
    assert Contribution.objects.get().language == "sq"


def test_the_guard_stops_a_text_with_contact_details_and_keeps_it(verified_member):
    body = "The girl can be reached at ana.petrovic2012@example.org if you want to talk to her."
    response = client_for(verified_member).post(
        ASK, {"title": "A girl who runs away from home", "body": body, "language": "en"}
    )
    assert response.status_code == 400
    assert "may identify a child" in response.text
    assert 'class="finding"' in response.text
    assert "ana.petrovic2012@example.org" in response.text
    assert not Contribution.objects.exists()


def test_publishing_anyway_needs_a_reason_and_holds_the_text_for_a_moderator(verified_member):
    body = "The girl can be reached at ana.petrovic2012@example.org if you want to talk to her."
    data = {"title": "A girl who runs away from home", "body": body, "language": "en", "publish_anyway": "on"}
    client = client_for(verified_member)
    response = client.post(ASK, data)
    assert response.status_code == 400 and "Please say why" in response.text
    response = client.post(ASK, {**data, "hold_reason": "It is the address of a colleague."})
    question = Contribution.objects.get()
    assert question.status == Contribution.Status.HELD
    assert "email" in question.guard_kinds
    assert client.get(question.get_absolute_url()).status_code == 200  # the author sees it waiting


def test_others_do_not_see_a_held_question(client, verified_member, other_member):
    question = QuestionFactory(status=Contribution.Status.HELD, author=verified_member)
    assert client.get(question.get_absolute_url()).status_code == 404
    assert client_for(other_member).get(question.get_absolute_url()).status_code == 404


def test_an_anonymous_question_shows_a_member_from_the_country_and_moderators_see_who(
    client, verified_member, moderator
):
    verified_member.display_name = "Vesna Ivanova"
    verified_member.save()
    question = QuestionFactory(
        author=verified_member, is_anonymous=True, title="A question I would rather not sign"
    )
    public = client.get(question.get_absolute_url()).text
    assert "a member from Bulgaria" in public and "Vesna Ivanova" not in public
    listing = client.get("/en/community/").text
    assert "Vesna Ivanova" not in listing
    assert "Vesna Ivanova" in client_for(moderator).get(question.get_absolute_url()).text


def test_answering_adds_an_answer_to_the_question(verified_member, expert):
    question = QuestionFactory(author=verified_member)
    response = client_for(expert).post(
        reverse("community:reply", args=[question.pk]), {"body": "Use a child-friendly room."}
    )
    assert response.status_code == 302
    answer = question.children.get()
    assert answer.kind == Contribution.Kind.ANSWER and answer.by_expert
    page = client_for(verified_member).get(question.get_absolute_url()).text
    assert "Use a child-friendly room." in page and "Expert" in page


def test_an_empty_answer_is_refused_with_a_message(verified_member):
    question = QuestionFactory()
    response = client_for(verified_member).post(reverse("community:reply", args=[question.pk]), {"body": ""})
    assert response.status_code == 400
    assert "This field is required" in response.text


def test_comments_on_experience_posts(verified_member):
    post = PostFactory()
    client_for(verified_member).post(
        reverse("community:reply", args=[post.pk]), {"body": "Thank you for sharing."}
    )
    assert post.children.get().kind == Contribution.Kind.COMMENT


def test_markdown_is_rendered_and_sanitised(client):
    question = QuestionFactory(body="**Bold** <script>alert(1)</script> [link](javascript:alert(1))")
    page = client.get(question.get_absolute_url()).text
    assert "<strong>Bold</strong>" in page
    assert "<script>alert" not in page
    assert 'href="javascript' not in page


def test_only_the_asker_or_a_moderator_accepts_an_answer(verified_member, other_member, moderator):
    answer = AnswerFactory(parent=QuestionFactory(author=verified_member))
    url = reverse("community:accept", args=[answer.pk])
    assert client_for(other_member).post(url).status_code == 403
    assert client_for(verified_member).post(url).status_code == 302
    answer.parent.refresh_from_db()
    assert answer.parent.accepted_answer == answer
    assert client_for(moderator).post(url).status_code == 302  # takes it back
    answer.parent.refresh_from_db()
    assert answer.parent.accepted_answer is None


def test_the_accepted_answer_comes_first(client, verified_member):
    question = QuestionFactory(author=verified_member)
    AnswerFactory(parent=question, body="First answer text")
    accepted = AnswerFactory(parent=question, body="Second answer text")
    question.accepted_answer = accepted
    question.save()
    page = client.get(question.get_absolute_url()).text
    assert page.index("Second answer text") < page.index("First answer text")


def test_members_vote_on_answers_but_not_their_own(verified_member, other_member):
    answer = AnswerFactory(author=verified_member)
    url = reverse("community:vote", args=[answer.pk])
    assert client_for(verified_member).post(url, {"value": "1"}).status_code == 403
    assert client_for(other_member).post(url, {"value": "1"}).status_code == 302
    client_for(other_member).post(url, {"value": "1"})  # a double submit takes it back, never counts twice
    assert Vote.objects.count() == 0


def test_the_author_edits_and_another_member_may_not(verified_member, other_member):
    question = QuestionFactory(author=verified_member)
    url = reverse("community:edit", args=[question.pk])
    assert client_for(other_member).get(url).status_code == 403
    response = client_for(verified_member).post(
        url, {"title": "A clearer title for my question", "body": "Clearer.", "language": "en"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.body == "Clearer." and question.revisions.count() == 1


def test_flagging_a_child_at_risk_shows_the_countrys_helplines(verified_member):
    Helpline.objects.create(country="BA", name="Plavi telefon", number="080 05 03 05")
    Helpline.objects.create(country="BG", name="Национална телефонна линия за деца", number="116 111")
    question = QuestionFactory(country="BA")
    response = client_for(verified_member).post(
        reverse("community:flag", args=[question.pk]), {"reason": "at-risk", "note": ""}
    )
    assert response.status_code == 200
    assert "Plavi telefon" in response.text and "116 111" not in response.text
    assert Flag.objects.get().reason == Flag.Reason.AT_RISK


def test_a_flag_without_a_reason_is_refused(verified_member):
    question = QuestionFactory()
    response = client_for(verified_member).post(
        reverse("community:flag", args=[question.pk]), {"note": "bad"}
    )
    assert response.status_code == 200 and "This field is required" in response.text
    assert not Flag.objects.exists()


def test_the_guard_hint_answers_signed_in_members(verified_member, client):
    url = reverse("community:check")
    assert client.post(url, {"text": "x"}).status_code == 403
    response = client_for(verified_member).post(
        url, {"text": "Write to ana.petrovic2012@example.org", "language": "en"}
    )
    assert response.status_code == 200
    assert response.json()["findings"][0]["kind"] == "email"


def test_posting_is_rate_limited_and_slower_after_rejections(verified_member, moderator):
    from childhub.community.views import POSTS_PER_HOUR, POSTS_PER_HOUR_AFTER_REJECTIONS

    client = client_for(verified_member)
    question = QuestionFactory()
    url = reverse("community:reply", args=[question.pk])
    for n in range(POSTS_PER_HOUR):
        assert client.post(url, {"body": f"Answer number {n}"}).status_code == 302
    response = client.post(url, {"body": "One too many"})
    assert response.status_code == 429 and "Please wait a little" in response.text
    assert question.children.count() == POSTS_PER_HOUR

    from django.core.cache import cache

    cache.clear()
    for answer in question.children.all()[:2]:
        actions.moderate(
            contribution=answer, moderator=moderator, action="reject", reason="Identifies a child"
        )
    for n in range(POSTS_PER_HOUR_AFTER_REJECTIONS):
        assert client.post(url, {"body": f"Careful answer {n}"}).status_code == 302
    assert client.post(url, {"body": "Too soon"}).status_code == 429


def test_flagging_is_rate_limited(verified_member):
    from childhub.community.views import FLAGS_PER_HOUR

    client = client_for(verified_member)
    question = QuestionFactory()
    url = reverse("community:flag", args=[question.pk])
    for _ in range(FLAGS_PER_HOUR):
        client.post(url, {"reason": "spam"})
    assert client.post(url, {"reason": "spam"}).status_code == 429
    assert Flag.objects.count() == FLAGS_PER_HOUR
    # A child at risk now is still heard, and the helplines are still shown.
    response = client.post(url, {"reason": "at-risk"})
    assert response.status_code == 200 and "Thank you for telling us" in response.text
    assert Flag.objects.filter(reason=Flag.Reason.AT_RISK).count() == 1


def test_a_thread_shows_each_viewer_their_own_buttons_and_fresh_scores(verified_member, other_member, expert):
    question = QuestionFactory(author=verified_member)
    answer = AnswerFactory(parent=question, author=expert, body="Use a quiet room.")
    url = question.get_absolute_url()
    as_expert = client_for(expert).get(url).text
    assert "Useful" not in as_expert and "Accept this answer" not in as_expert  # their own answer
    as_other = client_for(other_member).get(url).text
    assert "Useful" in as_other and "Accept this answer" not in as_other
    assert 'form="reply-actions"' in as_other and 'id="reply-actions"' in as_other
    client_for(other_member).post(reverse("community:vote", args=[answer.pk]), {"value": "1"})
    as_asker = client_for(verified_member).get(url).text
    assert "1 vote" in as_asker and "Accept this answer" in as_asker
    client_for(verified_member).post(reverse("community:accept", args=[answer.pk]))
    assert "Remove acceptance" in client_for(verified_member).get(url).text
    assert "Accepted answer" in Client().get(url).text


def test_the_threads_own_text_shows_each_viewer_their_controls_and_every_change_at_once(
    verified_member, other_member, moderator
):
    question = QuestionFactory(author=verified_member, title="How to hear a shy child?")
    name = verified_member.public_name
    url = question.get_absolute_url()
    as_asker = client_for(verified_member).get(url).text
    assert reverse("community:edit", args=[question.pk]) in as_asker
    assert f"Follow {name}" not in as_asker and "Follow this question" in as_asker
    as_other = client_for(other_member).get(url).text
    assert reverse("community:edit", args=[question.pk]) not in as_other
    assert reverse("community:moderate", args=[question.pk]) not in as_other
    assert f"Follow {name}" in as_other
    # The follow buttons submit the page's one form (the kept text holds no CSRF token).
    assert (
        f'form="reply-actions" formaction="{reverse("community:follow_member", args=[question.pk])}"'
        in as_other
    )
    assert reverse("community:moderate", args=[question.pk]) in client_for(moderator).get(url).text

    client_for(other_member).post(reverse("community:follow_member", args=[question.pk]), {"follow": "1"})
    assert f"Stop following {name}" in client_for(other_member).get(url).text
    assert f"Follow {name}" in client_for(moderator).get(url).text

    client_for(verified_member).post(
        reverse("community:edit", args=[question.pk]),
        {"title": "How to hear a very shy child?", "body": "Edited: she is seven.", "language": "en"},
    )
    for viewer in (other_member, moderator):
        page = client_for(viewer).get(url).text
        assert "How to hear a very shy child?" in page and "Edited: she is seven." in page
    actions.moderate(contribution=question, moderator=moderator, action="hide", reason="Off topic")
    assert "Hidden by a moderator" in client_for(moderator).get(url).text
    assert client_for(other_member).get(url).status_code == 404


def test_a_redacted_case_shows_no_detail_it_showed_before(verified_member, expert):
    case = CaseFactory(author=verified_member)
    AnswerFactory(parent=case, body="In my experience the aunt should be heard first.")
    url = case.get_absolute_url()
    with time_machine.travel(timezone.now() + timedelta(days=731)):
        assert "aunt" in client_for(expert).get(url).text  # (the page cache's clock moved too)
        assert actions.redact_expired_cases() == 1
        page = client_for(expert).get(url).text
    assert "aunt" not in page and "[redacted after the retention period]" in page


def test_the_lists_total_is_kept_for_a_minute_and_its_rows_are_read_fresh(verified_member):
    for n in range(3):
        QuestionFactory(title=f"Kept question {n}")
    browser = client_for(verified_member)
    assert "Kept question 2" in browser.get("/en/community/?show=unanswered").text
    with CaptureQueriesContext(connection) as again:
        browser.get("/en/community/?show=unanswered")
    assert not [q for q in again.captured_queries if q["sql"].startswith('SELECT COUNT(*) AS "__count"')]
    QuestionFactory(title="A question asked a moment ago")
    assert "A question asked a moment ago" in browser.get("/en/community/?show=unanswered").text
