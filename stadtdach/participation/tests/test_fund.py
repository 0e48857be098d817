"""The innovation fund: public calls, applying (accounts, honeypot, rate limit, German
errors, at most max_amount), the applicant's own applications, review and decision with
a reason, and a remaining budget that never goes below zero (also under concurrency)."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from stadtdach.core.models import AuditEntry
from stadtdach.core.testing.personas import make_user
from stadtdach.participation.fund import selectors, services
from stadtdach.participation.models import FundApplication, FundCall

BASE = "/beteiligung/innovationsfonds/"


def make_call(**fields) -> FundCall:
    now = timezone.now()
    defaults = {
        "title": "Aufruf 2025",
        "slug": "aufruf",
        "description": "Projekte der Beteiligung.",
        "budget": Decimal("1000"),
        "max_amount": Decimal("600"),
        "opens_at": now - datetime.timedelta(days=1),
        "closes_at": now + datetime.timedelta(days=9),
        "is_published": True,
    }
    return FundCall.objects.create(**{**defaults, **fields})


def make_application(call, amount="500", **fields) -> FundApplication:
    defaults = {
        "applicant_kind": "citizen",
        "contact_name": "B.",
        "title": "Projekt",
        "description": "Ein Projekt.",
        "amount_requested": Decimal(amount),
    }
    return FundApplication.objects.create(call=call, **{**defaults, **fields})


def form_data(client, url, **changes):
    token = client.get(url).context["form"]["form_token"].initial
    data = {
        "applicant_kind": "association",
        "organisation": "Heimatverein",
        "contact_name": "Birgit",
        "title": "Stadtspaziergang",
        "description": "Wir laden zu drei Spaziergängen mit Ideenwand ein.",
        "amount_requested": "400",
        "form_token": token,
        "website": "",
    }
    return {**data, **changes}


@pytest.fixture
def call(db):
    return make_call()


def test_public_pages(call, client_for):
    anonymous = client_for("anonymous")
    assert anonymous.get(BASE).status_code == 200
    assert anonymous.get(call.get_absolute_url()).status_code == 200
    hidden = make_call(slug="entwurf", is_published=False)
    assert anonymous.get(hidden.get_absolute_url()).status_code == 404
    assert client_for("coordinator").get(hidden.get_absolute_url()).status_code == 200
    assert anonymous.get(f"{call.get_absolute_url()}antrag/").status_code == 302


def test_a_citizen_applies_and_sees_the_status(call, client_for, personas):
    client = client_for("citizen")
    url = f"{call.get_absolute_url()}antrag/"
    response = client.post(url, form_data(client, url))
    application = FundApplication.objects.get()
    assert response.url == application.get_absolute_url()
    assert application.applicant == personas.citizen
    assert AuditEntry.objects.filter(object_id=str(application.pk)).exists()
    assert b"Stadtspaziergang" in client.get(f"{BASE}meine-antraege/").content
    assert client.get(application.get_absolute_url()).status_code == 200
    assert (
        client_for(make_user("andere", roles=("citizen",)))
        .get(application.get_absolute_url())
        .status_code
        == 403
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"amount_requested": "601"},
        {"amount_requested": "-5"},
        {"amount_requested": "1e99"},
        {"website": "http://spam"},
        {"title": "a\x00b"},
        {"applicant_kind": "nope"},
        {"organisation": ""},
        {"description": "x" * 30_000},
    ],
)
def test_bad_applications_are_refused(call, client_for, changes):
    client = client_for("citizen")
    url = f"{call.get_absolute_url()}antrag/"
    assert client.post(url, form_data(client, url, **changes)).status_code == 400
    assert not FundApplication.objects.exists()


def test_closed_calls_take_no_applications_and_posts_are_rate_limited(call, client_for):
    client = client_for("citizen")
    closed = make_call(
        slug="vorbei",
        closes_at=timezone.now() - datetime.timedelta(hours=1),
        opens_at=timezone.now() - datetime.timedelta(days=3),
    )
    assert client.get(f"{closed.get_absolute_url()}antrag/").status_code == 403
    url = f"{call.get_absolute_url()}antrag/"
    codes = [client.post(url, {"title": ""}).status_code for _ in range(6)]
    assert codes[-1] == 429


@pytest.mark.parametrize(
    ("persona", "review", "decide"),
    [
        ("coordinator", 200, True),
        ("participation_coordinator", 200, True),
        ("steering_member", 200, False),
        ("consultant", 403, False),
        ("council_member", 403, False),
        ("citizen", 403, False),
    ],
)
def test_who_reviews_and_decides(call, client_for, persona, review, decide):
    application = make_application(call)
    client = client_for(persona)
    assert client.get(f"{call.get_absolute_url()}antraege/").status_code == review
    page = client.get(application.get_absolute_url())
    assert page.status_code == (200 if review == 200 else 403)
    post = client.post(application.get_absolute_url(), {"status": "rejected", "reason": "Nein"})
    assert (post.status_code == 302) == decide


def test_decisions_keep_the_budget(call, client_for):
    client = client_for("participation_coordinator")
    first, second, third = (make_application(call, "600", title=f"P{n}") for n in range(3))
    assert (
        client.post(
            first.get_absolute_url(),
            {"status": "approved", "amount_granted": "600", "reason": "Gut"},
        ).status_code
        == 302
    )
    assert selectors.remaining(call) == Decimal("400")
    refused = client.post(
        second.get_absolute_url(), {"status": "approved", "amount_granted": "500", "reason": "Gut"}
    )
    assert refused.status_code == 400 and "400,00" in refused.content.decode()
    assert (
        client.post(
            second.get_absolute_url(),
            {"status": "approved", "amount_granted": "400", "reason": "Gut"},
        ).status_code
        == 302
    )
    assert selectors.remaining(call) == 0
    # No reason, no amount, more than requested: German errors, nothing saved.
    for data in (
        {"status": "rejected", "reason": ""},
        {"status": "approved", "reason": "x"},
        {"status": "approved", "amount_granted": "700", "reason": "x"},
    ):
        assert client.post(third.get_absolute_url(), data).status_code == 400
    # Rejecting an approved application frees its money.
    client.post(first.get_absolute_url(), {"status": "rejected", "reason": "Zurückgezogen"})
    assert selectors.remaining(call) == Decimal("600")


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_simultaneous_grants_never_exceed_the_budget():
    call = make_call(slug="parallel", max_amount=None)
    coordinator = make_user("entscheiderin", roles=("coordination_participation",))
    applications = [make_application(call, "300", title=f"P{n}") for n in range(8)]
    barrier = threading.Barrier(len(applications))
    results, lock = [], threading.Lock()

    def run(application):
        try:
            barrier.wait()
            services.decide(
                actor=coordinator,
                application=application,
                status="approved",
                amount=Decimal("300"),
                reason="Gut",
            )
            outcome = True
        except services.Refused:
            outcome = False
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert results.count(True) == 3
    assert selectors.granted(call) == Decimal("900")
