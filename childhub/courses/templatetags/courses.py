"""Template helpers of the courses: lesson text sanitised again as it is shown, embedded players."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

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
