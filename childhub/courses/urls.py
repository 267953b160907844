from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("my/", views.my_courses, name="my_courses"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/enrol/", views.enrol, name="enrol"),
    path("<slug:slug>/language/", views.switch_language, name="switch_language"),
    path("<slug:slug>/modules/<uuid:module_key>/pack.pdf", views.module_pack, name="module_pack"),
    path("<slug:slug>/lessons/<uuid:lesson_key>/", views.lesson, name="lesson"),
    path("<slug:slug>/lessons/<uuid:lesson_key>/done/", views.complete, name="complete"),
    path("<slug:slug>/lessons/<uuid:lesson_key>/progress/", views.record_progress, name="progress"),
    path(
        "<slug:slug>/lessons/<uuid:lesson_key>/quiz/<uuid:block_key>/", views.submit_quiz, name="submit_quiz"
    ),
    path(
        "<slug:slug>/lessons/<uuid:lesson_key>/reflection/<uuid:block_key>/",
        views.save_reflection,
        name="save_reflection",
    ),
]
