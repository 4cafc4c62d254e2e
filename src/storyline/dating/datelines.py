"""Where a page prints its own publication date: a ` date YYYY-MM-DD` header, a dateline
(`MOSCOW Tue Jan 21, 2014 8:16am EST`, `LONDON, March 29 (Reuters) -`), a byline or
timestamp line near the top (`Published 3 May 2019`, `00:23 GMT29 July 2021`) and a URL
path (`/2019/01/11/`). Date strings are read by `scan`; whether a candidate is trustworthy
is decided by `pubdate`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.data import agencies, weekdays
from storyline.dating.scan import WEEKDAYS, DateMatch, scan_dates, valid_date

__all__ = [
    "Found",
    "find_bylines",
    "find_datelines",
    "find_header",
    "find_published_notes",
    "find_url_date",
]


# -- places where a page prints its own date ------------------------------------------


@dataclass(frozen=True)
class Found:
    """A publication-date candidate printed on the page.

    `how` is header | dateline | byline | url. `match` holds the fields read
    (year may be None for a partial dateline such as `LONDON, March 29 (Reuters) -`).
    `clock` is True when a time of day is printed with it (a page or crawl clock
    looks like this too).
    """

    how: str
    match: DateMatch
    line: str
    clock: bool = False
    lead_weekday: int | None = None  # weekday named in the lead after a dateline


_HEADER = re.compile(r"\A\s*date:?\s+(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}T|GMT|UTC|Z)?"
    r"|\b\d{3,4}\s*(?:[A-Z]{2,4}T|GMT|UTC)\b",
    re.IGNORECASE,
)
# An all-caps place (one to four words) opening a line: the dateline's city.
_CLOCK_AFTER = re.compile(
    r"\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}T|GMT|UTC|BST|CET)?",
    re.IGNORECASE,
)
_STAMP_CLOCK = re.compile(
    r"\s*[;,]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:[A-Z]{2,4}T|GMT|UTC|BST|CET|ET)?",
    re.IGNORECASE,
)
_CITY = r"(?P<city>[A-Z][A-Z.'’-]+(?:[ ]+[A-Z][A-Z.'’-]+){0,3})"
_CITY_AT_START = re.compile(rf"[ \t]*{_CITY}")
# `BOISE, Idaho | Fri Jul 30, 2010 12:36am BST`: the Reuters web dateline, found anywhere
_PIPE_DATELINE = re.compile(
    rf"(?<![A-Za-z]){_CITY}(?:\s?,\s?[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?\s*\|\s*"
)
_REGION = re.compile(r"(?:[A-Z][A-Za-z.]+\.?\s?){1,2}")
_BYLINE_WORDS = re.compile(
    r"\b(published|posted|updated|last updated|first published|date|on|by|am|pm|edt|est|gmt|"
    r"utc|bst|cet|news story)\b",
    re.IGNORECASE,
)
_TWO_DIGIT_NUM = re.compile(r"(?<![\d/])(\d{1,2})([/-])(\d{1,2})\2(\d{2})(?![\d/-])")
_UPDATED = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.IGNORECASE)
_PROSE_WORD = re.compile(r"\b[a-z][A-Za-z]*\b")  # prose has lower-case words; titles few


def find_header(raw_text: str) -> Found | None:
    """A ` date YYYY-MM-DD` header at the very start of a scraped text."""
    m = _HEADER.match(raw_text)
    if not m:
        return None
    y, mo, d = (int(x) for x in m.group(1).split("-"))
    if not valid_date(y, mo, d):
        return None
    dm = DateMatch(m.start(1), m.end(1), m.group(1), y, mo, d)
    return Found("header", dm, m.group(0).strip())


def _top_lines(text: str, max_chars: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text[:max_chars].splitlines(keepends=True):
        if line.strip():
            out.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    return out


_LEAD_WEEKDAY = re.compile(rf"\b({'|'.join(d.capitalize() for d in weekdays())})\b")
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s")


def _lead(text: str, pos: int, max_chars: int = 400) -> str:
    """The first sentence after `pos` (the story's lead, after a dateline)."""
    window = text[pos : pos + max_chars]
    m = _SENTENCE_END.search(window)
    return window[: m.end()] if m else window


# the first word of a capitalised line that is not a dateline place: an agency ("REUTERS"),
# a page-chrome word, a time zone
_NOT_PLACES = frozenset(
    {s.split()[0].upper() for spellings in agencies().values() for s in spellings if s.isupper()}
    | {"BY", "UPDATED", "PUBLISHED", "POSTED", "LAST", "FIRST", "PHOTO", "VIDEO", "READ", "MORE",
       "UPDATE", "EST", "GMT", "UTC", "BST", "EDT", "PM", "AM", "REUTERS", "XINHUA", "DPA"}
)  # fmt: skip


def _is_place(city: str) -> bool:
    """A dateline place is written in capitals and is not an agency or a chrome word."""
    if not any(c.isupper() for c in city[1:3]):
        return False
    return city.split()[0].strip(".,").upper() not in _NOT_PLACES


def _dateline_after(text: str, city_start: int, city_end: int, limit: int) -> Found | None:
    """The dateline whose place ends at `city_end`, if a day date follows it (after at
    most a region: `NAIROBI, Kenya, Jan. 5, 2014`, `BOISE, Idaho | Fri Jul 30, 2010`)."""
    rest = text[city_end : min(limit, city_end + 70)]
    dates = [d for d in scan_dates(rest) if d.day is not None]
    if not dates:
        return None
    d = dates[0]
    prefix = rest[: d.start].strip(" ,.|")
    if prefix and not _REGION.fullmatch(prefix):
        return None  # words between the place (and region) and the date: not a dateline
    start, end = city_end + d.start, city_end + d.end
    match = DateMatch(start, end, d.text, d.year, d.month, d.day, d.weekday)
    clock = _CLOCK_AFTER.match(text, end)
    stop = clock.end() if clock else end
    lead = _LEAD_WEEKDAY.search(_lead(text, stop))
    wd = WEEKDAYS[lead.group(1).lower()] if lead else None
    return Found("dateline", match, text[city_start:stop].strip(), bool(clock), wd)


def find_datelines(text: str, max_chars: int = 2500) -> list[Found]:
    """Datelines near the top: a place in capitals followed by a date, e.g.
    `MOSCOW Tue Jan 21, 2014 8:16am EST`, `LONDON, March 29 (Reuters) -` or, anywhere in
    the first lines, `WASHINGTON | Tue May 18, 2010 7:56am EDT`. `Found.line` is the
    dateline itself (place, date and clock), not the whole line."""
    out: dict[int, Found] = {}
    for offset, line in _top_lines(text, max_chars):
        m = _CITY_AT_START.match(line)
        if not m or not _is_place(m.group("city")):
            continue
        f = _dateline_after(text, offset + m.start("city"), offset + m.end(), offset + len(line))
        if f is not None:
            out.setdefault(f.match.start, f)
    head = text[: min(max_chars, 600)]
    for m in _PIPE_DATELINE.finditer(head):
        if not _is_place(m.group("city")):
            continue
        f = _dateline_after(text, m.start("city"), m.end(), m.end() + 70)
        if f is not None and f.match.start - m.end() <= 1:
            out.setdefault(f.match.start, f)
    return [out[k] for k in sorted(out)]


def find_bylines(text: str, max_chars: int = 1500, max_line: int = 250) -> list[Found]:
    """Short lines near the top that carry a full date and little prose (a byline,
    a `Published ...` stamp, a wire header such as `Acme Corp. 11/02/89 WALL STREET
    JOURNAL (J)`, a timestamp or page clock such as `00:23 GMT29 July 2021`). Only
    lower-case words count as prose: a title or chrome in capitals may share the line."""
    out: list[Found] = []
    for offset, line in _top_lines(text, max_chars):
        if len(line.strip()) > max_line:
            continue
        dates = [d for d in scan_dates(line) if d.year is not None and d.day is not None]
        if not dates:
            m2 = _TWO_DIGIT_NUM.search(line)
            if not m2:
                continue
            a, b, yy = int(m2.group(1)), int(m2.group(3)), int(m2.group(4))
            year = 1900 + yy if yy >= 50 else 2000 + yy
            if not valid_date(year, a, b):
                continue
            dates = [DateMatch(m2.start(), m2.end(), m2.group(0), year, a, b)]
        d = dates[0]
        rest = line[: d.start] + " " + line[d.end :]
        clock = bool(_CLOCK.search(rest))
        leftover = _CLOCK.sub(" ", rest)
        leftover = _BYLINE_WORDS.sub(" ", leftover)
        words = _PROSE_WORD.findall(leftover)
        if len(words) > 3 or (words and line.rstrip().endswith((".", "!", "?"))):
            continue  # a sentence that happens to contain a date, not a stamp
        shifted = DateMatch(offset + d.start, offset + d.end, d.text, d.year, d.month, d.day)
        out.append(Found("byline", shifted, line.strip(), clock))
    seen = {f.match.start for f in out}
    out += [f for f in _inline_stamps(text) if f.match.start not in seen]
    # an "Updated ..." stamp is later than publication: try the others first
    return sorted(out, key=lambda f: bool(_UPDATED.search(f.line)))


def _inline_stamps(text: str, max_chars: int = 600) -> list[Found]:
    """Timestamps run into the text near its start (pages flattened to one paragraph):
    a weekday, a full date and a time of day, as in `Friday 10 September 2010 18.59 BST`
    or `Friday, October 29, 2010; 10:22 AM`. Stamps marked "updated" are left out, and
    all are when they give different days (a list of other stories)."""
    out: list[Found] = []
    for d in scan_dates(text[:max_chars]):
        if d.weekday is None or d.year is None or d.day is None:
            continue
        clock = _STAMP_CLOCK.match(text, d.end)
        if clock is None or _UPDATED.search(text[max(0, d.start - 15) : d.start]):
            continue  # no time of day, or an "updated:" stamp (of this or a listed story)
        out.append(Found("byline", d, text[d.start : clock.end()].strip(), True))
    if len({f.match.interval for f in out}) > 1:
        return []  # several stamps with different days: a list of other stories
    return out


# "This article was first published in print on 30 March 2019", "This story was first
# published on 9 August 2021 and has been updated", "Originally published on March 3, 2019".
_PUBLISHED_NOTE = re.compile(
    r"\b(?:(?:first|originally) published|was published|first appeared)"
    r"(?: in print| online| in (?:the )?[A-Z][\w ]{1,30}?)? on\s+",
    re.IGNORECASE,
)


def find_published_notes(text: str) -> list[Found]:
    """A note stating when the article was first published: "This article was first
    published in print on 30 March 2019". Read anywhere (such notes close a story); only a
    full date right after the phrase counts."""
    out: list[Found] = []
    for m in _PUBLISHED_NOTE.finditer(text):
        dates = [d for d in scan_dates(text[m.end() : m.end() + 40]) if d.start == 0]
        d = dates[0] if dates else None
        if d is None or d.year is None or d.day is None:
            continue
        start, end = m.end() + d.start, m.end() + d.end
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", end)
        line = text[line_start : line_end if line_end != -1 else len(text)].strip()
        match = DateMatch(start, end, d.text, d.year, d.month, d.day, d.weekday)
        out.append(Found("byline", match, line))
    return out


_URL_PATTERNS = [
    re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?:[/._-]|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:[/._-]|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?!\d)"),
]


def find_url_date(url: str | None) -> Found | None:
    """A date in a URL path (`/2019/01/11/`, `-20190111-`, `/2019/01/`)."""
    if not url:
        return None
    for pat in _URL_PATTERNS:
        m = pat.search(url)
        if not m:
            continue
        gd = m.groupdict()
        y, mo = int(gd["y"]), int(gd["m"])
        d = int(gd["d"]) if gd.get("d") else None
        if valid_date(y, mo, d):
            return Found("url", DateMatch(m.start(), m.end(), m.group(0), y, mo, d), url)
    return None


# "© 2019 Lisvanian Press", "Copyright (c) 2018-2022 X", "© National Tribune 2024": a line
# of its own
_COPYRIGHT_LINE = re.compile(
    r"^[ \t]*(?:©|\([cC]\)|[Cc]opyright)(?:[ \t]*(?:©|\([cC]\)))?[ \t]*"
    r"(?:(?:(?:19|20)\d\d)[ \t]*[-–][ \t]*)?(?P<year>(?:19|20)\d\d)?"
    r"(?P<rest>[^\n]{0,80})$",
    re.MULTILINE,
)
_TRAILING_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d\d)\b[.\s]*(?:All rights reserved\.?)?\s*$")


def copyright_year(text: str) -> int | None:
    """The year of the page's copyright line (the last one, the page's own footer), or None:
    the year a wire story printed with a year-less dateline ("MAY 14 (Wire) -") was
    written in, or the year before (an archive page can be stamped later)."""
    year = None
    for m in _COPYRIGHT_LINE.finditer(text):
        if m.group("year"):
            year = int(m.group("year"))
        elif (t := _TRAILING_YEAR.search(m.group("rest"))) is not None:
            year = int(t.group("year"))
    return year
