"""Every registered reader: reads its format, is deterministic, never raises on bad input
(a Skip with a reason instead), never changes the file, and is reachable by its suffixes."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from storyline.config import IngestConfig
from storyline.ingest import read_articles, reader_for, readers
from storyline.model import Article, Skip

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from warc_writer import Page, page_html, warc_bytes  # needs the path above (and fastwarc)

BODY = (
    "The ministers met in Khartoum on Monday and signed a declaration on the dam. "
    "Officials said the text set out principles for filling the reservoir. " * 3
)
RECORD = {"title": "Ministers sign dam declaration", "maintext": BODY, "date_publish": "2015-03-23"}
# one valid file per reader, by reader name: a new reader must add its sample here
SAMPLES: dict[str, tuple[str, bytes]] = {
    "text": ("article.txt", (" date 2015-03-23 " + BODY).encode()),
    "html": (
        "page.html",
        (
            "<html><head><title>Ministers sign dam declaration</title></head><body><article>"
            + "".join(f"<p>{s.strip()}.</p>" for s in BODY.split(". ") if s.strip())
            + "</article></body></html>"
        ).encode(),
    ),
    "json": ("record.json", json.dumps(RECORD).encode()),
    "jsonl": ("records.jsonl.gz", gzip.compress((json.dumps(RECORD) + "\n").encode(), mtime=0)),
    "warc": (
        "crawl.warc.gz",
        warc_bytes(
            [Page("https://news.example/a", page_html(RECORD["title"], [BODY]))],
            gzip=True,
        ),
    ),
}
BAD_INPUTS = [
    b"",
    b"\x00\x01\x02\xff\xfe" * 200,
    b"   \n\n  ",
    b"{not json",
    b"<html><body></body>",
]


def test_every_reader_has_a_sample() -> None:
    assert sorted(SAMPLES) == sorted(r.name for r in readers())


@pytest.fixture(params=[r.name for r in readers()])
def reader_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_reader_reads_its_format(reader_name: str, tmp_path: Path) -> None:
    name, data = SAMPLES[reader_name]
    path = _write(tmp_path, name, data)
    reader = reader_for(path)
    assert reader is not None and reader.name == reader_name
    items = list(reader.read(path, str(path), IngestConfig()))
    assert [type(i) for i in items] == [Article]
    assert "Khartoum" in items[0].raw_text
    assert path.read_bytes() == data  # the input is not touched


def test_a_reader_is_deterministic(reader_name: str, tmp_path: Path) -> None:
    name, data = SAMPLES[reader_name]
    path = _write(tmp_path, name, data)
    assert list(read_articles([path])) == list(read_articles([path]))


def test_a_reader_reports_bad_input_as_a_skip(reader_name: str, tmp_path: Path) -> None:
    suffix = sorted(next(r for r in readers() if r.name == reader_name).suffixes)[-1]
    for n, data in enumerate(BAD_INPUTS):
        path = _write(tmp_path, f"bad{n}{suffix}", data)
        items = list(read_articles([path]))
        assert items, f"{reader_name} dropped {path.name} silently"
        for item in items:
            assert isinstance(item, (Article, Skip))
            if isinstance(item, Skip):
                assert item.reason and item.detail


def test_every_suffix_picks_its_reader() -> None:
    for reader in readers():
        for suffix in reader.suffixes:
            found = reader_for(Path(f"x{suffix}" if suffix else "x"))
            assert found is not None and found.name == reader.name
