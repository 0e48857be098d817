"""The addresses of the demo site, for the page tests and the browser tests."""

from stadtdach.strategy.models import ActionField, Concept, CrossCuttingTheme, Goal, Measure


def public_paths() -> list[str]:
    return [
        "/",
        "/leitbild/",
        "/ausgaben/",
        "/ausgaben/isek-2022/",
        "/ausgaben/isek-2002-2017/",
        "/handlungsfelder/",
        *[f.get_absolute_url() for f in ActionField.objects.all()],
        "/querschnittsthemen/",
        *[t.get_absolute_url() for t in CrossCuttingTheme.objects.all()],
        "/konzepte/",
        *[c.get_absolute_url() for c in Concept.objects.all()],
        "/bewertung-und-erwartungen/",
        "/massnahmen/",
        "/massnahmen/?thema=klimafit",
        "/massnahmen/?status=planned&prioritaet=A&q=Rad",
        *[m.get_absolute_url() for m in Measure.objects.all()],
        "/sockel/qualitaetsmanagement/",
        "/sockel/kommunikation/",
        "/sockel/haushalt/",
        "/sockel/monitoring/",
        "/beispiele/",
        "/prozess/",
        "/leichte-sprache/",
        "/barrierefreiheit/",
        "/impressum/",
        "/datenschutz/",
        "/suche/?q=Rad",
        "/suche/?q=x",
        "/konto/anmelden/",
        "/en/",
        "/en/prozess/",
        "/en/massnahmen/",
        "/en" + Measure.objects.get(code="STS-1").get_absolute_url(),
        *participation_public_paths(),
        *participation_formats_public_paths(),
        *governance_public_paths(),
        *implementation_public_paths(),
    ]


def staff_paths() -> list[str]:
    measure = Measure.objects.get(code="STS-1")
    goal = Goal.objects.first()
    return [
        "/arbeitsbereich/",
        "/protokoll/",
        "/massnahmen/neu/",
        f"/massnahmen/{measure.pk}/bearbeiten/",
        f"/massnahmen/{measure.pk}/bewertungen/",
        f"/massnahmen/{measure.pk}/loeschen/",
        "/handlungsfelder/neu/",
        "/handlungsfelder/wohnen/bearbeiten/",
        "/handlungsfelder/wohnen/auswahl/",
        "/handlungsfelder/wohnen/bewertungen/",
        "/handlungsfelder/wohnen/ziele/neu/",
        "/handlungsfelder/wohnen/swot/neu/",
        f"/ziele/{goal.pk}/bearbeiten/",
        "/querschnittsthemen/neu/",
        "/querschnittsthemen/klimafit/bearbeiten/",
        "/konzepte/neu/",
        "/konzepte/vep/bearbeiten/",
        "/leitbild/bearbeiten/",
        "/leitbild/leitsaetze/neu/",
        "/bewertung-und-erwartungen/befunde/neu/",
        "/bewertung-und-erwartungen/erwartungen/neu/",
        *participation_staff_paths(),
        *participation_formats_staff_paths(),
        *governance_staff_paths(),
        *implementation_staff_paths(),
    ]


def participation_public_paths() -> list[str]:
    """Participation: overview, processes, ideas, the idea form of the open collection
    (it takes anonymous ideas), a report form, the target groups, password reset."""
    from stadtdach.participation.models import Contribution

    open_slug = "ideen-innenstadt-und-elbufer"
    ideas = Contribution.objects.filter(is_sample=True).order_by("pk")
    return [
        "/beteiligung/",
        "/beteiligung/?phase=umsetzung&zielgruppe=jugendliche",
        f"/beteiligung/verfahren/{open_slug}/",
        f"/beteiligung/verfahren/{open_slug}/?sortierung=unterstuetzt&status=in_review",
        "/beteiligung/verfahren/ideensammlung-isek-2022/",
        f"/beteiligung/verfahren/{open_slug}/ideen/neu/",
        *[idea.get_absolute_url() for idea in ideas],
        f"/beteiligung/melden/beitrag/{ideas.first().pk}/",
        "/beteiligung/zielgruppen/",
        "/konto/passwort/vergessen/",
        "/beteiligung/innovationsfonds/",
        "/beteiligung/innovationsfonds/innovationsfonds-beteiligung/",
        "/en/beteiligung/",
        "/en" + ideas.first().get_absolute_url(),
    ]


def participation_staff_paths() -> list[str]:
    from stadtdach.participation.models import Contribution, FundApplication

    idea = Contribution.objects.filter(is_sample=True).order_by("pk").first()
    return [
        "/beteiligung/moderation/",
        "/beteiligung/verfahren/neu/",
        "/beteiligung/verfahren/ideen-innenstadt-und-elbufer/bearbeiten/",
        f"/beteiligung/beitraege/{idea.pk}/antworten/",
        "/beteiligung/zielgruppen/neu/",
        "/beteiligung/zielgruppen/familien/bearbeiten/",
        "/beteiligung/auswertung/",
        "/beteiligung/ressourcen/ideensammlung-isek-2022/plan/",
        "/beteiligung/ressourcen/ideensammlung-isek-2022/neu/",
        "/beteiligung/innovationsfonds/neu/",
        "/beteiligung/innovationsfonds/innovationsfonds-beteiligung/bearbeiten/",
        *[
            a.get_absolute_url()
            for a in FundApplication.objects.filter(is_sample=True).order_by("pk")[:1]
        ],
    ]


def participation_internal_paths() -> list[str]:
    """Staff pages of the evaluation part without a form (steering group and
    coordination): the resources overview, a process's resources, the fund's review list,
    and a generated summary's status page is reached from the evaluation page."""
    return [
        "/beteiligung/ressourcen/",
        "/beteiligung/ressourcen/ideensammlung-isek-2022/",
        "/beteiligung/innovationsfonds/innovationsfonds-beteiligung/antraege/",
        "/beteiligung/innovationsfonds/meine-antraege/",
    ]


def governance_public_paths() -> list[str]:
    """Process and governance: timeline, tasks, bodies, meetings, papers (HTML pages; the
    iCalendar feeds and OParl are tested in their apps)."""
    from stadtdach.governance.models import Meeting, Paper, Person
    from stadtdach.process.models import Task

    wtk = Meeting.objects.filter(body__slug="ausschuss-wtk").order_by("start").first()
    council = Meeting.objects.filter(body__slug="stadtvertretung").order_by("start").first()
    main = Paper.objects.get(reference="BV/2020/041")
    return [
        "/prozess/zeitplan/",
        "/prozess/aufgaben/",
        "/prozess/aufgaben/?status=open&verspaetet=1",
        Task.objects.filter(is_public=True).order_by("pk").first().get_absolute_url(),
        "/gremien/",
        "/gremien/steuerungsgruppe/",
        "/gremien/ausschuss-wtk/",
        "/gremien/stadtvertretung/",
        "/gremien/sitzungen/",
        "/gremien/sitzungen/?zeit=vergangen&gremium=ausschuss-wtk",
        wtk.get_absolute_url(),
        council.get_absolute_url(),
        "/gremien/vorlagen/",
        "/gremien/vorlagen/?art=report&offen=1",
        main.get_absolute_url(),
        main.sub_papers.first().get_absolute_url(),
        Person.objects.filter(memberships__body__slug="ausschuss-wtk").first().get_absolute_url(),
        "/en/gremien/",
        "/en/prozess/zeitplan/",
    ]


def governance_internal_paths() -> list[str]:
    """Internal pages without a form (for the coordinator): dashboard, internal timeline,
    contracts and work packages, specifications, a document's progress, workspace."""
    from stadtdach.process.models import Contract, Specification, WorkPackage

    return [
        "/prozess/steuerung/",
        "/prozess/zeitplan/intern/",
        "/prozess/arbeitspakete/",
        "/prozess/arbeitspakete/?phase=hauptprozess&status=accepted",
        WorkPackage.objects.get(code="AP 6").get_absolute_url(),
        Contract.objects.order_by("pk").first().get_absolute_url(),
        "/prozess/leistungsverzeichnisse/",
        Specification.objects.order_by("pk").first().get_absolute_url(),
        "/gremien/steuerungsgruppe/arbeitsbereich/",
        "/gremien/stammdaten/",
    ]


def governance_staff_paths() -> list[str]:
    """The forms of process and governance (every one takes the hostile-input test)."""
    from stadtdach.governance.models import Consultation, Meeting, Paper, Person
    from stadtdach.process.models import Milestone, Specification, Task, WorkPackage

    wtk = Meeting.objects.filter(body__slug="ausschuss-wtk").order_by("start").first()
    main = Paper.objects.get(reference="BV/2020/041")
    consultation = Consultation.objects.filter(paper=main).order_by("order").last()
    spec = Specification.objects.order_by("pk").first()
    section = spec.sections.order_by("pk").first()
    package = WorkPackage.objects.get(code="AP 6")
    task = Task.objects.order_by("pk").first()
    return [
        "/prozess/aufgaben/neu/",
        f"/prozess/aufgaben/{task.pk}/bearbeiten/",
        "/prozess/meilensteine/neu/",
        f"/prozess/meilensteine/{Milestone.objects.order_by('pk').first().pk}/bearbeiten/",
        "/prozess/entwurfsstadien/neu/",
        "/prozess/auftraege/neu/",
        "/prozess/arbeitspakete/neu/",
        f"/prozess/arbeitspakete/{package.pk}/bearbeiten/",
        f"/prozess/arbeitspakete/{package.pk}/abnahme/",
        f"/prozess/arbeitspakete/{package.pk}/leistungen/neu/",
        "/prozess/leistungsverzeichnisse/neu/",
        f"/prozess/leistungsverzeichnisse/{spec.pk}/abschnitte/neu/",
        f"/prozess/abschnitte/{section.pk}/positionen/neu/",
        "/gremien/neu/",
        "/gremien/ausschuss-wtk/bearbeiten/",
        "/gremien/personen/neu/",
        f"/gremien/personen/{Person.objects.order_by('pk').first().pk}/bearbeiten/",
        "/gremien/orte/neu/",
        "/gremien/wahlperioden/neu/",
        "/gremien/ausschuss-wtk/mitglieder/neu/",
        "/gremien/ausschuss-wtk/sitzungen/neu/",
        f"/gremien/sitzungen/{wtk.pk}/bearbeiten/",
        f"/gremien/sitzungen/{wtk.pk}/tagesordnung/neu/",
        f"/gremien/sitzungen/{wtk.pk}/anwesenheit/",
        "/gremien/steuerungsgruppe/rhythmen/neu/",
        "/gremien/vorlagen/neu/",
        f"/gremien/vorlagen/{main.pk}/bearbeiten/",
        f"/gremien/vorlagen/{main.pk}/beratungen/neu/",
        f"/gremien/beratungen/{consultation.pk}/bearbeiten/",
        f"/gremien/beratungen/{consultation.pk}/beschluss/",
        f"/gremien/dokumente/neu/sitzung/{wtk.pk}/",
        "/gremien/steuerungsgruppe/ergebnisse/neu/",
        f"/gremien/aufgaben/neu/sitzung/{wtk.pk}/",
    ]


def implementation_public_paths() -> list[str]:
    """Finance, monitoring, reports and revisions (the XLSX downloads are tested in their
    apps: these pages are HTML)."""
    from stadtdach.monitoring.models import Indicator
    from stadtdach.reports.models import Revision

    measure = Measure.objects.get(code="STS-2")
    revisions = list(Revision.objects.order_by("published_on"))
    return [
        "/finanzen/",
        "/finanzen/?handlungsfeld=wohnen",
        "/finanzen/foerderprogramme/",
        "/finanzen/haushalt/",
        "/monitoring/",
        "/monitoring/handlungsfelder/stadtstruktur/",
        "/monitoring/massnahmen/",
        "/monitoring/massnahmen/?stand=off_track&handlungsfeld=stadtstruktur",
        f"/monitoring/massnahmen/{measure.pk}/",
        "/monitoring/indikatoren/",
        Indicator.objects.get(code="K-BEV").get_absolute_url(),
        "/berichte/",
        "/berichte/fortschreibungen/",
        revisions[0].get_absolute_url(),
        f"/berichte/fortschreibungen/vergleich/?a={revisions[1].pk}&b={revisions[2].pk}",
        f"/berichte/fortschreibungen/vergleich/?a={revisions[0].pk}&b={revisions[2].pk}",
        "/en/monitoring/",
        "/en/finanzen/",
    ]


def implementation_staff_paths() -> list[str]:
    """The staff forms of finance, monitoring and reports."""
    from stadtdach.monitoring.models import Indicator

    measure = Measure.objects.get(code="STS-2")
    indicator = Indicator.objects.get(code="K-BEV")
    return [
        f"/monitoring/massnahmen/{measure.pk}/fortschritt/",
        f"/monitoring/massnahmen/{measure.pk}/umsetzung/",
        f"/monitoring/massnahmen/{measure.pk}/meilensteine/neu/",
        "/monitoring/indikatoren/neu/",
        f"/monitoring/indikatoren/{indicator.pk}/bearbeiten/",
        f"/monitoring/indikatoren/{indicator.pk}/werte/neu/",
        "/monitoring/import/",
        f"/finanzen/massnahmen/{measure.pk}/finanzierung/",
        f"/finanzen/massnahmen/{measure.pk}/haushaltsansaetze/neu/",
        "/finanzen/foerderprogramme/neu/",
        "/finanzen/foerderprogramme/lebendige-zentren/bearbeiten/",
        "/finanzen/haushalt/jahre/neu/",
        "/finanzen/haushalt/produkte/neu/",
        "/berichte/neu/isek-dokument/",
        "/berichte/neu/monitoringbericht/",
        "/berichte/neu/ausschussbericht/",
        "/berichte/fortschreibungen/neu/",
    ]


def participation_formats_public_paths() -> list[str]:
    """The formats of part 2 (demo/participation_formats.py): the vision for comment, a
    paragraph, the survey with its results, the prioritisation, the workshop, and a
    contribution of each kind (a comment on a paragraph, an offline result)."""
    from stadtdach.participation.models import Contribution
    from stadtdach.participation.offline_events.models import OfflineEvent
    from stadtdach.participation.prioritisation.models import Prioritisation
    from stadtdach.participation.surveys.models import Question, Survey

    draft = _draft()
    survey = Survey.objects.get(title__startswith="Umfrage", is_sample=True)
    text_question = survey.questions.get(kind=Question.Kind.TEXT)
    comment = Contribution.objects.filter(draft_comment__paragraph__draft=draft).first()
    result = Contribution.objects.filter(format="offline", is_sample=True).order_by("pk").first()
    return [
        "/beteiligung/verfahren/leitbild-im-dialog/",
        "/beteiligung/verfahren/werkstatt-innenstadt/",
        draft.get_absolute_url(),
        draft.paragraphs.filter(is_current=True).order_by("number").first().get_absolute_url(),
        survey.get_absolute_url(),
        f"/beteiligung/umfragen/{survey.pk}/ergebnisse/",
        f"/beteiligung/umfragen/fragen/{text_question.pk}/antworten/",
        Prioritisation.objects.get(is_sample=True).get_absolute_url(),
        OfflineEvent.objects.get(title="Zukunftswerkstatt Innenstadt").get_absolute_url(),
        comment.get_absolute_url(),
        result.get_absolute_url(),
    ]


def participation_formats_internal_paths() -> list[str]:
    """Pages of the formats for the coordination without a form: the steering group's
    consensus finding (internal) and the formats' staff pages."""
    from stadtdach.participation.consensus.models import ConsensusFinding

    finding = ConsensusFinding.objects.get(is_sample=True)
    return [
        "/beteiligung/verfahren/konsensieren-steuerungsgruppe/",
        finding.get_absolute_url(),
        "/beteiligung/verfahren/leitbild-im-dialog/entwuerfe/",
        "/beteiligung/verfahren/leitbild-im-dialog/umfragen/",
        "/beteiligung/verfahren/leitbild-im-dialog/priorisierung/",
        "/beteiligung/verfahren/konsensieren-steuerungsgruppe/konsensieren/",
        "/beteiligung/verfahren/werkstatt-innenstadt/veranstaltungen/",
    ]


def participation_formats_staff_paths() -> list[str]:
    """The forms of the formats (every one takes the hostile-input test)."""
    from stadtdach.participation.consensus.models import ConsensusFinding
    from stadtdach.participation.offline_events.models import OfflineEvent
    from stadtdach.participation.prioritisation.models import Prioritisation
    from stadtdach.participation.surveys.models import Survey

    draft = _draft()
    survey = Survey.objects.get(title__startswith="Umfrage", is_sample=True)
    item = Prioritisation.objects.get(is_sample=True)
    finding = ConsensusFinding.objects.get(is_sample=True)
    option = finding.options.filter(is_passive=False).order_by("pk").first()
    event = OfflineEvent.objects.get(title="Zukunftswerkstatt Innenstadt")
    return [
        "/beteiligung/verfahren/leitbild-im-dialog/entwuerfe/neu/",
        f"/beteiligung/entwuerfe/{draft.pk}/bearbeiten/",
        "/beteiligung/verfahren/leitbild-im-dialog/umfragen/neu/",
        f"/beteiligung/umfragen/{survey.pk}/bearbeiten/",
        f"/beteiligung/umfragen/{survey.pk}/fragen/neu/",
        f"/beteiligung/umfragen/fragen/{survey.questions.order_by('order').first().pk}/bearbeiten/",
        "/beteiligung/verfahren/leitbild-im-dialog/priorisierung/neu/",
        f"/beteiligung/priorisierung/{item.pk}/bearbeiten/",
        f"/beteiligung/priorisierung/{item.pk}/optionen/neu/",
        f"/beteiligung/priorisierung/optionen/{item.options.order_by('pk').first().pk}/bearbeiten/",
        "/beteiligung/verfahren/konsensieren-steuerungsgruppe/konsensieren/neu/",
        f"/beteiligung/konsensieren/{finding.pk}/bearbeiten/",
        f"/beteiligung/konsensieren/{finding.pk}/optionen/neu/",
        f"/beteiligung/konsensieren/optionen/{option.pk}/bearbeiten/",
        "/beteiligung/verfahren/werkstatt-innenstadt/veranstaltungen/neu/",
        f"/beteiligung/veranstaltungen/{event.pk}/bearbeiten/",
        f"/beteiligung/veranstaltungen/{event.pk}/teilnahme/",
        f"/beteiligung/veranstaltungen/{event.pk}/ergebnisse/neu/",
        f"/beteiligung/veranstaltungen/{event.pk}/fotos/neu/",
        f"/beteiligung/veranstaltungen/{event.pk}/dokumente/neu/",
    ]


def _draft():
    from stadtdach.participation.drafts.models import Draft

    return Draft.objects.get(title="Leitbild des ISEK 2022", is_sample=True)
