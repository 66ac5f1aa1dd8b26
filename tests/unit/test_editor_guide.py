"""The editor guide, in Chinese and English, shows every field of the model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from donorsite.model.campaign import Campaign
from donorsite.model.slogan import SloganFile

ROOT = Path(__file__).resolve().parents[2]


def field_names(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[str]:
    """Every YAML key of ``model`` and of the models inside it."""
    import typing

    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set()
    for name, info in model.model_fields.items():
        names.add(info.alias or name)
        stack = [info.annotation]
        while stack:
            annotation = stack.pop()
            stack.extend(typing.get_args(annotation))
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                names |= field_names(annotation, seen)
    return names


@pytest.mark.parametrize("guide", ["docs/zh-hans/editor-guide.md", "docs/en/editor-guide.md"])
def test_guide_shows_every_field(guide: str) -> None:
    text = (ROOT / guide).read_text(encoding="utf-8")
    written = set(re.findall(r"([\w-]+):", text))
    missing = (field_names(Campaign) | field_names(SloganFile)) - written
    assert missing == set()


@pytest.mark.parametrize("guide", ["docs/zh-hans/editor-guide.md", "docs/en/editor-guide.md"])
def test_guide_examples_are_valid(guide: str) -> None:
    from donorsite.reading.yaml_reader import read_yaml_text

    text = (ROOT / guide).read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    campaign_example = next(block for block in blocks if block.startswith("# yaml-language-server: $schema=../"))
    slogan_example = next(block for block in blocks if block.startswith("# yaml-language-server: $schema=schemas/"))
    for block, model in ((campaign_example, Campaign), (slogan_example, SloganFile)):
        document, problems = read_yaml_text(block, guide)
        assert problems == [] and document is not None
        model.model_validate(document.data)


@pytest.mark.parametrize("guide", ["docs/zh-hans/editor-guide.md", "docs/en/editor-guide.md"])
def test_guide_examples_of_the_service_files_are_valid(guide: str) -> None:
    """Issue 17: the supply and sites examples pass the same checks as the files."""
    from datetime import date

    from donorsite.content.centre_files import validate_sites_text, validate_supply_text

    text = (ROOT / guide).read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    supply = next(block for block in blocks if block.startswith("# yaml-language-server: $schema=schemas/supply."))
    sites = next(block for block in blocks if block.startswith("# yaml-language-server: $schema=schemas/sites."))
    assert validate_supply_text(supply, date(2026, 11, 29))[1] == []
    assert validate_sites_text(sites)[1] == []
