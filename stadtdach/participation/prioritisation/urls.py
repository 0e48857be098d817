from django.urls import path

from stadtdach.participation.prioritisation import views

urlpatterns = [
    path("priorisierung/<int:pk>/", views.prioritisation_detail, name="prioritisation_detail"),
    path("verfahren/<slug:slug>/priorisierung/", views.manage, name="prioritisation_manage"),
    path(
        "verfahren/<slug:slug>/priorisierung/neu/",
        views.PrioritisationEdit.as_view(),
        name="prioritisation_add",
    ),
    path(
        "priorisierung/<int:pk>/bearbeiten/",
        views.PrioritisationEdit.as_view(),
        name="prioritisation_edit",
    ),
    path(
        "priorisierung/<int:pk>/handlungsfelder/",
        views.add_action_fields,
        name="prioritisation_action_fields",
    ),
    path(
        "priorisierung/<int:parent>/optionen/neu/",
        views.OptionEdit.as_view(),
        name="priority_option_add",
    ),
    path(
        "priorisierung/optionen/<int:pk>/bearbeiten/",
        views.OptionEdit.as_view(),
        name="priority_option_edit",
    ),
    path(
        "priorisierung/optionen/<int:pk>/loeschen/",
        views.OptionDelete.as_view(),
        name="priority_option_delete",
    ),
]
