"""Reading TimeML documents (TempEval-3 format): the text of <TEXT> with the TIMEX3 spans in it.

    doc = read_timeml("APW19980807.0261.tml")
    doc.text[doc.timexes[0].start:doc.timexes[0].end] == doc.timexes[0].text

Offsets are character offsets into `doc.text`, the decoded content of the <TEXT> element with
every tag removed (entities such as ``&amp;`` decoded). The document creation time is the value
of the TIMEX3 whose ``functionInDocument`` is ``CREATION_TIME``; it is never one of `timexes`.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import InputError

_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class GoldTimex:
    """One TIMEX3 annotation: its span in the document text and its attributes."""

    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str = ""


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML document: name, plain text of <TEXT>, DCT, and the TIMEX3 spans in the text."""

    name: str
    text: str
    dct_value: str
    timexes: tuple[GoldTimex, ...]

    @property
    def dct(self) -> dt.date | None:
        """The DCT as a date (its day part), or None when missing or not a calendar day."""
        m = _DATE_PREFIX.match(self.dct_value)
        if not m:
            return None
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _walk(elem: ET.Element, parts: list[str], pos: list[int], out: list[GoldTimex]) -> None:
    """Append elem's text to parts, recording TIMEX3 offsets (pos[0] is the running length)."""
    start = pos[0]
    if elem.text:
        parts.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        _walk(child, parts, pos, out)
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)
    if _local(elem.tag) == "TIMEX3" and elem.get("functionInDocument") != "CREATION_TIME":
        text = "".join(parts)[start : pos[0]]
        out.append(
            GoldTimex(
                start=start,
                end=pos[0],
                text=text,
                type=elem.get("type", ""),
                value=elem.get("value", ""),
                tid=elem.get("tid", ""),
            )
        )


def parse_timeml(xml_text: str, name: str = "") -> TimeMLDocument:
    """Parse the text of one TimeML document."""
    try:
        root = ET.fromstring(xml_text)
    except ET.ParseError as e:
        raise InputError(
            f"{name or 'TimeML input'} is not well-formed XML ({e}): fix the file"
        ) from e
    dct_value = ""
    for el in root.iter():
        if _local(el.tag) == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME":
            dct_value = el.get("value", "")
            break
    text_el = next((el for el in root.iter() if _local(el.tag) == "TEXT"), None)
    if text_el is None:
        raise InputError(f"{name or 'TimeML input'} has no <TEXT> element: is it TimeML?")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(text_el, parts, [0], timexes)
    timexes.sort(key=lambda t: (t.start, t.end))
    return TimeMLDocument(
        name=name, text="".join(parts), dct_value=dct_value, timexes=tuple(timexes)
    )


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Read one .tml file."""
    p = Path(path)
    try:
        data = p.read_text(encoding="utf-8")
    except OSError as e:
        raise InputError(f"cannot read TimeML file {p}: {e}") from e
    return parse_timeml(data, name=p.stem)


def read_timeml_dir(path: str | Path) -> Iterator[TimeMLDocument]:
    """Read every *.tml file under a directory, sorted by path."""
    root = Path(path)
    if not root.is_dir():
        raise InputError(f"{root} is not a directory of TimeML (.tml) files")
    for p in sorted(root.rglob("*.tml")):
        yield read_timeml(p)
