"""The load test (issue 11, part 5): run by scripts/scaleout/load.py as
``locust -f scripts/scaleout/locustfile.py --headless ...`` against HAProxy.

Anonymous visitors browse; citizens (pre-created accounts) submit ideas, comments,
supports, survey answers and dot votes; coordinators moderate and update measures. Every
acknowledged write (a redirect naming the new object, or the success page) is appended
to LOAD_ACK_FILE as one JSON line, so load.py can look for each one in the database."""

import itertools
import json
import os
import random
import re
import uuid
from urllib.parse import urljoin

from locust import HttpUser, between, events, task

from scripts.scaleout.client import fill, forms
from scripts.scaleout.pages import IDEA_IDS, IDEAS, PAGES

ACCOUNTS = json.loads(os.environ.get("LOAD_ACCOUNTS", '{"citizens": [], "password": ""}'))
ACK_FILE = os.environ.get("LOAD_ACK_FILE", "/dev/null")
_citizens = itertools.cycle(ACCOUNTS["citizens"] or ["buergerin"])
_measures = itertools.count(1)
_random = random.SystemRandom()
_ack = open(ACK_FILE, "a", buffering=1)  # noqa: SIM115 - one file for the whole run
# Seconds a visitor or citizen spends on a page before the next click (LOAD_THINK="5,15":
# reading a page; "1,3" is a stress test of how much the machine serves). Coordinators
# fill in forms: twice as long.
_THINK = tuple(float(x) for x in os.environ.get("LOAD_THINK", "5,15").split(","))


def _why(response) -> str:
    """A 5xx as Locust records it; the friendly 503 page (HAProxy's or the app's) named."""
    friendly = "Die Seite ist gleich wieder da" in (response.text or "")
    return f"{response.status_code}{' friendly' if friendly else ''}"


def ack(kind: str, **fields) -> None:
    _ack.write(json.dumps({"kind": kind, **fields}) + "\n")


class Browser(HttpUser):
    abstract = True

    def on_start(self):
        self.client.verify = False
        self.client.headers["Referer"] = self.host.rstrip("/") + "/"

    def page(self, path, name=None):
        with self.client.get(
            path, name=name or path, catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code >= 500:
                response.failure(_why(response))
            elif response.status_code in (200, 301, 302, 304):
                response.success()
            return response

    def send(self, path, match, name, values, files=None):
        """GET the form, fill it, POST it; returns the POST's response (or None)."""
        page = self.page(path, name=f"{name} (form)")
        if page.status_code != 200:
            return None
        form = next(
            (
                f
                for f in forms(page.text)
                if f["method"] == "post"
                and "abmelden" not in (f["action"] or "")
                and match in (f["action"] or path)
            ),
            None,
        )
        if form is None:
            return None
        data = fill(form["fields"], values)
        return self.post(urljoin(path, form["action"] or path), data, name, files=files)

    def post(self, path, data, name, files=None):
        """POST, a 5xx or a 429 counted as a failure; returns the response."""
        with self.client.post(
            path, data=data, files=files, name=name, catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code >= 500:
                response.failure(_why(response))
            elif response.status_code == 429:
                response.failure("429 rate limited")
            else:
                response.success()
            return response

    def login(self, username):
        """Start logged in with the session the set-up made (setup_data.py), or log in."""
        session = ACCOUNTS.get("sessions", {}).get(username)
        if session:
            self.client.cookies.set("sessionid", session, domain="127.0.0.1", secure=True)
            return True
        response = self.send(
            "/konto/anmelden/",
            "",
            "log-in",
            {"username": username, "password": ACCOUNTS["password"]},
        )
        return response is not None and response.status_code == 302


class Visitor(Browser):
    weight = 12
    wait_time = between(*_THINK)

    @task(8)
    def browse(self):
        self.page(_random.choice(PAGES))

    @task(2)
    def idea(self):
        self.page(
            f"/beteiligung/beitraege/{_random.choice(IDEA_IDS)}/", "/beteiligung/beitraege/[id]/"
        )

    @task(1)
    def measure(self):
        self.page(f"/massnahmen/{_random.randint(1, 20)}/", "/massnahmen/[id]/")


class Citizen(Browser):
    weight = 7
    wait_time = between(*_THINK)

    def on_start(self):
        super().on_start()
        self.username = next(_citizens)
        self.logged_in = self.login(self.username)
        self.surveyed = self.voted = False

    @task(3)
    def browse(self):
        self.page(_random.choice(PAGES))

    @task(2)
    def submit_idea(self):
        title = f"Lastidee {uuid.uuid4().hex[:10]}"
        response = self.send(
            IDEAS + "ideen/neu/",
            "ideen/neu",
            "idea",
            {
                "title": title,
                "text": "Mehr Bänke und Schatten am Elbufer, bitte bald.",
                "confirm_new": "on",
            },
        )
        if response is not None and response.status_code == 302:
            found = re.search(r"/beitraege/(\d+)/", response.headers.get("Location", ""))
            if found:
                ack("idea", id=int(found.group(1)), title=title, user=self.username)

    @task(3)
    def comment(self):
        idea = _random.choice(IDEA_IDS)
        text = f"Lastkommentar {uuid.uuid4().hex[:10]}: gute Idee, bitte umsetzen."
        response = self.send(
            f"/beteiligung/beitraege/{idea}/", "kommentieren", "comment", {"text": text}
        )
        if (
            response is not None
            and response.status_code == 302
            and "anmelden" not in response.headers.get("Location", "")
        ):
            ack("comment", text=text, idea=idea, user=self.username)

    @task(2)
    def support(self):
        idea = _random.choice(IDEA_IDS)
        response = self.send(
            f"/beteiligung/beitraege/{idea}/", "unterstuetzen", "support", {"withdraw": "0"}
        )  # never the withdraw button
        if (
            response is not None
            and response.status_code == 302
            and "anmelden" not in response.headers.get("Location", "")
        ):
            ack("support", idea=idea, user=self.username)

    @task(1)
    def survey(self):
        if self.surveyed:
            return
        response = self.send(
            "/beteiligung/umfragen/1/",
            "",
            "survey",
            {
                "frage_1": "1",
                "frage_2": ["4", "5"],
                "frage_3": "3",
                "frage_4": "Mehr Grün.",
            },
        )
        if response is not None and response.status_code == 302:
            self.surveyed = True
            ack("survey", survey=1, user=self.username)

    @task(1)
    def dot_vote(self):
        if self.voted:
            return
        response = self.send(
            "/beteiligung/priorisierung/1/", "", "dot vote", {"punkte_1": "2", "punkte_2": "1"}
        )
        if response is not None and response.status_code == 302:
            self.voted = True
            ack("dotvote", prioritisation=1, user=self.username)


class Coordinator(Browser):
    weight = 1
    wait_time = between(2 * _THINK[0], 2 * _THINK[1])

    def on_start(self):
        super().on_start()
        self.measure = next(_measures)  # one measure per coordinator: no edit conflicts
        self.username = _random.choice(["koordination", "beteiligung"])
        self.login(self.username)
        self.version = 0

    @task(2)
    def moderate(self):
        page = self.page("/beteiligung/moderation/")
        if page.status_code != 200:
            return
        form = next(
            (
                f
                for f in forms(page.text)
                if f.get("options")
                and any(k == "comments" or k == "contributions" for k, _, _ in f["options"])
            ),
            None,
        )
        if form is None:
            return
        keys = {k for k, v in form["fields"]}
        if "action" not in keys:
            return
        chosen = [(k, v) for k, v, _ in form["options"] if k in ("comments", "contributions")][:2]
        data = [*form["fields"], *chosen]
        data = [
            (k, v if k != "action" else "keep") if k != "reason" else (k, "Last") for k, v in data
        ]
        self.post("/beteiligung/moderation/", data, "moderate")

    @task(3)
    def update_measure(self):
        self.version += 1
        marker = f"Laststand {self.measure}-{self.version}-{uuid.uuid4().hex[:6]}"
        path = f"/massnahmen/{self.measure}/bearbeiten/"
        page = self.page(path, "/massnahmen/[id]/bearbeiten/ (form)")
        if page.status_code != 200:
            return
        form = next((f for f in forms(page.text) if "loaded_version" in dict(f["fields"])), None)
        if form is None:
            return
        pairs = fill(form["fields"], {"partners": marker})  # checked boxes stay checked
        response = self.post(path, pairs, "/massnahmen/[id]/bearbeiten/")
        location = response.headers.get("Location", "").rstrip("/")
        if response.status_code == 302 and location.endswith(f"/massnahmen/{self.measure}"):
            ack("measure", id=self.measure, marker=marker, seq=self.version)


@events.quitting.add_listener
def _close(environment, **kwargs):
    _ack.close()
