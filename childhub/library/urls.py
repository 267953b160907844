from django.urls import path

from childhub.core.pages import cache_anonymous_page

from . import views
from .feeds import NewResourcesAtomFeed, NewResourcesFeed

app_name = "library"

# Feed readers poll often and anonymously: serve them from the page cache like other public pages.
rss_feed = cache_anonymous_page(NewResourcesFeed())
atom_feed = cache_anonymous_page(NewResourcesAtomFeed())

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.resource_submit, name="submit"),
    path("mine/", views.my_library, name="mine"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<int:pk>/", views.review, name="review"),
    path("lists/", views.collection_create, name="collection_create"),
    path("lists/<str:token>/", views.collection_detail, name="collection"),
    path("feeds/rss/", rss_feed, name="feed_rss"),
    path("feeds/atom/", atom_feed, name="feed_atom"),
    path("feeds/topic/<slug:topic>/rss/", rss_feed, name="topic_feed_rss"),
    path("feeds/topic/<slug:topic>/atom/", atom_feed, name="topic_feed_atom"),
    path("feeds/language/<str:language>/rss/", rss_feed, name="language_feed_rss"),
    path("feeds/language/<str:language>/atom/", atom_feed, name="language_feed_atom"),
    path("<int:pk>/", views.resource_detail, name="resource"),
    path("<int:pk>/edit/", views.resource_edit, name="edit"),
    path("<int:pk>/file/", views.resource_file, name="file"),
    path("<int:pk>/preview/", views.resource_preview, name="preview"),
    path("<int:pk>/bookmark/", views.bookmark, name="bookmark"),
    path("<int:pk>/add-to-list/", views.collection_add, name="collection_add"),
]
