"""Registering: places, the waiting list with held places, approval, guests, double submits."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Max, Q
from django.test.utils import CaptureQueriesContext

from childhub.accounts.tests.factories import ProfileFactory
from childhub.webinars import actions
from childhub.webinars.models import Registration
from childhub.webinars.tests.factories import RegistrationFactory, WebinarFactory
from childhub.webinars.tests.mailbox import attached_calendar

pytestmark = pytest.mark.django_db

Status = Registration.Status


def people(n: int) -> list:
    return [ProfileFactory().user for _ in range(n)]


def test_registering_gives_a_place_and_emails_an_invitation(member, clock, committing):
    webinar = WebinarFactory(capacity=2)
    with committing():
        registration = actions.register(webinar=webinar, member=member)
    assert registration.status == Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Your place" in mail.outbox[0].subject


def test_registering_twice_gives_back_the_same_registration(member, clock):
    webinar = WebinarFactory()
    first = actions.register(webinar=webinar, member=member)
    second = actions.register(webinar=webinar, member=member)
    assert first.pk == second.pk
    assert Registration.objects.filter(webinar=webinar, member=member).count() == 1


def test_the_database_refuses_a_second_active_registration_of_a_member(member, clock):
    webinar = WebinarFactory()
    RegistrationFactory(webinar=webinar, member=member, status=Status.CONFIRMED)
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(webinar=webinar, member=member, status=Status.WAITLISTED)


def test_a_member_may_register_again_after_cancelling(member, clock):
    webinar = WebinarFactory()
    actions.cancel_registration(registration=actions.register(webinar=webinar, member=member))
    again = actions.register(webinar=webinar, member=member)
    assert again.status == Status.CONFIRMED
    assert Registration.objects.filter(webinar=webinar, member=member).count() == 2


def test_a_double_submit_racing_past_the_check_ends_with_one_registration(member, clock, monkeypatch):
    webinar = WebinarFactory()
    RegistrationFactory(webinar=webinar, member=member, status=Status.CONFIRMED)
    # The other request inserted between our check and our insert: the check sees nothing.
    real_places = actions._places
    monkeypatch.setattr(actions, "_places", lambda w, **kw: replace(real_places(w, **kw), mine=None))
    registration = actions.register(webinar=webinar, member=member)
    assert Registration.objects.filter(webinar=webinar, member=member).count() == 1
    assert registration.status == Status.CONFIRMED


def test_thirty_registrations_for_ten_places_confirm_ten_and_queue_twenty(clock):
    webinar = WebinarFactory(capacity=10)
    for person in people(30):
        actions.register(webinar=webinar, member=person)
    statuses = list(webinar.registrations.values_list("status", flat=True))
    assert statuses.count(Status.CONFIRMED) == 10
    assert statuses.count(Status.WAITLISTED) == 20
    assert webinar.seats_left() == 0


def test_a_cancelled_place_is_offered_to_the_first_in_line_and_held_for_a_day(clock, committing):
    webinar = WebinarFactory(capacity=1)
    first, second, third = people(3)
    seat = actions.register(webinar=webinar, member=first)
    waiting = actions.register(webinar=webinar, member=second)
    actions.register(webinar=webinar, member=third)
    mail.outbox.clear()
    with committing():
        actions.cancel_registration(registration=seat)
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    assert waiting.hold_expires_at == clock_now() + timedelta(hours=24)
    offered = [m for m in mail.outbox if m.to == [second.email]]
    assert offered and "place is free" in offered[0].subject
    assert webinar.registrations.get(member=third).status == Status.WAITLISTED
    # The offer also waits in the member's notifications in the hub (not e-mailed a second time).
    (notice,) = second.notifications.all()
    assert notice.kind == "webinar-offer" and notice.email_state == "skipped"
    assert webinar.title in notice.message
    assert not third.notifications.exists()


def clock_now():
    from django.utils import timezone

    return timezone.now()


def test_taking_the_held_place_confirms_it(clock):
    webinar = WebinarFactory(capacity=1)
    first, second = people(2)
    seat = actions.register(webinar=webinar, member=first)
    waiting = actions.register(webinar=webinar, member=second)
    actions.cancel_registration(registration=seat)
    clock.shift(timedelta(hours=5))
    assert actions.confirm_offered_place(registration=waiting).status == Status.CONFIRMED


def test_an_expired_hold_passes_the_place_to_the_next_in_line(clock, committing):
    webinar = WebinarFactory(capacity=1)
    first, second, third = people(3)
    seat = actions.register(webinar=webinar, member=first)
    waiting = actions.register(webinar=webinar, member=second)
    next_in_line = actions.register(webinar=webinar, member=third)
    actions.cancel_registration(registration=seat)
    clock.shift(timedelta(hours=23))
    assert actions.expire_holds() == 0
    clock.shift(timedelta(hours=2))
    mail.outbox.clear()
    with committing():
        call_command("webinars_housekeeping", stdout=StringIO())
    waiting.refresh_from_db()
    next_in_line.refresh_from_db()
    assert waiting.status == Status.EXPIRED
    assert next_in_line.status == Status.OFFERED
    assert {tuple(m.to) for m in mail.outbox} == {(second.email,), (third.email,)}
    assert actions.confirm_offered_place(registration=waiting).status == Status.EXPIRED


def test_taking_a_place_after_the_hold_ended_is_refused_and_moves_it_on(clock):
    webinar = WebinarFactory(capacity=1)
    first, second, third = people(3)
    seat = actions.register(webinar=webinar, member=first)
    waiting = actions.register(webinar=webinar, member=second)
    actions.register(webinar=webinar, member=third)
    actions.cancel_registration(registration=seat)
    clock.shift(timedelta(hours=25))
    assert actions.confirm_offered_place(registration=waiting).status == Status.EXPIRED
    assert webinar.registrations.get(member=third).status == Status.OFFERED


def test_the_hold_is_shorter_when_the_webinar_is_sooner(clock):
    webinar = WebinarFactory(capacity=1, starts_at=clock_now() + timedelta(hours=6))
    first, second = people(2)
    seat = actions.register(webinar=webinar, member=first)
    waiting = actions.register(webinar=webinar, member=second)
    actions.cancel_registration(registration=seat)
    waiting.refresh_from_db()
    assert waiting.hold_expires_at == webinar.starts_at


def test_more_places_promote_the_waiting_list(clock):
    webinar = WebinarFactory(capacity=1)
    first, second = people(2)
    actions.register(webinar=webinar, member=first)
    waiting = actions.register(webinar=webinar, member=second)
    actions.update_webinar(webinar=webinar, data={"capacity": 2})
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED


def test_with_approval_a_registration_waits_for_the_organiser(member, partner_editor, clock, committing):
    webinar = WebinarFactory(approval_required=True, capacity=1)
    with committing():
        registration = actions.register(webinar=webinar, member=member)
    assert registration.status == Status.PENDING
    assert "awaits approval" in mail.outbox[-1].subject
    with committing():
        decided = actions.decide_registration(registration=registration, decider=partner_editor, approve=True)
    assert decided.status == Status.CONFIRMED and decided.decided_by == partner_editor


def test_approving_when_full_puts_the_person_on_the_waiting_list(member, other_member, staff, clock):
    webinar = WebinarFactory(approval_required=True, capacity=1)
    first = actions.register(webinar=webinar, member=member)
    second = actions.register(webinar=webinar, member=other_member)
    actions.decide_registration(registration=first, decider=staff, approve=True)
    assert (
        actions.decide_registration(registration=second, decider=staff, approve=True).status
        == Status.WAITLISTED
    )


def test_declining_tells_the_person(member, staff, clock, committing):
    webinar = WebinarFactory(approval_required=True)
    registration = actions.register(webinar=webinar, member=member)
    with committing():
        declined = actions.decide_registration(registration=registration, decider=staff, approve=False)
    assert declined.status == Status.DECLINED
    assert mail.outbox[-1].to == [member.email]


def test_registration_closed_before_it_opens_and_after_it_closes(member, clock):
    webinar = WebinarFactory(registration_opens_at=clock_now() + timedelta(days=1))
    with pytest.raises(actions.RegistrationClosed):
        actions.register(webinar=webinar, member=member)
    clock.shift(timedelta(days=2))
    assert actions.register(webinar=webinar, member=member).status == Status.CONFIRMED


def test_nobody_registers_for_a_draft_or_cancelled_webinar(member, clock):
    for status in ("draft", "cancelled"):
        with pytest.raises(actions.RegistrationClosed):
            actions.register(webinar=WebinarFactory(status=status), member=member)


def test_a_guest_gets_a_place_only_after_confirming_the_address(clock, committing):
    webinar = WebinarFactory(guests_allowed=True, capacity=5)
    with committing():
        registration = actions.register_guest(
            webinar=webinar, name="Ana Guest", email="Ana@Example.org", language="bg"
        )
    assert registration.status == Status.UNCONFIRMED and registration.guest_email == "ana@example.org"
    assert webinar.seats_left() == 5
    assert f"/bg/webinars/guest/{registration.token}/" in mail.outbox[-1].body
    again = actions.register_guest(webinar=webinar, name="Ana Guest", email="ana@example.org", language="bg")
    assert again.pk == registration.pk
    with committing():
        confirmed = actions.confirm_guest(registration=registration)
    assert confirmed.status == Status.CONFIRMED
    assert attached_calendar(mail.outbox[-1])["METHOD"] == "REQUEST"


def test_guests_cannot_register_where_the_webinar_does_not_allow_them(clock):
    with pytest.raises(actions.RegistrationClosed):
        actions.register_guest(webinar=WebinarFactory(), name="X", email="x@example.org", language="en")


def test_cancelling_the_webinar_sends_every_registrant_a_calendar_cancellation(
    member, other_member, clock, committing
):
    webinar = WebinarFactory()
    actions.register(webinar=webinar, member=member)
    actions.register(webinar=webinar, member=other_member)
    mail.outbox.clear()
    with committing():
        updated = actions.update_webinar(webinar=webinar, data={"status": "cancelled"})
    assert updated.sequence == 1
    assert len(mail.outbox) == 2
    assert all(attached_calendar(m)["METHOD"] == "CANCEL" for m in mail.outbox)


def test_moving_the_webinar_bumps_the_sequence_and_sends_an_update(member, clock, committing):
    webinar = WebinarFactory()
    actions.register(webinar=webinar, member=member)
    mail.outbox.clear()
    with committing():
        moved = actions.update_webinar(
            webinar=webinar, data={"starts_at": webinar.starts_at + timedelta(hours=1)}
        )
    assert moved.sequence == 1
    assert "Changed" in mail.outbox[0].subject
    assert attached_calendar(mail.outbox[0]).events[0]["SEQUENCE"] == 1
    unchanged = actions.update_webinar(webinar=moved, data={"description": "Only the text changed."})
    assert unchanged.sequence == 1


def test_emails_are_written_in_the_registrants_language(clock, committing):
    bulgarian = ProfileFactory(user__language="bg").user
    webinar = WebinarFactory(time_zone="Europe/Sofia")
    with committing():
        actions.register(webinar=webinar, member=bulgarian)
    body = mail.outbox[-1].body
    assert "/bg/webinars/" in body
    assert "Източноевропейско лятно часово време" in body or "Източноевропейско" in body


def test_a_registration_reads_the_locked_webinar_and_its_places_once_however_many_registered(clock):
    webinar = WebinarFactory(capacity=10)
    everyone = people(31)
    with CaptureQueriesContext(connection) as first:
        actions.register(webinar=webinar, member=everyone[0])
    for person in everyone[1:30]:
        actions.register(webinar=webinar, member=person)
    with CaptureQueriesContext(connection) as last:
        actions.register(webinar=webinar, member=everyone[30])
    reads = [q["sql"] for q in last.captured_queries if q["sql"].startswith("SELECT")]
    # The webinar (locked) and one count of its places, the member's own registration with them.
    assert len(reads) == 2, reads
    assert len(last.captured_queries) == len(first.captured_queries)
    # PostgreSQL locks the webinar's row alone, not its organiser's with it.
    locking = [q["sql"] for q in last.captured_queries if "FOR UPDATE" in q["sql"]]
    assert all("JOIN" not in sql for sql in locking), locking
    assert len(locking) == (1 if connection.vendor == "postgresql" else 0)


def test_the_written_out_count_of_places_agrees_with_the_orm(clock):
    webinar = WebinarFactory(capacity=3)
    other = WebinarFactory(capacity=3)
    members = people(6)
    statuses = [
        Status.CONFIRMED,
        Status.OFFERED,
        Status.WAITLISTED,
        Status.UNCONFIRMED,
        Status.CANCELLED,
        Status.PENDING,
    ]
    rows = [
        RegistrationFactory(webinar=webinar, member=m, status=s)
        for m, s in zip(members, statuses, strict=True)
    ]
    RegistrationFactory(webinar=other, member=members[4], status=Status.CONFIRMED)
    for member in [*members, None]:
        for other_than in (None, rows[2].pk, rows[3].pk):
            mine = Q(member=member, status__in=Registration.ACTIVE) if member else Q(pk__in=[])
            expected = Registration.objects.filter(webinar=webinar).aggregate(
                held=Count("pk", filter=Q(status__in=Registration.HOLDING_A_PLACE)),
                waiting=Count("pk", filter=Q(status=Status.WAITLISTED) & ~Q(pk=other_than)),
                mine=Max("pk", filter=mine),
            )
            places = actions._places(webinar, member=member, other_than=other_than)
            assert places == actions._Places(
                free=max(webinar.capacity - expected["held"], 0),
                waiting=bool(expected["waiting"]),
                mine=expected["mine"],
            ), (member, other_than)
    # What the answers mean: two places held of three; the first waiting member's own registration.
    assert actions._places(webinar, member=members[2]) == actions._Places(
        free=1, waiting=True, mine=rows[2].pk
    )
    assert actions._places(webinar, member=members[4]).mine is None  # cancelled is not active
    assert not actions._places(webinar, other_than=rows[2].pk).waiting  # the one waiting is being placed
