from django.urls import path

from stadtdach.participation.consensus import views

urlpatterns = [
    path("konsensieren/<int:pk>/", views.finding_detail, name="consensus_detail"),
    path("verfahren/<slug:slug>/konsensieren/", views.manage, name="consensus_manage"),
    path(
        "verfahren/<slug:slug>/konsensieren/neu/",
        views.FindingEdit.as_view(),
        name="consensus_add",
    ),
    path("konsensieren/<int:pk>/bearbeiten/", views.FindingEdit.as_view(), name="consensus_edit"),
    path(
        "konsensieren/<int:parent>/optionen/neu/",
        views.ConsensusOptionEdit.as_view(),
        name="consensus_option_add",
    ),
    path(
        "konsensieren/optionen/<int:pk>/bearbeiten/",
        views.ConsensusOptionEdit.as_view(),
        name="consensus_option_edit",
    ),
    path(
        "konsensieren/optionen/<int:pk>/loeschen/",
        views.ConsensusOptionDelete.as_view(),
        name="consensus_option_delete",
    ),
]
