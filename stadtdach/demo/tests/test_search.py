"""The site search finds the town's content across apps, and non-public items only for
those who may see them."""

from django.contrib.auth import get_user_model
from django.test import Client

from stadtdach.governance.models import Meeting


def search(client, query):
    return client.get("/suche/", {"q": query}).content.decode()


def test_search_finds_strategy_process_and_governance_content(demo):
    html = search(Client(), "Ausschuss WTK")
    assert "Gremium" in html or "Body" in html
    assert "Lückenschluss" in search(Client(), "Elberadweg")
    assert "Beratungsauftrag" in search(Client(), "Beratungsauftrag")


def test_non_public_meetings_are_found_only_by_those_allowed(demo):
    meeting = Meeting.objects.filter(is_public=False).first()
    assert meeting is not None
    anonymous = search(Client(), meeting.name)
    coordinator = Client()
    coordinator.force_login(get_user_model().objects.get(username="koordination"))
    assert meeting.get_absolute_url() not in anonymous
    assert meeting.get_absolute_url() in search(coordinator, meeting.name)


def test_search_finds_participation_but_not_hidden_or_internal_input(demo):
    from stadtdach.participation.models import Contribution, ParticipationProcess, Visibility

    published = Contribution.objects.filter(visibility=Visibility.PUBLISHED).exclude(title="")
    published = published.filter(process__audience="public").first()
    assert published is not None
    assert published.get_absolute_url() in search(Client(), published.title)

    hidden = published
    hidden.visibility = Visibility.HIDDEN
    hidden.save()
    assert hidden.get_absolute_url() not in search(Client(), hidden.title)

    internal = ParticipationProcess.objects.filter(audience="internal").first()
    assert internal is not None
    assert internal.get_absolute_url() not in search(Client(), internal.title)
    steering = Client()
    steering.force_login(get_user_model().objects.get(username="steuerung"))
    assert internal.get_absolute_url() in search(steering, internal.title)
