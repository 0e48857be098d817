from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from stadtdach.core import views as core_views
from stadtdach.core.ops import metrics, readiness

handler400 = "stadtdach.core.views.bad_request"
handler403 = "stadtdach.core.views.permission_denied"
handler404 = "stadtdach.core.views.page_not_found"
# Not a Django handler: django-allauth renders it when one of its rate limits applies.
handler429 = "stadtdach.core.ratelimit.too_many_requests"
handler500 = "stadtdach.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", readiness.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Machine-readable interfaces carry no language prefix.
    path("oparl/v1/", include("stadtdach.governance.oparl.urls")),
]
urlpatterns += i18n_patterns(
    path("technik/", admin.site.urls),
    path("konto/", include("stadtdach.accounts.urls")),
    # django-allauth's sign-up, confirmation and password pages (their names unprefixed).
    path("konto/", include("stadtdach.accounts.allauth_urls")),
    path("protokoll/", include("stadtdach.core.urls")),
    path("prozess/", include("stadtdach.process.urls")),
    path("gremien/", include("stadtdach.governance.urls")),
    path("beteiligung/", include("stadtdach.participation.urls")),
    path("finanzen/", include("stadtdach.finance.urls")),
    path("monitoring/", include("stadtdach.monitoring.urls")),
    path("berichte/", include("stadtdach.reports.urls")),
    path("", include("stadtdach.strategy.urls")),
    path("", include("stadtdach.communication.urls")),
    prefix_default_language=False,
)
if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
