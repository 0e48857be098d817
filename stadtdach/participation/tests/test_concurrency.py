"""Two supports of the same idea by the same person at the same moment: the database's
unique constraint lets exactly one through (PostgreSQL run only, real concurrency)."""

import threading

import pytest
from django.db import connection

from stadtdach.core.testing.personas import make_user
from stadtdach.participation.ideas import services
from stadtdach.participation.ideas.models import Support
from stadtdach.participation.tests.factories import build_participation

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 8


def _race(work) -> list:
    """Run ``work`` in ATTEMPTS threads released at the same instant; collect results."""
    barrier = threading.Barrier(ATTEMPTS)
    results: list = []
    lock = threading.Lock()

    def run():
        try:
            barrier.wait()
            outcome = work()
        except Exception as error:  # noqa: BLE001 - recorded, the test inspects it
            outcome = error
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run) for _ in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_simultaneous_supports_count_once():
    world = build_participation(contributions=1)
    idea = world.process.contributions.get()
    citizen = make_user("gleichzeitig", roles=("citizen",))
    results = _race(lambda: services.support(user=citizen, idea=idea))
    assert sorted(results, key=str) == [False] * (ATTEMPTS - 1) + [True]
    assert Support.objects.filter(contribution=idea, user=citizen).count() == 1


def test_the_constraint_itself_refuses_the_second_row():
    """Even code that skips the service cannot store a second support."""
    from django.db import IntegrityError, transaction

    world = build_participation(contributions=1)
    idea = world.process.contributions.get()
    citizen = make_user("direkt", roles=("citizen",))

    def insert():
        with transaction.atomic():
            return Support.objects.create(contribution=idea, user=citizen).pk

    results = _race(insert)
    assert sum(isinstance(r, int) for r in results) == 1
    assert all(isinstance(r, IntegrityError) for r in results if not isinstance(r, int))
