"""MkDocs hooks, read top to bottom as the build; each hands its event to the build's ``CampaignSite``."""

from __future__ import annotations

from typing import Any

from donorsite_adapter import CampaignSite
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

site: CampaignSite  # made afresh in on_config: `mkdocs serve` keeps this module loaded between rebuilds
previewing = False  # `mkdocs serve`: set once, in on_startup


def on_startup(command: str, dirty: bool) -> None:
    global previewing
    previewing = command == "serve"


def on_config(config: MkDocsConfig) -> None:
    global site
    on_shutdown()
    site = CampaignSite(config, previewing)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return site.add_pages(files, config)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    return site.split_menus(nav)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return site.page_source(page)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return site.restore_html(html, page)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return site.page_context(context, page, config)


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    return site.template_context(context, template_name)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return site.finish_page(output)


def on_post_build(config: MkDocsConfig) -> None:
    site.write_files(config)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    return site.watch_service_files(server, config)


def on_shutdown(error: Exception | None = None) -> None:
    if "site" in globals():  # an earlier build's worker, or this one's after an error
        site.close()


on_build_error = on_shutdown
