"""The kinds of donation: the one list that donation sites (what can be given there) and donor rules (the wait after each) share."""

from __future__ import annotations

from enum import StrEnum


# The values of a donation site's ``donations`` in sites.yaml and of the self-check's ``last_kind`` in the browser.
class DonationKind(StrEnum):
    """A kind of donation: whole blood, or platelets or plasma by apheresis."""

    WHOLE_BLOOD = "whole-blood"
    PLATELETS = "platelets"
    PLASMA = "plasma"
