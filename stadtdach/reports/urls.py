from django.urls import path

from stadtdach.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("neu/<slug:kind>/", views.ReportRequest.as_view(), name="request"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/datei/", views.report_download, name="download"),
    path("<int:pk>/veroeffentlichen/", views.report_publish, name="publish"),
    path("fortschreibungen/", views.revision_list, name="revision_list"),
    path("fortschreibungen/neu/", views.RevisionPublish.as_view(), name="revision_add"),
    path("fortschreibungen/vergleich/", views.revision_compare, name="revision_compare"),
    path("fortschreibungen/<int:pk>/", views.revision_detail, name="revision_detail"),
]
