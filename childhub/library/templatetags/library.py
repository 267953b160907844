"""Template helpers of the library: facet links and other language versions on cards."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import QueryDict

register = template.Library()


@register.filter
def get_versions(versions: dict[Any, list[Any]] | None, resource: Any) -> list[Any]:
    if not versions:
        return []
    return [v for v in versions.get(resource.translation_key, []) if v.pk != resource.pk]


@register.simple_tag
def facet_query(base_query: str, name: str, value: str, selected: bool) -> str:
    """The query string with this facet value chosen (or cleared when it already is)."""
    params = QueryDict(base_query, mutable=True)
    params.pop("page", None)
    if selected:
        params.pop(name, None)
    else:
        params[name] = value
    return params.urlencode()
