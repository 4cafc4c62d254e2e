"""Bytes to text: BOM-aware UTF-8/UTF-16 decoding, careful legacy fallbacks, binary sniffing.

A file is text when it decodes and holds few control characters. In order:

1. a BOM (UTF-8, UTF-16, UTF-32) decides;
2. a known binary signature (PDF, PNG, JPEG, GIF, ZIP, gzip...) is "binary", named;
3. UTF-16 without a BOM is recognised by its NUL bytes at every other position;
4. otherwise a few NUL or control bytes (at most 8, or 1% of the first 8 KB) do not make a text
   binary: they are dropped after decoding (`strip_controls`);
5. UTF-8; when it fails, a non-Latin legacy code page (cp1251, cp1253, koi8-r...) found by
   `charset-normalizer` (installed with trafilatura) when the text it gives is in that
   script, else cp1252, then latin-1 - each accepted only when the result still looks like
   text, so that random binary data is reported instead of turned into noise.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Bytes examined when sniffing for binary content.
_SNIFF_BYTES = 8192
# Share of control characters (other than tab, newline, carriage return, form feed)
# above which a decoded text is treated as binary.
_MAX_CONTROL_RATIO = 0.02
# C0 controls except \t \n \f \r, plus DEL.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# C1 controls: what latin-1 makes of bytes that are not text in any Western encoding.
_C1_RE = re.compile(r"[\x80-\x9f]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# File signatures of common binary formats, as (prefix, name).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data (name it .jsonl.gz if it holds JSON lines)"),
    (b"\x7fELF", "a program (ELF)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"RIFF", "a RIFF file (WebP, WAV, AVI)"),
    (b"\x00\x00\x00", "binary data"),
)
# Share of NUL bytes of the first 8 KB above which data is binary (below: stray NULs in text)
_MAX_NUL_RATIO = 0.01
_MAX_NULS = 8  # ... or this many, in a short text


class DecodeError(Exception):
    """The bytes are not usable text; `reason` is a Skip reason (binary | encoding)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def binary_kind(data: bytes) -> str | None:
    """What a known binary signature says the data is ("a PDF document"), or None."""
    return next((name for magic, name in _MAGIC if data.startswith(magic)), None)


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the NUL bytes of the first 8 KB fall at every other
    position, as in UTF-16 of mostly Latin text; else None."""
    head = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2]
    if len(head) < 4:
        return None
    pairs = len(head) // 2
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True for a known binary signature, or when the first bytes hold more than a few NUL
    or control bytes (and no UTF-16/32 BOM, and are not BOM-less UTF-16)."""
    head = data[:_SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if binary_kind(head) is not None:
        return True
    if not head or utf16_without_bom(head) is not None:
        return False
    if head.count(0) > max(_MAX_NULS, _MAX_NUL_RATIO * len(head)):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > _MAX_CONTROL_RATIO


def _control_ratio(text: str, pattern: re.Pattern[str]) -> float:
    if not text:
        return 0.0
    return len(pattern.findall(text)) / len(text)


def _plausible(text: str) -> bool:
    return (
        _control_ratio(text, _CONTROL_RE) <= _MAX_CONTROL_RATIO
        and _control_ratio(text, _C1_RE) <= _MAX_CONTROL_RATIO
    )


def _mostly_ascii(text: str) -> bool:
    """UTF-16 recognised by its NUL bytes is mostly ASCII, with spaces: binary data with
    NULs at every other byte decodes to runs of Latin-1 letters instead."""
    if not text:
        return False
    ascii_share = sum(1 for c in text if c < "\x80") / len(text)
    return ascii_share >= 0.7 and any(c.isspace() for c in text[:4096])


# Code pages of non-Latin scripts that a file not in UTF-8 may be in.
_NON_LATIN = frozenset(
    {"cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp866", "cp1253", "iso8859_7",
     "cp1255", "iso8859_8", "cp1256", "iso8859_6", "cp874", "tis_620"}
)  # fmt: skip
_MIN_NON_ASCII = 16  # bytes above 0x7f needed before a code page is guessed

# Alphabets (as charset-normalizer names them) that cp1252/latin-1 cannot give: a legacy
# file in one of them is read in the code page charset-normalizer finds.
_LATIN_ALPHABETS = ("Latin", "Basic Latin", "General Punctuation")


def _non_latin_guess(data: bytes) -> str | None:
    """A legacy code page of a non-Latin script (cp1251, koi8-r, cp1253...) that
    charset-normalizer finds for `data`, or None (a Latin text, or no guess)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with trafilatura
        return None
    sample = data[:65536]
    if sum(1 for b in sample if b > 0x7F) < _MIN_NON_ASCII:
        return None  # too little to tell cp1251 from cp1252: the Western code pages decide
    best = from_bytes(sample).best()
    if best is None or best.encoding not in _NON_LATIN:
        return None
    if all(a.startswith(_LATIN_ALPHABETS) for a in best.alphabets):
        return None
    return str(best.encoding)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data` and return (text, encoding used); NUL and other C0 controls but tab,
    newline, form feed and carriage return are dropped from the text.

    Raises DecodeError("binary", ...) for binary data and DecodeError("encoding", ...)
    when no supported encoding gives something that looks like text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return strip_controls(data.decode(encoding)), encoding
            except UnicodeDecodeError as e:
                raise DecodeError("encoding", f"starts with a {encoding} BOM but {e}") from e
    kind = binary_kind(data)
    if kind is not None:
        raise DecodeError("binary", f"{kind}, not a text file")
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as e:
            raise DecodeError("encoding", f"looks like {utf16} without a BOM but {e}") from e
        if _plausible(text) and _mostly_ascii(text):
            return strip_controls(text), utf16
        raise DecodeError("binary", "NUL bytes at every other position but not UTF-16 text")
    if looks_binary(data):
        raise DecodeError("binary", "contains NUL or control bytes: not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        guess = _non_latin_guess(data)
        for encoding in (*((guess,) if guess else ()), "cp1252", "latin-1"):
            try:
                candidate = data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
            if _plausible(candidate):
                return strip_controls(candidate), encoding
        raise DecodeError(
            "encoding",
            f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and not "
            "plausible text in a legacy code page; re-save the file as UTF-8",
        ) from utf8_error
    if _control_ratio(text, _CONTROL_RE) > _MAX_CONTROL_RATIO:
        raise DecodeError("binary", "too many control characters: not a text file")
    return strip_controls(text), "utf-8"


# C0 controls but tab, newline, form feed and carriage return; DEL; lone surrogates.
_STRIP_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """`text` without NUL and the other C0 controls (tab, newline, CR, FF kept) and DEL, and
    with lone surrogates (from JSON "\\ud800") replaced by U+FFFD: such characters are
    never article content, and a surrogate cannot even be written as UTF-8."""
    text = _STRIP_RE.sub("", text)
    return _SURROGATE_RE.sub("\ufffd", text) if _SURROGATE_RE.search(text) else text


def normalise_newlines(text: str) -> str:
    """CRLF/CR to LF, NFC composition; nothing else is changed."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
