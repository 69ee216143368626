"""IMS QTI to and from ``ItemData``: QTI 3.0 content packages, QTI 2.x items and packages.

Read: a .zip content package (``imsmanifest.xml`` listing ``imsqti_item_xmlv3p0`` resources, or
``imsqti_item_xmlv2p1``/``v2p2`` ones), or one QTI 2.x/3.0 assessment item as an XML file.
Items with one choice, text-entry or extended-text interaction become items; any other
interaction (match, order, hotspot, gap match, several interactions in one item...) is skipped
and counted by its QTI name. QTI 2.x names (``choiceInteraction``, ``responseDeclaration``)
are read by spelling them the QTI 3 way (``qti-choice-interaction``) first.

Write: a QTI 3.0 package, one item file per item under ``items/``, images under
``images/<item>/``, metadata (difficulty, topic, source) as IEEE LOM in the manifest.
The conventions are documented in docs/formats/moodle-qti.md.
"""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET  # noqa: S405 - builds trees only; parsing uses defusedxml
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from sathach.lib.formats import html as markup
from sathach.lib.formats.items import (
    ASSET_SCHEME,
    AssetData,
    Difficulty,
    Issue,
    ItemData,
    ItemFormatError,
    Kind,
    NumericAnswerData,
    OptionData,
    ParseResult,
    ShortAnswerData,
    validate_item,
)

QTI3_NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
QTI2_NAMESPACES = frozenset(
    f"http://www.imsglobal.org/xsd/imsqti_v2p{minor}" for minor in (0, 1, 2)
)
CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
LOM_NS = "http://ltsc.ieee.org/xsd/LOM"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ITEM_SCHEMA = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
CP_SCHEMA = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd"
LOM_SCHEMA = "https://purl.imsglobal.org/spec/md/v1p3/schema/xsd/imsmd_loose_v1p3p2.xsd"
TEMPLATES = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/"
MATCH_CORRECT = TEMPLATES + "match_correct.xml"
MAP_RESPONSE = TEMPLATES + "map_response.xml"
ITEM_RESOURCE_TYPES = frozenset(
    {"imsqti_item_xmlv3p0", "imsqti_item_xmlv2p2", "imsqti_item_xmlv2p1", "imsqti_item_xmlv2p0"}
)
MANIFEST = "imsmanifest.xml"
# Zip safety: the package is read in memory, never extracted, but a bomb still costs memory.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 100_000

GENERAL_FEEDBACK = "GENERAL"  # modal feedback identifier of the general feedback
ANSWER_FEEDBACK = "ANSWER_"  # ANSWER_1, ANSWER_2...: feedback of typed answers, by position
TAXON_SOURCE = "Sát Hạch"
LOM_DIFFICULTY = {
    "very easy": Difficulty.EASY,
    "easy": Difficulty.EASY,
    "medium": Difficulty.MEDIUM,
    "difficult": Difficulty.HARD,
    "very difficult": Difficulty.HARD,
    "hard": Difficulty.HARD,
}
DIFFICULTY_LOM = {
    Difficulty.EASY: "easy",
    Difficulty.MEDIUM: "medium",
    Difficulty.HARD: "difficult",
}
TRUE_FALSE_WORDS = ({"đúng", "sai"}, {"true", "false"})
TRUE_WORDS = frozenset({"đúng", "true"})

# The XHTML vocabulary of QTI 2.x items; any other element in the QTI namespace is QTI's own.
_HTML_ELEMENTS = frozenset(
    "a abbr acronym address article aside audio b bdi bdo big blockquote br caption cite code "
    "col colgroup dd details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header "
    "hr i img kbd label li nav object ol p param picture pre q rb rp rt rtc ruby samp section "
    "small source span strong sub summary sup table tbody td tfoot th thead tr track tt ul var "
    "video".split()
)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CAMEL = re.compile(r"[A-Z]")
_KEBAB = re.compile(r"-([a-z])")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]{0,63}$")
_ANSWER_ID = re.compile(rf"^{ANSWER_FEEDBACK}(\d+)$")
# Attributes kept when HTML becomes QTI XHTML (QTI has no style, event or data attributes).
_KEPT_ATTRIBUTES = frozenset(
    "abbr alt cite class colspan dir headers height href rowspan scope span src start summary "
    "title type width".split()
)
_STRUCTURE = frozenset(
    {
        "qti-assessment-item",
        "qti-response-declaration",
        "qti-correct-response",
        "qti-mapping",
        "qti-outcome-declaration",
        "qti-default-value",
        "qti-item-body",
        "qti-choice-interaction",
        "qti-response-processing",
        "qti-response-condition",
        "qti-response-if",
        "qti-response-else-if",
        "qti-response-else",
        "qti-set-outcome-value",
        "qti-multiple",
        "qti-equal",
        "qti-string-match",
        "qti-modal-feedback",
        "qti-rubric-block",
    }
)


class _ItemError(Exception):
    """One item cannot be read; it is reported with its file and left out."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


# --- Reading: files and packages ------------------------------------------------------------


def parse(data: bytes, *, filename: str = "") -> ParseResult:
    """Read a QTI package (.zip) or a single QTI assessment item (.xml)."""
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06") or filename.lower().endswith(".zip"):
        return _Package(data).parse()
    root, _ = markup.parse_xml(data)
    if _local(root.tag) == "manifest":
        raise ItemFormatError(
            "Tệp imsmanifest.xml cần được nén cùng các tệp câu hỏi thành một gói .zip"
        )
    if _qti_version(root) is None:
        raise ItemFormatError(
            f"Không phải câu hỏi QTI: phần tử gốc là <{_local(root.tag)}>, cần là "
            "<assessmentItem> (QTI 2.x) hoặc <qti-assessment-item> (QTI 3.0)"
        )
    result = ParseResult()
    _read_item(root, filename or "tệp XML", _Metadata(), None, result)
    return result


class _Package:
    """A content package read in memory, with its safety checks."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise ItemFormatError(
                "Tệp .zip bị hỏng hoặc không đầy đủ (có thể tải lên bị ngắt giữa chừng); "
                "hãy tạo lại gói và tải lên lần nữa"
            ) from None
        if len(infos) > MAX_ENTRIES:
            raise ItemFormatError(f"Gói .zip có quá nhiều tệp ({len(infos)}, tối đa {MAX_ENTRIES})")
        total = 0
        for info in infos:
            name = info.filename
            parts = name.replace("\\", "/").split("/")
            if name.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", name):
                raise ItemFormatError(f"Gói .zip chứa đường dẫn không an toàn: “{name}”")
            total += info.file_size
        if total > MAX_UNCOMPRESSED_BYTES:
            raise ItemFormatError(
                f"Gói .zip quá lớn khi giải nén ({_megabytes(total)}, "
                f"tối đa {_megabytes(MAX_UNCOMPRESSED_BYTES)})"
            )
        self.names = {info.filename for info in infos if not info.is_dir()}

    def read(self, name: str) -> bytes:
        try:
            return self.zip.read(name)
        except RuntimeError:  # zipfile's word for an encrypted entry
            raise ItemFormatError(f"Tệp “{name}” trong gói .zip có đặt mật khẩu") from None
        except NotImplementedError:
            raise ItemFormatError(
                f"Tệp “{name}” trong gói .zip dùng kiểu nén không được hỗ trợ"
            ) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            raise ItemFormatError(
                f"Tệp .zip bị hỏng hoặc không đầy đủ: không đọc được “{name}”"
            ) from None

    def parse(self) -> ParseResult:
        manifest_name = self._manifest_name()
        try:
            manifest, _ = markup.parse_xml(self.read(manifest_name))
        except ItemFormatError as error:
            where = f"{manifest_name}, {error.location}" if error.location else manifest_name
            raise ItemFormatError(error.message, where) from None
        base = posixpath.dirname(manifest_name)
        result = ParseResult()
        tests = 0
        found = 0
        for resource in manifest.iter():
            if _local(resource.tag) != "resource":
                continue
            resource_type = (resource.get("type") or "").strip().lower()
            if resource_type.startswith("imsqti_test"):
                tests += 1
                continue
            if resource_type not in ITEM_RESOURCE_TYPES:
                continue
            found += 1
            href = resource.get("href") or _first_file(resource)
            path = _join(base, href)
            if path is None or path not in self.names:
                result.errors.append(
                    Issue(MANIFEST, f"tệp “{href}” được khai báo nhưng không có trong gói")
                )
                continue
            content = self.read(path)  # a damaged zip stops the whole import
            try:
                root, _ = markup.parse_xml(content)
            except ItemFormatError as error:
                where = f"{path}, {error.location}" if error.location else path
                result.errors.append(Issue(where, _lower_first(error.message)))
                continue
            if _qti_version(root) is None:
                result.errors.append(
                    Issue(path, f"không phải câu hỏi QTI (phần tử gốc <{_local(root.tag)}>)")
                )
                continue
            _read_item(root, path, _Metadata.of(resource), self, result)
        if tests:
            result.warnings.append(
                Issue(MANIFEST, f"bỏ qua {tests} bài thi (assessment test); chỉ nhập các câu hỏi")
            )
        if not found:
            result.warnings.append(Issue(MANIFEST, "gói không có câu hỏi QTI nào"))
        return result

    def _manifest_name(self) -> str:
        if MANIFEST in self.names:
            return MANIFEST
        nested = [name for name in self.names if name.endswith("/" + MANIFEST)]
        if len(nested) == 1 and nested[0].count("/") == 1:
            return nested[0]
        raise ItemFormatError(
            "Gói .zip không có tệp imsmanifest.xml ở thư mục gốc: đây không phải gói QTI"
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _first_file(resource: ET.Element) -> str:
    for child in resource:
        if _local(child.tag) == "file" and child.get("href"):
            return child.get("href") or ""
    return ""


def _join(base: str, href: str) -> str | None:
    """Return the zip entry ``href`` points at from ``base``, or None when it leaves the zip."""
    if not href or urlsplit(href).scheme:
        return None
    path = posixpath.normpath(posixpath.join(base, unquote(href.split("#", 1)[0])))
    if path.startswith(("../", "/")) or path == "..":
        return None
    return path


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _qti_version(root: ET.Element) -> int | None:
    namespace, local = _namespace(root.tag), _local(root.tag)
    if local == "qti-assessment-item" and namespace in (QTI3_NS, ""):
        return 3
    if local == "assessmentItem" and (namespace in QTI2_NAMESPACES or not namespace):
        return 2
    return None


def _normalise(root: ET.Element, version: int) -> None:
    """Drop namespaces from names, and spell QTI 2.x names the QTI 3 way (camelCase→kebab)."""
    for element in root.iter():
        namespace, local = _namespace(element.tag), _local(element.tag)
        qti2 = (
            version == 2
            and (namespace in QTI2_NAMESPACES or not namespace)
            and local not in _HTML_ELEMENTS
        )
        element.tag = "qti-" + _kebab(local) if qti2 else local
        if element.attrib:
            attrib = {}
            for name, value in element.attrib.items():
                if name == _XML_LANG:
                    attrib["xml:lang"] = value
                elif not name.startswith("{"):
                    attrib[_kebab(name) if qti2 else name] = value
            element.attrib.clear()
            element.attrib.update(attrib)


def _kebab(name: str) -> str:
    return _CAMEL.sub(lambda match: "-" + match.group(0).lower(), name)


def _type_name(tag: str, version: int) -> str:
    """Return an interaction's name as its QTI version spells it (for the skipped report)."""
    if version == 3:
        return tag
    return _KEBAB.sub(lambda match: match.group(1).upper(), tag.removeprefix("qti-"))


# --- Reading: manifest metadata (IEEE LOM) ----------------------------------------------------


@dataclass
class _Metadata:
    difficulty: Difficulty | None = None
    difficulty_word: str = ""
    topic_path: tuple[str, ...] = ()
    source: str = ""

    @classmethod
    def of(cls, resource: ET.Element) -> _Metadata:
        meta = cls()
        lom = next((el for el in resource.iter() if _local(el.tag) == "lom"), None)
        if lom is None:
            return meta
        for element in lom.iter():
            name = _local(element.tag)
            if name == "difficulty":
                word = _lom_value(element).lower()
                meta.difficulty = LOM_DIFFICULTY.get(word)
                meta.difficulty_word = word
            elif name == "classification" and not meta.topic_path:
                meta.topic_path = _taxon_path(element)
            elif name == "keyword" and not meta.topic_path:
                text = _lom_string(element)
                if text.lower().startswith("topic:"):
                    meta.topic_path = tuple(
                        part.strip() for part in text[len("topic:") :].split("/") if part.strip()
                    )
            elif name == "relation" and _lom_value(_child(element, "kind")).lower() == "isbasedon":
                resource_element = _child(element, "resource")
                meta.source = _lom_string(_child(resource_element, "description"))
        return meta


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    if element is None:
        return None
    return next((child for child in element if _local(child.tag) == name), None)


def _lom_value(element: ET.Element | None) -> str:
    """Return the text of a LOM vocabulary element (``<difficulty><value>easy</value>``)."""
    value = _child(element, "value")
    return _lom_string(value) if value is not None else ""


def _lom_string(element: ET.Element | None) -> str:
    """Return a LOM text: the first ``<string>`` (LOM 1.3) or ``<langstring>``, else the text."""
    if element is None:
        return ""
    for child in element:
        if _local(child.tag) in ("string", "langstring"):
            return (child.text or "").strip()
    return (element.text or "").strip()


def _taxon_path(classification: ET.Element) -> tuple[str, ...]:
    """Return the taxon path of a LOM classification whose purpose is "discipline"."""
    if _lom_value(_child(classification, "purpose")).lower() != "discipline":
        return ()
    path = _child(classification, "taxonPath")
    if path is None:
        return ()
    names = [_lom_string(_child(taxon, "entry")) for taxon in path if _local(taxon.tag) == "taxon"]
    return tuple(name for name in names if name)


# --- Reading: one item ----------------------------------------------------------------------


def _read_item(
    root: ET.Element,
    location: str,
    meta: _Metadata,
    package: _Package | None,
    result: ParseResult,
) -> None:
    version = _qti_version(root) or 3
    _normalise(root, version)
    reader = _ItemReader(root, version, location, package, result)
    try:
        item = reader.read()
    except _ItemError as error:
        result.errors.append(Issue(location, error.message))
        return
    if item is None:
        return
    item.difficulty = meta.difficulty
    if meta.difficulty_word and meta.difficulty is None:
        result.warnings.append(
            Issue(location, f"không hiểu độ khó “{meta.difficulty_word}” trong siêu dữ liệu LOM")
        )
    item.topic_path = meta.topic_path
    item.source = meta.source
    item.location = location
    markup.normalize_item(item)
    problems = validate_item(item)
    if problems:
        result.errors.extend(Issue(location, problem) for problem in problems)
        return
    result.items.append(item)


class _ItemReader:
    """Read one assessment item (names already spelt the QTI 3 way) into an ``ItemData``."""

    def __init__(
        self,
        root: ET.Element,
        version: int,
        location: str,
        package: _Package | None,
        result: ParseResult,
    ) -> None:
        self.root = root
        self.version = version
        self.location = location
        self.package = package
        self.result = result
        self.assets: list[AssetData] = []
        self.interaction: ET.Element | None = None

    def warn(self, message: str) -> None:
        self.result.warnings.append(Issue(self.location, message))

    def read(self) -> ItemData | None:
        root = self.root
        body = root.find("qti-item-body")
        if body is None:
            body = ET.Element("qti-item-body")
        interactions = [el for el in body.iter() if el.tag.endswith("-interaction")]
        if not interactions:
            self.result.skip("không có tương tác", self.location)
            return None
        if len(interactions) > 1:
            self.result.skip("nhiều tương tác trong một câu", self.location)
            return None
        self.interaction = interaction = interactions[0]
        builders: dict[str, Callable[[ET.Element], ItemData]] = {
            "qti-choice-interaction": self._choice,
            "qti-text-entry-interaction": self._text_entry,
            "qti-extended-text-interaction": self._extended_text,
        }
        build = builders.get(interaction.tag)
        if build is None:
            self.result.skip(_type_name(interaction.tag, self.version), self.location)
            return None
        self._collect_images()
        declaration = self._declaration(interaction)
        item = build(declaration)
        item.stem = self._stem(body)
        item.title = root.get("title", "")
        item.external_id = root.get("identifier", "")
        for feedback in root.findall("qti-modal-feedback"):
            self._modal_feedback(item, feedback)
        item.assets = self.assets
        return item

    # Declarations and scores.

    def _declaration(self, interaction: ET.Element) -> ET.Element:
        identifier = interaction.get("response-identifier", "")
        for declaration in self.root.findall("qti-response-declaration"):
            if declaration.get("identifier") == identifier:
                return declaration
        raise _ItemError(f"không có khai báo đáp án (response declaration) “{identifier}”")

    def _correct_values(self, declaration: ET.Element) -> list[str]:
        correct = declaration.find("qti-correct-response")
        if correct is None:
            return []
        return [(value.text or "").strip() for value in correct.findall("qti-value")]

    def _mapping(self, declaration: ET.Element) -> tuple[list[tuple[str, float, bool]], float]:
        """Return the map entries (key, value, case sensitive) and the upper bound (0: none)."""
        mapping = declaration.find("qti-mapping")
        if mapping is None:
            return [], 0.0
        entries = [
            (
                entry.get("map-key", ""),
                self._float(entry.get("mapped-value", "0"), "điểm của mục chấm (mapped-value)"),
                entry.get("case-sensitive", "true").strip().lower() != "false",
            )
            for entry in mapping.findall("qti-map-entry")
        ]
        upper = mapping.get("upper-bound")
        return entries, self._float(upper, "điểm trần (upper-bound)") if upper else 0.0

    def _declared_points(self) -> float:
        """Return the item's maximum score as declared (SCORE normal-maximum, MAXSCORE), or 0."""
        for outcome in self.root.findall("qti-outcome-declaration"):
            identifier = outcome.get("identifier")
            if identifier == "SCORE" and outcome.get("normal-maximum"):
                return self._float(
                    outcome.get("normal-maximum", ""), "điểm tối đa (normal-maximum)"
                )
            if identifier == "MAXSCORE":
                value = outcome.find("qti-default-value/qti-value")
                if value is not None and (value.text or "").strip():
                    return self._float(value.text or "", "điểm tối đa (MAXSCORE)")
        return 0.0

    def _template(self) -> str:
        """Return "map" or "match": the scoring the item's response processing names."""
        processing = self.root.find("qti-response-processing")
        template = processing.get("template", "") if processing is not None else ""
        if template.rstrip("/").removesuffix(".xml").endswith("map_response"):
            return "map"
        if template.rstrip("/").removesuffix(".xml").endswith("match_correct"):
            return "match"
        return ""

    def _float(self, text: str, what: str) -> float:
        try:
            value = float(text.strip())
        except ValueError:
            raise _ItemError(f"{what} không phải là số: “{text.strip()}”") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise _ItemError(f"{what} không phải là số: “{text.strip()}”")
        return value

    # Interactions.

    def _choice(self, declaration: ET.Element) -> ItemData:
        interaction = self.interaction
        assert interaction is not None
        choices = interaction.findall("qti-simple-choice")
        identifiers = [choice.get("identifier", "") for choice in choices]
        for identifier in identifiers:
            if identifiers.count(identifier) > 1:
                raise _ItemError(f"mã phương án “{identifier}” bị lặp")
        correct = self._correct_values(declaration)
        entries, upper = self._mapping(declaration)
        for key in correct:
            if key not in identifiers:
                raise _ItemError(f"đáp án đúng “{key}” không có trong các phương án")
        for key, _, _ in entries:
            if key not in identifiers:
                raise _ItemError(
                    f"mục chấm điểm “{key}” (qti-map-entry) không có trong các phương án"
                )
        max_choices = interaction.get("max-choices")
        if max_choices is not None:
            single = max_choices.strip() == "1"
        else:
            single = declaration.get("cardinality", "single") == "single"
        mapped = {key: value for key, value, _ in entries}
        scoring = self._template() or ("map" if entries else "match")
        points = self._declared_points()
        if not points:
            positive = [value for value in mapped.values() if value > 0]
            if scoring == "map" and positive:
                points = upper or (max(positive) if single else sum(positive))
            else:
                points = 1.0
        options = []
        for choice, identifier in zip(choices, identifiers, strict=True):
            options.append(
                OptionData(
                    text=self._html(choice),
                    correct=identifier in correct,
                    feedback=self._choice_feedback(choice, identifier),
                )
            )
        if scoring == "map" and entries:
            for option, identifier in zip(options, identifiers, strict=True):
                option.fraction = max(-1.0, min(1.0, mapped.get(identifier, 0.0) / points))
            if not correct:
                best = max((option.fraction for option in options), default=0.0)
                for option in options:
                    option.correct = option.fraction > 0 and (not single or option.fraction == best)
        else:
            # All or nothing (match_correct): the keys share the credit, a wrong choice cancels it.
            n_correct = max(len(correct), 1)
            for option in options:
                if single:
                    option.fraction = 1.0 if option.correct else 0.0
                else:
                    option.fraction = 1 / n_correct if option.correct else -1.0
        shuffle = interaction.get("shuffle", "false").strip().lower() == "true"
        if any(choice.get("fixed", "").strip().lower() == "true" for choice in choices):
            shuffle = False
        item = ItemData(
            kind=Kind.SINGLE if single else Kind.MULTIPLE,
            stem="",
            options=options,
            points=points,
            shuffle=shuffle,
        )
        return self._as_true_false(item)

    def _as_true_false(self, item: ItemData) -> ItemData:
        """Return a two-option Đúng/Sai (True/False) single choice as a true/false item."""
        if item.kind != Kind.SINGLE or len(item.options) != 2:
            return item
        words = [
            markup.plain_text(option.text).rstrip(".").strip().lower() for option in item.options
        ]
        if set(words) not in TRUE_FALSE_WORDS:
            return item
        keys = item.correct_options()
        truth = words[keys[0]] in TRUE_WORDS if len(keys) == 1 else None
        return ItemData(kind=Kind.TRUE_FALSE, stem="", truth=truth, points=item.points)

    def _choice_feedback(self, choice: ET.Element, identifier: str) -> str:
        for child in choice.iter():
            if child.tag in ("qti-feedback-inline", "qti-feedback-block") and (
                child.get("identifier") == identifier
            ):
                return self._content(child)
        return ""

    def _text_entry(self, declaration: ET.Element) -> ItemData:
        base_type = declaration.get("base-type", "string")
        if base_type in ("float", "integer"):
            return self._numeric(declaration)
        if base_type != "string":
            raise _ItemError(f"kiểu đáp án “{base_type}” của ô điền không được hỗ trợ")
        correct = self._correct_values(declaration)
        entries, upper = self._mapping(declaration)
        points = self._declared_points() or upper
        if not points:
            points = max((value for _, value, _ in entries), default=0.0) or 1.0
        answers = [ShortAnswerData(key, value / points) for key, value, _ in entries]
        keys = {key for key, _, _ in entries}
        answers += [ShortAnswerData(value, 1.0) for value in correct if value not in keys]
        # match_correct compares strings exactly; a mapping says per entry.
        case_sensitive = all(sensitive for _, _, sensitive in entries) if entries else True
        return ItemData(
            kind=Kind.SHORT_TEXT,
            stem="",
            answers=answers,
            points=points,
            case_sensitive=case_sensitive,
        )

    def _numeric(self, declaration: ET.Element) -> ItemData:
        points = self._declared_points()
        answers = self._numeric_rules(declaration.get("identifier", ""))
        if not points:
            points = max((score or 0.0 for _, score in answers), default=0.0) or 1.0
        numeric = [
            NumericAnswerData(
                answer.value, answer.tolerance, 1.0 if score is None else score / points
            )
            for answer, score in answers
        ]
        if not numeric:
            numeric = [
                NumericAnswerData(self._float(value, "đáp án số"))
                for value in self._correct_values(declaration)
            ]
        return ItemData(kind=Kind.NUMERIC, stem="", numeric=numeric, points=points)

    def _numeric_rules(self, identifier: str) -> list[tuple[NumericAnswerData, float | None]]:
        """Read ``qti-equal`` rules (value, tolerance) and the score each one sets, if any."""
        processing = self.root.find("qti-response-processing")
        if processing is None:
            return []
        parents = {child: parent for parent in processing.iter() for child in parent}
        found = []
        for equal in processing.iter("qti-equal"):
            variables = [c for c in equal if c.tag == "qti-variable"]
            values = [c for c in equal if c.tag == "qti-base-value"]
            if len(variables) != 1 or variables[0].get("identifier") != identifier or not values:
                continue
            value = self._float(values[0].text or "", "đáp án số")
            mode = equal.get("tolerance-mode", "exact")
            bounds = (equal.get("tolerance") or "0").split()
            tolerance = 0.0 if mode == "exact" else self._float(bounds[0], "sai số (tolerance)")
            if mode == "relative":
                tolerance = abs(value) * tolerance / 100
            score = None
            branch = parents.get(equal)
            if branch is not None:
                for setter in branch.findall("qti-set-outcome-value"):
                    base = setter.find("qti-base-value")
                    if setter.get("identifier") == "SCORE" and base is not None:
                        score = self._float(base.text or "", "điểm (SCORE)")
            found.append((NumericAnswerData(value, tolerance), score))
        return found

    def _extended_text(self, declaration: ET.Element) -> ItemData:
        guides = [
            self._content(block)
            for block in self.root.iter("qti-rubric-block")
            if "scorer" in block.get("view", "").split()
        ]
        return ItemData(
            kind=Kind.ESSAY,
            stem="",
            essay_guide="\n".join(guide for guide in guides if guide),
            points=self._declared_points() or 1.0,
        )

    def _modal_feedback(self, item: ItemData, feedback: ET.Element) -> None:
        identifier = feedback.get("identifier", "")
        text = self._content(feedback)
        answer = _ANSWER_ID.match(identifier)
        if identifier == GENERAL_FEEDBACK:
            item.general_feedback = text
        elif answer and item.kind in (Kind.SHORT_TEXT, Kind.NUMERIC):
            answers: Sequence[ShortAnswerData | NumericAnswerData] = (
                item.answers if item.kind == Kind.SHORT_TEXT else item.numeric
            )
            position = int(answer.group(1)) - 1
            if 0 <= position < len(answers):
                answers[position].feedback = text
        elif self.interaction is not None and item.kind in (Kind.SINGLE, Kind.MULTIPLE):
            choices = self.interaction.findall("qti-simple-choice")
            for choice, option in zip(choices, item.options, strict=True):
                if choice.get("identifier") == identifier and not option.feedback:
                    option.feedback = text

    # Content.

    def _collect_images(self) -> None:
        """Turn every ``<img src>`` that points into the package into an asset."""
        base = posixpath.dirname(self.location)
        for image in self.root.iter("img"):
            src = (image.get("src") or "").strip()
            if not src or src.startswith(ASSET_SCHEME) or urlsplit(src).scheme:
                continue
            path = _join(base, src) if self.package is not None else None
            if path is None or self.package is None or path not in self.package.names:
                self.warn(f"ảnh “{src}” không có trong gói")
                continue
            content = self.package.read(path)
            name = markup.safe_asset_name(posixpath.basename(path))
            existing = next(
                (a for a in self.assets if a.content == content and a.name == name), None
            )
            if existing is None:
                name = markup.unique_name(name, {asset.name for asset in self.assets})
                self.assets.append(AssetData(name, markup.guess_mime(name, content), content))
            image.set("src", ASSET_SCHEME + name)

    def _transform(self, element: ET.Element) -> str | None:
        """Say how an element of the item body reads in our HTML (None: as it is)."""
        tag = element.tag
        if tag == "qti-text-entry-interaction":
            return "_____"
        if tag.endswith("-interaction"):
            prompt = element.find("qti-prompt")
            if prompt is None:
                return ""
            text = markup.inner_html(prompt, self._transform).strip()
            return text if markup.has_block(text) or not text else f"<p>{text}</p>"
        if tag == "qti-rubric-block":
            views = element.get("view", "candidate").split()
            return self._content(element) if "candidate" in views else ""
        if tag in ("p", "div") and self._holds_only_text_entry(element):
            return ""
        if tag == "qti-content-body":
            return None
        if tag.startswith("qti-"):
            return ""  # feedback, printed variables, templates: not part of the question text
        return None

    def _holds_only_text_entry(self, element: ET.Element) -> bool:
        return (
            len(element) == 1
            and element[0].tag == "qti-text-entry-interaction"
            and not (element.text or "").strip()
            and not (element[0].tail or "").strip()
        )

    def _html(self, element: ET.Element) -> str:
        return markup.inner_html(element, self._transform).strip()

    def _content(self, element: ET.Element) -> str:
        """Return the HTML of a feedback or rubric element (inside its qti-content-body)."""
        body = element.find("qti-content-body")
        return self._html(body if body is not None else element)

    def _stem(self, body: ET.Element) -> str:
        """Return the question text: the item body without the interaction (but its prompt).

        A body that is one plain ``<div>`` (how Sát Hạch writes it) gives that div's content.
        """
        shown = [child for child in body if markup.outer_html(child, self._transform).strip()]
        text_outside = (body.text or "").strip() or any((c.tail or "").strip() for c in body)
        if len(shown) == 1 and shown[0].tag == "div" and not shown[0].attrib and not text_outside:
            return self._html(shown[0])
        return self._html(body)


# --- Writing --------------------------------------------------------------------------------


def write(items: Sequence[ItemData]) -> bytes:
    """Return a QTI 3.0 content package (.zip) with one item file per item."""
    used: set[str] = set()
    entries: list[tuple[str, bytes]] = []
    resources = []
    for number, item in enumerate(items, 1):
        identifier = _identifier(item, number, used)
        item_path = f"items/{identifier}.xml"
        safe: dict[str, str] = {}
        for asset in item.assets:
            # A name from elsewhere could hold a folder or "..": never let it leave images/<id>/.
            name = markup.safe_asset_name(asset.name)
            safe[asset.name] = markup.unique_name(name, set(safe.values()))
        images = {name: f"images/{identifier}/{file}" for name, file in safe.items()}
        entries.append((item_path, _ItemWriter(item, identifier, images).xml()))
        entries += [(images[asset.name], asset.content) for asset in item.assets]
        resources.append((identifier, item_path, list(images.values()), item))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in [(MANIFEST, _manifest(resources)), *entries]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, content)
    return buffer.getvalue()


def _identifier(item: ItemData, number: int, used: set[str]) -> str:
    """Return the item's QTI identifier: its external id when that is one, else item-00001."""
    candidate = item.external_id
    if not _IDENTIFIER.match(candidate) or candidate.lower() in used:
        candidate = f"item-{number:05d}"
        while candidate.lower() in used:
            candidate += "-x"
    used.add(candidate.lower())
    return candidate


def _num(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _xml_bytes(root: ET.Element) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(
        parent, tag, {k.replace("_", "-"): markup.xml_text(v) for k, v in attributes.items()}
    )
    if text is not None:
        element.text = markup.xml_text(text)
    return element


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent the structural elements of an item; leave content (HTML) untouched."""
    if element.tag not in _STRUCTURE or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    if not (element.text or "").strip():
        element.text = inner
    for child in element:
        _indent(child, level + 1)
        if not (child.tail or "").strip():
            child.tail = inner
    if not (element[-1].tail or "").strip():
        element[-1].tail = "\n" + "  " * level


class _ItemWriter:
    """Write one item as a QTI 3.0 ``qti-assessment-item``."""

    def __init__(self, item: ItemData, identifier: str, images: dict[str, str]) -> None:
        self.item = item
        self.identifier = identifier
        # Item files sit in items/, images in images/<item>/: src is relative to the item file.
        self.image_src = {name: "../" + quote(path) for name, path in images.items()}
        self.choice_ids: list[str] = []
        self.has_feedback = bool(item.general_feedback) or any(
            part.feedback for part in _parts(item)
        )

    def xml(self) -> bytes:
        item = self.item
        root = ET.Element(
            "qti-assessment-item",
            {
                "xmlns": QTI3_NS,
                "xmlns:xsi": XSI_NS,
                "xsi:schemaLocation": f"{QTI3_NS} {ITEM_SCHEMA}",
                "identifier": self.identifier,
                "title": markup.xml_text(self._title()),
                "adaptive": "false",
                "time-dependent": "false",
                "xml:lang": "vi",
            },
        )
        if item.kind in (Kind.SINGLE, Kind.MULTIPLE):
            self.choice_ids = [_choice_id(i) for i in range(len(item.options))]
        elif item.kind == Kind.TRUE_FALSE:
            self.choice_ids = ["true", "false"]
        self._response_declaration(root)
        score = _sub(
            root,
            "qti-outcome-declaration",
            identifier="SCORE",
            cardinality="single",
            base_type="float",
            normal_maximum=_num(item.points),
        )
        if item.kind == Kind.ESSAY:
            score.set("external-scored", "human")
        _sub(_sub(score, "qti-default-value"), "qti-value", "0")
        if self.has_feedback:
            _sub(
                root,
                "qti-outcome-declaration",
                identifier="FEEDBACK",
                cardinality="multiple",
                base_type="identifier",
            )
        self._body(_sub(root, "qti-item-body"))
        self._response_processing(root)
        self._modal_feedback(root, GENERAL_FEEDBACK, item.general_feedback)
        answers: Sequence[ShortAnswerData | NumericAnswerData] = (
            item.answers if item.kind == Kind.SHORT_TEXT else item.numeric
        )
        if item.kind in (Kind.SHORT_TEXT, Kind.NUMERIC):
            for position, answer in enumerate(answers, 1):
                self._modal_feedback(root, f"{ANSWER_FEEDBACK}{position}", answer.feedback)
        _indent(root)
        return _xml_bytes(root)

    def _title(self) -> str:
        return self.item.title or markup.plain_text(self.item.stem)[:80] or self.identifier

    def _fragment(self, parent: ET.Element, fragment: str) -> ET.Element:
        """Append our HTML to ``parent`` as QTI XHTML, images pointing into the package."""
        markup.fragment_to_xml(fragment, parent, lambda tag, name: name in _KEPT_ATTRIBUTES)
        for image in parent.iter("img"):
            src = image.get("src", "")
            if src.startswith(ASSET_SCHEME) and src[len(ASSET_SCHEME) :] in self.image_src:
                image.set("src", self.image_src[src[len(ASSET_SCHEME) :]])
        return parent

    # Declarations.

    def _scoring(self) -> str:
        """Return how the item is scored: "match", "map" (templates) or "rules" (numeric)."""
        item = self.item
        if item.kind == Kind.ESSAY:
            return "none"
        if item.kind == Kind.TRUE_FALSE:
            return "match" if item.points == 1 else "map"
        if item.kind == Kind.SINGLE:
            plain = all(o.fraction == (1.0 if o.correct else 0.0) for o in item.options)
            return "match" if plain and item.points == 1 else "map"
        if item.kind == Kind.NUMERIC:
            only = item.numeric[0] if len(item.numeric) == 1 else None
            plain = only is not None and only.tolerance == 0 and only.fraction == 1
            return "match" if plain and item.points == 1 and not self.has_feedback else "rules"
        return "map"

    def _keys_and_credit(self) -> tuple[list[str], dict[str, float]]:
        """Return the correct response values and the credit (fraction) of each key."""
        item = self.item
        if item.kind == Kind.TRUE_FALSE:
            key = "true" if item.truth else "false"
            return [key], {key: 1.0}
        if item.kind in (Kind.SINGLE, Kind.MULTIPLE):
            n_correct = max(len(item.correct_options()), 1)
            credit = {}
            for identifier, option in zip(self.choice_ids, item.options, strict=True):
                fraction = option.fraction
                if option.correct and fraction <= 0:
                    fraction = 1.0 if item.kind == Kind.SINGLE else 1 / n_correct
                elif not option.correct and fraction > 0 and item.kind == Kind.MULTIPLE:
                    fraction = 0.0
                if option.correct and item.kind == Kind.SINGLE:
                    fraction = 1.0
                credit[identifier] = fraction
            keys = [i for i, o in zip(self.choice_ids, item.options, strict=True) if o.correct]
            return keys, credit
        if item.kind == Kind.SHORT_TEXT:
            best = max(item.answers, key=lambda answer: answer.fraction)
            return [best.text], {answer.text: answer.fraction for answer in item.answers}
        if item.kind == Kind.NUMERIC:
            best_numeric = max(item.numeric, key=lambda answer: answer.fraction)
            return [_num(best_numeric.value)], {}
        return [], {}

    def _response_declaration(self, root: ET.Element) -> None:
        item = self.item
        cardinality = "multiple" if item.kind == Kind.MULTIPLE else "single"
        base_type = {
            Kind.SINGLE: "identifier",
            Kind.MULTIPLE: "identifier",
            Kind.TRUE_FALSE: "identifier",
            Kind.NUMERIC: "float",
        }.get(item.kind, "string")
        declaration = _sub(
            root,
            "qti-response-declaration",
            identifier="RESPONSE",
            cardinality=cardinality,
            base_type=base_type,
        )
        keys, credit = self._keys_and_credit()
        if keys:
            correct = _sub(declaration, "qti-correct-response")
            for key in keys:
                _sub(correct, "qti-value", key)
        if self._scoring() != "map":
            return
        mapping = _sub(
            declaration,
            "qti-mapping",
            default_value="0",
            lower_bound="0",
            upper_bound=_num(item.points),
        )
        for key, fraction in credit.items():
            if fraction == 0 and item.kind != Kind.SHORT_TEXT:
                continue
            entry = _sub(
                mapping, "qti-map-entry", map_key=key, mapped_value=_num(fraction * item.points)
            )
            if item.kind == Kind.SHORT_TEXT:
                entry.set("case-sensitive", "true" if item.case_sensitive else "false")

    # Body.

    def _body(self, body: ET.Element) -> None:
        item = self.item
        self._fragment(_sub(body, "div"), item.stem)
        if item.kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE):
            interaction = _sub(
                body,
                "qti-choice-interaction",
                response_identifier="RESPONSE",
                shuffle="true" if item.shuffle and item.kind != Kind.TRUE_FALSE else "false",
                max_choices="1" if item.kind != Kind.MULTIPLE else "0",
            )
            if item.kind == Kind.TRUE_FALSE:
                _sub(interaction, "qti-simple-choice", "Đúng", identifier="true")
                _sub(interaction, "qti-simple-choice", "Sai", identifier="false")
                return
            for identifier, option in zip(self.choice_ids, item.options, strict=True):
                choice = self._fragment(
                    _sub(interaction, "qti-simple-choice", identifier=identifier), option.text
                )
                if option.feedback:
                    self._choice_feedback(choice, identifier, option.feedback)
        elif item.kind in (Kind.SHORT_TEXT, Kind.NUMERIC):
            _sub(_sub(body, "p"), "qti-text-entry-interaction", response_identifier="RESPONSE")
        else:
            _sub(body, "qti-extended-text-interaction", response_identifier="RESPONSE")
            if item.essay_guide:
                rubric = _sub(body, "qti-rubric-block", use="scoring", view="scorer")
                self._fragment(_sub(rubric, "qti-content-body"), item.essay_guide)

    def _choice_feedback(self, choice: ET.Element, identifier: str, feedback: str) -> None:
        attributes = {
            "outcome-identifier": "FEEDBACK",
            "identifier": identifier,
            "show-hide": "show",
        }
        if markup.has_block(feedback):
            block = ET.SubElement(choice, "qti-feedback-block", attributes)
            self._fragment(_sub(block, "qti-content-body"), feedback)
        else:
            self._fragment(ET.SubElement(choice, "qti-feedback-inline", attributes), feedback)

    def _modal_feedback(self, root: ET.Element, identifier: str, feedback: str) -> None:
        if not feedback:
            return
        modal = _sub(
            root,
            "qti-modal-feedback",
            outcome_identifier="FEEDBACK",
            identifier=identifier,
            show_hide="show",
        )
        self._fragment(_sub(modal, "qti-content-body"), feedback)

    # Response processing.

    def _response_processing(self, root: ET.Element) -> None:
        scoring = self._scoring()
        if scoring == "none" and not self.has_feedback:
            return
        processing = _sub(root, "qti-response-processing")
        if scoring in ("match", "map"):
            processing.set("template", MATCH_CORRECT if scoring == "match" else MAP_RESPONSE)
            if not self.has_feedback:
                return
            # Feedback needs rules; they repeat the template's scoring (the rules win over the
            # template in a player that runs them, and say the same thing).
            self._template_rules(processing, scoring)
        elif scoring == "rules":
            self._numeric_rules(processing)
        self._feedback_rules(processing)

    def _set_score(self, parent: ET.Element, expression: str | float) -> None:
        setter = _sub(parent, "qti-set-outcome-value", identifier="SCORE")
        if isinstance(expression, str):
            _sub(setter, expression, identifier="RESPONSE")
        else:
            _sub(setter, "qti-base-value", _num(expression), base_type="float")

    def _template_rules(self, processing: ET.Element, scoring: str) -> None:
        condition = _sub(processing, "qti-response-condition")
        branch = _sub(condition, "qti-response-if")
        if scoring == "match":
            match = _sub(branch, "qti-match")
            _sub(match, "qti-variable", identifier="RESPONSE")
            _sub(match, "qti-correct", identifier="RESPONSE")
            self._set_score(branch, 1.0)
            self._set_score(_sub(condition, "qti-response-else"), 0.0)
        else:
            _sub(_sub(branch, "qti-is-null"), "qti-variable", identifier="RESPONSE")
            self._set_score(branch, 0.0)
            self._set_score(_sub(condition, "qti-response-else"), "qti-map-response")

    def _numeric_rules(self, processing: ET.Element) -> None:
        condition = _sub(processing, "qti-response-condition")
        for position, answer in enumerate(self.item.numeric, 1):
            branch = _sub(condition, "qti-response-if" if position == 1 else "qti-response-else-if")
            equal = _sub(branch, "qti-equal", tolerance_mode="exact")
            if answer.tolerance:
                equal.set("tolerance-mode", "absolute")
                equal.set("tolerance", _num(answer.tolerance))
            _sub(equal, "qti-variable", identifier="RESPONSE")
            _sub(equal, "qti-base-value", _num(answer.value), base_type="float")
            self._set_score(branch, answer.fraction * self.item.points)
            if answer.feedback:
                self._add_feedback(branch, f"{ANSWER_FEEDBACK}{position}")
        self._set_score(_sub(condition, "qti-response-else"), 0.0)

    def _add_feedback(self, parent: ET.Element, identifier: str | None) -> None:
        """Add ``identifier`` (None: the response itself) to the FEEDBACK outcome."""
        multiple = _sub(
            _sub(parent, "qti-set-outcome-value", identifier="FEEDBACK"), "qti-multiple"
        )
        _sub(multiple, "qti-variable", identifier="FEEDBACK")
        if identifier is None:
            _sub(multiple, "qti-variable", identifier="RESPONSE")
        else:
            _sub(multiple, "qti-base-value", identifier, base_type="identifier")

    def _feedback_rules(self, processing: ET.Element) -> None:
        item = self.item
        if any(option.feedback for option in item.options):
            self._add_feedback(processing, None)
        if item.kind == Kind.SHORT_TEXT:
            for position, answer in enumerate(item.answers, 1):
                if not answer.feedback:
                    continue
                branch = _sub(_sub(processing, "qti-response-condition"), "qti-response-if")
                match = _sub(
                    branch,
                    "qti-string-match",
                    case_sensitive="true" if item.case_sensitive else "false",
                )
                _sub(match, "qti-variable", identifier="RESPONSE")
                _sub(match, "qti-base-value", answer.text, base_type="string")
                self._add_feedback(branch, f"{ANSWER_FEEDBACK}{position}")
        if item.general_feedback:
            self._add_feedback(processing, GENERAL_FEEDBACK)


def _parts(item: ItemData) -> list[OptionData | ShortAnswerData | NumericAnswerData]:
    return [*item.options, *item.answers, *item.numeric]


def _choice_id(position: int) -> str:
    return chr(ord("A") + position) if position < 26 else f"C{position + 1}"


# --- Writing: the manifest ------------------------------------------------------------------


def _manifest(resources: list[tuple[str, str, list[str], ItemData]]) -> bytes:
    root = ET.Element(
        "manifest",
        {
            "xmlns": CP_NS,
            "xmlns:imsmd": LOM_NS,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": f"{CP_NS} {CP_SCHEMA} {LOM_NS} {LOM_SCHEMA}",
            "identifier": "sathach-export",
        },
    )
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", "QTI Package")
    _sub(metadata, "schemaversion", "3.0.0")
    _sub(root, "organizations")
    container = _sub(root, "resources")
    for identifier, path, images, item in resources:
        resource = _sub(
            container,
            "resource",
            identifier=f"res-{identifier}",
            type="imsqti_item_xmlv3p0",
            href=path,
        )
        lom = _lom(item)
        if len(lom):
            _sub(resource, "metadata").append(lom)
        _sub(resource, "file", href=path)
        for image in images:
            _sub(resource, "file", href=image)
    ET.indent(root)
    return _xml_bytes(root)


def _lom(item: ItemData) -> ET.Element:
    """Return the LOM record of an item: difficulty, source (isbasedon) and topic (taxonPath)."""
    lom = ET.Element("imsmd:lom")

    def vocabulary(parent: ET.Element, tag: str, value: str) -> None:
        element = _sub(parent, tag)
        _sub(element, "imsmd:source", "LOMv1.0")
        _sub(element, "imsmd:value", value)

    def string(parent: ET.Element, tag: str, text: str) -> None:
        _sub(_sub(parent, tag), "imsmd:string", text, language="vi")

    if item.difficulty is not None:
        vocabulary(
            _sub(lom, "imsmd:educational"), "imsmd:difficulty", DIFFICULTY_LOM[item.difficulty]
        )
    if item.source:
        relation = _sub(lom, "imsmd:relation")
        vocabulary(relation, "imsmd:kind", "isbasedon")
        string(_sub(relation, "imsmd:resource"), "imsmd:description", item.source)
    if item.topic_path:
        classification = _sub(lom, "imsmd:classification")
        vocabulary(classification, "imsmd:purpose", "discipline")
        path = _sub(classification, "imsmd:taxonPath")
        string(path, "imsmd:source", TAXON_SOURCE)
        for name in item.topic_path:
            string(_sub(path, "imsmd:taxon"), "imsmd:entry", name)
    return lom
