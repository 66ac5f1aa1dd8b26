"""Jinja templates compiled once per process: one compiled code for every environment made with the same settings.

Compiling is most of what a template costs: the four locales' environments
would each compile the same ~25 templates at every build, and ``serve`` or a
process that builds many times (the tests) would compile them all again at
each build. Jinja's own bytecode cache, kept in memory, lets every
environment with the same settings load the code compiled by the first.
Jinja checks each entry against a hash of the template's source, so an
edited template is compiled afresh; nothing is written to disk.

>>> from jinja2 import DictLoader, Environment
>>> first, second = (Environment(loader=DictLoader({"t": "{{ 1 + 1 }}"})) for _ in range(2))
>>> share_compiled_templates(first) is share_compiled_templates(second)
True
>>> first.get_template("t").render(), second.get_template("t").render()
('2', '2')
"""

from __future__ import annotations

from collections.abc import Hashable

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

# What decides the code Jinja compiles from a source, besides the source itself (Jinja 3.1's compiler,
# optimizer and i18n extension read these): environments that differ in any share nothing.
_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
    "finalize",
    "autoescape",  # a function (select_autoescape) counts as itself: share one to share the code
    "undefined",
    "newstyle_gettext",  # read by the i18n extension as it compiles ``{% trans %}`` and ``_()``
)


class _InMemory(BytecodeCache):
    """Compiled templates of one set of settings, by template name and file, for the life of the process."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])  # left empty by Jinja if the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


_CACHES: dict[Hashable, _InMemory] = {}


def share_compiled_templates(environment: Environment) -> BytecodeCache:
    """Give ``environment`` the process's compiled templates for its settings; return them.

    Call it with the settings final, before the first template loads. The filters and tests count by
    identity (the optimizer runs a filter on constant arguments as it compiles): filters made anew for
    each environment would give each its own compilations, never another's.
    """
    settings = (
        type(environment),  # a sandbox compiles its checks into the code
        tuple(getattr(environment, name, None) for name in _SETTINGS),
        tuple(sorted(environment.extensions)),
        repr(sorted(environment.policies.items())),
        tuple(sorted(environment.filters.items(), key=lambda item: item[0])),
        tuple(sorted(environment.tests.items(), key=lambda item: item[0])),
    )
    environment.bytecode_cache = _CACHES.setdefault(settings, _InMemory())
    return environment.bytecode_cache
