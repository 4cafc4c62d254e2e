"""A corpus with planted near-duplicates, for comparing ways of finding them."""

from __future__ import annotations

import random

WORDS = [
    "port",
    "harbour",
    "storm",
    "coast",
    "guard",
    "piers",
    "fuel",
    "depot",
    "officials",
    "repairs",
    "month",
    "government",
    "funds",
    "fishermen",
    "closure",
    "prices",
    "crab",
    "crews",
    "debts",
    "governor",
    "visit",
    "cooperative",
    "boats",
    "week",
    "minister",
    "talks",
    "dam",
    "river",
    "water",
    "filling",
    "agreement",
    "council",
    "statement",
    "power",
    "reservoir",
]


def planted_texts(n: int = 240, seed: int = 7) -> list[str]:
    """`n` texts: originals of 40-160 words, and copies with a few words changed, a
    paragraph added (containment), or cut short; a few empty or one-word texts."""
    rng = random.Random(seed)
    texts: list[str] = []
    for k in range(n):
        roll = rng.random()
        if texts and roll < 0.35:
            words = rng.choice(texts).split()
            for _ in range(rng.randint(0, 6)):
                if words:
                    words[rng.randrange(len(words))] = rng.choice(WORDS)
            if rng.random() < 0.3:
                words += [rng.choice(WORDS) for _ in range(rng.randint(20, 80))]
            if rng.random() < 0.2:
                words = words[: max(1, len(words) // 2)]
            texts.append(" ".join(words))
        elif roll < 0.38:
            texts.append("" if k % 2 else rng.choice(WORDS))
        else:
            texts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 160))))
    return texts
