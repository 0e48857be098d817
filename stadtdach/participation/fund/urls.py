from django.urls import path

from stadtdach.participation.fund import views

urlpatterns = [
    path("innovationsfonds/", views.call_list, name="fund"),
    path("innovationsfonds/neu/", views.CallEdit.as_view(), name="fund_call_add"),
    path("innovationsfonds/meine-antraege/", views.mine, name="fund_mine"),
    path(
        "innovationsfonds/antraege/<int:pk>/",
        views.application_detail,
        name="fund_application",
    ),
    path("innovationsfonds/<slug:slug>/", views.call_detail, name="fund_call"),
    path(
        "innovationsfonds/<slug:slug>/bearbeiten/", views.CallEdit.as_view(), name="fund_call_edit"
    ),
    path("innovationsfonds/<slug:slug>/antrag/", views.apply, name="fund_apply"),
    path("innovationsfonds/<slug:slug>/antraege/", views.review, name="fund_review"),
]
