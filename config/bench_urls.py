"""The site's addresses plus the benchmark's yardstick: a trivial view that returns a
short string through the same middleware (config.settings.bench, scripts/bench.py)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler400, handler403, handler404, handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("__benchmark__/trivial", trivial, name="benchmark_trivial"), *site_urlpatterns]
