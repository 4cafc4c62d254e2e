"""The SQLite store of prepared articles: the cache that makes re-runs incremental."""

from storyline.store.codec import CodecError, article_from_json, article_to_json
from storyline.store.migrations import StoreError
from storyline.store.search import SearchHit
from storyline.store.sqlite import RunRecord, Store

__all__ = [
    "CodecError",
    "RunRecord",
    "SearchHit",
    "Store",
    "StoreError",
    "article_from_json",
    "article_to_json",
]
