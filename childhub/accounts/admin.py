from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import (
    Consent,
    CoordinatorAssignment,
    Membership,
    Organisation,
    Profile,
    User,
    VerificationRequest,
)


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    filter_horizontal = ["languages", "topics", "expert_topics", "expert_languages"]


class CoordinatorInline(admin.TabularInline):
    model = CoordinatorAssignment
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_staff", "is_moderator", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_moderator", "is_active", "language"]
    search_fields = ["email", "display_name"]
    fieldsets = (
        (None, {"fields": ("email", "password", "display_name", "language")}),
        ("Roles", {"fields": ("is_active", "is_staff", "is_moderator", "is_superuser", "groups")}),
        ("Dates", {"fields": ("last_login", "date_joined", "erased_at")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    inlines = [ProfileInline, CoordinatorInline]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["member"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "website"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "profession", "country", "verified_at", "is_expert"]
    list_filter = ["profession", "country", "is_expert"]
    search_fields = ["user__email", "user__display_name"]
    raw_id_fields = ["user"]
    filter_horizontal = ["languages", "topics", "expert_topics", "expert_languages"]


@admin.register(VerificationRequest)
class VerificationRequestAdmin(admin.ModelAdmin):
    list_display = ["member", "status", "created_at", "decided_by", "decided_at"]
    list_filter = ["status"]
    raw_id_fields = ["member", "decided_by"]
    readonly_fields = ["decided_by", "decided_at"]


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["member", "kind", "version", "accepted_at"]
    list_filter = ["kind", "version"]
    raw_id_fields = ["member"]


@admin.register(CoordinatorAssignment)
class CoordinatorAssignmentAdmin(admin.ModelAdmin):
    list_display = ["member", "country"]
    raw_id_fields = ["member"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["member", "organisation", "role"]
    list_filter = ["role"]
    raw_id_fields = ["member"]
