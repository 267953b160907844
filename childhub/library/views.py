"""Pages of the library: browse and search, a resource, submit and edit, review, lists."""

from __future__ import annotations

from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template, render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from childhub.accounts.permissions import needs_mfa_setup
from childhub.core import ratelimit
from childhub.core.http import MemberRequest, file_response, mfa_setup_redirect
from childhub.core.models import reader_languages
from childhub.core.pages import CountCachedPaginator, cache_anonymous_page

from . import actions, permissions, queries
from .files import embed_for
from .forms import BrowseForm, CollectionForm, ResourceForm, ReviewForm
from .models import Bookmark, Collection, Resource

PAGE_SIZE = 20


def _get_resource(request: HttpRequest, pk: int, *, relations: bool = True) -> Resource:
    resources = Resource.objects.defer("extracted_text")  # a whole PDF's text, read only to index it
    if relations:
        resources = resources.select_related("organisation", "submitted_by").prefetch_related(*_RELATIONS)
    resource = get_object_or_404(resources, pk=pk)
    if not permissions.can_view_resource(request.user, resource):
        raise Http404
    return resource


_RELATIONS = ("topics", "country_rows", "audience_rows")
SEARCHES_PER_MINUTE = 60


# Browsing by facets, sorted and paged, is cached for visitors; searches are not.
BROWSE_PARAMETERS = (
    "kind",
    "topic",
    "language",
    "country",
    "year",
    "organisation",
    "audience",
    "sort",
    "page",
)


@cache_anonymous_page(query=BROWSE_PARAMETERS)
def index(request: HttpRequest) -> HttpResponse:
    """Browse with facets, or search when there is a query."""
    if request.GET.get("q", "").strip() and not ratelimit.allow(
        request, scope="library-search", limit=SEARCHES_PER_MINUTE, seconds=60
    ):
        response = render(request, "library/too_many_searches.html", status=429)
        response["Retry-After"] = "60"
        return response
    form = BrowseForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    filters = queries.Filters(
        kind=data.get("kind") or "",
        topic=data.get("topic") or "",
        language=data.get("language") or "",
        country=data.get("country") or "",
        year=data.get("year") or None,
        organisation=data.get("organisation") or "",
        audience=data.get("audience") or "",
    )
    query = (data.get("q") or "").strip()
    sort = data.get("sort") or ("relevance" if query else "newest")
    params = request.GET.copy()
    params.pop("page", None)
    context: dict = {
        "form": form,
        "query": query,
        "sort": sort,
        "filters": filters,
        "active_filters": [(k, v) for k, v in asdict(filters).items() if v],
    }
    resources = queries.filtered(request.user, filters)
    context["facets"] = queries.cached_facets(request.user, filters)
    context["base_query"] = params.urlencode()
    if query:
        preferences = reader_languages(request.user, request.LANGUAGE_CODE)
        # The cards found, rendered in rank order, are the same for every reader with the same
        # levels and filters until the index or the library changes: rendered once for all of
        # them; each reader's grouping by their languages is done here.
        key = queries.search_cards_key(request.user, query, filters)
        found_cards = cache.get(key)
        if found_cards is None:
            found_cards = _search_cards(request, query, filters)
            cache.set(key, found_cards, 3600)
        fuzzy, cards = found_cards
        # Rendered, and escaped, by the template engine when they were cached.
        groups = queries.group_cards([(language, mark_safe(html)) for language, html in cards], preferences)
        context.update(groups=groups, fuzzy=fuzzy, found=len(cards))
        context["search_results"] = render_to_string("library/_search_results.html", context, request)
    else:
        # Counting the visible library was most of a member's list page (a member's page is not
        # kept whole, as a visitor's is): the total is kept until the library changes.
        page = CountCachedPaginator(
            queries.sorted_resources(resources.for_list(), sort),
            PAGE_SIZE,
            count_key=queries.count_key(request.user, filters),
        ).get_page(request.GET.get("page"))
        context.update(page=page, versions=queries.versions_by_key(list(page.object_list)))
    return render(request, "library/index.html", context)


def _kept_sections(request: HttpRequest, resource: Resource) -> tuple[str, str]:
    """The page's description and related resources, rendered once per resource, reader's
    levels and language until the library changes: both asked of the cache at once."""
    version = queries.library_version()
    article = queries.article_key(resource, request.user, version=version)
    related = queries.related_key(resource, request.user, version=version)
    found = cache.get_many([article, related])
    return (
        _article_html(request, resource, article, found.get(article)),
        _related_html(request, resource, related, found.get(related)),
    )


def _related_html(request: HttpRequest, resource: Resource, key: str, html: str | None) -> str:
    """The related resources section (rendered when not kept)."""
    if html is None:
        related = queries.related(resource, request.user)
        html = render_to_string("library/_related.html", {"related": related}, request) if related else ""
        cache.set(key, html, 3600)
    return mark_safe(html)  # rendered, and escaped, by the template engine


def _article_html(request: HttpRequest, resource: Resource, key: str, html: str | None) -> str:
    """The resource's description and other versions (rendered when not kept; the rest of the
    page is the reader's own)."""
    if html is None:
        prefetch_related_objects([resource], "organisation", "submitted_by", *_RELATIONS)
        others = [
            v
            for v in queries.published_versions(resource)
            if v.pk != resource.pk and permissions.can_view_resource(request.user, v)
        ]
        embed = embed_for(resource.url) if resource.url else None
        context = {"resource": resource, "others": others, "embed": embed}
        html = render_to_string("library/_resource_article.html", context, request)
        cache.set(key, html, 3600)
    return mark_safe(html)  # rendered, and escaped, by the template engine


def _search_cards(
    request: HttpRequest, query: str, filters: queries.Filters
) -> tuple[bool, list[tuple[str, str]]]:
    """(fuzzy, [(language, card HTML), …]) of a search's results, best first."""
    groups, fuzzy = queries.search_resources(
        viewer=request.user, query=query, preferences=[], filters=filters
    )
    hits = [pair for group in groups for pair in group.hits]
    versions = queries.versions_by_key([resource for resource, _hit in hits])
    card = get_template("library/_card.html")
    return fuzzy, [
        (resource.language, card.render({"resource": resource, "snippet": hit.snippet, "versions": versions}))
        for resource, hit in hits
    ]


def resource_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resource = _get_resource(request, pk, relations=False)
    can_edit = permissions.can_edit_resource(request.user, resource)
    bookmarked, collections = queries.reader_state(request.user, resource)
    article_html, related_html = _kept_sections(request, resource)
    return render(
        request,
        "library/resource_detail.html",
        {
            "resource": resource,
            "article_html": article_html,
            "related_html": related_html,
            "bookmarked": bookmarked,
            "can_edit": can_edit,
            "can_review": resource.status == Resource.Status.PENDING
            and permissions.can_review_resource(request.user, resource),
            "collections": collections,
            "history": resource.changes.select_related("actor")[:20] if can_edit else [],
        },
    )


def resource_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Download or play the file; each download is counted (range requests for seeking are not)."""
    resource = _get_resource(request, pk)
    if not resource.file:
        raise Http404
    download = request.GET.get("download") == "1"
    if not request.headers.get("Range") or request.headers.get("Range", "").startswith("bytes=0-"):
        actions.record_download(resource=resource, member=request.user)
    extension = resource.file.name.rsplit(".", 1)[-1] if "." in resource.file.name else "bin"
    filename = f"childhub-{resource.pk}-{resource.language}.{extension}"
    return file_response(
        request,
        resource.file,
        content_type=resource.file_type or "application/octet-stream",
        filename=filename,
        attachment=download or not resource.is_media,
    )


def resource_preview(request: HttpRequest, pk: int) -> HttpResponseBase:
    resource = _get_resource(request, pk)
    if not resource.preview:
        raise Http404
    return file_response(
        request, resource.preview, content_type="image/jpeg", filename="preview.jpg", attachment=False
    )


@login_required
@require_http_methods(["GET", "POST"])
def resource_submit(request: MemberRequest) -> HttpResponse:
    translation_of = None
    if request.GET.get("translation_of"):
        translation_of = Resource.objects.filter(pk=request.GET["translation_of"]).first()
        if translation_of is not None and not permissions.can_view_resource(request.user, translation_of):
            translation_of = None
    form = ResourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        resource = actions.submit_resource(
            member=request.user,
            data=form.model_data(),
            topics=form.cleaned_data["topics"],
            countries=form.cleaned_data["countries"],
            audiences=form.cleaned_data["audiences"],
            upload=form.cleaned_data.get("upload"),
            translation_of=translation_of,
        )
        if resource.status == Resource.Status.PUBLISHED:
            messages.success(request, _("The resource is published."))
        else:
            messages.success(
                request, _("Thank you. A coordinator will review the resource before it is published.")
            )
        return redirect(resource)
    return render(request, "library/resource_form.html", {"form": form, "translation_of": translation_of})


@login_required
@require_http_methods(["GET", "POST"])
def resource_edit(request: MemberRequest, pk: int) -> HttpResponse:
    resource = _get_resource(request, pk)
    permissions.check_can_edit_resource(request.user, resource)
    form = ResourceForm(request.POST or None, request.FILES or None, instance=resource)
    if request.method == "POST" and form.is_valid():
        actions.update_resource(
            resource=resource,
            actor=request.user,
            data=form.model_data(),
            topics=form.cleaned_data["topics"],
            countries=form.cleaned_data["countries"],
            audiences=form.cleaned_data["audiences"],
            upload=form.cleaned_data.get("upload"),
        )
        messages.success(request, _("Your changes are saved."))
        return redirect(resource)
    return render(request, "library/resource_form.html", {"form": form, "resource": resource})


@login_required
def review_queue(request: MemberRequest) -> HttpResponse:
    if not permissions.can_review_any(request.user):
        if needs_mfa_setup(request.user):
            return mfa_setup_redirect(request)
        raise PermissionDenied
    pending = (
        Resource.objects.filter(status=Resource.Status.PENDING)
        .select_related("submitted_by")
        .prefetch_related("country_rows")
    )
    rows = [r for r in pending.order_by("created_at") if permissions.can_review_resource(request.user, r)]
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "library/review_queue.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def review(request: MemberRequest, pk: int) -> HttpResponse:
    resource = get_object_or_404(Resource, pk=pk)
    if not permissions.can_review_resource(request.user, resource):
        if needs_mfa_setup(request.user):
            return mfa_setup_redirect(request)
        raise PermissionDenied
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.review_resource(
            resource=resource,
            reviewer=request.user,
            approve=form.cleaned_data["decision"] == "approve",
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("The decision is saved and the member has been told."))
        return redirect("library:review_queue")
    return render(request, "library/review.html", {"form": form, "resource": resource})


@login_required
@require_POST
def bookmark(request: MemberRequest, pk: int) -> HttpResponse:
    resource = _get_resource(request, pk)
    if actions.toggle_bookmark(member=request.user, resource=resource):
        messages.success(request, _("Bookmarked."))
    else:
        messages.success(request, _("Bookmark removed."))
    return redirect(resource)


@login_required
def my_library(request: MemberRequest) -> HttpResponse:
    bookmarks = Bookmark.objects.filter(member=request.user).select_related("resource__organisation")
    collections = Collection.objects.filter(owner=request.user)
    submissions = Resource.objects.filter(submitted_by=request.user).order_by("-created_at")
    form = CollectionForm()
    return render(
        request,
        "library/my_library.html",
        {"bookmarks": bookmarks, "collections": collections, "submissions": submissions, "form": form},
    )


@login_required
@require_POST
def collection_create(request: MemberRequest) -> HttpResponse:
    form = CollectionForm(request.POST)
    if not form.is_valid():
        bookmarks = Bookmark.objects.filter(member=request.user).select_related("resource")
        return render(
            request,
            "library/my_library.html",
            {
                "bookmarks": bookmarks,
                "collections": Collection.objects.filter(owner=request.user),
                "submissions": Resource.objects.filter(submitted_by=request.user),
                "form": form,
            },
            status=400,
        )
    collection = actions.create_collection(owner=request.user, **form.cleaned_data)
    return redirect("library:collection", token=collection.share_token)


@login_required
@require_POST
def collection_add(request: MemberRequest, pk: int) -> HttpResponse:
    resource = _get_resource(request, pk)
    collection = get_object_or_404(Collection, pk=request.POST.get("collection") or 0, owner=request.user)
    if request.POST.get("remove"):
        actions.remove_from_collection(collection=collection, resource=resource)
    else:
        actions.add_to_collection(collection=collection, resource=resource)
        messages.success(request, _("Added to your reading list."))
    return redirect(resource)


def collection_detail(request: HttpRequest, token: str) -> HttpResponse:
    """A reading list: its owner sees it; others only when it is shared, by its link."""
    collection = get_object_or_404(Collection.objects.select_related("owner"), share_token=token)
    is_owner = request.user.is_authenticated and collection.owner_id == request.user.pk
    if not (is_owner or collection.is_shared):
        raise Http404
    items = [
        r
        for r in collection.resources.select_related("organisation").order_by("collectionitem__added_at")
        if permissions.can_view_resource(request.user, r)
    ]
    return render(
        request, "library/collection.html", {"collection": collection, "items": items, "is_owner": is_owner}
    )
