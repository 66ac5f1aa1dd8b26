"""Conversion between Simplified and Traditional Chinese with OpenCC."""

from __future__ import annotations

import json
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


class ChineseConverter:
    """Simplified-to-Traditional (Taiwan usage, project glossary first) and back.

    Built once per build: OpenCC loads its dictionaries when created.
    """

    def __init__(self, glossary_text: str | None = None) -> None:
        if glossary_text is None:
            glossary_text = files("donorsite.glossary").joinpath(_GLOSSARY).read_text(encoding="utf-8")
        self.glossary = read_glossary(glossary_text)
        self._folder = tempfile.TemporaryDirectory(prefix="donorsite-opencc-")

    @cached_property
    def _to_traditional(self) -> opencc.OpenCC:
        data = _opencc_data_folder()
        config = _with_absolute_paths(json.loads((data / "s2twp.json").read_text(encoding="utf-8")), data)
        folder = Path(self._folder.name)
        glossary_file = folder / "glossary.txt"
        glossary_file.write_text("".join(f"{s}\t{t}\n" for s, t in self.glossary), encoding="utf-8")
        glossary = {"type": "text", "file": str(glossary_file)}
        # The glossary goes first in both the segmenter and the first
        # conversion step, so that its phrases win over OpenCC's own.
        config["segmentation"]["dict"]["dicts"].insert(0, glossary)
        config["conversion_chain"][0]["dict"]["dicts"].insert(0, glossary)
        config_file = folder / "s2tw-glossary.json"
        config_file.write_text(json.dumps(config), encoding="utf-8")
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
