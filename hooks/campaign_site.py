"""MkDocs hooks, read top to bottom as the build; each hands its event to the build's ``CampaignSite``."""

from donorsite_adapter import BuildSession, CampaignSite
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

site: CampaignSite  # made afresh in on_config: `mkdocs serve` keeps this module loaded between rebuilds
session = BuildSession()  # once per process: under `serve`, what a save did not change is kept, and mistakes show in the preview
on_startup = session.start  # MkDocs' command (and --dirty), once per process


def on_config(config: MkDocsConfig) -> None:
    global site
    on_shutdown()
    site = CampaignSite(config, session)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return site.add_pages(files, config)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    return site.split_menus(nav)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return site.page_source(page)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return site.page_html(html, page)


on_env = session.theme_environment  # the theme's compiled templates, kept by `serve` while the theme is the same


def on_page_context(context: dict[str, object], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, object]:
    return site.page_context(context, page, config)


def on_template_context(context: dict[str, object], template_name: str, config: MkDocsConfig) -> dict[str, object]:
    return site.template_context(context, template_name)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return site.finish_page(output)


def on_post_build(config: MkDocsConfig) -> None:
    site.write_files(config)


def on_shutdown(error: Exception | None = None) -> None:
    if "site" in globals():  # an earlier build's worker, or this one's after an error
        site.close(error)


on_build_error = on_shutdown
