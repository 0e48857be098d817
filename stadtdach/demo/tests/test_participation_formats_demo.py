"""The demo of the formats of part 2: the vision up for comment with answered sample
comments, an open survey with results, a prioritisation, the steering group's internal
consensus finding and a recorded workshop; flagged as sample data, loaded twice without
change, and the pages work for visitors and the demo logins."""

import docx
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image

from stadtdach.participation.consensus import selectors as consensus
from stadtdach.participation.consensus.models import ConsensusFinding, Resistance, ResistanceBallot
from stadtdach.participation.drafts.models import Draft, DraftComment, DraftParagraph
from stadtdach.participation.models import Contribution, ParticipationProcess, StatusChange
from stadtdach.participation.offline_events.models import (
    Attendance,
    EventDocument,
    EventPhoto,
    EventResult,
    OfflineEvent,
)
from stadtdach.participation.prioritisation.models import DotBallot, DotVote, Prioritisation
from stadtdach.participation.surveys import selectors as surveys
from stadtdach.participation.surveys.models import Answer, Survey, SurveyResponse
from stadtdach.strategy.models import Vision

MODELS = (
    ParticipationProcess,
    Draft,
    DraftParagraph,
    DraftComment,
    Contribution,
    StatusChange,
    Survey,
    SurveyResponse,
    Answer,
    Prioritisation,
    DotBallot,
    DotVote,
    ConsensusFinding,
    ResistanceBallot,
    Resistance,
    OfflineEvent,
    Attendance,
    EventResult,
    EventPhoto,
    EventDocument,
)


def test_the_vision_is_up_for_comment_with_answers(demo):
    draft = Draft.objects.get(title="Leitbild des ISEK 2022")
    vision = Vision.objects.get(edition__slug="isek-2022")
    assert draft.is_sample and draft.sample_note and draft.process.state() == "open"
    paragraphs = list(draft.paragraphs.filter(is_current=True).order_by("number"))
    assert paragraphs[0].text == vision.text and paragraphs[0].heading == vision.title
    assert len(paragraphs) == 1 + vision.principles.count()
    comments = Contribution.objects.filter(draft_comment__paragraph__draft=draft)
    assert comments.count() >= 3 and all(c.is_sample for c in comments)
    assert comments.exclude(answer="").exists()


def test_an_open_survey_with_results(demo):
    survey = Survey.objects.get(title__startswith="Umfrage")
    assert survey.is_sample and survey.process.state() == "open"
    total, results = surveys.results(survey)
    assert total >= 5 and results[0].answered == total
    assert all(r.is_sample for r in SurveyResponse.objects.filter(survey=survey))
    assert results[3].texts >= 2


def test_the_steering_group_finds_consensus_internally(demo):
    finding = ConsensusFinding.objects.get(title="Schwerpunkt der Fortschreibung")
    assert finding.process.is_internal and finding.process.state() == "open"
    assert finding.options.filter(is_passive=True).count() == 1
    ballots = ResistanceBallot.objects.filter(finding=finding)
    assert ballots.count() >= 3 and all(b.is_sample and b.user.is_sample for b in ballots)
    assert all(b.user.groups.filter(name="steering_group").exists() for b in ballots)
    _, ranked, _ = consensus.results(finding)
    assert ranked[0].option.label == "Klimaanpassung der Innenstadt"
    assert ranked[-1].option.is_passive or any(r.option.is_passive for r in ranked)
    assert not ballots.filter(user__username="steuerung").exists()  # left to try out


def test_a_recorded_workshop_with_offline_results(demo):
    event = OfflineEvent.objects.get(title="Zukunftswerkstatt Innenstadt")
    assert event.is_sample and Attendance.objects.filter(event=event).count() >= 4
    results = Contribution.objects.filter(offline_result__event=event)
    assert results.count() >= 3
    assert all(r.channel == "offline" and r.recorded_by and r.is_sample for r in results)
    assert results.exclude(answer="").exists() and results.exclude(action_field=None).exists()


def test_the_workshop_has_sample_photos_and_minutes_that_open(demo):
    event = OfflineEvent.objects.get(title="Zukunftswerkstatt Innenstadt")
    photos, documents = list(event.photos.all()), list(event.documents.all())
    assert len(photos) == 2 and all(p.is_sample and "Beispielbild" in p.description for p in photos)
    for photo in photos:
        with photo.file.open("rb") as handle, Image.open(handle) as image:
            assert image.format == "JPEG" and image.size == (photo.width, photo.height)
    [minutes] = documents
    assert minutes.is_sample and minutes.extension == "docx"
    with minutes.file.open("rb") as handle:
        text = "\n".join(p.text for p in docx.Document(handle).paragraphs)
    assert "Protokoll" in text and "Beispieldokument" in text
    assert all(r.title in text for r in Contribution.objects.filter(offline_result__event=event))
    html = Client().get(event.get_absolute_url()).content.decode()
    assert photos[0].get_absolute_url() in html and minutes.get_absolute_url() in html
    assert Client().get(minutes.get_absolute_url()).status_code == 200


def test_a_prioritisation_of_action_fields(demo):
    item = Prioritisation.objects.get(title__startswith="Punktabfrage")
    assert item.options.filter(action_field__isnull=False).count() == 5
    assert DotBallot.objects.filter(prioritisation=item).count() >= 3


def test_loading_twice_changes_nothing(demo):
    def state():
        return {m.__name__: sorted(m.objects.values_list("pk", flat=True)) for m in MODELS}

    before = state()
    call_command("load_boizenburg_demo")
    assert state() == before


def test_the_pages_work_for_visitors_and_demo_logins(demo):
    from stadtdach.demo.tests.pages import participation_formats_public_paths

    visitor = Client()
    for path in participation_formats_public_paths():
        response = visitor.get(path)
        assert response.status_code == 200, path
    internal = ConsensusFinding.objects.get().get_absolute_url()
    assert visitor.get(internal).status_code == 404
    steering = Client()
    assert steering.login(username="steuerung", password="stadtdach-demo")
    page = steering.get(internal)
    assert page.status_code == 200 and page.context["form"] is not None
    coordination = Client()
    assert coordination.login(username="beteiligung", password="stadtdach-demo")
    process = ParticipationProcess.objects.get(slug="leitbild-im-dialog")
    assert (
        coordination.get(reverse("participation:draft_manage", args=[process.slug])).status_code
        == 200
    )


def test_the_coordinations_pages_of_the_formats_are_valid(demo):
    from django.contrib.auth import get_user_model

    from stadtdach.core.testing.html import assert_valid_html
    from stadtdach.demo.tests.pages import (
        participation_formats_internal_paths,
        participation_formats_staff_paths,
    )

    client = Client()
    client.force_login(get_user_model().objects.get(username="beteiligung"))
    for path in participation_formats_internal_paths() + participation_formats_staff_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        assert_valid_html(response.content)


def test_the_forms_of_the_formats_answer_every_payload_without_a_server_error(demo):
    """As demo/tests/test_hostile_input.py, for the forms of the formats (staff and public)."""
    from django import forms
    from django.contrib.auth import get_user_model

    from stadtdach.demo.tests.pages import participation_formats_staff_paths
    from stadtdach.demo.tests.test_hostile_input import PAYLOADS

    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="beteiligung"))
    draft = Draft.objects.get(title="Leitbild des ISEK 2022")
    public = [
        draft.paragraphs.filter(is_current=True).first().get_absolute_url(),
        Survey.objects.get(title__startswith="Umfrage").get_absolute_url(),
    ]
    for path in participation_formats_staff_paths() + public:
        form = client.get(path).context["form"]
        names = [n for n, f in form.fields.items() if not isinstance(f, forms.FileField)]
        for label, value in PAYLOADS.items():
            response = client.post(path, dict.fromkeys(names, value))
            assert response.status_code in (200, 302, 400, 429), f"{path} {label}"
        assert client.post(path, {}).status_code in (200, 302, 400, 429), path
    assert not any("\x00" in text for text in Contribution.objects.values_list("text", flat=True))
