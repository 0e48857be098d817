from django.urls import path

from stadtdach.participation.surveys import views

urlpatterns = [
    path("umfragen/<int:pk>/", views.survey_detail, name="survey_detail"),
    path("umfragen/<int:pk>/ergebnisse/", views.survey_results, name="survey_results"),
    path("umfragen/fragen/<int:pk>/antworten/", views.text_answers, name="survey_text_answers"),
    path("verfahren/<slug:slug>/umfragen/", views.manage, name="survey_manage"),
    path("verfahren/<slug:slug>/umfragen/neu/", views.SurveyEdit.as_view(), name="survey_add"),
    path("umfragen/<int:pk>/bearbeiten/", views.SurveyEdit.as_view(), name="survey_edit"),
    path("umfragen/<int:parent>/fragen/neu/", views.QuestionEdit.as_view(), name="question_add"),
    path(
        "umfragen/fragen/<int:pk>/bearbeiten/", views.QuestionEdit.as_view(), name="question_edit"
    ),
    path(
        "umfragen/fragen/<int:pk>/loeschen/", views.QuestionDelete.as_view(), name="question_delete"
    ),
]
