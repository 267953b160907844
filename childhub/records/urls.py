from django.urls import path

from . import views

app_name = "records"

urlpatterns = [
    path("", views.record, name="record"),
    path("record.csv", views.record_csv, name="record_csv"),
    path("record.pdf", views.record_pdf, name="record_pdf"),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
    path("certificates/<str:code>.pdf", views.certificate_pdf, name="certificate_pdf"),
    path("certificates/<str:code>.json", views.certificate_badge, name="certificate_badge"),
    path("certificates/<str:code>.jwt", views.certificate_badge_jwt, name="certificate_badge_jwt"),
    path("certificates/<str:code>/status.json", views.badge_status, name="badge_status"),
    path("keys/badge-key.json", views.badge_key_set, name="badge_key_set"),
    path("certificates/<str:code>/revoke/", views.revoke, name="revoke"),
    path("certificates/<str:code>/approve/", views.approve, name="approve"),
    path("approvals/", views.approvals, name="approvals"),
]
