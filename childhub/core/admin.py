from django.contrib import admin

from .models import HubSetting, Language, PolicyPage, Topic


@admin.register(PolicyPage)
class PolicyPageAdmin(admin.ModelAdmin):
    list_display = ["kind", "version", "language", "title", "published_at"]
    list_filter = ["kind", "language"]
    search_fields = ["title"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["slug", "name"]


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]


@admin.register(HubSetting)
class HubSettingAdmin(admin.ModelAdmin):
    list_display = ["key", "value"]
