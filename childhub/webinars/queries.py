"""Reads of the webinars: the listing, the presenter directory, a member's registrations."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import Presenter, Registration, Webinar


def listing(*, past: bool, language: str = "", topic: str = "", presenter: int | None = None) -> Any:
    """Published (and cancelled) webinars, upcoming soonest first or past newest first, with what a
    card shows fetched in a fixed number of queries."""
    webinars = Webinar.objects.listed()
    webinars = webinars.past() if past else webinars.upcoming()
    if language:
        webinars = webinars.given_in(language)
    if topic:
        webinars = webinars.filter(topics__slug=topic)
    if presenter:
        webinars = webinars.filter(presenters__pk=presenter)
    return webinars.for_cards().annotate(
        taken=Count("registrations", filter=Q(registrations__status__in=Registration.HOLDING_A_PLACE))
    )


def active_registrations(user: Any, webinars: Any) -> dict[int, Registration]:
    """The viewer's active registration for each of these webinars (one query)."""
    if not user.is_authenticated:
        return {}
    ids = [w.pk for w in webinars]
    rows = Registration.objects.filter(member=user, webinar_id__in=ids, status__in=Registration.ACTIVE)
    return {r.webinar_id: r for r in rows}


def presenter_directory() -> QuerySet[Presenter]:
    """Every presenter of a listed webinar, with those webinars (newest first)."""
    listed = Webinar.objects.listed().order_by("-starts_at")
    return (
        Presenter.objects.filter(webinars__status__in=[Webinar.Status.PUBLISHED, Webinar.Status.CANCELLED])
        .distinct()
        .select_related("member")
        .prefetch_related(Prefetch("webinars", queryset=listed, to_attr="listed_webinars"))
    )


def feed_registrations(member: Any) -> QuerySet[Registration]:
    """What a member's calendar feed lists: their active registrations, newest webinars first."""
    return (
        Registration.objects.filter(member=member, status__in=Registration.ACTIVE)
        .exclude(webinar__status=Webinar.Status.DRAFT)
        .select_related("webinar__organiser", "member")
        .order_by("-webinar__starts_at")[:500]
    )


def registrations_for_organiser(webinar: Webinar) -> QuerySet[Registration]:
    return webinar.registrations.select_related("member__profile").order_by("status", "created_at", "pk")
