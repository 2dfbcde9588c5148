"""Problems found in case and data files, and the collector that gathers them.

A problem always names a file, a line and a column (1-based), carries a stable
machine-readable ``code`` and a Dutch message that tells an editor what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    code: str
    message: str

    def as_text(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def as_dict(self) -> dict:
        return {
            "file": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message,
        }


@dataclass
class Problems:
    """Collects problems for many files; never raises."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, column: int, code: str, message: str) -> None:
        self.items.append(Problem(path, max(1, line), max(1, column), code, message))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))

    def for_path(self, path: str) -> list[Problem]:
        return [p for p in self.items if p.path == path]
