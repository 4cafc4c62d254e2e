"""Module-level functions the executor tests send to worker processes.

The tests put this directory on sys.path; "spawn" workers inherit sys.path, so they can import it.
"""

from __future__ import annotations

import os

from storyline.nlp import load_nlp

_INIT_VAR = "STORYLINE_TEST_INIT_CALLS"  # an env var, not a global: Ray may copy this module


def _init_calls() -> int:
    return int(os.environ.get(_INIT_VAR, "0"))


def square(x: int) -> int:
    return x * x


def fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError(f"item {x} is bad")
    return x


def die(x: int) -> int:
    os._exit(13)  # simulate a worker killed mid-item (as by the OOM killer)


def count_init() -> None:
    os.environ[_INIT_VAR] = str(_init_calls() + 1)


def init_calls(_: int) -> tuple[int, int]:
    return os.getpid(), _init_calls()


def warm_spacy() -> None:
    count_init()
    load_nlp()


def spacy_loads(_: int) -> tuple[int, int, int]:
    load_nlp()
    return os.getpid(), _init_calls(), load_nlp.cache_info().misses


def spacy_digest(text: str) -> str:
    """Everything spaCy decides about a text, as one string."""
    doc = load_nlp()(text)
    tokens = " ".join(
        f"{t.text}/{t.tag_}/{t.dep_}/{t.head.i}/{t.ent_iob_}{t.ent_type_}" for t in doc
    )
    sents = "|".join(f"{s.start_char}-{s.end_char}" for s in doc.sents)
    return f"{tokens}\n{sents}"


TEXTS = [
    "Tokyo said on Tuesday that talks with Moscow over the four islands would resume in March.",
    "The foreign ministers met in Singapore in November 2018 and agreed to speed up negotiations.",
    "A fishing boat from Hokkaido was detained near Kunashir, officials in Sapporo reported.",
    "Russia's defence ministry announced new coastal missile batteries on Iturup last year.",
    "Former residents, now in their eighties, asked to visit family graves on the islands.",
    "The 1956 joint declaration promised two islands after a peace treaty was signed.",
    "Analysts in Vladivostok doubted that a deal could be reached before the summer.",
    "Prime Minister Abe and President Putin held their 25th meeting in Moscow in January.",
]


def bad_init() -> None:
    raise RuntimeError("model not found")
