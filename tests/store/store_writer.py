"""Run as a script by the store tests: one process writing and reading a shared store.

python store_writer.py DB_PATH FIRST COUNT ROUNDS
"""

from __future__ import annotations

import sys

from storyline.model import Article
from storyline.store import Store


def make(i: int) -> Article:
    text = f"Report number {i} on the talks. " * 20
    return Article(id=f"a{i:05d}", path=f"in/{i}.txt", raw_text=text, text=text)


def main(path: str, first: int, count: int, rounds: int) -> None:
    articles = [make(i) for i in range(first, first + count)]
    with Store(path, batch_size=25) as store:
        for _ in range(rounds):
            store.put_many(articles, "fp")
            got = store.get_many([a.id for a in articles], "fp")
            assert list(got.values()) == articles, "read back differs"
    print("ok")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
