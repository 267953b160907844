"""Template helpers of the webinars: a webinar's times in its zone and in the viewer's."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import template

from childhub.webinars.times import ZonedMoment, zoned

register = template.Library()


@register.filter
def in_zone(moment: datetime | None, zone_name: str) -> ZonedMoment | str:
    if moment is None or not zone_name:
        return ""
    return zoned(moment, zone_name)


@register.inclusion_tag("webinars/_times.html")
def webinar_times(webinar: Any, viewer_zone: str = "") -> dict[str, Any]:
    """The start in the event's zone and, when it differs, in the viewer's own zone."""
    event = zoned(webinar.starts_at, webinar.time_zone)
    viewer = None
    if viewer_zone and viewer_zone != webinar.time_zone:
        theirs = zoned(webinar.starts_at, viewer_zone)
        if (theirs.date, theirs.time, theirs.zone) != (event.date, event.time, event.zone):
            viewer = theirs
    return {"event": event, "viewer": viewer, "duration": webinar.duration_minutes}


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key) if mapping else None


@register.filter
def places_left(webinar: Any) -> int:
    """Free places of a listed webinar (its ``taken`` annotation, counted from registrations)."""
    return max(webinar.capacity - getattr(webinar, "taken", 0), 0)
