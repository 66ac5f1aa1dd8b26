"""What a generated page is before and after rendering: its plan, and its text (front matter and HTML)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import yaml
from markupsafe import escape

from donorsite.core.addresses import source_path
from donorsite.core.locales import SiteLocale
from donorsite.render.page_head import PageHead


@dataclass(frozen=True)
class PagePlan:
    """A page of the site before its text is rendered: where it goes and whether menus list it."""

    key: str
    locale: SiteLocale | None
    source_path: str
    in_navigation: bool
    # Where the page is written when not at the engine's usual place (``vi/404.html``).
    output_path: str | None = None


@dataclass(frozen=True)
class GeneratedPage:
    """One page to add to the site, with its text."""

    key: str
    locale: SiteLocale | None
    source_path: str
    text: str
    in_navigation: bool
    output_path: str | None = None

    @classmethod
    def of(cls, plan: PagePlan, text: str) -> GeneratedPage:
        """The page ``plan`` describes, written as ``text``."""
        return cls(plan.key, plan.locale, plan.source_path, text, plan.in_navigation, plan.output_path)


# A page's plan and the function that renders its text when it is needed.
PageJob = tuple[PagePlan, Callable[[], str]]


def plan_page(site_locale: SiteLocale, key: str, in_navigation: bool) -> PagePlan:
    """The plan of the page ``key`` of ``site_locale``, at its usual source path."""
    return PagePlan(key, site_locale, source_path(site_locale, key), in_navigation)


# libyaml's emitter writes the front matter of thousands of pages ten times faster than PyYAML's own.
_FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _single_line(text: str) -> str:
    return " ".join(text.split())


def page_text(title: str, description: str, body: str, head: PageHead | None = None, **extra: object) -> str:
    """HTML ``body`` under front matter; the theme prints title and description as they are, so they are escaped here."""
    meta: dict[str, object] = {"title": str(escape(_single_line(title))), "description": str(escape(_single_line(description))), **extra}
    if head is not None:
        meta["head"] = head.front_matter()
    front_matter = yaml.dump(meta, Dumper=_FAST_DUMPER, allow_unicode=True, sort_keys=True, width=1_000_000)
    return f"---\n{front_matter}---\n\n{body.strip()}\n"
