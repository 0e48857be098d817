"""The evaluation: who may use it, assigning (one click, bulk), groups, statistics,
exports (with formula injection guarded), the summary PDF, and fixed query counts."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from stadtdach.core.models import AuditEntry
from stadtdach.core.testing.queries import count_queries
from stadtdach.participation.evaluation import export
from stadtdach.participation.models import Channel, Contribution, SummaryDocument
from stadtdach.participation.tests.factories import add_contributions, build_participation

URL = "/beteiligung/auswertung/"


@pytest.fixture
def world(db):
    return build_participation(contributions=10)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("participation_coordinator", 200),
        ("coordinator", 200),
        ("consultant", 200),
        ("steering_member", 403),
        ("department_staff", 403),
        ("council_member", 403),
        ("citizen", 403),
        ("anonymous", 302),
    ],
)
def test_who_may_evaluate(world, client_for, persona, status):
    client = client_for(persona)
    for url in (URL, URL + "beitraege.csv", URL + "beitraege.xlsx"):
        assert client.get(url).status_code == status


def test_the_page_shows_suggestions_groups_and_charts(world, client_for):
    html = client_for("participation_coordinator").get(URL).content.decode()
    assert "Suggestion" in html or "Vorschlag" in html
    assert 'role="img"' in html and "<details" in html
    assert "beitraege.csv" in html


def test_filters_never_fail(world, client_for):
    client = client_for("consultant")
    assert client.get(URL + "?verfahren=x%00y").status_code == 400  # core.middleware
    for query in (
        "?handlungsfeld=ohne",
        "?status=nope&kanal=offline",
        "?seite=999999999999",
        "?verfahren=" + "a" * 5000,
    ):
        assert client.get(URL + query).status_code == 200


def test_bulk_assign_and_one_click_are_audited(world, client_for):
    client = client_for("participation_coordinator")
    rows = list(Contribution.objects.order_by("-pk")[:3])
    field = world.world.fields[0]
    theme = world.world.themes[0]
    response = client.post(
        URL,
        {"contributions": [c.pk for c in rows], "action_field": field.pk, "themes": [theme.pk]},
    )
    assert response.status_code == 302
    for c in rows:
        c.refresh_from_db()
        assert c.action_field == field and theme in c.themes.all()
    assert AuditEntry.objects.filter(action="update").count() >= 1
    target = Contribution.objects.order_by("-pk").first()
    Contribution.objects.filter(pk=target.pk).update(action_field=None)
    assert client.post(URL, {"accept": target.pk}).status_code == 302
    target.refresh_from_db()
    assert target.action_field is not None


def test_bad_assign_posts_are_refused_with_reasons(world, client_for):
    client = client_for("participation_coordinator")
    assert client.post(URL, {}).status_code == 400
    assert client.post(URL, {"accept": 2**70}).status_code == 400
    assert (
        client.post(
            URL, {"contributions": ["x"], "action_field": "99999999999999999999"}
        ).status_code
        == 400
    )
    assert client_for("citizen").post(URL, {"accept": 1}).status_code == 403


def test_groups_find_similar_contributions(world):
    from stadtdach.participation.evaluation import selectors

    groups = selectors.groups(selectors.contributions(selectors.Filters()))
    # The factory's ideas all speak of benches at the Elbe: one group.
    assert groups and len(groups[0].members) >= 5


def test_statistics_by_target_group_channel_and_field(world):
    from stadtdach.participation.evaluation import selectors

    Contribution.objects.filter(pk=Contribution.objects.first().pk).update(channel="offline")
    stats = selectors.statistics(selectors.contributions(selectors.Filters()))
    assert stats.total == 10
    assert sorted(n for _, n in stats.by_channel) == [1, 9]
    assert sum(n for _, n in stats.by_action_field) == 10


def test_exports_guard_against_formula_injection(world, client_for):
    Contribution.objects.filter(pk=Contribution.objects.first().pk).update(
        title='=HYPERLINK("http://evil")', text="+1+2"
    )
    client = client_for("participation_coordinator")
    body = b"".join(client.get(URL + "beitraege.csv").streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert len(rows) == 11
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://evil")' in cells and "'+1+2" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    book = load_workbook(io.BytesIO(client.get(URL + "beitraege.xlsx").content))
    values = [c.value for row in book.active.iter_rows() for c in row]
    assert '\'=HYPERLINK("http://evil")' in values
    assert export.safe("-3") == "'-3" and export.safe("@x") == "'@x" and export.safe("ok") == "ok"


def test_summary_document_is_generated_and_downloadable(
    world, client_for, django_capture_on_commit_callbacks
):
    client = client_for("participation_coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL + "zusammenfassungen/neu/", {"process": world.process.pk})
    summary = SummaryDocument.objects.get()
    assert response.url == summary.get_absolute_url()
    summary.refresh_from_db()
    assert summary.status == "done", summary.error
    page = client.get(summary.get_absolute_url())
    assert page.status_code == 200 and b"hx-get" not in page.content
    pdf = client.get(reverse("participation:summary_file", args=[summary.pk]))
    content = b"".join(pdf.streaming_content)
    assert content.startswith(b"%PDF")
    from stadtdach.participation.evaluation import document

    tagged = document.render_pdf(document.context(summary), compress=False)
    assert b"/StructTreeRoot" in tagged and b"/Lang (de)" in tagged
    # The steering group and the council read it; citizens do not.
    assert client_for("steering_member").get(summary.get_absolute_url()).status_code == 200
    assert client_for("council_member").get(summary.get_absolute_url()).status_code == 200
    assert client_for("citizen").get(summary.get_absolute_url()).status_code == 403
    assert client_for("citizen").post(URL + "zusammenfassungen/neu/").status_code == 403
    assert client.post(URL + "zusammenfassungen/neu/", {"process": "x"}).status_code == 302


def test_a_running_summary_page_refreshes(world, client_for):
    summary = SummaryDocument.objects.create(title="Läuft", status="running", progress=40)
    html = client_for("participation_coordinator").get(summary.get_absolute_url()).content
    assert b'hx-trigger="every 2s"' in html and b'value="40"' in html
    missing = client_for("participation_coordinator").get(
        reverse("participation:summary_file", args=[summary.pk])
    )
    assert missing.status_code == 404


@pytest.mark.parametrize("query", ["", "?handlungsfeld=ohne&kanal=online"])
def test_query_count_does_not_grow(world, client_for, query):
    client = client_for("participation_coordinator")
    Contribution.objects.filter(pk__in=Contribution.objects.values("pk")[:3]).update(
        action_field=None
    )
    url = URL + query
    client.get(url)
    few = count_queries(lambda: client.get(url))
    add_contributions(world.process, world.world, 490, places=world.places)
    Contribution.objects.filter(pk__in=Contribution.objects.values("pk")[:100]).update(
        action_field=None, channel=Channel.ONLINE
    )
    many = count_queries(lambda: client.get(url))
    assert few == many
    assert many <= 26
