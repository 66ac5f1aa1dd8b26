"""Problems found in an editor's files, reported as ``file:line:col: path: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a content file, located for the editor."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def as_github_annotation(self, level: str = "error") -> str:
        """The problem in GitHub Actions' ``::error`` (or ``::warning``) workflow-command format."""
        text = f"{self.field}: {self.message}" if self.field else self.message
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={self.file},line={self.line},col={self.column}::{text}"


class ContentError(Exception):
    """Raised when content files have problems; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, in file order."""
        return "\n".join(str(problem) for problem in self.problems)
