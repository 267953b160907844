from django.urls import path

from . import views

app_name = "impact"

urlpatterns = [
    path("", views.public, name="public"),
    path("methods/", views.methods, name="methods"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/figures.csv", views.export_csv, name="export_csv"),
    path("dashboard/figures.xlsx", views.export_xlsx, name="export_xlsx"),
    path("dashboard/report.pdf", views.donor_report, name="donor_report"),
]
