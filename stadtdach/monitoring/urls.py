from django.urls import path

from stadtdach.monitoring import edit_views as edit
from stadtdach.monitoring import import_views, views

app_name = "monitoring"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("handlungsfelder/<slug:slug>/", views.action_field_dashboard, name="action_field"),
    path("massnahmen/", views.measure_list, name="measure_list"),
    path("massnahmen/<int:pk>/", views.measure_dashboard, name="measure"),
    path(
        "massnahmen/<int:pk>/fortschritt/",
        edit.ProgressUpdateView.as_view(),
        name="progress_update",
    ),
    path(
        "massnahmen/<int:pk>/umsetzung/",
        edit.ImplementationEdit.as_view(),
        name="implementation_edit",
    ),
    path(
        "massnahmen/<int:pk>/meilensteine/neu/",
        edit.MilestoneEdit.as_view(),
        name="milestone_add",
    ),
    path(
        "meilensteine/<int:milestone>/bearbeiten/",
        edit.MilestoneEdit.as_view(),
        name="milestone_edit",
    ),
    path(
        "meilensteine/<int:milestone>/loeschen/",
        edit.MilestoneDelete.as_view(),
        name="milestone_delete",
    ),
    path("indikatoren/", views.indicator_list, name="indicator_list"),
    path("indikatoren/neu/", edit.IndicatorEdit.as_view(), name="indicator_add"),
    path("indikatoren/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("indikatoren/<int:pk>/bearbeiten/", edit.IndicatorEdit.as_view(), name="indicator_edit"),
    path("indikatoren/<int:pk>/loeschen/", edit.IndicatorDelete.as_view(), name="indicator_delete"),
    path("indikatoren/<int:pk>/werte/neu/", edit.IndicatorValueEdit.as_view(), name="value_add"),
    path(
        "indikatorwerte/<int:value>/bearbeiten/",
        edit.IndicatorValueEdit.as_view(),
        name="value_edit",
    ),
    path(
        "indikatorwerte/<int:value>/loeschen/",
        edit.IndicatorValueDelete.as_view(),
        name="value_delete",
    ),
    path("import/", import_views.ImportStart.as_view(), name="import_start"),
    path("import/vorlage/", import_views.ImportTemplate.as_view(), name="import_template"),
    path("import/<int:pk>/", import_views.ImportDetail.as_view(), name="import_detail"),
    path("aktualisierungen/", import_views.UpdatesOverview.as_view(), name="updates"),
]
