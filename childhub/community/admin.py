from django.contrib import admin

from .models import (
    CaseDetails,
    CaseSession,
    Contribution,
    ExpertOffer,
    Flag,
    Follow,
    Helpline,
    ModerationDecision,
    Revision,
    SafeguardingLead,
    Vote,
)


class CaseDetailsInline(admin.StackedInline):
    model = CaseDetails
    extra = 0


class RevisionInline(admin.TabularInline):
    model = Revision
    extra = 0
    can_delete = False
    readonly_fields = ["editor", "title", "body", "at"]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "language", "country", "status", "created_at"]
    list_filter = ["kind", "status", "language", "country"]
    search_fields = ["title"]
    raw_id_fields = ["author", "parent", "accepted_answer"]
    filter_horizontal = ["topics"]
    inlines = [CaseDetailsInline, RevisionInline]


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["contribution", "reason", "created_at", "resolved_at"]
    list_filter = ["reason"]
    raw_id_fields = ["contribution", "reporter"]


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(admin.ModelAdmin):
    """The audit log is append-only: readable here, never changed."""

    list_display = ["contribution_id_ref", "action", "moderator", "at"]
    list_filter = ["action"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["answer", "voter", "value"]
    raw_id_fields = ["answer", "voter"]


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["contribution", "editor", "at"]
    raw_id_fields = ["contribution", "editor"]


@admin.register(CaseDetails)
class CaseDetailsAdmin(admin.ModelAdmin):
    list_display = ["case", "age_band", "expires_at", "redacted_at"]
    raw_id_fields = ["case"]


@admin.register(Helpline)
class HelplineAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "number", "order"]
    list_filter = ["country"]


@admin.register(SafeguardingLead)
class SafeguardingLeadAdmin(admin.ModelAdmin):
    list_display = ["member", "country"]
    raw_id_fields = ["member"]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["member", "thread", "topic", "followed", "created_at"]
    raw_id_fields = ["member", "thread", "followed"]


@admin.register(ExpertOffer)
class ExpertOfferAdmin(admin.ModelAdmin):
    list_display = ["question", "expert", "offered_at"]
    raw_id_fields = ["question", "expert"]


@admin.register(CaseSession)
class CaseSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "country", "starts_at", "facilitator"]
    list_filter = ["language", "country"]
    raw_id_fields = ["facilitator", "created_by"]
