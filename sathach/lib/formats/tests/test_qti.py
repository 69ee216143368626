"""QTI: 3.0 packages, 2.x items and packages, malformed packages, and write→parse."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sathach.lib.formats import qti
from sathach.lib.formats.items import (
    AssetData,
    Difficulty,
    Issue,
    ItemData,
    ItemFormatError,
    Kind,
    NumericAnswerData,
    OptionData,
    ShortAnswerData,
)
from sathach.lib.formats.tests.test_moodle import png

SAMPLES = Path(__file__).resolve().parents[4] / "docs" / "formats" / "samples"
QTI3 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
QTI21 = "http://www.imsglobal.org/xsd/imsqti_v2p1"
MATCH = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"
MAP = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response.xml"


def item3(body: str, declarations: str = "", *, identifier: str = "q1", tail: str = "") -> str:
    """Return a QTI 3.0 item with ``body`` inside qti-item-body."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<qti-assessment-item xmlns="{QTI3}" '
        f'identifier="{identifier}" title="Câu {identifier}" adaptive="false" '
        f'time-dependent="false">\n{declarations}\n<qti-item-body>{body}</qti-item-body>\n'
        f"{tail}</qti-assessment-item>\n"
    )


def manifest(
    *resources: str, namespace: str = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<manifest xmlns="{namespace}" '
        'xmlns:imsmd="http://ltsc.ieee.org/xsd/LOM" identifier="m">\n<resources>\n'
        + "".join(resources)
        + "</resources>\n</manifest>\n"
    )


def resource(href: str, lom: str = "", kind: str = "imsqti_item_xmlv3p0") -> str:
    metadata = f"<metadata><imsmd:lom>{lom}</imsmd:lom></metadata>" if lom else ""
    return (
        f'<resource identifier="r-{href.replace("/", "-")}" type="{kind}" href="{href}">'
        f'{metadata}<file href="{href}"/></resource>\n'
    )


def package(files: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def one_item_package(item_xml: str, lom: str = "", extra: dict[str, str | bytes] | None = None):
    files: dict[str, str | bytes] = {
        "imsmanifest.xml": manifest(resource("items/q1.xml", lom)),
        "items/q1.xml": item_xml,
    }
    files.update(extra or {})
    return qti.parse(package(files), filename="goi.zip")


CHOICE_DECLARATION = (
    '<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">'
    "<qti-correct-response><qti-value>B</qti-value></qti-correct-response>"
    "</qti-response-declaration>"
    '<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>'
)
CHOICE_BODY = (
    "<p>Chọn một đáp án.</p>"
    '<qti-choice-interaction response-identifier="RESPONSE" shuffle="true" max-choices="1">'
    "<qti-prompt>Thủ đô của Việt Nam là?</qti-prompt>"
    '<qti-simple-choice identifier="A">TP. Hồ Chí Minh</qti-simple-choice>'
    '<qti-simple-choice identifier="B">Hà <b>Nội</b></qti-simple-choice>'
    '<qti-simple-choice identifier="C">Đà Nẵng</qti-simple-choice>'
    "</qti-choice-interaction>"
)
MATCH_PROCESSING = f'<qti-response-processing template="{MATCH}"/>'


# --- Reading each kind ------------------------------------------------------------------------


def test_choice_with_max_choices_1_is_single_choice_keyed_by_the_correct_response():
    result = one_item_package(item3(CHOICE_BODY, CHOICE_DECLARATION, tail=MATCH_PROCESSING))
    assert result.errors == []
    item = result.items[0]
    assert item.kind == Kind.SINGLE
    assert item.stem == "<p>Chọn một đáp án.</p><p>Thủ đô của Việt Nam là?</p>"
    assert item.options == [
        OptionData("TP. Hồ Chí Minh", False, 0.0),
        OptionData("Hà <b>Nội</b>", True, 1.0),
        OptionData("Đà Nẵng", False, 0.0),
    ]
    assert (item.shuffle, item.points, item.title, item.external_id, item.location) == (
        True,
        1.0,
        "Câu q1",
        "q1",
        "items/q1.xml",
    )


def test_choice_with_max_choices_0_is_multiple_response_with_fractions_from_the_mapping():
    declaration = (
        '<qti-response-declaration identifier="RESPONSE" cardinality="multiple" '
        'base-type="identifier"><qti-correct-response><qti-value>A</qti-value>'
        "<qti-value>C</qti-value></qti-correct-response>"
        '<qti-mapping default-value="0" lower-bound="0" upper-bound="2">'
        '<qti-map-entry map-key="A" mapped-value="1"/>'
        '<qti-map-entry map-key="B" mapped-value="-1"/>'
        '<qti-map-entry map-key="C" mapped-value="1"/></qti-mapping></qti-response-declaration>'
    )
    body = CHOICE_BODY.replace('max-choices="1"', 'max-choices="0"')
    result = one_item_package(
        item3(body, declaration, tail=f'<qti-response-processing template="{MAP}"/>')
    )
    item = result.items[0]
    assert item.kind == Kind.MULTIPLE
    assert [(o.correct, o.fraction) for o in item.options] == [
        (True, 0.5),
        (False, -0.5),
        (True, 0.5),
    ]
    assert item.points == 2.0


def test_multiple_response_under_match_correct_shares_the_credit_and_a_wrong_choice_cancels_it():
    declaration = CHOICE_DECLARATION.replace('cardinality="single"', 'cardinality="multiple"', 1)
    declaration = declaration.replace(
        "<qti-value>B</qti-value>", "<qti-value>A</qti-value><qti-value>B</qti-value>"
    )
    body = CHOICE_BODY.replace('max-choices="1"', 'max-choices="3"')
    item = one_item_package(item3(body, declaration, tail=MATCH_PROCESSING)).items[0]
    assert [(o.correct, o.fraction) for o in item.options] == [
        (True, 0.5),
        (True, 0.5),
        (False, -1.0),
    ]


def test_two_choices_dung_sai_are_a_true_false_item():
    body = (
        "<p>Công chức được thành lập doanh nghiệp tư nhân.</p>"
        '<qti-choice-interaction response-identifier="RESPONSE" max-choices="1">'
        '<qti-simple-choice identifier="D">Đúng</qti-simple-choice>'
        '<qti-simple-choice identifier="S">Sai.</qti-simple-choice></qti-choice-interaction>'
    )
    declaration = CHOICE_DECLARATION.replace("<qti-value>B</qti-value>", "<qti-value>S</qti-value>")
    item = one_item_package(item3(body, declaration, tail=MATCH_PROCESSING)).items[0]
    assert (item.kind, item.truth, item.options) == (Kind.TRUE_FALSE, False, [])


def test_two_choices_true_false_in_english_are_a_true_false_item():
    body = (
        "<p>Câu hỏi</p>"
        '<qti-choice-interaction response-identifier="RESPONSE" max-choices="1">'
        '<qti-simple-choice identifier="t">True</qti-simple-choice>'
        '<qti-simple-choice identifier="f">False</qti-simple-choice></qti-choice-interaction>'
    )
    declaration = CHOICE_DECLARATION.replace("<qti-value>B</qti-value>", "<qti-value>t</qti-value>")
    item = one_item_package(item3(body, declaration, tail=MATCH_PROCESSING)).items[0]
    assert (item.kind, item.truth) == (Kind.TRUE_FALSE, True)


def test_a_fixed_choice_turns_shuffling_off():
    body = CHOICE_BODY.replace('identifier="C">', 'identifier="C" fixed="true">')
    item = one_item_package(item3(body, CHOICE_DECLARATION, tail=MATCH_PROCESSING)).items[0]
    assert item.shuffle is False


def test_text_entry_with_string_base_type_is_short_text_from_the_mapping():
    declaration = (
        '<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string">'
        "<qti-correct-response><qti-value>Hà Nội</qti-value></qti-correct-response>"
        '<qti-mapping default-value="0"><qti-map-entry map-key="Hà Nội" mapped-value="1" '
        'case-sensitive="false"/><qti-map-entry map-key="Ha Noi" mapped-value="0.5" '
        'case-sensitive="false"/></qti-mapping></qti-response-declaration>'
    )
    body = (
        '<p>Thủ đô của Việt Nam là <qti-text-entry-interaction response-identifier="RESPONSE" '
        'expected-length="10"/>.</p>'
    )
    item = one_item_package(
        item3(body, declaration, tail=f'<qti-response-processing template="{MAP}"/>')
    ).items[0]
    assert item.kind == Kind.SHORT_TEXT
    assert item.stem == "<p>Thủ đô của Việt Nam là _____.</p>"
    assert item.answers == [ShortAnswerData("Hà Nội", 1.0), ShortAnswerData("Ha Noi", 0.5)]
    assert item.case_sensitive is False


def test_text_entry_under_match_correct_is_a_case_sensitive_short_text():
    declaration = (
        '<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string">'
        "<qti-correct-response><qti-value>UBND</qti-value></qti-correct-response>"
        "</qti-response-declaration>"
    )
    body = '<p>Viết tắt: <qti-text-entry-interaction response-identifier="RESPONSE"/></p>'
    item = one_item_package(item3(body, declaration, tail=MATCH_PROCESSING)).items[0]
    assert (item.answers, item.case_sensitive) == ([ShortAnswerData("UBND", 1.0)], True)


def test_text_entry_with_float_base_type_is_numeric_with_tolerance_from_the_equal_rule():
    declaration = (
        '<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="float">'
        "<qti-correct-response><qti-value>87</qti-value></qti-correct-response>"
        "</qti-response-declaration>"
        '<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float" '
        'normal-maximum="2"/>'
    )
    processing = (
        "<qti-response-processing><qti-response-condition><qti-response-if>"
        '<qti-equal tolerance-mode="absolute" tolerance="0.5"><qti-variable identifier="RESPONSE"/>'
        '<qti-base-value base-type="float">87</qti-base-value></qti-equal>'
        '<qti-set-outcome-value identifier="SCORE"><qti-base-value base-type="float">2'
        "</qti-base-value></qti-set-outcome-value></qti-response-if><qti-response-else-if>"
        '<qti-equal tolerance-mode="relative" tolerance="10"><qti-variable identifier="RESPONSE"/>'
        '<qti-base-value base-type="float">80</qti-base-value></qti-equal>'
        '<qti-set-outcome-value identifier="SCORE"><qti-base-value base-type="float">1'
        "</qti-base-value></qti-set-outcome-value></qti-response-else-if>"
        "</qti-response-condition></qti-response-processing>"
    )
    body = '<p>Số điều: <qti-text-entry-interaction response-identifier="RESPONSE"/></p>'
    item = one_item_package(item3(body, declaration, tail=processing)).items[0]
    assert item.kind == Kind.NUMERIC
    assert item.numeric == [NumericAnswerData(87.0, 0.5, 1.0), NumericAnswerData(80.0, 8.0, 0.5)]
    assert item.points == 2.0


def test_numeric_under_match_correct_is_exact():
    declaration = (
        '<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="integer">'
        "<qti-correct-response><qti-value>63</qti-value></qti-correct-response>"
        "</qti-response-declaration>"
    )
    body = '<p>Số tỉnh: <qti-text-entry-interaction response-identifier="RESPONSE"/></p>'
    item = one_item_package(item3(body, declaration, tail=MATCH_PROCESSING)).items[0]
    assert item.numeric == [NumericAnswerData(63.0, 0.0, 1.0)]


def test_extended_text_is_an_essay_with_the_scorer_rubric_as_marking_guide():
    declaration = (
        '<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"/>'
        '<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float" '
        'normal-maximum="10" external-scored="human"/>'
    )
    body = (
        '<qti-rubric-block use="instructions" view="candidate"><qti-content-body><p>Viết tối đa '
        "300 chữ.</p></qti-content-body></qti-rubric-block>"
        "<p>Trình bày quy trình tiếp công dân.</p>"
        '<qti-extended-text-interaction response-identifier="RESPONSE" expected-lines="10"/>'
        '<qti-rubric-block use="scoring" view="scorer tutor"><qti-content-body><p>Ý 1: 4 điểm</p>'
        "</qti-content-body></qti-rubric-block>"
    )
    item = one_item_package(item3(body, declaration)).items[0]
    assert item.kind == Kind.ESSAY
    assert item.stem == "<p>Viết tối đa 300 chữ.</p><p>Trình bày quy trình tiếp công dân.</p>"
    assert (item.essay_guide, item.points) == ("<p>Ý 1: 4 điểm</p>", 10.0)


def test_modal_and_inline_feedback_become_general_and_option_feedback():
    body = CHOICE_BODY.replace(
        "Đà Nẵng</qti-simple-choice>",
        'Đà Nẵng<qti-feedback-inline outcome-identifier="FEEDBACK" identifier="C" '
        'show-hide="show">Đà Nẵng ở miền Trung</qti-feedback-inline></qti-simple-choice>',
    )
    tail = (
        MATCH_PROCESSING + '<qti-modal-feedback outcome-identifier="FEEDBACK" identifier="GENERAL" '
        'show-hide="show"><qti-content-body><p>Hà Nội là thủ đô từ 1010.</p></qti-content-body>'
        '</qti-modal-feedback><qti-modal-feedback outcome-identifier="FEEDBACK" identifier="A" '
        'show-hide="show"><qti-content-body>Sai</qti-content-body></qti-modal-feedback>'
    )
    item = one_item_package(item3(body, CHOICE_DECLARATION, tail=tail)).items[0]
    assert item.general_feedback == "<p>Hà Nội là thủ đô từ 1010.</p>"
    assert [o.feedback for o in item.options] == ["Sai", "", "Đà Nẵng ở miền Trung"]
    assert item.options[2].text == "Đà Nẵng"


# --- Metadata and images --------------------------------------------------------------------


LOM = (
    "<imsmd:educational><imsmd:difficulty><imsmd:source>LOMv1.0</imsmd:source>"
    "<imsmd:value>difficult</imsmd:value></imsmd:difficulty></imsmd:educational>"
    "<imsmd:relation><imsmd:kind><imsmd:source>LOMv1.0</imsmd:source><imsmd:value>isbasedon"
    '</imsmd:value></imsmd:kind><imsmd:resource><imsmd:description><imsmd:string language="vi">'
    "Luật Cán bộ, công chức 2008, Điều 8</imsmd:string></imsmd:description></imsmd:resource>"
    "</imsmd:relation><imsmd:classification><imsmd:purpose><imsmd:source>LOMv1.0</imsmd:source>"
    "<imsmd:value>discipline</imsmd:value></imsmd:purpose><imsmd:taxonPath><imsmd:source>"
    "<imsmd:string>Sát Hạch</imsmd:string></imsmd:source><imsmd:taxon><imsmd:entry>"
    "<imsmd:string>Kiến thức chung</imsmd:string></imsmd:entry></imsmd:taxon><imsmd:taxon>"
    "<imsmd:entry><imsmd:string>Hệ thống chính trị</imsmd:string></imsmd:entry></imsmd:taxon>"
    "</imsmd:taxonPath></imsmd:classification>"
)


def test_lom_gives_difficulty_source_and_topic_path():
    item = one_item_package(item3(CHOICE_BODY, CHOICE_DECLARATION), LOM).items[0]
    assert item.difficulty == Difficulty.HARD
    assert item.source == "Luật Cán bộ, công chức 2008, Điều 8"
    assert item.topic_path == ("Kiến thức chung", "Hệ thống chính trị")


@pytest.mark.parametrize(
    ("word", "difficulty"),
    [("very easy", Difficulty.EASY), ("easy", Difficulty.EASY), ("medium", Difficulty.MEDIUM)],
)
def test_lom_difficulty_words_map_to_three_levels(word, difficulty):
    lom = LOM.replace(">difficult<", f">{word}<")
    assert (
        one_item_package(item3(CHOICE_BODY, CHOICE_DECLARATION), lom).items[0].difficulty
        == difficulty
    )


def test_keyword_topic_is_read_when_there_is_no_classification():
    lom = (
        "<imsmd:general><imsmd:keyword><imsmd:string>topic:Pháp luật/Đất đai</imsmd:string>"
        "</imsmd:keyword></imsmd:general>"
    )
    item = one_item_package(item3(CHOICE_BODY, CHOICE_DECLARATION), lom).items[0]
    assert item.topic_path == ("Pháp luật", "Đất đai")


def test_unknown_lom_difficulty_is_a_warning():
    lom = LOM.replace(">difficult<", ">rất khó<")
    result = one_item_package(item3(CHOICE_BODY, CHOICE_DECLARATION), lom)
    assert result.items[0].difficulty is None
    assert result.warnings == [
        Issue("items/q1.xml", "không hiểu độ khó “rất khó” trong siêu dữ liệu LOM")
    ]


def test_image_in_the_package_becomes_an_asset():
    image = png(3)
    body = (
        '<p>Sơ đồ: <img src="../images/s%C6%A1%20%C4%91%E1%BB%93.png" alt="sơ đồ"/></p>'
        + CHOICE_BODY
    )
    result = one_item_package(item3(body, CHOICE_DECLARATION), extra={"images/sơ đồ.png": image})
    item = result.items[0]
    assert item.stem.startswith('<p>Sơ đồ: <img src="asset:sơ đồ.png" alt="sơ đồ"></p>')
    assert item.assets == [AssetData("sơ đồ.png", "image/png", image)]


def test_image_missing_from_the_package_is_a_warning():
    body = '<p><img src="images/mat.png"/></p>' + CHOICE_BODY
    result = one_item_package(item3(body, CHOICE_DECLARATION))
    assert result.warnings == [Issue("items/q1.xml", "ảnh “images/mat.png” không có trong gói")]


# --- QTI 2.x --------------------------------------------------------------------------------


ITEM21 = f"""<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="{QTI21}" identifier="tf-1" title="Đúng sai" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>true</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float" normalMaximum="0.5"/>
  <itemBody>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
      <prompt>Xã là đơn vị hành chính cấp cơ sở.</prompt>
      <simpleChoice identifier="true">Đúng</simpleChoice>
      <simpleChoice identifier="false">Sai</simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
</assessmentItem>
"""


def test_a_single_qti21_item_file_is_read_in_its_camel_case_names():
    result = qti.parse(ITEM21.encode(), filename="tf.xml")
    assert result.errors == []
    item = result.items[0]
    assert (item.kind, item.truth, item.points, item.stem, item.location) == (
        Kind.TRUE_FALSE,
        True,
        0.5,
        "<p>Xã là đơn vị hành chính cấp cơ sở.</p>",
        "tf.xml",
    )


def test_a_qti22_package_is_read():
    item22 = ITEM21.replace("imsqti_v2p1", "imsqti_v2p2")
    data = package(
        {
            "imsmanifest.xml": manifest(
                resource("tf.xml", kind="imsqti_item_xmlv2p2"),
                namespace="http://www.imsglobal.org/xsd/imscp_v1p1",
            ),
            "tf.xml": item22,
        }
    )
    result = qti.parse(data)
    assert [(item.kind, item.truth, item.location) for item in result.items] == [
        (Kind.TRUE_FALSE, True, "tf.xml")
    ]


def test_shipped_qti21_sample_reads_as_multiple_response_with_partial_credit():
    path = SAMPLES / "sample-qti21-item.xml"
    result = qti.parse(path.read_bytes(), filename=path.name)
    assert (result.errors, result.warnings, result.skipped) == ([], [], {})
    item = result.items[0]
    assert item.kind == Kind.MULTIPLE
    assert [(o.correct, o.fraction, o.feedback) for o in item.options] == [
        (True, 0.5, "Đúng: Điều 8."),
        (True, 0.5, "Đúng: Điều 9."),
        (False, -1.0, ""),
    ]
    assert (item.points, item.shuffle, item.external_id) == (2.0, False, "CBCC-021")
    assert item.general_feedback == "Xem Điều 8 và Điều 9 Luật Cán bộ, công chức."


# --- Malformed packages and items -----------------------------------------------------------


def test_truncated_zip_is_refused():
    data = package({"imsmanifest.xml": manifest(), "items/q1.xml": item3(CHOICE_BODY)})
    with pytest.raises(ItemFormatError) as error:
        qti.parse(data[: len(data) // 2], filename="goi.zip")
    assert str(error.value) == (
        "Tệp .zip bị hỏng hoặc không đầy đủ (có thể tải lên bị ngắt giữa chừng); "
        "hãy tạo lại gói và tải lên lần nữa"
    )


def test_zip_with_a_corrupt_entry_is_refused_naming_the_entry():
    item = item3(CHOICE_BODY, CHOICE_DECLARATION) * 5
    data = bytearray(
        package({"imsmanifest.xml": manifest(resource("items/q1.xml")), "items/q1.xml": item})
    )
    start = data.index(b"items/q1.xml") + len("items/q1.xml") + 40
    data[start : start + 8] = b"\x00" * 8
    with pytest.raises(ItemFormatError) as error:
        qti.parse(bytes(data))
    assert str(error.value) == "Tệp .zip bị hỏng hoặc không đầy đủ: không đọc được “items/q1.xml”"


def test_zip_without_a_manifest_is_refused():
    with pytest.raises(ItemFormatError) as error:
        qti.parse(package({"items/q1.xml": item3(CHOICE_BODY)}))
    assert str(error.value) == (
        "Gói .zip không có tệp imsmanifest.xml ở thư mục gốc: đây không phải gói QTI"
    )


def test_manifest_pointing_to_a_missing_file_is_an_error_naming_the_file():
    data = package(
        {
            "imsmanifest.xml": manifest(resource("items/q1.xml"), resource("items/q2.xml")),
            "items/q1.xml": item3(CHOICE_BODY, CHOICE_DECLARATION),
        }
    )
    result = qti.parse(data)
    assert len(result.items) == 1
    assert result.errors == [
        Issue("imsmanifest.xml", "tệp “items/q2.xml” được khai báo nhưng không có trong gói")
    ]


def test_broken_manifest_is_refused_naming_its_line():
    data = package({"imsmanifest.xml": manifest(resource("a.xml")).replace("</resources>", "")})
    with pytest.raises(ItemFormatError) as error:
        qti.parse(data)
    assert str(error.value) == (
        "imsmanifest.xml, dòng 6, cột 3: Tệp XML bị hỏng: thẻ đóng không khớp với thẻ mở"
    )


def test_correct_response_pointing_to_a_missing_choice_is_an_error_naming_it_and_the_file():
    declaration = CHOICE_DECLARATION.replace("<qti-value>B</qti-value>", "<qti-value>D</qti-value>")
    result = one_item_package(item3(CHOICE_BODY, declaration))
    assert result.items == []
    assert result.errors == [Issue("items/q1.xml", "đáp án đúng “D” không có trong các phương án")]


def test_mapping_entry_pointing_to_a_missing_choice_is_an_error_naming_it():
    declaration = CHOICE_DECLARATION.replace(
        "</qti-correct-response>",
        '</qti-correct-response><qti-mapping><qti-map-entry map-key="Z" mapped-value="1"/>'
        "</qti-mapping>",
    )
    result = one_item_package(item3(CHOICE_BODY, declaration))
    assert result.errors == [
        Issue("items/q1.xml", "mục chấm điểm “Z” (qti-map-entry) không có trong các phương án")
    ]


def test_choice_without_a_correct_response_is_an_error():
    declaration = CHOICE_DECLARATION.replace(
        "<qti-correct-response><qti-value>B</qti-value></qti-correct-response>", ""
    )
    result = one_item_package(item3(CHOICE_BODY, declaration))
    assert result.errors == [Issue("items/q1.xml", "không có đáp án đúng")]


def test_empty_question_is_an_error():
    body = CHOICE_BODY.replace("<p>Chọn một đáp án.</p>", "").replace(
        "<qti-prompt>Thủ đô của Việt Nam là?</qti-prompt>", ""
    )
    result = one_item_package(item3(body, CHOICE_DECLARATION))
    assert result.errors == [Issue("items/q1.xml", "câu hỏi không có nội dung")]


def test_broken_item_xml_is_an_error_naming_the_file_and_line():
    result = one_item_package(item3(CHOICE_BODY, CHOICE_DECLARATION).replace("</p>", "</b>"))
    assert result.errors == [
        Issue("items/q1.xml, dòng 4, cột 37", "tệp XML bị hỏng: thẻ đóng không khớp với thẻ mở")
    ]


def test_dtd_in_an_item_is_refused():
    entity_bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>\n'
    result = one_item_package(
        entity_bomb + item3(CHOICE_BODY, CHOICE_DECLARATION).split("\n", 1)[1]
    )
    assert result.errors == [
        Issue(
            "items/q1.xml, dòng 1",
            "tệp XML có khai báo DTD hoặc thực thể (<!DOCTYPE>, <!ENTITY>); Sát Hạch không đọc "
            "loại tệp này vì lý do an toàn (DTDForbidden)",
        )
    ]


def test_dtd_in_the_manifest_is_refused():
    data = package(
        {
            "imsmanifest.xml": '<?xml version="1.0"?>\n<!DOCTYPE m SYSTEM "file:///etc/passwd"><manifest/>'
        }
    )
    with pytest.raises(ItemFormatError) as error:
        qti.parse(data)
    assert error.value.location == "imsmanifest.xml, dòng 2"


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/evil.xml", "items/../../evil.xml"])
def test_zip_entries_leaving_the_package_are_refused(name):
    data = package({"imsmanifest.xml": manifest(), name: "x"})
    with pytest.raises(ItemFormatError) as error:
        qti.parse(data)
    assert str(error.value) == f"Gói .zip chứa đường dẫn không an toàn: “{name}”"


def test_zip_larger_than_the_cap_once_uncompressed_is_refused(monkeypatch):
    monkeypatch.setattr(qti, "MAX_UNCOMPRESSED_BYTES", 1024 * 1024)
    data = package({"imsmanifest.xml": manifest(), "images/zero.bin": b"\x00" * (2 * 1024 * 1024)})
    assert len(data) < 10_000
    with pytest.raises(ItemFormatError) as error:
        qti.parse(data)
    assert str(error.value) == "Gói .zip quá lớn khi giải nén (2,0 MB, tối đa 1,0 MB)"


def test_zip_with_too_many_entries_is_refused(monkeypatch):
    monkeypatch.setattr(qti, "MAX_ENTRIES", 3)
    data = package({f"f{n}.txt": "x" for n in range(5)})
    with pytest.raises(ItemFormatError) as error:
        qti.parse(data)
    assert str(error.value) == "Gói .zip có quá nhiều tệp (5, tối đa 3)"


def test_unsupported_interactions_are_skipped_and_counted_by_name():
    match = item3('<qti-match-interaction response-identifier="R"/>', identifier="m")
    order = item3('<qti-order-interaction response-identifier="R"/>', identifier="o")
    match21 = (
        f'<assessmentItem xmlns="{QTI21}" identifier="g" title="g"><itemBody>'
        '<gapMatchInteraction responseIdentifier="R"/></itemBody></assessmentItem>'
    )
    two = item3(
        '<qti-text-entry-interaction response-identifier="A"/>'
        '<qti-text-entry-interaction response-identifier="B"/>',
        identifier="t",
    )
    data = package(
        {
            "imsmanifest.xml": manifest(
                resource("m.xml"),
                resource("o.xml"),
                resource("m2.xml"),
                resource("g.xml", kind="imsqti_item_xmlv2p1"),
                resource("t.xml"),
                resource("c.xml"),
            ),
            "m.xml": match,
            "m2.xml": match,
            "o.xml": order,
            "g.xml": match21,
            "t.xml": two,
            "c.xml": item3(CHOICE_BODY, CHOICE_DECLARATION),
        }
    )
    result = qti.parse(data)
    assert len(result.items) == 1
    assert result.skipped == {
        "qti-match-interaction": 2,
        "qti-order-interaction": 1,
        "gapMatchInteraction": 1,
        "nhiều tương tác trong một câu": 1,
    }
    assert result.warnings[0] == Issue(
        "m.xml", "bỏ qua câu hỏi loại “qti-match-interaction” (Sát Hạch không hỗ trợ)"
    )


def test_xml_that_is_not_a_qti_item_is_refused():
    with pytest.raises(ItemFormatError) as error:
        qti.parse(b"<quiz/>", filename="x.xml")
    assert str(error.value) == (
        "Không phải câu hỏi QTI: phần tử gốc là <quiz>, cần là <assessmentItem> (QTI 2.x) "
        "hoặc <qti-assessment-item> (QTI 3.0)"
    )


# --- Writing and round trip -----------------------------------------------------------------


def every_kind() -> list[ItemData]:
    """Return one item of every kind with everything QTI carries (see the docs)."""
    return [
        ItemData(
            kind=Kind.SINGLE,
            stem='<p>Ai là người đứng đầu UBND tỉnh? <img src="asset:sơ đồ.png" alt=""></p>',
            options=[
                OptionData("Chủ tịch UBND tỉnh", True, 1.0, "Đúng: Điều 21 &amp; 22"),
                OptionData("Phó Chủ tịch", False, 0.5, "<p>Gần đúng</p>"),
                OptionData('<img src="asset:x.png" alt="">', False, -1 / 3, ""),
            ],
            points=2.0,
            difficulty=Difficulty.EASY,
            topic_path=("Kiến thức chung", "Hệ thống chính trị"),
            title="Người đứng đầu",
            general_feedback="<p>Xem <em>Luật Tổ chức chính quyền địa phương</em></p>",
            source="Luật Tổ chức chính quyền địa phương 2015, Điều 21",
            shuffle=False,
            assets=[
                AssetData("sơ đồ.png", "image/png", png(1)),
                AssetData("x.png", "image/png", png(2)),
            ],
            external_id="CQDP-001",
        ),
        ItemData(
            kind=Kind.MULTIPLE,
            stem="Những việc nào là nghĩa vụ của công chức?",
            options=[
                OptionData("Trung thành", True, 0.5),
                OptionData("Chấp hành", True, 0.5),
                OptionData("Tham nhũng", False, -1.0, "Sai nghiêm trọng"),
            ],
            difficulty=Difficulty.MEDIUM,
            topic_path=("Kiến thức chung", "Hệ thống chính trị"),
            title="Nghĩa vụ",
            external_id="CBCC-002",
        ),
        ItemData(
            kind=Kind.TRUE_FALSE,
            stem="Công chức được tham gia thành lập doanh nghiệp tư nhân.",
            truth=False,
            difficulty=Difficulty.HARD,
            topic_path=("Pháp luật",),
            title="Đúng sai",
            general_feedback="Luật Phòng, chống tham nhũng cấm việc này.",
            external_id="PCTN-003",
        ),
        ItemData(
            kind=Kind.SHORT_TEXT,
            stem="Thủ đô của Việt Nam là thành phố nào?",
            answers=[ShortAnswerData("Hà Nội", 1.0, "Chính xác"), ShortAnswerData("Ha Noi", 0.5)],
            case_sensitive=True,
            title="Thủ đô",
            external_id="DL-004",
        ),
        ItemData(
            kind=Kind.NUMERIC,
            stem="Luật Cán bộ, công chức có bao nhiêu điều?",
            numeric=[NumericAnswerData(87.0, 0.0, 1.0, "Đúng"), NumericAnswerData(86.0, 1.0, 0.5)],
            topic_path=("Pháp luật",),
            title="Số điều",
            external_id="CBCC-005",
        ),
        ItemData(
            kind=Kind.ESSAY,
            stem="<p>Trình bày quy trình tiếp công dân.</p>",
            essay_guide="<ul><li>Ý 1: 2 điểm</li><li>Ý 2: 3 điểm</li></ul>",
            points=5.0,
            topic_path=("Kỹ năng",),
            title="Tiếp công dân",
            external_id="KN-006",
        ),
    ]


def comparable(item: ItemData) -> ItemData:
    item.location = ""
    for part in [*item.options, *item.answers, *item.numeric]:
        part.fraction = round(part.fraction, 9)
    return item


def test_write_then_parse_gives_back_every_kind():
    result = qti.parse(qti.write(every_kind()), filename="xuat.zip")
    assert (result.errors, result.warnings, result.skipped) == ([], [], {})
    assert [comparable(item) for item in result.items] == [
        comparable(item) for item in every_kind()
    ]


def test_items_without_a_usable_external_id_get_a_generated_identifier():
    items = every_kind()[2:4]
    items[0].external_id = ""
    items[1].external_id = "mã có dấu cách"
    result = qti.parse(qti.write(items))
    assert [item.external_id for item in result.items] == ["item-00001", "item-00002"]


def test_written_package_is_a_qti3_package_with_the_standard_templates():
    archive = zipfile.ZipFile(io.BytesIO(qti.write(every_kind())))
    names = archive.namelist()
    assert names[0] == "imsmanifest.xml"
    manifest_root = SafeET.fromstring(archive.read("imsmanifest.xml"))
    cp = "{http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1}"
    assert manifest_root.tag == f"{cp}manifest"
    resources = manifest_root.findall(f"{cp}resources/{cp}resource")
    assert [r.get("type") for r in resources] == ["imsqti_item_xmlv3p0"] * 6
    listed = {f.get("href") for r in resources for f in r.findall(f"{cp}file")}
    assert listed == set(names) - {"imsmanifest.xml"}
    assert "images/CQDP-001/sơ đồ.png" in listed
    templates = []
    for r in resources:
        root = SafeET.fromstring(archive.read(r.get("href")))
        assert root.tag == f"{{{QTI3}}}qti-assessment-item"
        assert root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation") == (
            f"{QTI3} https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
        )
        processing = root.find(f"{{{QTI3}}}qti-response-processing")
        templates.append(processing.get("template") if processing is not None else None)
    assert templates == [MAP, MAP, MATCH, MAP, None, None]


def test_shipped_qti3_sample_is_what_the_writer_writes():
    result = qti.parse((SAMPLES / "sample-qti3.zip").read_bytes(), filename="sample-qti3.zip")
    assert (result.errors, result.warnings, result.skipped) == ([], [], {})
    assert [comparable(item) for item in result.items] == [
        comparable(item) for item in every_kind()
    ]


# --- Robustness ---------------------------------------------------------------------------------


def damage(data, original: bytes) -> bytes:
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, min(len(original), start + 200)))
    noise = data.draw(st.binary(max_size=20) | st.sampled_from([b"<", b"&", b"\xff", b"PK", b""]))
    return original[:start] + noise + original[end:]


def parses_or_refuses(data: bytes, filename: str) -> None:
    try:
        result = qti.parse(data, filename=filename)
    except ItemFormatError as error:
        assert error.message
    else:
        assert all(issue.message for issue in [*result.errors, *result.warnings])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_items_inside_a_package_raise_nothing_but_item_format_error(data):
    archive = zipfile.ZipFile(io.BytesIO(qti.write(every_kind())))
    files: dict[str, str | bytes] = {name: archive.read(name) for name in archive.namelist()}
    name = data.draw(st.sampled_from(sorted(files)))
    files[name] = damage(data, bytes(files[name]))
    parses_or_refuses(package(files), "goi.zip")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_zip_bytes_and_item_files_raise_nothing_but_item_format_error(data):
    parses_or_refuses(damage(data, qti.write(every_kind()[:2])), "goi.zip")
    parses_or_refuses(damage(data, (SAMPLES / "sample-qti21-item.xml").read_bytes()), "a.xml")
