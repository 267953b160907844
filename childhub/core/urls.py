from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("policies/", views.policy_index, name="policies"),
    path("policies/<slug:kind>/", views.policy, name="policy"),
    path("policies/<slug:kind>/<str:language>/", views.policy, name="policy_in"),
]
