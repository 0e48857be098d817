from django.urls import path

from stadtdach.strategy import edit_views as edit
from stadtdach.strategy import views

app_name = "strategy"

urlpatterns = [
    path("leitbild/", views.vision, name="vision"),
    path("leitbild/bearbeiten/", edit.VisionEdit.as_view(), name="vision_edit"),
    path("leitbild/leitsaetze/neu/", edit.GuidingPrincipleEdit.as_view(), name="principle_add"),
    path(
        "leitbild/leitsaetze/<int:pk>/bearbeiten/",
        edit.GuidingPrincipleEdit.as_view(),
        name="principle_edit",
    ),
    path("ausgaben/", views.edition_list, name="edition_list"),
    path("ausgaben/<slug:slug>/", views.edition_detail, name="edition_detail"),
    path("handlungsfelder/", views.action_field_list, name="action_field_list"),
    path("handlungsfelder/neu/", edit.ActionFieldEdit.as_view(), name="action_field_add"),
    path("handlungsfelder/<slug:slug>/", views.action_field_detail, name="action_field_detail"),
    path(
        "handlungsfelder/<slug:slug>/bearbeiten/",
        edit.ActionFieldEdit.as_view(),
        name="action_field_edit",
    ),
    path(
        "handlungsfelder/<slug:slug>/auswahl/",
        edit.ActionFieldSelect.as_view(),
        name="action_field_select",
    ),
    path(
        "handlungsfelder/<slug:slug>/bewertungen/",
        edit.ActionFieldRatings.as_view(),
        name="action_field_ratings",
    ),
    path("handlungsfelder/<slug:slug>/ziele/neu/", edit.GoalEdit.as_view(), name="goal_add"),
    path("handlungsfelder/<slug:slug>/swot/neu/", edit.SwotEntryEdit.as_view(), name="swot_add"),
    path("ziele/<int:pk>/bearbeiten/", edit.GoalEdit.as_view(), name="goal_edit"),
    path("ziele/<int:pk>/loeschen/", edit.GoalDelete.as_view(), name="goal_delete"),
    path("swot/<int:pk>/bearbeiten/", edit.SwotEntryEdit.as_view(), name="swot_edit"),
    path("swot/<int:pk>/loeschen/", edit.SwotEntryDelete.as_view(), name="swot_delete"),
    path("querschnittsthemen/", views.theme_matrix, name="theme_matrix"),
    path("querschnittsthemen/neu/", edit.ThemeEdit.as_view(), name="theme_add"),
    path("querschnittsthemen/<slug:slug>/", views.theme_detail, name="theme_detail"),
    path("querschnittsthemen/<slug:slug>/bearbeiten/", edit.ThemeEdit.as_view(), name="theme_edit"),
    path("konzepte/", views.concept_list, name="concept_list"),
    path("konzepte/neu/", edit.ConceptEdit.as_view(), name="concept_add"),
    path("konzepte/<slug:slug>/", views.concept_detail, name="concept_detail"),
    path("konzepte/<slug:slug>/dokument/", views.concept_document, name="concept_document"),
    path("konzepte/<slug:slug>/bearbeiten/", edit.ConceptEdit.as_view(), name="concept_edit"),
    path("konzepte/<slug:slug>/loeschen/", edit.ConceptDelete.as_view(), name="concept_delete"),
    path("bewertung-und-erwartungen/", views.review, name="review"),
    path(
        "bewertung-und-erwartungen/befunde/neu/",
        edit.EvaluationFindingEdit.as_view(),
        name="finding_add",
    ),
    path(
        "bewertung-und-erwartungen/befunde/<int:pk>/bearbeiten/",
        edit.EvaluationFindingEdit.as_view(),
        name="finding_edit",
    ),
    path(
        "bewertung-und-erwartungen/befunde/<int:pk>/loeschen/",
        edit.EvaluationFindingDelete.as_view(),
        name="finding_delete",
    ),
    path(
        "bewertung-und-erwartungen/erwartungen/neu/",
        edit.ExpectationEdit.as_view(),
        name="expectation_add",
    ),
    path(
        "bewertung-und-erwartungen/erwartungen/<int:pk>/bearbeiten/",
        edit.ExpectationEdit.as_view(),
        name="expectation_edit",
    ),
    path(
        "bewertung-und-erwartungen/erwartungen/<int:pk>/loeschen/",
        edit.ExpectationDelete.as_view(),
        name="expectation_delete",
    ),
    path("massnahmen/", views.measure_list, name="measure_list"),
    path("massnahmen/neu/", edit.MeasureEdit.as_view(), name="measure_add"),
    path("massnahmen/<int:pk>/", views.measure_detail, name="measure_detail"),
    path("massnahmen/<int:pk>/ort.geojson", views.measure_geojson, name="measure_geojson"),
    path("massnahmen/<int:pk>/bearbeiten/", edit.MeasureEdit.as_view(), name="measure_edit"),
    path("massnahmen/<int:pk>/bewertungen/", edit.MeasureRatings.as_view(), name="measure_ratings"),
    path("massnahmen/<int:pk>/loeschen/", edit.MeasureDelete.as_view(), name="measure_delete"),
    path("sockel/<slug:slug>/", views.foundation_detail, name="foundation_detail"),
    path("beispiele/", views.examples, name="examples"),
]
