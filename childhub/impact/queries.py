"""The impact figures for a period [start, end), each counted from facts the other apps record
(accounts, registrations, attendance, survey responses, enrolments, certificates, downloads,
contributions) and never from counters; each carries a ``method`` saying how it was counted.

Every function runs a fixed number of queries, whatever the amount of data.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone

from childhub.accounts.models import Profile, User
from childhub.community.models import Contribution
from childhub.courses.models import Course, Enrolment, LessonProgress
from childhub.library.models import Download, Resource
from childhub.records.models import Certificate
from childhub.webinars.models import FeedbackResponse, Presenter, Registration, Webinar

SMALL_CELL = 5
SMALL_CELL_LABEL = "< 5"
WITHHELD_LABEL = "x"  # a larger cell hidden so that a small one cannot be worked out
UNKNOWN = "unknown"  # no profile (never filled in, or erased with the account)


def protect(count: int | None) -> int | str | None:
    """A count of people as exports and the public page show it: fewer than 5 becomes "< 5"."""
    if count is not None and count < SMALL_CELL:
        return SMALL_CELL_LABEL
    return count


@dataclass(frozen=True)
class Period:
    """Half-open [start, end) between two aware datetimes."""

    start: datetime
    end: datetime

    @classmethod
    def of_days(cls, first: date, last: date) -> Period:
        """From the start of ``first`` to the end of ``last`` (inclusive), in the hub's time zone."""
        zone = timezone.get_current_timezone()
        return cls(
            datetime.combine(first, time.min, tzinfo=zone),
            datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone),
        )

    @property
    def first_day(self) -> date:
        return timezone.localdate(self.start)

    @property
    def end_day(self) -> date:
        """The first day after the period (for date fields)."""
        return timezone.localdate(self.end)

    @property
    def last_day(self) -> date:
        return self.end_day - timedelta(days=1)

    def within(self, field_name: str) -> Q:
        return Q(**{f"{field_name}__gte": self.start, f"{field_name}__lt": self.end})

    def as_dict(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


@dataclass(frozen=True)
class Tally:
    """A count. ``people``: it counts people, so the small-cell rule applies in exports."""

    value: int
    method: str
    people: bool = True

    def export(self, *, protected: bool = False) -> dict[str, Any]:
        value = protect(self.value) if protected and self.people else self.value
        return {"value": value, "method": self.method}


@dataclass(frozen=True)
class Amount:
    """A quantity that counts no one (hours, days); ``None`` when there is nothing to measure."""

    value: float | None
    method: str
    unit: str

    def export(self, *, protected: bool = False) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "method": self.method}


@dataclass(frozen=True)
class Share:
    """``part`` of ``whole`` (both counts of people); ``value`` is None when ``whole`` is 0."""

    part: int
    whole: int
    method: str

    @property
    def value(self) -> float | None:
        return round(self.part / self.whole, 4) if self.whole else None

    def export(self, *, protected: bool = False) -> dict[str, Any]:
        if protected and (self.part < SMALL_CELL or self.whole < SMALL_CELL):
            # A share of a small group would let the small counts be worked out again.
            return {
                "value": None,
                "part": protect(self.part),
                "whole": protect(self.whole),
                "method": self.method,
            }
        return {"value": self.value, "part": self.part, "whole": self.whole, "method": self.method}


@dataclass(frozen=True)
class Breakdown:
    """Counts by a key (country, profession, language, kind, month "YYYY-MM"), sorted by key."""

    rows: dict[str, int]
    method: str
    people: bool = True

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    def withheld(self) -> tuple[set[str], set[str]]:
        """The keys to hide in a protected view: the small cells (fewer than 5 people), and
        enough of the next smallest cells that the small ones cannot be worked out from the total
        (which the headline figures show): at least two cells hidden, together 5 or more."""
        if not self.people:
            return set(), set()
        small = {key for key, n in self.rows.items() if n < SMALL_CELL}
        also: set[str] = set()
        if small:
            rest = sorted((n, key) for key, n in self.rows.items() if key not in small)
            hidden_sum = sum(self.rows[key] for key in small)
            while rest and (len(small) + len(also) < 2 or hidden_sum < SMALL_CELL):
                n, key = rest.pop(0)
                also.add(key)
                hidden_sum += n
        return small, also

    def export(self, *, protected: bool = False) -> dict[str, Any]:
        rows: dict[str, int | str | None] = dict(self.rows)
        if protected and self.people:
            small, also = self.withheld()
            for key in small:
                rows[key] = SMALL_CELL_LABEL
            for key in also:
                rows[key] = WITHHELD_LABEL
        return {"rows": rows, "method": self.method}


Figure = Tally | Amount | Share | Breakdown


def _rows(pairs: Any, *, month: bool = False) -> dict[str, int]:
    counted: Counter[str] = Counter()
    for key, n in pairs:
        if month and key:
            key = timezone.localtime(key).strftime("%Y-%m")
        counted[key or UNKNOWN] += n
    return dict(sorted(counted.items()))


def _by(queryset: QuerySet[Any], key: str) -> dict[str, int]:
    """One query: how many rows of ``queryset`` have each value of ``key``."""
    return _rows(queryset.order_by().values_list(key).annotate(n=Count("pk")))


def _by_month(queryset: QuerySet[Any], field_name: str) -> dict[str, int]:
    zone = timezone.get_current_timezone()
    month = TruncMonth(field_name, tzinfo=zone)
    return _rows(
        queryset.order_by().annotate(month=month).values_list("month").annotate(n=Count("pk")), month=True
    )


# Members


def _members_by(period: Period) -> QuerySet[User]:
    return User.objects.filter(date_joined__lt=period.end)


def members_total(period: Period) -> Tally:
    return Tally(
        _members_by(period).count(),
        "accounts.User with date_joined < end; erased accounts included (their row stays)",
    )


def members_new(period: Period) -> Tally:
    return Tally(
        User.objects.filter(period.within("date_joined")).count(),
        "accounts.User with start <= date_joined < end; erased accounts included",
    )


def members_active(period: Period) -> Tally:
    """Members who left a dated trace of activity in the period: registered for a webinar
    (Registration.created_at), enrolled in a course (Enrolment.enrolled_at), opened a lesson
    (LessonProgress.first_viewed_at) or completed one (LessonProgress.completed_at), downloaded
    a library resource (Download.at) or wrote anything in the community (Contribution.created_at,
    whatever its moderation status). Each member counts once.

    Signing in is not counted: the hub keeps only the last sign-in (``last_login``), which a later
    sign-in overwrites, so it is not a record of the period. Activity that erasure unlinks
    (registrations, downloads) or deletes (enrolments) is no longer attributable to the member."""
    sources: list[QuerySet[Any]] = [
        Registration.objects.filter(period.within("created_at"), member__isnull=False).values_list(
            "member_id"
        ),
        Enrolment.objects.filter(period.within("enrolled_at")).values_list("learner_id"),
        LessonProgress.objects.filter(
            period.within("first_viewed_at") | period.within("completed_at")
        ).values_list("enrolment__learner_id"),
        Download.objects.filter(period.within("at"), member__isnull=False).values_list("member_id"),
        Contribution.objects.filter(period.within("created_at")).values_list("author_id"),
    ]
    union = sources[0].order_by().union(*(s.order_by() for s in sources[1:]))  # UNION drops duplicates
    return Tally(
        union.count(),
        "distinct members in UNION of webinars.Registration.created_at, courses.Enrolment.enrolled_at, "
        "courses.LessonProgress.first_viewed_at|completed_at, library.Download.at, "
        "community.Contribution.created_at within [start, end); sign-ins not counted (not recorded)",
    )


def members_by_country(period: Period) -> Breakdown:
    return Breakdown(
        _by(_members_by(period), "profile__country"),
        "accounts.User with date_joined < end by Profile.country; 'unknown': no country or erased",
    )


def members_by_profession(period: Period) -> Breakdown:
    return Breakdown(
        _by(_members_by(period), "profile__profession"),
        "accounts.User with date_joined < end by Profile.profession; 'unknown': none given or erased",
    )


def members_by_language(period: Period) -> Breakdown:
    return Breakdown(
        _by(_members_by(period), "language"),
        "accounts.User with date_joined < end by User.language (the language they use the hub in)",
    )


def members_by_gender(period: Period) -> Breakdown:
    return Breakdown(
        _by(_members_by(period), "profile__gender"),
        "accounts.User with date_joined < end by Profile.gender (optional, never shown); "
        "'unknown': not given or erased",
    )


def new_members_by_month(period: Period) -> Breakdown:
    return Breakdown(
        _by_month(User.objects.filter(period.within("date_joined")), "date_joined"),
        "accounts.User with start <= date_joined < end by month of date_joined (hub time zone)",
    )


def verified_professionals(period: Period) -> Tally:
    return Tally(
        Profile.objects.filter(verified_at__lt=period.end).count(),
        "accounts.Profile with verified_at < end (verified by the end of the period)",
    )


def experts(period: Period) -> Tally:
    return Tally(
        Profile.objects.experts().filter(user__date_joined__lt=period.end).count(),
        "accounts.Profile with is_expert, joined before end; current role (no date is recorded for it)",
    )


# Webinars


def held_webinars(period: Period, now: datetime | None = None) -> QuerySet[Webinar]:
    """Published (not cancelled, not draft) webinars that started in the period and have ended."""
    return Webinar.objects.filter(
        period.within("starts_at"), status=Webinar.Status.PUBLISHED, ends_at__lte=now or timezone.now()
    )


HELD = "webinars.Webinar published, start <= starts_at < end, ends_at <= now"
REGISTERED = Q(status=Registration.Status.CONFIRMED) | Q(attended=True)


def webinars_held(period: Period) -> Tally:
    return Tally(held_webinars(period).count(), HELD, people=False)


def webinar_languages(period: Period) -> Tally:
    return Tally(
        held_webinars(period).order_by().values("delivered_in").distinct().count(),
        f"distinct delivered_in of {HELD}",
        people=False,
    )


def webinar_presenters(period: Period) -> Tally:
    return Tally(
        Presenter.objects.filter(webinars__in=held_webinars(period)).distinct().count(),
        f"distinct webinars.Presenter of {HELD}",
    )


def webinars_by_language(period: Period) -> Breakdown:
    return Breakdown(_by(held_webinars(period), "delivered_in"), f"{HELD}, by delivered_in", people=False)


def webinars_by_month(period: Period) -> Breakdown:
    return Breakdown(
        _by_month(held_webinars(period), "starts_at"), f"{HELD}, by month of starts_at", people=False
    )


def _registrations(period: Period) -> QuerySet[Registration]:
    return Registration.objects.filter(webinar__in=held_webinars(period))


def webinar_registrations(period: Period) -> Tally:
    """Places confirmed for the held webinars. A registration cancelled after the member attended
    still counts: erasing an account cancels its registrations, past ones included."""
    return Tally(
        _registrations(period).filter(REGISTERED).count(),
        f"webinars.Registration status=confirmed or attended, of {HELD}",
    )


def webinar_participants(period: Period) -> Tally:
    """Attendances: a registration decided as attended (rejoins are stretches of one registration,
    so they count once); someone at two webinars counts twice."""
    return Tally(
        _registrations(period).filter(attended=True).count(),
        f"webinars.Registration attended=True, of {HELD}; one per registration (rejoins once)",
    )


def webinar_unique_participants(period: Period) -> Tally:
    """Different people who attended: members once each, registrations without a member account
    (guests, erased members) each as one person, since they cannot be told apart."""
    counted = (
        _registrations(period)
        .filter(attended=True)
        .aggregate(members=Count("member", distinct=True), unlinked=Count("pk", filter=Q(member=None)))
    )
    return Tally(
        counted["members"] + counted["unlinked"],
        f"distinct member of attended webinars.Registration of {HELD}, plus each one without a member",
    )


def webinar_participants_by_language(period: Period) -> Breakdown:
    return Breakdown(
        _by(_registrations(period).filter(attended=True), "webinar__delivered_in"),
        f"attended webinars.Registration of {HELD}, by the webinar's delivered_in",
    )


def webinar_participants_by_country(period: Period) -> Breakdown:
    return Breakdown(
        _by(_registrations(period).filter(attended=True), "member__profile__country"),
        f"attended webinars.Registration of {HELD}, by the member's Profile.country; "
        "'unknown': guests, erased",
    )


def webinar_participants_by_profession(period: Period) -> Breakdown:
    return Breakdown(
        _by(_registrations(period).filter(attended=True), "member__profile__profession"),
        f"attended webinars.Registration of {HELD}, by the member's Profile.profession; "
        "'unknown': guests, erased",
    )


def webinar_found_useful(period: Period) -> Share:
    """Responses rating the webinar 4 or 5 of 5, of all responses; anonymous responses count."""
    counted = FeedbackResponse.objects.filter(webinar__in=held_webinars(period)).aggregate(
        all=Count("pk"), useful=Count("pk", filter=Q(useful__in=FeedbackResponse.FOUND_USEFUL))
    )
    return Share(
        counted["useful"],
        counted["all"],
        f"webinars.FeedbackResponse useful in (4, 5) / all FeedbackResponse of {HELD}; anonymous included",
    )


def webinar_response_rate(period: Period) -> Share:
    registrations = _registrations(period)
    counted = registrations.aggregate(
        participants=Count("pk", filter=Q(attended=True)),
        receipts=Count("feedback_receipt", filter=Q(attended=True)),
    )
    return Share(
        counted["receipts"],
        counted["participants"],
        f"webinars.FeedbackReceipt of attended registrations / attended webinars.Registration of {HELD}",
    )


# Courses


def _offered_courses(period: Period) -> QuerySet[Course]:
    return Course.objects.published().filter(created_at__lt=period.end)


def courses_offered(period: Period) -> Tally:
    """Courses, not language versions: the versions of one course share a translation key."""
    return Tally(
        _offered_courses(period).order_by().values("translation_key").distinct().count(),
        "distinct translation_key of courses.Course status=published (today) created before end",
        people=False,
    )


def course_languages(period: Period) -> Tally:
    return Tally(
        _offered_courses(period).order_by().values("language").distinct().count(),
        "distinct language of courses.Course status=published (today) created before end",
        people=False,
    )


def course_enrolments(period: Period) -> Tally:
    return Tally(
        Enrolment.objects.filter(period.within("enrolled_at")).count(),
        "courses.Enrolment with start <= enrolled_at < end (erasure deletes enrolments)",
    )


def course_enrolments_by_language(period: Period) -> Breakdown:
    return Breakdown(
        _by(Enrolment.objects.filter(period.within("enrolled_at")), "language"),
        "courses.Enrolment with start <= enrolled_at < end, by the language version read now",
    )


def course_completions(period: Period) -> Tally:
    return Tally(
        Enrolment.objects.filter(period.within("completed_at")).count(),
        "courses.Enrolment with start <= completed_at < end (erasure deletes enrolments)",
    )


def course_completions_by_month(period: Period) -> Breakdown:
    return Breakdown(
        _by_month(Enrolment.objects.filter(period.within("completed_at")), "completed_at"),
        "courses.Enrolment with start <= completed_at < end, by month of completed_at",
    )


def course_certificates(period: Period) -> Tally:
    return Tally(
        Certificate.objects.valid()
        .filter(
            kind=Certificate.Kind.COURSE_COMPLETION,
            completed_on__gte=period.first_day,
            completed_on__lt=period.end_day,
        )
        .count(),
        "records.Certificate kind=course_completion status=valid (not pending, not revoked), "
        "completed_on in [start, end); erased holders included",
    )


def learning_hours(period: Period) -> Amount:
    """Estimated hours of each course completed in the period, taken from the language version the
    learner was reading (or the original version when that one is gone)."""
    completed = (
        Enrolment.objects.filter(period.within("completed_at"))
        .order_by()
        .values_list("course_key", "language")
        .annotate(n=Count("pk"))
    )
    counts = {(key, language): n for key, language, n in completed}
    hours: dict[tuple[Any, str], Decimal] = {}
    originals: dict[Any, Decimal] = {}
    versions = Course.objects.filter(translation_key__in={key for key, _language in counts}).values_list(
        "translation_key", "language", "estimated_hours", "translated_from_id"
    )
    for key, language, estimated, translated_from in versions:
        hours[(key, language)] = estimated
        if translated_from is None:
            originals[key] = estimated
    total = sum(
        (
            n * hours.get((key, language), originals.get(key, Decimal(0)))
            for (key, language), n in counts.items()
        ),
        Decimal(0),
    )
    return Amount(
        float(total),
        "sum of courses.Course.estimated_hours (the enrolment's language version, else the original) "
        "over courses.Enrolment with start <= completed_at < end",
        unit="hours",
    )


# Library


def _published_resources(period: Period) -> QuerySet[Resource]:
    return Resource.objects.published().filter(period.within("published_at"))


def resources_published(period: Period) -> Tally:
    return Tally(
        _published_resources(period).count(),
        "library.Resource status=published with start <= published_at < end",
        people=False,
    )


def resources_by_language(period: Period) -> Breakdown:
    return Breakdown(
        _by(_published_resources(period), "language"),
        "library.Resource status=published with start <= published_at < end, by language",
        people=False,
    )


def resources_by_kind(period: Period) -> Breakdown:
    return Breakdown(
        _by(_published_resources(period), "kind"),
        "library.Resource status=published with start <= published_at < end, by kind",
        people=False,
    )


def downloads(period: Period) -> Tally:
    return Tally(
        Download.objects.filter(period.within("at")).count(),
        "library.Download with start <= at < end (each download or play; erased members' stay)",
        people=False,
    )


def downloads_by_language(period: Period) -> Breakdown:
    return Breakdown(
        _by(Download.objects.filter(period.within("at")), "language"),
        "library.Download with start <= at < end, by language",
        people=False,
    )


# Community


def _questions(period: Period) -> QuerySet[Contribution]:
    return Contribution.objects.published().questions().filter(period.within("created_at"))


def community_questions(period: Period) -> Tally:
    return Tally(
        _questions(period).count(),
        "community.Contribution kind=question status=published with start <= created_at < end",
        people=False,
    )


def community_answered(period: Period) -> Share:
    answered = Exists(
        Contribution.objects.filter(
            parent=OuterRef("pk"), kind=Contribution.Kind.ANSWER, status=Contribution.Status.PUBLISHED
        )
    )
    counted = _questions(period).aggregate(all=Count("pk"), answered=Count("pk", filter=Q(answered)))
    return Share(
        counted["answered"],
        counted["all"],
        "published questions asked in [start, end) with at least one published answer (posted at any "
        "time) / published questions asked in [start, end)",
    )


def community_median_first_answer(period: Period) -> Amount:
    """Median of (first published answer - question) over the answered questions of the period,
    in hours; computed in Python, so the same on every database."""
    first = Subquery(  # read from the index (parent, kind, status, created_at) alone
        Contribution.objects.filter(
            parent=OuterRef("pk"), kind=Contribution.Kind.ANSWER, status=Contribution.Status.PUBLISHED
        )
        .order_by()
        .values("parent")
        .annotate(first=Min("created_at"))
        .values("first")
    )
    rows = _questions(period).annotate(first=first).values_list("created_at", "first")
    waits = [(first - asked).total_seconds() / 3600 for asked, first in rows if first is not None]
    return Amount(
        round(statistics.median(waits), 2) if waits else None,
        "median over published questions asked in [start, end) of (earliest published answer's "
        "created_at - question's created_at); unanswered questions left out",
        unit="hours",
    )


def community_cases(period: Period) -> Tally:
    return Tally(
        Contribution.objects.published().cases().filter(period.within("created_at")).count(),
        "community.Contribution kind=case status=published with start <= created_at < end",
        people=False,
    )


def community_questions_by_language(period: Period) -> Breakdown:
    return Breakdown(
        _by(_questions(period), "language"),
        "published questions asked in [start, end), by language",
        people=False,
    )


# The report


FIGURES: dict[str, Callable[[Period], Figure]] = {
    "members.total": members_total,
    "members.new": members_new,
    "members.active": members_active,
    "members.by_country": members_by_country,
    "members.by_profession": members_by_profession,
    "members.by_language": members_by_language,
    "members.by_gender": members_by_gender,
    "members.new_by_month": new_members_by_month,
    "members.verified_professionals": verified_professionals,
    "members.experts": experts,
    "webinars.held": webinars_held,
    "webinars.languages": webinar_languages,
    "webinars.presenters": webinar_presenters,
    "webinars.by_language": webinars_by_language,
    "webinars.by_month": webinars_by_month,
    "webinars.registrations": webinar_registrations,
    "webinars.participants": webinar_participants,
    "webinars.unique_participants": webinar_unique_participants,
    "webinars.participants_by_language": webinar_participants_by_language,
    "webinars.participants_by_country": webinar_participants_by_country,
    "webinars.participants_by_profession": webinar_participants_by_profession,
    "webinars.found_useful": webinar_found_useful,
    "webinars.response_rate": webinar_response_rate,
    "courses.offered": courses_offered,
    "courses.languages": course_languages,
    "courses.enrolments": course_enrolments,
    "courses.enrolments_by_language": course_enrolments_by_language,
    "courses.completions": course_completions,
    "courses.completions_by_month": course_completions_by_month,
    "courses.certificates": course_certificates,
    "courses.learning_hours": learning_hours,
    "library.resources_published": resources_published,
    "library.resources_by_language": resources_by_language,
    "library.resources_by_kind": resources_by_kind,
    "library.downloads": downloads,
    "library.downloads_by_language": downloads_by_language,
    "community.questions": community_questions,
    "community.questions_by_language": community_questions_by_language,
    "community.answered": community_answered,
    "community.median_hours_to_first_answer": community_median_first_answer,
    "community.case_discussions": community_cases,
}


@dataclass
class Report:
    period: Period
    figures: dict[str, Figure] = field(default_factory=dict)
    computed_at: datetime = field(default_factory=timezone.now)

    def export(self, *, protected: bool = False) -> dict[str, Any]:
        return {
            "period": self.period.as_dict(),
            "protected": protected,
            "figures": {name: figure.export(protected=protected) for name, figure in self.figures.items()},
        }


def report(period: Period) -> Report:
    """Every figure for the period (a fixed number of queries: one or two per figure)."""
    return Report(period, {name: compute(period) for name, compute in FIGURES.items()})


REPORT_FRESH_SECONDS = 600
REPORT_KEPT_SECONDS = 7 * 24 * 3600


def _report_key(period: Period) -> str:
    return f"impact:report:{period.start.isoformat()}:{period.end.isoformat()}"


def cached_report(period: Period, *, key: str = "") -> Report:
    """The report of a period as last computed (the default cache: Redis in production), so the
    public page, the dashboard and its exports of one period cost one computation. A report
    older than ten minutes is still served (pages say when it was computed) while a background
    task computes it again; only a period never asked for before is computed in the request.
    ``key``: a name that outlives the period's end (the public page's "since the hub began, up to
    today" is the same figure tomorrow, one day longer)."""
    key = f"impact:report:{key}" if key else _report_key(period)
    found = cache.get(key)
    if isinstance(found, Report):
        stale = (timezone.now() - found.computed_at).total_seconds() > REPORT_FRESH_SECONDS
        if stale and cache.add(f"{key}:refreshing", True, REPORT_FRESH_SECONDS):
            from .tasks import refresh_report

            refresh_report.enqueue(start=period.start.isoformat(), end=period.end.isoformat(), key=key)
        return found
    return refresh(period, key)


def refresh(period: Period, key: str) -> Report:
    """Compute the period's report now and keep it under ``key`` for cached_report."""
    computed = report(period)
    cache.set(key, computed, REPORT_KEPT_SECONDS)
    cache.delete(f"{key}:refreshing")
    return computed


@dataclass(frozen=True)
class Change:
    """One figure in two periods; ``difference`` is second - first. ``small``: either period's
    figure counts fewer than 5 people, so a protected export shows neither value nor difference."""

    first: float | None
    second: float | None
    small: bool = False

    @property
    def difference(self) -> float | None:
        if self.first is None or self.second is None:
            return None
        return round(self.second - self.first, 4)

    def export(self, *, protected: bool = False) -> dict[str, Any]:
        if protected and self.small:
            return {"first": SMALL_CELL_LABEL, "second": SMALL_CELL_LABEL, "difference": None}
        return {"first": self.first, "second": self.second, "difference": self.difference}


def _is_small(figure: Figure) -> bool:
    if isinstance(figure, Share):
        return figure.part < SMALL_CELL or figure.whole < SMALL_CELL
    if isinstance(figure, Tally | Breakdown) and figure.people:
        return _scalar(figure) < SMALL_CELL  # type: ignore[operator]
    return False


def _scalar(figure: Figure) -> float | None:
    if isinstance(figure, Breakdown):
        return figure.total
    return figure.value


def compare(first: Report, second: Report) -> dict[str, Change]:
    """Each figure's headline value (a breakdown's total) in both periods."""
    return {
        name: Change(
            _scalar(figure),
            _scalar(second.figures[name]),
            small=_is_small(figure) or _is_small(second.figures[name]),
        )
        for name, figure in first.figures.items()
        if name in second.figures
    }
