"""Every governance page and every OParl list makes the same number of queries with 10 and
with 1,000 meetings, papers and people, and stays within its budget (the queries named)."""

from django.test import Client
from django.urls import reverse

from stadtdach.core.testing.queries import assert_flat_query_counts
from stadtdach.governance.tests.factories import (
    add_meetings,
    add_papers,
    add_people,
    build_gov_world,
)

LOGGED_IN = "session, user, roles"
# When django-rules says no, Django's model backend asks the database too (2 queries).
DENIED = "model permissions (user, groups)"

PAGES = [
    (
        None,
        lambda w: reverse("governance:index"),
        5,
        "municipality, bodies with member counts, next meetings, pending papers, their steps",
    ),
    (
        None,
        lambda w: w.committee.get_absolute_url(),
        6,
        "municipality, body, members, next meetings, last meetings, papers",
    ),
    (
        "steering_member",
        lambda w: w.council.get_absolute_url(),
        12,
        f"{LOGGED_IN}, memberships, municipality, body, members, next and last meetings, papers, "
        f"{DENIED}",
    ),
    (None, lambda w: reverse("governance:meeting_list"), 4, "municipality, bodies, count, page"),
    (
        None,
        lambda w: reverse("governance:meeting_list") + "?zeit=vergangen&gremium=ausschuss-wtk",
        4,
        "municipality, bodies, count, page",
    ),
    (
        None,
        lambda w: w.public_meeting.get_absolute_url(),
        6,
        "municipality, meeting, agenda with papers, documents, attendance, tasks",
    ),
    (
        "coordinator",
        lambda w: w.public_meeting.get_absolute_url(),
        9,
        f"{LOGGED_IN}, municipality, meeting, agenda, documents, attendance, tasks",
    ),
    (
        None,
        lambda w: reverse("governance:paper_list"),
        4,
        "municipality, count, page, consultations",
    ),
    (
        None,
        lambda w: reverse("governance:paper_list") + "?offen=1&art=decision",
        4,
        "municipality, count, page, consultations",
    ),
    (
        None,
        lambda w: w.paper.get_absolute_url(),
        9,
        "municipality, paper, consultations, decision measures/goals/editions, documents, "
        "related papers",
    ),
    (
        "steering_member",
        lambda w: reverse("governance:workspace", args=[w.steering.slug]),
        15,
        f"{LOGGED_IN}, memberships, municipality, body, documents, next and last meetings, "
        f"meeting count, tasks, findings, cadences, {DENIED}",
    ),
    (
        None,
        lambda w: reverse("governance:body_calendar", args=[w.committee.slug]),
        3,
        "body, meetings, agenda items",
    ),
    (None, lambda w: "/oparl/v1/system", 1, "authority"),
    (None, lambda w: "/oparl/v1/bodies", 4, "authority (2), terms"),
    (None, lambda w: f"/oparl/v1/body/{w.authority.pk}", 3, "authority, terms"),
]
OPARL_LISTS = {
    "organizations": (4, "authority, count, page, memberships"),
    "persons": (4, "authority, count, page, memberships"),
    "memberships": (3, "authority, count, page"),
    "legislative-terms": (3, "authority, count, page"),
    "meetings": (8, "authority, count, page, agenda items, their files, files, attendance"),
    "agenda-items": (4, "authority, count, page (with its position), files"),
    "papers": (6, "authority, count, page, consultations, files, sub-papers"),
    "consultations": (3, "authority, count, page"),
    "files": (3, "authority, count, page"),
    "locations": (5, "authority, count, page, meetings, bodies"),
}
PAGES += [
    (None, lambda w, name=name: f"/oparl/v1/body/{w.authority.pk}/{name}", budget, why)
    for name, (budget, why) in OPARL_LISTS.items()
]
PAGES += [
    (
        None,
        lambda w: f"/oparl/v1/meeting/{w.public_meeting.pk}",
        6,
        "authority, meeting, agenda items, their files, files, attendance",
    ),
    (
        None,
        lambda w: f"/oparl/v1/paper/{w.paper.pk}",
        5,
        "authority, paper, consultations, files, sub-papers",
    ),
    (None, lambda w: f"/oparl/v1/agendaitem/{w.public_item.pk}", 3, "authority, item, files"),
]


def _add(world, count: int) -> None:
    add_meetings(world, count)
    add_papers(world, count)
    add_people(world, count)


def test_query_count_does_not_grow_with_the_data(db, personas, client_for):
    world = build_gov_world(personas)
    _add(world, 10)
    assert_flat_query_counts(
        [
            (client_for(persona) if persona else Client(), lambda m=make_url: m(world), budget, why)
            for persona, make_url, budget, why in PAGES
        ],
        lambda: _add(world, 990),
        sizes="10 and 1,000 meetings, papers and people",
    )


def test_the_measure_decisions_panel_is_one_query_for_everyone(db, rf, personas):
    """The decisions on a measure's page: a member's bodies are a subquery of the one
    query, so a council member sees the decision on the non-public paper of their body
    and a citizen does not, each in 1 query (the roles are read once per request)."""
    from stadtdach.core.testing.queries import query_budget
    from stadtdach.governance import panels
    from stadtdach.governance.models import Consultation, Decision
    from stadtdach.strategy.models import Measure
    from stadtdach.strategy.tests.factories import build_world

    world = build_gov_world(personas)
    build_world(measures=1)
    measure = Measure.objects.get()
    world.decision.measures.add(measure)
    secret = Decision.objects.create(
        consultation=Consultation.objects.get(paper=world.secret_paper),
        decided_on=world.decision.decided_on,
        text="Nicht öffentlich beschlossen.",
    )
    secret.measures.add(measure)
    shown = {}
    for persona in ("anonymous", "citizen", "council_member", "coordinator"):
        request = rf.get("/")
        request.user = personas[persona]
        if request.user.is_authenticated:
            request.user.role_codes  # noqa: B018 - read once per request anyway
        with query_budget(1, "decisions on the measure whose papers the user may see"):
            panel = panels.measure_decisions(request, measure)
        shown[persona] = set(panel.context["decisions"])
    assert shown["anonymous"] == shown["citizen"] == {world.decision}
    assert shown["council_member"] == shown["coordinator"] == {world.decision, secret}
