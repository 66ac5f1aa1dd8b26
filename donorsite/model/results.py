"""What a campaign aims for and achieves, and what a report states: counts, honour rolls and reported figures.

Field descriptions here are the editor documentation, as in ``model/campaign.py``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo

from donorsite.model.fields import Count, Slug, StrictModel, editor_error
from donorsite.model.text_fields import LocalizedName, LocalizedText


class CustomMeasure(StrictModel):
    """A count with its own label, for figures the standard measures lack."""

    key: Slug = Field(description="Short ASCII name, used to pair a target with its result.")
    label: LocalizedText = Field(description="What is counted.")
    value: Count = Field(description="The count.")


class Measures(StrictModel):
    """Counts of a drive, used both for targets and results."""

    donors: Count | None = Field(None, description="People who gave blood.")
    participants: Count | None = Field(None, description="People who took part (donors and others).")
    units: Count | None = Field(None, description="Blood units collected.")
    whole_blood_ml: Count | None = Field(None, description="Whole blood collected, in mL.")
    platelet_doses: Count | None = Field(None, description="Platelet therapeutic doses collected.")
    plasma_ml: Count | None = Field(None, description="Plasma collected by apheresis, in mL.")
    volunteers: Count | None = Field(None, description="Volunteers who helped.")
    people_served: Count | None = Field(None, description="People given checks or advice on site.")
    other: list[CustomMeasure] = Field(default_factory=list, description="Further counts with their own labels.")


class RecipientKind(StrEnum):
    """Whether an honour roll lists organisations or people."""

    UNITS = "units"
    PEOPLE = "people"


class Recipient(StrictModel):
    """A unit or person on an honour roll."""

    name: LocalizedName = Field(description="Name of the unit or person; a plain text is shown as written in every locale.")
    affiliation: LocalizedText | None = Field(None, description="Workplace or district of a person.")
    mask_name: bool = Field(False, description="Show a person's name masked, e.g. 褚*燕, to protect privacy.")


class HonourRoll(StrictModel):
    """A named category of an honour roll with its recipients."""

    title: LocalizedText = Field(description="Name of the category, e.g. Advanced units.")
    recipients_are: RecipientKind = Field(strict=False, description="units or people.")
    recipients: list[Recipient] = Field(min_length=1, description="Who is honoured, in the published order.")


class FigureUnit(StrEnum):
    """How a statistic is counted and written."""

    COUNT = "count"
    PEOPLE = "people"
    DONATIONS = "donations"
    ML = "ml"
    PERCENT = "percent"
    HOURS = "hours"


class FigureQualifier(StrEnum):
    """How exact a reported number is: the report's "about 140", "more than 10,000"."""

    ABOUT = "about"
    MORE_THAN = "more-than"
    AT_LEAST = "at-least"
    FEWER_THAN = "fewer-than"


# The largest value a report can mean for each unit, and whether it is a whole number.
_FIGURE_RANGES: dict[FigureUnit, tuple[float, bool]] = {
    FigureUnit.COUNT: (1e9, True),
    FigureUnit.PEOPLE: (1e9, True),
    FigureUnit.DONATIONS: (1e9, True),
    FigureUnit.ML: (1e12, False),
    FigureUnit.PERCENT: (1000, False),
    FigureUnit.HOURS: (1e7, False),
}


def _figure_value_in_range(value: float, info: ValidationInfo) -> float:
    unit = info.data.get("unit")
    if not isinstance(unit, FigureUnit):
        return value  # the unit's own error is reported
    largest, whole = _FIGURE_RANGES[unit]
    if value > largest:
        raise editor_error("figure_large", f"{value:g} {unit.value} looks mistyped; a figure in {unit.value} is at most {largest:g}")
    if whole and value != int(value):
        raise editor_error("figure_whole", f"{value:g} {unit.value} is not a whole number; write a count without decimals")
    if 0 < value < 0.01:
        raise editor_error("figure_small", f"{value:g} {unit.value} looks mistyped; write 0 or a figure with at most two decimals")
    return value


class Figure(StrictModel):
    """One reported statistic of a report."""

    label: LocalizedText = Field(description="What the figure measures.")
    # The unit comes first so that the value is checked against the range its unit allows.
    unit: FigureUnit = Field(strict=False, description="count, people, donations, ml, percent or hours.")
    value: Annotated[float, Field(ge=0, allow_inf_nan=False, le=1e15), AfterValidator(_figure_value_in_range)] = Field(
        description="The number; a percent is written as 72.7."
    )
    qualifier: FigureQualifier | None = Field(
        None,
        strict=False,
        description="When the report gives an approximate number: about, more-than, at-least or fewer-than "
        "(shown the language's way: 约140人, 1万多人, more than 10,000).",
    )
    group: LocalizedText | None = Field(
        None, description="Heading of the group the figure belongs to; figures in a row with the same group are shown together."
    )
    comparison: LocalizedText | None = Field(None, description="A short comparison shown under the figure, e.g. +29 points on last year.")


class AwardGrade(StrEnum):
    """Grades of the national blood-donation award."""

    GOLD = "gold"
    SILVER = "silver"
    BRONZE = "bronze"


class AwardCount(StrictModel):
    """How many people received an award of one grade."""

    grade: AwardGrade = Field(strict=False, description="gold, silver or bronze.")
    count: Count = Field(description="Number of people.")


class Statistics(StrictModel):
    """Figures of an annual report; totals of awards are computed."""

    figures: list[Figure] = Field(default_factory=list, description="Reported figures, in the order to show.")
    awards: list[AwardCount] = Field(default_factory=list, description="Award counts by grade.")
    award_name: LocalizedText | None = Field(None, description="Name of the award, e.g. the national dedication award.")
