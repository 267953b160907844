from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import (
    CalendarFeed,
    FeedbackAnswer,
    FeedbackReceipt,
    FeedbackResponse,
    Material,
    Presence,
    Presenter,
    Registration,
    Reminder,
    SentReminder,
    SurveyQuestion,
    Webinar,
)


class ReminderInline(admin.TabularInline):
    model = Reminder
    extra = 0


@admin.register(Presenter)
class PresenterAdmin(admin.ModelAdmin):
    list_display = ["name", "member"]
    search_fields = ["name", "member__email", "member__display_name"]
    raw_id_fields = ["member"]


@admin.register(Webinar)
class WebinarAdmin(admin.ModelAdmin):
    list_display = ["title", "delivered_in", "starts_at", "time_zone", "status", "organiser", "capacity"]
    list_filter = ["status", "delivered_in", "backend"]
    search_fields = ["title"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["topics", "presenters"]
    raw_id_fields = ["created_by"]
    readonly_fields = ["sequence", "translation_key", "ends_at"]
    inlines = [ReminderInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["webinar", "member", "guest_email", "status", "created_at", "hold_expires_at"]
    list_filter = ["status"]
    search_fields = ["webinar__title", "member__email", "guest_email"]
    raw_id_fields = ["webinar", "member", "decided_by"]
    exclude = ["token"]


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["registration", "minutes_before", "starts_at", "sent_at"]
    raw_id_fields = ["registration"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["member", "created_at"]
    raw_id_fields = ["member"]
    exclude = ["token"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["webinar", "minutes_before"]
    raw_id_fields = ["webinar"]


@admin.register(Presence)
class PresenceAdmin(admin.ModelAdmin):
    list_display = ["registration", "joined_at", "left_at", "source"]
    list_filter = ["source"]
    raw_id_fields = ["registration"]


@admin.register(SurveyQuestion)
class SurveyQuestionAdmin(admin.ModelAdmin):
    list_display = ["webinar", "position", "text", "kind", "required"]
    raw_id_fields = ["webinar"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Survey answers are what attendees said: staff read them, nobody edits them."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(FeedbackResponse)
class FeedbackResponseAdmin(ReadOnlyAdmin):
    list_display = ["webinar", "useful", "submitted_on"]
    list_filter = ["useful"]


@admin.register(FeedbackAnswer)
class FeedbackAnswerAdmin(ReadOnlyAdmin):
    list_display = ["question", "value"]


@admin.register(FeedbackReceipt)
class FeedbackReceiptAdmin(ReadOnlyAdmin):
    list_display = ["webinar", "registration"]


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ["webinar", "kind", "published_at", "reviewed_by"]
    list_filter = ["kind"]
    raw_id_fields = ["webinar", "reviewed_by", "resource"]
