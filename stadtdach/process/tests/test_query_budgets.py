"""Every page of the process makes the same number of queries with 10 and with 1,000 tasks,
milestones and work packages, and stays within its budget (the queries named)."""

from django.test import Client
from django.urls import reverse

from stadtdach.core.testing.queries import assert_flat_query_counts
from stadtdach.process.tests.factories import add_process_data, build_process_world

# (persona or None for the public, url builder, budget, the queries it allows). Every page
# reads the municipality for header and footer; a logged-in page reads session, user and
# the user's roles; the governance sources add their queries (no governance data here).
PAGES = [
    (
        None,
        lambda w: reverse("process:timeline"),
        8,
        "municipality, edition, phases, milestones, draft stages, meetings of the window "
        "(governance lane), participation processes and events of the window",
    ),
    (
        "coordinator",
        lambda w: reverse("process:timeline_internal") + "?von=2024&seite=2",
        12,
        "session, user, roles, municipality, edition, phases, milestones, draft stages, "
        "work packages, meetings, participation processes and events (all of the window)",
    ),
    (None, lambda w: reverse("process:task_list"), 4, "municipality, edition, count, page"),
    (
        "coordinator",
        lambda w: reverse("process:task_list") + "?status=open&verspaetet=1",
        7,
        "session, user, roles, municipality, edition, count, page",
    ),
    (
        None,
        lambda w: w.task.get_absolute_url(),
        5,
        "municipality, task with phase/role/owner, measures, task links (governance panel)",
    ),
    (
        "coordinator",
        lambda w: reverse("process:dashboard"),
        17,
        "session, user, roles, municipality, edition, phases, next milestone, late/due tasks, "
        "work packages, awaiting acceptance, deliverables, milestones; governance panel: "
        "memberships, meetings, pending decisions, papers, their consultations",
    ),
    (
        "coordinator",
        lambda w: reverse("process:work_package_list"),
        10,
        "session, user, roles, municipality, edition, phases, count, page, deliverables, "
        "contracts with sums",
    ),
    (
        "coordinator",
        lambda w: w.package.get_absolute_url(),
        7,
        "session, user, roles, municipality, work package, deliverables, agenda items (panel)",
    ),
    (
        "coordinator",
        lambda w: w.contract.get_absolute_url(),
        7,
        "session, user, roles, municipality, contract, work packages, deliverables",
    ),
    (
        "coordinator",
        lambda w: reverse("process:specification_list"),
        6,
        "session, user, roles, municipality, edition, specifications",
    ),
    (
        "coordinator",
        lambda w: w.specification.get_absolute_url(),
        8,
        "session, user, roles, municipality, specification, sections, items, exports",
    ),
    (
        None,
        lambda w: reverse("process:calendar"),
        4,
        "edition, milestones, meetings (governance source), authority",
    ),
]


def test_query_count_does_not_grow_with_the_data(db, client_for):
    world = build_process_world()
    assert_flat_query_counts(
        [
            (client_for(persona) if persona else Client(), lambda m=make_url: m(world), budget, why)
            for persona, make_url, budget, why in PAGES
        ],
        lambda: add_process_data(world, 1000),
        sizes="10 and 1,000 rows",
    )
