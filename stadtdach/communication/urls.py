from django.urls import path

from stadtdach.communication import views

app_name = "communication"

urlpatterns = [
    path("", views.home, name="home"),
    path("leichte-sprache/", views.easy_language, name="easy_language"),
    path("barrierefreiheit/", views.accessibility, name="accessibility"),
    path("impressum/", views.imprint, name="imprint"),
    path("datenschutz/", views.privacy, name="privacy"),
    path("suche/", views.search, name="search"),
    path("arbeitsbereich/", views.workspace, name="workspace"),
]
