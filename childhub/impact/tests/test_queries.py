"""Each impact figure on small hand-made data where the answer is known."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from childhub.accounts.actions import erase_account
from childhub.accounts.tests.factories import ProfileFactory
from childhub.community.models import Contribution
from childhub.community.tests.factories import AnswerFactory, CaseFactory, QuestionFactory
from childhub.courses.tests.factories import CourseFactory, EnrolmentFactory
from childhub.impact import queries
from childhub.impact.queries import Period, protect
from childhub.library.models import Download, Resource
from childhub.library.tests.factories import ResourceFactory
from childhub.records.models import Certificate
from childhub.records.tests.factories import CertificateFactory
from childhub.webinars.actions import record_presence
from childhub.webinars.models import FeedbackReceipt, FeedbackResponse, Presence, Registration, Webinar
from childhub.webinars.tests.factories import PresenterFactory, RegistrationFactory, WebinarFactory

YEAR = Period.of_days(date(2025, 1, 1), date(2025, 12, 31))
MARCH = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)

pytestmark = pytest.mark.django_db


def joined(user: Any, when: datetime) -> Any:
    user.date_joined = when
    user.save(update_fields=["date_joined"])
    return user


def attend(registration: Registration, *stretches: tuple[int, int]) -> Registration:
    """Present in the room from minute a to minute b of the webinar, for each (a, b)."""
    start = registration.webinar.starts_at
    return record_presence(
        registration=registration,
        stretches=[(start + timedelta(minutes=a), start + timedelta(minutes=b)) for a, b in stretches],
        source=Presence.Source.IMPORT,
    )


# Small cells


def test_protect_shows_fewer_than_five_people_as_less_than_five() -> None:
    assert [protect(n) for n in (0, 1, 4, 5, 12)] == ["< 5", "< 5", "< 5", 5, 12]
    assert protect(None) is None


@pytest.mark.parametrize(
    ("rows", "shown"),
    [
        # One small cell: the next smallest is withheld too, or total - rest would give it away.
        ({"AL": 3, "BA": 7, "BG": 20}, {"AL": "< 5", "BA": "x", "BG": 20}),
        # Two small cells that add up to fewer than 5 (1 + 2): a larger one is withheld as well.
        ({"AL": 1, "BA": 2, "BG": 9, "RS": 30}, {"AL": "< 5", "BA": "< 5", "BG": "x", "RS": 30}),
        # Two small cells adding up to 5 or more: nothing more to hide.
        ({"AL": 2, "BA": 4, "BG": 9}, {"AL": "< 5", "BA": "< 5", "BG": 9}),
        # No small cell: everything shown.
        ({"AL": 5, "BA": 6}, {"AL": 5, "BA": 6}),
        # A single cell, small: nothing else to hide.
        ({"AL": 2}, {"AL": "< 5"}),
    ],
)
def test_a_protected_breakdown_withholds_what_would_reveal_a_small_cell(
    rows: dict[str, int], shown: dict[str, Any]
) -> None:
    assert queries.Breakdown(rows, "m").export(protected=True)["rows"] == shown
    assert queries.Breakdown(rows, "m", people=False).export(protected=True)["rows"] == rows


def test_a_protected_share_of_a_small_group_shows_no_value() -> None:
    share = queries.Share(3, 4, "m")
    assert share.value == 0.75
    assert share.export(protected=True) == {"value": None, "part": "< 5", "whole": "< 5", "method": "m"}
    assert queries.Share(9, 10, "m").export(protected=True)["value"] == 0.9


def test_protection_leaves_counts_of_things_alone() -> None:
    assert queries.Tally(2, "m", people=False).export(protected=True)["value"] == 2
    assert queries.Tally(2, "m").export(protected=True)["value"] == "< 5"
    rows = queries.Breakdown({"BA": 7, "RS": 1, "XK": 12}, "m").export(protected=True)["rows"]
    assert rows == {"BA": "x", "RS": "< 5", "XK": 12}


# Period


def test_a_period_is_half_open_in_the_hubs_time_zone() -> None:
    assert YEAR.start.isoformat() == "2025-01-01T00:00:00+01:00"
    assert YEAR.end.isoformat() == "2026-01-01T00:00:00+01:00"
    assert (YEAR.first_day, YEAR.end_day) == (date(2025, 1, 1), date(2026, 1, 1))


# Members


def test_new_members_are_counted_within_the_period_boundaries(member: Any, other_member: Any) -> None:
    joined(member, YEAR.start)  # the first instant belongs to the period
    joined(other_member, YEAR.end)  # the end does not
    joined(ProfileFactory().user, YEAR.start - timedelta(seconds=1))
    assert queries.members_new(YEAR).value == 1
    assert queries.members_total(YEAR).value == 2
    assert queries.new_members_by_month(YEAR).rows == {"2025-01": 1}


def test_members_by_country_and_profession(member: Any, other_member: Any) -> None:
    joined(member, MARCH)
    joined(other_member, MARCH)
    joined(ProfileFactory(country="BA", profession="psychologist").user, MARCH)
    assert queries.members_by_country(YEAR).rows == {"BA": 2, "RS": 1}
    assert queries.members_by_profession(YEAR).rows == {"psychologist": 1, "social-worker": 2}


def test_members_by_the_language_they_use_the_hub_in(member: Any, other_member: Any) -> None:
    joined(member, MARCH)
    other_member.language = "sr-latn"
    other_member.save(update_fields=["language"])
    joined(other_member, MARCH)
    assert queries.members_by_language(YEAR).rows == {"en": 1, "sr-latn": 1}


def test_members_by_gender_counts_only_those_who_gave_it(member: Any, other_member: Any) -> None:
    joined(member, MARCH)
    joined(other_member, MARCH)
    joined(ProfileFactory(gender="woman").user, MARCH)
    joined(ProfileFactory(gender="another").user, MARCH)
    assert queries.members_by_gender(YEAR).rows == {"another": 1, "unknown": 2, "woman": 1}


def test_erased_members_are_counted_but_not_identified(member: Any, other_member: Any) -> None:
    joined(member, MARCH)
    joined(other_member, MARCH)
    email, name = member.email, member.display_name
    erase_account(member=member)
    assert queries.members_new(YEAR).value == 2
    assert queries.members_by_country(YEAR).rows == {"RS": 1, "unknown": 1}
    exported = json.dumps(queries.report(YEAR).export())
    assert email not in exported
    assert name not in exported


def test_active_members_left_a_dated_trace_once_each(member: Any, other_member: Any) -> None:
    webinar = WebinarFactory(starts_at=MARCH)
    RegistrationFactory(webinar=webinar, member=member, created_at=MARCH)
    QuestionFactory(author=member, created_at=MARCH)  # the same member again
    EnrolmentFactory(learner=other_member, enrolled_at=MARCH)
    late = ProfileFactory().user
    QuestionFactory(author=late, created_at=YEAR.end)
    download_only = ProfileFactory().user
    Download.objects.create(resource=ResourceFactory(), language="en", member=download_only, at=MARCH)
    ProfileFactory()  # joined, did nothing
    assert queries.members_active(YEAR).value == 3


def test_verified_professionals_and_experts(member: Any, verified_member: Any, expert: Any) -> None:
    for user in (member, verified_member, expert):
        joined(user, MARCH)
    assert queries.verified_professionals(YEAR).value == 0  # verified after the period (now)
    assert queries.verified_professionals(Period.of_days(date(2025, 1, 1), date.today())).value == 2
    assert queries.experts(YEAR).value == 1


# Webinars


@pytest.fixture
def webinars() -> dict[str, Webinar]:
    alice, bob = PresenterFactory(), PresenterFactory()
    held_en = WebinarFactory(starts_at=MARCH, delivered_in="en")
    held_bg = WebinarFactory(starts_at=MARCH + timedelta(days=40), delivered_in="bg")
    held_en.presenters.add(alice, bob)
    held_bg.presenters.add(alice)
    outside = WebinarFactory(starts_at=YEAR.end, delivered_in="sr")
    cancelled = WebinarFactory(starts_at=MARCH, delivered_in="hr", status=Webinar.Status.CANCELLED)
    draft = WebinarFactory(starts_at=MARCH, delivered_in="el", status=Webinar.Status.DRAFT)
    for webinar in (outside, cancelled, draft):
        webinar.presenters.add(PresenterFactory())
        attend(RegistrationFactory(webinar=webinar, member=ProfileFactory().user), (0, 90))
    return {"en": held_en, "bg": held_bg}


def test_webinars_held_are_published_past_and_in_the_period(webinars: dict[str, Webinar]) -> None:
    assert queries.webinars_held(YEAR).value == 2
    assert queries.webinar_languages(YEAR).value == 2
    assert queries.webinar_presenters(YEAR).value == 2
    assert queries.webinars_by_language(YEAR).rows == {"bg": 1, "en": 1}
    assert queries.webinars_by_month(YEAR).rows == {"2025-03": 1, "2025-04": 1}


def test_an_upcoming_webinar_is_not_yet_held() -> None:
    WebinarFactory(starts_at=datetime.now(UTC) + timedelta(days=2))
    assert queries.webinars_held(Period.of_days(date(2025, 1, 1), date(2099, 1, 1))).value == 0


def test_cancelled_registrations_are_not_counted(webinars: dict[str, Webinar]) -> None:
    RegistrationFactory.create_batch(3, webinar=webinars["en"], member=None, guest_name="Guest")
    RegistrationFactory(webinar=webinars["en"], status=Registration.Status.CANCELLED)
    RegistrationFactory(webinar=webinars["en"], status=Registration.Status.WAITLISTED)
    assert queries.webinar_registrations(YEAR).value == 3


def test_rejoined_attendance_counts_once(webinars: dict[str, Webinar], member: Any) -> None:
    registration = RegistrationFactory(webinar=webinars["en"], member=member)
    attend(registration, (0, 40), (45, 90))  # dropped out and came back
    assert registration.presence.count() == 2
    attend(RegistrationFactory(webinar=webinars["bg"], member=member), (0, 90))
    attend(RegistrationFactory(webinar=webinars["bg"]), (0, 10))  # too short to count
    assert queries.webinar_participants(YEAR).value == 2
    assert queries.webinar_unique_participants(YEAR).value == 1
    assert queries.webinar_participants_by_language(YEAR).rows == {"bg": 1, "en": 1}
    assert queries.webinar_participants_by_country(YEAR).rows == {"BA": 2}


def test_an_erased_participant_still_counts(webinars: dict[str, Webinar], member: Any) -> None:
    attend(RegistrationFactory(webinar=webinars["en"], member=member), (0, 90))
    erase_account(member=member)
    assert queries.webinar_participants(YEAR).value == 1
    assert queries.webinar_registrations(YEAR).value == 1
    assert queries.webinar_participants_by_country(YEAR).rows == {"unknown": 1}


def test_useful_share_counts_anonymous_answers_and_the_response_rate(
    webinars: dict[str, Webinar], member: Any
) -> None:
    held = webinars["en"]
    registrations = [attend(RegistrationFactory(webinar=held), (0, 90)) for _ in range(4)]
    for registration, useful, named in zip(registrations[:3], (5, 4, 2), (member, None, None), strict=True):
        FeedbackResponse.objects.create(webinar=held, useful=useful, member=named)
        FeedbackReceipt.objects.create(registration=registration, webinar=held)
    found = queries.webinar_found_useful(YEAR)
    assert (found.part, found.whole, found.value) == (2, 3, 0.6667)
    rate = queries.webinar_response_rate(YEAR)
    assert (rate.part, rate.whole, rate.value) == (3, 4, 0.75)


# Courses


def test_course_figures(member: Any, other_member: Any) -> None:
    course = CourseFactory(estimated_hours=Decimal("6.0"))
    translation = CourseFactory(
        estimated_hours=Decimal("8.0"),
        language="bg",
        translation_key=course.translation_key,
        translated_from=course,
    )
    EnrolmentFactory(learner=member, course_key=course.translation_key, enrolled_at=MARCH, completed_at=MARCH)
    EnrolmentFactory(
        learner=other_member,
        course_key=translation.translation_key,
        language="bg",
        enrolled_at=MARCH,
        completed_at=YEAR.end,  # finished after the period
    )
    EnrolmentFactory(learner=ProfileFactory().user, course_key=course.translation_key, enrolled_at=MARCH)
    assert queries.course_enrolments(YEAR).value == 3
    assert queries.course_completions(YEAR).value == 1
    assert queries.course_completions_by_month(YEAR).rows == {"2025-03": 1}
    assert queries.course_enrolments_by_language(YEAR).rows == {"bg": 1, "en": 2}
    assert queries.courses_offered(YEAR).value == 0  # both versions are drafts
    type(course).objects.filter(pk__in=[course.pk, translation.pk]).update(
        status="published", created_at=MARCH
    )
    assert (queries.courses_offered(YEAR).value, queries.course_languages(YEAR).value) == (1, 2)
    assert queries.learning_hours(YEAR).value == 6.0
    assert queries.learning_hours(Period.of_days(date(2025, 1, 1), date(2026, 1, 1))).value == 14.0


def test_revoked_and_pending_certificates_are_not_counted(member: Any) -> None:
    kind = Certificate.Kind.COURSE_COMPLETION
    on = date(2025, 6, 1)
    CertificateFactory(kind=kind, completed_on=on)
    CertificateFactory(kind=kind, completed_on=on, member=member)
    CertificateFactory(kind=kind, completed_on=on, status=Certificate.Status.REVOKED)
    CertificateFactory(kind=kind, completed_on=on, status=Certificate.Status.PENDING)
    CertificateFactory(kind=kind, completed_on=date(2026, 1, 1))
    CertificateFactory(kind=Certificate.Kind.WEBINAR_ATTENDANCE, completed_on=on)
    erase_account(member=member)  # the erased holder's certificate still counts
    assert queries.course_certificates(YEAR).value == 2


# Library


def test_library_figures() -> None:
    guide = ResourceFactory(language="bg", kind=Resource.Kind.DOCUMENT, published_at=MARCH)
    ResourceFactory(language="en", kind=Resource.Kind.VIDEO, published_at=MARCH)
    ResourceFactory(language="en", kind=Resource.Kind.VIDEO, published_at=YEAR.end)
    ResourceFactory(language="en", status=Resource.Status.PENDING, published_at=None)
    for at in (MARCH, MARCH, YEAR.end):
        Download.objects.create(resource=guide, language="bg", at=at)
    assert queries.resources_published(YEAR).value == 2
    assert queries.resources_by_language(YEAR).rows == {"bg": 1, "en": 1}
    assert queries.resources_by_kind(YEAR).rows == {"document": 1, "video": 1}
    assert queries.downloads(YEAR).value == 2
    assert queries.downloads_by_language(YEAR).rows == {"bg": 2}


# Community


def test_community_figures() -> None:
    quick = QuestionFactory(created_at=MARCH)
    AnswerFactory(parent=quick, created_at=MARCH + timedelta(hours=2))
    AnswerFactory(parent=quick, created_at=MARCH + timedelta(hours=1, minutes=30), status="hidden")
    slow = QuestionFactory(created_at=MARCH, language="bg")
    AnswerFactory(parent=slow, created_at=MARCH + timedelta(hours=10))
    AnswerFactory(parent=slow, created_at=MARCH + timedelta(hours=30))
    late = QuestionFactory(created_at=MARCH)
    AnswerFactory(parent=late, created_at=MARCH + timedelta(hours=6))
    QuestionFactory(created_at=MARCH)  # unanswered
    QuestionFactory(created_at=MARCH, status=Contribution.Status.HELD)
    QuestionFactory(created_at=YEAR.end)
    CaseFactory(created_at=MARCH)
    CaseFactory(created_at=MARCH, status=Contribution.Status.REJECTED)
    assert queries.community_questions(YEAR).value == 4
    assert queries.community_questions_by_language(YEAR).rows == {"bg": 1, "en": 3}
    answered = queries.community_answered(YEAR)
    assert (answered.part, answered.whole) == (3, 4)
    assert queries.community_median_first_answer(YEAR).value == 6.0
    assert queries.community_cases(YEAR).value == 1


def test_no_answers_give_no_median() -> None:
    QuestionFactory(created_at=MARCH)
    assert queries.community_median_first_answer(YEAR).value is None


# The report


def test_every_figure_says_how_it_was_computed() -> None:
    figures = queries.report(YEAR).export()["figures"]
    assert set(figures) == set(queries.FIGURES)
    assert all(figure["method"] for figure in figures.values())


def test_comparing_two_periods(member: Any, other_member: Any) -> None:
    joined(member, MARCH)
    joined(other_member, MARCH - timedelta(days=365))
    before = queries.report(Period.of_days(date(2024, 1, 1), date(2024, 12, 31)))
    changes = queries.compare(before, queries.report(YEAR))
    assert (changes["members.new"].first, changes["members.new"].second) == (1, 1)
    assert changes["members.total"].difference == 1
    assert changes["members.total"].export(protected=True)["difference"] is None


def _sizeable(n: int) -> None:
    webinar = WebinarFactory(starts_at=MARCH, reminders=[])
    webinar.presenters.add(*PresenterFactory.create_batch(n))
    for _ in range(n):
        profile = ProfileFactory(user__date_joined=MARCH)
        registration = RegistrationFactory(webinar=webinar, member=profile.user, attended=True)
        FeedbackResponse.objects.create(webinar=webinar, useful=5)
        FeedbackReceipt.objects.create(registration=registration, webinar=webinar)
        question = QuestionFactory(author=profile.user, created_at=MARCH)
        AnswerFactory(parent=question, author=profile.user, created_at=MARCH + timedelta(hours=1))
        EnrolmentFactory(learner=profile.user, enrolled_at=MARCH, completed_at=MARCH)
        Download.objects.create(resource=ResourceFactory(published_at=MARCH), language="en", at=MARCH)


def _queries_per_figure() -> dict[str, int]:
    counts = {}
    for name, compute in queries.FIGURES.items():
        with CaptureQueriesContext(connection) as captured:
            compute(YEAR)
        counts[name] = len(captured)
    return counts


def test_each_figure_takes_a_fixed_number_of_queries() -> None:
    _sizeable(1)
    few = _queries_per_figure()
    _sizeable(6)
    assert _queries_per_figure() == few
    assert max(few.values()) <= 2


# The cached report


def test_a_stale_report_is_served_while_a_task_computes_it_again(time_machine: Any) -> None:
    time_machine.move_to(datetime(2026, 1, 10, 9, 0, tzinfo=UTC), tick=False)
    ProfileFactory(user__date_joined=MARCH)
    first = queries.cached_report(YEAR)
    assert first.figures["members.total"].value == 1  # type: ignore[union-attr]
    ProfileFactory(user__date_joined=MARCH)
    time_machine.move_to(datetime(2026, 1, 10, 9, 5, tzinfo=UTC), tick=False)
    assert queries.cached_report(YEAR).figures["members.total"].value == 1  # type: ignore[union-attr]
    time_machine.move_to(datetime(2026, 1, 10, 9, 11, tzinfo=UTC), tick=False)
    stale = queries.cached_report(YEAR)  # served as it was; the refresh task runs (inline in tests)
    assert stale.computed_at == first.computed_at
    fresh = queries.cached_report(YEAR)
    assert fresh.figures["members.total"].value == 2  # type: ignore[union-attr]
    assert fresh.computed_at == datetime(2026, 1, 10, 9, 11, tzinfo=UTC)
