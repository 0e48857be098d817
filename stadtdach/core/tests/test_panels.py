from django.template import Context, Template
from django.test import RequestFactory

from stadtdach.core.panels import Panel, panels_for


def greeting(request, obj):
    return Panel("core/partials/sample_badge.html", {"is_sample": obj == "beispiel"})


def nothing(request, obj):
    return None


def test_panels_come_in_the_configured_order_and_none_is_skipped(db, settings):
    settings.STADTDACH_PANELS = {"measure": (f"{__name__}.greeting", f"{__name__}.nothing")}
    request = RequestFactory().get("/")
    panels = panels_for("measure", request, "beispiel")
    assert [p.context for p in panels] == [{"is_sample": True}]
    assert panels_for("home", request, "beispiel") == []
    html = Template('{% panels "measure" obj %}').render(
        Context({"request": request, "obj": "beispiel"})
    )
    assert "badge--sample" in html
