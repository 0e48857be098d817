"""The pages the benchmark measures (scripts/bench.py, docs/performance.md), found in the
database the way a visitor would reach them, and what building each one costs."""

import json
import time
from dataclasses import asdict, dataclass

from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY as METHODS_USER_KEY,
)
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY as METHODS_KEY
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils.module_loading import import_string

from stadtdach.governance.models import Authority, Meeting
from stadtdach.participation.models import Contribution, ParticipationProcess, Visibility
from stadtdach.strategy.models import ActionField, Measure

# The demo's log-ins the logged-in pages are measured as (stadtdach/demo/users.py).
CITIZEN = "buergerin"
COORDINATOR = "beteiligung"


@dataclass
class Page:
    name: str
    url: str
    user: str | None = None  # a demo user name: measured logged in
    queries: int = 0
    bytes: int = 0
    status: int = 0


def _idea_targets() -> tuple[str, str]:
    """The idea list of the process with the most ideas, and the idea with exactly 50
    comments that the scale data holds (else the one with the most comments there)."""
    ideas = Contribution.objects.filter(
        format="ideas", visibility=Visibility.PUBLISHED, process__audience="public"
    ).annotate(n=Count("comments"))
    top = (
        ParticipationProcess.objects.filter(is_published=True, audience="public")
        .annotate(n=Count("contributions", filter=Q(contributions__format="ideas")))
        .order_by("-n", "pk")
        .first()
    )
    idea = ideas.filter(n=50).order_by("pk").only("pk").first()
    idea = idea or ideas.filter(process=top).order_by("-n", "pk").only("pk").first()
    return top.get_absolute_url(), idea.get_absolute_url()


def pages() -> list[Page]:
    idea_list, idea = _idea_targets()
    field = ActionField.objects.order_by("pk").first()
    measure = Measure.objects.order_by("pk").first()
    meeting = Meeting.objects.filter(is_public=True).order_by("-start").first() or (
        Meeting.objects.order_by("-start").first()
    )
    body = Authority.objects.order_by("pk").first()
    oparl = f"/oparl/v1/body/{body.pk}" if body else "/oparl/v1"
    return [
        Page("home", "/"),
        Page("ISEK house (vision)", reverse("strategy:vision")),
        Page("action field", field.get_absolute_url()),
        Page("measures", reverse("strategy:measure_list")),
        Page("a measure", measure.get_absolute_url()),
        Page("idea list", idea_list),
        Page("idea page, all comments", idea),
        Page("participation", reverse("participation:overview")),
        Page("monitoring", reverse("monitoring:dashboard")),
        Page("timeline", reverse("process:timeline")),
        Page("process", reverse("process:overview")),
        Page("bodies", reverse("governance:index")),
        Page("a meeting", reverse("governance:meeting_detail", args=[meeting.pk])),
        Page("OParl bodies", "/oparl/v1/bodies"),
        Page("OParl meetings", f"{oparl}/meetings"),
        Page("OParl papers", f"{oparl}/papers"),
        Page("citizen: idea list", idea_list, CITIZEN),
        Page("citizen: idea page", idea, CITIZEN),
        Page("coordinator: workspace", reverse("communication:workspace"), COORDINATOR),
        Page("coordinator: moderation", reverse("participation:moderation"), COORDINATOR),
    ]


def session_cookie(username: str) -> str:
    """A logged-in session of that user, as the Cookie header a browser would send."""
    user = get_user_model().objects.get(username=username)
    store = import_string(settings.SESSION_ENGINE + ".SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    # Staff log in with a second factor in production (accounts/mfa.py): the session
    # records it, as allauth's log-in does, so the staff pages are measured, not the
    # redirect to the second factor.
    now = time.time()
    store[METHODS_USER_KEY] = str(user.pk)
    store[METHODS_KEY] = [{"method": "password", "at": now}, {"method": "mfa", "at": now}]
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def measure(page: Page, client: Client) -> Page:
    """Queries and size of building the page (the page cache off)."""
    cache_off = {**settings.STADTDACH_PAGE_CACHE, "pages": False, "fragments": False}
    with override_settings(STADTDACH_PAGE_CACHE=cache_off):
        client.get(page.url)  # warm-up: per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
    page.status = response.status_code
    page.queries = len(queries.captured_queries)
    page.bytes = len(response.content)
    return page


def describe() -> str:
    """JSON for scripts/bench.py: every page with its cost, and the users' cookies."""
    users = {CITIZEN: session_cookie(CITIZEN), COORDINATOR: session_cookie(COORDINATOR)}
    clients = {None: Client(HTTP_HOST="127.0.0.1")}
    for name, cookie in users.items():
        clients[name] = Client(HTTP_HOST="127.0.0.1", HTTP_COOKIE=cookie)
    measured = [measure(page, clients[page.user]) for page in pages()]
    return json.dumps({"pages": [asdict(p) for p in measured], "cookies": users}, indent=1)
