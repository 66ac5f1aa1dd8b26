"""Conversion between Simplified and Traditional Chinese with OpenCC."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any

import opencc

_GLOSSARY = "zh-Hant.tsv"


def _opencc_data_folder() -> Path:
    return Path(opencc.__file__).parent / "clib" / "share" / "opencc"


def read_glossary(text: str) -> list[tuple[str, str]]:
    """Pairs of (Simplified, Traditional) phrases from glossary text; ``#`` starts a comment."""
    pairs = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        simplified, traditional = line.split("\t")
        pairs.append((simplified.strip(), traditional.strip()))
    return pairs


def _with_absolute_paths(node: Any, folder: Path) -> Any:
    if isinstance(node, dict):
        if node.get("type") == "ocd2":
            return {**node, "file": str(folder / node["file"])}
        return {key: _with_absolute_paths(value, folder) for key, value in node.items()}
    if isinstance(node, list):
        return [_with_absolute_paths(item, folder) for item in node]
    return node


def _write_atomically(path: Path, text: str) -> None:
    # Two builds may run at once (tests, parallel CI jobs): never let one read a half-written file.
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


class ChineseConverter:
    """Simplified-to-Traditional (Taiwan usage, project glossary first) and back.

    Built once per build: OpenCC loads its dictionaries when created.
    """

    def __init__(self, glossary_text: str | None = None) -> None:
        if glossary_text is None:
            glossary_text = files("donorsite.glossary").joinpath(_GLOSSARY).read_text(encoding="utf-8")
        self.glossary = read_glossary(glossary_text)
        # OpenCC reads its configuration from files. One folder per glossary
        # version is reused, so repeated rebuilds under `mkdocs serve` leave
        # nothing behind.
        digest = hashlib.sha256(glossary_text.encode("utf-8") + opencc.__file__.encode("utf-8")).hexdigest()[:16]
        self._folder = Path(tempfile.gettempdir()) / f"donorsite-opencc-{digest}"

    @cached_property
    def _to_traditional(self) -> opencc.OpenCC:
        data = _opencc_data_folder()
        config = _with_absolute_paths(json.loads((data / "s2twp.json").read_text(encoding="utf-8")), data)
        folder = self._folder
        folder.mkdir(exist_ok=True)
        glossary_file = folder / "glossary.txt"
        _write_atomically(glossary_file, "".join(f"{s}\t{t}\n" for s, t in self.glossary))
        glossary = {"type": "text", "file": str(glossary_file)}
        # The glossary goes first in both the segmenter and the first
        # conversion step, so that its phrases win over OpenCC's own.
        config["segmentation"]["dict"]["dicts"].insert(0, glossary)
        config["conversion_chain"][0]["dict"]["dicts"].insert(0, glossary)
        config_file = folder / "s2tw-glossary.json"
        _write_atomically(config_file, json.dumps(config))
        return opencc.OpenCC(str(config_file))

    @cached_property
    def _to_simplified(self) -> opencc.OpenCC:
        return opencc.OpenCC("t2s")

    def to_traditional(self, text: str) -> str:
        """Traditional Chinese (Taiwan usage) for Simplified ``text``."""
        return str(self._to_traditional.convert(text))

    def to_simplified(self, text: str) -> str:
        """Simplified Chinese for Traditional ``text``."""
        return str(self._to_simplified.convert(text))
