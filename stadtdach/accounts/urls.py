from django.contrib.auth import views as auth_views
from django.urls import path
from django.utils.decorators import method_decorator

from stadtdach.core.ratelimit import limit_posts

app_name = "accounts"

login_view = method_decorator(limit_posts("login", requests=10, seconds=300), name="dispatch")(
    auth_views.LoginView
)

urlpatterns = [
    path(
        "anmelden/",
        login_view.as_view(template_name="accounts/login.html", redirect_authenticated_user=True),
        name="login",
    ),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
]
