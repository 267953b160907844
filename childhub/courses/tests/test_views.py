"""Course pages through the test client: catalogue, a course, lessons, languages, permissions."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from childhub.accounts.models import Organisation
from childhub.core.models import Topic
from childhub.core.tests.fixtures import client_for
from childhub.courses import actions, queries
from childhub.courses.models import Course, Enrolment, Lesson, Reflection
from childhub.courses.tests.helpers import add_reflection, build_course, lessons_of, modules_of, translate

pytestmark = pytest.mark.django_db


# The catalogue


def test_the_catalogue_lists_published_courses_once_each_in_the_readers_language(client):
    course = build_course(1, title="Participation")
    translate(course, "bg", title="Участие")
    build_course(1, title="Secret draft", status=Course.Status.DRAFT)
    english = client.get("/en/courses/").text
    assert "Participation" in english and "Участие" not in english and "Secret draft" not in english
    assert "Участие" in client.get("/en/courses/?language=bg").text


def test_the_catalogue_filters_by_topic_audience_and_issuer(client):
    topic, _ = Topic.objects.get_or_create(slug="child-participation")
    tagged = build_course(1, title="Tagged course", audience="Judges and prosecutors")
    tagged.topics.add(topic)
    other = build_course(1, title="Other course", audience="Teachers")
    by_topic = client.get("/en/courses/?topic=child-participation").text
    assert "Tagged course" in by_topic and "Other course" not in by_topic
    by_audience = client.get("/en/courses/?audience=teach").text
    assert "Other course" in by_audience and "Tagged course" not in by_audience
    by_issuer = client.get(f"/en/courses/?issuer={other.issuer.slug}").text
    assert "Other course" in by_issuer and "Tagged course" not in by_issuer


def test_bad_catalogue_filters_never_fail(client):
    build_course(1)
    for query in ("?language=xx", "?topic=%00", "?issuer=nobody", "?page=999", "?audience=" + "x" * 500):
        assert client.get("/en/courses/" + query).status_code == 200


def test_titles_are_escaped_everywhere(member):
    course = build_course(1, title="<script>alert(1)</script>Course")
    lesson = lessons_of(course)[0]
    lesson.title = "<img src=x onerror=alert(1)>"
    lesson.save()
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    for url in ("/en/courses/", course.get_absolute_url(), lesson.get_absolute_url(), "/en/courses/my/"):
        html = browser.get(url).text
        assert "<script>alert(1)" not in html and "<img src=x" not in html


def test_lesson_text_is_sanitised_when_shown(member):
    course = build_course(1)
    lesson = lessons_of(course)[0]
    lesson.blocks.update(body='<p onclick="steal()">Hello</p><script>steal()</script>')
    actions.enrol(learner=member, course=course)
    html = client_for(member).get(lesson.get_absolute_url()).text
    assert "Hello" in html and "steal()" not in html


@pytest.mark.parametrize("url", ["/en/courses/", "/en/courses/my/"])
def test_list_pages_make_as_many_queries_for_12_courses_as_for_3(member, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    browser = client_for(member)
    topic, _ = Topic.objects.get_or_create(slug="child-participation")

    def add(n):
        for _ in range(n):
            course = build_course(2, 1)
            course.topics.add(topic)
            translate(course, "bg")
            enrolment = actions.enrol(learner=member, course=course)
            actions.view_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert browser.get(url).status_code == 200
        return len(ctx.captured_queries)

    add(3)
    browser.get(url)  # warm the per-process caches (policies, topic names)
    three = count()
    add(9)
    with django_assert_max_num_queries(three):
        assert browser.get(url).status_code == 200


# Enrolling, progress and resuming


def test_a_member_enrols_with_one_click_and_starts_at_the_first_lesson(member):
    course = build_course(2)
    browser = client_for(member)
    assert "Enrol" in browser.get(course.get_absolute_url()).text
    response = browser.post(f"{course.get_absolute_url()}enrol/")
    assert response.status_code == 302 and response["Location"] == lessons_of(course)[0].get_absolute_url()
    assert Enrolment.objects.filter(learner=member, course_key=course.translation_key).exists()


def test_a_visitor_is_asked_to_sign_in_to_enrol(client):
    course = build_course(1)
    assert "Sign in to enrol" in client.get(course.get_absolute_url()).text
    response = client.post(f"{course.get_absolute_url()}enrol/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Enrolment.objects.exists()


def test_a_member_not_enrolled_is_sent_to_the_course_page_from_a_lesson(member):
    course = build_course(1)
    response = client_for(member).get(lessons_of(course)[0].get_absolute_url())
    assert response.status_code == 302 and response["Location"] == course.get_absolute_url()


def test_progress_is_shown_per_module_and_in_my_courses(member):
    course = build_course(3, 1, title="My course")
    enrolment = actions.enrol(learner=member, course=course)
    first, second, _third, _fourth = lessons_of(course)
    actions.view_lesson(enrolment=enrolment, lesson=first)
    actions.view_lesson(enrolment=enrolment, lesson=second)
    browser = client_for(member)
    detail = browser.get(course.get_absolute_url()).text
    assert "2 of 3 lessons done" in detail and "0 of 1 lessons done" in detail
    mine = browser.get("/en/courses/my/").text
    assert "My course" in mine and "2 of 4 lessons done" in mine


def test_the_course_page_resumes_at_the_last_lesson_and_video_position(member, clock):
    course = build_course(3)
    enrolment = actions.enrol(learner=member, course=course)
    first, second, _third = lessons_of(course)
    actions.view_lesson(enrolment=enrolment, lesson=first)
    actions.view_lesson(enrolment=enrolment, lesson=second)
    clock.shift(200)
    actions.record_time(enrolment=enrolment, lesson=second, seconds=200, position=125)
    browser = client_for(member)
    detail = browser.get(course.get_absolute_url()).text
    assert f'href="{second.get_absolute_url()}"' in detail.split("Continue where you left off")[0][-300:]
    assert "at 2:05 in the video" in detail
    second.blocks.update(kind="video", embed_url="https://www.youtube.com/watch?v=abcdefgh123")
    lesson_page = browser.get(second.get_absolute_url()).text
    assert "https://www.youtube-nocookie.com/embed/abcdefgh123?start=125" in lesson_page


def test_the_script_reports_time_and_position_and_bad_numbers_are_refused(member, clock):
    course = build_course(1)
    lesson = lessons_of(course)[0]
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    browser.get(lesson.get_absolute_url())
    clock.shift(40)
    url = f"{lesson.get_absolute_url()}progress/"
    assert browser.post(url, {"seconds": "30", "position": "61.7"}).json()["seconds"] == 30
    assert browser.post(url, {"seconds": "-3"}).status_code == 400
    assert browser.post(url, {"seconds": "lots"}).status_code == 400
    enrolment = Enrolment.objects.get()
    assert enrolment.last_position == 61


def test_next_without_javascript_completes_an_opened_lesson_and_goes_on(member):
    course = build_course(2)
    first, second = lessons_of(course)
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    browser.get(first.get_absolute_url())
    response = browser.post(f"{first.get_absolute_url()}done/")
    assert response.status_code == 302 and response["Location"] == second.get_absolute_url()


def test_done_on_an_unmet_rule_says_what_is_missing(member):
    course = build_course(1)
    lesson = lessons_of(course)[0]
    add_reflection(lesson)
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    browser.get(lesson.get_absolute_url())
    page = browser.post(f"{lesson.get_absolute_url()}done/", follow=True).text
    assert "Write your reflection to complete this lesson." in page


def test_a_locked_module_says_what_to_complete_first(member):
    course = build_course(1, 1)
    foundation, practice = modules_of(course)
    practice.prerequisites.add(foundation)
    actions.enrol(learner=member, course=course)
    response = client_for(member).get(lessons_of(course)[1].get_absolute_url())
    assert response.status_code == 403 and "Module 1" in response.text


def test_completing_the_course_shows_the_certificate_status(member, partner_editor, committing):
    celcis = Organisation.objects.get(slug="celcis")
    course = build_course(1, co_issuer=celcis, co_issuer_approves=True)
    lesson = lessons_of(course)[0]
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    with committing():
        lesson_page = browser.get(lesson.get_absolute_url()).text
    assert (
        "you have completed the course" in lesson_page
        and "waits for the co-issuer&#x27;s approval" in lesson_page
    )
    page = browser.get(course.get_absolute_url()).text
    assert "You completed this course" in page and "waits for approval by CELCIS" in page
    assert "waits for approval by CELCIS" in browser.get("/en/courses/my/").text


# Languages


def test_switching_language_keeps_progress(member):
    course = build_course(2)
    bulgarian = translate(course, "bg", title="Участие")
    first, _second = lessons_of(course)
    enrolment = actions.enrol(learner=member, course=course)
    actions.view_lesson(enrolment=enrolment, lesson=first)
    browser = client_for(member)
    response = browser.post(
        f"{course.get_absolute_url()}language/", {"language": "bg", "next": "/en/courses/"}
    )
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.language == "bg"
    detail = browser.get(course.get_absolute_url()).text
    assert "Участие" in detail and "1 of 2 lessons done" in detail
    assert queries.completed_lessons(enrolment) == {first.key}
    assert bulgarian.translation_key == course.translation_key


def test_a_missing_translation_falls_back_to_the_original_with_a_note(member):
    course = build_course(2)
    translate(course, "bg", skip=(1,))
    first, second = lessons_of(course)
    enrolment = actions.enrol(learner=member, course=course)
    actions.switch_language(enrolment=enrolment, course=Course.objects.get(language="bg"))
    browser = client_for(member)
    translated = browser.get(first.get_absolute_url()).text
    assert "Lesson 1.1 [bg]" in translated
    fallback = browser.get(second.get_absolute_url()).text
    assert "Lesson 1.2" in fallback and "not yet translated into Bulgarian" in fallback
    assert "not translated: shown in the original" in fallback


def test_an_outdated_translation_is_marked_as_such(member):
    course = build_course(1)
    translate(course, "bg")
    lesson = lessons_of(course)[0]
    Lesson.objects.filter(pk=lesson.pk).update(revision=2)
    actions.enrol(learner=member, course=course)
    assert "translation out of date" in client_for(member).get(lesson.get_absolute_url()).text


def test_lang_in_the_address_shows_that_version(client):
    course = build_course(1, title="Participation")
    translate(course, "bg", title="Участие")
    assert "Участие" in client.get(f"{course.get_absolute_url()}?lang=bg").text
    assert "Participation" in client.get(course.get_absolute_url()).text


# Permissions


def test_a_reflection_is_visible_to_its_writer_only(member, other_member):
    course = build_course(1)
    lesson = lessons_of(course)[0]
    block = add_reflection(lesson)
    actions.save_reflection(
        enrolment=actions.enrol(learner=member, course=course), block=block, text="My private thought"
    )
    actions.enrol(learner=other_member, course=course)
    assert "My private thought" in client_for(member).get(lesson.get_absolute_url()).text
    assert "My private thought" not in client_for(other_member).get(lesson.get_absolute_url()).text


def test_saving_an_empty_reflection_is_refused_with_a_message(member):
    course = build_course(1)
    lesson = lessons_of(course)[0]
    block = add_reflection(lesson)
    actions.enrol(learner=member, course=course)
    response = client_for(member).post(f"{lesson.get_absolute_url()}reflection/{block.key}/", {"text": "  "})
    assert response.status_code == 400 and "Write your reflection before saving it." in response.text
    assert not Reflection.objects.exists()


def test_a_draft_is_hidden_from_visitors_and_members(client, member):
    course = build_course(1, status=Course.Status.DRAFT)
    assert client.get(course.get_absolute_url()).status_code == 404
    assert client_for(member).get(course.get_absolute_url()).status_code == 404
    assert client_for(member).post(f"{course.get_absolute_url()}enrol/").status_code == 404


def test_the_issuers_partner_editor_and_staff_preview_a_draft(partner_editor, staff):
    celcis = Organisation.objects.get(slug="celcis")
    course = build_course(1, status=Course.Status.DRAFT, issuer=celcis)
    lesson = lessons_of(course)[0]
    for user in (partner_editor, staff):
        browser = client_for(user)
        assert browser.get(course.get_absolute_url()).status_code == 200
        page = browser.get(lesson.get_absolute_url())
        assert page.status_code == 200 and "Preview: your progress is not recorded." in page.text
    assert not Enrolment.objects.exists()


def test_a_partner_editor_of_another_organisation_cannot_preview_a_draft(partner_editor):
    course = build_course(1, status=Course.Status.DRAFT)  # issued by another organisation
    assert client_for(partner_editor).get(course.get_absolute_url()).status_code == 404


def test_staff_without_mfa_cannot_preview_a_draft(staff_without_mfa):
    course = build_course(1, status=Course.Status.DRAFT)
    assert client_for(staff_without_mfa).get(course.get_absolute_url()).status_code == 404


def test_my_courses_needs_an_account(client):
    response = client.get("/en/courses/my/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_progress_endpoint_refuses_who_is_not_enrolled(member, client):
    course = build_course(1)
    url = f"{lessons_of(course)[0].get_absolute_url()}progress/"
    assert client_for(member).post(url, {"seconds": "10"}).status_code == 403


def test_reopening_the_lesson_being_read_takes_no_lock_and_writes_only_when_it_was_seen(member, clock):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    course = build_course(2)
    first, _second = lessons_of(course)
    enrolment = actions.enrol(learner=member, course=course)
    browser = client_for(member)
    browser.get(first.get_absolute_url())  # first view: recorded, and complete (opened)
    assert Enrolment.objects.get().last_lesson_key == first.key
    clock.shift(300)
    with CaptureQueriesContext(connection) as captured:
        assert browser.get(first.get_absolute_url()).status_code == 200
    sqls = [q["sql"] for q in captured.captured_queries]
    assert [sql for sql in sqls if sql.startswith(("INSERT", "UPDATE")) and "courses_" in sql] == []
    # Read once to show the page, never again (locked) to record the visit.
    assert len([sql for sql in sqls if 'FROM "courses_enrolment"' in sql]) == 1
    assert cache.get(actions._seen_key(enrolment, first.key)) == timezone.now().timestamp()


def test_a_lesson_shown_again_within_a_minute_keeps_the_time_it_was_seen(member, clock):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    course = build_course(2)
    first, _second = lessons_of(course)
    enrolment = actions.enrol(learner=member, course=course)
    browser = client_for(member)
    browser.get(first.get_absolute_url())
    seen = timezone.now().timestamp()
    clock.shift(59)
    with CaptureQueriesContext(connection) as captured:
        assert browser.get(first.get_absolute_url()).status_code == 200
    assert not [q for q in captured.captured_queries if q["sql"].startswith(("INSERT", "UPDATE", "BEGIN"))]
    assert cache.get(actions._seen_key(enrolment, first.key)) == seen
    # A time report now counts the 59 seconds since it was seen, not since the reload.
    url = f"{first.get_absolute_url()}progress/"
    browser.post(url, {"seconds": "3600"})
    assert enrolment.progress.get(lesson_key=first.key).seconds_spent == 59
    clock.shift(61)
    browser.get(first.get_absolute_url())
    assert cache.get(actions._seen_key(enrolment, first.key)) == timezone.now().timestamp()


def test_reopening_an_earlier_lesson_makes_it_the_resume_point_again(member):
    course = build_course(2)
    first, second = lessons_of(course)
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    browser.get(first.get_absolute_url())
    browser.get(second.get_absolute_url())
    browser.get(first.get_absolute_url())
    assert Enrolment.objects.get().last_lesson_key == first.key


def test_reopening_a_course_whose_remaining_lessons_were_removed_completes_it(member):
    course = build_course(2)
    first, second = lessons_of(course)
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    browser.get(first.get_absolute_url())
    second.delete()  # the authors removed the lesson the learner had not opened
    browser.get(first.get_absolute_url())
    assert Enrolment.objects.get().completed_at is not None


def test_the_first_view_of_an_opened_lesson_shows_it_done_at_once(member):
    course = build_course(2)
    first, _second = lessons_of(course)
    actions.enrol(learner=member, course=course)
    page = client_for(member).get(first.get_absolute_url()).text
    assert "✓ Done" in page


def test_the_learner_s_language_buttons_submit_the_form_beside_the_list(member):
    course = build_course(1)
    translate(course, "bg")
    enrolment = actions.enrol(learner=member, course=course)
    url = lessons_of(course)[0].get_absolute_url()
    page = client_for(member).get(url).text
    form = re.search(r'<form id="switch-language" method="post" action="([^"]+)" hidden>(.*?)</form>', page)
    assert form is not None and "csrfmiddlewaretoken" in form.group(2)
    assert f'name="next" value="{url}"' in form.group(2)
    assert 'form="switch-language" name="language" value="bg"' in page
    assert 'form="switch-language" name="language" value="en"' not in page  # the one being read
    response = client_for(member).post(form.group(1), {"language": "bg", "next": url})
    assert response.status_code == 302 and response["Location"] == url
    enrolment.refresh_from_db()
    assert enrolment.language == "bg"
    # A reader who is not enrolled follows links.
    visitor_page = Client().get(course.get_absolute_url()).text
    assert 'href="?lang=bg"' in visitor_page and "switch-language" not in visitor_page
