"""Reads of the webinars: the listing, the presenter directory, a member's registrations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Func, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from childhub.core import fragments
from childhub.core.languages import language_name

from .models import (
    FeedbackAnswer,
    FeedbackReceipt,
    FeedbackResponse,
    Material,
    Presenter,
    Registration,
    SurveyQuestion,
    Webinar,
)


def listed_presenters() -> list[tuple[int, str]]:
    """Presenters of published or cancelled webinars, by name, for the list's filter: kept in
    each process for a minute (as long as a visitor's copy of the list is kept); a join over every
    webinar, run on each member's view of the list, was a fifth of the database's work there."""

    def read() -> tuple[tuple[int, str], ...]:
        return tuple(
            Presenter.objects.filter(
                webinars__status__in=[Webinar.Status.PUBLISHED, Webinar.Status.CANCELLED]
            )
            .distinct()
            .order_by("name")
            .values_list("pk", "name")
        )

    return list(fragments.kept(("webinar-presenters",), read))


def listing(*, past: bool, language: str = "", topic: str = "", presenter: int | None = None) -> Any:
    """Published (and cancelled) webinars, upcoming soonest first or past newest first, with their
    organisers (places taken: ``count_places`` on a page; topics and presenters are fetched for
    the cards that are rendered)."""
    webinars = Webinar.objects.listed()
    webinars = webinars.past() if past else webinars.upcoming()
    if language:
        webinars = webinars.given_in(language)
    if topic:
        webinars = webinars.filter(topics__slug=topic)
    if presenter:
        webinars = webinars.filter(presenters__pk=presenter)
    return webinars.select_related("organiser")


def count_places(webinars: Any) -> None:
    """Set ``taken`` (places confirmed or held) on each webinar of a page, in one query; counted
    for the page only, so that counting the list's length needs no join."""
    items = list(webinars)
    taken = dict(
        Registration.objects.filter(
            webinar_id__in=[w.pk for w in items], status__in=Registration.HOLDING_A_PLACE
        )
        .values_list("webinar_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for webinar in items:
        webinar.taken = taken.get(webinar.pk, 0)


def active_registrations(user: Any, webinars: Any) -> dict[int, Registration]:
    """The viewer's active registration for each of these webinars (one query)."""
    if not user.is_authenticated:
        return {}
    ids = [w.pk for w in webinars]
    rows = Registration.objects.filter(member=user, webinar_id__in=ids, status__in=Registration.ACTIVE)
    return {r.webinar_id: r for r in rows}


def presenter_directory() -> QuerySet[Presenter]:
    """Every presenter of a listed webinar, with those webinars (newest first)."""
    recordings = Material.objects.filter(published_at__isnull=False, kind=Material.Kind.RECORDING)
    listed = (
        Webinar.objects.listed()
        .order_by("-starts_at")
        .prefetch_related(Prefetch("materials", queryset=recordings, to_attr="recordings"))
    )
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


# Results


@dataclass
class Results:
    """The figures of one webinar, or of a group of webinars, all counted from stored facts."""

    label: str = ""
    webinars: int = 0
    registrations: int = 0  # places held at the end (confirmed), whoever came
    participants: int = 0  # attended: present for the share of the time staff set
    responses: int = 0  # surveys answered (receipts; anonymous answers included)
    rated: int = 0  # responses to the "useful" question
    found_useful: int = 0  # of those, 4 or 5 of 5

    @property
    def useful_share(self) -> float | None:
        return self.found_useful / self.rated if self.rated else None

    @property
    def response_rate(self) -> float | None:
        return self.responses / self.participants if self.participants else None

    @property
    def attendance_rate(self) -> float | None:
        return self.participants / self.registrations if self.registrations else None

    def add(self, other: Results) -> None:
        self.webinars += other.webinars
        self.registrations += other.registrations
        self.participants += other.participants
        self.responses += other.responses
        self.rated += other.rated
        self.found_useful += other.found_useful


def webinar_results(webinars: QuerySet[Webinar]) -> list[tuple[Webinar, Results]]:
    """Each webinar with its figures, in a fixed number of queries."""

    def count(model: Any, **filters: Any) -> Any:
        rows = model.objects.filter(webinar=OuterRef("pk"), **filters).order_by().values("webinar")
        counted = rows.annotate(n=Func("pk", function="COUNT", output_field=IntegerField())).values("n")
        return Coalesce(Subquery(counted), 0)

    rows = (
        webinars.annotate(
            n_registrations=count(Registration, status=Registration.Status.CONFIRMED),
            n_participants=count(Registration, attended=True),
            n_responses=count(FeedbackReceipt),
            n_rated=count(FeedbackResponse),
            n_useful=count(FeedbackResponse, useful__in=FeedbackResponse.FOUND_USEFUL),
        )
        .select_related("organiser")
        .prefetch_related("topics", "presenters")
    )
    return [
        (
            w,
            Results(
                label=w.title,
                webinars=1,
                registrations=w.n_registrations,  # type: ignore[attr-defined]
                participants=w.n_participants,  # type: ignore[attr-defined]
                responses=w.n_responses,  # type: ignore[attr-defined]
                rated=w.n_rated,  # type: ignore[attr-defined]
                found_useful=w.n_useful,  # type: ignore[attr-defined]
            ),
        )
        for w in rows
    ]


def grouped_results(rows: list[tuple[Webinar, Results]], group: str) -> list[Results]:
    """Sum the webinars' figures by language, topic, presenter or period. A webinar on two topics
    (or with two presenters) counts in each of their groups, so those groups overlap."""
    if group in ("", "webinar"):
        return [r for _w, r in rows]
    groups: dict[str, Results] = {}
    for webinar, result in rows:
        for key in _keys(webinar, group):
            groups.setdefault(key, Results(label=key)).add(result)
    return sorted(groups.values(), key=lambda r: r.label, reverse=group in ("month", "quarter", "year"))


def total(rows: list[tuple[Webinar, Results]]) -> Results:
    summed = Results()
    for _webinar, result in rows:
        summed.add(result)
    return summed


def _keys(webinar: Webinar, group: str) -> list[str]:
    start = webinar.local_start
    if group == "language":
        return [language_name(webinar.delivered_in)]
    if group == "topic":
        return [t.name for t in webinar.topics.all()] or ["—"]
    if group == "presenter":
        return [p.name for p in webinar.presenters.all()] or ["—"]
    if group == "month":
        return [f"{start:%Y-%m}"]
    if group == "quarter":
        return [f"{start.year} Q{(start.month - 1) // 3 + 1}"]
    return [str(start.year)]


def survey_summary(webinar: Webinar) -> list[dict[str, Any]]:
    """The organiser's own questions with their answers: counts for choices and scales, the texts."""
    questions = list(webinar.survey_questions.all())
    answers: dict[int, list[str]] = {}
    for question_id, value in FeedbackAnswer.objects.filter(question__webinar=webinar).values_list(
        "question_id", "value"
    ):
        answers.setdefault(question_id, []).append(value)
    summary = []
    for question in questions:
        values = answers.get(question.pk, [])
        entry: dict[str, Any] = {"question": question, "count": len(values)}
        if question.kind == SurveyQuestion.Kind.TEXT:
            entry["texts"] = values
        else:
            options = question.choice_list if question.kind == SurveyQuestion.Kind.CHOICE else list("54321")
            entry["counts"] = [(option, values.count(option)) for option in options]
        summary.append(entry)
    return summary


def useful_distribution(webinar: Webinar) -> list[tuple[int, int]]:
    counts = dict(webinar.feedback.values_list("useful").annotate(n=Count("id")).order_by())
    return [(score, counts.get(score, 0)) for score in range(5, 0, -1)]


def managed_webinars(user: Any) -> QuerySet[Webinar]:
    """The webinars a user organises (all of them for staff)."""
    from .permissions import managed_webinar_filter

    return Webinar.objects.exclude(status=Webinar.Status.DRAFT).filter(managed_webinar_filter(user))


def attendance_sheet(webinar: Webinar) -> QuerySet[Registration]:
    return (
        webinar.registrations.filter(status=Registration.Status.CONFIRMED)
        .select_related("member__profile")
        .order_by("guest_name", "member__display_name", "pk")
    )


def published_materials(webinar: Webinar) -> QuerySet[Material]:
    return webinar.materials.filter(published_at__isnull=False)


def attendance_of(user: Any, webinar: Webinar) -> Registration | None:
    """The viewer's attended registration, with whether they answered the survey (one query)."""
    if not user.is_authenticated or not webinar.is_past():
        return None
    return (
        Registration.objects.filter(webinar=webinar, member=user, attended=True)
        .select_related("feedback_receipt")
        .first()
    )


def certificate_of(registration: Registration | None) -> Any:
    """The certificate of attendance issued for a registration, if any."""
    if registration is None:
        return None
    from childhub.records.models import Certificate

    from .certificates import source_of

    return Certificate.objects.filter(source=source_of(registration)).first()
