"""Templates compiled once per process (``donorsite.render.compiled_templates``): shared only where the code would be the same."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment

from donorsite.render.compiled_templates import share_compiled_templates


def _environment(sources: dict[str, str], **settings: object) -> Environment:
    environment = Environment(loader=DictLoader(sources), **settings)  # type: ignore[arg-type]
    share_compiled_templates(environment)
    return environment


def test_an_edited_template_is_compiled_afresh() -> None:
    sources = {"page.html": "first {{ n }}"}
    assert _environment(sources).get_template("page.html").render(n=1) == "first 1"
    sources["page.html"] = "second {{ n }}"  # a save under `serve`: the next build's environment reads the new source
    assert _environment(sources).get_template("page.html").render(n=2) == "second 2"


def test_environments_whose_settings_change_the_code_do_not_share_it() -> None:
    sources = {"list.html": "{% if x %}\n  yes\n{% endif %}\n"}
    plain = _environment(sources)
    trimmed = _environment(sources, trim_blocks=True, lstrip_blocks=True)
    assert plain.bytecode_cache is not trimmed.bytecode_cache
    assert plain.get_template("list.html").render(x=True) == "\n  yes\n"
    assert trimmed.get_template("list.html").render(x=True) == "  yes\n"


def test_the_locales_environments_share_one_compilation() -> None:
    from donorsite.render.context import build_renderers

    environments = [renderer.environment for renderer in build_renderers().values()]
    assert len(environments) == 4
    assert len({id(environment.bytecode_cache) for environment in environments}) == 1


def test_old_and_new_style_gettext_do_not_share_code() -> None:
    sources = {"t.html": "{{ _('%(n)s drives', n=2) }}"}
    newstyle, oldstyle = (Environment(loader=DictLoader(sources), extensions=["jinja2.ext.i18n"]) for _ in range(2))
    newstyle.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    oldstyle.install_null_translations(newstyle=False)  # type: ignore[attr-defined]
    assert share_compiled_templates(newstyle) is not share_compiled_templates(oldstyle)
    assert newstyle.get_template("t.html").render() == "2 drives"


def test_a_filter_of_the_same_name_but_another_function_gets_its_own_code() -> None:
    # Jinja's optimizer runs a filter on a constant as it compiles: the result is in the code.
    sources = {"t.html": "{{ 'a b'|shout }}"}
    upper, lower = Environment(loader=DictLoader(sources)), Environment(loader=DictLoader(sources))
    upper.filters["shout"], lower.filters["shout"] = str.upper, str.lower
    share_compiled_templates(upper), share_compiled_templates(lower)
    assert (upper.get_template("t.html").render(), lower.get_template("t.html").render()) == ("A B", "a b")


def test_a_sandbox_never_runs_code_compiled_outside_it() -> None:
    from jinja2.sandbox import SandboxedEnvironment, SecurityError

    def unsafe() -> str:
        return "ran"

    unsafe.unsafe_callable = True  # type: ignore[attr-defined]
    sources = {"call.html": "{{ f() }}"}
    plain = Environment(loader=DictLoader(sources))
    share_compiled_templates(plain)
    assert plain.get_template("call.html").render(f=unsafe) == "ran"
    sandbox = SandboxedEnvironment(loader=DictLoader(sources))
    share_compiled_templates(sandbox)
    with pytest.raises(SecurityError):  # the sandbox's own code checks each call
        sandbox.get_template("call.html").render(f=unsafe)
