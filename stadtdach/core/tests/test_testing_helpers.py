"""The test harness itself: query budgets, markup checks and the persona cast."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from stadtdach.core.testing.html import assert_valid_html, html_problems
from stadtdach.core.testing.personas import ALL_NAMES, NAMES, PASSWORD, PERSONAS, make_user
from stadtdach.core.testing.queries import count_queries, query_budget

Unit = apps.get_model("accounts", "OrganisationalUnit")
PAGE = """<!DOCTYPE html>
<html lang="de"><head><title>Seite</title></head>
<body>
<main id="inhalt">{body}</main>
</body></html>
"""


@pytest.mark.django_db
def test_query_budget_passes_within_the_budget():
    with query_budget(2, "two counts") as captured:
        Unit.objects.count()
        Unit.objects.count()

    assert len(captured.captured_queries) == 2


@pytest.mark.django_db
def test_query_budget_fails_listing_the_queries():
    with pytest.raises(AssertionError) as failure, query_budget(1, "one count only"):
        Unit.objects.count()
        Unit.objects.exists()

    message = str(failure.value)
    assert message.startswith("2 queries, budget 1 (one count only):")
    assert "1. SELECT COUNT(*)" in message
    assert "\n2. SELECT" in message


@pytest.mark.django_db
def test_query_budget_lets_errors_of_the_block_through():
    with pytest.raises(ZeroDivisionError), query_budget(0, "nothing"):
        Unit.objects.count()
        _ = 1 / 0


@pytest.mark.django_db
def test_count_queries():
    assert count_queries(lambda: None) == 0
    assert count_queries(lambda: list(Unit.objects.all())) == 1


def test_valid_page_passes():
    body = '<label for="q">Suche</label><input id="q" name="q" aria-describedby="inhalt">'

    assert html_problems(PAGE.format(body=body)) == []
    assert_valid_html(PAGE.format(body=body).encode())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<div><span>offen</div>", "End tag (div) seen too early"),
        ("<p>a</span></p>", "Unexpected end tag (span)"),
        ("<div/>", "Trailing solidus"),
        ('<p id="x">a</p><p id="x">b</p>', "id 'x' is used 2 times"),
        ('<label for="fehlt">Name</label>', "<label for='fehlt'> points at no element"),
        ('<input aria-describedby="inhalt hilfe">', "aria-describedby='hilfe'"),
    ],
)
def test_problems_are_reported_with_their_line(body, expected):
    with pytest.raises(AssertionError) as failure:
        assert_valid_html(PAGE.format(body=body))

    assert "HTML problem(s)" in str(failure.value)
    assert expected in str(failure.value)
    assert "line 4" in str(failure.value)


def test_fragment_needs_no_doctype():
    assert html_problems('<li id="a">eins</li>', fragment=True) == []
    assert html_problems('<li id="a">eins</li>') != []


@pytest.mark.django_db
def test_each_persona_has_exactly_its_role(personas):
    for persona in PERSONAS:
        user = personas[persona.name]
        assert set(user.groups.values_list("name", flat=True)) == {persona.role}
        assert user.check_password(PASSWORD)


@pytest.mark.django_db
def test_personas_are_created_once_and_on_demand(personas):
    before = count_queries(lambda: personas.citizen)

    assert before > 0
    assert count_queries(lambda: personas.citizen) == 0
    assert personas.citizen is personas["citizen"]


@pytest.mark.django_db
def test_cast_has_everyone(personas):
    cast = personas.all()

    assert tuple(cast) == ALL_NAMES
    assert not cast["anonymous"].is_authenticated
    assert all(cast[name].is_authenticated for name in NAMES)
    assert personas.department_staff.unit.name.startswith("Fachbereich")
    assert personas.citizen.unit is None
    with pytest.raises(AttributeError, match="the cast is"):
        _ = personas.mayor


@pytest.mark.django_db
def test_personas_work_without_the_migrated_groups(personas):
    # As after a transactional test's flush: the roles' groups are gone.
    apps.get_model("accounts", "Role").objects.filter(code="council").delete()
    Group.objects.filter(name="council").delete()

    assert personas.council_member.groups.get().name == "council"


@pytest.mark.django_db
def test_make_user_with_several_roles():
    user = make_user("doppelrolle", roles=("council", "steering_group"), email="d@example.org")

    assert user.role_codes == {"council", "steering_group"}
    assert user.email == "d@example.org"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ALL_NAMES)
def test_client_for_logs_in_the_persona(client_for, personas, persona):
    client = client_for(persona)

    expected = str(personas[persona].pk) if persona != "anonymous" else None
    assert client.session.get("_auth_user_id") == expected


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", [1, 2])  # the second runs after the first's flush
def test_transactional_tests_keep_the_migrated_roles(run, personas):
    personas.citizen  # noqa: B018 - written, then flushed after the test

    assert apps.get_model("accounts", "Role").objects.count() == 7
    assert Group.objects.count() == 7
