from django.urls import URLPattern

app_name = "webinars"

urlpatterns: list[URLPattern] = []
