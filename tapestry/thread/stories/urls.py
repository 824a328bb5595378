"""Addresses of the story pages; every name here is declared in routes.py."""

from django.urls import path

from tapestry.thread.stories import views

app_name = "stories"
urlpatterns = [
    path("case/<int:case_pk>/", views.case_index, name="case_index"),
    path("case/<int:case_pk>/propose/", views.story_propose, name="story_propose"),
    path("team/<int:pk>/", views.story_original, name="story_original"),
    path("team/<int:pk>/edit/", views.story_edit, name="story_edit"),
    path("team/<int:pk>/withdraw/", views.story_withdraw, name="story_withdraw"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<int:pk>/", views.story_detail, name="story_detail"),
    path("review/<int:pk>/approve/", views.story_approve, name="story_approve"),
    path("review/<int:pk>/return/", views.story_return, name="story_return"),
]
