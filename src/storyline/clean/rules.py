"""The boilerplate rules: what a paragraph of non-story text looks like, and its kind.

Each rule is data: a kind (reported in `Article.removed`), a regular expression searched in
one whitespace-normalised paragraph (or a predicate), the longest paragraph it may remove
(in words, so that a story paragraph that merely mentions "sign up" or "comments" is never
taken) and whether the matched paragraph names agencies the article credits. Rules are
tried in order; the first that matches decides the kind.

Some rules open a comment thread (`opens`): after a thread heading ("Comments (12)") the
rest of its block (text up to the next blank line) is comments, provided enough story text
came before; after a commenter's handle ("jdoe wrote:") the following paragraphs of its
block, up to the next recognised line, are the comment (see `clean.structure`). Threads
are bounded by blocks, not run to the end of the text, so that story paragraphs placed
after a comment widget are never lost.
"""

from __future__ import annotations

import functools
import re

from storyline.clean.paragraphs import word_count
from storyline.clean.rule import Rule
from storyline.clean.rules_pictures import PICTURE_RULES
from storyline.clean.shapes import is_agency_line, is_date_line, is_tag_list

_I = re.IGNORECASE
_SEGMENT = r"[\w'’&.-]+(?: [\w'’&.-]+){0,3}"


# -- the rules, in the order they are tried -----------------------------------------------

RULES: tuple[Rule, ...] = (
    # Comment threads: a heading with a count ("Comments (12)", "3 comments") or the
    # buttons that open one; the rest of their block is reader comments.
    Rule(
        "comments",
        "comment-thread heading",
        re.compile(r"^(?:\d+\s+)?comments?\s*(?:\(\d+\)|:)?$", _I),
        max_words=3,
        opens="block",
    ),
    Rule(
        "comments",
        "comment-thread button",
        re.compile(
            r"^(?:show|view|load|read|see|hide|post|add|leave|write|join)\s+(?:all\s+|more\s+|a\s+|"
            r"the\s+|your\s+|\d+\s+)*(?:comments?|repl(?:y|ies)|discussion|conversation)\b",
            _I,
        ),
        max_words=8,
        opens="block",
    ),
    # "Community standards" / "Discussion" tabs above a comment widget (often glued).
    Rule(
        "comments",
        "comment-widget tabs",
        re.compile(
            r"^(?:community (?:standards|guidelines)|discussion)(?:\s*(?:community (?:standards|"
            r"guidelines)|discussion|comments?))*$",
            _I,
        ),
        max_words=6,
        opens="block",
    ),
    # Comment policy blurbs and the end-of-thread notice (long, so no small word limit).
    Rule(
        "comments",
        "comment policy",
        re.compile(
            r"^(?:we welcome comments|views expressed in the comments|"
            r"this discussion is now closed|"
            r"comments? (?:are|is) (?:now )?closed|comments? on this (?:article|story) (?:are|is)|"
            r"please (?:read|follow) our (?:comment|community)|we encourage readers to|"
            r"please flag any comment)",
            _I,
        ),
        max_words=90,
    ),
    # "jdoe wrote:" - a commenter's handle introducing a comment.
    Rule(
        "comments",
        "commenter handle",
        re.compile(r"^\S{1,40}(?: \S{1,40}){0,2} (?:wrote|writes|replied|commented|says):$", _I),
        max_words=6,
        opens="reply",
    ),
    # Comment footers: "Jan 21, 2014 10:03am EST -- Report as abuse", "Reply | Flag".
    Rule(
        "comments",
        "comment footer",
        re.compile(r"\breport as abuse\b|(?:^|[-–—|]\s*)report abuse$", _I),
        max_words=20,
        needs=("abuse",),
    ),
    # "Read more: <headline>", "READ MORE: ...", "See also - ...": links to other articles.
    Rule(
        "read-more",
        "read-more link",
        re.compile(
            r"^(?:read more|read also|also read|see also|more on this(?: story)?|more:|"
            r"related(?: articles?| stories| story| coverage| content)?|recommended(?: reading)?|"
            r"watch(?: video)?|listen|opinion|explainer|analysis|more explainers)\s*[:\-–—»|]",
            _I,
        ),
        max_words=30,
    ),
    Rule(
        "read-more",
        "bare read-more label",
        re.compile(r"^(?:read more|continue reading|read the full (?:story|article))\W*$", _I),
        max_words=5,
    ),
    # Correction and amendment notes: about the article, not the story, and dated by
    # their own day ("Correction, 4 November 2023: An earlier version of this article ...").
    Rule(
        "correction",
        "correction note",
        re.compile(
            r"^(?:corrections?|clarification|editor'?s note)\b[^:]{0,40}:\s*|"
            r"^this (?:article|story|report) (?:was|has been) (?:amended|corrected|updated)\b|"
            r"^an? (?:earlier|previous) version of this (?:article|story|report)\b",
            _I,
        ),
        max_words=60,
        needs=("correct", "amended", "version of this", "clarification", "editor"),
    ),
    # Related-article blurbs end with the other article's date: "... (18.12.2018)".
    Rule(
        "related",
        "blurb ending in a date",
        re.compile(
            r"\((?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|"
            r"\d{1,2} [A-Z][a-z]{2,8},? \d{4})\)$"
        ),
        max_words=80,
        needs=(")",),
    ),
    # Headline links flagged with the medium: "Protest in the capital (PHOTOS)".
    Rule(
        "related",
        "media-flagged headline",
        re.compile(r"\((?:PHOTOS?|VIDEOS?|WATCH|LIVE|GALLERY|INFOGRAPHIC|POLL|AUDIO|PODCAST)\)$"),
        max_words=30,
        needs=(")",),
    ),
    *PICTURE_RULES,
    # Newsletter plugs: an invitation to sign up/subscribe plus what is sent.
    Rule(
        "newsletter",
        "sign-up invitation",
        re.compile(
            r"^(?=.*\b(?:sign(?:ing)? up|subscribe)\b)(?=.*\b(?:newsletters?|inbox|briefing|digest|"
            r"receive (?:it|them|our)|directly here|for free|our (?:daily|weekly))\b)",
            _I,
        ),
        max_words=60,
        needs=("sign up", "signing up", "subscribe"),
    ),
    Rule(
        "newsletter",
        "newsletter description",
        re.compile(
            r"^(?:every|each) (?:morning|evening|day|weekday|week)\b.*\b(?:editors?|team) "
            r"(?:sends?|delivers?|selects?)\b",
            _I,
        ),
        max_words=60,
    ),
    # Page widgets: whole lines that are button or menu labels.
    Rule(
        "widget",
        "button or menu label",
        re.compile(
            r"^(?:listen live|get short url|short url|related topics|share(?: this| on \w+)?"
            r"(?: article| story| page| post)?|tweet|print(?: this)?(?: article| page)?|"
            r"e-?mail(?: this)?(?: article)?|whatsapp|facebook|twitter|telegram|linkedin|reddit|"
            r"copy link|link copied|advertisement|advert|skip to (?:main )?content|sign in|log in|"
            r"subscribe(?: now)?|(?:show|hide|toggle) caption|enlarge (?:this )?image|bookmark|"
            r"back to top|loading\W*|play video|watch video|most (?:read|popular|viewed)|"
            r"trending(?: now)?|top stories|more stories|you may also like|"
            r"recommended(?: for you)?|"
            r"share this with|font size|text size|next article|previous article|close)\W*$",
            _I,
        ),
        max_words=6,
    ),
    Rule(
        "widget",
        "share bar",
        re.compile(
            r"^share(?: this(?: \w+)?)?\s*:|^(?:(?:facebook|twitter|x|whatsapp|e-?mail|telegram|"
            r"linkedin|reddit|copy link|print)\s*(?:[|·•,]\s*|$)){2,}$",
            _I,
        ),
        max_words=12,
    ),
    # Breadcrumbs and section menus: short labels joined by | › » > ("Local | Economy").
    Rule(
        "widget",
        "breadcrumb or section menu",
        re.compile(rf"^{_SEGMENT}(?:\s*[|›»>]\s*{_SEGMENT}){{1,8}}$"),
        max_words=16,
        needs=("|", "›", "»", ">"),
    ),
    Rule("widget", "follow-us prompt", re.compile(r"^follow (?:us|\w+) on\b", _I), max_words=12),
    Rule(
        "widget",
        "media player fallback",
        re.compile(r"\byour browser does not support\b|\bplease enable javascript\b", _I),
        max_words=30,
        needs=("browser", "javascript"),
    ),
    # Tag lists: "Tags: a, b, c" or a bare comma list of short labels.
    Rule(
        "tags",
        "labelled tag list",
        re.compile(r"^(?:tags?|topics?|keywords?|filed under|categories|related tags)\s*:", _I),
        max_words=40,
    ),
    Rule("tags", "comma list of labels", test=is_tag_list, max_words=40, needs=(",",)),
    # Writer/editor credits: "(Writing by A; Editing by B)", "Reporting by A in Tokyo".
    Rule(
        "byline",
        "writing/editing credit",
        re.compile(
            r"^\(?(?:writing|reporting|editing|additional reporting|compiled|edited|written|"
            r"translated|research|production|graphics)(?: and \w+)? by\b[^()]*\)?\.?$",
            _I,
        ),
        max_words=45,
        credits=True,
    ),
    Rule(
        "byline",
        "based-on-reports credit",
        re.compile(
            r"^(?:based on|compiled from|with) (?:reporting|reports|material|information|files|"
            r"agency reports?) (?:by|from)\b",
            _I,
        ),
        max_words=30,
        credits=True,
    ),
    Rule(
        "byline",
        "contributed-to-this-report credit",
        re.compile(r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\W*$", _I),
        max_words=30,
        credits=True,
        needs=("contributed",),
    ),
    # Editors' initials and sources, as DW prints them: "ls/rt (Reuters, AFP)".
    Rule(
        "byline",
        "editor initials",
        re.compile(r"^[a-z]{1,4}(?:/[a-z]{1,4})+(?:\s*\([^)]*\))?$"),
        max_words=12,
        credits=True,
    ),
    Rule(
        "byline",
        "source line",
        re.compile(r"^(?:sources?|agencies|with agencies|additional reporting)\s*:", _I),
        max_words=15,
        credits=True,
    ),
    Rule(
        "byline",
        "author line",
        re.compile(
            r"^By [A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|al|bin|staff|reporters?|"
            r"correspondents?|writers?|and)){0,5}"
            r"(?:\s*(?:,|and|&|\||-|–|—)\s*[^.!?]*)?$"
        ),
        max_words=14,
        credits=True,
    ),
    Rule("byline", "agency-only line", test=is_agency_line, max_words=8, credits=True),
    # Date-only lines: print datelines and the crawler's clock ("00:23 GMT29 July 2021").
    Rule("dateline", "date/time-only line", test=is_date_line, max_words=12),
    # Site chrome: "<Site> - Latest News and Updates", copyright and footer links.
    Rule(
        "site-chrome",
        "site name with tagline",
        re.compile(
            r"^[^.!?]{2,50}\s[-|–—:]\s(?:your\s|the\s)?(?:latest|breaking|top|daily|online|world|"
            r"trusted|news)\b[^.!?]*\b(?:news|updates?|headlines|online|today|source)\s*$",
            _I,
        ),
        max_words=12,
    ),
    Rule(
        "site-chrome",
        "copyright notice",
        re.compile(r"^(?:©|\(c\)\s|copyright\b|all rights reserved)", _I),
        max_words=30,
    ),
    Rule(
        "site-chrome",
        "footer links",
        re.compile(
            r"^(?:terms of (?:use|service)|privacy policy|cookie (?:policy|settings)|contact us|"
            r"about us)(?:\s*[|·•]\s*.*)?$",
            _I,
        ),
        max_words=20,
    ),
)


_LONGEST = max(rule.max_words for rule in RULES)


@functools.lru_cache(maxsize=8192)
def first_rule(paragraph: str) -> Rule | None:
    """The first rule matching `paragraph`, or None when it may be story text.

    Cached: lines are tested when paragraphs are split and again when they are cleaned,
    and the same boilerplate lines recur across the articles of one outlet."""
    words = word_count(paragraph)
    if words > _LONGEST:
        return None
    lowered = paragraph.lower()
    for rule in RULES:
        if rule.matches(paragraph, words, lowered):
            return rule
    return None


# -- prefixes cut from a paragraph whose rest is story text --------------------------------
