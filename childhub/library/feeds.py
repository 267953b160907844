"""RSS and Atom feeds of newly published public resources: all of them, per topic, per language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import escape, linebreaks
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from childhub.core.languages import CONTENT_LANGUAGES, language_name
from childhub.core.models import Topic

from .models import Resource

FEED_ITEMS = 50


@dataclass(frozen=True)
class FeedScope:
    """What a feed follows: the whole library, one topic, or one content language."""

    topic: Topic | None = None
    language: str = ""


class NewResourcesFeed(Feed):
    """The newest public resources, as RSS 2.0.

    Feed readers fetch without a session, so only resources anyone may open are listed,
    whoever asks. Item links keep the interface language of the feed's own address: the
    reader chose it by subscribing there, and many content languages (tr, rom, me…) have
    no interface of their own to link to.
    """

    feed_type: type[SyndicationFeed] = Rss201rev2Feed
    author_name = "ChildHub"

    def get_object(self, request: HttpRequest, topic: str = "", language: str = "") -> FeedScope:
        if language and language not in CONTENT_LANGUAGES:
            raise Http404
        # An unknown slug raises Topic.DoesNotExist, which the Feed view turns into a 404.
        return FeedScope(topic=Topic.objects.get(slug=topic) if topic else None, language=language)

    def title(self, scope: FeedScope) -> str:
        if scope.topic is not None:
            return _("New in the ChildHub library: %(topic)s") % {"topic": scope.topic.name}
        if scope.language:
            return _("New in the ChildHub library in %(language)s") % {
                "language": language_name(scope.language)
            }
        return _("New in the ChildHub library")

    def description(self, scope: FeedScope) -> str:
        return _("Resources for child protection professionals, newest first.")

    def link(self, scope: FeedScope) -> str:
        index = reverse("library:index")
        if scope.topic is not None:
            return f"{index}?{urlencode({'topic': scope.topic.slug})}"
        if scope.language:
            return f"{index}?{urlencode({'language': scope.language})}"
        return index

    def items(self, scope: FeedScope) -> list[Resource]:
        resources = Resource.objects.visible_to({Resource.Access.PUBLIC})
        if scope.topic is not None:
            resources = resources.filter(topics=scope.topic)
        if scope.language:
            resources = resources.filter(language=scope.language)
        return list(resources.for_list().order_by("-published_at", "-pk")[:FEED_ITEMS])

    def item_title(self, item: Resource) -> str:
        # Escaped once more, as Django does by default: many RSS readers show titles as HTML.
        return escape(item.title)

    def item_description(self, item: Resource) -> str:
        return linebreaks(item.summary, autoescape=True)

    def item_pubdate(self, item: Resource) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Resource) -> datetime:
        return item.updated_at

    def item_author_name(self, item: Resource) -> str | None:
        return item.organisation.name if item.organisation else None

    def item_categories(self, item: Resource) -> list[str]:
        return [topic.name for topic in item.topics.all()]


class NewResourcesAtomFeed(NewResourcesFeed):
    """The same feed as Atom 1.0."""

    feed_type = Atom1Feed

    def item_title(self, item: Resource) -> str:
        # Atom titles are plain text by definition: no second escaping.
        return item.title

    def subtitle(self, scope: FeedScope) -> str:
        return self.description(scope)
