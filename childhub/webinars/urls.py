from django.urls import path

from . import views

app_name = "webinars"

urlpatterns = [
    path("", views.index, name="index"),
    path("presenters/", views.presenters, name="presenters"),
    path("presenters/new/", views.presenter_form, name="presenter_create"),
    path("presenters/<int:pk>/edit/", views.presenter_form, name="presenter_edit"),
    path("results/", views.results, name="results"),
    path("results.csv", views.results_csv, name="results_csv"),
    path("new/", views.create, name="create"),
    path("calendar/", views.my_calendar, name="my_calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("guest/<str:token>/", views.guest, name="guest"),
    path("guest/<str:token>/join/", views.guest_join, name="guest_join"),
    path("guest/<str:token>/feedback/", views.guest_feedback, name="guest_feedback"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/webinar.ics", views.event_calendar, name="event_calendar"),
    path("<int:pk>/register/", views.register, name="register"),
    path("<int:pk>/register-as-guest/", views.guest_register, name="guest_register"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/confirm-place/", views.confirm_place, name="confirm_place"),
    path("<int:pk>/join/", views.join, name="join"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/registrations/", views.registrations, name="registrations"),
    path("<int:pk>/registrations/<int:registration_pk>/decide/", views.decide, name="decide"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/feedback/", views.feedback, name="feedback"),
    path("<int:pk>/survey/", views.survey, name="survey"),
    path("<int:pk>/results/", views.webinar_results, name="webinar_results"),
    path("<int:pk>/materials/", views.materials, name="materials"),
    # BigBlueButton's callbacks (each carries a per-meeting token; the analytics also a signed JWT)
    path("<int:pk>/room/ended/", views.room_ended, name="room_ended"),
    path("<int:pk>/room/analytics/", views.room_analytics, name="room_analytics"),
    path("<int:pk>/room/recording/", views.recording_ready, name="recording_ready"),
]
