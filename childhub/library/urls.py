from django.urls import path

from . import views

app_name = "library"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.resource_submit, name="submit"),
    path("mine/", views.my_library, name="mine"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<int:pk>/", views.review, name="review"),
    path("lists/", views.collection_create, name="collection_create"),
    path("lists/<str:token>/", views.collection_detail, name="collection"),
    path("<int:pk>/", views.resource_detail, name="resource"),
    path("<int:pk>/edit/", views.resource_edit, name="edit"),
    path("<int:pk>/file/", views.resource_file, name="file"),
    path("<int:pk>/preview/", views.resource_preview, name="preview"),
    path("<int:pk>/bookmark/", views.bookmark, name="bookmark"),
    path("<int:pk>/add-to-list/", views.collection_add, name="collection_add"),
]
