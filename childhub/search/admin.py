from django.contrib import admin

from .models import SearchDocument


@admin.register(SearchDocument)
class SearchDocumentAdmin(admin.ModelAdmin):
    list_display = ["kind", "object_id", "language", "access", "title", "updated_at"]
    list_filter = ["kind", "language", "access"]
    search_fields = ["title"]
    readonly_fields = ["vector"]
