"""The WARC reader on WARC files written here with fastwarc: articles from HTML responses, the
crawl's headers kept as crawl metadata only, and every other record reported with a reason."""

from __future__ import annotations

import functools
import importlib.util
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.config import IngestConfig
from storyline.errors import MissingExtraError
from storyline.ingest import read_articles
from storyline.model import Article, Skip

sys.path.insert(0, str(Path(__file__).resolve().parent))
from warc_writer import Page, page_html, warc_bytes, write_warc  # needs the path above

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("fastwarc") is None, reason="pip install 'storyline[warc]'"
)

STORY = [
    "The ministers met in Khartoum on Monday and signed a declaration on the dam.",
    "Officials said the text set out principles for filling the reservoir.",
]
URL = "https://news.example/world/dam-declaration"


def _pages() -> list[Page]:
    return [
        Page("", b"software: tests\r\n", kind="warcinfo"),
        Page(URL, b"", kind="request"),
        Page(URL, page_html("Ministers sign dam declaration", STORY)),
        Page(URL + "-gone", b"<html><body>gone</body></html>", status="404 Not Found"),
        Page(URL + ".pdf", b"%PDF-1.4 " + bytes(100), content_type="application/pdf"),
        Page(
            "https://news.example/2015/03/23/second",
            page_html("Second", STORY[::-1], published="2015-03-23"),
            date="2015-03-24T08:00:00Z",
        ),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_articles_and_a_reason_for_every_other_record(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name, _pages())
    items = list(read_articles([path]))
    articles = [i for i in items if isinstance(i, Article)]
    skips = {
        i.path.rsplit("#", 1)[-1] if "#" in i.path else "file": i
        for i in items
        if isinstance(i, Skip)
    }
    assert [a.path for a in articles] == [f"{path}#R3", f"{path}#R6"]
    first, second = articles
    assert "Khartoum" in first.raw_text and first.url == URL
    # the WARC-Date is when the page was crawled, never when it was published
    assert str(first.crawled) == "2020-07-15" and first.given_date is None
    assert second.given_date == "2015-03-23" and str(second.crawled) == "2015-03-24"
    assert skips["R4"].reason == "http-status" and "404" in skips["R4"].detail
    assert skips["R5"].reason == "unsupported" and "application/pdf" in skips["R5"].detail
    assert skips["file"].reason == "not-article"
    assert "2 WARC record(s) (request: 1, warcinfo: 1)" in skips["file"].detail
    assert len(items) == 5  # 6 records: 2 articles, 2 skips, 2 counted in one skip


def test_plain_and_gzipped_give_the_same_articles(tmp_path: Path) -> None:
    plain = list(read_articles([write_warc(tmp_path / "a.warc", _pages())]))
    packed = list(read_articles([write_warc(tmp_path / "b.warc.gz", _pages())]))
    assert [a.id for a in plain if isinstance(a, Article)] == [
        a.id for a in packed if isinstance(a, Article)
    ]


def test_a_record_over_max_bytes_is_too_large_and_not_read(tmp_path: Path) -> None:
    big = Page(URL, page_html("Big", STORY * 200))
    path = write_warc(tmp_path / "big.warc.gz", [big, _pages()[2]])
    items = list(read_articles([path], IngestConfig(max_bytes=5000)))
    assert isinstance(items[0], Skip) and items[0].reason == "too-large"
    assert "ingest.max_bytes=5000" in items[0].detail
    assert isinstance(items[1], Article)


def test_a_truncated_file_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    data = warc_bytes(_pages()[2:4] + _pages()[2:3])
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-60])
    items = list(read_articles([path]))
    assert isinstance(items[0], Article)
    assert all(isinstance(i, Skip) for i in items[1:]) and len(items) >= 3
    assert items[-1].reason in ("unreadable", "malformed")


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"\x00\x01\x02" * 200, "malformed"), (b"WARC/1.1\r\nWARC-Ty", "malformed")],
)
def test_bad_files_are_skips(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    items = list(read_articles([path]))
    assert [type(i) for i in items] == [Skip] and items[0].reason == reason, items


def test_without_fastwarc_the_error_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_warc(tmp_path / "a.warc", _pages())
    monkeypatch.setitem(sys.modules, "fastwarc", None)  # as if not installed
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'storyline\[warc\]'"):
        list(read_articles([path]))


@functools.cache
def _valid(gz: bool) -> bytes:
    return warc_bytes(_pages(), gzip=gz)


@settings(max_examples=60, deadline=None)
@given(
    gz=st.booleans(),
    cut=st.integers(min_value=0, max_value=6000),
    flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=4),
)
def test_a_damaged_warc_never_raises_and_every_item_says_why(
    gz: bool, cut: int, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(_valid(gz)[:cut])
    for at, value in flips:
        if data:
            data[at % len(data)] = value
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("f.warc.gz" if gz else "f.warc")
        path.write_bytes(bytes(data))
        items = list(read_articles([path]))
    assert items
    for item in items:
        assert isinstance(item, (Article, Skip))
        if isinstance(item, Skip):
            assert item.reason and item.detail
