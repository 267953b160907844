"""Changes to the library: submitting, reviewing, editing, reading files, downloads, lists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from childhub.accounts.models import User
from childhub.core.images import reencode_image
from childhub.core.mail import mail_member
from childhub.core.models import Topic
from childhub.search import backends as search

from .files import extract_pdf, sniff
from .models import (
    Bookmark,
    Collection,
    CollectionItem,
    Download,
    Resource,
    ResourceAudience,
    ResourceChange,
    ResourceCountry,
)
from .permissions import publishes_directly

SEARCH_KIND = "library.resource"
TRACKED_FIELDS = [
    "title",
    "summary",
    "language",
    "kind",
    "authors",
    "organisation_id",
    "year",
    "licence",
    "access",
    "url",
    "transcript",
    "practice_context",
    "practice_action",
    "practice_results",
    "practice_contact",
]


def _snapshot(resource: Resource) -> dict[str, Any]:
    data = {name: getattr(resource, name) for name in TRACKED_FIELDS}
    if resource.pk:
        data["topics"] = sorted(t.slug for t in resource.topics.all())
        data["countries"] = sorted(resource.countries)
        data["file"] = resource.file.name or ""
    return data


def _store_file(resource: Resource, upload: UploadedFile) -> None:
    kind = sniff(upload)
    resource.file_type = kind.mime if kind else ""
    resource.file_size = upload.size
    resource.extracted_text = ""
    if kind is not None and kind.family == "image":
        stored = reencode_image(upload, max_side=2400, name="image")
        resource.file.save("image.jpg", stored, save=False)
        resource.file_type = "image/jpeg"
        resource.file_size = stored.size
    else:
        resource.file.save(upload.name or "file", upload, save=False)


def _relations(
    resource: Resource, topics: Iterable[Topic], countries: Iterable[str], audiences: Iterable[str]
) -> None:
    resource.topics.set(topics)
    ResourceCountry.objects.filter(resource=resource).delete()
    ResourceCountry.objects.bulk_create(
        [ResourceCountry(resource=resource, country=c) for c in set(countries)]
    )
    ResourceAudience.objects.filter(resource=resource).delete()
    ResourceAudience.objects.bulk_create(
        [ResourceAudience(resource=resource, profession=p) for p in set(audiences)]
    )


def _after_commit(resource: Resource, *, file_changed: bool) -> None:
    from .tasks import process_resource_file

    pk = resource.pk
    if file_changed and resource.file_type == "application/pdf":
        transaction.on_commit(lambda: process_resource_file.enqueue(resource_id=pk))
    transaction.on_commit(lambda: index_resource(resource_id=pk))


@transaction.atomic
def submit_resource(
    *,
    member: User,
    data: dict[str, Any],
    topics: Iterable[Topic],
    countries: Iterable[str],
    audiences: Iterable[str],
    upload: UploadedFile | None = None,
    translation_of: Resource | None = None,
) -> Resource:
    """Add a resource. Partner editors (and staff) publish at once; others wait for review."""
    resource = Resource(**data, submitted_by=member)
    if translation_of is not None:
        resource.translation_key = translation_of.translation_key
    if publishes_directly(member, resource.organisation):
        resource.status = Resource.Status.PUBLISHED
        resource.published_at = timezone.now()
    if upload is not None:
        _store_file(resource, upload)
    resource.save()
    _relations(resource, topics, countries, audiences)
    action = "published" if resource.status == Resource.Status.PUBLISHED else "submitted"
    ResourceChange.objects.create(
        resource=resource, actor=member, action=action, changes=_jsonable(_snapshot(resource))
    )
    _after_commit(resource, file_changed=upload is not None)
    return resource


@transaction.atomic
def update_resource(
    *,
    resource: Resource,
    actor: User,
    data: dict[str, Any],
    topics: Iterable[Topic],
    countries: Iterable[str],
    audiences: Iterable[str],
    upload: UploadedFile | None = None,
) -> Resource:
    """Save an edit, recording which fields changed from what to what."""
    before = _snapshot(Resource.objects.get(pk=resource.pk))  # as stored, whatever a form set since
    for name, value in data.items():
        setattr(resource, name, value)
    if upload is not None:
        _store_file(resource, upload)
    resource.save()
    _relations(resource, topics, countries, audiences)
    after = _snapshot(resource)
    changed = {k: [before.get(k), after[k]] for k in after if before.get(k) != after[k]}
    if changed:
        ResourceChange.objects.create(
            resource=resource, actor=actor, action="edited", changes=_jsonable(changed)
        )
    _after_commit(resource, file_changed=upload is not None)
    return resource


@transaction.atomic
def review_resource(*, resource: Resource, reviewer: User, approve: bool, note: str = "") -> Resource:
    """Publish or turn down a submission; the submitter is told in their language."""
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    if resource.status != Resource.Status.PENDING:
        return resource
    resource.status = Resource.Status.PUBLISHED if approve else Resource.Status.REJECTED
    resource.review_note = note.strip()
    if approve:
        resource.published_at = timezone.now()
    resource.save(update_fields=["status", "review_note", "published_at", "updated_at"])
    ResourceChange.objects.create(
        resource=resource,
        actor=reviewer,
        action="approved" if approve else "rejected",
        changes={"note": note},
    )
    if resource.submitted_by is not None:
        mail_member(
            member=resource.submitted_by,
            template="library/email/reviewed",
            context={"resource": resource, "approved": approve, "note": resource.review_note},
        )
    pk = resource.pk
    transaction.on_commit(lambda: index_resource(resource_id=pk))
    return resource


def process_resource_file(*, resource_id: int) -> None:
    """Read an uploaded PDF: its text for search and a preview of its first page."""
    resource = Resource.objects.filter(pk=resource_id).first()
    if resource is None or not resource.file or resource.file_type != "application/pdf":
        return
    with resource.file.open("rb") as handle:
        data = handle.read()
    try:
        extract = extract_pdf(data)
    except Exception:  # a damaged PDF stays downloadable, only without preview and text
        return
    resource.extracted_text = extract.text[:500_000]
    if extract.preview is not None:
        resource.preview.save("preview.jpg", extract.preview, save=False)
    resource.save(update_fields=["extracted_text", "preview"])
    index_resource(resource_id=resource.pk)


def index_resource(*, resource_id: int) -> None:
    """Put a published resource in the search index, or take it out."""
    resource = Resource.objects.filter(pk=resource_id).select_related("organisation").first()
    if resource is None or resource.status != Resource.Status.PUBLISHED:
        search.remove_document(kind=SEARCH_KIND, object_id=resource_id)
        return
    document = _search_document(resource)
    search.index_document(
        kind=document.kind,
        object_id=document.object_id,
        language=document.language,
        title=document.title,
        body=document.body,
        access=document.access,
    )


def index_new_resources(resource_ids: Iterable[int]) -> int:
    """Index many published resources not yet in the index at once (imports); returns how many."""
    ids = list(resource_ids)
    documents = (
        _search_document(resource)
        for start in range(0, len(ids), 1000)
        for resource in Resource.objects.filter(
            pk__in=ids[start : start + 1000], status=Resource.Status.PUBLISHED
        )
        .select_related("organisation")
        .order_by("pk")
    )
    return search.index_documents(documents)


def _search_document(resource: Resource) -> search.Document:
    body = "\n".join(
        part
        for part in [
            resource.summary,
            resource.authors,
            resource.organisation.name if resource.organisation else "",
            resource.practice_context,
            resource.practice_action,
            resource.practice_results,
            resource.transcript,
            resource.extracted_text,
        ]
        if part
    )
    return search.Document(
        kind=SEARCH_KIND,
        object_id=resource.pk,
        language=resource.language,
        title=resource.title,
        body=body,
        access=resource.access,
    )


def record_download(*, resource: Resource, member: Any) -> Download:
    """Count one download (a fact per download, for impact figures)."""
    return Download.objects.create(
        resource=resource, language=resource.language, member=member if member.is_authenticated else None
    )


def toggle_bookmark(*, member: User, resource: Resource) -> bool:
    """Bookmark the resource, or remove the bookmark; returns whether it is now bookmarked."""
    deleted, _ = Bookmark.objects.filter(member=member, resource=resource).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Bookmark.objects.create(member=member, resource=resource)
    except IntegrityError:
        pass  # a double submit already bookmarked it
    return True


def create_collection(
    *, owner: User, title: str, description: str = "", is_shared: bool = False
) -> Collection:
    return Collection.objects.create(owner=owner, title=title, description=description, is_shared=is_shared)


def add_to_collection(*, collection: Collection, resource: Resource) -> None:
    CollectionItem.objects.get_or_create(collection=collection, resource=resource)


def remove_from_collection(*, collection: Collection, resource: Resource) -> None:
    CollectionItem.objects.filter(collection=collection, resource=resource).delete()


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    import json

    return json.loads(json.dumps(data, default=str))
