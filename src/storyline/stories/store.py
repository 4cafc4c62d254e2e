"""`StoryStore`: the store of one story, which grows as articles are added.

It is the prepare cache (`storyline.store.Store`, whose `search` it keeps) plus the articles the
story holds: `add` puts articles in, `corpus` and `build` read them out. Exported as
`storyline.Store`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.config import Config
from storyline.model import Timeline
from storyline.progress import ProgressLike
from storyline.store import Store as CacheStore
from storyline.store import StoreError
from storyline.stories.collection import AddReport, add_articles, stored_corpus

if TYPE_CHECKING:
    from storyline.pipeline import PreparedCorpus

STORY = "story"  # the id of the one story a store built with `build --store` keeps


class StoryStore(CacheStore):
    """A story's SQLite store. Use as a context manager, or call `close()`."""

    def add(
        self,
        paths: Sequence[str | Path],
        config: Config | None = None,
        progress: ProgressLike = None,
    ) -> AddReport:
        """Add the articles under `paths` (files or folders), prepared under `config`.

        Idempotent (an article the store holds is not prepared or stored again) and safe to
        kill: each batch is one transaction, and a re-run adds exactly what is missing."""
        return add_articles(self, paths, config, progress)

    def corpus(self, config: Config | None = None, progress: ProgressLike = None) -> PreparedCorpus:
        """The prepared corpus of every article the store holds (and every skipped input)."""
        return stored_corpus(self, config, progress)

    def build(self, config: Config | None = None, progress: ProgressLike = None) -> Timeline:
        """The timeline of what the store holds: the same as `storyline.build` over the files
        added, apart from run metadata. Raises StoreError when the store holds nothing."""
        from storyline.pipeline import timeline_from

        self.check_not_empty()
        return timeline_from(self.corpus(config, progress), config, progress)

    def check_not_empty(self) -> None:
        """Raise StoreError, saying how to add articles, when the store holds no input."""
        if not self.member_paths() and not self.conn.execute("SELECT 1 FROM skips").fetchone():
            raise StoreError(
                f"the store {self.path} holds no article. Fix: add some with "
                f"`storyline add ARTICLES... --store {self.path}`"
            )

    # -- the last timeline of each story -------------------------------------------
    def last_timeline(self, story: str = STORY) -> dict[str, Any] | None:
        """The `timeline.json` document of `story`'s last remembered build, or None."""
        row = self.conn.execute("SELECT timeline FROM stories WHERE id = ?", (story,)).fetchone()
        if row is None:
            return None
        doc = json.loads(row[0])
        return doc if isinstance(doc, dict) else None

    def changes(self, timeline: Timeline, story: str = STORY) -> dict[str, Any]:
        """What changed in `timeline` since `story`'s last remembered build (`changes.json`)."""
        from storyline.render import to_json_dict
        from storyline.stories.changes import diff_timelines

        return diff_timelines(self.last_timeline(story), to_json_dict(timeline))

    def remember(self, timeline: Timeline, story: str = STORY) -> None:
        """Keep `timeline` as `story`'s last build (what the next `changes` compares with)."""
        from storyline.render import to_json_dict

        self.remember_document(
            story,
            timeline.story.title,
            remembered_text(to_json_dict(timeline)),
            [a.id for a in timeline.articles],
        )

    def remember_document(
        self, story: str, title: str, document: str, articles: Sequence[str]
    ) -> None:
        """`remember` from what was kept of a timeline built elsewhere (a worker): its title,
        its `timeline.json` document as `remembered_text` gives it, the ids of its articles."""
        built = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.atomic():
            self.conn.execute(
                "INSERT INTO stories (id, title, timeline, built) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
                "timeline = excluded.timeline, built = excluded.built",
                (story, title, document, built),
            )
            self.conn.execute("DELETE FROM story_articles WHERE story = ?", (story,))
            self.conn.executemany(
                "INSERT INTO story_articles (story, article) VALUES (?, ?)",
                [(story, a) for a in articles],
            )


def remembered_text(document: dict[str, Any]) -> str:
    """How a story's last `timeline.json` document is kept in the store."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True)


Store = StoryStore  # `storyline.Store`
