"""The CLI's progress bars: one tqdm bar per pipeline stage (the library only reports stages
through `storyline.progress.Progress`)."""

from __future__ import annotations

import sys
from typing import IO, Any

UNITS = {"read": "input", "prepare": "article", "render": "file", "timelines": "story"}


class TqdmProgress:
    """`stage(name, total)` closes the previous bar and opens one for the new stage;
    `advance(n)` moves it. `disable=None` shows bars only on a terminal."""

    def __init__(self, disable: bool | None = None, file: IO[str] | None = None) -> None:
        self.disable = disable
        self.file = file if file is not None else sys.stderr
        self.bar: Any = None
        self.stages: list[str] = []

    def stage(self, name: str, total: int | None = None) -> None:
        from tqdm import tqdm

        self.close()
        self.stages.append(name)
        self.bar = tqdm(
            total=total,
            desc=f"storyline {name}",
            unit=UNITS.get(name, "step"),
            disable=self.disable,
            file=self.file,
            leave=False,
            dynamic_ncols=True,
        )

    def advance(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def __enter__(self) -> TqdmProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
