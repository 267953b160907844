from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("experts/", views.experts, name="experts"),
    path("members/<int:pk>/", views.profile_detail, name="profile"),
    path("me/profile/", views.profile_edit, name="profile_edit"),
    path("me/verification/", views.verification_request, name="verification_request"),
    path("me/consent/", views.consent, name="consent"),
    path("me/data/", views.my_data, name="my_data"),
    path("me/data/export/", views.my_data_export, name="my_data_export"),
    path("me/data/delete/", views.delete_account, name="delete_account"),
    path("verification/", views.verification_queue, name="verification_queue"),
    path("verification/<int:pk>/", views.verification_decide, name="verification_decide"),
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
]
