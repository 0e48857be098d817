"""Requesting a report runs it as a task; its page shows the progress; the file is
downloaded with a permission check; coordinators publish it for everyone."""

import uuid

import pytest
from django.urls import reverse

from stadtdach.core.testing.html import assert_valid_html
from stadtdach.reports.models import Report


def request_data(world, **overrides):
    return {
        "edition": world.edition.pk,
        "formats": ["pdf", "docx"],
        "year": "2025",
        "committee": "Ausschuss WTK",
        "action_fields": [world.fields[0].pk],
        "form_token": str(uuid.uuid4()),
        **overrides,
    }


@pytest.fixture
def generated(world, no_participation, client_for, django_capture_on_commit_callbacks):
    client = client_for("coordinator")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            reverse("reports:request", args=["isek-dokument"]), request_data(world)
        )
    reports = list(Report.objects.order_by("format"))
    assert response.status_code == 302 and len(reports) == 2
    page = client.get(response["Location"])
    assert "hx-trigger" in page.content.decode()  # waiting: the page polls (and has a link)
    assert_valid_html(page.content)
    for callback in callbacks:
        callback()
    return client, reports


def test_request_generate_and_download(generated):
    client, reports = generated
    for report in reports:
        report.refresh_from_db()
        assert report.status == Report.Status.DONE
    page = client.get(reports[0].get_absolute_url())
    assert_valid_html(page.content)
    assert "hx-trigger" not in page.content.decode()
    download = client.get(reverse("reports:download", args=[reports[1].pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "attachment" in download["Content-Disposition"]


def test_unpublished_reports_are_for_staff(generated, client_for):
    _client, reports = generated
    url = reverse("reports:download", args=[reports[1].pk])
    assert client_for("anonymous").get(url).status_code == 302
    assert client_for("citizen").get(url).status_code == 403
    assert client_for("council_member").get(url).status_code == 200
    assert client_for("citizen").get(reverse("reports:list")).context["page"].paginator.count == 0


def test_published_reports_are_for_everyone(generated, client_for):
    client, reports = generated
    pdf = reports[1]
    assert (
        client_for("consultant")
        .post(reverse("reports:publish", args=[pdf.pk]), {"public": "1"})
        .status_code
        == 403
    )
    assert (
        client.post(reverse("reports:publish", args=[pdf.pk]), {"public": "1"}).status_code == 302
    )
    assert (
        client_for("anonymous").get(reverse("reports:download", args=[pdf.pk])).status_code == 200
    )
    listed = client_for("anonymous").get(reverse("reports:list"))
    assert [r.pk for r in listed.context["page"]] == [pdf.pk]
    assert (
        client_for("anonymous").get(reverse("reports:download", args=[reports[0].pk])).status_code
        == 302
    )


@pytest.mark.parametrize(
    ("kind", "overrides", "field"),
    [
        ("ausschussbericht", {"action_fields": []}, "action_fields"),
        ("ausschussbericht", {"committee": ""}, "committee"),
        ("monitoringbericht", {"year": "1800"}, "year"),
        ("monitoringbericht", {"formats": ["odt"]}, "formats"),
        ("isek-dokument", {"edition": "999999999999999999999"}, "edition"),
        ("isek-dokument", {"formats": []}, "formats"),
    ],
)
def test_bad_requests_are_refused(world, client_for, kind, overrides, field):
    response = client_for("coordinator").post(
        reverse("reports:request", args=[kind]), request_data(world, **overrides)
    )
    assert response.status_code == 400
    assert response.context["form"].has_error(field)
    assert not Report.objects.exists()


def test_a_request_posted_twice_is_generated_once(
    world, no_participation, client_for, django_capture_on_commit_callbacks
):
    client = client_for("coordinator")
    data = request_data(world, formats=["docx"])
    with django_capture_on_commit_callbacks(execute=False):
        client.post(reverse("reports:request", args=["monitoringbericht"]), data)
        client.post(reverse("reports:request", args=["monitoringbericht"]), data)
    assert Report.objects.count() == 1


def test_unknown_kinds_and_reports(world, client_for):
    client = client_for("coordinator")
    assert client.get(reverse("reports:request", args=["roman"])).status_code == 404
    assert client.get(reverse("reports:detail", args=[999999])).status_code == 404
    assert client.get(reverse("reports:download", args=[999999])).status_code == 404
