from django.urls import include, path

from stadtdach.participation.ideas import views as ideas
from stadtdach.participation.views import measures, mine, public, staff

app_name = "participation"

urlpatterns = [
    path("", public.overview, name="overview"),
    path("verfahren/neu/", staff.ProcessEdit.as_view(), name="process_add"),
    path("verfahren/<slug:slug>/", public.process_detail, name="process_detail"),
    path("verfahren/<slug:slug>/bearbeiten/", staff.ProcessEdit.as_view(), name="process_edit"),
    path("beitraege/<int:pk>/", public.contribution_detail, name="contribution_detail"),
    path("beitraege/<int:pk>/kommentieren/", public.comment_add, name="comment_add"),
    path("beitraege/<int:pk>/antworten/", staff.AnswerView.as_view(), name="answer"),
    path("melden/<str:kind>/<int:pk>/", public.report, name="report"),
    path("bilder/<str:token>/", public.image, name="image"),
    path("meine-beitraege/", mine.mine, name="mine"),
    path("abonnements/", mine.subscriptions, name="subscriptions"),
    path("abonnieren/", mine.subscribe, name="subscribe"),
    path("massnahmen/<int:pk>/kommentieren/", measures.measure_comment, name="measure_comment"),
    path("moderation/", staff.moderation_queue, name="moderation"),
    path("zielgruppen/", public.target_groups, name="target_groups"),
    path("zielgruppen/neu/", staff.TargetGroupEdit.as_view(), name="target_group_add"),
    path(
        "zielgruppen/<slug:slug>/bearbeiten/",
        staff.TargetGroupEdit.as_view(),
        name="target_group_edit",
    ),
    # The idea collection (formats.IDEAS).
    path("verfahren/<slug:slug>/ideen/neu/", ideas.idea_add, name="idea_add"),
    path("verfahren/<slug:slug>/ideen.geojson", ideas.geojson, name="idea_geojson"),
    path("beitraege/<int:pk>/unterstuetzen/", ideas.support, name="support"),
    # The other formats and the staff tools, one sub-package each (formats.FORMATS).
    path("", include("stadtdach.participation.drafts.urls")),
    path("", include("stadtdach.participation.surveys.urls")),
    path("", include("stadtdach.participation.prioritisation.urls")),
    path("", include("stadtdach.participation.consensus.urls")),
    path("", include("stadtdach.participation.offline_events.urls")),
    path("", include("stadtdach.participation.evaluation.urls")),
    path("", include("stadtdach.participation.resources.urls")),
    path("", include("stadtdach.participation.fund.urls")),
]
