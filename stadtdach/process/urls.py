from django.urls import path

from stadtdach.process import edit_views as edit
from stadtdach.process import internal_views as internal
from stadtdach.process import views

app_name = "process"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("zeitplan/", views.timeline_public, name="timeline"),
    path("zeitplan/intern/", views.timeline_internal, name="timeline_internal"),
    path("kalender.ics", views.calendar_feed, name="calendar"),
    path("beteiligung.ics", views.participation_feed, name="participation_calendar"),
    path("steuerung/", internal.dashboard, name="dashboard"),
    # Schedule
    path("phasen/<int:pk>/bearbeiten/", edit.PhaseEdit.as_view(), name="phase_edit"),
    path("meilensteine/neu/", edit.MilestoneEdit.as_view(), name="milestone_add"),
    path("meilensteine/<int:pk>/bearbeiten/", edit.MilestoneEdit.as_view(), name="milestone_edit"),
    path(
        "meilensteine/<int:pk>/loeschen/", edit.MilestoneDelete.as_view(), name="milestone_delete"
    ),
    path("entwurfsstadien/neu/", edit.DraftStageEdit.as_view(), name="draft_stage_add"),
    path(
        "entwurfsstadien/<int:pk>/bearbeiten/",
        edit.DraftStageEdit.as_view(),
        name="draft_stage_edit",
    ),
    # Tasks
    path("aufgaben/", views.task_list, name="task_list"),
    path("aufgaben/neu/", edit.TaskEdit.as_view(), name="task_add"),
    path("aufgaben/<int:pk>/", views.task_detail, name="task_detail"),
    path("aufgaben/<int:pk>/bearbeiten/", edit.TaskEdit.as_view(), name="task_edit"),
    path("aufgaben/<int:pk>/loeschen/", edit.TaskDelete.as_view(), name="task_delete"),
    # Contracts and work packages
    path("arbeitspakete/", internal.work_package_list, name="work_package_list"),
    path("arbeitspakete/neu/", edit.WorkPackageEdit.as_view(), name="work_package_add"),
    path("arbeitspakete/<int:pk>/", internal.work_package_detail, name="work_package_detail"),
    path(
        "arbeitspakete/<int:pk>/bearbeiten/",
        edit.WorkPackageEdit.as_view(),
        name="work_package_edit",
    ),
    path(
        "arbeitspakete/<int:pk>/stand/",
        edit.WorkPackageReport.as_view(),
        name="work_package_report",
    ),
    path(
        "arbeitspakete/<int:pk>/abnahme/",
        edit.WorkPackageAccept.as_view(),
        name="work_package_accept",
    ),
    path(
        "arbeitspakete/<int:package_pk>/leistungen/neu/",
        edit.DeliverableEdit.as_view(),
        name="deliverable_add",
    ),
    path(
        "leistungen/<int:pk>/bearbeiten/", edit.DeliverableEdit.as_view(), name="deliverable_edit"
    ),
    path("leistungen/<int:pk>/geliefert/", edit.DeliveryEdit.as_view(), name="deliverable_deliver"),
    path("auftraege/neu/", edit.ContractEdit.as_view(), name="contract_add"),
    path("auftraege/<int:pk>/", internal.contract_detail, name="contract_detail"),
    path("auftraege/<int:pk>/bearbeiten/", edit.ContractEdit.as_view(), name="contract_edit"),
    # Tender specifications
    path("leistungsverzeichnisse/", internal.specification_list, name="specification_list"),
    path(
        "leistungsverzeichnisse/neu/",
        edit.SpecificationEdit.as_view(),
        name="specification_add",
    ),
    path(
        "leistungsverzeichnisse/<int:pk>/",
        internal.specification_detail,
        name="specification_detail",
    ),
    path(
        "leistungsverzeichnisse/<int:pk>/bearbeiten/",
        edit.SpecificationEdit.as_view(),
        name="specification_edit",
    ),
    path(
        "leistungsverzeichnisse/<int:pk>/aufbauen/",
        internal.specification_build,
        name="specification_build",
    ),
    path(
        "leistungsverzeichnisse/<int:pk>/leistungsverzeichnis.docx",
        internal.specification_docx,
        name="specification_docx",
    ),
    path(
        "leistungsverzeichnisse/<int:pk>/dokument/",
        internal.specification_export,
        name="specification_export_request",
    ),
    path(
        "leistungsverzeichnisse/<int:spec_pk>/abschnitte/neu/",
        edit.SectionEdit.as_view(),
        name="section_add",
    ),
    path("abschnitte/<int:pk>/bearbeiten/", edit.SectionEdit.as_view(), name="section_edit"),
    path("abschnitte/<int:pk>/loeschen/", edit.SectionDelete.as_view(), name="section_delete"),
    path("abschnitte/<int:section_pk>/positionen/neu/", edit.ItemEdit.as_view(), name="item_add"),
    path("positionen/<int:pk>/bearbeiten/", edit.ItemEdit.as_view(), name="item_edit"),
    path("positionen/<int:pk>/loeschen/", edit.ItemDelete.as_view(), name="item_delete"),
    path("dokumente/<int:pk>/", internal.export_status, name="specification_export"),
    path("dokumente/<int:pk>/datei/", internal.export_file, name="specification_export_file"),
]
