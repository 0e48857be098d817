from django.urls import path

from stadtdach.participation.evaluation import views

urlpatterns = [
    path("auswertung/", views.evaluation, name="evaluation"),
    path("auswertung/beitraege.csv", views.export_csv, name="evaluation_csv"),
    path("auswertung/beitraege.xlsx", views.export_xlsx, name="evaluation_xlsx"),
    path("auswertung/zusammenfassungen/neu/", views.summary_add, name="summary_add"),
    path("auswertung/zusammenfassungen/<int:pk>/", views.summary_detail, name="summary_detail"),
    path("auswertung/zusammenfassungen/<int:pk>/datei/", views.summary_file, name="summary_file"),
]
