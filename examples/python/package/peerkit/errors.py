"""peerkit's errors: invalid data raises Error, with every problem found in one pass."""

from typing import Iterable, NamedTuple


class Problem(NamedTuple):
    """One thing wrong with the input."""

    id: str
    """A stable identifier, such as ``"data.out_of_range"`` (docs/errors.md lists them)."""
    location: str
    """Where: a path into the data, such as ``"students[12].grades.math"``."""
    message: str
    """What was expected and what was found."""

    def __str__(self) -> str:
        place = f"{self.location}: " if self.location else ""
        return f"{place}{self.message} [{self.id}]"


class Error(ValueError):
    """Invalid data; ``problems`` holds every problem found, in the order found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = [Problem(*p) for p in problems]
        super().__init__(self.problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
