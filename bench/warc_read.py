"""WARC reading speed: fastwarc (resiliparse) against warcio, on a WARC written here.

    python bench/warc_read.py [--records 5000] [--repeats 3] [--page-kb 60]

Writes a CC-NEWS-shaped WARC (one warcinfo record, then HTTP response records: 90% HTML
news pages of about `--page-kb` KB, 5% non-200, 5% non-HTML) with warcio, both uncompressed
and gzipped per record (as Common Crawl does), under `bench/_data/` (git-ignored). Then each
library reads every record: WARC headers, HTTP status and content type, and the payload bytes
of the HTML responses (what `storyline.ingest.warc` needs). Reported: the median records/s and
MB/s of `--repeats` runs, side by side in one run, and for fastwarc also reading through a
Python file object (how storyline feeds it a size-capped stream).

The libraries only split records: the HTML reader behind them (trafilatura) costs about
10-30 ms a page, 100 times more, so the last line times `ingest.warc.read_warc` over a
sample of the file for scale.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DATA = BENCH / "_data"

WORDS = [
    "the",
    "dam",
    "talks",
    "minister",
    "water",
    "river",
    "filling",
    "ministers",
    "said",
    "on",
    "Monday",
    "agreement",
    "Nile",
    "Ethiopia",
    "Egypt",
    "Sudan",
    "turbines",
    "power",
    "reservoir",
    "negotiations",
    "council",
    "statement",
]


def _page(rng: random.Random, size: int, n: int) -> bytes:
    paras = []
    total = 0
    while total < size:
        words = [rng.choice(WORDS) for _ in range(rng.randint(30, 90))]
        para = " ".join(words).capitalize() + "."
        paras.append(f"<p>{para}</p>")
        total += len(para) + 7
    body = "\n".join(paras)
    return (
        f"<!doctype html><html><head><title>Story {n}</title>"
        f'<meta property="og:site_name" content="Example News"></head><body>'
        f"<nav>Home | World | Sport</nav><article><h1>Story {n}</h1>{body}</article>"
        f"<footer>Copyright Example News</footer></body></html>"
    ).encode()


def write_warc(path: Path, records: int, page_kb: int, gzip: bool, seed: int = 0) -> None:
    """A WARC of `records` HTTP responses (plus a warcinfo record), written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        info = writer.create_warcinfo_record(path.name, {"software": "bench/warc_read.py"})
        writer.write_record(info)
        for n in range(records):
            roll = rng.random()
            status, ctype = "200 OK", "text/html; charset=utf-8"
            payload = _page(rng, page_kb * 1000, n)
            if roll < 0.05:
                status, payload = "404 Not Found", b"<html><body>gone</body></html>"
            elif roll < 0.10:
                ctype, payload = "application/pdf", b"%PDF-1.4 " + bytes(2000)
            http = StatusAndHeaders(
                status,
                [("Content-Type", ctype), ("Content-Length", str(len(payload)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                f"https://news.example/2020/07/{n % 28 + 1:02d}/story-{n}.html",
                "response",
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_headers_dict={"WARC-Date": f"2020-07-{n % 28 + 1:02d}T10:00:00Z"},
            )
            writer.write_record(record)


def read_fastwarc(path: Path, through_python: bool) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    n = 0
    with path.open("rb") as raw:
        source: object = raw if through_python else str(path)
        if through_python and path.suffix == ".gz":
            from fastwarc.stream_io import GzipReader

            source = GzipReader(raw)
        for record in ArchiveIterator(source, parse_http=True):  # type: ignore[arg-type]
            n += 1
            if record.record_type != WarcRecordType.response:
                continue
            _ = record.headers.get("WARC-Target-URI"), record.record_date
            status = record.http_headers.status_code
            ctype = record.http_content_type or ""
            if status == 200 and "html" in ctype:
                record.reader.read()
    return n


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with path.open("rb") as raw:
        for record in ArchiveIterator(raw):
            n += 1
            if record.rec_type != "response":
                continue
            _ = record.rec_headers.get_header("WARC-Target-URI")
            _ = record.rec_headers.get_header("WARC-Date")
            status = record.http_headers.get_statuscode()
            ctype = record.http_headers.get_header("Content-Type") or ""
            if status == "200" and "html" in ctype:
                record.content_stream().read()
    return n


def _median_rate(fn: Callable[[], int], repeats: int, size: int) -> tuple[float, float, int]:
    times = []
    n = 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        n = fn()
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    return n / med, size / med / 1e6, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=5000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--page-kb", type=int, default=60)
    ap.add_argument("--sample", type=int, default=100, help="records for the full reader")
    args = ap.parse_args()
    DATA.mkdir(exist_ok=True)
    files = {}
    for gz in (False, True):
        path = DATA / f"bench-{args.records}-{args.page_kb}kb.warc{'.gz' if gz else ''}"
        if not path.exists():
            write_warc(path, args.records, args.page_kb, gzip=gz)
        files[gz] = path
    print(f"{args.records} response records + 1 warcinfo, pages of ~{args.page_kb} KB")
    print(f"{'file':<12} {'reader':<28} {'records/s':>10} {'MB/s (file)':>12}")
    for gz, path in files.items():
        size = path.stat().st_size
        runs: list[tuple[str, Callable[[], int]]] = [
            ("fastwarc (path)", lambda p=path: read_fastwarc(p, False)),
            ("fastwarc (Python file)", lambda p=path: read_fastwarc(p, True)),
            ("warcio", lambda p=path: read_warcio(p)),
        ]
        rates = {}
        for name, fn in runs:
            rate, mbs, n = _median_rate(fn, args.repeats, size)
            rates[name] = rate
            assert n == args.records + 1, (name, n)
            kind = ".warc.gz" if gz else ".warc"
            print(f"{kind:<12} {name:<28} {rate:>10,.0f} {mbs:>12,.1f}")
        ratio = rates["fastwarc (path)"] / rates["warcio"]
        print(f"{'':<12} fastwarc / warcio: {ratio:.1f}x")
    sys.path.insert(0, str(BENCH.parent / "src"))
    from storyline.config import IngestConfig
    from storyline.ingest.warc import read_warc

    small = DATA / f"bench-sample-{args.sample}.warc.gz"
    write_warc(small, args.sample, args.page_kb, gzip=True, seed=1)
    t0 = time.perf_counter()
    items = list(read_warc(small, small.name, IngestConfig()))
    dt = time.perf_counter() - t0
    print(
        f"storyline.ingest.warc.read_warc (HTML extraction included): "
        f"{len(items) / dt:,.1f} records/s over {len(items)} records"
    )


if __name__ == "__main__":
    main()
