"""The scale-data generator (stadtdach/demo/scale/, docs/performance.md "Scale data"):
small factors of the real scales, so that each test takes a second or two; the full
volumes are measured by hand (the timings are in docs/performance.md)."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection
from django.db.models import Count
from django.test import Client
from django.utils import timezone

from stadtdach.core.models import AuditEntry
from stadtdach.demo.scale import (
    FIFTY_COMMENTS_TITLE,
    Progress,
    Refusal,
    benchmark_targets,
    checks,
    run,
)
from stadtdach.demo.scale.scales import AUDIT_LABEL, volumes
from stadtdach.governance.models import Meeting, Paper
from stadtdach.monitoring.models import Indicator, IndicatorRollup, IndicatorValue
from stadtdach.participation.ideas.models import Support
from stadtdach.participation.models import Comment, Contribution, ParticipationProcess
from stadtdach.reports.models import Revision
from stadtdach.strategy.models import Measure, MeasureThemeRating

pytestmark = pytest.mark.django_db

APLUS = 0.01  # 20 ideas, 200 comments, 200 supports
BERLIN = 0.002  # every part: 200 users, 40 ideas, 10 measures, 4 meetings, ...
NOW = timezone.make_aware(datetime.datetime(2026, 6, 15, 12, 0))
User = get_user_model()


def generated_users():
    return User.objects.filter(username__startswith="skala-")


def generated_ideas():
    return Contribution.objects.filter(format="ideas", process__slug__startswith="skala-")


def fingerprint() -> dict:
    """The generated data without its keys (a second run gets other ones)."""
    user = dict(generated_users().values_list("pk", "username"))
    ideas = generated_ideas().order_by("pk")
    return {
        "ideas": [
            (t, text, status, vis, user.get(author), process, created)
            for t, text, status, vis, author, process, created in ideas.values_list(
                "title", "text", "status", "visibility", "author", "process__slug", "created"
            )
        ],
        "comments": [
            (idea, text, user.get(author), vis, created)
            for idea, text, author, vis, created in Comment.objects.filter(contribution__in=ideas)
            .order_by("pk")
            .values_list("contribution__title", "text", "author", "visibility", "created")
        ],
        "supports": sorted(
            (idea, user[author])
            for idea, author in Support.objects.filter(contribution__in=ideas).values_list(
                "contribution__title", "user"
            )
        ),
        "measures": list(
            Measure.objects.filter(code__startswith="SK-")
            .order_by("code")
            .values_list("code", "title", "status", "start", "estimated_cost")
        ),
        "values": list(
            IndicatorValue.objects.filter(indicator__code__startswith="SK-")
            .order_by("indicator__code", "date")
            .values_list("indicator__code", "date", "value")
        ),
        "meetings": list(
            Meeting.objects.filter(name__startswith="Sitzung ", start__minute=30)
            .order_by("start", "body")
            .values_list("body__name", "start", "state")
        ),
    }


# Refusals ------------------------------------------------------------------------


def test_the_demo_alone_is_not_foreign_data(demo):
    assert checks.foreign_data() == []


def test_an_account_of_a_real_person_is_refused_unless_forced(demo):
    User.objects.create_user("kaemmerer", password="x")
    with pytest.raises(Refusal, match=r"1 accounts that are neither demo nor sample.*kaemmerer"):
        run("aplus", factor=APLUS)
    assert not generated_users().exists()

    run("aplus", factor=APLUS, force=True)
    assert generated_users().count() == volumes("aplus", APLUS).users


def test_unflagged_content_is_refused(demo):
    process = ParticipationProcess.objects.order_by("pk").first()
    Contribution.objects.create(process=process, format="ideas", title="Echt", text="Echt")
    with pytest.raises(Refusal, match=r"1 rows of participation\.Contribution not marked"):
        run("aplus", factor=APLUS)


def test_the_production_settings_are_refused_unless_forced(demo, settings):
    settings.SETTINGS_MODULE = checks.PRODUCTION_SETTINGS
    with pytest.raises(Refusal, match="production settings"):
        run("demo")
    run("demo", force=True)


def test_an_unknown_scale_is_refused(demo):
    with pytest.raises(Refusal, match="Unknown scale 'paris'"):
        run("paris")
    with pytest.raises(CommandError, match="invalid choice: 'paris'"):
        call_command("generate_scale_data", "--scale", "paris")


def test_an_unreachable_database_is_reported_and_nothing_changes(demo, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refuse)
    with pytest.raises(Refusal, match="cannot be reached: connection refused"):
        run("aplus", factor=APLUS, force=True)
    monkeypatch.undo()
    assert not generated_users().exists()


# What is generated --------------------------------------------------------------


def test_aplus_shape_counts_sample_flags_and_the_one_idea_with_fifty_comments(demo):
    result = run("aplus", factor=APLUS)
    v = volumes("aplus", APLUS)

    assert generated_users().count() == v.users
    assert generated_ideas().count() == v.ideas
    assert Comment.objects.filter(contribution__in=generated_ideas()).count() == v.comments
    assert Support.objects.filter(contribution__in=generated_ideas()).count() == v.supports
    assert not generated_users().filter(is_sample=False).exists()
    assert not generated_ideas().filter(is_sample=False).exists()
    assert not Comment.objects.filter(is_sample=False).exists()
    assert checks.foreign_data() == []  # a second run is allowed
    fifty = generated_ideas().annotate(n=Count("comments")).filter(n=50)
    assert list(fifty.values_list("title", flat=True)) == [FIFTY_COMMENTS_TITLE]
    assert benchmark_targets()["idea"]["pk"] == fifty.get().pk
    # heavy tail: the busiest idea draws several times the average
    counts = sorted(generated_ideas().annotate(n=Count("comments")).values_list("n", flat=True))
    assert counts[-1] > 3 * v.comments / v.ideas
    assert result.rows["participation.Contribution"] == v.ideas
    entry = AuditEntry.objects.get(object_repr=AUDIT_LABEL)
    assert entry.changes["scale"] == [None, "aplus"]


def test_berlin_shape_fills_every_part_and_the_site_shows_it(demo):
    result = run("berlin", factor=BERLIN)
    v = volumes("berlin", BERLIN)

    assert Measure.objects.filter(code__startswith="SK-").count() == v.measures
    assert MeasureThemeRating.objects.filter(measure__code__startswith="SK-").exists()
    assert Indicator.objects.filter(code__startswith="SK-").count() == v.indicators
    values = IndicatorValue.objects.filter(indicator__code__startswith="SK-")
    assert values.count() == v.indicators * v.values_per_indicator
    assert Paper.objects.filter(reference__startswith="SK-").count() == v.papers
    assert Revision.objects.filter(title__contains="Skalierungsdaten").count() == v.revisions
    for label in (
        "governance.Meeting",
        "governance.Consultation",
        "process.WorkPackage",
        "finance.BudgetLine",
        "participation.DraftComment",
        "participation.Answer",
        "participation.DotVote",
        "participation.Resistance",
        "participation.EventResult",
        "monitoring.ProgressUpdate",
    ):
        assert result.rows.get(label), label
    targets = benchmark_targets()
    client = Client()
    for name in ("idea", "idea_list", "measure", "meeting", "action_field", "revision"):
        response = client.get(targets[name]["url"])
        assert response.status_code == 200, name
    assert FIFTY_COMMENTS_TITLE in client.get(targets["idea"]["url"]).content.decode()
    oparl = targets["oparl_body"]["url"]
    assert client.get(f"{oparl}/meetings").status_code == 200


def test_normal_writes_after_a_generation_get_fresh_keys(demo):
    run("aplus", factor=APLUS)
    process = ParticipationProcess.objects.get(slug="skala-ideen-001")
    author = User.objects.create_user("nachher")
    idea = Contribution.objects.create(
        process=process, format="ideas", title="Danach", text="Danach", author=author
    )
    comment = Comment.objects.create(contribution=idea, text="Auch danach", author=author)
    support = Support.objects.create(contribution=idea, user=author)

    assert author.pk > generated_users().order_by("-pk").first().pk
    assert idea.pk > generated_ideas().exclude(pk=idea.pk).order_by("-pk").first().pk
    assert comment.pk and support.pk


def test_the_same_seed_gives_the_same_data_another_seed_other_data(demo):
    run("berlin", factor=BERLIN, seed=7, now=NOW)
    first = fingerprint()
    run("berlin", factor=BERLIN, seed=7, now=NOW)
    assert fingerprint() == first
    run("berlin", factor=BERLIN, seed=8, now=NOW)
    other = fingerprint()
    assert other["ideas"] != first["ideas"] and other["comments"] != first["comments"]


def test_a_second_run_replaces_the_first(demo):
    first = run("berlin", factor=BERLIN)
    users = generated_users().count()
    # rows the generator did not write that refer to its rows go with them
    citizen = User.objects.get(username="buergerin")
    idea = generated_ideas().order_by("pk").first()
    comment = Comment.objects.create(contribution=idea, author=citizen, text="Gut!", is_sample=True)
    assert IndicatorRollup.objects.filter(indicator__code__startswith="SK-").exists()
    second = run("aplus", factor=APLUS)

    assert second.removed == sum(first.rows.values())
    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert citizen in User.objects.all()
    assert IndicatorRollup.objects.count() == Indicator.objects.count()
    assert generated_users().count() == volumes("aplus", APLUS).users != users
    assert not Measure.objects.filter(code__startswith="SK-").exists()
    assert generated_ideas().count() == volumes("aplus", APLUS).ideas
    assert generated_ideas().annotate(n=Count("comments")).filter(n=50).count() == 1


def test_generated_accounts_without_their_audit_entry_are_refused(demo):
    run("aplus", factor=APLUS)
    AuditEntry.objects.filter(object_repr=AUDIT_LABEL).delete()
    with pytest.raises(Refusal, match="cannot be removed safely"):
        run("aplus", factor=APLUS)
    assert generated_users().count() == volumes("aplus", APLUS).users


# The command -------------------------------------------------------------------


def test_the_command_reports_what_it_did(demo):
    out, err = io.StringIO(), io.StringIO()
    call_command("generate_scale_data", "--scale", "demo", "--seed", "3", stdout=out, stderr=err)
    assert "Scale demo (seed 3): 0 rows generated" in out.getvalue()


def test_the_progress_bar_writes_one_line_per_table_off_a_terminal():
    stream = io.StringIO()
    progress = Progress(stream)
    progress.start("comments", 10)
    progress.advance(4)
    progress.advance(6)
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and "comments" in lines[0] and "10/10" in lines[0]
