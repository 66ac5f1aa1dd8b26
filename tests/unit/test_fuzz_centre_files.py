"""Property-based fuzzing of sites.yaml and supply.yaml, as tests/unit/test_fuzz.py does for campaigns.

Every mutated or random file ends in one of two ways: problems located in
the file, or a model the site accepts; and ``supply set`` on any supply file
``check`` accepts either writes a file ``check`` accepts or says why not,
never a traceback.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from donorsite.content.centre_files import SITES_FILE, SUPPLY_FILE, validate_sites_text, validate_supply_text
from donorsite.core.locales import LOCALE_CODES
from donorsite.core.problems import Problem
from donorsite.editing.supply_update import SupplyChange, SupplyUpdateError, updated_supply_text
from donorsite.model.donation_sites import DonationSite, SitesFile
from donorsite.model.supply import BLOOD_TYPES, SupplyFile
from test_fuzz import NASTY, TEXT

ROOT = Path(__file__).resolve().parents[2]
SITES_SAMPLE = (ROOT / SITES_FILE).read_text(encoding="utf-8")
SUPPLY_SAMPLE = (ROOT / SUPPLY_FILE).read_text(encoding="utf-8")
BUILD_DATE = date(2026, 6, 1)
MORE_NASTY = st.sampled_from(["{}", "[]", "null", "5\n", '"07:00\\n"', "1e308", "5e-324", "-0", "\ufeff", "\u3164", "con", "O+:", "//x"])
FIELDS = sorted({*SitesFile.model_fields, *DonationSite.model_fields, *SupplyFile.model_fields, *LOCALE_CODES, *BLOOD_TYPES})


@st.composite
def mutated(draw: st.DrawFn, sample: str) -> str:
    text = sample
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate-line"]))
        if action == "insert":
            text = text[:position] + draw(st.one_of(NASTY, MORE_NASTY, TEXT)) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 40)) :]
        else:
            lines = text.splitlines(keepends=True)
            index = draw(st.integers(0, max(len(lines) - 1, 0)))
            text = "".join(lines[: index + 1] + lines[index:])
    return text


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10, 3000), st.floats(allow_nan=True), TEXT, NASTY, MORE_NASTY)
RANDOM_DATA = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.sampled_from(FIELDS), children, max_size=5)),
    max_leaves=25,
)


def located(problems: list[Problem], name: str) -> None:
    assert problems, "an invalid file must say why"
    for problem in problems:
        assert problem.file == name and problem.line >= 1 and problem.column >= 1 and problem.message


def check_sites(text: str) -> None:
    sites, problems = validate_sites_text(text)
    if sites is None:
        located(problems, SITES_FILE)


def check_supply(text: str, change: SupplyChange) -> None:
    supply, problems = validate_supply_text(text, BUILD_DATE)
    if supply is None:
        located(problems, SUPPLY_FILE)
        return
    try:
        new_text = updated_supply_text(text, change, BUILD_DATE)
    except SupplyUpdateError as error:
        assert str(error)
        return
    updated, problems = validate_supply_text(new_text, BUILD_DATE)
    assert updated is not None, problems
    assert updated.levels.level_of(change.blood_type) is not None


CHANGES = st.builds(
    SupplyChange,
    st.sampled_from([*BLOOD_TYPES, "o+", "AB"]),
    st.one_of(st.sampled_from(["critical", "low", "plenty", "4.5", "0", "365", "366", "5\n", "-1", "1e3"]), TEXT),
)


@seed(20261204)
@settings(max_examples=500, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(mutated(SITES_SAMPLE))
def test_mutated_sites_files_give_problems_or_sites(text: str) -> None:
    check_sites(text)


@seed(20261204)
@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(RANDOM_DATA)
def test_random_sites_documents_give_problems_or_sites(data: object) -> None:
    check_sites(yaml.safe_dump(data, allow_unicode=True))


@seed(20261204)
@settings(max_examples=500, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(mutated(SUPPLY_SAMPLE), CHANGES)
def test_mutated_supply_files_give_problems_or_a_clean_update(text: str, change: SupplyChange) -> None:
    check_supply(text, change)


@seed(20261204)
@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(RANDOM_DATA, CHANGES)
def test_random_supply_documents_give_problems_or_a_clean_update(data: object, change: SupplyChange) -> None:
    check_supply(yaml.safe_dump(data, allow_unicode=True), change)
