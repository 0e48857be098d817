"""What participation contributes to lower apps: the ISEK document's summary, the
timeline lane, the calendar feed, the specification positions, the steering group's
workspace panel, and the site search source."""

from stadtdach.core.testing.queries import query_budget
from stadtdach.participation import panels, reporting, search
from stadtdach.participation.models import ParticipationProcess, ResourceEntry, ResourcePlan
from stadtdach.participation.tests.factories import add_contributions, build_participation


def test_participation_summary_has_the_documented_keys(db):
    world = build_participation(contributions=12)
    with query_budget(5, "processes, target groups, action fields, feedback"):
        data = reporting.participation_summary(world.world.edition)
    assert data["contributions"] == 12
    assert data["processes"][0]["title"] == world.process.title
    assert sum(n for _, n in data["by_action_field"]) == 12
    assert data["with_feedback"] > 0
    add_contributions(world.process, world.world, 100)
    with query_budget(5, "the same with more contributions"):
        reporting.participation_summary(world.world.edition)


def test_timeline_calendar_and_specification(db, rf, personas):
    world = build_participation(contributions=1)
    ParticipationProcess.objects.filter(pk=world.process.pk).update(audience="public")
    request = rf.get("/")
    request.user = personas.coordinator
    lanes = panels.timeline_participation(request, world.world.edition, False)
    assert lanes and lanes[0].items[0].label == world.process.title
    events = panels.calendar_participation(request)
    assert events and events[0].uid == f"participation-process-{world.process.pk}"

    class Spec:
        edition_id = world.world.edition.pk
        phase_id = None

    items = panels.specification_participation(Spec())
    assert items and world.process.title in items[0]["text"]


def test_the_calendar_feed_lists_the_process(db, client):
    world = build_participation(contributions=0)
    body = client.get("/prozess/beteiligung.ics").content.decode()
    assert world.process.title[:20] in body.replace("\r\n ", "")


def test_workspace_panel_for_steering_group_only(db, rf, personas):
    world = build_participation(contributions=0)
    ResourcePlan.objects.create(process=world.process, planned_hours=1)
    ResourceEntry.objects.create(process=world.process, date="2025-01-01", description="x", hours=5)
    request = rf.get("/")
    request.user = personas.steering_member
    panel = panels.workspace_steering(request)
    assert panel is not None and panel.data()["over"]
    request.user = personas.citizen
    assert panels.workspace_steering(request) is None


def test_search_respects_visibility(db, personas):
    world = build_participation(contributions=3)
    hits = search.search("Elbufer", personas.citizen)
    assert any(h.kind == "contribution" for h in hits)
    world.process.audience = "internal"
    world.process.save()
    assert not [h for h in search.search("Elbufer", personas.citizen) if h.kind != "fund_call"]
    assert search.search("Elbufer", personas.steering_member)
    assert search.search("  ", None) == []
