from django.urls import path

from stadtdach.governance import edit_views as edit
from stadtdach.governance import paper_edit_views as papers
from stadtdach.governance import views

app_name = "governance"

urlpatterns = [
    path("", views.index, name="index"),
    path("neu/", edit.BodyEdit.as_view(), name="body_add"),
    path("stammdaten/", views.registry, name="registry"),
    path("personen/neu/", edit.PersonEdit.as_view(), name="person_add"),
    path("personen/<int:pk>/", views.person_detail, name="person_detail"),
    path("personen/<int:pk>/bearbeiten/", edit.PersonEdit.as_view(), name="person_edit"),
    path("personen/<int:pk>/loeschen/", edit.PersonDelete.as_view(), name="person_delete"),
    path("orte/neu/", edit.LocationEdit.as_view(), name="location_add"),
    path("orte/<int:pk>/bearbeiten/", edit.LocationEdit.as_view(), name="location_edit"),
    path("wahlperioden/neu/", edit.TermEdit.as_view(), name="term_add"),
    path("wahlperioden/<int:pk>/bearbeiten/", edit.TermEdit.as_view(), name="term_edit"),
    # Meetings
    path("sitzungen/", views.meeting_list, name="meeting_list"),
    path("sitzungen/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("sitzungen/<int:pk>/bearbeiten/", edit.MeetingEdit.as_view(), name="meeting_edit"),
    path("sitzungen/<int:pk>/loeschen/", edit.MeetingDelete.as_view(), name="meeting_delete"),
    path("sitzungen/<int:pk>/anwesenheit/", edit.AttendanceEdit.as_view(), name="attendance"),
    path(
        "sitzungen/<int:meeting_pk>/tagesordnung/neu/",
        edit.AgendaItemEdit.as_view(),
        name="agenda_item_add",
    ),
    path("top/<int:pk>/bearbeiten/", edit.AgendaItemEdit.as_view(), name="agenda_item_edit"),
    path("top/<int:pk>/loeschen/", edit.AgendaItemDelete.as_view(), name="agenda_item_delete"),
    path("rhythmen/<int:pk>/bearbeiten/", edit.CadenceEdit.as_view(), name="cadence_edit"),
    path("rhythmen/<int:pk>/sitzungen/", edit.CadenceGenerate.as_view(), name="cadence_generate"),
    # Papers
    path("vorlagen/", views.paper_list, name="paper_list"),
    path("vorlagen/neu/", papers.PaperEdit.as_view(), name="paper_add"),
    path("vorlagen/<int:pk>/", views.paper_detail, name="paper_detail"),
    path("vorlagen/<int:pk>/bearbeiten/", papers.PaperEdit.as_view(), name="paper_edit"),
    path("vorlagen/<int:pk>/loeschen/", papers.PaperDelete.as_view(), name="paper_delete"),
    path(
        "vorlagen/<int:paper_pk>/beratungen/neu/",
        papers.ConsultationEdit.as_view(),
        name="consultation_add",
    ),
    path(
        "beratungen/<int:pk>/bearbeiten/",
        papers.ConsultationEdit.as_view(),
        name="consultation_edit",
    ),
    path(
        "beratungen/<int:pk>/loeschen/",
        papers.ConsultationDelete.as_view(),
        name="consultation_delete",
    ),
    path(
        "beratungen/<int:consultation_pk>/beschluss/",
        papers.DecisionEdit.as_view(),
        name="decision_edit",
    ),
    # Documents and task links
    path("dokumente/<int:pk>/<str:file_name>", views.document_file, name="document_file"),
    path(
        "dokumente/neu/<slug:kind>/<int:parent_pk>/",
        papers.DocumentAdd.as_view(),
        name="document_add",
    ),
    path("dokumente/<int:pk>/loeschen/", papers.DocumentDelete.as_view(), name="document_delete"),
    path(
        "aufgaben/neu/<slug:kind>/<int:parent_pk>/",
        papers.TaskLinkAdd.as_view(),
        name="task_link_add",
    ),
    path("ergebnisse/<int:pk>/bearbeiten/", papers.FindingEdit.as_view(), name="finding_edit"),
    path(
        "mitgliedschaften/<int:pk>/bearbeiten/",
        edit.MembershipEdit.as_view(),
        name="membership_edit",
    ),
    path(
        "mitgliedschaften/<int:pk>/loeschen/",
        edit.MembershipDelete.as_view(),
        name="membership_delete",
    ),
    # A body and its parts (the slug comes last: it must not shadow the paths above).
    path("<slug:slug>/", views.body_detail, name="body_detail"),
    path("<slug:slug>/bearbeiten/", edit.BodyEdit.as_view(), name="body_edit"),
    path("<slug:slug>/kalender.ics", views.body_calendar, name="body_calendar"),
    path("<slug:slug>/arbeitsbereich/", views.workspace, name="workspace"),
    path("<slug:slug>/mitglieder/neu/", edit.MembershipEdit.as_view(), name="membership_add"),
    path("<slug:slug>/sitzungen/neu/", edit.MeetingEdit.as_view(), name="meeting_add"),
    path("<slug:slug>/rhythmen/neu/", edit.CadenceEdit.as_view(), name="cadence_add"),
    path("<slug:slug>/ergebnisse/neu/", papers.FindingEdit.as_view(), name="finding_add"),
]
