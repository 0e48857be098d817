from django.urls import path

from stadtdach.participation.drafts import views

urlpatterns = [
    path("entwuerfe/<int:pk>/", views.draft_detail, name="draft_detail"),
    path("entwuerfe/absaetze/<int:pk>/", views.paragraph_detail, name="paragraph_detail"),
    path("verfahren/<slug:slug>/entwuerfe/", views.manage, name="draft_manage"),
    path("verfahren/<slug:slug>/entwuerfe/neu/", views.DraftEdit.as_view(), name="draft_add"),
    path("entwuerfe/<int:pk>/bearbeiten/", views.DraftEdit.as_view(), name="draft_edit"),
]
