"""The participation demo: an open idea collection with visible, flagged sample ideas
that carry places, comments, supports, statuses and answers linked to measures."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from stadtdach.participation.ideas.models import Support
from stadtdach.participation.models import Comment, Contribution, ParticipationProcess


def test_an_open_idea_collection_with_rich_sample_ideas(demo):
    process = ParticipationProcess.objects.get(slug="ideen-innenstadt-und-elbufer")
    assert process.state() == "open" and process.is_sample and process.uses("ideas")
    ideas = Contribution.objects.filter(process=process)
    assert ideas.count() >= 5 and all(i.is_sample for i in ideas)
    assert ideas.exclude(named_place=None).exists()
    assert ideas.filter(measures__isnull=False).exists()
    assert ideas.exclude(answer="").exists()
    assert Comment.objects.filter(contribution__process=process, is_official=True).exists()
    assert Support.objects.filter(contribution__process=process).count() >= 5
    closed = ParticipationProcess.objects.get(slug="ideensammlung-isek-2022")
    assert closed.state() == "closed"
    decided = Contribution.objects.filter(process=closed, status="adopted")
    assert decided.exists() and all(i.status_reason for i in decided)
    assert decided.filter(goals__isnull=False).exists()


def test_sample_citizens_are_flagged_and_cannot_log_in(demo):
    citizens = get_user_model().objects.filter(username__startswith="beispiel-")
    assert citizens.count() >= 5
    assert all(c.is_sample and not c.has_usable_password() for c in citizens)


def test_loading_twice_changes_nothing(demo):
    before = {
        "ideas": sorted(Contribution.objects.values_list("pk", "title")),
        "supports": Support.objects.count(),
        "comments": sorted(Comment.objects.values_list("pk", flat=True)),
        "processes": sorted(ParticipationProcess.objects.values_list("pk", "slug")),
    }
    call_command("load_boizenburg_demo")
    after = {
        "ideas": sorted(Contribution.objects.values_list("pk", "title")),
        "supports": Support.objects.count(),
        "comments": sorted(Comment.objects.values_list("pk", flat=True)),
        "processes": sorted(ParticipationProcess.objects.values_list("pk", "slug")),
    }
    assert before == after


def test_the_pages_mark_sample_data(demo):
    html = Client().get("/beteiligung/verfahren/ideen-innenstadt-und-elbufer/").content.decode()
    assert "badge--sample" in html
    measure_html = (
        Client()
        .get(Contribution.objects.filter(measures__code="VER-1").first().get_absolute_url())
        .content.decode()
    )
    assert "VER-1" in measure_html
