from django.urls import path

from tapestry.front import views

app_name = "front"
urlpatterns = [
    path("", views.home, name="home"),
    path("level/<slug:slug>/", views.level, name="level"),
    path("health/", views.health, name="health"),
]
