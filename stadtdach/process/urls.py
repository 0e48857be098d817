from django.urls import path

from stadtdach.process import views

app_name = "process"

urlpatterns = [
    path("", views.overview, name="overview"),
]
