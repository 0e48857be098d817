from django.urls import path

from stadtdach.participation.offline_events import views

urlpatterns = [
    path("veranstaltungen/<int:pk>/", views.event_detail, name="event_detail"),
    path("verfahren/<slug:slug>/veranstaltungen/", views.manage, name="event_manage"),
    path("verfahren/<slug:slug>/veranstaltungen/neu/", views.EventEdit.as_view(), name="event_add"),
    path("veranstaltungen/<int:pk>/bearbeiten/", views.EventEdit.as_view(), name="event_edit"),
    path("veranstaltungen/<int:pk>/teilnahme/", views.attendance_edit, name="event_attendance"),
    path("veranstaltungen/<int:pk>/ergebnisse/neu/", views.results_add, name="event_results_add"),
    path("veranstaltungen/<int:pk>/fotos/neu/", views.photo_add, name="event_photo_add"),
    path("veranstaltungen/<int:pk>/dokumente/neu/", views.document_add, name="event_document_add"),
    path("veranstaltungen/fotos/<str:token>/", views.event_photo, name="event_photo"),
    path("veranstaltungen/dokumente/<str:token>/", views.event_document, name="event_document"),
]
