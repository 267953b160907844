"""The survey after a webinar: asked once, anonymous but counted, and the results across webinars."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from childhub.core.models import Topic
from childhub.core.tests.fixtures import client_for
from childhub.webinars import actions, queries
from childhub.webinars.models import FeedbackAnswer, FeedbackReceipt, FeedbackResponse, Registration, Webinar
from childhub.webinars.tests.factories import PresenterFactory, RegistrationFactory, WebinarFactory

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)
AFTER = START + timedelta(hours=3)


@pytest.fixture
def webinar(clock):
    clock.move_to(AFTER, tick=False)
    return WebinarFactory(starts_at=START, title="Child-friendly interviews")


def attended(webinar, member):
    registration = RegistrationFactory(webinar=webinar, member=member)
    actions.record_presence(
        registration=registration, stretches=[(webinar.starts_at, webinar.ends_at)], source="import"
    )
    registration.refresh_from_db()
    return registration


def test_attendees_are_asked_once_in_their_language(webinar, member, other_member, mailoutbox, committing):
    member.language = "bg"
    member.save()
    attended(webinar, member)
    RegistrationFactory(webinar=webinar, member=other_member)  # registered, did not come
    with committing():
        assert actions.send_due_surveys() == 1
        assert actions.send_due_surveys() == 0
    (message,) = mailoutbox
    assert message.to == [member.email]
    assert "полез" in message.subject.lower()  # Bulgarian: "useful"
    assert f"/bg/webinars/{webinar.pk}/feedback/" in message.body


def test_nobody_is_asked_before_the_end(clock, member):
    clock.move_to(AFTER, tick=False)
    webinar = WebinarFactory(starts_at=AFTER + timedelta(days=1))
    registration = RegistrationFactory(webinar=webinar, member=member, attended=True)
    assert actions.send_survey_invitations(webinar=webinar) == 0
    registration.refresh_from_db()
    assert registration.survey_sent_at is None


def test_an_anonymous_answer_names_nobody_but_is_counted(webinar, member):
    registration = attended(webinar, member)
    response = client_for(member).post(
        f"/en/webinars/{webinar.pk}/feedback/", {"useful": "5", "anonymous": "on"}
    )
    assert response.status_code == 302
    stored = FeedbackResponse.objects.get()
    assert stored.member is None and stored.useful == 5
    assert FeedbackReceipt.objects.filter(registration=registration).exists()
    ((_webinar, results),) = queries.webinar_results(Webinar.objects.filter(pk=webinar.pk))
    assert results.responses == 1 and results.found_useful == 1 and results.response_rate == 1


def test_a_named_answer_keeps_the_member(webinar, member):
    attended(webinar, member)
    client_for(member).post(f"/en/webinars/{webinar.pk}/feedback/", {"useful": "3"})
    assert FeedbackResponse.objects.get().member == member


def test_the_survey_is_not_answered_twice(webinar, member):
    registration = attended(webinar, member)
    actions.submit_feedback(registration=registration, useful=4, answers={}, anonymous=True)
    with pytest.raises(actions.AlreadyAnswered):
        actions.submit_feedback(registration=registration, useful=1, answers={}, anonymous=True)
    response = client_for(member).post(f"/en/webinars/{webinar.pk}/feedback/", {"useful": "1"})
    assert response.status_code == 200 and "already" in response.text
    assert FeedbackResponse.objects.count() == 1


def test_only_attendees_answer(webinar, member, other_member):
    RegistrationFactory(webinar=webinar, member=other_member)
    assert client_for(other_member).get(f"/en/webinars/{webinar.pk}/feedback/").status_code == 403
    assert client_for(member).get(f"/en/webinars/{webinar.pk}/feedback/").status_code == 404


def test_a_missing_answer_is_shown_and_what_was_typed_kept(webinar, member):
    attended(webinar, member)
    question = webinar.survey_questions.create(text="What would you change?", kind="text")
    response = client_for(member).post(
        f"/en/webinars/{webinar.pk}/feedback/", {f"q{question.pk}": "More case examples"}
    )
    assert response.status_code == 400
    assert "from 1 to 5" in response.text and "More case examples" in response.text
    assert not FeedbackReceipt.objects.exists()


def test_the_organisers_questions_are_answered_and_summarised(webinar, member, other_member, staff):
    choice = webinar.survey_questions.create(text="Pace?", kind="choice", choices="Too fast\nRight\nToo slow")
    text = webinar.survey_questions.create(text="What would you change?", kind="text")
    for person, pace in ((member, "Right"), (other_member, "Too fast")):
        attended(webinar, person)
        client_for(person).post(
            f"/en/webinars/{webinar.pk}/feedback/",
            {"useful": "4", f"q{choice.pk}": pace, f"q{text.pk}": "<b>More</b> examples", "anonymous": "on"},
        )
    assert FeedbackAnswer.objects.count() == 4
    page = client_for(staff).get(f"/en/webinars/{webinar.pk}/results/")
    assert page.status_code == 200
    assert "&lt;b&gt;More&lt;/b&gt; examples" in page.text
    summary = {entry["question"].text: entry for entry in queries.survey_summary(webinar)}
    assert dict(summary["Pace?"]["counts"]) == {"Too fast": 1, "Right": 1, "Too slow": 0}


def test_questions_already_answered_are_kept_when_the_organiser_edits(webinar, member, staff):
    kept = webinar.survey_questions.create(text="Pace?", kind="scale")
    webinar.survey_questions.create(text="Unanswered", kind="text")
    registration = attended(webinar, member)
    actions.submit_feedback(registration=registration, useful=5, answers={kept.pk: "4"}, anonymous=False)
    data = {"q-TOTAL_FORMS": "1", "q-INITIAL_FORMS": "0", "q-0-text": "Anything else?", "q-0-kind": "text"}
    assert client_for(staff).post(f"/en/webinars/{webinar.pk}/survey/", data).status_code == 302
    assert [q.text for q in webinar.survey_questions.all()] == ["Pace?", "Anything else?"]
    assert FeedbackAnswer.objects.filter(question=kept).exists()


def test_results_by_language_topic_and_presenter(clock, member, other_member, verified_member, staff):
    clock.move_to(AFTER, tick=False)
    abuse = Topic.objects.get_or_create(slug="sexual-abuse")[0]
    presenter = PresenterFactory(name="Ana Petrova")
    english = WebinarFactory(starts_at=START, delivered_in="en")
    bulgarian = WebinarFactory(starts_at=START - timedelta(days=40), delivered_in="bg", language="bg")
    bulgarian.topics.add(abuse)
    bulgarian.presenters.add(presenter)
    for webinar, answers in ((english, {member: 5, other_member: 2}), (bulgarian, {verified_member: 4})):
        for person, useful in answers.items():
            actions.submit_feedback(
                registration=attended(webinar, person), useful=useful, answers={}, anonymous=True
            )
    RegistrationFactory(webinar=english, member=staff)  # registered, did not attend
    RegistrationFactory(
        webinar=english, status=Registration.Status.CANCELLED, member=None, guest_email="x@example.org"
    )
    rows = queries.webinar_results(Webinar.objects.all())
    total = queries.total(rows)
    assert (total.webinars, total.registrations, total.participants, total.responses) == (2, 4, 3, 3)
    assert total.useful_share == pytest.approx(2 / 3)
    by_language = {r.label: r for r in queries.grouped_results(rows, "language")}
    assert by_language["English"].useful_share == 0.5 and by_language["English"].attendance_rate == 2 / 3
    assert {r.label for r in queries.grouped_results(rows, "topic")} == {"Sexual abuse", "—"}
    by_presenter = {r.label: r for r in queries.grouped_results(rows, "presenter")}
    assert by_presenter["Ana Petrova"].found_useful == 1
    assert [r.label for r in queries.grouped_results(rows, "month")] == ["2026-11", "2026-10"]

    response = client_for(staff).get("/en/webinars/results.csv?group=language")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0][0] == "Group" and len(table) == 3
    english_row = next(row for row in table if row[0] == "English")
    assert english_row[1:5] == ["1", "3", "2", "2"] and english_row[-1] == "0.500"


def test_results_list_in_a_constant_number_of_queries(clock, staff, django_assert_max_num_queries):
    clock.move_to(AFTER, tick=False)
    for n in range(12):
        webinar = WebinarFactory(starts_at=START - timedelta(days=n))
        webinar.presenters.add(PresenterFactory())
    client = client_for(staff)
    client.get("/en/webinars/results/")
    with django_assert_max_num_queries(14):
        assert client.get("/en/webinars/results/?group=presenter").status_code == 200


def test_results_are_for_organisers_and_show_only_their_webinars(clock, member, partner_editor, staff):
    clock.move_to(AFTER, tick=False)
    theirs = WebinarFactory(starts_at=START, organiser=partner_editor.organisations.first())
    other = WebinarFactory(starts_at=START)
    assert client_for(member).get("/en/webinars/results/").status_code == 403
    page = client_for(partner_editor).get("/en/webinars/results/")
    assert theirs.title in page.text and other.title not in page.text
    assert client_for(partner_editor).get(f"/en/webinars/{other.pk}/results/").status_code == 403
    assert other.title in client_for(staff).get("/en/webinars/results/").text


def test_a_period_ending_before_it_starts_is_explained(staff, clock):
    response = client_for(staff).get("/en/webinars/results/?start=2026-12-01&end=2026-01-01")
    assert response.status_code == 200 and "after its end" in response.text


def test_a_title_that_looks_like_a_formula_stays_text_in_the_csv(clock, staff):
    clock.move_to(AFTER, tick=False)
    WebinarFactory(starts_at=START, title='=HYPERLINK("http://x")')
    table = client_for(staff).get("/en/webinars/results.csv").content.decode()
    assert "'=HYPERLINK" in table


def test_a_guest_answers_through_their_link(webinar):
    registration = RegistrationFactory(
        webinar=webinar, member=None, guest_name="Guest", guest_email="g@example.org"
    )
    actions.record_presence(registration=registration, stretches=[(START, webinar.ends_at)], source="import")
    from django.test import Client

    response = Client().post(f"/en/webinars/guest/{registration.token}/feedback/", {"useful": "5"})
    assert response.status_code == 302
    assert FeedbackReceipt.objects.filter(registration=registration).exists()
