"""The slogan format: ``slogans.yaml`` holds every slogan of the site."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from donorsite.model.fields import LocaleCode, Slug, StrictModel
from donorsite.model.text_fields import LocalizedText


class Slogan(StrictModel):
    """One slogan with its translations."""

    text: LocalizedText = Field(description="The slogan in each locale; the source language is required.")
    tags: list[Slug] = Field(default_factory=list, description="ASCII tags such as gratitude or youth.")
    theme_year: Annotated[int, Field(ge=2004, le=2100)] | None = Field(
        None, description="The World Blood Donor Day year whose theme it belongs to."
    )


class SloganFile(StrictModel):
    """The whole of ``slogans.yaml``."""

    source_language: LocaleCode = Field(description="The locale the slogans were written in.")
    slogans: list[Slogan] = Field(min_length=1, max_length=5000, description="Slogans in the order to show.")
