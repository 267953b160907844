"""The impact report as people read it: figures with translated names, grouped in sections,
breakdowns as tables whose keys (countries, professions, languages, months) are named in the
reader's language. The dashboard, the public page, the exports and the donor report all read
the report through this module, so they name and protect every figure the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from childhub.accounts.models import Profile
from childhub.core.countries import country_name
from childhub.core.languages import babel_locale, language_name
from childhub.library.models import Resource

from . import queries
from .queries import Amount, Breakdown, Figure, Report, Share, Tally

LABELS: dict[str, Promise] = {
    "members.total": gettext_lazy("Members"),
    "members.new": gettext_lazy("New members"),
    "members.active": gettext_lazy("Active members"),
    "members.by_country": gettext_lazy("Members by country"),
    "members.by_profession": gettext_lazy("Members by profession"),
    "members.by_language": gettext_lazy("Members by the language they use the hub in"),
    "members.by_gender": gettext_lazy("Members by gender"),
    "members.new_by_month": gettext_lazy("New members by month"),
    "members.verified_professionals": gettext_lazy("Verified professionals"),
    "members.experts": gettext_lazy("Experts"),
    "webinars.held": gettext_lazy("Webinars held"),
    "webinars.languages": gettext_lazy("Languages of the webinars"),
    "webinars.presenters": gettext_lazy("Presenters"),
    "webinars.by_language": gettext_lazy("Webinars by language"),
    "webinars.by_month": gettext_lazy("Webinars by month"),
    "webinars.registrations": gettext_lazy("Webinar registrations"),
    "webinars.participants": gettext_lazy("Webinar participants"),
    "webinars.unique_participants": gettext_lazy("Different people who took part"),
    "webinars.participants_by_language": gettext_lazy("Webinar participants by language"),
    "webinars.participants_by_country": gettext_lazy("Webinar participants by country"),
    "webinars.participants_by_profession": gettext_lazy("Webinar participants by profession"),
    "webinars.found_useful": gettext_lazy("Found the webinar useful"),
    "webinars.response_rate": gettext_lazy("Survey response rate"),
    "courses.offered": gettext_lazy("Courses"),
    "courses.languages": gettext_lazy("Languages of the courses"),
    "courses.enrolments": gettext_lazy("Course enrolments"),
    "courses.enrolments_by_language": gettext_lazy("Course enrolments by language"),
    "courses.completions": gettext_lazy("Course completions"),
    "courses.completions_by_month": gettext_lazy("Course completions by month"),
    "courses.certificates": gettext_lazy("Course certificates"),
    "courses.learning_hours": gettext_lazy("Hours of learning"),
    "library.resources_published": gettext_lazy("Resources published"),
    "library.resources_by_language": gettext_lazy("Resources by language"),
    "library.resources_by_kind": gettext_lazy("Resources by type"),
    "library.downloads": gettext_lazy("Downloads and plays"),
    "library.downloads_by_language": gettext_lazy("Downloads by language"),
    "community.questions": gettext_lazy("Questions asked"),
    "community.questions_by_language": gettext_lazy("Questions by language"),
    "community.answered": gettext_lazy("Questions answered"),
    "community.median_hours_to_first_answer": gettext_lazy("Median time to a first answer"),
    "community.case_discussions": gettext_lazy("Case discussions"),
}

SECTIONS: list[tuple[str, Promise, list[str]]] = [
    (
        "members",
        gettext_lazy("Members"),
        [
            "members.total",
            "members.new",
            "members.active",
            "members.verified_professionals",
            "members.experts",
            "members.by_country",
            "members.by_profession",
            "members.by_language",
            "members.by_gender",
            "members.new_by_month",
        ],
    ),
    (
        "webinars",
        gettext_lazy("Webinars"),
        [
            "webinars.held",
            "webinars.languages",
            "webinars.presenters",
            "webinars.registrations",
            "webinars.participants",
            "webinars.unique_participants",
            "webinars.found_useful",
            "webinars.response_rate",
            "webinars.by_language",
            "webinars.by_month",
            "webinars.participants_by_language",
            "webinars.participants_by_country",
            "webinars.participants_by_profession",
        ],
    ),
    (
        "courses",
        gettext_lazy("Courses"),
        [
            "courses.offered",
            "courses.languages",
            "courses.enrolments",
            "courses.completions",
            "courses.certificates",
            "courses.learning_hours",
            "courses.enrolments_by_language",
            "courses.completions_by_month",
        ],
    ),
    (
        "library",
        gettext_lazy("Library"),
        [
            "library.resources_published",
            "library.downloads",
            "library.resources_by_language",
            "library.resources_by_kind",
            "library.downloads_by_language",
        ],
    ),
    (
        "community",
        gettext_lazy("Community"),
        [
            "community.questions",
            "community.answered",
            "community.median_hours_to_first_answer",
            "community.case_discussions",
            "community.questions_by_language",
        ],
    ),
]

# The figures of the public page: totals only, no breakdown.
PUBLIC = [
    "members.total",
    "members.verified_professionals",
    "members.experts",
    "webinars.held",
    "webinars.languages",
    "webinars.presenters",
    "webinars.participants",
    "webinars.found_useful",
    "courses.offered",
    "courses.enrolments",
    "courses.certificates",
    "courses.learning_hours",
    "library.resources_published",
    "library.downloads",
    "community.questions",
    "community.answered",
]


def withheld_note() -> str:
    return _('"x": withheld, so that a group of fewer than five people cannot be worked out from the total.')


def anchor(name: str) -> str:
    """The id of a figure's entry on the methods page."""
    return "m-" + name.replace(".", "-").replace("_", "-")


def _month(key: str) -> str:
    year, month = key.split("-")
    return babel_dates.format_date(date(int(year), int(month), 1), "LLLL y", locale=babel_locale())


def _choice(choices: Any) -> Callable[[str], str]:
    labels = dict(choices)
    return lambda key: str(labels.get(key, key))


KEY_KINDS: dict[str, tuple[Promise, Callable[[str], str]]] = {
    "country": (gettext_lazy("Country"), lambda key: country_name(key)),
    "profession": (gettext_lazy("Profession"), _choice(Profile.Profession.choices)),
    "language": (gettext_lazy("Language"), lambda key: language_name(key)),
    "kind": (gettext_lazy("Type"), _choice(Resource.Kind.choices)),
    "gender": (gettext_lazy("Gender"), _choice(Profile.Gender.choices)),
    "month": (gettext_lazy("Month"), _month),
}


def _key_kind(name: str) -> str:
    for kind in KEY_KINDS:
        if name.endswith(kind):
            return kind
    raise ValueError(name)


def number(value: float | int) -> str:
    return babel_numbers.format_decimal(value, locale=babel_locale())


def day(value: date) -> str:
    return babel_dates.format_date(value, format="long", locale=babel_locale())


def moment(value: datetime) -> str:
    return babel_dates.format_datetime(timezone.localtime(value), format="medium", locale=babel_locale())


def percent(value: float) -> str:
    return babel_numbers.format_percent(value, locale=babel_locale())


@dataclass(frozen=True)
class Headline:
    """One figure as a sentence-sized value: "1,234", "91 %", "12.5 hours", "< 5"."""

    name: str
    label: str
    text: str
    detail: str  # "912 of 1,002 answers"; empty when there is nothing to add
    value: float | int | None  # for exports; None when not shown (protected or nothing measured)
    anchor: str


def headline(name: str, figure: Figure, *, protected: bool) -> Headline:
    label = str(LABELS[name])
    if isinstance(figure, Tally):
        if protected and figure.people and figure.value < queries.SMALL_CELL:
            return Headline(name, label, queries.SMALL_CELL_LABEL, "", None, anchor(name))
        return Headline(name, label, number(figure.value), "", figure.value, anchor(name))
    if isinstance(figure, Share):
        if protected and (figure.part < queries.SMALL_CELL or figure.whole < queries.SMALL_CELL):
            return Headline(name, label, queries.SMALL_CELL_LABEL, "", None, anchor(name))
        if figure.value is None:
            return Headline(name, label, "–", "", None, anchor(name))
        detail = _("%(part)s of %(whole)s") % {"part": number(figure.part), "whole": number(figure.whole)}
        return Headline(name, label, percent(figure.value), detail, figure.value, anchor(name))
    if isinstance(figure, Amount):
        if figure.value is None:
            return Headline(name, label, "–", "", None, anchor(name))
        text = _("%(hours)s hours") % {"hours": number(round(figure.value, 1))}
        return Headline(name, label, text, "", figure.value, anchor(name))
    raise TypeError(name)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    value: int
    text: str  # the value as shown: "1,234" or "< 5"
    shown: int | None  # the value in exports: None when protected


@dataclass(frozen=True)
class Table:
    """A breakdown: one row per key, with the key's name in the reader's language."""

    name: str
    title: str
    key_header: str
    rows: list[Row]
    method: str
    people: bool
    chronological: bool
    anchor: str

    @property
    def total(self) -> int:
        return sum(row.value for row in self.rows)

    @property
    def withheld(self) -> bool:
        """Whether a cell larger than a small group is hidden ("x"), which a note explains."""
        return any(row.text == queries.WITHHELD_LABEL for row in self.rows)


def table(name: str, figure: Breakdown, *, protected: bool) -> Table:
    kind = _key_kind(name)
    header, label_of = KEY_KINDS[kind]
    rows = []
    small, also = figure.withheld() if protected else (set(), set())
    for key, value in figure.rows.items():
        label = _("Not known") if key == queries.UNKNOWN else label_of(key)
        if key in small or key in also:
            text = queries.SMALL_CELL_LABEL if key in small else queries.WITHHELD_LABEL
            rows.append(Row(key, label, value, text, None))
        else:
            rows.append(Row(key, label, value, number(value), value))
    if kind != "month":  # largest first; months stay in order
        rows.sort(key=lambda row: (-row.value, row.label))
    return Table(
        name,
        str(LABELS[name]),
        str(header),
        rows,
        figure.method,
        figure.people,
        kind == "month",
        anchor(name),
    )


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    headlines: list[Headline]
    tables: list[Table]


def sections(report: Report, *, protected: bool) -> list[Section]:
    result = []
    for slug, title, names in SECTIONS:
        headlines, tables = [], []
        for name in names:
            figure = report.figures[name]
            if isinstance(figure, Breakdown):
                tables.append(table(name, figure, protected=protected))
            else:
                headlines.append(headline(name, figure, protected=protected))
        result.append(Section(slug, str(title), headlines, tables))
    return result


def public_headlines(report: Report) -> list[Headline]:
    return [headline(name, report.figures[name], protected=True) for name in PUBLIC]


@dataclass(frozen=True)
class Compared:
    name: str
    label: str
    first: str
    second: str
    difference: str
    anchor: str


def comparison(first: Report, second: Report, *, protected: bool) -> list[Compared]:
    """Each headline figure in both periods; protected, a figure of fewer than 5 people in either
    period is shown in neither (the difference would give the small count away)."""
    changes = queries.compare(first, second)
    rows = []
    for _slug, _title, names in SECTIONS:
        for name in names:
            change = changes[name]
            figure = second.figures[name]
            if isinstance(figure, Breakdown):
                continue
            if protected and change.small:
                small = queries.SMALL_CELL_LABEL
                rows.append(Compared(name, str(LABELS[name]), small, small, "", anchor(name)))
                continue
            show = percent if isinstance(figure, Share) else number
            texts = ["–" if v is None else show(v) for v in (change.first, change.second)]
            difference = change.difference
            if difference is None:
                change_text = ""
            elif isinstance(figure, Share):
                # Percentage points, not percent: 85 % → 91 % is "+6 points".
                change_text = _("%(points)s points") % {"points": _signed(difference * 100)}
            else:
                change_text = _signed(difference)
            rows.append(Compared(name, str(LABELS[name]), texts[0], texts[1], change_text, anchor(name)))
    return rows


def _signed(value: float) -> str:
    rounded = round(value, 1)
    if rounded == int(rounded):
        rounded = int(rounded)
    text = number(abs(rounded))
    if rounded > 0:
        return "+" + text
    if rounded < 0:
        return "−" + text
    return text


def methods() -> list[tuple[str, str, str]]:
    """(anchor, label, method) of every figure, for the page that says how each is counted.
    The methods are read off the figures of an empty period, so they cannot drift from them."""
    empty = queries.Period.of_days(date(2000, 1, 1), date(2000, 1, 1))
    return [
        (anchor(name), str(LABELS[name]), compute(empty).method) for name, compute in queries.FIGURES.items()
    ]
