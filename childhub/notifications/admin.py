from django.contrib import admin

from .models import Digest, Notification, Preference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "created_at", "read_at", "email_state"]
    list_filter = ["kind", "email_state"]
    raw_id_fields = ["recipient"]


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ["member", "kind", "frequency"]
    list_filter = ["kind", "frequency"]
    raw_id_fields = ["member"]


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["member", "frequency", "sent_at", "items"]
    list_filter = ["frequency"]
    raw_id_fields = ["member"]
