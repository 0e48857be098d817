"""What governance contributes to pages and features of the layers below: the panels
(home, measure, task, work package, workspace, process dashboard), the timeline lanes,
the process calendar and the weekly report — each showing only what the viewer may see."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stadtdach.core.testing.html import assert_valid_html
from stadtdach.governance.models import AgendaItem
from stadtdach.governance.tests.factories import SECRET, build_gov_world, link_task
from stadtdach.process.report import build_report
from stadtdach.process.tests.factories import build_process_world


@pytest.fixture
def world(db, personas):
    process = build_process_world()
    governance = build_gov_world(personas)
    return process, governance


def test_the_timeline_gets_a_lane_per_body(world, client_for):
    public = client_for("anonymous").get(reverse("process:timeline")).content.decode()
    assert "Sitzung WTK" in public and SECRET not in public
    for persona, sees in (("coordinator", True), ("steering_member", True), ("consultant", False)):
        html = client_for(persona).get(reverse("process:timeline_internal")).content.decode()
        assert (SECRET in html) == sees, persona


def test_the_timeline_shows_a_bounded_window_of_meetings(world, client_for):
    """Hundreds of meetings of a body in the window: the same queries, the first of the
    window drawn and listed, the number of all and a link to the body's meeting list."""
    import datetime

    from stadtdach.core.testing.queries import count_queries
    from stadtdach.governance.models import Meeting
    from stadtdach.process.timeline import LANE_LIMIT

    _process, governance = world
    client = client_for("anonymous")
    url = reverse("process:timeline") + "?von=2030"  # 2030 to 2032
    few = count_queries(lambda: client.get(url))

    def at(day):
        return datetime.datetime.combine(
            day, datetime.time(18), tzinfo=timezone.get_current_timezone()
        )

    first = datetime.date(2030, 1, 1)
    days = [first + datetime.timedelta(days=n) for n in range(300)]
    days += [datetime.date(2033, 3, n) for n in range(1, 11)]
    Meeting.objects.bulk_create(
        Meeting(body=governance.committee, name=f"Termin {day:%Y-%m-%d}", start=at(day))
        for day in days
    )
    assert count_queries(lambda: client.get(url)) == few
    response = client.get(url)
    html = response.content.decode()
    assert len(response.content) < 150_000
    with translation.override("de"):
        capped = _("%(title)s: the first %(shown)s of %(total)s dates in these years are shown.")
    expected = {"title": governance.committee.name, "shown": LANE_LIMIT, "total": 300}
    assert capped % expected in html
    assert "?gremium=ausschuss-wtk" in html
    assert f"Termin {days[LANE_LIMIT - 1]:%Y-%m-%d}" in html
    assert f"Termin {days[LANE_LIMIT]:%Y-%m-%d}" not in html
    # The next years have their own window.
    later = client.get(reverse("process:timeline") + "?von=2033").content.decode()
    assert "Termin 2033-03-10" in later and "Termin 2030" not in later


def test_home_shows_the_next_public_meetings(world, client_for):
    for persona in ("anonymous", "coordinator"):
        response = client_for(persona).get(reverse("communication:home"))
        html = response.content.decode()
        assert "Sitzung WTK" in html and SECRET not in html
        assert_valid_html(response.content)


def test_task_pages_show_their_bodies_meetings_and_decisions(world, client_for):
    process, governance = world
    link_task(process.task, meeting=governance.public_meeting)
    link_task(process.task, decision=governance.decision)
    link_task(process.task, meeting=governance.secret_meeting)
    public = client_for("anonymous").get(process.task.get_absolute_url())
    html = public.content.decode()
    assert governance.public_meeting.get_absolute_url() in html
    assert governance.decision.get_absolute_url() in html
    assert SECRET not in html
    assert_valid_html(public.content)
    member = client_for("steering_member").get(process.task.get_absolute_url()).content.decode()
    assert SECRET in member


def test_work_packages_show_where_they_were_accepted(world, client_for):
    process, governance = world
    AgendaItem.objects.filter(pk=governance.secret_item.pk).update(work_package=process.package)
    coordinator = client_for("coordinator").get(process.package.get_absolute_url())
    assert "Personalfrage" in coordinator.content.decode()
    consultant = client_for("consultant").get(process.package.get_absolute_url())
    assert "Personalfrage" not in consultant.content.decode()


def test_the_dashboard_shows_meetings_and_papers_on_their_way(world, client_for):
    _process, governance = world
    governance.consultation.result = "pending"
    response = client_for("steering_member").get(reverse("process:dashboard"))
    html = response.content.decode()
    assert "Sitzung WTK" in html and SECRET in html  # the member's own steering meeting
    assert_valid_html(response.content)


def test_the_weekly_report_lists_the_next_meetings(world):
    process, _governance = world
    _subject, body = build_report(process.edition, timezone.localdate())
    assert "Sitzung WTK" in body
    assert SECRET in body  # the coordinators receive it; they see everything


def test_the_process_calendar_has_the_public_meetings(world, client_for):
    ics = client_for("steering_member").get(reverse("process:calendar")).content.decode()
    assert "BEGIN:VCALENDAR" in ics and "Sitzung WTK" in ics and SECRET not in ics
    assert "BEGIN:VTIMEZONE" in ics and "TZID=Europe/Berlin" in ics
