"""The demo carries the town's document faithfully, marks what it adds, and loads twice
without duplicating anything."""

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from stadtdach.accounts.models import Role
from stadtdach.core.models import AuditEntry
from stadtdach.demo import seed
from stadtdach.process.models import Milestone, Phase, Task
from stadtdach.strategy.models import (
    ActionField,
    Concept,
    CrossCuttingTheme,
    Edition,
    EditionActionField,
    EvaluationFinding,
    ExampleProcess,
    Expectation,
    FoundationElement,
    Goal,
    Measure,
)


def test_the_twelve_action_fields_in_the_documents_order(demo):
    names = list(ActionField.objects.values_list("name", flat=True))
    assert names == [name for _, name in seed.ACTION_FIELDS]
    assert len(names) == 12 and names[-1] == "Verwaltung"
    administration = EditionActionField.objects.get(
        action_field__slug="verwaltung", edition__slug="isek-2022"
    )
    assert administration.selected and not administration.is_sample
    others = EditionActionField.objects.exclude(action_field__slug="verwaltung")
    assert others.count() == 11 and all(choice.is_sample for choice in others)


def test_the_seven_cross_cutting_themes(demo):
    names = list(CrossCuttingTheme.objects.values_list("name", flat=True))
    assert len(names) == 7
    assert names[0] == "Klimafit" and names[-1] == "Gut gelebte Abläufe und Prozesse"


def test_the_twelve_concepts_with_the_outdated_isek(demo):
    concepts = list(Concept.objects.all())
    assert [c.name for c in concepts] == [name for _, name, _, _ in seed.CONCEPTS]
    isek = concepts[0]
    assert isek.is_completed_or_outdated is True and not isek.sample_note
    assert all(c.sample_note for c in concepts[1:])  # invented statuses are marked


def test_evaluation_expectations_and_answers(demo):
    old = Edition.objects.get(slug="isek-2002-2017")
    assert EvaluationFinding.objects.filter(edition=old).count() == 6
    assert set(EvaluationFinding.objects.values_list("criterion", flat=True)) == {
        "action_fields",
        "process",
        "visibility",
    }
    expectations = Expectation.objects.filter(edition__slug="isek-2022")
    kinds = list(expectations.values_list("kind", flat=True))
    assert kinds.count("success_factor") == 4
    assert kinds.count("concern") == 1
    assert kinds.count("expectation") == 4
    assert all(e.answer for e in expectations)
    concern = expectations.get(kind="concern")
    assert "Ressourcen" in concern.text
    assert set(concern.answered_by.values_list("code", flat=True)) == {
        "steering_group",
        "coordination_admin",
        "coordination_participation",
    }


def test_house_structure_phases_and_next_steps(demo):
    new = Edition.objects.get(slug="isek-2022")
    assert new.is_current and new.predecessor.slug == "isek-2002-2017"
    assert "Dachstrategie" in new.roof_caption
    assert FoundationElement.objects.count() == 4
    assert list(Phase.objects.filter(edition=new).values_list("name", flat=True)) == [
        "Abstimmungen",
        "Vorprozess",
        "Hauptprozess",
        "Umsetzung",
    ]
    important = set(Milestone.objects.filter(is_important=True).values_list("name", flat=True))
    assert {"Vergabe der externen Beratungsverträge", "Leitbild"} <= important
    assert Milestone.objects.get(date="2021-02-04").name.startswith("Beschlussfassung")
    # The document's six next steps (the governance part adds flagged sample tasks).
    steps = list(Task.objects.filter(edition=new, is_sample=False))
    assert len(steps) == 6
    assert steps[2].due_date.isoformat() == "2021-02-04"
    steering = Role.objects.get(code="steering_group")
    assert (steering.cadence_initial_days, steering.cadence_later_days) == (14, 28)
    assert steering.activities.count() == 5
    assert Role.objects.filter(level__isnull=False).count() == 7
    assert [e.name for e in ExampleProcess.objects.all()] == [
        "Nürtingen",
        "Greifswald",
        "Sachsen",
        "Gustavsburg",
    ]


def test_everything_beyond_the_document_is_marked_as_sample(demo):
    assert Measure.objects.exists() and not Measure.objects.filter(is_sample=False).exists()
    assert not Goal.objects.filter(is_sample=False).exists()
    page = Client().get(Measure.objects.first().get_absolute_url()).content.decode()
    assert "Beispieldaten" in page or "Sample data" in page


def test_loading_twice_changes_nothing(demo):
    def counts():
        return [
            model.objects.count()
            for model in (
                ActionField,
                CrossCuttingTheme,
                Concept,
                Measure,
                Goal,
                Expectation,
                Milestone,
                Task,
                Phase,
                EvaluationFinding,
            )
        ]

    before = counts()
    first_ids = list(Measure.objects.values_list("pk", flat=True))
    call_command("load_boizenburg_demo")
    assert counts() == before
    assert list(Measure.objects.values_list("pk", flat=True)) == first_ids
    assert AuditEntry.objects.filter(action="import").count() == 2


def test_if_empty_leaves_a_loaded_demo_alone(demo, capsys):
    Measure.objects.filter(code="STS-1").update(title="Von der Stadt geändert")
    call_command("load_boizenburg_demo", "--if-empty")
    assert Measure.objects.get(code="STS-1").title == "Von der Stadt geändert"


def test_every_seed_element_can_be_found_on_the_site(demo):
    client = Client()

    def page(name, *args):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200
        return response.content.decode()

    home = page("communication:home")
    assert "Umsetzung" in home and "Monitoringbericht 2026" in home
    assert all(field in page("strategy:action_field_list") for _, field in seed.ACTION_FIELDS)
    assert "Gut gelebte Abläufe und Prozesse" in page("strategy:theme_matrix")
    concepts = page("strategy:concept_list")
    assert (
        "Klimaanpassung PLATZ-B 2021" in concepts and "Familienfreundliche Verwaltung" in concepts
    )
    review = page("strategy:review")
    assert "Fokus im Bereich Bau" in review and "Übersicht durch Steuerungsgruppe" in review
    process = page("process:overview")
    for text in (
        "14-täglich, später 4-wöchentlich",
        "Vergabe des Beratungsauftrages",
        "Formelle Entscheidungsebene",
        "Konsens finden",
        "Frau Benz",
        "04.02.2021",
    ):
        assert text in process, text
    examples = page("strategy:examples")
    assert "Gustavsburg" in examples and "Beteiligungsportal" in examples
