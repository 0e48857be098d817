from django.urls import path

from stadtdach.participation.resources import views

urlpatterns = [
    path("ressourcen/", views.overview, name="resources"),
    path("ressourcen/<slug:slug>/", views.process_resources, name="resources_process"),
    path("ressourcen/<slug:slug>/plan/", views.PlanEdit.as_view(), name="resources_plan"),
    path("ressourcen/<slug:slug>/neu/", views.EntryEdit.as_view(), name="resources_entry_add"),
    path(
        "ressourcen/<slug:slug>/<int:pk>/bearbeiten/",
        views.EntryEdit.as_view(),
        name="resources_entry_edit",
    ),
    path(
        "ressourcen/<slug:slug>/<int:pk>/loeschen/",
        views.EntryDelete.as_view(),
        name="resources_entry_delete",
    ),
]
