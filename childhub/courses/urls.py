from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/lessons/<uuid:lesson_key>/", views.lesson, name="lesson"),
]
