"""The one predicate (may_act) as a role × process state × action matrix, the staff
permissions as a role matrix, and the same rules enforced by every view."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from stadtdach.core.testing.personas import ALL_NAMES
from stadtdach.participation import permissions
from stadtdach.participation.formats import ACTIONS, COMMENT, CONTRIBUTE, RATE, VOTE
from stadtdach.participation.models import ParticipationProcess
from stadtdach.participation.tests.factories import build_participation, make_process
from stadtdach.strategy.models import ActionField

C, P, X, S, D, R, B, A = (
    "coordinator",
    "participation_coordinator",
    "consultant",
    "steering_member",
    "department_staff",
    "council_member",
    "citizen",
    "anonymous",
)
ACCOUNTS = {C, P, X, S, D, R, B}
INTERNAL = {C, P, X, S}

# (state of the process, its settings) → action → personas allowed.
# The idea collection offers contribute, comment and rate (support); never vote.
STATES = {
    "draft": ({"is_published": False}, (-1, 1)),
    "upcoming": ({}, (1, 5)),
    "open": ({}, (-1, 1)),
    "closed": ({}, (-5, -1)),
    "open_anonymous": ({"contributors": "anonymous"}, (-1, 1)),
    "open_internal": ({"audience": "internal", "contributors": "anonymous"}, (-1, 1)),
    "open_without_formats": ({"formats": []}, (-1, 1)),
}
MATRIX = {
    "draft": {action: set() for action in ACTIONS},
    "upcoming": {action: set() for action in ACTIONS},
    "closed": {action: set() for action in ACTIONS},
    "open": {CONTRIBUTE: ACCOUNTS, COMMENT: ACCOUNTS, RATE: ACCOUNTS, VOTE: set()},
    "open_anonymous": {
        CONTRIBUTE: ACCOUNTS | {A},
        COMMENT: ACCOUNTS | {A},
        RATE: ACCOUNTS,  # a support counts once per person: never anonymous
        VOTE: set(),
    },
    # Internal processes never take anonymous or citizen input, whatever they allow.
    "open_internal": {CONTRIBUTE: INTERNAL, COMMENT: INTERNAL, RATE: INTERNAL, VOTE: set()},
    "open_without_formats": {action: set() for action in ACTIONS},
}


@pytest.fixture
def processes(db):
    world = build_participation(contributions=1)
    result = {}
    for state, (fields, (start, end)) in STATES.items():
        result[state] = make_process(world.phase, slug=state, days_open=(start, end), **fields)
    return result


@pytest.mark.parametrize("persona", ALL_NAMES)
@pytest.mark.parametrize("state", list(STATES))
def test_role_state_action_matrix(processes, personas, persona, state):
    user = personas[persona]
    process = processes[state]
    granted = {a for a in ACTIONS if user.has_perm(f"participation.{a}", process)}
    expected = {a for a in ACTIONS if persona in MATRIX[state][a]}
    assert granted == expected


def test_the_window_opens_and_closes_to_the_second(processes, personas):
    process = processes["open"]
    citizen = personas.citizen
    assert permissions.decide(citizen, process, CONTRIBUTE, now=process.starts_at)
    assert permissions.decide(citizen, process, CONTRIBUTE, now=process.ends_at)
    before = process.starts_at - datetime.timedelta(seconds=1)
    after = process.ends_at + datetime.timedelta(seconds=1)
    assert permissions.decide(citizen, process, CONTRIBUTE, now=before).reason == "upcoming"
    assert permissions.decide(citizen, process, CONTRIBUTE, now=after).reason == "closed"


def test_the_reasons_say_why(processes, personas):
    citizen, visitor = personas.citizen, personas.anonymous
    assert permissions.decide(citizen, processes["draft"], COMMENT).reason == "not_published"
    assert permissions.decide(citizen, processes["open_internal"], COMMENT).reason == "internal"
    assert permissions.decide(citizen, processes["open"], VOTE).reason == "not_offered"
    assert permissions.decide(visitor, processes["open"], COMMENT).reason == "login_required"
    assert permissions.decide(visitor, processes["open_anonymous"], RATE).reason == (
        "login_required"
    )
    assert permissions.decide(citizen, None, COMMENT).reason == "not_offered"
    assert permissions.decide(citizen, processes["open"], "delete").reason == "not_offered"


def test_a_contribution_is_judged_by_its_own_format(processes, personas):
    """A target names its format: an action the format lacks stays closed even when
    another format of the process offers it (later formats rely on this)."""
    process = processes["open"]
    idea = process.contributions.create(format="ideas", text="Eine Idee", title="Idee")
    other = process.contributions.create(format="survey", text="Antwort")
    assert personas.citizen.has_perm("participation.rate", idea)
    assert not personas.citizen.has_perm("participation.rate", other)  # unknown format


def test_inactive_users_may_not_act(processes, personas):
    citizen = personas.citizen
    citizen.is_active = False
    citizen.save()
    assert permissions.decide(citizen, processes["open"], CONTRIBUTE).reason == "inactive"


STAFF_MATRIX = {
    "participation.add_participationprocess": {C, P},
    "participation.change_participationprocess": {C, P},
    "participation.manage_targetgroups": {C, P},
    "participation.moderate": {C, P, X},
    "participation.answer_contribution": {C, P, X, D},  # D: leads the idea's field
    "participation.report": ACCOUNTS | {A},
    "participation.subscribe": ACCOUNTS,
    "participation.comment_measure": ACCOUNTS,
}


@pytest.fixture
def led_idea(processes, personas):
    field = ActionField.objects.first()
    field.lead_unit = personas.department_staff.unit
    field.save()
    return processes["open"].contributions.create(
        format="ideas", text="Idee", title="Idee", action_field=field
    )


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_staff_permission_matrix(led_idea, personas, persona):
    user = personas[persona]
    granted = {
        perm
        for perm in STAFF_MATRIX
        if user.has_perm(perm, led_idea if perm.endswith("answer_contribution") else None)
    }
    assert granted == {perm for perm, holders in STAFF_MATRIX.items() if persona in holders}


def test_department_staff_answer_only_in_their_field(led_idea, personas):
    other = led_idea.process.contributions.create(
        format="ideas", text="Idee", action_field=ActionField.objects.last()
    )
    staff = personas.department_staff
    assert staff.has_perm("participation.answer_contribution", led_idea)
    assert not staff.has_perm("participation.answer_contribution", other)


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_who_sees_which_process(processes, personas, persona):
    user = personas[persona]
    visible = {s for s, p in processes.items() if user.has_perm("participation.view_process", p)}
    public = {"upcoming", "open", "closed", "open_anonymous", "open_without_formats"}
    if persona in {C, P}:
        assert visible == set(STATES)
    elif persona in INTERNAL:
        assert visible == public | {"open_internal"}
    else:
        assert visible == public


def _staff_urls(world, idea) -> dict[str, str]:
    return {
        "process_add": reverse("participation:process_add"),
        "process_edit": reverse("participation:process_edit", args=[world.process.slug]),
        "target_group_add": reverse("participation:target_group_add"),
        "target_group_edit": reverse("participation:target_group_edit", args=["familien"]),
        "answer": reverse("participation:answer", args=[idea.pk]),
        "moderation": reverse("participation:moderation"),
    }


ALLOWED = {
    "process_add": {C, P},
    "process_edit": {C, P},
    "target_group_add": {C, P},
    "target_group_edit": {C, P},
    "answer": {C, P, X},  # D only in their department's field (not this one)
    "moderation": {C, P, X},
}


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_every_staff_view_checks_the_role(db, client_for, persona):
    world = build_participation(contributions=2)
    idea = world.process.contributions.first()
    client = client_for(persona)
    for name, url in _staff_urls(world, idea).items():
        get, post = client.get(url), client.post(url, {})
        if persona == A:
            assert get.status_code == 302 and "/konto/anmelden/" in get["Location"], name
            assert post.status_code == 302 and "/konto/anmelden/" in post["Location"], name
        elif persona in ALLOWED[name]:
            assert get.status_code == 200, name
        else:
            assert get.status_code == 403, name
            assert post.status_code == 403, name


@pytest.mark.parametrize("persona", ALL_NAMES)
def test_public_pages_hide_drafts_and_internal_processes(processes, client_for, persona):
    client = client_for(persona)
    for state, process in processes.items():
        status = client.get(process.get_absolute_url()).status_code
        hidden = (state == "draft" and persona not in {C, P}) or (
            state == "open_internal" and persona not in INTERNAL
        )
        assert status == (404 if hidden else 200), state


def test_pages_of_a_closed_process_say_so(processes, client_for):
    client = client_for("citizen")
    closed = processes["closed"]
    response = client.get(reverse("participation:idea_add", args=[closed.slug]))
    assert response.status_code == 403
    assert response.context["message"]
    response = client.post(reverse("participation:idea_add", args=[closed.slug]), {"title": "x"})
    assert response.status_code == 403
    assert not closed.contributions.exists()


def test_anonymous_visitors_are_sent_to_the_login_where_an_account_is_needed(processes, client_for):
    url = reverse("participation:idea_add", args=[processes["open"].slug])
    response = client_for("anonymous").get(url)
    assert response.status_code == 302 and "/konto/anmelden/" in response["Location"]
    url = reverse("participation:idea_add", args=[processes["open_anonymous"].slug])
    assert client_for("anonymous").get(url).status_code == 200


def test_the_process_model_knows_its_state(processes):
    assert processes["draft"].state() == "draft"
    assert processes["upcoming"].state() == "upcoming"
    assert processes["open"].state() == "open"
    assert processes["closed"].state() == "closed"
    assert processes["open_anonymous"].allows_anonymous
    assert not processes["open_internal"].allows_anonymous
    assert ParticipationProcess.objects.filter(slug="open").get().uses("ideas")
    assert timezone.now() < processes["upcoming"].starts_at
