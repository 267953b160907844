from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("", views.index, name="index"),
    path("ask/", views.ask, name="ask"),
    path("share/", views.share, name="share"),
    path("questions/<int:pk>/", views.question, name="question"),
    path("experience/<int:pk>/", views.post, name="post"),
    path("cases/", views.cases, name="cases"),
    path("cases/new/", views.new_case, name="new_case"),
    path("cases/<int:pk>/", views.case, name="case"),
    path("cases/sessions/new/", views.new_case_session, name="new_case_session"),
    path("cases/sessions/<int:pk>/", views.case_session, name="case_session"),
    path("cases/sessions/<int:pk>/calendar.ics", views.case_session_calendar, name="case_session_calendar"),
    path("<int:pk>/reply/", views.reply, name="reply"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/vote/", views.vote, name="vote"),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/flag/", views.flag, name="flag"),
    path("moderation/", views.moderation, name="moderation"),
    path("moderation/<int:pk>/", views.moderate, name="moderate"),
    path("check/", views.check, name="check"),
    path("<int:pk>/follow/", views.follow_thread, name="follow_thread"),
    path("<int:pk>/follow-author/", views.follow_member, name="follow_member"),
    path("topics/<slug:slug>/follow/", views.follow_topic, name="follow_topic"),
    path("moderation/unanswered/", views.unanswered_queue, name="unanswered_queue"),
]
