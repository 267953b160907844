"""Template helpers of the community: its menu, the author line, and findings of the guard highlighted."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from childhub.core import fragments
from childhub.core.countries import country_name

register = template.Library()


@register.simple_tag(takes_context=True)
def community_nav(context: dict[str, Any]) -> SafeString:
    """The community's menu: the same for every visitor, and for every member, in a language
    (kept in each process like the site's header)."""
    signed_in = context["request"].user.is_authenticated
    key = ("community-nav", translation.get_language(), signed_in)
    html = fragments.kept(key, lambda: render_to_string("community/_nav.html", {"signed_in": signed_in}))
    return mark_safe(html)  # rendered (and escaped) by the template engine


@register.simple_tag(takes_context=True)
def author_line(context: dict[str, Any], contribution: Any) -> str:
    """The author's name, or "a member from <country>" for anonymous questions."""
    from childhub.community.permissions import can_see_author

    viewer = context["request"].user
    author = contribution.author
    if contribution.is_anonymous and not can_see_author(viewer, contribution):
        country = getattr(getattr(author, "profile", None), "country", "") or contribution.country
        if country:
            return _("a member from %(country)s") % {"country": country_name(country)}
        return _("a member")
    name = author.public_name
    if contribution.is_anonymous:
        return _("%(name)s (anonymous to others)") % {"name": name}
    return name


@register.filter
def highlight(text: str, findings: list[Any]) -> SafeString:
    """The text with each finding marked, everything else escaped."""
    out: list[str] = []
    cursor = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < cursor:
            continue
        out.append(escape(text[cursor : finding.start]))
        out.append(f'<mark class="finding">{escape(text[finding.start : finding.end])}</mark>')
        cursor = finding.end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))
