"""Template helpers of the courses: lesson text sanitised again as it is shown, embedded players,
the list of a course's languages."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from childhub.core import fragments
from childhub.courses.content import clean_html
from childhub.library.files import embed_for

register = template.Library()


@register.filter
def lesson_html(body: str) -> SafeString:
    """Text blocks are sanitised when saved; cleaning again as shown costs little and keeps a row
    written by any other path (an import, the shell) from running anything."""
    return mark_safe(clean_html(body))


@register.simple_tag
def embed_src(url: str, start: int = 0) -> str:
    """The privacy-preserving player address of a video link, starting at ``start`` seconds."""
    embed = embed_for(url)
    if embed is None:
        return ""
    if start and embed.provider == "youtube":
        return f"{embed.src}?start={int(start)}"
    if start and embed.provider == "vimeo":
        return f"{embed.src}#t={int(start)}s"
    return embed.src


@register.filter
def get_item(mapping: dict[Any, Any] | None, key: Any) -> Any:
    return mapping.get(key) if mapping else None


@register.filter
def clock(seconds: int | None) -> str:
    """Seconds as a player shows them: 125 → "2:05", 3725 → "1:02:05"."""
    total = int(seconds or 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@register.filter
def filename(field: Any) -> str:
    name = str(getattr(field, "name", "") or "")
    return name.rsplit("/", 1)[-1]


@register.simple_tag
def course_languages(versions: Any, course: Any, enrolment: Any) -> SafeString:
    """The course's languages, each with its translation status: a link for readers, a button for
    the learner (on the form beside the list). Kept in each process under everything it shows."""
    enrolled = enrolment is not None
    entries = tuple((entry.course.language, entry.status) for entry in versions)
    key = ("course-languages", translation.get_language(), course.language, enrolled, entries)

    def render() -> str:
        context = {"versions": versions, "current": course.language, "enrolled": enrolled}
        return render_to_string("courses/_language_list.html", context)

    return mark_safe(fragments.kept(key, render))  # rendered (and escaped) by the template engine
