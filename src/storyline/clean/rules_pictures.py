"""The picture rules: captions and photo credits, which pages print beside the story text.

`PICTURE_RULES` take their place in `clean.rules.RULES`; `cut_picture_credit` cuts a credit
that an extraction glued before the first story sentence.
"""

from __future__ import annotations

import re

from storyline.clean.paragraphs import word_count
from storyline.clean.rule import Rule
from storyline.data import months, picture_agencies

_I = re.IGNORECASE
# Names in picture credits ("REUTERS/Jane Doe"): `storyline/data/agencies.toml`
_PICTURE_AGENCIES = "|".join(re.escape(name) for name in picture_agencies())
_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in months()), key=lambda w: (-len(w), w)))

PICTURE_RULES: tuple[Rule, ...] = (
    # Photo captions end or contain a photo credit "AGENCY/Photographer".
    Rule(
        "caption",
        "photo credit inside a caption",
        re.compile(
            rf"(?:\b(?:{_PICTURE_AGENCIES})\s?/\s?[A-Z]|"
            r"\((?:file )?(?:photo|picture|image|pic)s?(?: by)?:[^)]*\)|\bvia Getty Images\b)"
        ),
        max_words=80,
        needs=("/", "(photo", "(picture", "(image", "(pic", "(file", "getty"),
    ),
    # Wire-photo captions: one sentence that ends with the day the picture was taken,
    # "Ships wait at anchor off the port, March 8, 2021." (a story sentence says "on March
    # 8" or "on Monday, March 8"), optionally followed by the photographer's credit
    # "NordWire/Ole Berg" or "Photo: NordWire/Ole Berg".
    Rule(
        "caption",
        "caption ending with the picture's date",
        re.compile(
            rf"^[^.!?]+(?<!day), (?:{_MONTH_NAMES}) \d{{1,2}}, \d{{4}}\."
            r"(?:\s+(?:(?:Photo|Picture|Image|Credit)s?:\s*)?"
            r"(?:[A-Z][\w.&-]*\s?)+/\s?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\.?)?$"
        ),
        max_words=60,
        needs=(", 1", ", 2", ", 3", ", 4", ", 5", ", 6", ", 7", ", 8", ", 9"),
    ),
    # Caption wording: "..., in a picture taken from a video", "in this handout photo".
    Rule(
        "caption",
        "caption wording",
        re.compile(
            r"\bin (?:a|this) (?:(?:undated|file|handout) )*(?:picture|photo|photograph|image|"
            r"still|screen ?grab)(?: image)? (?:taken|released|provided|obtained|made available|"
            r"distributed|posted)\b",
            _I,
        ),
        max_words=60,
        needs=("picture", "photo", "image", "still", "grab"),
    ),
    # Credit lines under pictures: "Credit: ...", "Photo: ...", "Image courtesy ...".
    Rule(
        "credit",
        "picture credit line",
        re.compile(
            r"^(?:(?:photo|picture|image|photograph|video|graphic|illustration|file photo)s?\s*"
            r"(?:credits?|courtesy|by)?|credits?|courtesy(?: of)?)\s*:",
            _I,
        ),
        max_words=25,
    ),
    # Unlabelled picture credits: "Press Service of the Government", "Handout via ...".
    Rule(
        "credit",
        "press-office picture credit",
        re.compile(r"^(?:press[ -](?:service|office)|handout|courtesy)\b[^.!?]*$", _I),
        max_words=12,
    ),
    Rule(
        "credit",
        "picture agency credit",
        re.compile(r"^(?:photo|picture|image)s?\s*(?:©|courtesy|by)\b", _I),
        max_words=15,
    ),
)


# A picture credit glued before story text, as some extractions leave it:
# "Photograph: Jane Doe/Reuters The talks resumed on Monday." The credit ends at the first
# picture agency; what follows must start like a sentence.
PICTURE_CREDIT_PREFIX_RE = re.compile(
    r"^(?i:photograph|photo|picture|image|credit)s?\s*:\s*.{0,80}?(?:\b|\\?/)"
    rf"(?:{_PICTURE_AGENCIES})\s+(?=[A-Z\"'`‘“])"
)
_PREFIX_MIN_WORDS = 4


def cut_picture_credit(paragraph: str) -> str | None:
    """The story text after a leading picture credit, or None when there is none."""
    m = PICTURE_CREDIT_PREFIX_RE.match(paragraph)
    if m is None:
        return None
    rest = paragraph[m.end() :]
    return rest if word_count(rest) >= _PREFIX_MIN_WORDS else None
