"""Property-based fuzzing: random and mutated campaign files never produce a traceback.

Every input ends in one of two ways: validation problems located in the
file, or a campaign whose pages render in all four locales without any
markup the editor did not intend.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from donorsite.build.pages import SitePageBuilder
from donorsite.content.loading import CampaignEntry, SiteContent, validate_campaign_text
from donorsite.content.options import SiteOptions
from donorsite.core.locales import LOCALE_CODES
from donorsite.model.campaign import Campaign
from donorsite.render.context import build_renderers

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "campaigns").glob("*.yaml"))]
RENDERERS = build_renderers()
BUILDER = SitePageBuilder(SiteContent((), None), RENDERERS, SiteOptions(today=date(2026, 11, 24)))
FIELDS = sorted({name for model in (Campaign,) for name in model.model_fields}) + [*LOCALE_CODES, "date", "start"]
NASTY = st.sampled_from(
    [
        ":",
        ": ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!str ",
        "|",
        ">",
        "#",
        "'",
        '"',
        "\n",
        "\n  ",
        "\t",
        "%",
        "@",
        "`",
        "18:30",
        "0123",
        "no",
        "2022-13-40",
        "~",
        "<script>",
        "</script>",
        "javascript:",
        "\u202e",
        "\u200b",
        "\u0301",
        "献血",
        "Đ",
    ]
)
UNSAFE_MARKUP = re.compile(r"<script|<[^>]*\son\w+\s*=|(href|src)\s*=\s*[\"']?\s*(javascript|data):", re.I)
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@st.composite
def mutated_sample(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SAMPLES))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate-line"]))
        if action == "insert":
            text = text[:position] + draw(st.one_of(NASTY, TEXT)) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 40)) :]
        else:
            lines = text.splitlines(keepends=True)
            index = draw(st.integers(0, max(len(lines) - 1, 0)))
            text = "".join(lines[: index + 1] + lines[index:])
    return text


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10, 3000), st.floats(allow_nan=True), TEXT, NASTY)
RANDOM_DATA = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.sampled_from(FIELDS), children, max_size=5)),
    max_leaves=25,
)


def check_outcome(text: str) -> None:
    campaign, problems = validate_campaign_text(text, "campaigns/fuzz.yaml")
    if campaign is None:
        assert problems, "an invalid file must say why"
        for problem in problems:
            assert problem.file == "campaigns/fuzz.yaml" and problem.line >= 1 and problem.message
        return
    entry = CampaignEntry("fuzz", "campaigns/fuzz.yaml", campaign)
    for renderer in RENDERERS.values():
        text = BUILDER.campaign_page(renderer, entry)
        assert not UNSAFE_MARKUP.search(text), text


@seed(20261124)
@settings(max_examples=1500, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(mutated_sample())
def test_mutated_samples_give_problems_or_pages(text: str) -> None:
    check_outcome(text)


@seed(20261124)
@settings(max_examples=600, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(RANDOM_DATA)
def test_random_documents_give_problems_or_pages(data: object) -> None:
    check_outcome(yaml.safe_dump(data, allow_unicode=True))
