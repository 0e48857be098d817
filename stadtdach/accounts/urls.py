from django.contrib.auth import views as auth_views
from django.urls import path

from stadtdach.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("meine-daten.json", views.personal_data, name="personal_data"),
    path("loeschen/", views.delete_account, name="delete"),
]
