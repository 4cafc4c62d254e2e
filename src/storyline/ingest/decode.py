"""Bytes to text: BOM-aware UTF-8/UTF-16 decoding, careful legacy fallbacks, binary sniffing.

A file is text when it decodes and holds few control characters. Legacy 8-bit encodings
(cp1252, then latin-1) are tried only when UTF-8 fails, and accepted only when the result
still looks like text, so that random binary data is reported instead of turned into noise.
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


class DecodeError(Exception):
    """The bytes are not usable text; `reason` is a Skip reason (binary | encoding)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def looks_binary(data: bytes) -> bool:
    """True when the first bytes contain NUL or many control bytes (and no UTF-16/32 BOM)."""
    head = data[:_SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > _MAX_CONTROL_RATIO


def _control_ratio(text: str, pattern: re.Pattern[str]) -> float:
    if not text:
        return 0.0
    return len(pattern.findall(text)) / len(text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data` and return (text, encoding used).

    Raises DecodeError("binary", ...) for binary data and DecodeError("encoding", ...)
    when no supported encoding gives something that looks like text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as e:
                raise DecodeError("encoding", f"starts with a {encoding} BOM but {e}") from e
    if looks_binary(data):
        raise DecodeError("binary", "contains NUL or control bytes: not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        for encoding in ("cp1252", "latin-1"):
            try:
                candidate = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if (
                _control_ratio(candidate, _CONTROL_RE) <= _MAX_CONTROL_RATIO
                and _control_ratio(candidate, _C1_RE) <= _MAX_CONTROL_RATIO
            ):
                return candidate, encoding
        raise DecodeError(
            "encoding",
            f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and not "
            "plausible cp1252/latin-1 text; re-save the file as UTF-8",
        ) from utf8_error
    if _control_ratio(text, _CONTROL_RE) > _MAX_CONTROL_RATIO:
        raise DecodeError("binary", "too many control characters: not a text file")
    return text, "utf-8"


def normalise_newlines(text: str) -> str:
    """CRLF/CR to LF, NFC composition; nothing else is changed."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
