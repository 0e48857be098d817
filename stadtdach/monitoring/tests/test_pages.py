"""The dashboards and lists: valid HTML, each chart with its data table, filters that
do what they say, and odd input answered without an error."""

from django.urls import reverse

from stadtdach.core.testing.html import assert_valid_html
from stadtdach.monitoring.models import Indicator
from stadtdach.monitoring.tests.factories import add_monitoring


def test_dashboards_are_valid_and_carry_their_data_tables(world, client):
    add_monitoring(world.edition)
    measure = world.led.first()
    indicator = Indicator.objects.filter(kind="result").first()
    for url in (
        reverse("monitoring:dashboard"),
        reverse("monitoring:action_field", args=[world.fields[0].slug]),
        reverse("monitoring:measure_list"),
        reverse("monitoring:measure", args=[measure.pk]),
        reverse("monitoring:indicator_list"),
        reverse("monitoring:indicator_detail", args=[indicator.pk]),
        measure.get_absolute_url(),
        world.fields[0].get_absolute_url(),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid_html(response.content)
        html = response.content.decode()
        assert " style=" not in html and "<script>" not in html
        assert html.count("<svg") == html.count('class="chart__data"'), url


def test_the_status_filter(world, client):
    add_monitoring(world.edition)
    response = client.get(reverse("monitoring:measure_list") + "?stand=off_track")
    states = list(response.context["page"].object_list)
    assert all(s.assessment.health == "off_track" for s in states)
    assert client.get(reverse("monitoring:measure_list") + "?stand=<x>&seite=-1").status_code == 200


def test_unknown_objects_are_not_found(world, client):
    assert client.get("/monitoring/massnahmen/99999999/").status_code == 404
    assert client.get("/monitoring/indikatoren/0/").status_code == 404
    assert client.get("/monitoring/handlungsfelder/gibt-es-nicht/").status_code == 404


def test_bad_page_numbers_and_filters_give_a_page(world, client):
    """Not a number, negative, far beyond the last page, digits int() refuses: the first
    or the last page, never an error."""
    add_monitoring(world.edition)
    measure = world.led.first()
    urls = [
        reverse("monitoring:action_field", args=[world.fields[0].slug]),
        reverse("monitoring:measure_list"),
        reverse("monitoring:measure", args=[measure.pk]),
        reverse("monitoring:indicator_list"),
        reverse("monitoring:indicator_detail", args=[Indicator.objects.first().pk]),
    ]
    queries = ["seite=abc", "seite=99999", "seite=-1", "seite=²", "seite=0", "seite=1e9"]
    queries += ["stand=x", "massnahme=²", "massnahme=99999999999999", "art=x"]
    for url in urls:
        for query in queries:
            response = client.get(f"{url}?{query}")
            assert response.status_code == 200, (url, query, response.status_code)
