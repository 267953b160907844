"""Moments shown in a named IANA zone, with the zone's own label in the reader's language (via babel)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from babel import dates as babel_dates

from childhub.core.languages import babel_locale

TZ_COOKIE = "tz"


@lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def valid_zone(name: str | None) -> str:
    """The zone's name if it is a known IANA zone, else ""."""
    name = (name or "").strip()
    return name if name in known_zones() else ""


@lru_cache(maxsize=1)
def zone_choices() -> list[tuple[str, str]]:
    """The zones of Europe first (where members are), then the rest of the world."""
    names = sorted(known_zones() - {"localtime", "Factory"})
    europe = [n for n in names if n.startswith("Europe/")]
    rest = [n for n in names if "/" in n and not n.startswith(("Europe/", "Etc/", "SystemV/", "US/"))]
    return [(n, n.replace("_", " ")) for n in europe + rest + ["UTC"]]


@dataclass(frozen=True)
class ZonedMoment:
    iso: str  # for <time datetime="…">
    date: str  # "Tuesday, 26 October 2027"
    time: str  # "15:00"
    zone: str  # "Central European Summer Time"
    zone_name: str  # "Europe/Budapest"

    def __str__(self) -> str:
        return f"{self.date}, {self.time} ({self.zone})"


def zoned(moment: datetime, zone_name: str, language: str | None = None) -> ZonedMoment:
    """``moment`` as a clock in ``zone_name`` shows it; the label depends on the date (DST)."""
    zone = ZoneInfo(zone_name)
    local = moment.astimezone(zone)
    locale = babel_locale(language)
    return ZonedMoment(
        iso=local.isoformat(),
        date=babel_dates.format_date(local.date(), format="full", locale=locale),
        time=babel_dates.format_time(local, format="short", tzinfo=zone, locale=locale),
        zone=babel_dates.format_datetime(local, "zzzz", tzinfo=zone, locale=locale),
        zone_name=zone_name,
    )
