from django.contrib import admin

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


class CountryInline(admin.TabularInline):
    model = ResourceCountry
    extra = 0


class AudienceInline(admin.TabularInline):
    model = ResourceAudience
    extra = 0


class ChangeInline(admin.TabularInline):
    model = ResourceChange
    extra = 0
    can_delete = False
    readonly_fields = ["actor", "action", "changes", "at"]


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "kind", "status", "access", "organisation", "published_at"]
    list_filter = ["status", "kind", "language", "access"]
    search_fields = ["title", "summary"]
    raw_id_fields = ["submitted_by", "organisation"]
    filter_horizontal = ["topics"]
    inlines = [CountryInline, AudienceInline, ChangeInline]


@admin.register(ResourceChange)
class ResourceChangeAdmin(admin.ModelAdmin):
    list_display = ["resource", "action", "actor", "at"]
    list_filter = ["action"]
    raw_id_fields = ["resource", "actor"]


@admin.register(Download)
class DownloadAdmin(admin.ModelAdmin):
    list_display = ["resource", "language", "at"]
    raw_id_fields = ["resource", "member"]


@admin.register(Bookmark)
class BookmarkAdmin(admin.ModelAdmin):
    list_display = ["member", "resource", "created_at"]
    raw_id_fields = ["member", "resource"]


class ItemInline(admin.TabularInline):
    model = CollectionItem
    extra = 0
    raw_id_fields = ["resource"]


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "is_shared", "created_at"]
    raw_id_fields = ["owner"]
    inlines = [ItemInline]


admin.site.register([ResourceCountry, ResourceAudience, CollectionItem])
