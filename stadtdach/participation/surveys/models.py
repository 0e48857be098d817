"""A survey, its questions and options, and the responses. A registered participant
answers a survey once (unique constraint); free-text answers are Contributions of the
format "survey", so that they are moderated, evaluated and answered like every input."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel

FORMAT_CODE = "survey"


class Survey(SampleDataModel):
    class Results(models.TextChoices):
        ALWAYS = "always", _("always public")
        AFTER_CLOSE = "after_close", _("public after the process has closed")

    process = models.ForeignKey(
        "participation.ParticipationProcess",
        verbose_name=_("participation process"),
        on_delete=models.CASCADE,
        related_name="surveys",
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    results = models.CharField(
        _("results"), max_length=12, choices=Results.choices, default=Results.ALWAYS
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:survey_detail", kwargs={"pk": self.pk})

    def participation_target(self):
        return self.process, FORMAT_CODE


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        SCALE = "scale", _("scale")
        TEXT = "text", _("free text")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("explanation"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    required = models.BooleanField(_("answer required"), default=False)
    scale_min = models.SmallIntegerField(_("scale from"), default=1)
    scale_max = models.SmallIntegerField(_("scale to"), default=5)
    scale_min_label = models.CharField(_("meaning of the lowest value"), max_length=60, blank=True)
    scale_max_label = models.CharField(_("meaning of the highest value"), max_length=60, blank=True)

    class Meta:
        ordering = ["survey", "order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_min__lt=F("scale_max"))
                & Q(scale_min__gte=0)
                & Q(scale_max__lte=10),
                name="participation_question_scale_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        """The staff page of the process's surveys (select_related survey__process)."""
        return (
            reverse("participation:survey_manage", kwargs={"slug": self.survey.process.slug})
            + f"#frage-{self.pk}"
        )

    @property
    def has_options(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)

    @property
    def scale_values(self) -> list[int]:
        return list(range(self.scale_min, self.scale_max + 1))


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("answer option"), max_length=200)

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")

    def __str__(self) -> str:
        return self.label


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    # Kept (without the person) when the account is deleted: the results stay true. The
    # unique constraint ignores the emptied and the anonymous rows (NULLs are distinct).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_survey_responses",
    )
    target_group = models.ForeignKey(
        "participation.TargetGroup",
        verbose_name=_("target group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)
    is_sample = models.BooleanField(default=False)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"], name="participation_survey_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}: {self.pk}"


class Answer(models.Model):
    """One answer of a response: a chosen option (one row per option of a multiple
    choice), a scale value, or a free text (its Contribution)."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    option = models.ForeignKey(
        Option, null=True, blank=True, on_delete=models.CASCADE, related_name="answers"
    )
    scale_value = models.SmallIntegerField(null=True, blank=True)
    contribution = models.OneToOneField(
        "participation.Contribution",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_answer",
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "option"],
                name="participation_answer_option_once",
            ),
            models.CheckConstraint(
                condition=Q(scale_value__isnull=True)
                | (Q(scale_value__gte=0) & Q(scale_value__lte=10)),
                name="participation_answer_scale_in_range",
            ),
        ]
        indexes = [models.Index(fields=["question", "option"])]

    def __str__(self) -> str:
        return f"{self.response_id}/{self.question_id}"
