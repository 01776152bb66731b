"""Hardened XML reading: defusedxml's expat reader, fed in chunks, with size caps.

Entity declarations, external entities and DTD tricks are refused at once (a billion-laughs
file costs nothing), element text is gathered in lists (a 2 MB ``jobCont`` is one join, not a
million concatenations) and capped, and each item keeps the line its start tag is on.
An XML document becomes: its root name, the root-level leaf values (the *envelope*: ``total``,
``message``, ``messageCd`` …) and *items* — the elements named ``item_tags[root]``, each as
its leaf elements' texts by name (a repeated element keeps every text, in order).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from xml.sax import SAXParseException
from xml.sax.expatreader import ExpatLocator
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import Locator

from defusedxml import DefusedXmlException
from defusedxml.expatreader import create_parser

from storage import messages
from storage.errors import UnreadableFileError

__all__ = ["MAX_ELEMENT_CHARS", "XmlBreak", "XmlItem", "XmlStream"]

#: Characters one element may hold; a real jobCont is a few thousand.
MAX_ELEMENT_CHARS = 4_000_000
CHUNK_CHARS = 1 << 16


@dataclass
class XmlItem:
    """One item: the line of its start tag and its leaf texts by element name."""

    line: int
    values: dict[str, list[str]] = field(default_factory=dict)
    oversized: str | None = None  # the first element whose text exceeded the cap


@dataclass(frozen=True)
class XmlBreak:
    """Where and why the XML stopped being well-formed."""

    line: int
    message: str


class _UnknownRoot(Exception):
    def __init__(self, root: str) -> None:
        self.root = root


class _Collector(ContentHandler):
    """Collects items and envelope values from SAX events."""

    def __init__(
        self, item_tags: Mapping[str, str | None], max_chars: int, line_offset: int
    ) -> None:
        super().__init__()
        self.line_offset = line_offset
        self.item_tags = item_tags
        self.max_chars = max_chars
        self.root: str | None = None
        self.envelope: dict[str, str] = {}
        self.done: deque[XmlItem] = deque()
        self.items_seen = 0
        self._locator: Locator | None = None
        self._item: XmlItem | None = None
        self._item_depth = 0
        self._depth = 0
        self._chunks: list[str] = []
        self._size = 0
        self._leaf = False

    def setDocumentLocator(self, locator: Locator) -> None:  # noqa: N802 (SAX API)
        self._locator = locator

    def startElement(self, name: str, attrs: object) -> None:  # noqa: N802
        self._depth += 1
        if self.root is None:
            if name not in self.item_tags:
                raise _UnknownRoot(name)
            self.root = name
        if self._item is None and name == self.item_tags[self.root]:
            line = (self._locator.getLineNumber() or 0) if self._locator else 0
            line += self.line_offset
            self._item, self._item_depth = XmlItem(line), self._depth
        self._chunks, self._size, self._leaf = [], 0, True

    def characters(self, content: str) -> None:
        self._size += len(content)
        if self._size <= self.max_chars:
            self._chunks.append(content)

    def endElement(self, name: str) -> None:  # noqa: N802
        if self._leaf:
            self._store(name, "".join(self._chunks), self._size > self.max_chars)
        self._chunks, self._size, self._leaf = [], 0, False
        if self._item is not None and self._depth == self._item_depth:
            self.done.append(self._item)
            self.items_seen += 1
            self._item = None
        self._depth -= 1

    def _store(self, name: str, text: str, oversized: bool) -> None:
        if self._item is not None:
            if oversized:
                self._item.oversized = self._item.oversized or name
            else:
                self._item.values.setdefault(name, []).append(text)
        elif self._depth == 2 and not oversized:
            self.envelope[name] = text


class XmlStream:
    """An XML text read in chunks; :meth:`open` reads up to the root, :meth:`items` the rest.

    ``item_tags`` maps each accepted root name to its item element (``None``: no items);
    another root raises :class:`UnreadableFileError` with ``not_expected`` as the message.
    Blank lines before the XML declaration (servers that print them) are skipped; line numbers
    still count them.
    """

    def __init__(
        self,
        text: str,
        item_tags: Mapping[str, str | None],
        *,
        not_expected: str,
        max_chars: int = MAX_ELEMENT_CHARS,
    ) -> None:
        self._text = text.lstrip()
        self._skipped_lines = text[: len(text) - len(self._text)].count("\n")
        self._pos = 0
        self._parser = create_parser()
        self._collector = _Collector(item_tags, max_chars, self._skipped_lines)
        self._parser.setContentHandler(self._collector)
        # feed() never hands the handler a locator (only parse() does); line numbers need one.
        self._collector.setDocumentLocator(ExpatLocator(self._parser))
        self._not_expected = not_expected
        self.broken: XmlBreak | None = None

    @property
    def root(self) -> str | None:
        """The root element's name, once read."""
        return self._collector.root

    @property
    def envelope(self) -> dict[str, str]:
        """Root-level leaf texts read so far (outside items)."""
        return self._collector.envelope

    @property
    def items_seen(self) -> int:
        """How many items have been completed so far."""
        return self._collector.items_seen

    @property
    def finished(self) -> bool:
        """Whether the whole text has been parsed (or parsing broke off)."""
        return self.broken is not None or self._pos > len(self._text)

    def open(self) -> str:
        """Parse until the root element is known (at least one chunk) and return its name."""
        while not self.finished and (self.root is None or self._pos == 0):
            self._feed()
        if self.root is None:
            if self.broken:
                raise UnreadableFileError(
                    messages.XML_UNREADABLE_AT.format(
                        line=self.broken.line, reason=self.broken.message
                    )
                )
            raise UnreadableFileError(messages.XML_UNREADABLE)
        return self.root

    def items(self) -> Iterator[XmlItem]:
        """Completed items in order, parsing on as needed; check :attr:`broken` afterwards."""
        done = self._collector.done
        while True:
            while done:
                yield done.popleft()
            if self.finished:
                return
            self._feed()

    def _feed(self) -> None:
        chunk = self._text[self._pos : self._pos + CHUNK_CHARS]
        self._pos += CHUNK_CHARS
        try:
            if self._pos >= len(self._text):
                self._parser.feed(chunk)
                self._parser.close()
                self._pos = len(self._text) + 1
            else:
                self._parser.feed(chunk)
        except _UnknownRoot as exc:
            raise UnreadableFileError(
                messages.XML_OTHER_ROOT.format(expected=self._not_expected, root=exc.root)
            ) from None
        except DefusedXmlException as exc:
            raise UnreadableFileError(messages.XML_FORBIDDEN) from exc
        except SAXParseException as exc:
            self.broken = XmlBreak(
                (exc.getLineNumber() or 0) + self._skipped_lines, exc.getMessage()
            )
