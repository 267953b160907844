"""Lesson text as partner editors write it, sanitised: the formatting a lesson needs, nothing that runs."""

from __future__ import annotations

import nh3

TAGS = {
    # structure
    "p", "br", "hr", "h2", "h3", "h4", "h5", "blockquote", "figure", "figcaption", "div", "span",
    # emphasis and inline
    "strong", "em", "b", "i", "u", "s", "mark", "small", "sub", "sup", "abbr", "cite", "q", "code",
    # lists
    "ul", "ol", "li", "dl", "dt", "dd",
    # links and pictures from the hub's own storage
    "a", "img",
    # tables
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed"},
    "th": {"scope", "colspan", "rowspan", "abbr"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
    "blockquote": {"cite"},
    "q": {"cite"},
    # A passage in another language keeps its language, for screen readers and hyphenation.
    "*": {"lang", "dir"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_REL = "noopener noreferrer"


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    # Pictures only from the hub itself: the content security policy blocks others, and a picture
    # on someone else's server tells them who reads the lesson.
    if tag == "img" and attribute == "src" and not (value.startswith("/") and not value.startswith("//")):
        return None
    return value


def clean_html(html: str) -> str:
    """Lesson HTML safe to show as it is: headings, paragraphs, lists, emphasis, links (given
    ``rel="noopener noreferrer"``), tables, figures and the hub's own pictures are kept; scripts,
    styles, frames, forms, event handlers and ``javascript:`` addresses are removed."""
    return nh3.clean(
        html or "",
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_keep_attribute,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()
