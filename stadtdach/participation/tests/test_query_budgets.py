"""Every participation page makes the same number of queries with 10 and with 5,000
contributions, and stays within a budget whose queries are named."""

from django.urls import reverse

from stadtdach.core.testing.queries import assert_flat_query_counts, count_queries, query_budget
from stadtdach.participation.models import Contribution, Report, Subscription, Visibility
from stadtdach.participation.tests.factories import add_contributions, build_participation
from stadtdach.strategy.models import Measure

MANY = 5_000

# (persona, url builder, budget, the queries it allows). Every page reads the
# municipality for its header; logged-in pages add session, user and the user's roles.
PAGES = [
    (
        "anonymous",
        lambda w: reverse("participation:overview"),
        6,
        "municipality, processes, their target groups, contribution counts, phases, target groups",
    ),
    (
        "anonymous",
        lambda w: reverse("participation:overview") + "?phase=hauptprozess&zielgruppe=familien",
        6,
        "as above, filtered",
    ),
    (
        "anonymous",
        lambda w: w.process.get_absolute_url(),
        7,
        "municipality, process, target groups, idea count, idea page with counts, "
        "selected action fields (exists, list)",
    ),
    (
        "citizen",
        lambda w: w.process.get_absolute_url() + "?sortierung=unterstuetzt&seite=3&status=adopted",
        14,
        "session, user, roles, permissions of the model backend (2), municipality, process, "
        "target groups, subscription, idea count, idea page, action fields (2), own supports",
    ),
    (
        "anonymous",
        lambda w: w.idea.get_absolute_url(),
        10,
        "municipality, contribution with counts, themes, goals, measures, status history, "
        "images, comment count, comment page",
    ),
    (
        "citizen",
        lambda w: w.idea.get_absolute_url(),
        15,
        "session, user, roles, model-backend permissions (2), as for visitors, own support",
    ),
    (
        "anonymous",
        lambda w: reverse("participation:idea_geojson", args=[w.process.slug]),
        3,
        "process, target groups, published ideas with a place",
    ),
    (
        "citizen",
        lambda w: reverse("participation:mine"),
        9,
        "session, user, count, municipality, page with counts, their measures, roles, "
        "model-backend permissions (2)",
    ),
    (
        "citizen",
        lambda w: reverse("participation:subscriptions"),
        7,
        "session, user, roles, model-backend permissions (2), municipality, subscriptions "
        "with targets",
    ),
    (
        "citizen",
        lambda w: reverse("accounts:profile"),
        11,
        "session, user, roles, model-backend permissions (2), municipality, e-mail "
        "addresses, own latest five, their measures, own count, subscriptions",
    ),
    (
        "participation_coordinator",
        lambda w: reverse("participation:moderation"),
        11,
        "session, user, roles, municipality, pending/reported contributions, their reports, "
        "their total, comments, their reports, their total, processes",
    ),
]


def _world(personas):
    world = build_participation(contributions=10)
    world.process.contributions.filter(pk__in=Contribution.objects.values("pk")[:5]).update(
        author=personas.citizen
    )
    world.idea = world.process.contributions.order_by("pk").first()
    world.idea.measures.set(Measure.objects.all()[:2])
    # The moderation queue has something of each kind from the start.
    last = world.process.contributions.order_by("pk").last()
    last.visibility = Visibility.PENDING
    last.save()
    comment = world.idea.comments.first()
    Report.objects.create(comment=comment, reason="spam")
    Report.objects.create(contribution=world.idea, reason="off_topic")
    return world


def _grow(world, personas):
    add_contributions(
        world.process, world.world, MANY - 10, places=world.places, supporters=world.supporters
    )
    Contribution.objects.filter(pk__in=Contribution.objects.values("pk")[1000:3000]).update(
        author=personas.citizen
    )
    # Much of it in the moderation queue, and much on the idea's own page.
    Contribution.objects.filter(pk__in=Contribution.objects.values("pk")[:300]).update(
        visibility=Visibility.PENDING
    )
    Report.objects.bulk_create(
        Report(contribution_id=pk, reason="spam")
        for pk in Contribution.objects.values_list("pk", flat=True)[300:600]
    )
    world.idea.comments.create(text="Noch ein Kommentar")
    assert Contribution.objects.count() == MANY


def _measure_url(world):
    return Measure.objects.order_by("pk").first().get_absolute_url()


def test_query_count_does_not_grow_with_the_contributions(db, personas, client_for):
    world = _world(personas)
    measure = Measure.objects.first()
    for persona in {persona for persona, *_ in PAGES} - {"anonymous"}:
        Subscription.objects.create(user=personas[persona], process=world.process)
        Subscription.objects.create(user=personas[persona], measure=measure)
    assert_flat_query_counts(
        [
            (client_for(persona), lambda m=make_url: m(world), budget, why)
            for persona, make_url, budget, why in PAGES
        ],
        lambda: _grow(world, personas),
        sizes=f"10 and {MANY:,} contributions",
    )


def test_the_panels_on_measure_home_and_account_pages_do_not_grow(db, personas, client_for):
    """The measure page (contributions behind it, comments, following), the action field
    page, the home page (open participation) and the account page keep their counts."""
    world = _world(personas)
    client = client_for("citizen")
    urls = [
        _measure_url(world),
        world.world.fields[0].get_absolute_url(),
        reverse("communication:home"),
        reverse("accounts:profile"),
    ]
    for url in urls:
        client.get(url)
    before = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    measure = Measure.objects.order_by("pk").first()
    _grow(world, personas)
    links = Contribution.measures.through
    links.objects.bulk_create(
        links(contribution_id=pk, measure_id=measure.pk)
        for pk in Contribution.objects.exclude(measures=measure).values_list("pk", flat=True)
    )
    measure.participation_comments.create(text="Kommentar zur Maßnahme")
    after = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    assert before == after


def test_the_measure_panels_have_a_budget_of_their_own(db, rf, personas):
    """The two measure panels together: contributions with their number, comments with
    their number and the user's subscription (the measure page's budget adds these)."""
    from stadtdach.participation import panels

    _world(personas)
    measure = Measure.objects.order_by("pk").first()
    request = rf.get("/")
    request.user = personas.citizen
    request.user.role_codes  # noqa: B018 - read once per request anyway
    with query_budget(3, "contributions with their number, comments with theirs, subscription"):
        panels.measure_contributions(request, measure)
        panels.measure_participation(request, measure)


def test_the_other_panels_have_budgets_of_their_own(db, rf, personas):
    from stadtdach.participation import panels

    world = _world(personas)
    request = rf.get("/")
    request.user = personas.participation_coordinator
    request.user.role_codes  # noqa: B018 - read once per request anyway
    with query_budget(2, "contributions of the field with their number, subscription"):
        panels.action_field_participation(request, world.world.fields[0])
    with query_budget(1, "pending or reported contributions and comments, unanswered"):
        data = panels.workspace_participation(request, None).data()
    assert data["waiting"] >= 2 and data["unanswered"] >= 1
    request.user = personas.department_staff
    assert panels.workspace_participation(request, None) is None
    with query_budget(1, "open processes"):
        panels.open_participation(request, None)
