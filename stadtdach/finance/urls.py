from django.urls import path

from stadtdach.finance import edit_views as edit
from stadtdach.finance import views

app_name = "finance"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("kosten-und-finanzierung.xlsx", views.overview_xlsx, name="overview_xlsx"),
    path("foerderprogramme/", views.programme_list, name="programme_list"),
    path("foerderprogramme/neu/", edit.FundingProgrammeEdit.as_view(), name="programme_add"),
    path(
        "foerderprogramme/<slug:slug>/bearbeiten/",
        edit.FundingProgrammeEdit.as_view(),
        name="programme_edit",
    ),
    path("haushalt/", views.product_list, name="product_list"),
    path("haushalt/jahre/neu/", edit.BudgetEdit.as_view(), name="budget_add"),
    path("haushalt/jahre/<int:year>/bearbeiten/", edit.BudgetEdit.as_view(), name="budget_edit"),
    path("haushalt/produkte/neu/", edit.BudgetProductEdit.as_view(), name="product_add"),
    path(
        "haushalt/produkte/<int:pk>/bearbeiten/",
        edit.BudgetProductEdit.as_view(),
        name="product_edit",
    ),
    path(
        "massnahmen/<int:pk>/finanzierung/",
        edit.MeasureFundingEdit.as_view(),
        name="funding_edit",
    ),
    path(
        "massnahmen/<int:pk>/haushaltsansaetze/neu/",
        edit.BudgetLineEdit.as_view(),
        name="line_add",
    ),
    path(
        "haushaltsansaetze/<int:line>/bearbeiten/", edit.BudgetLineEdit.as_view(), name="line_edit"
    ),
    path(
        "haushaltsansaetze/<int:line>/loeschen/",
        edit.BudgetLineDelete.as_view(),
        name="line_delete",
    ),
]
