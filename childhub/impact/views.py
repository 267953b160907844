"""The public impact page, the methods page, and the staff dashboard with its exports."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import Min
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from childhub.accounts.models import User
from childhub.accounts.permissions import needs_mfa_setup
from childhub.core.http import MemberRequest, mfa_setup_redirect
from childhub.core.pages import cache_anonymous_page

from . import exports, queries, tables
from .charts import bar_chart
from .forms import EARLIEST, PeriodForm, period_form
from .permissions import check_can_see_dashboard


def _first_year() -> int:
    """The year the first member joined (read once an hour)."""
    year = cache.get("impact:first-year")
    if year is None:
        first = User.objects.aggregate(first=Min("date_joined"))["first"]
        year = timezone.localtime(first).year if first else timezone.localdate().year
        cache.set("impact:first-year", year, 3600)
    return int(year)


@require_GET
@cache_anonymous_page(query=["year"])
def public(request: HttpRequest) -> HttpResponse:
    """The headline figures since the hub began, or for one year; groups of fewer than five people
    are shown as "< 5"."""
    today = timezone.localdate()
    years = list(range(today.year, _first_year() - 1, -1))
    asked = request.GET.get("year", "")
    year = int(asked) if asked.isdigit() and int(asked) in years else None
    if year is None:
        period = queries.Period.of_days(EARLIEST, today)
    else:
        period = queries.Period.of_days(date(year, 1, 1), min(date(year, 12, 31), today))
    # Named by what it shows, not by its last day: a new day serves yesterday's report (saying
    # when it was computed) while a task computes today's, instead of a visitor waiting for it.
    report = queries.cached_report(period, key=f"public:{year or 'all'}")
    period = report.period
    context = {
        "headlines": tables.public_headlines(report),
        "years": years,
        "year": year,
        "period": period,
        "computed_at": report.computed_at,
    }
    return render(request, "impact/public.html", context)


@require_GET
@cache_anonymous_page
def methods(request: HttpRequest) -> HttpResponse:
    """How each figure is counted."""
    return render(request, "impact/methods.html", {"methods": tables.methods()})


def _staff_form(request: MemberRequest) -> PeriodForm | HttpResponse:
    if needs_mfa_setup(request.user):
        return mfa_setup_redirect(request)
    check_can_see_dashboard(request.user)
    return period_form(request.GET)


@login_required
@require_GET
def dashboard(request: MemberRequest) -> HttpResponse:
    form = _staff_form(request)
    if isinstance(form, HttpResponse):
        return form
    if not form.is_valid():
        return render(request, "impact/dashboard.html", {"form": form}, status=400)
    report = queries.cached_report(form.period())
    compared_period = form.compared_period()
    comparison = None
    if compared_period is not None:
        comparison = tables.comparison(queries.cached_report(compared_period), report, protected=False)
    sections = [
        (section, [(table, bar_chart(table)) for table in section.tables])
        for section in tables.sections(report, protected=False)
    ]
    context = {
        "form": form,
        "report": report,
        "sections": sections,
        "comparison": comparison,
        "compared_period": compared_period,
        "query": form_query(form),
    }
    return render(request, "impact/dashboard.html", context)


def form_query(form: PeriodForm) -> str:
    """The period of a valid form as a query string, for the export links."""
    query = QueryDict(mutable=True)
    for name in ("start", "end", "compare_start", "compare_end"):
        if form.cleaned_data.get(name):
            query[name] = form.cleaned_data[name].isoformat()
    return query.urlencode()


def _export_period(request: MemberRequest) -> tuple[PeriodForm, queries.Report] | HttpResponse:
    form = _staff_form(request)
    if isinstance(form, HttpResponse):
        return form
    if not form.is_valid():
        return render(request, "impact/dashboard.html", {"form": form}, status=400)
    return form, queries.cached_report(form.period())


@login_required
@require_GET
def export_csv(request: MemberRequest) -> HttpResponse:
    """Every figure and every row of every table (or one table: ``?table=members.by_country``),
    with groups of fewer than five people shown as "< 5"."""
    found = _export_period(request)
    if isinstance(found, HttpResponse):
        return found
    _form, report = found
    only = request.GET.get("table", "")
    return exports.csv_download(report, only=only if only in queries.FIGURES else "")


@login_required
@require_GET
def export_xlsx(request: MemberRequest) -> HttpResponse:
    found = _export_period(request)
    if isinstance(found, HttpResponse):
        return found
    _form, report = found
    response = HttpResponse(exports.xlsx_workbook(report), content_type=exports.XLSX)
    response["Content-Disposition"] = (
        content_disposition_header(True, exports.filename(report, "xlsx")) or "attachment"
    )
    return response


@login_required
@require_GET
def donor_report(request: MemberRequest) -> HttpResponse:
    """The one-click report for a funder: a PDF of the period's figures, protected."""
    found = _export_period(request)
    if isinstance(found, HttpResponse):
        return found
    form, report = found
    compared_period = form.compared_period()
    earlier = queries.cached_report(compared_period) if compared_period else None
    response = HttpResponse(exports.donor_report_pdf(report, earlier), content_type="application/pdf")
    response["Content-Disposition"] = (
        content_disposition_header(True, exports.filename(report, "pdf")) or "attachment"
    )
    return response
