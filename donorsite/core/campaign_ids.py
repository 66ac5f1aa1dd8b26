"""The rule for campaign ids, which are also file names and URL segments.

One rule, applied wherever an id is read: a file name in ``campaigns/``,
``donorsite new``, ``--copy``, a translation sheet's file column and a
preview limited to some ids.
"""

from __future__ import annotations

import re

CAMPAIGN_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID_LENGTH = 80
# Names Windows reserves for devices, with or without an extension: a
# file called con.yaml cannot be checked out there.
WINDOWS_DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))})
CAMPAIGN_EXTENSION = ".yaml"
YAML_EXTENSIONS = (".yaml", ".yml")


def campaign_id_problem(candidate: str) -> str | None:
    """What is wrong with ``candidate`` as a campaign id, or None if it is a valid id.

    >>> campaign_id_problem("2027-suzhou-drive") is None
    True
    >>> campaign_id_problem("nul")
    "'nul' is a name Windows reserves for a device; add a year or place, e.g. nul-2027"
    """
    shown = candidate.encode("unicode_escape").decode("ascii")
    if len(shown) > MAX_ID_LENGTH + 20:
        shown = shown[:MAX_ID_LENGTH] + "..."
    if not CAMPAIGN_ID.fullmatch(candidate):
        return (
            f"'{shown}' is not a valid campaign id; use lowercase ASCII letters, digits and single hyphens, e.g. 2027-suzhou-winter-drive"
        )
    if len(candidate) > MAX_ID_LENGTH:
        return f"the id '{shown}' is {len(candidate)} characters long; use at most {MAX_ID_LENGTH}"
    if candidate in WINDOWS_DEVICE_NAMES:
        return f"'{candidate}' is a name Windows reserves for a device; add a year or place, e.g. {candidate}-2027"
    return None


def has_yaml_extension(name: str) -> bool:
    """Whether the file name ends in .yaml or .yml in any mix of capitals."""
    return name.lower().endswith(YAML_EXTENSIONS)
