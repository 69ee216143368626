"""The demo question bank: topics and some 700 items in Vietnamese, as plain ``ItemData``.

What a province like Nghệ An tests its civil servants on (Plan 212-KH/TU, domain.md §6):
general knowledge (the political system, the Law on Cadres and Civil Servants, state
administration, Party building), basic IT (Circular 03/2014/TT-BTTTT) and the professional
knowledge of seven job positions, with situation-handling and plan-outline essays for parts 2-3.

The items are written below in a small text format, one block per topic, so a reviewer reads
questions rather than Python:

    @ medium | Luật Cán bộ, công chức 2008, Điều 79       header: difficulty, flags | source
    Hình thức kỷ luật nào chỉ áp dụng với ...?            the stem (one logical line)
    + Giáng chức                                          a correct option
    - Khiển trách                                         a wrong option

A physical line indented by four spaces continues the line above it; a line starting with "#"
is a comment. Header flags: a kind (``multiple``, ``tf``, ``short``, ``numeric``, ``essay``;
single choice when none), ``fixed`` (keep the option order: the item has a "Cả A, B và C"
option), ``p=N`` (points), ``g=GROUP`` or ``g=GROUP/SUB`` (fill the wrong options up to four
from the correct answers of the other items of the group, preferring the same SUB, so a fact
table needs only its facts). ``% GROUP: a; b`` or ``% GROUP/SUB: a; b`` adds wrong answers to
a group's pool.
Answers: ``= đúng``/``= sai`` (true/false), ``= text`` (short answer, one line each accepted
answer), ``= 60`` or ``= 3.14 ~ 0.01`` (numeric with tolerance); ``> text`` is a line of an
essay's marking guide, ending in its points "(N điểm)"; ``? text`` is general feedback.

The seed only changes the order of options and which wrong answers a group contributes, so
every seed gives the same questions with the same keys. No Django here: the ``demo`` command
maps ``TOPICS`` to ``bank.Topic`` and each item to a reviewed, approved item.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from sathach.lib.formats.items import (
    Difficulty,
    ItemData,
    Kind,
    NumericAnswerData,
    OptionData,
    ShortAnswerData,
)
from sathach.lib.text import fold

CHOICES_PER_ITEM = 4


class TopicSpec(NamedTuple):
    code: str
    name: str
    parent: str | None
    position: str | None  # code of a job position in demo/positions.py


TOPICS: list[TopicSpec] = [
    TopicSpec("KTC", "Kiến thức chung", None, None),
    TopicSpec("KTC-HTCT", "Hệ thống chính trị", "KTC", None),
    TopicSpec("KTC-LCBCC", "Luật Cán bộ, công chức", "KTC", None),
    TopicSpec("KTC-QLNN", "Quản lý hành chính nhà nước", "KTC", None),
    TopicSpec("KTC-XDD", "Công tác xây dựng Đảng", "KTC", None),
    TopicSpec("TH", "Tin học cơ bản", None, None),
    TopicSpec("CM", "Chuyên môn, nghiệp vụ", None, None),
    TopicSpec("CM-TCCB", "Tổ chức cán bộ", "CM", "TCCB"),
    TopicSpec("CM-QLTC", "Quản lý tài chính - ngân sách", "CM", "QLTC"),
    TopicSpec("CM-KT", "Kế toán", "CM", "KT"),
    TopicSpec("CM-VT", "Văn thư - lưu trữ", "CM", "VT"),
    TopicSpec("CM-TTV", "Thanh tra, giải quyết khiếu nại, tố cáo", "CM", "TTV"),
    TopicSpec("CM-TPHT", "Tư pháp - hộ tịch (cấp xã)", "CM", "XA-TPHT"),
    TopicSpec("CM-DCXD", "Địa chính - xây dựng (cấp xã)", "CM", "XA-DCXD"),
]

_KINDS = {
    "multiple": Kind.MULTIPLE,
    "tf": Kind.TRUE_FALSE,
    "short": Kind.SHORT_TEXT,
    "numeric": Kind.NUMERIC,
    "essay": Kind.ESSAY,
}
_TRUTH = {"đúng": True, "sai": False}
_NUMBER = re.compile(r"^(-?\d+(?:\.\d+)?)(?:\s*~\s*(\d+(?:\.\d+)?))?$")


def generate_bank(seed: int = 2019) -> list[tuple[str, ItemData]]:
    """Return the demo items as (topic code, item) pairs, the same for the same ``seed``."""
    paths = _topic_paths()
    bank: list[tuple[str, ItemData]] = []
    for topic, text in _BLOCKS:
        drafts, extras = _parse_block(text, topic)
        pools = _group_pools(drafts, extras)
        for number, draft in enumerate(drafts, start=1):
            # A string seed is hashed with SHA-512, so the draw is the same in every process.
            rng = random.Random(f"{seed}:{topic}:{draft.stem}")  # noqa: S311 - not security
            item = draft.build(rng, pools)
            item.topic_path = paths[topic]
            item.external_id = f"demo-{topic.lower()}-{number:03d}"
            bank.append((topic, item))
    return bank


def _topic_paths() -> dict[str, tuple[str, ...]]:
    by_code = {topic.code: topic for topic in TOPICS}
    paths: dict[str, tuple[str, ...]] = {}
    for topic in TOPICS:
        names: list[str] = []
        node: TopicSpec | None = topic
        while node is not None:
            names.insert(0, node.name)
            node = by_code[node.parent] if node.parent else None
        paths[topic.code] = tuple(names)
    return paths


@dataclass
class _Draft:
    """One item as written in a block, before its options are drawn and ordered."""

    where: str
    difficulty: Difficulty
    source: str
    kind: Kind = Kind.SINGLE
    fixed: bool = False
    points: float = 1.0
    group: str = ""
    subgroup: str = ""
    stem: str = ""
    options: list[OptionData] = field(default_factory=list)  # as written, keys marked correct
    answers: list[str] = field(default_factory=list)
    guide: list[str] = field(default_factory=list)
    feedback: str = ""

    def build(self, rng: random.Random, pools: dict[str, list[tuple[str, str]]]) -> ItemData:
        item = ItemData(
            kind=self.kind,
            stem=self.stem,
            points=self.points,
            difficulty=self.difficulty,
            source=self.source,
            general_feedback=self.feedback,
            shuffle=not self.fixed,
        )
        if self.kind in (Kind.SINGLE, Kind.MULTIPLE):
            share = 1.0 / max(1, len(self.right))
            item.options = [
                OptionData(o.text, o.correct, share if o.correct else 0.0) for o in self.options
            ]
            item.options += [OptionData(text, False, 0.0) for text in self._draw(rng, pools)]
            if not self.fixed:
                rng.shuffle(item.options)
        elif self.kind == Kind.TRUE_FALSE:
            item.truth = _TRUTH[self.answers[0]]
        elif self.kind == Kind.SHORT_TEXT:
            item.answers = [ShortAnswerData(text) for text in self.answers]
        elif self.kind == Kind.NUMERIC:
            for answer in self.answers:
                match = _NUMBER.match(answer)
                if match is None:
                    raise ValueError(f"{self.where}: not a number: {answer!r}")
                value, tolerance = match.groups()
                item.numeric.append(NumericAnswerData(float(value), float(tolerance or 0)))
        elif self.kind == Kind.ESSAY:
            lines = "".join(f"<li>{line}</li>" for line in self.guide)
            item.essay_guide = (
                f"<p>Đáp án và thang điểm ({self.points:g} điểm):</p><ol>{lines}</ol>"
            )
        return item

    @property
    def right(self) -> list[str]:
        return [option.text for option in self.options if option.correct]

    def _draw(self, rng: random.Random, pools: dict[str, list[tuple[str, str]]]) -> list[str]:
        """Return wrong answers from the group's pool, enough to make four options."""
        missing = CHOICES_PER_ITEM - len(self.options)
        if not self.group or missing <= 0:
            return []
        taken = {fold(option.text) for option in self.options}
        near: list[str] = []
        far: list[str] = []
        for subgroup, text in pools[self.group]:
            if fold(text) in taken:
                continue
            taken.add(fold(text))
            (near if subgroup == self.subgroup else far).append(text)
        rng.shuffle(near)
        rng.shuffle(far)
        drawn = (near + far)[:missing]
        if len(drawn) < missing:
            raise ValueError(f"{self.where}: group {self.group!r} has too few answers")
        return drawn


def _logical_lines(text: str) -> list[str]:
    lines: list[str] = []
    for raw in unicodedata.normalize("NFC", text).splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("    ") and lines:
            lines[-1] += " " + raw.strip()
        else:
            lines.append(raw.strip())
    return lines


def _parse_block(text: str, topic: str) -> tuple[list[_Draft], dict[str, list[tuple[str, str]]]]:
    """Return the drafts of one topic block and the extra wrong answers of its groups."""
    drafts: list[_Draft] = []
    extras: dict[str, list[tuple[str, str]]] = {}
    for line in _logical_lines(text):
        marker, _, rest = line.partition(" ")
        rest = rest.strip()
        if marker == "%":
            name, _, answers = rest.partition(":")
            group, _, subgroup = name.strip().partition("/")
            extras.setdefault(group, []).extend((subgroup, a.strip()) for a in answers.split(";"))
        elif marker == "@":
            drafts.append(_parse_header(rest, f"{topic} #{len(drafts) + 1}"))
        elif not drafts:
            raise ValueError(f"{topic}: text before the first item: {line!r}")
        elif marker in ("+", "-"):
            drafts[-1].options.append(OptionData(rest, correct=marker == "+"))
        elif marker == "=":
            drafts[-1].answers.append(rest)
        elif marker == ">":
            drafts[-1].guide.append(rest)
        elif marker == "?":
            drafts[-1].feedback = rest
        elif drafts[-1].stem:
            raise ValueError(f"{drafts[-1].where}: a second stem line: {line!r}")
        else:
            drafts[-1].stem = line
    return drafts, extras


def _parse_header(header: str, where: str) -> _Draft:
    flags, _, source = header.partition("|")
    words = flags.split()
    draft = _Draft(where=where, difficulty=Difficulty(words[0]), source=source.strip())
    for word in words[1:]:
        if word in _KINDS:
            draft.kind = _KINDS[word]
        elif word == "fixed":
            draft.fixed = True
        elif word.startswith("p="):
            draft.points = float(word[2:])
        elif word.startswith("g="):
            draft.group, _, draft.subgroup = word[2:].partition("/")
        else:
            raise ValueError(f"{where}: unknown flag {word!r}")
    return draft


def _group_pools(
    drafts: list[_Draft], extras: dict[str, list[tuple[str, str]]]
) -> dict[str, list[tuple[str, str]]]:
    pools: dict[str, list[tuple[str, str]]] = {}
    for draft in drafts:
        if draft.group:
            pools.setdefault(draft.group, []).extend((draft.subgroup, t) for t in draft.right)
    for group, answers in extras.items():
        pools.setdefault(group, []).extend(answers)
    return pools


# ------------------------------------------------------------------------------------------------
# Content. Sources cite the document, and the article where it is certain.
# ------------------------------------------------------------------------------------------------

_KTC_HTCT = """
# --- Cơ quan nhà nước theo Hiến pháp (đáp án nhiễu lấy từ các cơ quan khác) ---
% organ: Mặt trận Tổ quốc Việt Nam; Thủ tướng Chính phủ
@ easy g=organ | Hiến pháp năm 2013, Điều 69
Theo Hiến pháp năm 2013, cơ quan đại biểu cao nhất của Nhân dân, cơ quan quyền lực nhà nước cao
    nhất của nước Cộng hòa xã hội chủ nghĩa Việt Nam là cơ quan nào?
+ Quốc hội
@ easy g=organ | Hiến pháp năm 2013, Điều 94
Theo Hiến pháp năm 2013, cơ quan hành chính nhà nước cao nhất, thực hiện quyền hành pháp, là cơ
    quan chấp hành của Quốc hội là cơ quan nào?
+ Chính phủ
@ easy g=organ | Hiến pháp năm 2013, Điều 102
Cơ quan nào là cơ quan xét xử của nước Cộng hòa xã hội chủ nghĩa Việt Nam, thực hiện quyền tư pháp?
+ Tòa án nhân dân
@ easy g=organ | Hiến pháp năm 2013, Điều 107
Theo Hiến pháp năm 2013, cơ quan nào thực hành quyền công tố, kiểm sát hoạt động tư pháp?
+ Viện kiểm sát nhân dân
@ easy g=organ | Hiến pháp năm 2013, Điều 113
Cơ quan quyền lực nhà nước ở địa phương, đại diện cho ý chí, nguyện vọng và quyền làm chủ của Nhân
    dân, do Nhân dân địa phương bầu ra là cơ quan nào?
+ Hội đồng nhân dân
@ medium g=organ | Hiến pháp năm 2013, Điều 114
Theo Hiến pháp năm 2013, cơ quan chấp hành của Hội đồng nhân dân, cơ quan hành chính nhà nước ở địa
    phương là cơ quan nào?
+ Ủy ban nhân dân
@ medium g=organ | Hiến pháp năm 2013, Điều 117
Theo Hiến pháp năm 2013, cơ quan nào tổ chức bầu cử đại biểu Quốc hội; chỉ đạo và hướng dẫn công
    tác bầu cử đại biểu Hội đồng nhân dân các cấp?
+ Hội đồng bầu cử quốc gia
@ hard g=organ | Hiến pháp năm 2013, Điều 70 khoản 13
Theo Hiến pháp năm 2013, cơ quan nào có thẩm quyền quyết định đại xá?
+ Quốc hội
@ hard g=organ | Hiến pháp năm 2013, Điều 74 khoản 2
Theo Hiến pháp năm 2013, cơ quan nào có nhiệm vụ giải thích Hiến pháp, luật, pháp lệnh?
+ Ủy ban Thường vụ Quốc hội
@ medium g=organ | Hiến pháp năm 2013, Điều 94
Theo Hiến pháp năm 2013, cơ quan nào chịu trách nhiệm trước Quốc hội và báo cáo công tác trước Quốc
    hội, Ủy ban Thường vụ Quốc hội, Chủ tịch nước?
+ Chính phủ
@ hard g=organ | Hiến pháp năm 2013, Điều 70 khoản 9
Theo Hiến pháp năm 2013, cơ quan nào quyết định thành lập, giải thể, nhập, chia, điều chỉnh địa
    giới đơn vị hành chính tỉnh, thành phố trực thuộc trung ương?
+ Quốc hội

# --- Chức danh nhà nước ---
% person: Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam; Tổng Thư ký Quốc hội; Chánh án Tòa
    án nhân dân tối cao
@ easy g=person | Hiến pháp năm 2013, Điều 86
Theo Hiến pháp năm 2013, ai là người đứng đầu Nhà nước, thay mặt nước Cộng hòa xã hội chủ nghĩa
    Việt Nam về đối nội và đối ngoại?
+ Chủ tịch nước
@ easy g=person | Hiến pháp năm 2013, Điều 98
Người đứng đầu Chính phủ, chịu trách nhiệm trước Quốc hội về hoạt động của Chính phủ và những nhiệm
    vụ được giao là ai?
+ Thủ tướng Chính phủ
@ medium g=person | Hiến pháp năm 2013, Điều 88
Theo Hiến pháp năm 2013, ai thống lĩnh lực lượng vũ trang nhân dân, giữ chức Chủ tịch Hội đồng quốc
    phòng và an ninh?
+ Chủ tịch nước
@ medium g=person | Hiến pháp năm 2013, Điều 72
Theo Hiến pháp năm 2013, ai chủ tọa phiên họp của Quốc hội?
+ Chủ tịch Quốc hội
@ hard g=person | Hiến pháp năm 2013, Điều 98 khoản 3
Theo Hiến pháp năm 2013, ai trình Quốc hội phê chuẩn đề nghị bổ nhiệm, miễn nhiệm, cách chức Phó
    Thủ tướng Chính phủ, Bộ trưởng và thành viên khác của Chính phủ?
+ Thủ tướng Chính phủ
@ hard g=person | Hiến pháp năm 2013, Điều 88 khoản 2
Theo Hiến pháp năm 2013, ai đề nghị Quốc hội bầu, miễn nhiệm, bãi nhiệm Phó Chủ tịch nước, Thủ
    tướng Chính phủ?
+ Chủ tịch nước

# --- Điều khoản của Hiến pháp ---
% article: Điều 6; Điều 8; Điều 53
@ hard g=article | Hiến pháp năm 2013, Điều 4
Vai trò lãnh đạo Nhà nước và xã hội của Đảng Cộng sản Việt Nam được quy định tại điều nào của Hiến
    pháp năm 2013?
+ Điều 4
@ hard g=article | Hiến pháp năm 2013, Điều 2
Điều nào của Hiến pháp năm 2013 khẳng định Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam là nhà nước
    pháp quyền xã hội chủ nghĩa của Nhân dân, do Nhân dân, vì Nhân dân?
+ Điều 2
@ hard g=article | Hiến pháp năm 2013, Điều 9
Vị trí, vai trò của Mặt trận Tổ quốc Việt Nam được Hiến pháp năm 2013 quy định tại điều nào?
+ Điều 9
@ hard g=article | Hiến pháp năm 2013, Điều 119
Quy định "Hiến pháp là luật cơ bản của nước Cộng hòa xã hội chủ nghĩa Việt Nam, có hiệu lực pháp lý
    cao nhất" nằm ở điều nào của Hiến pháp năm 2013?
+ Điều 119
@ hard g=article | Hiến pháp năm 2013, Điều 69
Theo Hiến pháp năm 2013, điều khoản mở đầu chương về Quốc hội, xác định vị trí, chức năng của Quốc
    hội, là điều nào?
+ Điều 69

# --- Ngày truyền thống của các tổ chức ---
% founding: 19/5/1890; 02/9/1945; 15/10/1930
@ medium g=founding | Lịch sử Mặt trận Tổ quốc Việt Nam
Ngày truyền thống (ngày thành lập) của Mặt trận Tổ quốc Việt Nam là ngày nào?
+ 18/11/1930
@ medium g=founding | Lịch sử Công đoàn Việt Nam
Công đoàn Việt Nam lấy ngày nào làm ngày thành lập?
+ 28/7/1929
@ hard g=founding | Lịch sử Hội Nông dân Việt Nam
Hội Nông dân Việt Nam được thành lập vào ngày nào?
+ 14/10/1930
@ medium g=founding | Lịch sử Hội Liên hiệp Phụ nữ Việt Nam
Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam, được lấy làm Ngày Phụ nữ Việt Nam, là ngày nào?
+ 20/10/1930
@ easy g=founding | Lịch sử Đoàn Thanh niên Cộng sản Hồ Chí Minh
Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập vào ngày nào?
+ 26/3/1931
@ hard g=founding | Lịch sử Hội Cựu chiến binh Việt Nam
Hội Cựu chiến binh Việt Nam được thành lập vào ngày nào?
+ 06/12/1989
@ easy g=founding | Lịch sử Quân đội nhân dân Việt Nam
Ngày thành lập Quân đội nhân dân Việt Nam là ngày nào?
+ 22/12/1944
@ medium g=founding | Lịch sử Công an nhân dân Việt Nam
Ngày truyền thống của lực lượng Công an nhân dân Việt Nam là ngày nào?
+ 19/8/1945

# --- Hệ thống chính trị và Hiến pháp ---
@ easy | Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội (bổ sung, phát
    triển năm 2011)
Hệ thống chính trị ở nước ta gồm những bộ phận nào?
+ Đảng Cộng sản Việt Nam, Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam, Mặt trận Tổ quốc Việt Nam và
    các tổ chức chính trị - xã hội
- Đảng Cộng sản Việt Nam, Quốc hội, Chính phủ, Tòa án nhân dân và Viện kiểm sát nhân dân
- Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam, Mặt trận Tổ quốc Việt Nam và các hội quần chúng
- Đảng Cộng sản Việt Nam, Nhà nước, các tổ chức xã hội - nghề nghiệp và doanh nghiệp nhà nước
@ easy | Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội (bổ sung, phát
    triển năm 2011)
Cơ chế vận hành tổng quát của hệ thống chính trị nước ta là gì?
+ Đảng lãnh đạo, Nhà nước quản lý, Nhân dân làm chủ
- Nhà nước lãnh đạo, Đảng quản lý, Nhân dân làm chủ
- Đảng lãnh đạo, Nhân dân quản lý, Nhà nước làm chủ
- Đảng quản lý, Nhà nước điều hành, Nhân dân giám sát
@ medium | Hiến pháp năm 2013, Điều 4
Theo Hiến pháp năm 2013, Đảng Cộng sản Việt Nam lấy gì làm nền tảng tư tưởng?
+ Chủ nghĩa Mác - Lênin và tư tưởng Hồ Chí Minh
- Chủ nghĩa Mác - Lênin và đường lối đổi mới
- Tư tưởng Hồ Chí Minh và Cương lĩnh chính trị
- Chủ nghĩa Mác - Lênin và nghị quyết các kỳ Đại hội
@ medium | Hiến pháp năm 2013, Điều 2
Theo Hiến pháp năm 2013, nền tảng của quyền lực nhà nước là gì?
+ Liên minh giữa giai cấp công nhân với giai cấp nông dân và đội ngũ trí thức
- Liên minh giữa giai cấp công nhân với giai cấp nông dân
- Liên minh giữa giai cấp công nhân, giai cấp nông dân và đội ngũ doanh nhân
- Khối đại đoàn kết toàn dân tộc do Mặt trận Tổ quốc Việt Nam tập hợp
@ medium | Hiến pháp năm 2013, Điều 2
Theo Hiến pháp năm 2013, quyền lực nhà nước là thống nhất, có sự gì giữa các cơ quan nhà nước trong
    việc thực hiện các quyền lập pháp, hành pháp, tư pháp?
+ Phân công, phối hợp, kiểm soát
- Phân chia, độc lập, đối trọng
- Phân cấp, phân quyền, ủy quyền
- Phối hợp, giám sát, chế ước lẫn nhau
@ easy | Hiến pháp năm 2013, Điều 6
Theo Hiến pháp năm 2013, Nhân dân thực hiện quyền lực nhà nước bằng những hình thức nào?
+ Bằng dân chủ trực tiếp, bằng dân chủ đại diện thông qua Quốc hội, Hội đồng nhân dân và thông qua
    các cơ quan khác của Nhà nước
- Chỉ bằng dân chủ đại diện thông qua Quốc hội và Hội đồng nhân dân các cấp
- Chỉ bằng dân chủ trực tiếp thông qua bầu cử và trưng cầu ý dân
- Thông qua Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội
@ medium | Hiến pháp năm 2013, Điều 8
Theo Hiến pháp năm 2013, Nhà nước được tổ chức và hoạt động theo Hiến pháp và pháp luật, quản lý xã
    hội bằng Hiến pháp và pháp luật, thực hiện nguyên tắc nào?
+ Tập trung dân chủ
- Tam quyền phân lập
- Thủ trưởng một người tuyệt đối
- Phân quyền hoàn toàn giữa trung ương và địa phương
@ easy | Hiến pháp năm 1946
Bản Hiến pháp đầu tiên của nước Việt Nam Dân chủ Cộng hòa được Quốc hội thông qua năm nào?
+ Năm 1946
- Năm 1945
- Năm 1959
- Năm 1960
@ hard | Hiến pháp năm 2013, Điều 120 khoản 4
Theo Hiến pháp năm 2013, Hiến pháp được thông qua khi có ít nhất bao nhiêu tổng số đại biểu Quốc
    hội biểu quyết tán thành?
+ Hai phần ba
- Quá nửa
- Ba phần tư
- Ba phần năm
@ medium | Hiến pháp năm 2013, Điều 27
Theo Hiến pháp năm 2013, công dân đủ bao nhiêu tuổi trở lên thì có quyền bầu cử và quyền ứng cử vào
    Quốc hội, Hội đồng nhân dân?
+ Đủ 18 tuổi có quyền bầu cử, đủ 21 tuổi có quyền ứng cử
- Đủ 18 tuổi có quyền bầu cử và quyền ứng cử
- Đủ 20 tuổi có quyền bầu cử, đủ 25 tuổi có quyền ứng cử
- Đủ 16 tuổi có quyền bầu cử, đủ 18 tuổi có quyền ứng cử
@ medium | Hiến pháp năm 2013, Điều 95
Theo Hiến pháp năm 2013, Chính phủ gồm những thành viên nào?
+ Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ, các Bộ trưởng và Thủ trưởng cơ quan ngang bộ
- Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ và Chủ tịch Ủy ban nhân dân cấp tỉnh
- Thủ tướng Chính phủ, các Bộ trưởng và Chánh án Tòa án nhân dân tối cao
- Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ, Bộ trưởng và thủ trưởng các cơ quan thuộc Chính
    phủ
@ hard | Hiến pháp năm 2013, Điều 95 khoản 2
Theo Hiến pháp năm 2013, Chính phủ làm việc theo chế độ nào?
+ Chế độ tập thể, quyết định theo đa số
- Chế độ thủ trưởng, Thủ tướng quyết định mọi vấn đề
- Chế độ tập thể, quyết định khi tất cả thành viên đồng thuận
- Kết hợp tập thể với thủ trưởng, Bộ trưởng có quyền phủ quyết
@ medium | Hiến pháp năm 2013, Điều 103 khoản 2
Theo Hiến pháp năm 2013, Thẩm phán, Hội thẩm xét xử như thế nào?
+ Độc lập và chỉ tuân theo pháp luật
- Theo sự chỉ đạo của Chánh án Tòa án cấp trên
- Độc lập và tuân theo ý kiến của Viện kiểm sát
- Theo nghị quyết của Hội đồng nhân dân cùng cấp
@ hard | Hiến pháp năm 2013, Điều 103 khoản 6
Theo Hiến pháp năm 2013, chế độ xét xử nào được bảo đảm?
+ Chế độ hai cấp xét xử
- Chế độ một cấp xét xử
- Chế độ ba cấp xét xử
- Chế độ bốn cấp xét xử
@ medium | Hiến pháp năm 2013, Điều 4 khoản 2
Theo Điều 4 Hiến pháp năm 2013, Đảng Cộng sản Việt Nam chịu trách nhiệm trước ai về những quyết
    định của mình?
+ Trước Nhân dân
- Trước Quốc hội
- Trước Nhà nước
- Trước Mặt trận Tổ quốc Việt Nam
@ hard | Hiến pháp năm 2013, Điều 4 khoản 3
Theo Hiến pháp năm 2013, các tổ chức của Đảng và đảng viên Đảng Cộng sản Việt Nam hoạt động trong
    khuôn khổ nào?
+ Hiến pháp và pháp luật
- Nghị quyết của Quốc hội
- Quy chế phối hợp với Mặt trận Tổ quốc Việt Nam
- Chỉ thị của Chính phủ
@ easy | Hiến pháp năm 2013, Điều 2 khoản 1
Theo Hiến pháp năm 2013, Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam là nhà nước pháp quyền xã hội
    chủ nghĩa như thế nào?
+ Của Nhân dân, do Nhân dân, vì Nhân dân
- Của giai cấp công nhân, do giai cấp công nhân, vì giai cấp công nhân
- Của Đảng, do Đảng, vì Nhân dân
- Của Nhân dân, do Quốc hội, vì Nhân dân
@ medium | Hiến pháp năm 2013, Điều 9 khoản 1
Theo Hiến pháp năm 2013, Mặt trận Tổ quốc Việt Nam là tổ chức gì?
+ Tổ chức liên minh chính trị, liên hiệp tự nguyện của tổ chức chính trị, các tổ chức chính trị -
    xã hội, tổ chức xã hội và các cá nhân tiêu biểu
- Cơ quan nhà nước đại diện cho khối đại đoàn kết toàn dân tộc
- Tổ chức xã hội - nghề nghiệp của các giai cấp, tầng lớp xã hội
- Cơ quan tham mưu của cấp ủy đảng về công tác dân vận
@ hard | Hiến pháp năm 2013, Điều 69
Theo Hiến pháp năm 2013, Quốc hội thực hiện những quyền nào?
+ Quyền lập hiến, quyền lập pháp, quyết định các vấn đề quan trọng của đất nước và giám sát tối cao
    đối với hoạt động của Nhà nước
- Quyền lập pháp, quyền hành pháp và quyền tư pháp
- Quyền lập pháp, quyền công tố và giám sát tối cao
- Quyền lập hiến, quyền lập pháp và quyền xét xử
@ medium | Hiến pháp năm 2013, Điều 114
Theo Hiến pháp năm 2013, Ủy ban nhân dân ở cấp chính quyền địa phương do cơ quan nào bầu?
+ Hội đồng nhân dân cùng cấp
- Nhân dân địa phương bầu trực tiếp
- Ủy ban nhân dân cấp trên
- Chính phủ
@ medium | Hiến pháp năm 2013, Điều 87
Theo Hiến pháp năm 2013, Chủ tịch nước được bầu như thế nào?
+ Do Quốc hội bầu trong số đại biểu Quốc hội
- Do cử tri cả nước bầu trực tiếp
- Do Ban Chấp hành Trung ương Đảng bầu
- Do Ủy ban Thường vụ Quốc hội bầu trong số đại biểu Quốc hội
@ medium | Luật Tổ chức chính quyền địa phương năm 2025, Điều 2
Theo Luật Tổ chức chính quyền địa phương năm 2025, đơn vị hành chính của nước Cộng hòa xã hội chủ
    nghĩa Việt Nam được tổ chức như thế nào?
+ Hai cấp: cấp tỉnh (tỉnh, thành phố trực thuộc trung ương) và cấp xã (xã, phường, đặc khu)
- Ba cấp: cấp tỉnh, cấp huyện và cấp xã
- Hai cấp: cấp tỉnh và cấp huyện
- Bốn cấp: trung ương, cấp tỉnh, cấp huyện và cấp xã
@ hard | Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã của tỉnh Nghệ
    An năm 2025
Sau khi sắp xếp đơn vị hành chính cấp xã năm 2025, tỉnh Nghệ An có bao nhiêu đơn vị hành chính cấp
    xã?
+ 130 đơn vị (119 xã và 11 phường)
- 412 đơn vị
- 119 đơn vị
- 150 đơn vị
@ medium | Hiến pháp năm 2013, Điều 98
Theo Hiến pháp năm 2013, Thủ tướng Chính phủ được bầu như thế nào?
+ Do Quốc hội bầu trong số đại biểu Quốc hội
- Do Chủ tịch nước bổ nhiệm trong số thành viên Chính phủ
- Do Chính phủ bầu trong số các Phó Thủ tướng
- Do Ban Chấp hành Trung ương Đảng bầu trong số Ủy viên Bộ Chính trị
@ medium | Hiến pháp năm 2013, Điều 10
Theo Hiến pháp năm 2013, Công đoàn Việt Nam là tổ chức chính trị - xã hội của ai?
+ Của giai cấp công nhân và của người lao động
- Của công chức, viên chức trong khu vực nhà nước
- Của những người lao động trong doanh nghiệp nhà nước
- Của người sử dụng lao động và người lao động
@ easy | Hiến pháp năm 2013, Điều 1
Theo Hiến pháp năm 2013, lãnh thổ nước Cộng hòa xã hội chủ nghĩa Việt Nam bao gồm những gì?
+ Đất liền, hải đảo, vùng biển và vùng trời
- Đất liền và các hải đảo
- Đất liền, hải đảo và vùng đặc quyền kinh tế
- Đất liền, vùng trời và vùng lãnh hải
@ medium | Hiến pháp năm 2013, Điều 79
Theo Hiến pháp năm 2013, đại biểu Quốc hội là người đại diện cho ai?
+ Ý chí, nguyện vọng của Nhân dân ở đơn vị bầu cử ra mình và của Nhân dân cả nước
- Ý chí, nguyện vọng của cử tri ở đơn vị bầu cử ra mình
- Cơ quan, tổ chức đã giới thiệu mình ứng cử
- Đoàn đại biểu Quốc hội của tỉnh, thành phố nơi mình ứng cử
@ hard | Hiến pháp năm 2013, Điều 70
Nhận định nào sau đây về thẩm quyền của Quốc hội theo Hiến pháp năm 2013 là đúng?
+ Quốc hội phê chuẩn đề nghị bổ nhiệm Bộ trưởng; không trực tiếp bầu Bộ trưởng
- Quốc hội trực tiếp bầu Bộ trưởng trong số đại biểu Quốc hội
- Quốc hội bổ nhiệm Bộ trưởng theo đề nghị của Chủ tịch nước
- Quốc hội không có thẩm quyền đối với chức danh Bộ trưởng
@ medium | Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội (bổ sung, phát
    triển năm 2011)
Trong hệ thống chính trị, Đảng Cộng sản Việt Nam giữ vai trò gì?
+ Vừa là một bộ phận của hệ thống, vừa là hạt nhân lãnh đạo hệ thống chính trị
- Là tổ chức đứng ngoài và đứng trên hệ thống chính trị
- Là cơ quan quyền lực nhà nước cao nhất
- Là thành viên của Mặt trận Tổ quốc Việt Nam, ngang hàng với các thành viên khác
@ hard | Hiến pháp năm 2013, Điều 118
Theo Hiến pháp năm 2013, Kiểm toán nhà nước có địa vị pháp lý như thế nào?
+ Là cơ quan do Quốc hội thành lập, hoạt động độc lập và chỉ tuân theo pháp luật
- Là cơ quan thuộc Chính phủ, chịu sự chỉ đạo của Bộ Tài chính
- Là cơ quan thuộc Ủy ban Thường vụ Quốc hội
- Là cơ quan thuộc Viện kiểm sát nhân dân tối cao
@ easy | Hiến pháp năm 2013, Điều 13
Theo Hiến pháp năm 2013, Quốc kỳ nước Cộng hòa xã hội chủ nghĩa Việt Nam được mô tả như thế nào?
+ Hình chữ nhật, chiều rộng bằng hai phần ba chiều dài, nền đỏ, ở giữa có ngôi sao vàng năm cánh
- Hình vuông, nền đỏ, ở giữa có ngôi sao vàng năm cánh
- Hình chữ nhật, nền đỏ, góc trên bên trái có ngôi sao vàng năm cánh
- Hình chữ nhật, chiều rộng bằng một nửa chiều dài, nền đỏ, sao vàng năm cánh ở giữa
@ medium | Luật Tổ chức chính quyền địa phương năm 2025
Theo Luật Tổ chức chính quyền địa phương năm 2025, chính quyền địa phương ở tỉnh, xã gồm những cơ
    quan nào?
+ Hội đồng nhân dân và Ủy ban nhân dân
- Ủy ban nhân dân và Ủy ban Mặt trận Tổ quốc Việt Nam
- Hội đồng nhân dân, Ủy ban nhân dân và Tòa án nhân dân
- Đảng ủy, Hội đồng nhân dân và Ủy ban nhân dân

@ medium multiple | Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội (bổ
    sung, phát triển năm 2011)
Theo Cương lĩnh năm 2011, Đảng lãnh đạo Nhà nước và xã hội bằng những phương thức nào? (Chọn các
    phương án đúng)
+ Bằng cương lĩnh, chiến lược, các định hướng về chính sách và chủ trương lớn
+ Bằng công tác tuyên truyền, thuyết phục, vận động, tổ chức, kiểm tra, giám sát
+ Bằng hành động gương mẫu của đảng viên
- Bằng việc trực tiếp ban hành văn bản quy phạm pháp luật thay cho cơ quan nhà nước
@ medium multiple | Hiến pháp năm 2013, Điều 9 khoản 2
Theo Hiến pháp năm 2013, những tổ chức nào sau đây là tổ chức chính trị - xã hội? (Chọn các phương
    án đúng)
+ Công đoàn Việt Nam
+ Hội Liên hiệp Phụ nữ Việt Nam
- Hội Luật gia Việt Nam
- Liên minh Hợp tác xã Việt Nam
@ easy multiple | Hiến pháp năm 2013, Điều 69, Điều 113
Những cơ quan nào sau đây là cơ quan quyền lực nhà nước? (Chọn các phương án đúng)
+ Quốc hội
+ Hội đồng nhân dân các cấp
- Chính phủ
- Ủy ban nhân dân các cấp
@ hard multiple | Hiến pháp năm 2013, Điều 88
Theo Hiến pháp năm 2013, những nhiệm vụ, quyền hạn nào sau đây thuộc về Chủ tịch nước? (Chọn các
    phương án đúng)
+ Công bố Hiến pháp, luật, pháp lệnh
+ Quyết định đặc xá
- Quyết định đại xá
- Ban hành nghị định
@ hard multiple | Hiến pháp năm 2013, Điều 70 khoản 7
Theo Hiến pháp năm 2013, những chức danh nào sau đây do Quốc hội bầu? (Chọn các phương án đúng)
+ Chủ tịch nước
+ Thủ tướng Chính phủ
+ Chánh án Tòa án nhân dân tối cao
- Bộ trưởng Bộ Nội vụ
@ medium multiple | Hiến pháp năm 2013, Điều 13
Theo Hiến pháp năm 2013, nội dung nào sau đây về Quốc huy, Quốc khánh và Thủ đô là đúng? (Chọn các
    phương án đúng)
+ Quốc huy hình tròn, nền đỏ, ở giữa có ngôi sao vàng năm cánh, xung quanh có bông lúa, ở dưới có
    nửa bánh xe răng và dòng chữ Cộng hòa xã hội chủ nghĩa Việt Nam
+ Ngày Quốc khánh là ngày Tuyên ngôn độc lập 2 tháng 9 năm 1945
+ Thủ đô là Hà Nội
- Quốc huy hình tròn, nền xanh, ở giữa có hình trống đồng và dòng chữ Việt Nam

@ easy tf | Hiến pháp năm 2013, Điều 94
Theo Hiến pháp năm 2013, Chính phủ là cơ quan quyền lực nhà nước cao nhất của nước Cộng hòa xã hội
    chủ nghĩa Việt Nam.
= sai
@ medium tf | Hiến pháp năm 2013, Điều 9
Theo Hiến pháp năm 2013, Mặt trận Tổ quốc Việt Nam là cơ sở chính trị của chính quyền nhân dân.
= đúng
@ hard tf | Hiến pháp năm 2013, Điều 103 khoản 3
Theo Hiến pháp năm 2013, Tòa án nhân dân xét xử công khai; trong trường hợp đặc biệt cần giữ bí mật
    nhà nước, thuần phong, mỹ tục của dân tộc, bảo vệ người chưa thành niên hoặc giữ bí mật đời tư
    theo yêu cầu chính đáng của đương sự, Tòa án có thể xét xử kín.
= đúng
@ easy tf | Hiến pháp năm 2013, Điều 119
Theo Hiến pháp năm 2013, Hiến pháp là luật cơ bản của nước Cộng hòa xã hội chủ nghĩa Việt Nam, có
    hiệu lực pháp lý cao nhất.
= đúng
@ medium tf | Hiến pháp năm 2013, Điều 113
Theo Hiến pháp năm 2013, Hội đồng nhân dân chỉ chịu trách nhiệm trước cơ quan nhà nước cấp trên,
    không chịu trách nhiệm trước Nhân dân địa phương.
= sai
@ medium tf | Hiến pháp năm 2013, Điều 73
Theo Hiến pháp năm 2013, thành viên Ủy ban Thường vụ Quốc hội không thể đồng thời là thành viên
    Chính phủ.
= đúng

@ easy short | Hiến pháp năm 2013, Điều 5 khoản 3
Theo Hiến pháp năm 2013, ngôn ngữ quốc gia của nước Cộng hòa xã hội chủ nghĩa Việt Nam là gì? (Ghi
    câu trả lời ngắn)
= tiếng Việt
= Tiếng Việt
@ easy short | Hiến pháp năm 2013, Điều 13 khoản 2
Theo Hiến pháp năm 2013, Quốc ca nước Cộng hòa xã hội chủ nghĩa Việt Nam là nhạc và lời của bài hát
    nào? (Ghi tên bài hát)
= Tiến quân ca
= bài Tiến quân ca
@ medium short | Hiến pháp năm 2013, Điều 73
Theo Hiến pháp năm 2013, cơ quan thường trực của Quốc hội là cơ quan nào? (Ghi tên cơ quan)
= Ủy ban Thường vụ Quốc hội
= Uỷ ban Thường vụ Quốc hội
= UBTVQH

@ easy numeric | Hiến pháp năm 2013
Hiến pháp hiện hành của nước Cộng hòa xã hội chủ nghĩa Việt Nam được Quốc hội thông qua vào năm
    nào? (Ghi số)
= 2013
@ medium numeric | Hiến pháp các năm 1946, 1959, 1980, 1992, 2013
Tính cả Hiến pháp năm 2013, nước ta đã có bao nhiêu bản Hiến pháp? (Ghi số)
= 5
@ easy numeric | Hiến pháp năm 2013, Điều 71
Theo Hiến pháp năm 2013, nhiệm kỳ của mỗi khóa Quốc hội là bao nhiêu năm? (Ghi số)
= 5
@ hard numeric | Nghị quyết số 202/2025/QH15 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh
Sau khi sắp xếp đơn vị hành chính cấp tỉnh năm 2025, cả nước có bao nhiêu đơn vị hành chính cấp
    tỉnh? (Ghi số)
= 34
@ hard numeric | Hiến pháp năm 2013
Hiến pháp năm 2013 gồm bao nhiêu chương? (Ghi số)
= 11

# --- Bổ sung: quyền, nghĩa vụ cơ bản và tổ chức bộ máy ---
@ easy | Hiến pháp năm 2013, Điều 4
Theo Hiến pháp năm 2013, lực lượng lãnh đạo Nhà nước và xã hội là lực lượng nào?
+ Đảng Cộng sản Việt Nam
- Mặt trận Tổ quốc Việt Nam
- Quốc hội
- Liên minh công nhân, nông dân và trí thức
@ easy | Hiến pháp năm 2013, Điều 5
Theo Hiến pháp năm 2013, quan hệ giữa các dân tộc ở Việt Nam được xác định như thế nào?
+ Các dân tộc bình đẳng, đoàn kết, tôn trọng và giúp nhau cùng phát triển
- Dân tộc đa số có trách nhiệm quản lý các dân tộc thiểu số
- Mỗi dân tộc tự quản theo phong tục riêng, không chịu sự quản lý chung
- Các dân tộc được ưu tiên theo số lượng dân số
@ easy | Hiến pháp năm 2013, Điều 16
Theo Hiến pháp năm 2013, nguyên tắc nào sau đây được khẳng định?
+ Mọi người đều bình đẳng trước pháp luật; không ai bị phân biệt đối xử trong đời sống chính trị,
    dân sự, kinh tế, văn hóa, xã hội
- Cán bộ, công chức được hưởng quyền ưu tiên trước pháp luật
- Người có công với cách mạng được miễn trách nhiệm pháp lý
- Quyền bình đẳng chỉ áp dụng trong lĩnh vực dân sự
@ easy | Hiến pháp năm 2013, Điều 45
Theo Hiến pháp năm 2013, bảo vệ Tổ quốc được xác định là gì đối với công dân?
+ Là nghĩa vụ thiêng liêng và quyền cao quý của công dân
- Là nhiệm vụ riêng của lực lượng vũ trang nhân dân
- Là quyền tự nguyện của công dân
- Là nghĩa vụ chỉ áp dụng đối với nam giới
@ easy | Hiến pháp năm 2013, Điều 30
Theo Hiến pháp năm 2013, mọi người có quyền gì đối với những việc làm trái pháp luật của cơ quan,
    tổ chức, cá nhân?
+ Quyền khiếu nại, tố cáo với cơ quan, tổ chức, cá nhân có thẩm quyền
- Quyền tự xử lý người vi phạm
- Quyền đình chỉ hoạt động của cơ quan vi phạm
- Chỉ có quyền phản ánh qua báo chí
@ easy | Hiến pháp năm 2013, Điều 47
Theo Hiến pháp năm 2013, nghĩa vụ nào sau đây là nghĩa vụ của mọi người?
+ Nộp thuế theo luật định
- Tham gia bầu cử Hội đồng nhân dân các cấp
- Gia nhập một tổ chức chính trị - xã hội
- Đóng góp vào quỹ của Mặt trận Tổ quốc
@ easy | Luật Tổ chức chính quyền địa phương năm 2025; Điều lệ Đảng Cộng sản Việt Nam
Hệ thống chính trị ở cấp xã gồm những tổ chức nào?
+ Tổ chức đảng ở xã, Hội đồng nhân dân, Ủy ban nhân dân xã, Ủy ban Mặt trận Tổ quốc Việt Nam xã và
    các tổ chức chính trị - xã hội
- Ủy ban nhân dân xã và các thôn, xóm, bản
- Hội đồng nhân dân xã, Công an xã và Ban Chỉ huy quân sự xã
- Chi bộ thôn, xóm và các hội quần chúng
@ easy | Hiến pháp năm 2013, Điều 3
Theo Hiến pháp năm 2013, mục tiêu mà Nhà nước thực hiện là gì?
+ Dân giàu, nước mạnh, dân chủ, công bằng, văn minh
- Dân giàu, nước mạnh, xã hội công bằng, hiện đại
- Độc lập, tự do, hạnh phúc, thịnh vượng
- Tăng trưởng nhanh, bền vững, hội nhập sâu rộng
@ hard | Hiến pháp năm 2013, Điều 84
Theo Hiến pháp năm 2013, chủ thể nào sau đây KHÔNG có quyền trình dự án luật trước Quốc hội?
+ Ủy ban nhân dân cấp tỉnh
- Chính phủ
- Tòa án nhân dân tối cao
- Kiểm toán nhà nước
@ hard | Hiến pháp năm 2013, Điều 85
Theo Hiến pháp năm 2013, luật đã được Quốc hội thông qua phải được công bố chậm nhất là bao nhiêu
    ngày kể từ ngày được thông qua?
+ 15 ngày
- 07 ngày
- 30 ngày
- 45 ngày

@ medium fixed | Hiến pháp năm 2013, Điều 9 khoản 1
Theo Hiến pháp năm 2013, Mặt trận Tổ quốc Việt Nam có vai trò nào sau đây?
- Đại diện, bảo vệ quyền và lợi ích hợp pháp, chính đáng của Nhân dân
- Tập hợp, phát huy sức mạnh đại đoàn kết toàn dân tộc, thực hiện dân chủ, tăng cường đồng thuận
    xã hội
- Giám sát, phản biện xã hội; tham gia xây dựng Đảng, Nhà nước
+ Cả A, B và C đều đúng
"""

_KTC_LCBCC = """
# --- Giải thích từ ngữ (Điều 7): một câu hỏi xuôi, còn lại hỏi ngược (đáp án là tên khái niệm) ---
% name/act: Điều động; Tuyển dụng; Thôi việc
% name/body: Cơ quan tham mưu về tổ chức cán bộ; Cơ quan cấp trên trực tiếp
% name/term: Chức danh nghề nghiệp; Bậc lương; Biên chế
@ easy | Luật Cán bộ, công chức 2008, Điều 7
Theo Luật Cán bộ, công chức năm 2008, "điều động" được hiểu là gì?
+ Là việc cán bộ, công chức được cơ quan có thẩm quyền quyết định chuyển từ cơ quan, tổ chức, đơn
    vị này đến làm việc ở cơ quan, tổ chức, đơn vị khác
- Là việc công chức của cơ quan, tổ chức, đơn vị này được cử đến làm việc tại cơ quan, tổ chức, đơn
    vị khác theo yêu cầu nhiệm vụ
- Là việc cán bộ, công chức lãnh đạo, quản lý được cử hoặc bổ nhiệm giữ một chức danh lãnh đạo,
    quản lý khác trong một thời hạn nhất định để tiếp tục được đào tạo, bồi dưỡng và rèn luyện
- Là việc cán bộ, công chức được quyết định giữ một chức vụ lãnh đạo, quản lý hoặc một ngạch theo
    quy định của pháp luật
@ easy g=name/act | Luật Cán bộ, công chức 2008, Điều 7
Theo Luật Cán bộ, công chức năm 2008, việc cán bộ, công chức được quyết định giữ một chức vụ lãnh
    đạo, quản lý hoặc một ngạch theo quy định của pháp luật được gọi là gì?
+ Bổ nhiệm
@ medium g=name/act | Luật Cán bộ, công chức 2008, Điều 7
Luật Cán bộ, công chức năm 2008 gọi việc cán bộ, công chức được thôi giữ chức vụ, chức danh khi
    chưa hết nhiệm kỳ hoặc chưa hết thời hạn bổ nhiệm là gì?
+ Miễn nhiệm
@ medium g=name/act | Luật Cán bộ, công chức 2008, Điều 7
Việc cán bộ không được tiếp tục giữ chức vụ, chức danh khi chưa hết nhiệm kỳ, theo Luật Cán bộ,
    công chức năm 2008, được gọi là gì?
+ Bãi nhiệm
@ medium g=name/act | Luật Cán bộ, công chức 2008, Điều 7
Công chức giữ chức vụ lãnh đạo, quản lý bị hạ xuống chức vụ thấp hơn. Theo Luật Cán bộ, công chức
    năm 2008, đó là hình thức nào?
+ Giáng chức
@ hard g=name/act | Luật Cán bộ, công chức 2008, Điều 7
Khái niệm nào trong Luật Cán bộ, công chức năm 2008 được giải thích là: cán bộ, công chức lãnh đạo,
    quản lý không được tiếp tục giữ chức vụ lãnh đạo, quản lý khi chưa hết nhiệm kỳ hoặc chưa hết
    thời hạn bổ nhiệm?
+ Cách chức
@ medium g=name/act | Luật Cán bộ, công chức 2008, Điều 7
Việc cán bộ, công chức lãnh đạo, quản lý được cử hoặc bổ nhiệm giữ một chức danh lãnh đạo, quản lý
    khác trong một thời hạn nhất định để tiếp tục được đào tạo, bồi dưỡng và rèn luyện theo yêu cầu
    nhiệm vụ được gọi là gì?
+ Luân chuyển
@ medium g=name/act | Luật Cán bộ, công chức 2008, Điều 7
Theo Luật Cán bộ, công chức năm 2008, việc công chức của cơ quan này được cử đến làm việc tại cơ
    quan khác theo yêu cầu nhiệm vụ được gọi là gì?
+ Biệt phái
@ hard g=name/act | Luật Cán bộ, công chức 2008, Điều 7
Cán bộ, công chức lãnh đạo, quản lý đề nghị được thôi giữ chức vụ khi chưa hết nhiệm kỳ hoặc chưa
    hết thời hạn bổ nhiệm. Luật Cán bộ, công chức năm 2008 gọi việc này là gì?
+ Từ chức
@ easy g=name/act | Luật Cán bộ, công chức 2008, Điều 7
Quá trình truyền thụ, tiếp nhận có hệ thống những tri thức, kỹ năng theo quy định của từng cấp học,
    bậc học được Luật Cán bộ, công chức năm 2008 gọi là gì?
+ Đào tạo
@ medium g=name/act | Luật Cán bộ, công chức 2008, Điều 7
Theo Luật Cán bộ, công chức năm 2008, hoạt động trang bị, cập nhật, nâng cao kiến thức, kỹ năng làm
    việc được gọi là gì?
+ Bồi dưỡng
@ hard g=name/body | Luật Cán bộ, công chức 2008, Điều 7
Cơ quan, tổ chức, đơn vị được giao thẩm quyền quản lý, phân công, bố trí, kiểm tra việc thực hiện
    nhiệm vụ, quyền hạn của cán bộ, công chức được Luật Cán bộ, công chức năm 2008 gọi là gì?
+ Cơ quan sử dụng cán bộ, công chức
@ hard g=name/body | Luật Cán bộ, công chức 2008, Điều 7
Theo Luật Cán bộ, công chức năm 2008, cơ quan có thẩm quyền tuyển dụng, bổ nhiệm, nâng ngạch, nâng
    lương, cho thôi việc, nghỉ hưu, giải quyết chế độ, chính sách và khen thưởng, kỷ luật đối với
    cán bộ, công chức được gọi là gì?
+ Cơ quan quản lý cán bộ, công chức
@ medium g=name/term | Luật Cán bộ, công chức 2008, Điều 7
Tên gọi thể hiện thứ bậc về năng lực và trình độ chuyên môn, nghiệp vụ của công chức, theo Luật Cán
    bộ, công chức, là gì?
+ Ngạch
@ hard g=name/term | Luật Cán bộ, công chức 2008, Điều 7
Theo Luật Cán bộ, công chức, công việc gắn với chức danh, chức vụ, cơ cấu và ngạch công chức để xác
    định biên chế và bố trí công chức trong cơ quan, tổ chức, đơn vị được gọi là gì?
+ Vị trí việc làm

# --- Nguyên tắc, nghĩa vụ, quyền, đạo đức ---
@ easy | Luật Cán bộ, công chức 2008, Điều 16
Theo Luật Cán bộ, công chức năm 2008, khi thi hành công vụ, cán bộ, công chức phải mang theo gì?
+ Phù hiệu hoặc thẻ công chức
- Quyết định tuyển dụng của cơ quan
- Căn cước công dân và sổ công tác
- Giấy giới thiệu của thủ trưởng đơn vị
@ easy | Luật Cán bộ, công chức 2008, Điều 17
Khi giao tiếp với Nhân dân, cán bộ, công chức không được có hành vi nào sau đây?
+ Hách dịch, cửa quyền, gây khó khăn, phiền hà cho Nhân dân
- Hướng dẫn tận tình, chu đáo khi giải quyết công việc
- Sử dụng ngôn ngữ giao tiếp chuẩn mực, rõ ràng, mạch lạc
- Lắng nghe ý kiến và giải thích các quy định có liên quan
@ medium | Luật Cán bộ, công chức 2008, Điều 8
Nội dung nào sau đây KHÔNG thuộc nghĩa vụ của cán bộ, công chức đối với Đảng, Nhà nước và Nhân dân?
+ Tham gia đình công khi quyền lợi của mình chưa được bảo đảm
- Trung thành với Đảng Cộng sản Việt Nam, Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam
- Tôn trọng Nhân dân, tận tụy phục vụ Nhân dân
- Liên hệ chặt chẽ với Nhân dân, lắng nghe ý kiến và chịu sự giám sát của Nhân dân
@ hard | Luật Cán bộ, công chức 2008, Điều 9 khoản 5
Khi có căn cứ cho rằng quyết định của cấp trên là trái pháp luật, cán bộ, công chức phải làm gì?
+ Kịp thời báo cáo bằng văn bản với người ra quyết định; nếu người đó vẫn quyết định việc thi hành
    bằng văn bản thì phải chấp hành, đồng thời báo cáo cấp trên trực tiếp của người ra quyết định
- Có quyền từ chối thi hành quyết định mà không phải báo cáo với ai
- Chấp hành ngay và cùng chịu trách nhiệm liên đới về hậu quả của việc thi hành
- Báo cáo miệng với thủ trưởng cơ quan cấp trên và tạm dừng thi hành cho đến khi có kết luận
@ medium | Luật Cán bộ, công chức 2008, Điều 10
Theo Luật Cán bộ, công chức năm 2008, ai phải chịu trách nhiệm trước pháp luật về việc để xảy ra
    quan liêu, tham nhũng, lãng phí trong cơ quan, tổ chức, đơn vị?
+ Người đứng đầu cơ quan, tổ chức, đơn vị
- Công chức làm công tác kế toán của cơ quan
- Ban Chấp hành công đoàn cơ quan
- Ban Thanh tra nhân dân của cơ quan
@ medium | Luật Cán bộ, công chức 2008, Điều 13
Trường hợp do yêu cầu nhiệm vụ, cán bộ, công chức không sử dụng hoặc sử dụng không hết số ngày nghỉ
    hằng năm thì được giải quyết như thế nào?
+ Ngoài tiền lương, được thanh toán thêm một khoản tiền bằng tiền lương cho những ngày không nghỉ
- Được cộng dồn không thời hạn số ngày chưa nghỉ sang các năm sau
- Không được thanh toán vì nghỉ hằng năm là quyền chứ không phải nghĩa vụ
- Được chuyển thành ngày nghỉ bù trong quý đầu của năm sau
@ hard | Luật Cán bộ, công chức 2008, Điều 19 khoản 2
Cán bộ, công chức làm việc ở ngành, nghề có liên quan đến bí mật nhà nước, trong thời hạn ít nhất
    bao lâu kể từ khi có quyết định nghỉ hưu, thôi việc, không được làm công việc có liên quan đến
    ngành, nghề mà trước đây mình đã đảm nhiệm cho tổ chức, cá nhân trong nước, nước ngoài hoặc
    liên doanh với nước ngoài?
+ 05 năm
- 02 năm
- 03 năm
- 10 năm
@ medium | Luật Cán bộ, công chức 2008, Điều 4 khoản 1
Điểm nào sau đây là đặc trưng của cán bộ theo Luật Cán bộ, công chức năm 2008?
+ Được bầu cử, phê chuẩn, bổ nhiệm giữ chức vụ, chức danh theo nhiệm kỳ
- Được tuyển dụng vào ngạch thông qua thi tuyển hoặc xét tuyển
- Làm việc theo chế độ hợp đồng lao động, hưởng lương từ quỹ lương của đơn vị
- Chỉ làm việc trong cơ quan nhà nước ở trung ương
@ medium | Luật Cán bộ, công chức 2008, Điều 4 khoản 2 (sửa đổi, bổ sung năm 2019)
Theo Luật Cán bộ, công chức (sửa đổi, bổ sung năm 2019), công chức được tuyển dụng, bổ nhiệm vào
    ngạch, chức vụ, chức danh tương ứng với yếu tố nào?
+ Vị trí việc làm
- Nhiệm kỳ của cơ quan
- Thâm niên công tác
- Văn bằng cao nhất được đào tạo
@ hard | Luật Cán bộ, công chức 2008, Điều 4 khoản 2 (sửa đổi, bổ sung năm 2019)
Người làm việc trong cơ quan, đơn vị thuộc Quân đội nhân dân là công chức khi đáp ứng điều kiện
    nào?
+ Không phải là sĩ quan, quân nhân chuyên nghiệp, công nhân quốc phòng; được tuyển dụng, bổ nhiệm
    vào ngạch, chức vụ, chức danh theo vị trí việc làm, trong biên chế và hưởng lương từ ngân sách
    nhà nước
- Là sĩ quan hoặc quân nhân chuyên nghiệp được cơ quan quân đội tuyển dụng
- Là công nhân quốc phòng có thời gian công tác từ 05 năm trở lên
- Là người làm việc theo hợp đồng trong đơn vị quân đội, hưởng lương từ ngân sách nhà nước

# --- Tuyển dụng, ngạch, đánh giá ---
@ easy | Luật Cán bộ, công chức 2008, Điều 37 (sửa đổi, bổ sung năm 2019)
Theo Luật Cán bộ, công chức (sửa đổi, bổ sung năm 2019), việc tuyển dụng công chức được thực hiện
    thông qua hình thức nào?
+ Thi tuyển hoặc xét tuyển
- Chỉ thông qua thi tuyển
- Xét tuyển hoặc ký hợp đồng lao động
- Tiếp nhận không qua thi đối với mọi trường hợp
@ medium | Luật Cán bộ, công chức 2008, Điều 36
Theo Luật Cán bộ, công chức năm 2008, người đăng ký dự tuyển công chức phải từ đủ bao nhiêu tuổi
    trở lên?
+ Đủ 18 tuổi
- Đủ 20 tuổi
- Đủ 21 tuổi
- Đủ 22 tuổi
@ medium | Luật Cán bộ, công chức 2008, Điều 34
Theo Luật Cán bộ, công chức năm 2008, công chức được bổ nhiệm vào ngạch chuyên viên chính hoặc
    tương đương thuộc loại nào?
+ Loại B
- Loại A
- Loại C
- Loại D
@ hard | Luật Cán bộ, công chức 2008, Điều 34
Theo cách phân loại công chức của Luật Cán bộ, công chức năm 2008, loại D gồm những người được bổ
    nhiệm vào ngạch nào?
+ Ngạch cán sự hoặc tương đương và ngạch nhân viên
- Ngạch chuyên viên hoặc tương đương
- Ngạch chuyên viên chính hoặc tương đương
- Ngạch chuyên viên cao cấp hoặc tương đương
@ medium | Luật Cán bộ, công chức 2008 (sửa đổi, bổ sung năm 2019)
Theo Luật Cán bộ, công chức (sửa đổi, bổ sung năm 2019), việc nâng ngạch công chức được thực hiện
    thông qua hình thức nào?
+ Thi nâng ngạch hoặc xét nâng ngạch
- Chỉ thông qua thi nâng ngạch
- Tự động nâng ngạch khi đủ thời gian giữ ngạch
- Bổ nhiệm trực tiếp theo đề nghị của người đứng đầu
@ easy | Luật Cán bộ, công chức 2008, Điều 58 (sửa đổi, bổ sung năm 2019)
Theo Luật Cán bộ, công chức (sửa đổi, bổ sung năm 2019), công chức được xếp loại chất lượng hằng
    năm theo những mức nào?
+ Hoàn thành xuất sắc nhiệm vụ; hoàn thành tốt nhiệm vụ; hoàn thành nhiệm vụ; không hoàn thành
    nhiệm vụ
- Xuất sắc; tốt; khá; trung bình; yếu
- Hoàn thành tốt nhiệm vụ; hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực; không hoàn thành
    nhiệm vụ
- Hoàn thành xuất sắc nhiệm vụ; hoàn thành nhiệm vụ; không hoàn thành nhiệm vụ
@ medium | Luật Cán bộ, công chức 2008, Điều 58, Điều 59 (sửa đổi, bổ sung năm 2019)
Công chức có 02 năm liên tiếp được xếp loại chất lượng ở mức không hoàn thành nhiệm vụ thì bị xử lý
    như thế nào?
+ Cơ quan, tổ chức, đơn vị có thẩm quyền giải quyết thôi việc
- Bị hạ một bậc lương và giữ nguyên vị trí việc làm
- Được chuyển sang làm viên chức tại đơn vị sự nghiệp
- Được đưa vào diện tinh giản biên chế và hưởng chính sách tinh giản
@ medium | Luật Cán bộ, công chức 2008, Điều 56
Theo Luật Cán bộ, công chức, ngoài việc đánh giá hằng năm, công chức còn được đánh giá vào thời
    điểm nào?
+ Trước khi bổ nhiệm, quy hoạch, điều động, đào tạo, bồi dưỡng, khi kết thúc thời gian luân chuyển,
    biệt phái
- Chỉ khi có đơn phản ánh, tố cáo liên quan đến công chức
- Mỗi khi đến kỳ nâng bậc lương thường xuyên
- Khi cơ quan có sự thay đổi người đứng đầu
@ hard | Luật Cán bộ, công chức 2008, Điều 60
Theo Luật Cán bộ, công chức năm 2008, trước bao lâu tính đến ngày nghỉ hưu, cơ quan quản lý phải
    thông báo cho công chức và ra quyết định nghỉ hưu?
+ Thông báo trước 06 tháng; ra quyết định nghỉ hưu trước 03 tháng
- Thông báo trước 03 tháng; ra quyết định nghỉ hưu trước 01 tháng
- Thông báo trước 12 tháng; ra quyết định nghỉ hưu trước 06 tháng
- Thông báo trước 06 tháng; ra quyết định nghỉ hưu trước 01 tháng
@ medium | Luật Cán bộ, công chức năm 2025
Luật Cán bộ, công chức năm 2025 (được Quốc hội khóa XV thông qua tháng 6 năm 2025) có hiệu lực thi
    hành từ ngày nào?
+ 01/7/2025
- 01/01/2026
- 01/8/2025
- 01/4/2025
@ hard | Luật Cán bộ, công chức năm 2025
Điểm đổi mới căn bản trong quản lý công chức theo Luật Cán bộ, công chức năm 2025 là gì?
+ Quản lý công chức theo vị trí việc làm, lấy kết quả, sản phẩm công việc làm thước đo đánh giá
- Quản lý công chức chủ yếu theo ngạch và thâm niên công tác
- Chuyển toàn bộ công chức sang chế độ hợp đồng lao động
- Bỏ việc đánh giá, xếp loại chất lượng công chức hằng năm

# --- Kỷ luật ---
@ medium | Luật Cán bộ, công chức 2008, Điều 79 (sửa đổi, bổ sung năm 2019)
Hình thức kỷ luật nào sau đây chỉ áp dụng đối với công chức giữ chức vụ lãnh đạo, quản lý?
+ Giáng chức
- Khiển trách
- Cảnh cáo
- Buộc thôi việc
@ hard | Luật Cán bộ, công chức 2008, Điều 78, Điều 79 (sửa đổi, bổ sung năm 2019)
Hình thức kỷ luật nào áp dụng đối với cán bộ nhưng không áp dụng đối với công chức?
+ Bãi nhiệm
- Khiển trách
- Cảnh cáo
- Cách chức
@ hard | Luật Cán bộ, công chức 2008, Điều 80 (sửa đổi, bổ sung năm 2019)
Theo Luật Cán bộ, công chức (sửa đổi, bổ sung năm 2019), thời hiệu xử lý kỷ luật đối với hành vi vi
    phạm đến mức phải kỷ luật bằng hình thức cảnh cáo trở lên là bao nhiêu năm?
+ 10 năm
- 05 năm
- 15 năm
- 20 năm
@ hard | Luật Cán bộ, công chức 2008, Điều 81
Theo Luật Cán bộ, công chức, thời hạn tạm đình chỉ công tác đối với cán bộ, công chức trong thời
    gian xem xét, xử lý kỷ luật là bao lâu?
+ Không quá 15 ngày; trường hợp cần thiết có thể kéo dài thêm nhưng không quá 15 ngày
- Không quá 10 ngày; có thể kéo dài thêm nhưng không quá 10 ngày
- Không quá 30 ngày; có thể kéo dài thêm nhưng không quá 15 ngày
- Không quá 30 ngày; có thể kéo dài thêm nhưng không quá 30 ngày

@ medium multiple | Luật Cán bộ, công chức 2008, Điều 5
Những nội dung nào sau đây là nguyên tắc quản lý cán bộ, công chức? (Chọn các phương án đúng)
+ Bảo đảm sự lãnh đạo của Đảng Cộng sản Việt Nam, sự quản lý của Nhà nước
+ Kết hợp giữa tiêu chuẩn chức danh, vị trí việc làm và chỉ tiêu biên chế
+ Thực hiện bình đẳng giới
- Quản lý chủ yếu theo thâm niên công tác
@ medium multiple | Luật Cán bộ, công chức 2008, Điều 3
Những nội dung nào sau đây là nguyên tắc trong thi hành công vụ? (Chọn các phương án đúng)
+ Tuân thủ Hiến pháp và pháp luật
+ Công khai, minh bạch, đúng thẩm quyền và có sự kiểm tra, giám sát
+ Bảo đảm thứ bậc hành chính và sự phối hợp chặt chẽ
- Giữ bí mật toàn bộ hoạt động công vụ đối với Nhân dân
@ medium multiple | Luật Cán bộ, công chức 2008, Điều 18
Những việc nào sau đây cán bộ, công chức không được làm liên quan đến đạo đức công vụ? (Chọn các
    phương án đúng)
+ Trốn tránh trách nhiệm, thoái thác nhiệm vụ được giao
+ Bỏ việc hoặc tham gia đình công
+ Sử dụng thông tin liên quan đến công vụ để vụ lợi
- Tham gia hoạt động của tổ chức công đoàn cơ quan
@ medium multiple | Luật Cán bộ, công chức 2008, Điều 79 (sửa đổi, bổ sung năm 2019)
Những hình thức nào sau đây là hình thức kỷ luật đối với công chức? (Chọn các phương án đúng)
+ Hạ bậc lương
+ Buộc thôi việc
+ Cảnh cáo
- Bãi nhiệm
@ hard multiple | Luật Cán bộ, công chức 2008, Điều 80 khoản 2 (sửa đổi, bổ sung năm 2019)
Trường hợp nào sau đây KHÔNG áp dụng thời hiệu xử lý kỷ luật? (Chọn các phương án đúng)
+ Cán bộ, công chức là đảng viên có hành vi vi phạm đến mức phải kỷ luật bằng hình thức khai trừ
+ Sử dụng văn bằng, chứng chỉ, giấy chứng nhận, xác nhận giả hoặc không hợp pháp để được tuyển
    dụng, bổ nhiệm vào chức vụ
+ Có hành vi vi phạm quy định về công tác bảo vệ chính trị nội bộ
- Vi phạm lần đầu đến mức phải kỷ luật bằng hình thức khiển trách
@ hard multiple | Luật Cán bộ, công chức 2008, Điều 36 khoản 2
Những người nào sau đây không được đăng ký dự tuyển công chức? (Chọn các phương án đúng)
+ Người không cư trú tại Việt Nam
+ Người mất hoặc bị hạn chế năng lực hành vi dân sự
+ Người đang bị truy cứu trách nhiệm hình sự
- Người đang theo học chương trình đào tạo thạc sĩ
@ medium multiple | Luật Cán bộ, công chức 2008, Điều 56
Nội dung nào sau đây được dùng để đánh giá công chức? (Chọn các phương án đúng)
+ Tiến độ và kết quả thực hiện nhiệm vụ
+ Thái độ phục vụ Nhân dân
+ Phẩm chất chính trị, đạo đức, lối sống, tác phong và lề lối làm việc
- Số năm công tác và số lần được nâng lương trước thời hạn

@ easy tf | Luật Cán bộ, công chức 2008, Điều 6
Theo Luật Cán bộ, công chức năm 2008, Nhà nước có chính sách để phát hiện, thu hút, bồi dưỡng,
    trọng dụng và đãi ngộ xứng đáng đối với người có tài năng.
= đúng
@ medium tf | Luật Cán bộ, công chức 2008, Điều 5 khoản 4
Theo Luật Cán bộ, công chức năm 2008, việc sử dụng, đánh giá, phân loại cán bộ, công chức phải dựa
    trên phẩm chất chính trị, đạo đức và năng lực thi hành công vụ.
= đúng
@ hard tf | Luật Cán bộ, công chức 2008, Điều 80 khoản 3 (sửa đổi, bổ sung năm 2019)
Theo Luật Cán bộ, công chức (sửa đổi, bổ sung năm 2019), thời hạn xử lý kỷ luật tối đa là 90 ngày;
    trường hợp vụ việc có tình tiết phức tạp cần có thời gian thanh tra, kiểm tra để xác minh làm
    rõ thêm thì thời hạn xử lý kỷ luật tối đa là 150 ngày.
= đúng
@ medium tf | Luật Cán bộ, công chức 2008, Điều 35
Theo Luật Cán bộ, công chức năm 2008, việc tuyển dụng công chức chỉ cần căn cứ vào nhu cầu của
    người đứng đầu cơ quan, không phụ thuộc vào chỉ tiêu biên chế.
= sai
@ medium tf | Luật Cán bộ, công chức 2008, Điều 34
Theo Luật Cán bộ, công chức năm 2008, công chức loại A gồm những người được bổ nhiệm vào ngạch
    chuyên viên chính hoặc tương đương.
= sai
@ hard tf | Luật Cán bộ, công chức 2008, Điều 9 khoản 5
Theo Luật Cán bộ, công chức năm 2008, khi đã báo cáo bằng văn bản mà người ra quyết định trái pháp
    luật vẫn quyết định việc thi hành bằng văn bản, công chức chấp hành quyết định đó không phải
    chịu trách nhiệm về hậu quả của việc thi hành.
= đúng

@ easy short | Luật Cán bộ, công chức 2008, Điều 15
Điền cụm từ còn thiếu theo Điều 15 Luật Cán bộ, công chức năm 2008: "Cán bộ, công chức phải thực
    hiện cần, kiệm, liêm, chính, ... trong hoạt động công vụ."
= chí công vô tư
@ medium short | Luật Cán bộ, công chức 2008, Điều 79 (sửa đổi, bổ sung năm 2019)
Hình thức kỷ luật nặng nhất đối với công chức theo Luật Cán bộ, công chức là hình thức nào? (Ghi
    tên hình thức kỷ luật)
= buộc thôi việc

@ hard numeric | Luật Cán bộ, công chức 2008, Điều 80 khoản 1 (sửa đổi, bổ sung năm 2019)
Theo Luật Cán bộ, công chức (sửa đổi, bổ sung năm 2019), thời hiệu xử lý kỷ luật đối với hành vi vi
    phạm ít nghiêm trọng đến mức phải kỷ luật bằng hình thức khiển trách là bao nhiêu năm? (Ghi số)
= 5
@ medium numeric | Bộ luật Lao động 2019, Điều 113
Người làm việc đủ 12 tháng trong điều kiện bình thường được nghỉ hằng năm, hưởng nguyên lương bao
    nhiêu ngày làm việc theo Bộ luật Lao động 2019? (Ghi số)
= 12
@ hard numeric | Bộ luật Lao động 2019, Điều 169
Theo Bộ luật Lao động 2019, tuổi nghỉ hưu của lao động nam trong điều kiện lao động bình thường
    được điều chỉnh theo lộ trình cho đến khi đủ bao nhiêu tuổi vào năm 2028? (Ghi số)
= 62

@ medium essay p=10 | Luật Cán bộ, công chức 2008, Điều 8, Điều 9, Điều 10, Điều 15 - Điều 20
Anh (chị) hãy trình bày nghĩa vụ của cán bộ, công chức trong thi hành công vụ theo Luật Cán bộ,
    công chức và liên hệ việc thực hiện các nghĩa vụ đó tại vị trí việc làm của bản thân.
> Nêu đúng nghĩa vụ đối với Đảng, Nhà nước và Nhân dân: trung thành; tôn trọng, tận tụy phục vụ
    Nhân dân; liên hệ chặt chẽ và chịu sự giám sát của Nhân dân; chấp hành đường lối, chính sách,
    pháp luật (2 điểm)
> Nêu đúng nghĩa vụ trong thi hành công vụ: thực hiện đúng, đầy đủ nhiệm vụ, quyền hạn; ý thức tổ
    chức kỷ luật; báo cáo khi phát hiện vi phạm; bảo vệ bí mật nhà nước; quản lý, sử dụng tài sản
    nhà nước tiết kiệm; chấp hành quyết định của cấp trên, xử lý đúng khi quyết định trái pháp luật
    (3 điểm)
> Nêu được các quy định về đạo đức, văn hóa giao tiếp và những việc không được làm (2 điểm)
> Liên hệ cụ thể với vị trí việc làm: kết quả đã làm được, hạn chế, nguyên nhân và giải pháp khắc
    phục (3 điểm)

# --- Bổ sung: quyền, nghĩa vụ, điều kiện dự tuyển ---
@ easy | Luật Cán bộ, công chức 2008, Điều 36
Điều kiện nào sau đây là điều kiện đăng ký dự tuyển công chức?
+ Có một quốc tịch là quốc tịch Việt Nam
- Có hộ khẩu thường trú tại địa phương tuyển dụng
- Là đảng viên Đảng Cộng sản Việt Nam
- Có ít nhất 02 năm kinh nghiệm làm việc
@ easy | Luật Cán bộ, công chức 2008, Điều 16
Trong giao tiếp ở công sở, cán bộ, công chức phải có thái độ như thế nào?
+ Lịch sự, tôn trọng đồng nghiệp; ngôn ngữ giao tiếp chuẩn mực, rõ ràng, mạch lạc
- Tùy theo quan hệ thân, sơ với từng đồng nghiệp
- Chỉ cần lịch sự với cấp trên
- Giữ khoảng cách, hạn chế trao đổi với đồng nghiệp
@ easy | Luật Cán bộ, công chức 2008, Điều 12
Theo Luật Cán bộ, công chức năm 2008, quyền về tiền lương của cán bộ, công chức được quy định như
    thế nào?
+ Được Nhà nước bảo đảm tiền lương tương xứng với nhiệm vụ, quyền hạn được giao, phù hợp với điều
    kiện kinh tế - xã hội của đất nước
- Được hưởng lương theo thỏa thuận với người đứng đầu cơ quan
- Được hưởng lương theo doanh thu của cơ quan
- Chỉ được hưởng phụ cấp, không hưởng lương
@ easy | Luật Cán bộ, công chức 2008, Điều 11
Quyền nào sau đây là quyền của cán bộ, công chức được bảo đảm các điều kiện thi hành công vụ?
+ Được đào tạo, bồi dưỡng nâng cao trình độ chính trị, chuyên môn, nghiệp vụ
- Được tự quyết định vị trí việc làm của mình
- Được từ chối mọi nhiệm vụ ngoài chuyên môn
- Được sử dụng tài sản công cho việc riêng
@ easy | Luật Cán bộ, công chức 2008, Điều 4
Cán bộ, công chức trong biên chế được hưởng lương từ nguồn nào?
+ Ngân sách nhà nước
- Quỹ phúc lợi của cơ quan
- Nguồn thu phí, lệ phí của cơ quan
- Đóng góp của Nhân dân
@ easy | Luật Cán bộ, công chức 2008, Điều 9
Đối với tài sản nhà nước được giao, cán bộ, công chức có nghĩa vụ gì?
+ Bảo vệ, quản lý và sử dụng hiệu quả, tiết kiệm
- Được toàn quyền sử dụng cho mục đích cá nhân ngoài giờ
- Được cho mượn khi người thân có nhu cầu
- Chỉ có trách nhiệm khi tài sản có giá trị lớn
@ easy | Luật Cán bộ, công chức 2008, Điều 9
Khi phát hiện hành vi vi phạm pháp luật trong cơ quan, tổ chức, đơn vị, cán bộ, công chức phải làm
    gì?
+ Báo cáo người có thẩm quyền
- Im lặng để giữ đoàn kết nội bộ
- Đăng tải ngay lên mạng xã hội
- Tự xử lý người vi phạm
@ hard | Luật Cán bộ, công chức 2008, Điều 20
Ngoài những việc không được làm quy định trong Luật Cán bộ, công chức, những việc cán bộ, công chức
    không được làm liên quan đến sản xuất, kinh doanh, công tác nhân sự được quy định ở đâu?
+ Trong Luật Phòng, chống tham nhũng, Luật Thực hành tiết kiệm, chống lãng phí và các luật có liên
    quan
- Chỉ trong quy chế làm việc của cơ quan
- Trong Bộ luật Lao động
- Trong Luật Doanh nghiệp

@ easy fixed | Luật Cán bộ, công chức 2008, Điều 17
Khi giao tiếp với Nhân dân, cán bộ, công chức phải thực hiện những yêu cầu nào?
- Gần gũi với Nhân dân
- Có tác phong, thái độ lịch sự, nghiêm túc, khiêm tốn
- Ngôn ngữ giao tiếp chuẩn mực, rõ ràng, mạch lạc
+ Tất cả các phương án trên
"""

_KTC_QLNN = """
# --- Thẩm quyền ban hành văn bản quy phạm pháp luật ---
% issuer: Thủ tướng Chính phủ; Hội đồng nhân dân cấp tỉnh; Ủy ban nhân dân cấp tỉnh
@ easy g=issuer | Luật Ban hành văn bản quy phạm pháp luật năm 2025
Theo Luật Ban hành văn bản quy phạm pháp luật, nghị định là văn bản do cơ quan nào ban hành?
+ Chính phủ
@ easy g=issuer | Luật Ban hành văn bản quy phạm pháp luật năm 2025
Luật, bộ luật là văn bản quy phạm pháp luật do cơ quan nào thông qua?
+ Quốc hội
@ medium g=issuer | Luật Ban hành văn bản quy phạm pháp luật năm 2025
Pháp lệnh là văn bản quy phạm pháp luật do cơ quan nào ban hành?
+ Ủy ban Thường vụ Quốc hội
@ medium g=issuer | Luật Ban hành văn bản quy phạm pháp luật năm 2025
Theo Luật Ban hành văn bản quy phạm pháp luật, lệnh là văn bản quy phạm pháp luật do ai ban hành?
+ Chủ tịch nước
@ easy g=issuer | Luật Ban hành văn bản quy phạm pháp luật năm 2025
Thông tư quy định chi tiết luật trong phạm vi quản lý ngành, lĩnh vực do ai ban hành?
+ Bộ trưởng, Thủ trưởng cơ quan ngang bộ

# --- Các chỉ số đánh giá ---
% index: DDCI; ICT Index
@ medium g=index | Chỉ số hài lòng về sự phục vụ hành chính (Bộ Nội vụ)
Chỉ số đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà
    nước được viết tắt là gì?
+ SIPAS
@ medium g=index | Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Ủy ban nhân dân các
    tỉnh (Bộ Nội vụ)
Chỉ số cải cách hành chính do Bộ Nội vụ công bố hằng năm có tên viết tắt là gì?
+ PAR INDEX
@ easy g=index | Chỉ số năng lực cạnh tranh cấp tỉnh (VCCI)
Chỉ số năng lực cạnh tranh cấp tỉnh có tên viết tắt là gì?
+ PCI
@ hard g=index | Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh
Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh, đo lường qua khảo sát ý kiến người dân, được
    viết tắt là gì?
+ PAPI

# --- Quản lý hành chính nhà nước, cải cách hành chính ---
@ easy | Hiến pháp năm 2013, Điều 94, Điều 114
Hoạt động quản lý hành chính nhà nước chủ yếu do hệ thống cơ quan nào thực hiện?
+ Hệ thống cơ quan hành chính nhà nước, đứng đầu là Chính phủ
- Hệ thống cơ quan quyền lực nhà nước: Quốc hội và Hội đồng nhân dân các cấp
- Hệ thống cơ quan tư pháp: Tòa án nhân dân và Viện kiểm sát nhân dân
- Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội
@ medium | Giáo trình Quản lý hành chính nhà nước (Học viện Hành chính Quốc gia)
Phương pháp quản lý hành chính nhà nước nào tác động gián tiếp đến đối tượng quản lý thông qua lợi
    ích vật chất?
+ Phương pháp kinh tế
- Phương pháp hành chính
- Phương pháp thuyết phục
- Phương pháp cưỡng chế
@ medium | Giáo trình Quản lý hành chính nhà nước (Học viện Hành chính Quốc gia)
Phương pháp nào dùng quyền lực nhà nước buộc đối tượng quản lý phải thực hiện hoặc không được thực
    hiện một hành vi, thường áp dụng khi thuyết phục không có hiệu quả?
+ Phương pháp cưỡng chế
- Phương pháp kinh tế
- Phương pháp thuyết phục
- Phương pháp giáo dục
@ medium | Giáo trình Quản lý hành chính nhà nước (Học viện Hành chính Quốc gia)
Các chức năng cơ bản của quản lý hành chính nhà nước gồm những chức năng nào?
+ Lập kế hoạch, tổ chức, chỉ đạo điều hành và kiểm tra
- Lập pháp, hành pháp và tư pháp
- Tuyên truyền, vận động, kiểm tra và giám sát
- Xét xử, công tố và kiểm sát
@ medium | Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ
Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030 được ban hành kèm theo văn
    bản nào?
+ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ
- Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ
- Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương
- Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ
@ medium | Nghị định số 61/2018/NĐ-CP của Chính phủ
Năm 2018, Chính phủ ban hành nghị định nào quy định về thực hiện cơ chế một cửa, một cửa liên thông
    trong giải quyết thủ tục hành chính?
+ Nghị định số 61/2018/NĐ-CP
- Nghị định số 30/2020/NĐ-CP
- Nghị định số 63/2010/NĐ-CP
- Nghị định số 138/2020/NĐ-CP
@ hard | Nghị định số 63/2010/NĐ-CP của Chính phủ
Văn bản nào quy định về kiểm soát thủ tục hành chính?
+ Nghị định số 63/2010/NĐ-CP
- Nghị định số 61/2018/NĐ-CP
- Nghị định số 45/2020/NĐ-CP
- Nghị định số 62/2020/NĐ-CP
@ medium | Nghị định số 61/2018/NĐ-CP, Điều 3
Theo Nghị định số 61/2018/NĐ-CP, "cơ chế một cửa" là gì?
+ Là phương thức tiếp nhận hồ sơ, giải quyết và trả kết quả giải quyết thủ tục hành chính, theo
    dõi, giám sát, đánh giá việc giải quyết thủ tục hành chính cho tổ chức, cá nhân của một cơ quan
    có thẩm quyền thông qua Bộ phận Một cửa
- Là phương thức phối hợp giữa nhiều cơ quan có thẩm quyền trong giải quyết một nhóm thủ tục hành
    chính có liên quan với nhau
- Là việc mỗi công chức được giao giải quyết trọn vẹn hồ sơ từ khi tiếp nhận đến khi trả kết quả
- Là việc tổ chức, cá nhân chỉ nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia
@ medium | Nghị định số 63/2010/NĐ-CP, Điều 3
"Thủ tục hành chính" được hiểu là gì?
+ Là trình tự, cách thức thực hiện, hồ sơ và yêu cầu, điều kiện do cơ quan nhà nước, người có thẩm
    quyền quy định để giải quyết một công việc cụ thể liên quan đến cá nhân, tổ chức
- Là toàn bộ văn bản quy phạm pháp luật do cơ quan hành chính nhà nước ban hành
- Là quy trình nội bộ do thủ trưởng cơ quan ban hành để phân công công việc cho công chức
- Là các loại phí, lệ phí mà cá nhân, tổ chức phải nộp khi đề nghị giải quyết công việc
@ medium | Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ
Đề án 06 (phê duyệt tại Quyết định số 06/QĐ-TTg năm 2022 của Thủ tướng Chính phủ) có nội dung gì?
+ Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc
    gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030
- Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030
- Đơn giản hóa thủ tục hành chính, giấy tờ công dân liên quan đến quản lý dân cư
- Xây dựng Cổng Dịch vụ công quốc gia và hệ thống một cửa điện tử cấp bộ, cấp tỉnh
@ hard | Luật Tổ chức Chính phủ năm 2025; Nghị quyết của Quốc hội về cơ cấu tổ chức của Chính phủ
    (tháng 02/2025)
Theo cơ cấu tổ chức của Chính phủ được Quốc hội quyết định tháng 02 năm 2025, Chính phủ có bao
    nhiêu bộ, cơ quan ngang bộ?
+ 14 bộ và 3 cơ quan ngang bộ
- 18 bộ và 4 cơ quan ngang bộ
- 17 bộ và 3 cơ quan ngang bộ
- 12 bộ và 2 cơ quan ngang bộ
@ easy | Luật Tổ chức chính quyền địa phương năm 2025
Nhiệm kỳ của mỗi khóa Hội đồng nhân dân là bao nhiêu năm?
+ 05 năm
- 04 năm
- 03 năm
- 10 năm
@ medium | Luật Ban hành văn bản quy phạm pháp luật năm 2025
Văn bản quy phạm pháp luật được hiểu là gì?
+ Là văn bản có chứa quy phạm pháp luật, được ban hành theo đúng thẩm quyền, hình thức, trình tự,
    thủ tục quy định
- Là mọi văn bản do cơ quan nhà nước ban hành để điều hành công việc
- Là văn bản áp dụng một lần đối với một đối tượng cụ thể
- Là văn bản do người đứng đầu cơ quan ban hành để chỉ đạo cấp dưới
@ hard | Luật Ban hành văn bản quy phạm pháp luật năm 2015, Điều 156
Trường hợp các văn bản quy phạm pháp luật do cùng một cơ quan ban hành có quy định khác nhau về
    cùng một vấn đề thì áp dụng quy định nào?
+ Quy định của văn bản được ban hành sau
- Quy định của văn bản được ban hành trước
- Quy định có lợi hơn cho cơ quan quản lý
- Quy định do người áp dụng lựa chọn
@ medium | Quyết định số 129/2007/QĐ-TTg của Thủ tướng Chính phủ
Quy chế văn hóa công sở tại các cơ quan hành chính nhà nước được ban hành kèm theo văn bản nào?
+ Quyết định số 129/2007/QĐ-TTg của Thủ tướng Chính phủ
- Quyết định số 1847/QĐ-TTg năm 2018 của Thủ tướng Chính phủ
- Nghị định số 30/2020/NĐ-CP của Chính phủ
- Nghị định số 61/2018/NĐ-CP của Chính phủ
@ medium | Luật Phòng, chống tham nhũng 2018, Điều 2
Hành vi nào sau đây KHÔNG phải là hành vi tham nhũng theo Luật Phòng, chống tham nhũng năm 2018?
+ Đi làm muộn, về sớm so với giờ làm việc của cơ quan
- Tham ô tài sản
- Nhận hối lộ
- Lạm quyền trong khi thi hành nhiệm vụ, công vụ vì vụ lợi
@ hard | Nghị định số 59/2019/NĐ-CP
Theo quy định hướng dẫn Luật Phòng, chống tham nhũng, thời hạn định kỳ chuyển đổi vị trí công tác
    đối với cán bộ, công chức ở một số vị trí liên quan đến quản lý tài chính, tài sản, nhân sự là
    bao lâu?
+ Từ đủ 02 năm đến 05 năm
- Từ đủ 01 năm đến 03 năm
- Từ đủ 03 năm đến 07 năm
- Từ đủ 05 năm đến 10 năm
@ medium | Luật Phòng, chống tham nhũng 2018, Điều 36
Theo Luật Phòng, chống tham nhũng năm 2018, việc kê khai tài sản, thu nhập hằng năm phải hoàn thành
    trước ngày nào?
+ Trước ngày 31 tháng 12
- Trước ngày 31 tháng 3 năm sau
- Trước ngày 30 tháng 6
- Trước ngày 15 tháng 12
@ hard | Luật Phòng, chống tham nhũng 2018, Điều 36
Theo Luật Phòng, chống tham nhũng năm 2018, người có nghĩa vụ kê khai phải kê khai bổ sung khi có
    biến động về tài sản, thu nhập trong năm có giá trị từ bao nhiêu trở lên?
+ 300.000.000 đồng
- 100.000.000 đồng
- 500.000.000 đồng
- 1.000.000.000 đồng
@ hard | Luật Bảo vệ bí mật nhà nước 2018, Điều 19
Theo Luật Bảo vệ bí mật nhà nước năm 2018, bí mật nhà nước độ Mật được bảo vệ trong thời hạn bao
    lâu kể từ ngày xác định độ mật?
+ 10 năm
- 05 năm
- 20 năm
- 30 năm
@ medium | Luật Tiếp cận thông tin 2016
Theo Luật Tiếp cận thông tin năm 2016, công dân được tiếp cận thông tin bằng những cách nào?
+ Tự do tiếp cận thông tin được cơ quan nhà nước công khai và yêu cầu cơ quan nhà nước cung cấp
    thông tin
- Chỉ được tiếp cận thông tin khi có văn bản đồng ý của Chủ tịch Ủy ban nhân dân cấp xã
- Chỉ được tiếp cận thông tin đăng trên Công báo
- Được tiếp cận mọi thông tin, kể cả thông tin thuộc bí mật nhà nước
@ hard | Luật Xử lý vi phạm hành chính 2012, Điều 6
Theo Luật Xử lý vi phạm hành chính, thời hiệu xử phạt vi phạm hành chính nói chung là bao lâu?
+ 01 năm, trừ một số lĩnh vực có thời hiệu 02 năm
- 06 tháng, trừ một số lĩnh vực có thời hiệu 01 năm
- 02 năm, trừ một số lĩnh vực có thời hiệu 05 năm
- 03 năm đối với mọi lĩnh vực
@ hard | Luật Tố tụng hành chính 2015, Điều 116
Theo Luật Tố tụng hành chính năm 2015, thời hiệu khởi kiện đối với quyết định hành chính, hành vi
    hành chính là bao lâu kể từ ngày nhận được hoặc biết được quyết định, hành vi đó?
+ 01 năm
- 90 ngày
- 06 tháng
- 02 năm
@ hard | Luật Thực hiện dân chủ ở cơ sở 2022
Luật Thực hiện dân chủ ở cơ sở năm 2022 có hiệu lực thi hành từ ngày nào?
+ 01/7/2023
- 01/01/2023
- 01/7/2022
- 01/01/2024
@ easy | Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII của Đảng
Phương châm thực hiện dân chủ ở cơ sở được Đại hội XIII của Đảng bổ sung đầy đủ là gì?
+ Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng
- Dân biết, dân bàn, dân làm, dân kiểm tra
- Dân biết, dân bàn, dân quyết, dân làm, dân hưởng
- Dân hiểu, dân tin, dân theo, dân làm, dân giám sát
@ medium | Nghị định số 42/2022/NĐ-CP
Dịch vụ công trực tuyến "toàn trình" là gì?
+ Là dịch vụ bảo đảm cung cấp toàn bộ thông tin về thủ tục hành chính; việc thực hiện và giải quyết
    thủ tục hành chính đều được thực hiện trên môi trường mạng
- Là dịch vụ chỉ cho phép tải biểu mẫu hồ sơ trên mạng, còn nộp hồ sơ trực tiếp
- Là dịch vụ nhận hồ sơ trực tuyến nhưng người dân vẫn phải đến nộp bản giấy để được giải quyết
- Là dịch vụ công do doanh nghiệp bưu chính cung cấp tại nhà người dân
@ hard | Nghị quyết số 76/NQ-CP năm 2021 của Chính phủ
Theo Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030, cải cách hành chính
    gồm bao nhiêu nội dung?
+ 06 nội dung
- 04 nội dung
- 05 nội dung
- 07 nội dung
@ easy | Nghị định số 61/2018/NĐ-CP, Điều 3
Theo Nghị định số 61/2018/NĐ-CP, tên gọi chung của Trung tâm Phục vụ hành chính công cấp tỉnh và Bộ
    phận Tiếp nhận và Trả kết quả các cấp là gì?
+ Bộ phận Một cửa
- Văn phòng tiếp công dân
- Tổ công tác liên ngành
- Bộ phận văn thư - lưu trữ

@ hard multiple | Nghị quyết số 76/NQ-CP năm 2021 của Chính phủ
Những nội dung nào sau đây thuộc Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021
    - 2030? (Chọn các phương án đúng)
+ Cải cách thể chế
+ Cải cách tài chính công
+ Xây dựng và phát triển Chính phủ điện tử, Chính phủ số
- Cải cách tư pháp
@ medium multiple | Luật Xử lý vi phạm hành chính 2012, Điều 28
Những biện pháp nào sau đây là biện pháp khắc phục hậu quả theo Luật Xử lý vi phạm hành chính?
    (Chọn các phương án đúng)
+ Buộc khôi phục lại tình trạng ban đầu
+ Buộc tháo dỡ công trình, phần công trình xây dựng không có giấy phép hoặc xây dựng không đúng với
    giấy phép
+ Buộc nộp lại số lợi bất hợp pháp có được do thực hiện vi phạm hành chính
- Phạt tiền
@ medium multiple | Luật Bảo vệ bí mật nhà nước 2018, Điều 8
Theo Luật Bảo vệ bí mật nhà nước năm 2018, bí mật nhà nước gồm những độ mật nào? (Chọn các phương
    án đúng)
+ Tuyệt mật
+ Tối mật
+ Mật
- Hạn chế lưu hành
@ medium multiple | Luật Phòng, chống tham nhũng 2018, Điều 2
Những hành vi nào sau đây là hành vi tham nhũng trong khu vực nhà nước? (Chọn các phương án đúng)
+ Lợi dụng chức vụ, quyền hạn sử dụng trái phép tài sản công vì vụ lợi
+ Nhũng nhiễu vì vụ lợi
+ Giả mạo trong công tác vì vụ lợi
- Chậm nộp báo cáo định kỳ do khối lượng công việc lớn
@ hard multiple | Luật Ban hành văn bản quy phạm pháp luật năm 2025
Những văn bản nào sau đây là văn bản quy phạm pháp luật? (Chọn các phương án đúng)
+ Nghị định của Chính phủ
+ Thông tư của Bộ trưởng
+ Nghị quyết của Hội đồng nhân dân cấp tỉnh
- Công văn hướng dẫn của sở
@ easy multiple | Nghị định số 61/2018/NĐ-CP
Khi giải quyết thủ tục hành chính cho người dân, công chức tại Bộ phận Một cửa cần làm gì? (Chọn
    các phương án đúng)
+ Hướng dẫn đầy đủ, rõ ràng thành phần hồ sơ một lần
+ Tiếp nhận hồ sơ, cấp giấy tiếp nhận và hẹn trả kết quả
+ Trả kết quả đúng hẹn; nếu quá hạn thì xin lỗi và hẹn lại bằng văn bản
- Yêu cầu bổ sung giấy tờ ngoài quy định để bảo đảm chắc chắn

@ medium tf | Nghị định số 61/2018/NĐ-CP, Điều 3
Cơ chế một cửa liên thông là phương thức phối hợp giữa các cơ quan có thẩm quyền trong tiếp nhận hồ
    sơ, giải quyết và trả kết quả giải quyết một thủ tục hành chính hoặc một nhóm thủ tục hành
    chính có liên quan với nhau, thông qua Bộ phận Một cửa.
= đúng
@ easy tf | Luật Phòng, chống tham nhũng 2018, Điều 20
Theo Luật Phòng, chống tham nhũng năm 2018, người có chức vụ, quyền hạn trong cơ quan nhà nước được
    thành lập, tham gia quản lý, điều hành doanh nghiệp tư nhân.
= sai
@ hard tf | Luật Xử lý vi phạm hành chính 2012, Điều 21
Theo Luật Xử lý vi phạm hành chính, cảnh cáo và phạt tiền chỉ được quy định và áp dụng là hình thức
    xử phạt chính.
= đúng
@ medium tf | Giáo trình Quản lý hành chính nhà nước (Học viện Hành chính Quốc gia)
Quản lý hành chính nhà nước mang tính quyền lực nhà nước, có tính chấp hành và điều hành.
= đúng
@ medium tf | Luật Bảo vệ bí mật nhà nước 2018, Điều 5
Cán bộ, công chức được phép sao chụp, chụp ảnh tài liệu mật để trao đổi công việc qua mạng xã hội
    nếu chỉ gửi cho đồng nghiệp trong cơ quan.
= sai

@ easy short | Nghị định số 61/2018/NĐ-CP
Tên của cổng thông tin điện tử tập trung cung cấp dịch vụ công trực tuyến trên toàn quốc là gì?
    (Ghi tên cổng)
= Cổng Dịch vụ công quốc gia
= Cổng dịch vụ công quốc gia
@ medium short | Nghị định số 61/2018/NĐ-CP (sửa đổi bởi Nghị định số 107/2021/NĐ-CP)
Bộ phận Một cửa cấp tỉnh, trực thuộc Văn phòng Ủy ban nhân dân cấp tỉnh, có tên gọi là gì? (Ghi
    tên)
= Trung tâm Phục vụ hành chính công
= Trung tâm phục vụ hành chính công

@ hard numeric | Luật Phòng, chống tham nhũng 2018, Điều 2
Theo Luật Phòng, chống tham nhũng năm 2018, có bao nhiêu hành vi tham nhũng do người có chức vụ,
    quyền hạn trong cơ quan, tổ chức, đơn vị khu vực nhà nước thực hiện? (Ghi số)
= 12
@ hard numeric | Luật Bảo vệ bí mật nhà nước 2018, Điều 19
Theo Luật Bảo vệ bí mật nhà nước năm 2018, thời hạn bảo vệ bí mật nhà nước độ Tuyệt mật là bao
    nhiêu năm? (Ghi số)
= 30

@ medium essay p=10 | Nghị quyết số 76/NQ-CP năm 2021; Nghị định số 61/2018/NĐ-CP
Người dân phản ánh hồ sơ thủ tục hành chính tại cơ quan anh (chị) thường bị yêu cầu bổ sung nhiều
    lần và trả kết quả trễ hẹn. Anh (chị) hãy phân tích nguyên nhân và đề xuất các giải pháp cải
    cách thủ tục hành chính tại cơ quan, đơn vị mình.
> Nêu đúng yêu cầu của cơ chế một cửa: hướng dẫn hồ sơ một lần, đầy đủ; không yêu cầu giấy tờ ngoài
    quy định; trả kết quả đúng hẹn; xin lỗi và hẹn lại bằng văn bản khi trễ hạn (2 điểm)
> Phân tích được nguyên nhân: thủ tục chưa được công khai đầy đủ, quy trình nội bộ chưa rõ, phối
    hợp giữa các bộ phận chưa tốt, trách nhiệm và kỹ năng của công chức còn hạn chế (3 điểm)
> Đề xuất giải pháp: rà soát, đơn giản hóa và công khai thủ tục; quy trình nội bộ điện tử; dịch vụ
    công trực tuyến toàn trình; theo dõi, đánh giá sự hài lòng; gắn trách nhiệm người đứng đầu (4
    điểm)
> Trình bày mạch lạc, có liên hệ thực tiễn của cơ quan (1 điểm)

# --- Bổ sung ---
@ easy | Luật Xử lý vi phạm hành chính 2012, Điều 21
Trong các hình thức xử phạt vi phạm hành chính sau đây, hình thức nào nhẹ nhất?
+ Cảnh cáo
- Phạt tiền
- Tước quyền sử dụng giấy phép, chứng chỉ hành nghề có thời hạn
- Tịch thu tang vật vi phạm hành chính
@ easy | Nghị quyết số 76/NQ-CP năm 2021 của Chính phủ
Mục tiêu của cải cách hành chính nhà nước giai đoạn 2021 - 2030 là xây dựng nền hành chính như thế
    nào?
+ Dân chủ, chuyên nghiệp, hiện đại, tinh gọn, hiệu lực, hiệu quả, có năng lực kiến tạo phát triển,
    liêm chính, phục vụ Nhân dân
- Tập trung, thống nhất, mọi quyết định do trung ương ban hành
- Quy mô lớn, nhiều tầng nấc để kiểm soát chặt chẽ
- Chỉ tập trung vào cắt giảm biên chế
@ easy | Nghị định số 63/2010/NĐ-CP
Thủ tục hành chính đang có hiệu lực phải được công khai ở đâu?
+ Tại nơi tiếp nhận hồ sơ và trả kết quả và trên Cơ sở dữ liệu quốc gia về thủ tục hành chính
- Chỉ lưu trong hồ sơ nội bộ của cơ quan
- Chỉ niêm yết tại phòng làm việc của lãnh đạo
- Chỉ thông báo khi người dân hỏi
@ easy | Luật Phòng, chống tham nhũng 2018
Mục đích của việc kê khai tài sản, thu nhập là gì?
+ Để cơ quan có thẩm quyền biết tài sản, thu nhập và biến động của người có nghĩa vụ kê khai nhằm
    minh bạch, phục vụ phòng ngừa tham nhũng
- Để tính thuế thu nhập cá nhân
- Để xét nâng lương trước thời hạn
- Để công khai tài sản của mọi công dân
@ easy | Luật Phòng, chống tham nhũng 2018, Điều 22
Khi biết nhiệm vụ, công vụ được giao có xung đột lợi ích, người có chức vụ, quyền hạn phải làm gì?
+ Báo cáo người có thẩm quyền để xem xét, xử lý
- Tiếp tục giải quyết nhưng giữ bí mật
- Tự chuyển hồ sơ cho đồng nghiệp mà không báo cáo
- Từ chối công việc và nghỉ việc
@ medium | Luật Ban hành văn bản quy phạm pháp luật năm 2015, Điều 156
Khi các văn bản quy phạm pháp luật có hiệu lực pháp lý khác nhau cùng điều chỉnh một vấn đề nhưng
    quy định khác nhau, phải áp dụng văn bản nào?
+ Văn bản có hiệu lực pháp lý cao hơn
- Văn bản có hiệu lực pháp lý thấp hơn vì cụ thể hơn
- Văn bản do địa phương ban hành
- Văn bản được ký gần nhất, bất kể hiệu lực
@ hard | Luật Xử lý vi phạm hành chính 2012 (sửa đổi, bổ sung năm 2020), Điều 66
Trường hợp thông thường, người có thẩm quyền phải ra quyết định xử phạt vi phạm hành chính trong
    thời hạn bao lâu kể từ ngày lập biên bản vi phạm hành chính?
+ 07 ngày làm việc
- 03 ngày làm việc
- 15 ngày
- 30 ngày

@ medium fixed | Luật Phòng, chống tham nhũng 2018, Chương II
Biện pháp nào sau đây là biện pháp phòng ngừa tham nhũng trong cơ quan, tổ chức, đơn vị?
- Công khai, minh bạch về tổ chức và hoạt động của cơ quan, tổ chức, đơn vị
- Kiểm soát xung đột lợi ích
- Chuyển đổi vị trí công tác của người có chức vụ, quyền hạn
+ Cả A, B và C đều đúng
"""

_KTC_XDD = """
# --- Văn bản của Đảng: nội dung chính ---
% partydoc: Về công tác dân vận trong tình hình mới; Về công tác thi đua, khen thưởng trong hệ
    thống chính trị
@ easy g=partydoc | Quy định số 37-QĐ/TW ngày 25/10/2021 của Ban Chấp hành Trung ương
Quy định số 37-QĐ/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng quy định về nội dung gì?
+ Về những điều đảng viên không được làm
@ medium g=partydoc | Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương
Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương Đảng có nội dung gì?
+ Về trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là Ủy viên Bộ Chính trị, Ủy viên Ban Bí
    thư, Ủy viên Ban Chấp hành Trung ương
@ medium g=partydoc | Quy định số 69-QĐ/TW ngày 06/7/2022 của Bộ Chính trị
Quy định số 69-QĐ/TW năm 2022 của Bộ Chính trị quy định về vấn đề gì?
+ Về kỷ luật tổ chức đảng, đảng viên vi phạm
@ medium g=partydoc | Quy định số 114-QĐ/TW ngày 11/7/2023 của Bộ Chính trị
Nội dung của Quy định số 114-QĐ/TW ngày 11/7/2023 của Bộ Chính trị là gì?
+ Về kiểm soát quyền lực và phòng, chống tham nhũng, tiêu cực trong công tác cán bộ
@ medium g=partydoc | Nghị quyết số 18-NQ/TW ngày 25/10/2017, Hội nghị Trung ương 6 khóa XII
Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII bàn về vấn đề gì?
+ Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt
    động hiệu lực, hiệu quả
@ hard g=partydoc | Nghị quyết số 26-NQ/TW ngày 19/5/2018, Hội nghị Trung ương 7 khóa XII
Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Hội nghị Trung ương 7 khóa XII có nội dung gì?
+ Về tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược, đủ phẩm chất, năng lực và
    uy tín, ngang tầm nhiệm vụ
@ hard g=partydoc | Nghị quyết số 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị
Nghị quyết số 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị đề cập vấn đề gì?
+ Về tinh giản biên chế và cơ cấu lại đội ngũ cán bộ, công chức, viên chức
@ easy g=partydoc | Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị
Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị có nội dung gì?
+ Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh
@ medium g=partydoc | Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị
Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị bàn về vấn đề gì?
+ Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia
@ medium g=partydoc | Nghị quyết số 04-NQ/TW ngày 30/10/2016, Hội nghị Trung ương 4 khóa XII
Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Hội nghị Trung ương 4 khóa XII có nội dung gì?
+ Về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị,
    đạo đức, lối sống, những biểu hiện "tự diễn biến", "tự chuyển hóa" trong nội bộ
@ medium g=partydoc | Quy định số 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị
Quy định số 124-QĐ/TW năm 2023 của Bộ Chính trị quy định về vấn đề gì?
+ Về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống
    chính trị

# --- Đại hội Đảng ---
% congress: Đại hội I (3/1935); Đại hội V (3/1982); Đại hội VIII (6/1996)
@ easy g=congress | Văn kiện Đại hội đại biểu toàn quốc lần thứ VI của Đảng
Đại hội nào của Đảng đề ra đường lối đổi mới toàn diện đất nước?
+ Đại hội VI (12/1986)
@ hard g=congress | Văn kiện Đại hội đại biểu toàn quốc lần thứ II của Đảng
Đại hội nào của Đảng quyết định đưa Đảng ra hoạt động công khai với tên gọi Đảng Lao động Việt Nam?
+ Đại hội II (2/1951)
@ medium g=congress | Văn kiện Đại hội đại biểu toàn quốc lần thứ IV của Đảng
Đại hội nào quyết định đổi tên Đảng Lao động Việt Nam thành Đảng Cộng sản Việt Nam?
+ Đại hội IV (12/1976)
@ medium g=congress | Văn kiện Đại hội đại biểu toàn quốc lần thứ VII của Đảng
Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội lần đầu được thông qua tại
    Đại hội nào?
+ Đại hội VII (6/1991)
@ medium g=congress | Văn kiện Đại hội đại biểu toàn quốc lần thứ XI của Đảng
Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội (bản bổ sung, phát triển) và
    Điều lệ Đảng hiện hành được thông qua tại Đại hội nào?
+ Đại hội XI (1/2011)
@ hard g=congress | Văn kiện Đại hội đại biểu toàn quốc lần thứ III của Đảng
Đại hội nào của Đảng đề ra đồng thời hai nhiệm vụ chiến lược: xây dựng chủ nghĩa xã hội ở miền Bắc
    và đấu tranh giải phóng miền Nam, thống nhất nước nhà?
+ Đại hội III (9/1960)

# --- Ngày truyền thống các ngành xây dựng Đảng ---
% partyday: 18/11/1930; 22/12/1944; 20/10/1930
@ easy g=partyday | Lịch sử Đảng Cộng sản Việt Nam
Ngày thành lập Đảng Cộng sản Việt Nam là ngày nào?
+ 03/02/1930
@ medium g=partyday | Lịch sử ngành Tổ chức xây dựng Đảng
Ngày truyền thống ngành Tổ chức xây dựng Đảng là ngày nào?
+ 14/10/1930
@ medium g=partyday | Lịch sử ngành Kiểm tra Đảng
Ngày truyền thống ngành Kiểm tra của Đảng là ngày nào?
+ 16/10/1948
@ hard g=partyday | Lịch sử ngành Tuyên giáo
Ngày truyền thống ngành Tuyên giáo của Đảng là ngày nào?
+ 01/8/1930
@ hard g=partyday | Lịch sử công tác dân vận của Đảng
Ngày truyền thống công tác dân vận của Đảng, được chọn làm Ngày "Dân vận" của cả nước, là ngày nào?
+ 15/10/1930
@ easy g=partyday | Tiểu sử Chủ tịch Hồ Chí Minh
Chủ tịch Hồ Chí Minh sinh ngày nào?
+ 19/5/1890

# --- Điều lệ Đảng ---
@ easy | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 9
Theo Điều lệ Đảng, cơ quan lãnh đạo cao nhất của Đảng là gì?
+ Đại hội đại biểu toàn quốc
- Ban Chấp hành Trung ương
- Bộ Chính trị
- Ban Bí thư
@ medium | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 9
Theo Điều lệ Đảng, giữa hai kỳ đại hội, cơ quan lãnh đạo của Đảng là cơ quan nào?
+ Ban Chấp hành Trung ương
- Bộ Chính trị
- Ban Bí thư
- Ủy ban Kiểm tra Trung ương
@ hard | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 9
Theo Điều lệ Đảng, nghị quyết của các cơ quan lãnh đạo của Đảng chỉ có giá trị thi hành khi nào?
+ Khi có hơn một nửa số thành viên trong cơ quan đó tán thành
- Khi có ít nhất hai phần ba số thành viên trong cơ quan đó tán thành
- Khi có ít nhất ba phần tư số thành viên có mặt tán thành
- Khi được cấp ủy cấp trên trực tiếp phê duyệt
@ medium | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 4
Theo Điều lệ Đảng, người vào Đảng phải có bao nhiêu đảng viên chính thức giới thiệu và điều kiện về
    thời gian công tác cùng nhau như thế nào?
+ Hai đảng viên chính thức, cùng công tác với người vào Đảng ít nhất 12 tháng
- Một đảng viên chính thức, cùng công tác với người vào Đảng ít nhất 6 tháng
- Hai đảng viên chính thức, cùng công tác với người vào Đảng ít nhất 6 tháng
- Ba đảng viên chính thức, cùng công tác với người vào Đảng ít nhất 24 tháng
@ medium | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 1
Theo Điều lệ Đảng, công dân Việt Nam từ bao nhiêu tuổi trở lên có thể được xem xét kết nạp vào
    Đảng?
+ Từ đủ 18 tuổi
- Từ đủ 16 tuổi
- Từ đủ 20 tuổi
- Từ đủ 21 tuổi
@ medium | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 5
Theo Điều lệ Đảng, đảng viên dự bị có những quyền nào?
+ Có các quyền như đảng viên chính thức, trừ quyền biểu quyết, ứng cử và bầu cử cơ quan lãnh đạo
    của Đảng
- Có đầy đủ các quyền như đảng viên chính thức
- Chỉ có quyền được thông tin, không có quyền phát biểu ý kiến
- Có quyền biểu quyết nhưng không có quyền ứng cử, bầu cử
@ hard | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 35
Hình thức kỷ luật nào chỉ áp dụng đối với tổ chức đảng vi phạm?
+ Giải tán
- Khai trừ
- Cách chức
- Khiển trách
@ medium | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 21
Theo Điều lệ Đảng, tổ chức cơ sở đảng có từ bao nhiêu đảng viên trở lên thì lập đảng bộ cơ sở?
+ 30 đảng viên
- 15 đảng viên
- 20 đảng viên
- 50 đảng viên
@ hard | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 24
Theo Điều lệ Đảng, chi bộ có từ bao nhiêu đảng viên chính thức trở lên thì bầu chi ủy?
+ 9 đảng viên chính thức
- 5 đảng viên chính thức
- 7 đảng viên chính thức
- 12 đảng viên chính thức
@ easy | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 15
Theo Điều lệ Đảng, Đại hội đại biểu toàn quốc của Đảng do Ban Chấp hành Trung ương triệu tập thường
    lệ bao lâu một lần?
+ Năm năm một lần
- Bốn năm một lần
- Ba năm một lần
- Mười năm một lần
@ medium | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 8
Theo Điều lệ Đảng, đảng viên bỏ sinh hoạt đảng hoặc không đóng đảng phí bao lâu trong năm mà không
    có lý do chính đáng thì chi bộ xem xét, đề nghị xóa tên?
+ Ba tháng
- Một tháng
- Sáu tháng
- Mười hai tháng
@ medium | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Chương VII
Theo Điều lệ Đảng, ủy ban kiểm tra các cấp do ai bầu?
+ Cấp ủy cùng cấp
- Ủy ban kiểm tra cấp trên
- Cấp ủy cấp trên trực tiếp
- Hội nghị đảng viên của đảng bộ
@ hard | Điều lệ Đảng Cộng sản Việt Nam (khóa XI)
Điều lệ Đảng Cộng sản Việt Nam hiện hành gồm bao nhiêu chương, bao nhiêu điều?
+ 12 chương, 48 điều
- 11 chương, 46 điều
- 12 chương, 52 điều
- 10 chương, 48 điều
@ medium fixed | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 3
Theo Điều lệ Đảng, đảng viên có những quyền nào sau đây?
- Được thông tin và thảo luận các vấn đề về Cương lĩnh chính trị, Điều lệ Đảng, đường lối,
    chủ trương, chính sách của Đảng; biểu quyết công việc của Đảng
- Ứng cử, đề cử và bầu cử cơ quan lãnh đạo các cấp của Đảng theo quy định
- Phê bình, chất vấn về hoạt động của tổ chức đảng và đảng viên ở mọi cấp trong phạm vi tổ chức
+ Cả A, B và C đều đúng

# --- Xây dựng Đảng, tư tưởng Hồ Chí Minh, lịch sử ---
@ hard | Quy định số 37-QĐ/TW ngày 25/10/2021
Quy định số 37-QĐ/TW năm 2021 về những điều đảng viên không được làm gồm bao nhiêu điều?
+ 19 điều
- 17 điều
- 20 điều
- 21 điều
@ hard | Nghị quyết số 04-NQ/TW, Hội nghị Trung ương 4 khóa XII
Nghị quyết Trung ương 4 khóa XII chỉ ra bao nhiêu biểu hiện suy thoái về tư tưởng chính trị, đạo
    đức, lối sống, "tự diễn biến", "tự chuyển hóa" trong nội bộ?
+ 27 biểu hiện
- 19 biểu hiện
- 24 biểu hiện
- 30 biểu hiện
@ medium | Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII của Đảng
Văn kiện Đại hội XIII nhấn mạnh xây dựng Đảng trong sạch, vững mạnh toàn diện về những mặt nào?
+ Chính trị, tư tưởng, đạo đức, tổ chức và cán bộ
- Chính trị, tư tưởng và tổ chức
- Kinh tế, chính trị, văn hóa và xã hội
- Tư tưởng, tổ chức, kiểm tra và dân vận
@ easy | Hồ Chí Minh, Sửa đổi lối làm việc (1947)
Câu nói "Cán bộ là cái gốc của mọi công việc" là của ai, trong tác phẩm nào?
+ Chủ tịch Hồ Chí Minh, trong tác phẩm "Sửa đổi lối làm việc" (1947)
- Chủ tịch Hồ Chí Minh, trong tác phẩm "Đường Kách mệnh" (1927)
- Chủ tịch Hồ Chí Minh, trong bản "Di chúc" (1969)
- Tổng Bí thư Trường Chinh, trong tác phẩm "Kháng chiến nhất định thắng lợi" (1947)
@ medium | Hồ Chí Minh, Di chúc (1969)
Trong Di chúc, Chủ tịch Hồ Chí Minh căn dặn các đồng chí từ Trung ương đến các chi bộ cần phải giữ
    gìn điều gì "như giữ gìn con ngươi của mắt mình"?
+ Sự đoàn kết nhất trí của Đảng
- Kỷ luật nghiêm minh của Đảng
- Bí mật của Đảng
- Uy tín của Đảng trước quốc tế
@ easy | Lịch sử Đảng Cộng sản Việt Nam
Đỉnh cao của phong trào cách mạng 1930 - 1931, diễn ra chủ yếu ở Nghệ An và Hà Tĩnh, có tên gọi là
    gì?
+ Xô viết Nghệ - Tĩnh
- Khởi nghĩa Bắc Sơn
- Khởi nghĩa Nam Kỳ
- Phong trào Cần Vương
@ medium | Lịch sử Đảng Cộng sản Việt Nam
Hội nghị thành lập Đảng Cộng sản Việt Nam đầu năm 1930 do ai chủ trì?
+ Nguyễn Ái Quốc
- Trần Phú
- Lê Hồng Phong
- Hà Huy Tập
@ hard | Lịch sử Đảng Cộng sản Việt Nam
Tháng 10/1930, Hội nghị Ban Chấp hành Trung ương lần thứ nhất đã thông qua văn kiện nào?
+ Luận cương chánh trị của Đảng Cộng sản Đông Dương
- Chánh cương vắn tắt và Sách lược vắn tắt
- Tuyên ngôn độc lập
- Đề cương về văn hóa Việt Nam
@ hard | Lịch sử Đảng Cộng sản Việt Nam
Các đồng chí Trần Phú, Lê Hồng Phong, Hà Huy Tập (những người từng đứng đầu Đảng) và đồng chí
    Nguyễn Thị Minh Khai có điểm chung nào về quê quán?
+ Đều là người con của quê hương Nghệ An - Hà Tĩnh
- Đều quê ở Thừa Thiên Huế
- Đều quê ở Hà Nội
- Đều quê ở Nam Bộ
@ medium | Tư tưởng Hồ Chí Minh về xây dựng Đảng; Điều lệ Đảng Cộng sản Việt Nam (khóa XI)
Theo Chủ tịch Hồ Chí Minh, tự phê bình và phê bình có vai trò như thế nào đối với Đảng?
+ Là vũ khí sắc bén, là quy luật phát triển của Đảng
- Là công việc chỉ thực hiện khi có đảng viên vi phạm
- Là hình thức kỷ luật nhẹ nhất của Đảng
- Là nhiệm vụ riêng của Ủy ban Kiểm tra
@ easy | Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị
Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị 05-CT/TW được xác
    định là gì?
+ Là nội dung quan trọng của công tác xây dựng Đảng, là nhiệm vụ thường xuyên của các cấp ủy, tổ
    chức đảng, cán bộ, đảng viên
- Là phong trào thi đua ngắn hạn, tổ chức vào dịp kỷ niệm ngày sinh của Bác
- Là nhiệm vụ riêng của ngành tuyên giáo
- Là nội dung chỉ áp dụng đối với cán bộ lãnh đạo chủ chốt

@ medium multiple | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 35
Những hình thức nào sau đây là hình thức kỷ luật đối với đảng viên chính thức? (Chọn các phương án
    đúng)
+ Khiển trách
+ Cách chức
+ Khai trừ
- Hạ bậc lương
@ medium multiple | Nghị quyết số 04-NQ/TW, Hội nghị Trung ương 4 khóa XII
Nghị quyết Trung ương 4 khóa XII chia các biểu hiện suy thoái thành những nhóm nào? (Chọn các
    phương án đúng)
+ Suy thoái về tư tưởng chính trị
+ Suy thoái về đạo đức, lối sống
+ Biểu hiện "tự diễn biến", "tự chuyển hóa" trong nội bộ
- Suy thoái về trình độ chuyên môn, nghiệp vụ
@ medium multiple | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 9
Những nội dung nào sau đây thuộc nguyên tắc tập trung dân chủ của Đảng? (Chọn các phương án đúng)
+ Thiểu số phục tùng đa số, cấp dưới phục tùng cấp trên, cá nhân phục tùng tổ chức
+ Cơ quan lãnh đạo các cấp của Đảng do bầu cử lập ra, thực hiện tập thể lãnh đạo, cá nhân phụ trách
- Cấp trên chỉ định toàn bộ cấp ủy cấp dưới
- Đa số phục tùng ý kiến khác của thiểu số
@ hard multiple | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 2
Những nội dung nào sau đây là nhiệm vụ của đảng viên theo Điều lệ Đảng? (Chọn các phương án đúng)
+ Tuyệt đối trung thành với mục đích lý tưởng cách mạng của Đảng
+ Không ngừng học tập, rèn luyện, nâng cao trình độ, năng lực công tác, phẩm chất chính trị, đạo
    đức cách mạng
+ Chấp hành các nguyên tắc tổ chức, kỷ luật của Đảng, thực hiện tự phê bình và phê bình, đóng đảng
    phí đúng quy định
- Chỉ tham gia sinh hoạt chi bộ khi được cấp ủy triệu tập
@ medium multiple | Quy định số 114-QĐ/TW năm 2023; Quy định số 205-QĐ/TW năm 2019
Những hành vi nào sau đây là biểu hiện "chạy chức, chạy quyền" bị nghiêm cấm? (Chọn các phương án
    đúng)
+ Tặng quà, biếu xén có giá trị hoặc chiêu đãi người có thẩm quyền để được bổ nhiệm
+ Dùng quan hệ thân quen để tác động, gây áp lực với người có thẩm quyền trong công tác cán bộ
+ Môi giới, đưa, nhận hối lộ để được đề bạt, bổ nhiệm
- Báo cáo trung thực thành tích, khuyết điểm của bản thân khi kiểm điểm

@ medium tf | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 35
Đảng viên dự bị vi phạm kỷ luật có thể bị xử lý bằng hình thức cách chức.
= sai
@ medium tf | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 30
Theo Điều lệ Đảng, kiểm tra, giám sát là những chức năng lãnh đạo của Đảng.
= đúng
@ easy tf | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 21
Theo Điều lệ Đảng, tổ chức cơ sở đảng là nền tảng của Đảng, hạt nhân chính trị ở cơ sở.
= đúng
@ easy tf | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 24
Theo Điều lệ Đảng, chi bộ sinh hoạt thường kỳ mỗi quý một lần.
= sai
@ medium tf | Quy định số 37-QĐ/TW ngày 25/10/2021, Điều 1
Theo Quy định số 37-QĐ/TW, đảng viên không được nói, viết, làm trái hoặc không thực hiện Cương lĩnh
    chính trị, Điều lệ Đảng, nghị quyết, chỉ thị, quy định, quyết định, kết luận của Đảng.
= đúng

@ easy short | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 9
Theo Điều lệ Đảng, Đảng Cộng sản Việt Nam tổ chức theo nguyên tắc nào? (Ghi tên nguyên tắc)
= tập trung dân chủ
= nguyên tắc tập trung dân chủ
@ medium short | Lịch sử Đảng Cộng sản Việt Nam
Tổng Bí thư đầu tiên của Đảng là ai? (Ghi họ tên)
= Trần Phú

@ easy numeric | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 5
Theo Điều lệ Đảng, thời kỳ dự bị của đảng viên là bao nhiêu tháng? (Ghi số)
= 12
@ medium numeric | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 21
Theo Điều lệ Đảng, ở đơn vị cơ sở có ít nhất bao nhiêu đảng viên chính thức thì được lập tổ chức cơ
    sở đảng? (Ghi số)
= 3

@ medium essay p=10 | Nghị quyết số 04-NQ/TW, Hội nghị Trung ương 4 khóa XII; Quy định số 08-QĐi/TW
    năm 2018
Anh (chị) hãy nêu các nhóm biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn
    biến", "tự chuyển hóa" theo Nghị quyết Trung ương 4 khóa XII và liên hệ trách nhiệm nêu gương
    của bản thân trong cơ quan, đơn vị.
> Nêu đúng ba nhóm biểu hiện (tư tưởng chính trị; đạo đức, lối sống; "tự diễn biến", "tự chuyển
    hóa") và ví dụ tiêu biểu của mỗi nhóm (3 điểm)
> Phân tích tác hại của suy thoái đối với uy tín của Đảng, niềm tin của Nhân dân và hiệu quả công
    vụ (2 điểm)
> Nêu nội dung trách nhiệm nêu gương theo Quy định số 08-QĐi/TW (2 điểm)
> Liên hệ bản thân: việc đã làm, hạn chế và biện pháp rèn luyện cụ thể (3 điểm)

# --- Bổ sung ---
@ easy | Hồ Chí Minh, Di chúc (1969)
Câu "Đảng ta là một Đảng cầm quyền" được Chủ tịch Hồ Chí Minh viết trong văn kiện nào?
+ Di chúc
- Đường Kách mệnh
- Tuyên ngôn độc lập
- Lời kêu gọi toàn quốc kháng chiến
@ easy | Điều lệ Đảng Cộng sản Việt Nam (khóa XI)
Theo Điều lệ Đảng, Đoàn Thanh niên Cộng sản Hồ Chí Minh có vị trí như thế nào đối với Đảng?
+ Là đội dự bị tin cậy của Đảng
- Là tổ chức cơ sở đảng trong thanh niên
- Là cơ quan tham mưu của cấp ủy về công tác dân vận
- Là tổ chức độc lập, không chịu sự lãnh đạo của Đảng
@ easy | Tiểu sử Chủ tịch Hồ Chí Minh
Chủ tịch Hồ Chí Minh sinh ra tại đâu?
+ Làng Hoàng Trù (quê ngoại), xã Kim Liên, huyện Nam Đàn (cũ), tỉnh Nghệ An
- Thành phố Vinh, tỉnh Nghệ An
- Huyện Đức Thọ, tỉnh Hà Tĩnh
- Thành phố Huế, tỉnh Thừa Thiên Huế
@ easy | Lịch sử Đảng Cộng sản Việt Nam
Hội nghị thành lập Đảng Cộng sản Việt Nam đầu năm 1930 được tổ chức ở đâu?
+ Hương Cảng (Cửu Long), Trung Quốc
- Pác Bó, Cao Bằng
- Thành phố Vinh, Nghệ An
- Thủ đô Hà Nội
@ easy | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 21
Theo Điều lệ Đảng, tổ chức cơ sở đảng gồm những loại hình nào?
+ Chi bộ cơ sở và đảng bộ cơ sở
- Chi bộ trực thuộc và tổ đảng
- Đảng ủy cấp trên cơ sở và chi bộ
- Tổ đảng và đảng bộ bộ phận
@ easy | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 17
Chức danh đứng đầu Ban Chấp hành Trung ương Đảng là gì?
+ Tổng Bí thư
- Chủ tịch nước
- Thủ tướng Chính phủ
- Chủ tịch Quốc hội
@ hard | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 5
Khi hết thời kỳ dự bị, nếu đảng viên dự bị không đủ điều kiện để được công nhận là đảng viên chính
    thức thì chi bộ làm gì?
+ Đề nghị lên cấp ủy có thẩm quyền xóa tên trong danh sách đảng viên dự bị
- Kéo dài thời kỳ dự bị thêm 12 tháng
- Tự quyết định khai trừ khỏi Đảng
- Công nhận chính thức nhưng không giao nhiệm vụ
@ hard | Điều lệ Đảng Cộng sản Việt Nam (khóa XI), Điều 17
Theo Điều lệ Đảng, cơ quan nào bầu Bộ Chính trị, bầu Tổng Bí thư trong số Ủy viên Bộ Chính trị?
+ Ban Chấp hành Trung ương
- Đại hội đại biểu toàn quốc bầu trực tiếp trong mọi trường hợp
- Ban Bí thư
- Ủy ban Kiểm tra Trung ương
"""

_TH = """
# --- Phím tắt: hỏi công dụng (đáp án nhiễu là công dụng của phím tắt khác) ---
% action: Dán nội dung từ bộ nhớ tạm; Lưu tệp đang mở; In tài liệu đang mở
@ easy g=action/edit | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Trong Windows và các ứng dụng văn phòng, tổ hợp phím Ctrl+C dùng để làm gì?
+ Sao chép đối tượng đang chọn vào bộ nhớ tạm
@ easy g=action/edit | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Tổ hợp phím Ctrl+X có tác dụng gì khi đang chọn một đoạn văn bản?
+ Cắt đối tượng đang chọn và đưa vào bộ nhớ tạm
@ easy g=action/edit | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Khi soạn thảo văn bản, nhấn Ctrl+Z sẽ thực hiện thao tác nào?
+ Hủy bỏ (hoàn tác) thao tác vừa thực hiện
@ easy g=action/edit | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Tổ hợp phím Ctrl+A thường dùng để làm gì?
+ Chọn toàn bộ nội dung hoặc tất cả đối tượng
@ medium g=action/win | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Trong Windows, tổ hợp phím Alt+F4 dùng để làm gì?
+ Đóng cửa sổ hoặc chương trình đang làm việc
@ medium g=action/win | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Khi tạm rời khỏi bàn làm việc, cán bộ nên nhấn tổ hợp phím Windows+L. Tổ hợp phím này có tác dụng
    gì?
+ Khóa máy tính, phải đăng nhập lại mới sử dụng được
@ medium g=action/win | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Trong Windows, tổ hợp phím Windows+D có tác dụng gì?
+ Thu nhỏ các cửa sổ để hiển thị màn hình nền (Desktop)
@ medium g=action/win | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Trong Windows 10/11, nhấn Windows+E sẽ mở chương trình nào?
+ Mở trình quản lý tệp File Explorer
@ easy g=action/win | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Tổ hợp phím Alt+Tab trong Windows dùng để làm gì?
+ Chuyển đổi qua lại giữa các cửa sổ đang mở
@ medium g=action/win | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Trong File Explorer, khi đang chọn một tệp, nhấn phím F2 để làm gì?
+ Đổi tên tệp hoặc thư mục đang chọn
@ hard g=action/win | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Tổ hợp phím Ctrl+Shift+Esc trong Windows dùng để làm gì?
+ Mở Trình quản lý tác vụ (Task Manager)
@ easy g=action/format | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Trong Microsoft Word, tổ hợp phím Ctrl+B dùng để làm gì?
+ Định dạng chữ đậm cho phần văn bản đang chọn
@ easy g=action/format | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Trong Microsoft Word, nhấn tổ hợp phím Ctrl+U khi đang chọn một cụm từ sẽ cho kết quả gì?
+ Định dạng gạch chân cho phần văn bản đang chọn
@ medium g=action/format | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun
    IU03
Trong Microsoft Word, tổ hợp phím Ctrl+E có tác dụng gì đối với đoạn văn bản?
+ Căn giữa đoạn văn bản
@ hard g=action/format | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Khi trình bày phần nội dung văn bản hành chính, người soạn thảo thường nhấn Ctrl+J. Tổ hợp phím này
    có tác dụng gì?
+ Căn đều hai bên đoạn văn bản
@ hard g=action/format | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Trong Microsoft Word, nhấn tổ hợp phím Ctrl+Enter sẽ thực hiện thao tác nào?
+ Chèn dấu ngắt trang, đưa con trỏ sang trang mới
@ medium g=action/edit | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Trong Microsoft Word, tổ hợp phím Ctrl+H mở chức năng nào?
+ Tìm và thay thế (Find and Replace)
@ medium g=action/move | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Trong Microsoft Word, tổ hợp phím Ctrl+Home dùng để làm gì?
+ Đưa con trỏ về đầu văn bản
@ medium g=action/show | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU05
Trong Microsoft PowerPoint, nhấn phím F5 có tác dụng gì?
+ Trình chiếu bài thuyết trình từ trang chiếu đầu tiên
@ hard g=action/show | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU05
Trong Microsoft PowerPoint, tổ hợp phím Shift+F5 có tác dụng gì?
+ Trình chiếu bắt đầu từ trang chiếu hiện tại
@ hard g=action/sheet | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Microsoft Excel, khi đang nhập công thức và con trỏ đặt tại một địa chỉ ô, nhấn phím F4 có
    tác dụng gì?
+ Chuyển đổi địa chỉ ô giữa các dạng tương đối, tuyệt đối và hỗn hợp
@ hard g=action/sheet | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Microsoft Excel, tổ hợp phím Ctrl+; (dấu chấm phẩy) dùng để làm gì?
+ Nhập ngày hiện tại vào ô đang chọn

# --- Phím tắt: hỏi tổ hợp phím ---
% keys: Ctrl+Q; Ctrl+K; Ctrl+W
@ easy g=keys | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Tổ hợp phím nào dùng để dán nội dung từ bộ nhớ tạm vào vị trí con trỏ?
+ Ctrl+V
@ easy g=keys | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Khi đang soạn thảo, để lưu tệp văn bản, người dùng nhấn tổ hợp phím nào?
+ Ctrl+S
@ easy g=keys | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Tổ hợp phím nào mở hộp thoại in tài liệu trong các ứng dụng văn phòng?
+ Ctrl+P
@ easy g=keys | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Để mở một tệp văn bản đã có trên máy, trong Word ta có thể nhấn tổ hợp phím nào?
+ Ctrl+O
@ medium g=keys | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Tổ hợp phím nào dùng để làm lại (Redo) thao tác vừa bị hủy bỏ?
+ Ctrl+Y
@ easy g=keys | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Để tìm một từ hoặc cụm từ trong văn bản hoặc trên trang web đang xem, người dùng nhấn tổ hợp phím
    nào?
+ Ctrl+F
@ medium g=keys | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Trong Microsoft Word, muốn căn lề phải cho đoạn văn bản (ví dụ dòng địa danh, ngày tháng), ta dùng
    tổ hợp phím nào?
+ Ctrl+R
@ medium g=keys | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Tổ hợp phím nào trong Word dùng để căn trái đoạn văn bản?
+ Ctrl+L
@ medium g=keys | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Muốn di chuyển nhanh con trỏ đến cuối văn bản trong Word, ta nhấn tổ hợp phím nào?
+ Ctrl+End
@ medium g=keys | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Trong trình duyệt web, tổ hợp phím nào dùng để mở một thẻ (tab) mới?
+ Ctrl+T
@ medium g=keys | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Trong Word, để tạo một văn bản mới (trang trắng), ta nhấn tổ hợp phím nào?
+ Ctrl+N
@ hard g=keys | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, muốn xuống dòng ngay trong cùng một ô khi đang nhập dữ liệu, ta nhấn tổ hợp phím nào?
+ Alt+Enter

# --- Phần mở rộng của tệp ---
% ext: Tệp âm thanh; Tệp thư điện tử của Outlook
@ easy g=ext | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Tệp có phần mở rộng .xlsx là loại tệp nào?
+ Tệp bảng tính của Microsoft Excel
@ easy g=ext | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Phần mở rộng .pptx cho biết tệp thuộc loại nào?
+ Tệp trình chiếu của Microsoft PowerPoint
@ easy g=ext | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Văn bản điện tử được phát hành dưới dạng tệp .pdf là loại tệp nào?
+ Tệp tài liệu định dạng di động, giữ nguyên bố cục khi mở trên các máy khác nhau
@ hard g=ext | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Tệp có phần mở rộng .odt là loại tệp nào?
+ Tệp văn bản định dạng mở, soạn bằng LibreOffice Writer
@ hard g=ext | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Tệp có phần mở rộng .ods là loại tệp nào?
+ Tệp bảng tính định dạng mở, tạo bằng LibreOffice Calc
@ medium g=ext | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Tệp có phần mở rộng .zip là loại tệp nào?
+ Tệp nén, chứa một hoặc nhiều tệp đã được nén lại
@ medium g=ext | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Tệp đính kèm thư có phần mở rộng .exe thuộc loại tệp nào và vì sao cần thận trọng?
+ Tệp chương trình chạy được, có thể chứa mã độc
@ easy g=ext | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Tệp có phần mở rộng .mp4 thường là loại tệp gì?
+ Tệp video
@ easy g=ext | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Tệp .jpg thường chứa loại dữ liệu nào?
+ Tệp hình ảnh
@ medium g=ext | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Danh sách cán bộ được xuất ra tệp .csv. Tệp .csv là loại tệp nào?
+ Tệp dữ liệu dạng bảng, các giá trị được phân tách bằng dấu phẩy
@ medium g=ext | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Phần mở rộng .txt cho biết tệp thuộc loại nào?
+ Tệp văn bản thuần, không có định dạng

# --- Hàm trong Excel ---
% func: Nối các chuỗi ký tự thành một chuỗi; Tính căn bậc hai của một số
@ easy g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Microsoft Excel, hàm AVERAGE dùng để làm gì?
+ Tính trung bình cộng của các giá trị số
@ easy g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Hàm MAX trong Excel trả về kết quả gì?
+ Trả về giá trị lớn nhất trong các giá trị số
@ easy g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, hàm MIN dùng để làm gì?
+ Tìm giá trị nhỏ nhất trong các giá trị số
@ medium g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, hàm COUNT dùng để làm gì?
+ Đếm số ô chứa dữ liệu kiểu số trong vùng
@ hard g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Hàm COUNTA trong Excel khác hàm COUNT ở chỗ nó dùng để làm gì?
+ Đếm số ô không rỗng trong vùng, bất kể kiểu dữ liệu
@ medium g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Khi thống kê số công chức được xếp loại "Hoàn thành tốt nhiệm vụ" trong bảng tính, người ta thường
    dùng hàm COUNTIF. Hàm này dùng để làm gì?
+ Đếm số ô thỏa mãn một điều kiện cho trước
@ medium g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, hàm SUMIF dùng để làm gì?
+ Tính tổng các ô thỏa mãn một điều kiện cho trước
@ hard g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Hàm VLOOKUP trong Excel dùng để làm gì?
+ Tìm một giá trị ở cột đầu tiên của bảng và trả về giá trị ở cột được chỉ định trên cùng hàng
@ medium g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Hàm IF trong Excel dùng để làm gì?
+ Trả về một giá trị nếu điều kiện đúng và giá trị khác nếu điều kiện sai
@ easy g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, hàm ROUND dùng để làm gì?
+ Làm tròn một số đến số chữ số thập phân chỉ định
@ medium g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, hàm LEN dùng để làm gì?
+ Trả về số ký tự của một chuỗi văn bản
@ medium g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Hàm TODAY() trong Excel trả về giá trị gì?
+ Trả về ngày hiện tại của hệ thống
@ medium g=func | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Để xếp thứ hạng điểm kiểm tra của các thí sinh trong danh sách, ta dùng hàm RANK. Hàm RANK dùng để
    làm gì?
+ Xác định thứ hạng của một số trong danh sách các số

# --- Thông báo lỗi trong Excel ---
% error: Ô đang được bảo vệ, không cho phép sửa
@ medium g=error | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, một ô hiển thị lỗi #DIV/0! có nghĩa là gì?
+ Công thức thực hiện phép chia cho 0 hoặc cho ô rỗng
@ hard g=error | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, lỗi #NAME? thường xuất hiện khi nào?
+ Công thức có tên hàm hoặc tên vùng không nhận diện được, ví dụ gõ sai tên hàm
@ hard g=error | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Khi dùng hàm VLOOKUP, ô kết quả hiện lỗi #N/A. Lỗi này có nghĩa là gì?
+ Không tìm thấy giá trị cần dò tìm
@ hard g=error | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, lỗi #REF! cho biết điều gì?
+ Công thức tham chiếu đến ô không hợp lệ, ví dụ ô đã bị xóa
@ hard g=error | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, lỗi #VALUE! thường xuất hiện khi nào?
+ Công thức dùng sai kiểu dữ liệu, ví dụ cộng số với chuỗi văn bản
@ medium g=error | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Một ô trong Excel hiển thị ######. Nguyên nhân thường gặp là gì?
+ Cột không đủ rộng để hiển thị giá trị số hoặc ngày tháng

# --- Khái niệm cơ bản ---
% concept: Bộ nhớ đệm (cache); Máy chủ (server)
@ easy g=concept | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Thành phần phần cứng thực hiện tính toán và điều khiển hoạt động của máy tính được gọi là gì?
+ Bộ xử lý trung tâm (CPU)
@ medium g=concept | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Bộ nhớ chỉ đọc, lưu chương trình khởi động của máy tính và không bị mất dữ liệu khi tắt máy được
    gọi là gì?
+ ROM
@ easy g=concept | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Phần mềm quản lý phần cứng và cung cấp môi trường để các phần mềm ứng dụng hoạt động được gọi là
    gì?
+ Hệ điều hành
@ easy g=concept | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Phần mềm dùng để truy cập và hiển thị các trang web được gọi là gì?
+ Trình duyệt web
@ medium g=concept | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Phần mềm được công bố mã nguồn, cho phép người dùng sử dụng, nghiên cứu, sửa đổi và phân phối lại
    theo giấy phép được gọi là gì?
+ Phần mềm nguồn mở
@ medium g=concept | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Mô hình cung cấp tài nguyên tính toán (lưu trữ, phần mềm, máy chủ) qua Internet theo nhu cầu sử
    dụng được gọi là gì?
+ Điện toán đám mây
@ medium g=concept | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Dãy số dùng để định danh một thiết bị khi kết nối vào mạng Internet được gọi là gì?
+ Địa chỉ IP
@ hard g=concept | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Thiết bị lưu trữ dùng bộ nhớ flash, không có bộ phận cơ khí chuyển động, đọc ghi nhanh hơn ổ đĩa từ
    được gọi là gì?
+ Ổ cứng thể rắn (SSD)

# --- Sử dụng máy tính, văn phòng, Internet, an toàn thông tin ---
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Cán bộ nhận được thư điện tử giả danh ngân hàng, yêu cầu bấm vào đường liên kết để "xác minh tài
    khoản" và nhập mật khẩu. Đây là hình thức tấn công nào?
+ Lừa đảo trực tuyến (phishing)
- Tấn công từ chối dịch vụ (DDoS)
- Mã độc tống tiền (ransomware)
- Thư quảng cáo thông thường
@ medium | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Loại mã độc mã hóa dữ liệu trên máy tính rồi đòi nạn nhân trả tiền để được giải mã được gọi là gì?
+ Mã độc tống tiền (ransomware)
- Phần mềm quảng cáo (adware)
- Sâu máy tính (worm)
- Phần mềm gián điệp (spyware)
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Mật khẩu nào sau đây là mật khẩu mạnh nhất?
+ T0chuc@CanBo#2019
- 123456789
- nguyenvana
- Nghean2019
@ medium | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Xác thực hai yếu tố (2FA) khi đăng nhập hệ thống là gì?
+ Xác thực bằng hai loại yếu tố khác nhau, ví dụ mật khẩu và mã OTP gửi đến điện thoại
- Nhập mật khẩu hai lần liên tiếp để tránh gõ nhầm
- Dùng hai mật khẩu khác nhau cho hai tài khoản
- Đăng nhập cùng lúc trên hai thiết bị
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Địa chỉ trang web bắt đầu bằng https:// cho biết điều gì?
+ Dữ liệu trao đổi giữa trình duyệt và máy chủ được mã hóa
- Trang web chắc chắn là của cơ quan nhà nước
- Trang web không chứa quảng cáo
- Trang web được tải nhanh hơn trang http://
@ medium | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Khi gửi thư điện tử, trường BCC dùng để làm gì?
+ Gửi bản sao ẩn: những người nhận khác không thấy địa chỉ ở trường này
- Gửi bản sao công khai cho người cần biết
- Đánh dấu thư là quan trọng
- Hẹn giờ gửi thư
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Cán bộ nhặt được một chiếc USB không rõ nguồn gốc ở hành lang cơ quan. Cách xử lý đúng là gì?
+ Không cắm vào máy tính của cơ quan; bàn giao cho bộ phận phụ trách công nghệ thông tin
- Cắm vào máy tính để xem nội dung, tìm người đánh mất
- Cắm vào máy tính đã cài phần mềm diệt virus rồi mở các tệp bên trong
- Mang về nhà sử dụng
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Vì sao cần cập nhật thường xuyên các bản vá của hệ điều hành và phần mềm?
+ Để khắc phục các lỗ hổng bảo mật đã được phát hiện
- Để máy tính có giao diện đẹp hơn
- Để tăng dung lượng ổ cứng
- Để không phải cài phần mềm diệt virus
@ hard | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Nguyên tắc sao lưu dữ liệu "3-2-1" có nghĩa là gì?
+ Có 3 bản sao dữ liệu, lưu trên 2 loại phương tiện khác nhau, trong đó 1 bản lưu ở nơi khác
- Sao lưu 3 lần mỗi ngày, 2 lần mỗi tuần, 1 lần mỗi tháng
- Lưu 3 thư mục, 2 ổ đĩa và 1 máy chủ trong cùng phòng
- Giữ bản sao lưu trong 3 năm, 2 tháng và 1 ngày
@ medium | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Khi sử dụng mạng Wi-Fi công cộng ở quán cà phê, việc nào sau đây nên tránh?
+ Đăng nhập hệ thống quản lý văn bản của cơ quan hoặc tài khoản ngân hàng
- Đọc tin tức trên các trang báo điện tử
- Xem bản đồ chỉ đường
- Tra cứu thời tiết
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Virus máy tính là gì?
+ Chương trình có khả năng tự sao chép, lây lan và gây hại cho dữ liệu, hệ thống
- Lỗi phần cứng do máy tính bị nhiễm bụi
- Một loại tệp văn bản bị hỏng
- Phần mềm hệ thống dùng để quét ổ đĩa
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Phần mềm nào sau đây là phần mềm phòng, chống mã độc (diệt virus)?
+ Microsoft Defender
- Microsoft Excel
- Google Chrome
- Unikey
@ medium | Luật An ninh mạng 2018
Luật An ninh mạng có hiệu lực thi hành từ ngày nào?
+ 01/01/2019
- 01/7/2018
- 01/7/2019
- 01/01/2020
@ hard | Nghị định số 85/2016/NĐ-CP về bảo đảm an toàn hệ thống thông tin theo cấp độ
Theo Nghị định số 85/2016/NĐ-CP, hệ thống thông tin được phân loại theo mấy cấp độ an toàn?
+ 5 cấp độ
- 3 cấp độ
- 4 cấp độ
- 6 cấp độ
@ medium | Thông tư 03/2014/TT-BTTTT
Chuẩn kỹ năng sử dụng công nghệ thông tin cơ bản theo Thông tư 03/2014/TT-BTTTT gồm bao nhiêu mô
    đun?
+ 6 mô đun
- 4 mô đun
- 9 mô đun
- 15 mô đun
@ hard | Thông tư 03/2014/TT-BTTTT
Theo Thông tư 03/2014/TT-BTTTT, mô đun IU04 thuộc chuẩn kỹ năng sử dụng CNTT cơ bản là mô đun nào?
+ Sử dụng bảng tính cơ bản
- Xử lý văn bản cơ bản
- Sử dụng trình chiếu cơ bản
- Sử dụng Internet cơ bản
@ hard | Thông tư 03/2014/TT-BTTTT
Trong chuẩn kỹ năng sử dụng CNTT cơ bản theo Thông tư 03/2014/TT-BTTTT, mô đun IU01 có tên là gì?
+ Hiểu biết về công nghệ thông tin cơ bản
- Sử dụng máy tính cơ bản
- An toàn thông tin cơ bản
- Sử dụng Internet cơ bản
@ medium | TCVN 6909:2001; Quyết định số 72/2002/QĐ-TTg
Bộ mã ký tự chữ Việt theo tiêu chuẩn TCVN 6909:2001, dùng thống nhất trong cơ quan nhà nước, là bộ
    mã nào?
+ Unicode
- TCVN3 (ABC)
- VNI Windows
- VIQR
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Trong Windows, thanh nằm ở cạnh dưới màn hình, chứa nút Start và biểu tượng các chương trình đang
    chạy, gọi là gì?
+ Thanh tác vụ (Taskbar)
- Thanh tiêu đề (Title bar)
- Thanh cuộn (Scroll bar)
- Thanh công thức (Formula bar)
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Trong Windows, tệp bị xóa bằng phím Delete được chuyển đến đâu?
+ Thùng rác (Recycle Bin)
- Thư mục Documents
- Thư mục Downloads
- Bị xóa vĩnh viễn khỏi ổ đĩa
@ medium | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Để lấy lại một tệp đã xóa còn nằm trong Thùng rác (Recycle Bin), ta chọn tệp đó rồi dùng lệnh nào?
+ Restore (Khôi phục)
- Empty Recycle Bin (Dọn sạch thùng rác)
- Delete (Xóa)
- Properties (Thuộc tính)
@ medium | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Trong Microsoft Word, để đánh số trang cho văn bản, ta dùng lệnh nào?
+ Insert, chọn Page Number
- Home, chọn Numbering
- Layout, chọn Line Numbers
- Review, chọn Word Count
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Trong Microsoft Word, để chèn một bảng vào văn bản, ta dùng lệnh nào?
+ Insert, chọn Table
- Home, chọn Styles
- View, chọn Gridlines
- Design, chọn Borders
@ medium | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Chức năng Track Changes trong Microsoft Word dùng để làm gì?
+ Theo dõi, ghi lại các thay đổi khi nhiều người cùng góp ý, chỉnh sửa văn bản
- Kiểm tra lỗi chính tả tiếng Việt
- Đếm số từ trong văn bản
- Tự động lưu văn bản sau mỗi phút
@ medium | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Trong Microsoft Word, để chọn khổ giấy A4 cho văn bản, ta dùng lệnh nào?
+ Layout, chọn Size, chọn A4
- Insert, chọn Page, chọn A4
- View, chọn Zoom, chọn A4
- Home, chọn Font, chọn A4
@ medium | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, ô C1 chứa công thức =A1+B1. Khi sao chép công thức này xuống ô C2, công thức ở C2 là
    gì?
+ =A2+B2
- =A1+B1
- =A2+B1
- =B2+C2
@ hard | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, địa chỉ A$1 là loại địa chỉ nào?
+ Địa chỉ hỗn hợp: cố định hàng, cột thay đổi khi sao chép
- Địa chỉ tuyệt đối: cố định cả hàng và cột
- Địa chỉ tương đối: hàng và cột đều thay đổi khi sao chép
- Địa chỉ hỗn hợp: cố định cột, hàng thay đổi khi sao chép
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, một công thức phải bắt đầu bằng ký tự nào?
+ Dấu bằng (=)
- Dấu nháy đơn (')
- Dấu hai chấm (:)
- Dấu thăng (#)
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, để chỉ hiển thị các dòng thỏa mãn điều kiện (ví dụ chỉ công chức của một phòng), ta
    dùng chức năng nào?
+ Filter (Lọc dữ liệu)
- Sort (Sắp xếp)
- Merge (Gộp ô)
- Freeze Panes (Cố định vùng)
@ medium | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU05
Trong Microsoft PowerPoint, nhóm lệnh Transitions dùng để làm gì?
+ Tạo hiệu ứng chuyển tiếp giữa các trang chiếu
- Tạo hiệu ứng chuyển động cho từng đối tượng trên trang chiếu
- Chèn âm thanh vào trang chiếu
- Thay đổi bố cục trang chiếu
@ medium | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Khi tìm kiếm bằng Google, muốn tìm chính xác cụm từ "sát hạch công chức", ta đặt cụm từ đó trong ký
    hiệu nào?
+ Dấu ngoặc kép
- Dấu ngoặc đơn
- Dấu ngoặc vuông
- Dấu sao ở đầu cụm từ
@ hard | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Chế độ duyệt web ẩn danh (Incognito, InPrivate) của trình duyệt có tác dụng gì?
+ Không lưu lịch sử duyệt web, cookie và dữ liệu biểu mẫu trên máy sau khi đóng cửa sổ ẩn danh
- Ẩn hoàn toàn danh tính người dùng với nhà mạng và trang web
- Ngăn chặn mọi loại mã độc từ trang web
- Mã hóa toàn bộ dữ liệu trên ổ cứng
@ easy | Quyết định số 505/QĐ-TTg năm 2022 của Thủ tướng Chính phủ
Ngày Chuyển đổi số quốc gia là ngày nào hằng năm?
+ Ngày 10 tháng 10
- Ngày 2 tháng 9
- Ngày 1 tháng 7
- Ngày 10 tháng 3
@ medium | Luật Giao dịch điện tử 2023
Chữ ký số trên văn bản điện tử dùng để làm gì?
+ Xác thực người ký và bảo đảm tính toàn vẹn của văn bản sau khi ký
- Nén văn bản để gửi nhanh hơn
- Chuyển văn bản sang định dạng PDF
- Ẩn nội dung văn bản với người không có mật khẩu
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Phần mềm nào sau đây là phần mềm bảng tính?
+ LibreOffice Calc
- LibreOffice Writer
- Microsoft PowerPoint
- Mozilla Thunderbird
@ easy | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Phần mềm nào sau đây là hệ điều hành?
+ Ubuntu Linux
- Microsoft Word
- Google Chrome
- Zalo
@ medium | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Dung lượng nào sau đây lớn nhất?
+ 2 GB
- 1500 MB
- 1 GB
- 2000 KB

@ easy multiple | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Những thiết bị nào sau đây là thiết bị vào (thiết bị nhập) của máy tính? (Chọn các phương án đúng)
+ Bàn phím
+ Chuột
+ Máy quét (scanner)
- Máy in
@ medium multiple | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Những đặc điểm nào sau đây là của một mật khẩu mạnh? (Chọn các phương án đúng)
+ Kết hợp chữ hoa, chữ thường, chữ số và ký tự đặc biệt
+ Có độ dài đủ lớn, thường từ 8 ký tự trở lên
+ Không chứa thông tin cá nhân dễ đoán như ngày sinh, họ tên
- Dùng chung một mật khẩu cho tất cả các tài khoản để dễ nhớ
@ medium multiple | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Những dấu hiệu nào sau đây cho thấy một thư điện tử có thể là thư lừa đảo? (Chọn các phương án
    đúng)
+ Địa chỉ người gửi gần giống nhưng không đúng tên miền của tổ chức
+ Thúc giục hành động gấp, đe dọa khóa tài khoản
+ Yêu cầu cung cấp mật khẩu hoặc mã OTP
- Thư được gửi từ hộp thư công vụ của đồng nghiệp đã hẹn trước và không có tệp đính kèm
@ easy multiple | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Những phần mềm nào sau đây là phần mềm văn phòng nguồn mở? (Chọn các phương án đúng)
+ LibreOffice Writer
+ LibreOffice Calc
- Microsoft Word
- Microsoft Excel
@ medium multiple | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Những biện pháp nào giúp bảo vệ máy tính làm việc khỏi mã độc? (Chọn các phương án đúng)
+ Cài đặt và cập nhật phần mềm phòng, chống mã độc
+ Không mở tệp đính kèm từ người gửi lạ
+ Cập nhật bản vá hệ điều hành thường xuyên
- Tắt tường lửa để máy chạy nhanh hơn
@ easy multiple | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Những phần mở rộng nào sau đây là của tệp hình ảnh? (Chọn các phương án đúng)
+ .png
+ .gif
- .docx
- .mp3
@ easy multiple | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Những phần mềm nào sau đây là trình duyệt web? (Chọn các phương án đúng)
+ Google Chrome
+ Mozilla Firefox
+ Cốc Cốc
- Microsoft Outlook
@ medium multiple | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Những hàm nào sau đây trong Excel dùng để đếm? (Chọn các phương án đúng)
+ COUNTA
+ COUNTIF
- SUM
- VLOOKUP

@ easy tf | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
RAM là bộ nhớ lưu trữ dữ liệu lâu dài, dữ liệu trong RAM không bị mất khi tắt máy.
= sai
@ medium tf | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU02
Trong Windows, tệp bị xóa bằng tổ hợp phím Shift+Delete sẽ được chuyển vào Thùng rác (Recycle Bin).
= sai
@ medium tf | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, địa chỉ $A$1 là địa chỉ tuyệt đối, không thay đổi khi sao chép công thức sang ô khác.
= đúng
@ easy tf | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Tệp PDF có thể mở và đọc bằng các trình duyệt web thông dụng như Google Chrome, Microsoft Edge.
= đúng
@ easy tf | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Cán bộ nên chia sẻ mật khẩu tài khoản công vụ cho đồng nghiệp thân thiết để xử lý công việc khi
    mình vắng mặt.
= sai
@ medium tf | Luật An ninh mạng 2018
Luật An ninh mạng được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam thông qua năm 2018.
= đúng
@ easy tf | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Mạng LAN là mạng diện rộng kết nối các máy tính trên phạm vi toàn cầu.
= sai
@ medium tf | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Chức năng Trộn thư (Mail Merge) của Word có thể dùng để tạo hàng loạt giấy mời từ một mẫu và một
    danh sách người nhận.
= đúng

@ easy short | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Với kiểu gõ Telex, để gõ chữ "đ" ta gõ những phím nào? (Ghi các phím, viết liền)
= dd
@ easy short | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU03
Phần mở rộng mặc định của tệp văn bản Microsoft Word từ phiên bản 2007 trở đi là gì? (Ghi phần mở
    rộng)
= docx
= .docx
@ easy short | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, hàm nào dùng để tính tổng các giá trị trong một vùng ô? (Ghi tên hàm)
= SUM
= SUM()
@ medium short | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Tên miền dành cho trang thông tin điện tử của cơ quan nhà nước Việt Nam có phần đuôi là gì? (Ghi
    phần đuôi của tên miền)
= gov.vn
= .gov.vn
@ medium short | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Giao thức truyền tải siêu văn bản có mã hóa, bảo mật dùng cho các trang web được viết tắt là gì?
    (Ghi chữ viết tắt)
= HTTPS

@ easy numeric | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Theo cách tính nhị phân thường dùng trong tin học, 1 KB bằng bao nhiêu byte? (Ghi số)
= 1024
@ easy numeric | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU01
Một byte gồm bao nhiêu bit? (Ghi số)
= 8
@ medium numeric | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Các ô A1, A2, A3 lần lượt chứa các số 5, 10, 15. Công thức =SUM(A1:A3)/3 cho kết quả bằng bao
    nhiêu? (Ghi số)
= 10
@ medium numeric | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, công thức =MOD(17,5) (dấu phẩy là dấu phân cách đối số) cho kết quả bằng bao nhiêu?
    (Ghi số)
= 2
@ hard numeric | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Trong Excel, công thức =LEN("Nghệ An") cho kết quả bằng bao nhiêu? (Ghi số)
= 7
@ medium numeric | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU04
Ô B1 chứa số 8, ô B2 chứa số 3. Công thức =IF(B1>B2,B1-B2,B2-B1) cho kết quả bằng bao nhiêu? (Ghi
    số)
= 5

@ easy fixed | Chuẩn kỹ năng sử dụng CNTT cơ bản (Thông tư 03/2014/TT-BTTTT), mô đun IU06
Để bảo vệ tài khoản thư điện tử công vụ, cán bộ nên làm gì?
- Đặt mật khẩu mạnh và thay đổi khi nghi bị lộ
- Bật xác thực hai yếu tố nếu hệ thống hỗ trợ
- Đăng xuất sau khi dùng máy tính dùng chung
+ Tất cả các phương án trên
"""

_CM_VT = """
# --- Chữ viết tắt tên loại văn bản hành chính (Phụ lục III) ---
% abbr: CV; QyC; QĐi
@ easy g=abbr | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Theo Nghị định số 30/2020/NĐ-CP, chữ viết tắt tên loại văn bản "Quyết định" là gì?
+ QĐ
@ medium g=abbr | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Tờ trình được viết tắt như thế nào trong số, ký hiệu văn bản theo Nghị định số 30/2020/NĐ-CP?
+ TTr
@ hard g=abbr | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Khi ghi ký hiệu của một bản quy định (văn bản hành chính), tên loại "Quy định" được viết tắt là gì?
+ QyĐ
@ medium g=abbr | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Chữ viết tắt của tên loại văn bản "Chương trình" theo Nghị định số 30/2020/NĐ-CP là gì?
+ CTr
@ hard g=abbr | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Theo Nghị định số 30/2020/NĐ-CP, loại văn bản "Thông cáo" có chữ viết tắt là gì?
+ TC
@ medium g=abbr | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Giấy ủy quyền có chữ viết tắt tên loại văn bản là gì?
+ GUQ
@ easy g=abbr | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Kế hoạch tổ chức kiểm tra, sát hạch công chức được ghi ký hiệu với chữ viết tắt tên loại văn bản
    nào?
+ KH
@ easy g=abbr | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Văn bản "Hướng dẫn" được viết tắt tên loại là gì?
+ HD
@ medium g=abbr | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Theo Nghị định số 30/2020/NĐ-CP, "Công điện" được viết tắt là gì?
+ CĐ
@ medium g=abbr | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Trong ký hiệu văn bản, "Phương án" được viết tắt là gì?
+ PA
@ medium g=abbr | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Chữ viết tắt của "Quy chế" theo Nghị định số 30/2020/NĐ-CP là gì?
+ QC

# --- Khái niệm (Điều 3): một câu hỏi xuôi, còn lại hỏi ngược ---
% vtname: Hồ sơ; Bản sao lục; Văn bản đi; Bản thảo văn bản
@ easy | Nghị định số 30/2020/NĐ-CP, Điều 3
Theo Nghị định số 30/2020/NĐ-CP, "hồ sơ" là gì?
+ Là tập hợp các văn bản, tài liệu có liên quan với nhau về một vấn đề, một sự việc, một đối tượng
    cụ thể hoặc có đặc điểm chung, hình thành trong quá trình theo dõi, giải quyết công việc thuộc
    phạm vi chức năng, nhiệm vụ của cơ quan, tổ chức, cá nhân
- Là việc tập hợp, sắp xếp văn bản, tài liệu hình thành trong quá trình theo dõi, giải quyết công
    việc theo những nguyên tắc và phương pháp nhất định
- Là toàn bộ văn bản đi, văn bản đến của cơ quan trong một năm
- Là tập hợp các văn bản quy phạm pháp luật có liên quan đến chức năng, nhiệm vụ của cơ quan
@ medium g=vtname | Nghị định số 30/2020/NĐ-CP, Điều 3
Theo Nghị định số 30/2020/NĐ-CP, việc tập hợp, sắp xếp văn bản, tài liệu hình thành trong quá trình
    theo dõi, giải quyết công việc của cơ quan, tổ chức, cá nhân theo những nguyên tắc và phương
    pháp nhất định được gọi là gì?
+ Lập hồ sơ
@ medium g=vtname | Nghị định số 30/2020/NĐ-CP, Điều 3
Bản hoàn chỉnh về nội dung, thể thức văn bản, được người có thẩm quyền trực tiếp ký trên văn bản
    giấy hoặc ký số trên văn bản điện tử được gọi là gì?
+ Bản gốc văn bản
@ hard g=vtname | Nghị định số 30/2020/NĐ-CP, Điều 3
Theo Nghị định số 30/2020/NĐ-CP, bản hoàn chỉnh về nội dung, thể thức văn bản, được tạo từ bản có
    chữ ký trực tiếp của người có thẩm quyền được gọi là gì?
+ Bản chính văn bản giấy
@ medium g=vtname | Nghị định số 30/2020/NĐ-CP, Điều 3
Bản sao đầy đủ, chính xác nội dung của bản gốc hoặc bản chính văn bản, được trình bày theo thể thức
    và kỹ thuật quy định, là loại bản sao nào?
+ Bản sao y
@ medium g=vtname | Nghị định số 30/2020/NĐ-CP, Điều 3
Bản sao chính xác phần nội dung của bản gốc hoặc phần nội dung của bản chính văn bản cần sao, trình
    bày theo thể thức và kỹ thuật quy định, là loại bản sao nào?
+ Bản trích sao
@ easy g=vtname | Nghị định số 30/2020/NĐ-CP, Điều 3
Tất cả các loại văn bản do cơ quan, tổ chức nhận được từ cơ quan, tổ chức, cá nhân khác gửi đến
    được gọi là gì?
+ Văn bản đến

# --- Ký thay, thừa lệnh... ---
% sign: Thay mặt cấp ủy
@ easy g=sign | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Theo Nghị định số 30/2020/NĐ-CP, chữ "KT." ghi trước chức vụ của người ký có nghĩa là gì?
+ Ký thay người đứng đầu (cấp phó ký thay cấp trưởng)
@ medium g=sign | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Trên văn bản của Ủy ban nhân dân, chữ "TM." ghi trước tên cơ quan ở phần chữ ký có nghĩa là gì?
+ Thay mặt tập thể lãnh đạo
@ medium g=sign | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Chữ "TL." trước chức vụ người ký được dùng khi nào?
+ Thừa lệnh: người đứng đầu giao cho người đứng đầu đơn vị thuộc cơ quan ký
@ hard g=sign | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Chữ "TUQ." trước chức vụ người ký có nghĩa là gì?
+ Thừa ủy quyền: người được người đứng đầu ủy quyền ký
@ hard g=sign | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Chữ "Q." ghi trước chức vụ của người ký văn bản có nghĩa là gì?
+ Quyền: người được giao quyền cấp trưởng ký

# --- Thể thức, kỹ thuật trình bày, quản lý văn bản ---
@ easy | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Theo Nghị định số 30/2020/NĐ-CP, văn bản hành chính được trình bày trên khổ giấy nào?
+ Khổ A4 (210 mm x 297 mm)
- Khổ A5 (148 mm x 210 mm)
- Khổ A3 (297 mm x 420 mm)
- Khổ Letter (216 mm x 279 mm)
@ hard | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Theo Nghị định số 30/2020/NĐ-CP, lề trái của trang văn bản khổ A4 được căn cách mép bao nhiêu?
+ Cách mép trái từ 30 mm đến 35 mm
- Cách mép trái từ 20 mm đến 25 mm
- Cách mép trái từ 15 mm đến 20 mm
- Cách mép trái từ 25 mm đến 30 mm
@ hard | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Theo Nghị định số 30/2020/NĐ-CP, lề phải của văn bản được quy định như thế nào?
+ Cách mép phải từ 15 mm đến 20 mm
- Cách mép phải từ 30 mm đến 35 mm
- Cách mép phải từ 20 mm đến 25 mm
- Cách mép phải từ 10 mm đến 15 mm
@ hard | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" trên văn bản hành chính được trình bày như thế nào?
+ Chữ in hoa, cỡ chữ từ 12 đến 13, kiểu chữ đứng, đậm
- Chữ in hoa, cỡ chữ từ 13 đến 14, kiểu chữ nghiêng, đậm
- Chữ in thường, cỡ chữ 14, kiểu chữ đứng, đậm
- Chữ in hoa, cỡ chữ 14, kiểu chữ đứng, không đậm
@ medium | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Tiêu ngữ "Độc lập - Tự do - Hạnh phúc" được trình bày như thế nào?
+ Chữ in thường, cỡ chữ từ 13 đến 14, đứng, đậm; chữ cái đầu các cụm từ viết hoa, giữa các cụm từ
    có gạch nối, có cách chữ; phía dưới có đường kẻ ngang nét liền
- Chữ in hoa, cỡ chữ 12, đứng, đậm, phía dưới không có đường kẻ
- Chữ in thường, cỡ chữ 14, nghiêng, phía dưới có đường kẻ nét đứt
- Chữ in hoa, cỡ chữ 13, đứng, không đậm, giữa các cụm từ có dấu phẩy
@ medium | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Theo Nghị định số 30/2020/NĐ-CP, số của văn bản được ghi bắt đầu và kết thúc vào thời điểm nào?
+ Bắt đầu từ số 01 vào ngày 01 tháng 01 và kết thúc vào ngày 31 tháng 12 hằng năm
- Bắt đầu từ số 01 vào đầu mỗi quý
- Bắt đầu từ số 01 vào đầu mỗi nhiệm kỳ của cơ quan
- Ghi liên tục, không bao giờ bắt đầu lại
@ medium | Nghị định số 30/2020/NĐ-CP, Điều 33
Theo Nghị định số 30/2020/NĐ-CP, dấu của cơ quan được đóng lên chữ ký như thế nào?
+ Dấu đóng rõ ràng, ngay ngắn, đúng chiều, trùm lên khoảng 1/3 chữ ký về phía bên trái
- Dấu đóng trùm lên toàn bộ chữ ký
- Dấu đóng bên phải chữ ký, không trùm lên chữ ký
- Dấu đóng trùm lên khoảng 1/2 chữ ký về phía bên phải
@ medium | Nghị định số 30/2020/NĐ-CP, Chương III
Theo Nghị định số 30/2020/NĐ-CP, văn bản đến phải được đăng ký, trình, chuyển giao trong thời hạn
    nào?
+ Trong ngày, chậm nhất là trong ngày làm việc tiếp theo
- Trong vòng 03 ngày làm việc
- Trong tuần làm việc
- Khi người đứng đầu có thời gian xem xét
@ medium | Nghị định số 30/2020/NĐ-CP, Chương III
Theo Nghị định số 30/2020/NĐ-CP, văn bản đi phải được phát hành khi nào?
+ Trong ngày văn bản đó được ký, chậm nhất là trong ngày làm việc tiếp theo
- Trong vòng 03 ngày làm việc kể từ ngày ký
- Ngay khi có đủ số lượng văn bản đi trong tuần
- Theo lịch phát hành cố định vào thứ Hai hằng tuần
@ medium | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Theo Nghị định số 30/2020/NĐ-CP, văn bản khẩn được xác định theo những mức độ nào?
+ Khẩn, Thượng khẩn, Hỏa tốc
- Khẩn, Hỏa tốc
- Khẩn, Thượng khẩn, Hỏa tốc, Hỏa tốc hẹn giờ
- Thường, Khẩn, Thượng khẩn
@ hard | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Theo Nghị định số 30/2020/NĐ-CP, ký hiệu của công văn gồm những thành phần nào?
+ Chữ viết tắt tên cơ quan, tổ chức hoặc chức danh nhà nước ban hành công văn và chữ viết tắt tên
    đơn vị soạn thảo hoặc lĩnh vực được giải quyết
- Chữ viết tắt tên loại văn bản "CV" và chữ viết tắt tên cơ quan ban hành
- Năm ban hành và chữ viết tắt tên cơ quan ban hành
- Chữ viết tắt tên người ký và tên đơn vị soạn thảo
@ medium | Nghị định số 30/2020/NĐ-CP, Điều 4
Theo Nghị định số 30/2020/NĐ-CP, ai chịu trách nhiệm quản lý công tác văn thư trong cơ quan, tổ
    chức?
+ Người đứng đầu cơ quan, tổ chức
- Văn thư cơ quan
- Chánh Văn phòng hoặc Trưởng phòng Hành chính
- Kế toán trưởng
@ medium | Nghị định số 30/2020/NĐ-CP, Điều 32
Theo Nghị định số 30/2020/NĐ-CP, ai được giao quản lý, sử dụng con dấu, thiết bị lưu khóa bí mật
    của cơ quan?
+ Văn thư cơ quan
- Kế toán của cơ quan
- Thủ quỹ của cơ quan
- Người ký văn bản tự quản lý
@ hard | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Hình ảnh chữ ký số của cơ quan, tổ chức trên văn bản điện tử được quy định như thế nào?
+ Màu đỏ, kích thước bằng kích thước thực tế của dấu, định dạng .png nền trong suốt, trùm lên
    khoảng 1/3 hình ảnh chữ ký số của người có thẩm quyền về bên trái
- Màu xanh, kích thước bằng một nửa dấu thật, đặt bên phải chữ ký
- Màu đen, định dạng .jpg, đặt dưới chức vụ của người ký
- Màu đỏ, kích thước tùy chọn, đặt ở góc trên bên phải trang đầu
@ easy | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Theo Nghị định số 30/2020/NĐ-CP, cỡ chữ của phần nội dung văn bản hành chính là bao nhiêu?
+ Từ 13 đến 14
- Từ 11 đến 12
- Từ 15 đến 16
- Cỡ 12
@ easy | Nghị định số 30/2020/NĐ-CP, Điều 3
Văn bản do cơ quan, tổ chức ban hành được gọi là gì trong công tác văn thư?
+ Văn bản đi
- Văn bản đến
- Văn bản lưu
- Văn bản chuyên ngành
@ medium | Nghị định số 30/2020/NĐ-CP, Chương III
Văn bản đã phát hành nhưng có sai sót về thể thức, kỹ thuật trình bày, thủ tục ban hành thì xử lý
    thế nào?
+ Đính chính bằng công văn của cơ quan, tổ chức ban hành văn bản
- Thu hồi và ban hành văn bản mới với số, ký hiệu mới
- Tự sửa trực tiếp trên văn bản đã phát hành và đóng dấu
- Ban hành văn bản có hình thức tương đương để thay thế
@ hard | Nghị định số 30/2020/NĐ-CP, Chương III
Văn bản đã phát hành nhưng có sai sót về nội dung thì phải xử lý như thế nào?
+ Sửa đổi, thay thế bằng văn bản có hình thức tương đương
- Đính chính bằng công văn của văn thư cơ quan
- Gạch bỏ phần sai và ký nháy bên cạnh
- Thông báo bằng điện thoại cho nơi nhận
@ easy | Luật Lưu trữ năm 2024
Luật Lưu trữ năm 2024 có hiệu lực thi hành từ ngày nào?
+ 01/7/2025
- 01/01/2025
- 01/7/2024
- 01/01/2026
@ medium | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Đối với ngày, tháng ban hành văn bản, trường hợp nào phải ghi thêm số 0 ở phía trước?
+ Ngày nhỏ hơn 10 và tháng 1, tháng 2
- Mọi ngày và mọi tháng có một chữ số
- Chỉ các ngày nhỏ hơn 10
- Không bao giờ ghi thêm số 0
@ hard | Nghị định số 30/2020/NĐ-CP, Điều 33
Dấu giáp lai được đóng như thế nào theo Nghị định số 30/2020/NĐ-CP?
+ Đóng vào khoảng giữa mép phải văn bản hoặc phụ lục, trùm lên một phần các tờ giấy
- Đóng ở góc trên bên trái của từng trang
- Đóng ở cuối trang cuối cùng, cạnh chữ ký
- Đóng ở giữa trang đầu tiên của văn bản

@ hard multiple | Nghị định số 30/2020/NĐ-CP, Điều 8
Những thành phần nào sau đây thuộc thể thức chính của văn bản hành chính? (Chọn các phương án đúng)
+ Quốc hiệu và Tiêu ngữ
+ Số, ký hiệu của văn bản
+ Nơi nhận
- Dấu chỉ độ mật
@ medium multiple | Nghị định số 30/2020/NĐ-CP, Điều 3, Điều 25
Những hình thức bản sao nào được quy định trong Nghị định số 30/2020/NĐ-CP? (Chọn các phương án
    đúng)
+ Sao y
+ Sao lục
+ Trích sao
- Sao chụp có xác nhận của văn thư
@ easy multiple | Nghị định số 30/2020/NĐ-CP, Điều 7
Những văn bản nào sau đây là văn bản hành chính theo Nghị định số 30/2020/NĐ-CP? (Chọn các phương
    án đúng)
+ Tờ trình
+ Công điện
+ Giấy mời
- Thông tư
@ medium multiple | Nghị định số 30/2020/NĐ-CP, Điều 8
Những thành phần nào sau đây là thành phần thể thức bổ sung (khi cần) của văn bản hành chính? (Chọn
    các phương án đúng)
+ Dấu chỉ độ mật
+ Dấu chỉ mức độ khẩn
+ Phụ lục
- Tên cơ quan, tổ chức ban hành văn bản

@ medium tf | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Theo Nghị định số 30/2020/NĐ-CP, số trang của văn bản được đánh bằng chữ số Ả Rập, căn giữa trong
    phần lề trên và không hiển thị số trang thứ nhất.
= đúng
@ easy tf | Nghị định số 30/2020/NĐ-CP, Chương III
Văn bản đến có dấu chỉ mức độ khẩn phải được đăng ký, trình và chuyển giao ngay sau khi nhận được.
= đúng
@ medium tf | Nghị định số 30/2020/NĐ-CP, Điều 3
Bản sao lục là bản sao đầy đủ, chính xác nội dung của bản sao y, được trình bày theo thể thức và kỹ
    thuật quy định.
= đúng
@ medium tf | Nghị định số 30/2020/NĐ-CP, Phụ lục I
Theo Nghị định số 30/2020/NĐ-CP, văn bản hành chính được trình bày bằng phông chữ VNI-Times, màu
    xanh.
= sai

@ medium short | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Theo Nghị định số 30/2020/NĐ-CP, tên loại văn bản "Báo cáo" được viết tắt là gì? (Ghi chữ viết tắt)
= BC
@ medium short | Nghị định số 30/2020/NĐ-CP, Phụ lục III
Theo Nghị định số 30/2020/NĐ-CP, tên loại văn bản "Biên bản" được viết tắt là gì? (Ghi chữ viết
    tắt)
= BB

@ medium numeric | Nghị định số 30/2020/NĐ-CP, Điều 7
Nghị định số 30/2020/NĐ-CP quy định bao nhiêu loại văn bản hành chính? (Ghi số)
= 29
@ hard numeric | Nghị định số 30/2020/NĐ-CP, Điều 33
Theo Nghị định số 30/2020/NĐ-CP, mỗi dấu giáp lai được đóng tối đa bao nhiêu tờ văn bản? (Ghi số)
= 5

@ medium essay p=10 | Nghị định số 30/2020/NĐ-CP, Chương III
Tình huống: 16 giờ 45 phút chiều thứ Sáu, Văn thư cơ quan nhận được văn bản đến có dấu "Hỏa tốc"
    của Ủy ban nhân dân tỉnh, yêu cầu báo cáo số liệu trước 9 giờ sáng thứ Hai. Thủ trưởng cơ quan
    đang đi công tác. Là công chức văn thư, anh (chị) xử lý tình huống này như thế nào?
> Xác định đúng văn bản khẩn phải được đăng ký, trình và chuyển giao ngay sau khi nhận; kiểm tra
    bì, dấu, thời hạn (2 điểm)
> Đăng ký văn bản đến (sổ hoặc hệ thống quản lý văn bản điện tử), số hóa nếu là văn bản giấy (2
    điểm)
> Báo cáo ngay người được giao phụ trách (cấp phó được ủy quyền hoặc Chánh Văn phòng) và thông báo
    cho thủ trưởng qua điện thoại, hệ thống điện tử; chuyển giao cho đơn vị, cá nhân chủ trì xử lý
    (3 điểm)
> Theo dõi, đôn đốc việc giải quyết đúng thời hạn, lưu vết việc chuyển giao; rút kinh nghiệm về
    phân công trực xử lý văn bản khẩn ngoài giờ (3 điểm)
@ medium essay p=10 | Nghị định số 30/2020/NĐ-CP, Chương III
Tình huống: Một quyết định của cơ quan đã ký và phát hành cho các đơn vị thì phát hiện bị sai ngày
    tháng ban hành và thiếu một nơi nhận. Anh (chị) đề xuất cách xử lý theo quy định về công tác
    văn thư.
> Phân biệt sai sót về thể thức, kỹ thuật trình bày, thủ tục ban hành với sai sót về nội dung (2
    điểm)
> Đề xuất đính chính bằng công văn của cơ quan ban hành; nêu thể thức công văn đính chính (3 điểm)
> Bổ sung nơi nhận, phát hành văn bản đến nơi nhận còn thiếu và lưu hồ sơ đúng quy định (3 điểm)
> Đề xuất biện pháp phòng ngừa: kiểm tra thể thức trước khi ban hành, trách nhiệm của người soạn
    thảo và văn thư (2 điểm)
@ hard essay p=30 | Nghị định số 30/2020/NĐ-CP; Luật Lưu trữ năm 2024
Anh (chị) hãy xây dựng đề cương kế hoạch chuyển đổi số công tác văn thư, lưu trữ tại cơ quan nơi
    mình công tác trong năm tới (quản lý văn bản điện tử, ký số, lập hồ sơ điện tử, số hóa tài liệu
    lưu trữ).
> Nêu căn cứ pháp lý và đánh giá thực trạng công tác văn thư, lưu trữ của cơ quan (5 điểm)
> Xác định mục tiêu, chỉ tiêu cụ thể, đo được: tỷ lệ văn bản điện tử, tỷ lệ ký số, tỷ lệ hồ sơ điện
    tử, khối lượng tài liệu được số hóa (6 điểm)
> Nêu nhiệm vụ, giải pháp: hạ tầng, phần mềm, chữ ký số, quy trình, đào tạo, an toàn thông tin (8
    điểm)
> Phân công trách nhiệm, tiến độ thực hiện và kinh phí (6 điểm)
> Tổ chức kiểm tra, đánh giá, báo cáo kết quả; tính khả thi và trình bày đúng thể thức kế hoạch (5
    điểm)
@ hard essay p=30 | Nghị định số 30/2020/NĐ-CP; Luật Lưu trữ năm 2024
Anh (chị) hãy xây dựng đề cương kế hoạch chỉnh lý khối tài liệu hành chính tồn đọng, tích đống của
    cơ quan giai đoạn trước năm 2020.
> Khảo sát, đánh giá khối lượng, thành phần, tình trạng tài liệu; căn cứ pháp lý (5 điểm)
> Mục tiêu, yêu cầu: phân loại, lập hồ sơ, xác định giá trị, thống kê tài liệu hết giá trị (6 điểm)
> Quy trình chỉnh lý: giao nhận, vệ sinh, phân loại, lập và biên mục hồ sơ, sắp xếp, đánh số, lập
    mục lục (8 điểm)
> Nhân lực, kinh phí, vật tư, tiến độ và phân công trách nhiệm (6 điểm)
> Nghiệm thu, bàn giao, bảo quản và khai thác sau chỉnh lý (5 điểm)

@ easy fixed | Nghị định số 30/2020/NĐ-CP, Chương III
Theo Nghị định số 30/2020/NĐ-CP, trình tự quản lý văn bản đến gồm những bước nào?
- Tiếp nhận, đăng ký văn bản đến
- Trình, chuyển giao văn bản đến
- Giải quyết và theo dõi, đôn đốc việc giải quyết văn bản đến
+ Cả A, B và C đều đúng
"""

_CM_TPHT = """
@ easy | Luật Hộ tịch 2014, Điều 15
Theo Luật Hộ tịch năm 2014, trong thời hạn bao nhiêu ngày kể từ ngày sinh con, cha hoặc mẹ có trách
    nhiệm đăng ký khai sinh cho con?
+ 60 ngày
- 30 ngày
- 45 ngày
- 90 ngày
@ medium | Luật Hộ tịch 2014, Điều 33
Theo Luật Hộ tịch năm 2014, thời hạn đi đăng ký khai tử là bao lâu kể từ ngày có người chết?
+ 15 ngày
- 07 ngày
- 30 ngày
- 60 ngày
@ medium | Luật Hộ tịch 2014, Điều 15
Trường hợp cha, mẹ không thể đăng ký khai sinh cho con thì ai có trách nhiệm đăng ký khai sinh cho
    trẻ?
+ Ông hoặc bà hoặc người thân thích khác hoặc cá nhân, tổ chức đang nuôi dưỡng trẻ em
- Trưởng thôn, xóm nơi trẻ em cư trú
- Công chức tư pháp - hộ tịch tự đăng ký mà không cần người đi khai
- Chỉ Ủy ban nhân dân cấp xã mới có trách nhiệm đăng ký
@ medium | Luật Hộ tịch 2014, Điều 32
Theo Luật Hộ tịch năm 2014, cơ quan nào thực hiện đăng ký khai tử?
+ Ủy ban nhân dân cấp xã nơi cư trú cuối cùng của người chết
- Ủy ban nhân dân cấp xã nơi người chết được an táng
- Bệnh viện nơi người đó chết
- Công an cấp xã nơi người thân của người chết cư trú
@ easy | Luật Hộ tịch 2014, Điều 17
Theo Luật Hộ tịch năm 2014, Ủy ban nhân dân cấp xã nào thực hiện đăng ký kết hôn cho hai công dân
    Việt Nam cư trú ở trong nước?
+ Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên nam, nữ
- Ủy ban nhân dân cấp xã nơi cư trú của bên nam
- Ủy ban nhân dân cấp xã nơi cư trú của cha mẹ bên nữ
- Ủy ban nhân dân cấp xã nơi tổ chức lễ cưới
@ hard | Luật Hộ tịch 2014, Điều 18
Theo Luật Hộ tịch năm 2014, trường hợp cần xác minh điều kiện kết hôn của hai bên nam, nữ thì thời
    hạn giải quyết việc đăng ký kết hôn là bao lâu?
+ Không quá 05 ngày làm việc
- Không quá 03 ngày làm việc
- Không quá 10 ngày làm việc
- Không quá 15 ngày
@ medium | Nghị định số 123/2015/NĐ-CP, Điều 23
Giấy xác nhận tình trạng hôn nhân có giá trị sử dụng trong thời hạn bao lâu kể từ ngày cấp?
+ 06 tháng
- 03 tháng
- 12 tháng
- Không thời hạn
@ medium | Luật Hộ tịch 2014, Điều 14
Số định danh cá nhân của công dân được xác định vào thời điểm nào?
+ Khi đăng ký khai sinh
- Khi công dân đủ 14 tuổi làm thủ tục cấp căn cước
- Khi công dân đăng ký thường trú lần đầu
- Khi công dân đủ 18 tuổi
@ medium | Luật Hộ tịch 2014, Điều 16
Sau khi nhận đủ giấy tờ và thấy thông tin khai sinh đầy đủ, phù hợp, ai cấp Giấy khai sinh cho
    người được đăng ký khai sinh?
+ Chủ tịch Ủy ban nhân dân cấp xã
- Công chức tư pháp - hộ tịch
- Trưởng Công an cấp xã
- Chủ tịch Hội đồng nhân dân cấp xã
@ easy | Luật Hộ tịch 2014, Điều 2
Theo Luật Hộ tịch năm 2014, "hộ tịch" là gì?
+ Là những sự kiện được quy định trong Luật Hộ tịch, xác định tình trạng nhân thân của cá nhân từ
    khi sinh ra đến khi chết
- Là sổ ghi danh sách các hộ gia đình cư trú trên địa bàn xã
- Là thông tin về nơi thường trú, tạm trú của công dân
- Là giấy tờ tùy thân do cơ quan công an cấp cho công dân
@ medium | Luật Hộ tịch 2014, Điều 4
"Trích lục hộ tịch" là gì?
+ Là văn bản do cơ quan nhà nước có thẩm quyền cấp nhằm chứng minh sự kiện hộ tịch của cá nhân đã
    đăng ký tại cơ quan đăng ký hộ tịch
- Là bản chụp Sổ hộ tịch có chữ ký của người yêu cầu
- Là đơn đề nghị đăng ký hộ tịch của công dân
- Là biên bản xác minh sự kiện hộ tịch của công an cấp xã
@ medium | Luật Hôn nhân và gia đình 2014, Điều 5
Luật Hôn nhân và gia đình năm 2014 cấm kết hôn giữa những người có họ trong phạm vi mấy đời?
+ Ba đời
- Hai đời
- Bốn đời
- Năm đời
@ hard | Luật Nuôi con nuôi 2010, Điều 8
Theo Luật Nuôi con nuôi năm 2010, người được nhận làm con nuôi (trừ trường hợp được cha dượng, mẹ
    kế hoặc cô, cậu, dì, chú, bác ruột nhận) là trẻ em ở độ tuổi nào?
+ Dưới 16 tuổi
- Dưới 18 tuổi
- Dưới 14 tuổi
- Dưới 12 tuổi
@ hard | Bộ luật Dân sự 2015, Điều 28
Theo Bộ luật Dân sự năm 2015, việc thay đổi tên cho người từ đủ bao nhiêu tuổi trở lên phải có sự
    đồng ý của người đó?
+ Từ đủ 9 tuổi
- Từ đủ 6 tuổi
- Từ đủ 14 tuổi
- Từ đủ 15 tuổi
@ medium | Nghị định số 23/2015/NĐ-CP, Điều 5
Theo Nghị định số 23/2015/NĐ-CP, ở Ủy ban nhân dân cấp xã, ai ký chứng thực và đóng dấu của Ủy ban
    nhân dân cấp xã?
+ Chủ tịch hoặc Phó Chủ tịch Ủy ban nhân dân cấp xã
- Công chức tư pháp - hộ tịch
- Công chức văn phòng - thống kê
- Bí thư Đảng ủy xã
@ hard | Nghị định số 23/2015/NĐ-CP, Điều 7
Theo Nghị định số 23/2015/NĐ-CP, thời hạn chứng thực bản sao từ bản chính là bao lâu?
+ Trong ngày cơ quan tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau
    15 giờ
- Trong 03 ngày làm việc kể từ ngày nhận đủ hồ sơ
- Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ
- Ngay trong buổi làm việc, không có ngoại lệ
@ medium | Luật Hòa giải ở cơ sở 2013, Điều 12
Theo Luật Hòa giải ở cơ sở năm 2013, mỗi tổ hòa giải có ít nhất bao nhiêu hòa giải viên?
+ 03 hòa giải viên
- 02 hòa giải viên
- 05 hòa giải viên
- 07 hòa giải viên
@ easy | Luật Phổ biến, giáo dục pháp luật 2012, Điều 8
Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam là ngày nào?
+ Ngày 9 tháng 11 hằng năm
- Ngày 2 tháng 9 hằng năm
- Ngày 28 tháng 8 hằng năm
- Ngày 1 tháng 7 hằng năm
@ medium | Nghị định số 123/2015/NĐ-CP, Điều 14
Người phát hiện trẻ bị bỏ rơi có trách nhiệm gì?
+ Bảo vệ trẻ và thông báo ngay cho Ủy ban nhân dân cấp xã hoặc Công an cấp xã nơi trẻ bị bỏ rơi
- Đưa trẻ về nhà nuôi dưỡng và tự đăng ký khai sinh cho trẻ
- Đưa trẻ đến bệnh viện rồi không cần thông báo cho ai
- Đăng thông tin trên mạng xã hội để tìm cha mẹ trẻ trước khi báo chính quyền
@ medium | Luật Hộ tịch 2014, Điều 24
Cơ quan nào thực hiện đăng ký nhận cha, mẹ, con giữa công dân Việt Nam cư trú ở trong nước?
+ Ủy ban nhân dân cấp xã nơi cư trú của người nhận hoặc người được nhận là cha, mẹ, con
- Tòa án nhân dân nơi người yêu cầu cư trú
- Sở Tư pháp nơi người yêu cầu cư trú
- Phòng công chứng nơi người yêu cầu cư trú
@ hard | Luật Hộ tịch 2014
Cơ quan đăng ký hộ tịch có trách nhiệm lưu giữ Sổ hộ tịch như thế nào?
+ Lưu giữ, bảo quản vĩnh viễn
- Lưu giữ 20 năm rồi chuyển cơ quan lưu trữ lịch sử
- Lưu giữ 10 năm rồi tiêu hủy
- Lưu giữ đến khi người đăng ký qua đời
@ easy | Luật Hôn nhân và gia đình 2014, Điều 8
Theo Luật Hôn nhân và gia đình năm 2014, độ tuổi kết hôn được quy định như thế nào?
+ Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên
- Nam từ đủ 18 tuổi trở lên, nữ từ đủ 18 tuổi trở lên
- Nam từ đủ 22 tuổi trở lên, nữ từ đủ 20 tuổi trở lên
- Nam từ đủ 21 tuổi trở lên, nữ từ đủ 18 tuổi trở lên
@ medium | Luật Hòa giải ở cơ sở 2013, Điều 4
Nguyên tắc nào sau đây là nguyên tắc tổ chức, hoạt động hòa giải ở cơ sở?
+ Tôn trọng sự tự nguyện của các bên; không bắt buộc, áp đặt các bên trong hòa giải
- Kết quả hòa giải luôn có giá trị bắt buộc thi hành như bản án
- Hòa giải viên được quyết định thay các bên
- Chỉ hòa giải khi có yêu cầu của cơ quan công an
@ medium | Luật Phổ biến, giáo dục pháp luật 2012
Hình thức phổ biến, giáo dục pháp luật nào phù hợp nhất với người dân vùng sâu, vùng xa, đồng bào
    dân tộc thiểu số ở các xã miền núi Nghệ An?
+ Tuyên truyền miệng, qua hệ thống loa truyền thanh cơ sở, lồng ghép trong sinh hoạt cộng đồng và
    hòa giải ở cơ sở, dùng tiếng dân tộc khi cần
- Chỉ đăng văn bản pháp luật lên Cổng thông tin điện tử của tỉnh
- Gửi văn bản pháp luật qua thư điện tử cho từng hộ
- Tổ chức hội thảo khoa học tại trung tâm tỉnh
@ hard | Luật Hộ tịch 2014, Điều 16
Khi đăng ký khai sinh mà người đi đăng ký không có giấy chứng sinh, giấy tờ nào được dùng thay thế?
+ Văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì giấy cam đoan
    về việc sinh
- Chỉ cần lời khai của cha mẹ, không cần giấy tờ gì
- Xác nhận của trưởng thôn về nhân khẩu của gia đình
- Sổ hộ khẩu của gia đình có ghi tên trẻ
@ medium | Luật Hộ tịch 2014, Điều 19
Việc đăng ký giám hộ giữa công dân Việt Nam cư trú ở trong nước do cơ quan nào thực hiện?
+ Ủy ban nhân dân cấp xã nơi cư trú của người được giám hộ hoặc người giám hộ
- Tòa án nhân dân nơi cư trú của người được giám hộ
- Phòng Công chứng nơi người giám hộ cư trú
- Công an cấp xã nơi người giám hộ cư trú

@ medium multiple | Luật Hộ tịch 2014, Điều 14
Nội dung đăng ký khai sinh gồm những thông tin nào? (Chọn các phương án đúng)
+ Họ, chữ đệm và tên; giới tính; ngày, tháng, năm sinh
+ Nơi sinh; quê quán; dân tộc; quốc tịch
+ Thông tin của cha, mẹ: họ, chữ đệm và tên; năm sinh; dân tộc; quốc tịch; nơi cư trú
- Nhóm máu và cân nặng của trẻ khi sinh
@ medium multiple | Luật Hôn nhân và gia đình 2014, Điều 8
Những điều kiện nào sau đây là điều kiện kết hôn theo Luật Hôn nhân và gia đình năm 2014? (Chọn các
    phương án đúng)
+ Việc kết hôn do nam và nữ tự nguyện quyết định
+ Không bị mất năng lực hành vi dân sự
+ Việc kết hôn không thuộc một trong các trường hợp cấm kết hôn
- Phải có sự đồng ý bằng văn bản của cha mẹ hai bên
@ hard multiple | Nghị định số 23/2015/NĐ-CP, Điều 22
Trường hợp nào sau đây không được chứng thực bản sao từ bản chính? (Chọn các phương án đúng)
+ Bản chính bị tẩy xóa, sửa chữa, thêm, bớt nội dung không hợp lệ
+ Bản chính bị hư hỏng, cũ nát, không xác định được nội dung
+ Bản chính đóng dấu mật của cơ quan, tổ chức có thẩm quyền hoặc không đóng dấu mật nhưng ghi rõ
    không được sao chụp
- Bản chính do cơ quan nhà nước có thẩm quyền của Việt Nam cấp, còn nguyên vẹn, rõ ràng
@ medium multiple | Luật Hộ tịch 2014, Điều 3
Những việc nào sau đây thuộc nội dung đăng ký hộ tịch tại Ủy ban nhân dân cấp xã? (Chọn các phương
    án đúng)
+ Đăng ký khai sinh
+ Đăng ký kết hôn
+ Đăng ký khai tử
- Đăng ký thường trú

@ medium tf | Luật Hộ tịch 2014
Giấy khai sinh là giấy tờ hộ tịch gốc của cá nhân.
= đúng
@ easy tf | Luật Hộ tịch 2014, Điều 18
Khi đăng ký kết hôn, hai bên nam, nữ phải có mặt tại cơ quan đăng ký kết hôn.
= đúng
@ medium tf | Luật Hôn nhân và gia đình 2014, Điều 8
Nhà nước không thừa nhận hôn nhân giữa những người cùng giới tính.
= đúng
@ medium tf | Nghị định số 23/2015/NĐ-CP, Điều 3
Bản sao được chứng thực từ bản chính chỉ có giá trị tham khảo, không được sử dụng thay cho bản
    chính trong các giao dịch.
= sai

@ medium short | Luật Hộ tịch 2014, Điều 13
Cơ quan nào thực hiện đăng ký khai sinh cho trẻ em có cha, mẹ là công dân Việt Nam cư trú ở trong
    nước? (Ghi tên cơ quan)
= Ủy ban nhân dân cấp xã
= UBND cấp xã
= Ủy ban nhân dân xã
= UBND xã
@ medium short | Luật Hộ tịch 2014, Điều 4
Văn bản do cơ quan nhà nước có thẩm quyền cấp cho cá nhân khi đăng ký kết hôn để chứng nhận việc
    kết hôn có tên gọi là gì? (Ghi tên giấy tờ)
= Giấy chứng nhận kết hôn

@ hard numeric | Luật Nuôi con nuôi 2010, Điều 14
Theo Luật Nuôi con nuôi năm 2010, người nhận con nuôi phải hơn con nuôi từ bao nhiêu tuổi trở lên
    (trừ các trường hợp luật định)? (Ghi số)
= 20

@ medium essay p=10 | Luật Hộ tịch 2014, Điều 15, Điều 16; Nghị định số 123/2015/NĐ-CP
Tình huống: Một người dân đến Ủy ban nhân dân xã đăng ký khai sinh cho con đã 4 tháng tuổi; trẻ
    sinh tại nhà nên không có giấy chứng sinh; người cha làm việc xa nhà. Là công chức tư pháp - hộ
    tịch, anh (chị) giải quyết như thế nào?
> Xác định việc đăng ký khai sinh quá hạn 60 ngày vẫn được giải quyết; không từ chối vì quá hạn;
    nhắc nhở trách nhiệm đăng ký đúng hạn (2 điểm)
> Hướng dẫn giấy tờ thay giấy chứng sinh: văn bản của người làm chứng, nếu không có thì giấy cam
    đoan về việc sinh; giấy tờ tùy thân, giấy tờ chứng minh nơi cư trú (3 điểm)
> Nêu trình tự: kiểm tra, ghi Sổ hộ tịch, cập nhật Cơ sở dữ liệu hộ tịch điện tử, báo cáo Chủ tịch
    Ủy ban nhân dân cấp xã cấp Giấy khai sinh, số định danh cá nhân (3 điểm)
> Thái độ phục vụ, hướng dẫn một lần đầy đủ; có thể hướng dẫn đăng ký trực tuyến (2 điểm)
@ medium essay p=10 | Luật Hôn nhân và gia đình 2014, Điều 5, Điều 8; Luật Hộ tịch 2014, Điều 18
Tình huống: Hai người đến Ủy ban nhân dân xã đề nghị đăng ký kết hôn. Qua trao đổi, công chức tư
    pháp - hộ tịch có căn cứ nghi ngờ việc kết hôn nhằm mục đích được hưởng chế độ hỗ trợ tái định
    cư chứ không nhằm xây dựng gia đình. Anh (chị) xử lý như thế nào?
> Nêu điều kiện kết hôn và các trường hợp cấm, trong đó có kết hôn giả tạo (2 điểm)
> Tiến hành kiểm tra, xác minh trong thời hạn luật định (không quá 05 ngày làm việc) trước khi giải
    quyết (3 điểm)
> Nếu đủ điều kiện thì đăng ký; nếu có căn cứ kết hôn giả tạo thì từ chối bằng văn bản, nêu rõ lý
    do (3 điểm)
> Báo cáo lãnh đạo, phối hợp cơ quan liên quan; giữ thái độ khách quan, đúng pháp luật (2 điểm)
@ hard essay p=30 | Luật Phổ biến, giáo dục pháp luật 2012; Luật Hòa giải ở cơ sở 2013
Anh (chị) hãy xây dựng đề cương kế hoạch phổ biến, giáo dục pháp luật và hòa giải ở cơ sở năm tới
    của một xã miền núi tỉnh Nghệ An.
> Căn cứ pháp lý, đánh giá thực trạng nhận thức pháp luật và tình hình tranh chấp, vi phạm trên địa
    bàn (5 điểm)
> Mục đích, yêu cầu, đối tượng ưu tiên (đồng bào dân tộc thiểu số, người lao động, thanh thiếu
    niên) (5 điểm)
> Nội dung, hình thức phù hợp: tuyên truyền miệng, loa truyền thanh, tiếng dân tộc, Ngày Pháp luật
    9/11, củng cố tổ hòa giải (10 điểm)
> Phân công trách nhiệm, phối hợp với Mặt trận và các đoàn thể, kinh phí, tiến độ (6 điểm)
> Kiểm tra, đánh giá, báo cáo kết quả (4 điểm)
@ hard essay p=30 | Luật Hộ tịch 2014; Nghị định số 123/2015/NĐ-CP
Anh (chị) hãy xây dựng đề cương kế hoạch rà soát, số hóa Sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ
    tịch điện tử của xã.
> Căn cứ, thực trạng Sổ hộ tịch qua các thời kỳ, khối lượng dữ liệu cần số hóa (5 điểm)
> Mục tiêu, chỉ tiêu: tỷ lệ sổ được số hóa, dữ liệu được kiểm tra, đối chiếu (5 điểm)
> Quy trình: thống kê, sao chụp, nhập liệu, kiểm tra chất lượng, đối soát, lưu trữ an toàn, bảo mật
    thông tin cá nhân (10 điểm)
> Nhân lực, thiết bị, kinh phí, tiến độ, phân công (6 điểm)
> Nghiệm thu, khai thác dữ liệu phục vụ người dân (4 điểm)
"""

_CM_KT = """
# --- Giải thích từ ngữ (Điều 3): một câu hỏi xuôi, còn lại hỏi ngược ---
% ktname: Sổ kế toán; Báo cáo tài chính; Kiểm toán; Kế toán quản trị
@ easy | Luật Kế toán 2015, Điều 3
Theo Luật Kế toán năm 2015, "kế toán" là gì?
+ Là việc thu thập, xử lý, kiểm tra, phân tích và cung cấp thông tin kinh tế, tài chính dưới hình
    thức giá trị, hiện vật và thời gian lao động
- Là việc ghi chép các khoản thu, chi bằng tiền mặt của đơn vị
- Là việc lập dự toán và quyết toán ngân sách của đơn vị
- Là việc kiểm tra, đánh giá tính trung thực của báo cáo tài chính do tổ chức độc lập thực hiện
@ easy g=ktname | Luật Kế toán 2015, Điều 3
Những giấy tờ và vật mang tin phản ánh nghiệp vụ kinh tế, tài chính phát sinh và đã hoàn thành, làm
    căn cứ ghi sổ kế toán được gọi là gì?
+ Chứng từ kế toán
@ medium g=ktname | Luật Kế toán 2015, Điều 3
Theo Luật Kế toán năm 2015, khoảng thời gian xác định từ thời điểm đơn vị kế toán bắt đầu ghi sổ
    đến thời điểm kết thúc việc ghi sổ, khóa sổ để lập báo cáo tài chính được gọi là gì?
+ Kỳ kế toán
@ medium g=ktname | Luật Kế toán 2015, Điều 3
Việc cân, đong, đo, đếm số lượng; xác nhận và đánh giá chất lượng, giá trị của tài sản, nguồn vốn
    hiện có để đối chiếu với số liệu trong sổ kế toán được gọi là gì?
+ Kiểm kê tài sản
@ medium g=ktname | Luật Kế toán 2015, Điều 3
Chứng từ kế toán, sổ kế toán, báo cáo tài chính, báo cáo kế toán quản trị, báo cáo kiểm toán, báo
    cáo kiểm tra kế toán và tài liệu khác có liên quan đến kế toán được Luật Kế toán năm 2015 gọi
    chung là gì?
+ Tài liệu kế toán
@ hard g=ktname | Luật Kế toán 2015, Điều 3
Theo Luật Kế toán năm 2015, việc xem xét, đánh giá tuân thủ pháp luật về kế toán, sự trung thực,
    chính xác của thông tin, số liệu kế toán được gọi là gì?
+ Kiểm tra kế toán
@ hard g=ktname | Luật Kế toán 2015, Điều 3
Giá trị được ghi nhận ban đầu của tài sản hoặc nợ phải trả được Luật Kế toán năm 2015 gọi là gì?
+ Giá gốc

# --- Thời hạn lưu trữ tài liệu kế toán ---
@ medium | Luật Kế toán 2015, Điều 41; Nghị định số 174/2016/NĐ-CP
Chứng từ kế toán sử dụng trực tiếp để ghi sổ kế toán và lập báo cáo tài chính phải được lưu trữ tối
    thiểu bao lâu?
+ 10 năm
- 05 năm
- 20 năm
- Vĩnh viễn
@ hard | Luật Kế toán 2015, Điều 41; Nghị định số 174/2016/NĐ-CP
Tài liệu kế toán dùng cho quản lý, điều hành thường xuyên của đơn vị, không sử dụng trực tiếp để
    ghi sổ kế toán và lập báo cáo tài chính, phải lưu trữ tối thiểu bao lâu?
+ 05 năm
- 02 năm
- 10 năm
- 15 năm
@ hard | Luật Kế toán 2015, Điều 41; Nghị định số 174/2016/NĐ-CP
Tài liệu kế toán có tính sử liệu, có ý nghĩa quan trọng về kinh tế, an ninh, quốc phòng phải được
    lưu trữ như thế nào?
+ Lưu trữ vĩnh viễn
- Lưu trữ tối thiểu 10 năm
- Lưu trữ tối thiểu 20 năm
- Lưu trữ đến khi đơn vị giải thể

# --- Quy định của Luật Kế toán ---
@ easy | Luật Kế toán 2015, Điều 12
Theo Luật Kế toán năm 2015, kỳ kế toán năm thông thường được tính như thế nào?
+ 12 tháng, tính từ đầu ngày 01 tháng 01 đến hết ngày 31 tháng 12 năm dương lịch
- 12 tháng, tính từ đầu ngày 01 tháng 4 năm trước đến hết ngày 31 tháng 3 năm sau
- 12 tháng, tính từ ngày đơn vị được giao dự toán
- 6 tháng, tính từ đầu ngày 01 tháng 01 đến hết ngày 30 tháng 6
@ medium | Luật Kế toán 2015, Điều 11
Theo Luật Kế toán năm 2015, khi ghi chữ số trong kế toán, dấu phân cách hàng nghìn và phần thập
    phân được quy định như thế nào?
+ Sau chữ số hàng nghìn, triệu, tỷ... đặt dấu chấm (.); sau chữ số hàng đơn vị, khi còn ghi phần
    thập phân thì đặt dấu phẩy (,)
- Sau chữ số hàng nghìn đặt dấu phẩy (,); phần thập phân đặt dấu chấm (.)
- Không dùng dấu phân cách, ghi liền các chữ số
- Dùng khoảng trắng phân cách hàng nghìn; phần thập phân đặt dấu chấm (.)
@ medium | Luật Kế toán 2015, Điều 6
Theo nguyên tắc kế toán, giá trị tài sản và nợ phải trả được ghi nhận ban đầu theo giá nào?
+ Giá gốc
- Giá thị trường tại ngày lập báo cáo tài chính
- Giá do người đứng đầu đơn vị quyết định
- Giá bán dự kiến
@ medium | Luật Kế toán 2015, Điều 13
Hành vi nào sau đây bị nghiêm cấm theo Luật Kế toán năm 2015?
+ Lập hai hệ thống sổ kế toán tài chính trở lên
- Khóa sổ kế toán vào cuối kỳ kế toán
- Sửa chữa sổ kế toán bằng phương pháp ghi số âm
- Lưu trữ tài liệu kế toán trên phương tiện điện tử
@ medium | Luật Kế toán 2015, Điều 19
Chữ ký trên chứng từ kế toán phải đáp ứng yêu cầu nào?
+ Ký bằng loại mực không phai; không ký bằng mực màu đỏ hoặc đóng dấu chữ ký khắc sẵn
- Ký bằng mực màu đỏ để dễ phân biệt với nội dung chứng từ
- Được đóng dấu chữ ký khắc sẵn của người có thẩm quyền
- Được ký bằng bút chì để dễ sửa khi có sai sót
@ easy | Luật Kế toán 2015, Điều 18
Khi viết sai chứng từ kế toán thì xử lý thế nào?
+ Hủy bỏ bằng cách gạch chéo vào chứng từ viết sai
- Tẩy xóa chỗ sai rồi viết lại cho đúng
- Dùng bút xóa che chỗ sai và ký xác nhận
- Xé bỏ chứng từ viết sai và không lưu lại
@ medium | Luật Kế toán 2015, Điều 40
Theo Luật Kế toán năm 2015, đơn vị kế toán phải kiểm kê tài sản vào thời điểm nào?
+ Cuối kỳ kế toán năm, trước khi lập báo cáo tài chính (và các trường hợp khác theo quy định)
- Chỉ khi có quyết định thanh tra, kiểm toán
- Mỗi tháng một lần vào ngày đầu tháng
- Khi người đứng đầu đơn vị có yêu cầu
@ hard | Luật Kế toán 2015, Chương IV
Người có chuyên môn kế toán trình độ đại học muốn được bổ nhiệm kế toán trưởng phải có thời gian
    công tác thực tế về kế toán ít nhất bao lâu?
+ 02 năm
- 01 năm
- 03 năm
- 05 năm
@ hard | Luật Kế toán 2015, Chương IV
Người nào sau đây không được làm kế toán trong cùng một đơn vị kế toán là cơ quan nhà nước?
+ Thủ quỹ của chính đơn vị đó
- Người có chứng chỉ kế toán viên
- Người tốt nghiệp đại học chuyên ngành kế toán
- Người đã từng làm kế toán ở đơn vị khác
@ hard | Luật Kế toán 2015, Chương IV
Theo Luật Kế toán năm 2015, người nào sau đây không được bố trí làm kế toán trưởng trong đơn vị kế
    toán của cơ quan nhà nước?
+ Vợ của người đứng đầu đơn vị kế toán đó
- Người có chứng chỉ bồi dưỡng kế toán trưởng
- Người đã làm kế toán trưởng ở đơn vị khác
- Người có trình độ thạc sĩ kế toán
@ medium | Luật Kế toán 2015, Chương IV
Kế toán trưởng của cơ quan nhà nước có nhiệm vụ gì?
+ Tổ chức thực hiện công tác kế toán trong đơn vị kế toán và giúp người đại diện theo pháp luật
    giám sát tài chính tại đơn vị
- Quyết định dự toán ngân sách của đơn vị
- Trực tiếp phê duyệt quyết toán ngân sách của đơn vị
- Thay người đứng đầu ký chuẩn chi mọi khoản chi
@ easy | Luật Kế toán 2015, Điều 3; nguyên lý kế toán
Đẳng thức nào sau đây luôn đúng trong kế toán?
+ Tài sản = Nợ phải trả + Vốn chủ sở hữu
- Tài sản = Nợ phải trả - Vốn chủ sở hữu
- Tài sản + Nợ phải trả = Vốn chủ sở hữu
- Doanh thu = Tài sản - Chi phí
@ medium | Nguyên lý kế toán; hệ thống tài khoản kế toán hành chính, sự nghiệp
Đơn vị rút tiền gửi tại Kho bạc về nhập quỹ tiền mặt. Theo nguyên tắc ghi sổ kép, bút toán đúng là
    gì?
+ Nợ TK 111 (Tiền mặt) / Có TK 112 (Tiền gửi Ngân hàng, Kho bạc)
- Nợ TK 112 (Tiền gửi Ngân hàng, Kho bạc) / Có TK 111 (Tiền mặt)
- Nợ TK 111 (Tiền mặt) / Có TK 511 (Thu hoạt động do ngân sách nhà nước cấp)
- Chỉ ghi Nợ TK 111 (Tiền mặt), không ghi tài khoản đối ứng
@ medium | Nguyên lý kế toán
Theo nguyên tắc ghi chép trên tài khoản tài sản, số phát sinh tăng của tài sản được ghi vào bên
    nào?
+ Bên Nợ
- Bên Có
- Ghi đồng thời cả hai bên
- Ghi ngoài bảng cân đối tài khoản
@ medium | Luật Kế toán 2015, Điều 10
Theo Luật Kế toán năm 2015, đơn vị tiền tệ trong kế toán là gì?
+ Đồng Việt Nam, trừ trường hợp đơn vị có nghiệp vụ thu, chi chủ yếu bằng ngoại tệ được chọn ngoại
    tệ theo quy định
- Đô la Mỹ đối với mọi đơn vị có giao dịch với nước ngoài
- Do người đứng đầu đơn vị tự quyết định
- Đồng Việt Nam hoặc vàng quy đổi
@ medium | Luật Kế toán 2015, Điều 5
Theo Luật Kế toán năm 2015, yêu cầu nào sau đây là yêu cầu kế toán?
+ Phản ánh kịp thời, đúng thời gian quy định thông tin, số liệu kế toán
- Chỉ phản ánh các nghiệp vụ có giá trị lớn
- Phản ánh theo ý kiến chỉ đạo của người đứng đầu
- Chỉ cần phản ánh số liệu vào cuối năm
@ easy | Luật Kế toán 2015
Luật Kế toán hiện hành (Luật số 88/2015/QH13) có hiệu lực thi hành từ ngày nào?
+ 01/01/2017
- 01/7/2016
- 01/01/2016
- 01/7/2017

@ medium multiple | Luật Kế toán 2015, Điều 27
Theo Luật Kế toán năm 2015, sổ kế toán ghi sai được sửa chữa bằng những phương pháp nào? (Chọn các
    phương án đúng)
+ Phương pháp ghi cải chính
+ Phương pháp ghi số âm
+ Phương pháp ghi bổ sung
- Phương pháp tẩy xóa và ghi lại
@ medium multiple | Luật Kế toán 2015, Điều 6
Những nội dung nào sau đây là nguyên tắc kế toán theo Luật Kế toán năm 2015? (Chọn các phương án
    đúng)
+ Các quy định và phương pháp kế toán đã chọn phải được áp dụng nhất quán trong kỳ kế toán năm
+ Thông tin, số liệu kế toán phải được phản ánh khách quan, đầy đủ, đúng thực tế và đúng kỳ kế toán
+ Đơn vị kế toán phải sử dụng phương pháp đánh giá tài sản và phân bổ các khoản thu, chi một cách
    thận trọng
- Ghi nhận tài sản theo giá do người đứng đầu đơn vị quyết định
@ medium multiple | Luật Kế toán 2015, Điều 16
Chứng từ kế toán phải có những nội dung chủ yếu nào? (Chọn các phương án đúng)
+ Tên và số hiệu của chứng từ kế toán; ngày, tháng, năm lập chứng từ
+ Nội dung nghiệp vụ kinh tế, tài chính phát sinh; số lượng, đơn giá và số tiền
+ Chữ ký, họ và tên của người lập, người duyệt và những người có liên quan
- Ý kiến đánh giá của đơn vị cấp trên về nghiệp vụ
@ hard multiple | Luật Kế toán 2015, Điều 13
Những hành vi nào sau đây bị nghiêm cấm trong hoạt động kế toán? (Chọn các phương án đúng)
+ Giả mạo, khai man, thỏa thuận hoặc ép buộc người khác giả mạo, khai man, tẩy xóa tài liệu kế toán
+ Để ngoài sổ kế toán tài sản, nợ phải trả của đơn vị kế toán
+ Hủy bỏ hoặc cố ý làm hư hỏng tài liệu kế toán trước thời hạn lưu trữ
- Lưu trữ tài liệu kế toán dưới dạng điện tử theo quy định

@ easy tf | Luật Kế toán 2015, Điều 18
Chứng từ kế toán bị tẩy xóa, sửa chữa không có giá trị thanh toán và ghi sổ kế toán.
= đúng
@ medium tf | Nghị định số 174/2016/NĐ-CP
Sổ kế toán tổng hợp và báo cáo tài chính năm của đơn vị phải được lưu trữ tối thiểu 10 năm.
= đúng
@ medium tf | Luật Kế toán 2015, Chương IV
Theo Luật Kế toán năm 2015, người làm kế toán có quyền độc lập về chuyên môn, nghiệp vụ kế toán.
= đúng
@ easy tf | Luật Kế toán 2015, Điều 40
Theo Luật Kế toán năm 2015, đơn vị kế toán chỉ phải kiểm kê tài sản khi có quyết định thanh tra.
= sai

@ easy short | Luật Kế toán 2015, Điều 10
Ký hiệu quốc tế của đồng Việt Nam được dùng trong kế toán là gì? (Ghi ký hiệu)
= VND

@ easy numeric | Nguyên lý kế toán
Một đơn vị có tổng tài sản 850 triệu đồng, nợ phải trả 320 triệu đồng. Vốn chủ sở hữu (nguồn vốn
    thuần) của đơn vị là bao nhiêu triệu đồng? (Ghi số)
= 530
@ medium numeric | Nguyên lý kế toán; chế độ tính hao mòn tài sản cố định
Một tài sản cố định có nguyên giá 240 triệu đồng, thời gian sử dụng 8 năm, tính hao mòn theo phương
    pháp đường thẳng. Mức hao mòn mỗi năm là bao nhiêu triệu đồng? (Ghi số)
= 30

@ medium essay p=10 | Luật Kế toán 2015; Luật Ngân sách nhà nước 2015, Điều 12
Tình huống: Thủ trưởng đơn vị yêu cầu kế toán chi thanh toán một khoản tiếp khách vượt định mức
    trong quy chế chi tiêu nội bộ và không có trong dự toán được giao. Là kế toán, anh (chị) xử lý
    như thế nào?
> Nêu điều kiện chi ngân sách: có trong dự toán, đúng chế độ, tiêu chuẩn, định mức, được thủ trưởng
    chuẩn chi (2 điểm)
> Xác định quyền và trách nhiệm của người làm kế toán: độc lập về chuyên môn; từ chối thực hiện yêu
    cầu trái pháp luật (3 điểm)
> Cách xử lý: báo cáo bằng văn bản, giải thích quy định, đề xuất phương án đúng (điều chỉnh dự
    toán, chi trong định mức) (3 điểm)
> Thái độ ứng xử phù hợp, giữ đúng nguyên tắc mà vẫn tôn trọng thủ trưởng (2 điểm)
@ medium essay p=10 | Luật Kế toán 2015, Điều 40
Tình huống: Khi kiểm kê quỹ tiền mặt cuối năm, tiền mặt thực tế tại quỹ thiếu 3.500.000 đồng so với
    sổ kế toán. Anh (chị) xử lý như thế nào?
> Lập biên bản kiểm kê quỹ, xác định số chênh lệch, chữ ký của thủ quỹ, kế toán, người chứng kiến
    (3 điểm)
> Kiểm tra lại chứng từ, sổ sách để tìm nguyên nhân (ghi sổ sai, thiếu chứng từ, mất mát) (3 điểm)
> Báo cáo thủ trưởng; xử lý theo nguyên nhân: điều chỉnh sổ, bồi thường, xử lý trách nhiệm (2 điểm)
> Đề xuất biện pháp: kiểm kê quỹ định kỳ, đối chiếu hằng ngày, tách bạch thủ quỹ và kế toán (2
    điểm)
@ hard essay p=30 | Luật Kế toán 2015; Luật Ngân sách nhà nước 2015
Anh (chị) hãy xây dựng đề cương kế hoạch tự kiểm tra tài chính, kế toán năm của cơ quan, đơn vị
    mình.
> Căn cứ, mục đích, yêu cầu của việc tự kiểm tra (5 điểm)
> Nội dung kiểm tra: dự toán, thu, chi, tài sản, quỹ tiền mặt, chứng từ, sổ sách, báo cáo tài
    chính, công khai tài chính (10 điểm)
> Phương pháp, thành phần tổ kiểm tra, thời gian, tiến độ (6 điểm)
> Xử lý kết quả: báo cáo, kiến nghị, khắc phục sai sót, xử lý trách nhiệm (5 điểm)
> Trình bày đúng thể thức, khả thi (4 điểm)
@ hard essay p=30 | Nghị định số 60/2021/NĐ-CP; Luật Kế toán 2015
Anh (chị) hãy xây dựng đề cương dự thảo quy chế chi tiêu nội bộ của cơ quan, đơn vị nơi mình công
    tác.
> Căn cứ pháp lý, nguyên tắc xây dựng (công khai, dân chủ, không vượt chế độ do cơ quan có thẩm
    quyền quy định) (6 điểm)
> Nội dung: các khoản chi thanh toán cho cá nhân, chi hoạt động chuyên môn, công tác phí, hội nghị,
    văn phòng phẩm, điện thoại, xăng xe; định mức cụ thể (12 điểm)
> Sử dụng kinh phí tiết kiệm được, quỹ của đơn vị (nếu có) (5 điểm)
> Tổ chức thực hiện: lấy ý kiến, trách nhiệm, kiểm tra, sửa đổi bổ sung (7 điểm)

@ medium fixed | Luật Kế toán 2015, Điều 4
Theo Luật Kế toán năm 2015, nhiệm vụ của kế toán gồm những nội dung nào?
- Thu thập, xử lý thông tin, số liệu kế toán theo đối tượng và nội dung công việc kế toán
- Kiểm tra, giám sát các khoản thu, chi tài chính, nghĩa vụ thu, nộp, thanh toán nợ
- Phân tích thông tin, số liệu kế toán; tham mưu, đề xuất các giải pháp phục vụ yêu cầu quản
    trị và quyết định kinh tế, tài chính
+ Cả A, B và C đều đúng
"""

_CM_QLTC = """
# --- Giải thích từ ngữ (Điều 4): một câu hỏi xuôi, còn lại hỏi ngược ---
% nsname/spend: Chi dự trữ quốc gia; Chi trả nợ lãi
% nsname/unit: Đơn vị cấp trên quản lý ngân sách; Kho bạc Nhà nước
% nsname/transfer: Số bổ sung có mục tiêu; Dự phòng ngân sách nhà nước; Số kết dư ngân sách
@ easy | Luật Ngân sách nhà nước 2015, Điều 4
Theo Luật Ngân sách nhà nước năm 2015, "ngân sách nhà nước" là gì?
+ Là toàn bộ các khoản thu, chi của Nhà nước được dự toán và thực hiện trong một khoảng thời gian
    nhất định do cơ quan nhà nước có thẩm quyền quyết định để bảo đảm thực hiện các chức năng,
    nhiệm vụ của Nhà nước
- Là toàn bộ tài sản công do cơ quan, tổ chức, đơn vị quản lý
- Là các khoản thuế, phí, lệ phí mà người dân nộp trong một năm
- Là số tiền Kho bạc Nhà nước đang quản lý tại một thời điểm
@ medium g=nsname/spend | Luật Ngân sách nhà nước 2015, Điều 4
Nhiệm vụ chi của ngân sách nhà nước nhằm bảo đảm hoạt động của bộ máy nhà nước, tổ chức chính trị,
    tổ chức chính trị - xã hội, hỗ trợ hoạt động của các tổ chức khác và thực hiện các nhiệm vụ
    thường xuyên của Nhà nước được gọi là gì?
+ Chi thường xuyên
@ medium g=nsname/spend | Luật Ngân sách nhà nước 2015, Điều 4
Theo Luật Ngân sách nhà nước năm 2015, nhiệm vụ chi gồm chi đầu tư xây dựng cơ bản và một số nhiệm
    vụ chi đầu tư khác theo quy định của pháp luật được gọi là gì?
+ Chi đầu tư phát triển
@ hard g=nsname/unit | Luật Ngân sách nhà nước 2015, Điều 4
Cơ quan, tổ chức, đơn vị được cấp có thẩm quyền giao dự toán ngân sách được Luật Ngân sách nhà nước
    năm 2015 gọi là gì?
+ Đơn vị dự toán ngân sách
@ hard g=nsname/unit | Luật Ngân sách nhà nước 2015, Điều 4
Theo Luật Ngân sách nhà nước năm 2015, đơn vị dự toán ngân sách được giao trực tiếp quản lý, sử
    dụng ngân sách được gọi là gì?
+ Đơn vị sử dụng ngân sách
@ hard g=nsname/transfer | Luật Ngân sách nhà nước 2015, Điều 4
Khoản ngân sách cấp trên bổ sung cho ngân sách cấp dưới để chính quyền cấp dưới cân đối ngân sách
    cấp mình thực hiện nhiệm vụ được giao được gọi là gì?
+ Số bổ sung cân đối ngân sách

# --- Quy định của Luật Ngân sách nhà nước ---
@ easy | Luật Ngân sách nhà nước 2015, Điều 14
Năm ngân sách được tính như thế nào?
+ Bắt đầu từ ngày 01 tháng 01 và kết thúc vào ngày 31 tháng 12 năm dương lịch
- Bắt đầu từ ngày 01 tháng 4 năm trước và kết thúc vào ngày 31 tháng 3 năm sau
- Bắt đầu từ ngày 01 tháng 7 năm trước và kết thúc vào ngày 30 tháng 6 năm sau
- Bắt đầu từ ngày Quốc hội thông qua dự toán ngân sách
@ easy | Luật Ngân sách nhà nước 2015, Điều 6
Theo Luật Ngân sách nhà nước năm 2015, ngân sách nhà nước gồm những bộ phận nào?
+ Ngân sách trung ương và ngân sách địa phương
- Ngân sách trung ương, ngân sách tỉnh và ngân sách các doanh nghiệp nhà nước
- Ngân sách của Chính phủ và ngân sách của Quốc hội
- Ngân sách thường xuyên và ngân sách đầu tư
@ medium | Luật Ngân sách nhà nước 2015, Điều 10
Mức bố trí dự phòng ngân sách nhà nước ở mỗi cấp ngân sách là bao nhiêu so với tổng chi ngân sách
    mỗi cấp?
+ Từ 2% đến 4%
- Từ 1% đến 2%
- Từ 5% đến 7%
- Không quá 10%
@ medium | Luật Ngân sách nhà nước 2015, Điều 7
Theo Luật Ngân sách nhà nước năm 2015, bội chi ngân sách nhà nước chỉ được sử dụng cho mục đích
    nào?
+ Chi đầu tư phát triển, không sử dụng cho chi thường xuyên
- Chi thường xuyên khi thu ngân sách không đạt dự toán
- Chi trả lương cho cán bộ, công chức
- Chi khen thưởng cuối năm
@ hard | Luật Ngân sách nhà nước 2015, Điều 7
Nguyên tắc cân đối ngân sách nhà nước theo Luật Ngân sách nhà nước năm 2015 yêu cầu điều gì?
+ Tổng số thu từ thuế, phí, lệ phí phải lớn hơn tổng số chi thường xuyên
- Tổng thu ngân sách phải bằng tổng chi ngân sách trong mọi năm
- Tổng chi đầu tư phát triển không vượt quá tổng chi thường xuyên
- Thu từ vay nợ phải lớn hơn chi trả nợ
@ hard | Luật Ngân sách nhà nước 2015
Theo Luật Ngân sách nhà nước năm 2015, Quốc hội quyết định dự toán ngân sách nhà nước, phương án
    phân bổ ngân sách trung ương năm sau trước ngày nào?
+ Trước ngày 15 tháng 11
- Trước ngày 01 tháng 10
- Trước ngày 31 tháng 12
- Trước ngày 10 tháng 12
@ hard | Luật Ngân sách nhà nước 2015
Hội đồng nhân dân cấp tỉnh quyết định dự toán ngân sách địa phương, phân bổ ngân sách cấp tỉnh năm
    sau trước ngày nào?
+ Trước ngày 10 tháng 12
- Trước ngày 15 tháng 11
- Trước ngày 31 tháng 12
- Trước ngày 01 tháng 12
@ hard | Luật Ngân sách nhà nước 2015
Theo Luật Ngân sách nhà nước năm 2015, thời gian chỉnh lý quyết toán ngân sách nhà nước kéo dài đến
    khi nào?
+ Đến hết ngày 31 tháng 01 năm sau
- Đến hết ngày 31 tháng 12 năm ngân sách
- Đến hết ngày 31 tháng 3 năm sau
- Đến hết ngày 30 tháng 6 năm sau
@ easy | Luật Ngân sách nhà nước 2015, Điều 19
Cơ quan nào quyết định dự toán ngân sách nhà nước, phân bổ ngân sách trung ương và phê chuẩn quyết
    toán ngân sách nhà nước?
+ Quốc hội
- Chính phủ
- Bộ Tài chính
- Kiểm toán nhà nước
@ medium | Luật Ngân sách nhà nước 2015
Ở địa phương, cơ quan nào lập dự toán ngân sách địa phương trình Hội đồng nhân dân cùng cấp quyết
    định?
+ Ủy ban nhân dân cùng cấp
- Kho bạc Nhà nước
- Cơ quan thuế
- Ủy ban Mặt trận Tổ quốc cùng cấp
@ easy | Luật Ngân sách nhà nước 2015, Điều 5
Khoản nào sau đây KHÔNG phải là thu ngân sách nhà nước?
+ Tiền gửi tiết kiệm của người dân tại ngân hàng thương mại
- Thuế
- Phí, lệ phí
- Viện trợ không hoàn lại của Chính phủ nước ngoài
@ hard | Luật Ngân sách nhà nước 2015, Điều 11
Theo Luật Ngân sách nhà nước năm 2015, quỹ dự trữ tài chính được thành lập ở những cấp nào?
+ Ở trung ương và cấp tỉnh
- Ở tất cả các cấp ngân sách
- Chỉ ở trung ương
- Ở cấp tỉnh và cấp xã
@ hard | Luật Ngân sách nhà nước 2015
Kết dư ngân sách của các cấp ở địa phương, trừ cấp tỉnh, được xử lý như thế nào?
+ Hạch toán toàn bộ vào thu ngân sách năm sau
- Nộp toàn bộ về ngân sách trung ương
- Trích toàn bộ vào quỹ dự trữ tài chính
- Chia cho các đơn vị sử dụng ngân sách
@ hard | Nghị định số 60/2021/NĐ-CP
Theo Nghị định số 60/2021/NĐ-CP, đơn vị sự nghiệp công lập được phân loại theo mức độ tự chủ tài
    chính thành mấy nhóm?
+ 04 nhóm
- 02 nhóm
- 03 nhóm
- 05 nhóm
@ medium | Luật Quản lý, sử dụng tài sản công 2017
Luật nào điều chỉnh việc quản lý, sử dụng trụ sở làm việc, xe ô tô, máy móc, thiết bị của cơ quan
    nhà nước?
+ Luật Quản lý, sử dụng tài sản công năm 2017
- Luật Ngân sách nhà nước năm 2015
- Luật Đầu tư công
- Luật Kế toán năm 2015
@ medium | Luật Ngân sách nhà nước 2015, Điều 18
Hành vi nào sau đây bị nghiêm cấm theo Luật Ngân sách nhà nước năm 2015?
+ Chi ngân sách không có dự toán, không đúng dự toán được giao, trừ trường hợp luật cho phép
- Chi ngân sách đúng chế độ, tiêu chuẩn, định mức
- Công khai dự toán ngân sách đã được giao
- Sử dụng dự phòng ngân sách để khắc phục hậu quả thiên tai
@ medium | Luật Ngân sách nhà nước 2015, Điều 10
Dự phòng ngân sách nhà nước được sử dụng cho nhiệm vụ nào?
+ Phòng, chống, khắc phục hậu quả thiên tai, thảm họa, dịch bệnh, cứu đói và các nhiệm vụ quan
    trọng, cấp bách phát sinh ngoài dự toán
- Tăng lương, thưởng cuối năm cho cán bộ, công chức
- Mua sắm xe ô tô phục vụ công tác
- Chi tiếp khách, hội nghị thường xuyên
@ medium | Luật Thực hành tiết kiệm, chống lãng phí 2013
Luật Thực hành tiết kiệm, chống lãng phí hiện hành được Quốc hội thông qua năm nào?
+ Năm 2013
- Năm 2005
- Năm 2018
- Năm 2020

@ medium multiple | Luật Ngân sách nhà nước 2015, Điều 12
Khoản chi ngân sách nhà nước chỉ được thực hiện khi đáp ứng những điều kiện nào? (Chọn các phương
    án đúng)
+ Đã có trong dự toán ngân sách được giao, trừ trường hợp luật định
+ Đúng chế độ, tiêu chuẩn, định mức chi do cơ quan nhà nước có thẩm quyền quy định
+ Đã được thủ trưởng đơn vị sử dụng ngân sách hoặc người được ủy quyền quyết định chi
- Được lãnh đạo cấp trên đồng ý bằng lời nói
@ medium multiple | Luật Ngân sách nhà nước 2015, Điều 5
Những khoản nào sau đây thuộc chi ngân sách nhà nước? (Chọn các phương án đúng)
+ Chi đầu tư phát triển
+ Chi dự trữ quốc gia
+ Chi trả nợ lãi
- Chi cho vay của ngân hàng thương mại
@ hard multiple | Nghị định số 60/2021/NĐ-CP
Những nhóm nào sau đây là nhóm đơn vị sự nghiệp công lập theo mức độ tự chủ tài chính? (Chọn các
    phương án đúng)
+ Đơn vị tự bảo đảm chi thường xuyên và chi đầu tư
+ Đơn vị tự bảo đảm chi thường xuyên
+ Đơn vị tự bảo đảm một phần chi thường xuyên
- Đơn vị được miễn toàn bộ nghĩa vụ quyết toán
@ medium multiple | Luật Ngân sách nhà nước 2015, Điều 15
Những nội dung nào sau đây phải được công khai theo Luật Ngân sách nhà nước năm 2015? (Chọn các
    phương án đúng)
+ Dự toán ngân sách đã được cấp có thẩm quyền quyết định
+ Tình hình thực hiện ngân sách nhà nước
+ Quyết toán ngân sách nhà nước
- Nội dung thuộc bí mật nhà nước về ngân sách

@ medium tf | Luật Ngân sách nhà nước 2015, Điều 16
Theo Luật Ngân sách nhà nước năm 2015, Mặt trận Tổ quốc Việt Nam các cấp chủ trì tổ chức việc giám
    sát ngân sách nhà nước của cộng đồng.
= đúng
@ easy tf | Luật Ngân sách nhà nước 2015, Điều 12
Đơn vị sử dụng ngân sách được chi vượt dự toán được giao nếu thủ trưởng đơn vị đồng ý.
= sai
@ medium tf | Luật Quản lý, sử dụng tài sản công 2017
Mọi tài sản công đều phải được Nhà nước giao quyền quản lý, quyền sử dụng và các hình thức trao
    quyền khác cho cơ quan, tổ chức, đơn vị và đối tượng khác theo quy định.
= đúng
@ hard tf | Luật Ngân sách nhà nước 2015, Điều 7
Theo Luật Ngân sách nhà nước năm 2015, ngân sách địa phương cấp xã được phép bội chi để chi đầu tư
    phát triển.
= sai

@ easy short | Luật Ngân sách nhà nước 2015
Cơ quan nào thực hiện kiểm soát, thanh toán các khoản chi ngân sách nhà nước cho đơn vị sử dụng
    ngân sách? (Ghi tên cơ quan)
= Kho bạc Nhà nước
= Kho bạc
= KBNN

@ hard numeric | Luật Ngân sách nhà nước 2015
Theo Luật Ngân sách nhà nước năm 2015, kết dư ngân sách cấp tỉnh được trích bao nhiêu phần trăm vào
    quỹ dự trữ tài chính cùng cấp? (Ghi số)
= 50

@ medium essay p=10 | Luật Ngân sách nhà nước 2015; Luật Thực hành tiết kiệm, chống lãng phí 2013
Tình huống: Tháng 11, đơn vị còn dư nhiều dự toán chi thường xuyên. Một số ý kiến đề nghị chi hết
    để mua sắm trang thiết bị chưa thực sự cần thiết vì "không chi thì bị thu hồi". Là chuyên viên
    tài chính, anh (chị) tham mưu xử lý như thế nào?
> Nêu nguyên tắc chi ngân sách: đúng dự toán, đúng chế độ, định mức, tiết kiệm, hiệu quả (2 điểm)
> Phân tích rủi ro của việc chi không cần thiết: lãng phí, vi phạm Luật Thực hành tiết kiệm, chống
    lãng phí, trách nhiệm người đứng đầu (3 điểm)
> Đề xuất: rà soát nhu cầu thực tế, chỉ mua sắm đúng quy định; xử lý số dư dự toán theo quy định
    (chuyển nguồn nếu đủ điều kiện hoặc hủy dự toán); sử dụng kinh phí tiết kiệm theo quy chế chi
    tiêu nội bộ (3 điểm)
> Lập văn bản tham mưu, công khai, dân chủ trong đơn vị (2 điểm)
@ medium essay p=10 | Luật Ngân sách nhà nước 2015, Điều 10
Tình huống: Mưa lũ gây sạt lở đường giao thông và nhà dân ở một xã miền núi; xã cần kinh phí khẩn
    cấp để di dời dân và khắc phục hậu quả. Anh (chị) tham mưu việc bố trí kinh phí như thế nào?
> Xác định nguồn dự phòng ngân sách được sử dụng cho khắc phục hậu quả thiên tai và các nhiệm vụ
    cấp bách (3 điểm)
> Nêu thẩm quyền quyết định sử dụng dự phòng và việc báo cáo Hội đồng nhân dân (2 điểm)
> Đề xuất trình tự: đánh giá thiệt hại, lập dự toán, quyết định chi, tạm ứng, thanh toán qua Kho
    bạc, quyết toán (3 điểm)
> Huy động thêm nguồn lực hợp pháp, đề nghị ngân sách cấp trên hỗ trợ, công khai minh bạch (2 điểm)
@ hard essay p=30 | Luật Ngân sách nhà nước 2015
Anh (chị) hãy xây dựng đề cương báo cáo thuyết minh dự toán ngân sách năm sau của cơ quan, đơn vị
    mình.
> Đánh giá tình hình thực hiện dự toán năm hiện hành: thu, chi, kết quả nhiệm vụ (6 điểm)
> Căn cứ lập dự toán: nhiệm vụ được giao, định mức phân bổ, chế độ chi tiêu, biên chế (6 điểm)
> Dự toán thu, chi chi tiết theo nội dung; thuyết minh các khoản tăng, giảm (10 điểm)
> Giải pháp tổ chức thực hiện, tiết kiệm chi thường xuyên; kiến nghị (5 điểm)
> Trình bày đúng thể thức, số liệu logic (3 điểm)
@ hard essay p=30 | Luật Thực hành tiết kiệm, chống lãng phí 2013
Anh (chị) hãy xây dựng đề cương chương trình thực hành tiết kiệm, chống lãng phí năm tới của cơ
    quan, đơn vị mình.
> Căn cứ, mục tiêu, yêu cầu (5 điểm)
> Chỉ tiêu tiết kiệm cụ thể: chi thường xuyên, hội nghị, công tác phí, điện, nước, văn phòng phẩm;
    quản lý tài sản công (10 điểm)
> Giải pháp: công khai, ứng dụng công nghệ thông tin, quy chế chi tiêu nội bộ, kiểm tra, giám sát
    (8 điểm)
> Tổ chức thực hiện, chế độ báo cáo, khen thưởng và xử lý vi phạm (7 điểm)
"""

_CM_TTV = """
# --- Giải thích từ ngữ: một câu hỏi xuôi, còn lại hỏi ngược ---
% knname/claim: Khiếu nại; Kiến nghị; Phản ánh
% knname/act: Quyết định kỷ luật; Văn bản quy phạm pháp luật
% knname/step: Đối thoại; Xác minh nội dung khiếu nại; Giải quyết khiếu nại
@ easy | Luật Khiếu nại 2011, Điều 2
Theo Luật Khiếu nại năm 2011, "khiếu nại" là gì?
+ Là việc công dân, cơ quan, tổ chức hoặc cán bộ, công chức đề nghị cơ quan, tổ chức, cá nhân có
    thẩm quyền xem xét lại quyết định hành chính, hành vi hành chính hoặc quyết định kỷ luật cán
    bộ, công chức khi có căn cứ cho rằng quyết định, hành vi đó trái pháp luật, xâm phạm quyền, lợi
    ích hợp pháp của mình
- Là việc cá nhân báo cho cơ quan, tổ chức, cá nhân có thẩm quyền về hành vi vi phạm pháp luật của
    bất kỳ cơ quan, tổ chức, cá nhân nào
- Là việc công dân đề xuất ý kiến với cơ quan nhà nước về việc xây dựng chính sách, pháp luật
- Là việc công dân yêu cầu Tòa án xét xử vụ án hành chính
@ easy g=knname/claim | Luật Tố cáo 2018, Điều 2
Việc cá nhân báo cho cơ quan, tổ chức, cá nhân có thẩm quyền về hành vi vi phạm pháp luật của bất
    kỳ cơ quan, tổ chức, cá nhân nào gây thiệt hại hoặc đe dọa gây thiệt hại đến lợi ích của Nhà
    nước, quyền và lợi ích hợp pháp của cơ quan, tổ chức, cá nhân được gọi là gì?
+ Tố cáo
@ medium g=knname/act | Luật Khiếu nại 2011, Điều 2
Theo Luật Khiếu nại năm 2011, văn bản do cơ quan hành chính nhà nước hoặc người có thẩm quyền trong
    cơ quan hành chính nhà nước ban hành để quyết định về một vấn đề cụ thể trong hoạt động quản lý
    hành chính, áp dụng một lần đối với một hoặc một số đối tượng cụ thể, được gọi là gì?
+ Quyết định hành chính
@ medium g=knname/act | Luật Khiếu nại 2011, Điều 2
Theo Luật Khiếu nại năm 2011, việc cơ quan hành chính nhà nước, người có thẩm quyền trong cơ quan
    hành chính nhà nước thực hiện hoặc không thực hiện nhiệm vụ, công vụ theo quy định của pháp
    luật được gọi là gì?
+ Hành vi hành chính
@ hard g=knname/step | Luật Khiếu nại 2011, Điều 2
Theo Luật Khiếu nại năm 2011, việc người khiếu nại đề nghị cơ quan, tổ chức, cá nhân có thẩm quyền
    chấm dứt khiếu nại của mình được gọi là gì?
+ Rút khiếu nại
@ medium | Luật Khiếu nại 2011, Điều 2
Theo Luật Khiếu nại năm 2011, giải quyết khiếu nại gồm những công việc nào?
+ Thụ lý, xác minh, kết luận và ra quyết định giải quyết khiếu nại
- Tiếp nhận đơn và chuyển cho cơ quan cấp trên xử lý
- Tổ chức đối thoại và lập biên bản đối thoại
- Xác minh và đăng công khai kết quả trên báo

# --- Thời hạn, thời hiệu ---
@ medium | Luật Khiếu nại 2011, Điều 27
Trong thời hạn bao nhiêu ngày kể từ ngày nhận được khiếu nại thuộc thẩm quyền, người có thẩm quyền
    giải quyết khiếu nại lần đầu phải thụ lý giải quyết (nếu không thuộc trường hợp không thụ lý)?
+ 10 ngày
- 05 ngày
- 15 ngày
- 30 ngày
@ medium | Luật Khiếu nại 2011, Điều 28
Thời hạn giải quyết khiếu nại lần đầu (ở địa bàn không thuộc vùng sâu, vùng xa) là bao lâu?
+ Không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 45 ngày
- Không quá 15 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 30 ngày
- Không quá 45 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 60 ngày
- Không quá 60 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 90 ngày
@ hard | Luật Khiếu nại 2011, Điều 37
Theo Luật Khiếu nại năm 2011, đối với địa bàn bình thường, việc giải quyết khiếu nại lần hai phải
    hoàn thành trong thời hạn nào?
+ Không quá 45 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 60 ngày
- Không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 45 ngày
- Không quá 60 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 70 ngày
- Không quá 90 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 120 ngày
@ hard | Luật Khiếu nại 2011, Điều 33
Người khiếu nại không đồng ý với quyết định giải quyết khiếu nại lần đầu (địa bàn bình thường) có
    quyền khiếu nại lần hai trong thời hạn nào?
+ 30 ngày kể từ ngày hết thời hạn giải quyết hoặc kể từ ngày nhận được quyết định giải quyết khiếu
    nại lần đầu
- 15 ngày kể từ ngày nhận quyết định giải quyết lần đầu
- 60 ngày kể từ ngày hết thời hạn giải quyết khiếu nại lần đầu
- 90 ngày kể từ ngày nhận quyết định giải quyết lần đầu
@ hard | Luật Khiếu nại 2011, Chương V
Theo Luật Khiếu nại năm 2011, thời hiệu khiếu nại lần đầu đối với quyết định kỷ luật cán bộ, công
    chức là bao lâu?
+ 15 ngày kể từ ngày cán bộ, công chức nhận được quyết định kỷ luật
- 30 ngày kể từ ngày nhận được quyết định kỷ luật
- 90 ngày kể từ ngày nhận được quyết định kỷ luật
- 10 ngày kể từ ngày quyết định kỷ luật có hiệu lực
@ medium | Luật Tố cáo 2018, Điều 30
Thời hạn giải quyết tố cáo theo Luật Tố cáo năm 2018 là bao lâu?
+ Không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp gia hạn một lần không quá 30 ngày; đặc biệt
    phức tạp gia hạn hai lần, mỗi lần không quá 30 ngày
- Không quá 15 ngày kể từ ngày thụ lý, không được gia hạn
- Không quá 60 ngày kể từ ngày thụ lý; được gia hạn nhiều lần, mỗi lần không quá 30 ngày
- Không quá 90 ngày kể từ ngày nhận được đơn tố cáo
@ hard | Luật Tố cáo 2018, Điều 24
Theo Luật Tố cáo năm 2018, trong thời hạn bao lâu kể từ ngày nhận được tố cáo, cơ quan có trách
    nhiệm phải vào sổ, phân loại, xử lý ban đầu thông tin tố cáo và kiểm tra điều kiện thụ lý?
+ 07 ngày làm việc
- 03 ngày làm việc
- 10 ngày
- 15 ngày
@ medium | Luật Tiếp công dân 2013, Điều 15
Theo Luật Tiếp công dân năm 2013, Chủ tịch Ủy ban nhân dân cấp xã phải trực tiếp tiếp công dân tại
    địa điểm tiếp công dân định kỳ ít nhất bao lâu một lần?
+ Ít nhất 01 ngày trong 01 tuần
- Ít nhất 01 ngày trong 01 tháng
- Ít nhất 02 ngày trong 01 tháng
- Ít nhất 01 ngày trong 01 quý
@ hard | Luật Tiếp công dân 2013
Người đứng đầu Ủy ban nhân dân tỉnh theo Luật Tiếp công dân năm 2013 phải dành thời gian tiếp công
    dân định kỳ tối thiểu như thế nào?
+ Ít nhất 01 ngày trong 01 tháng
- Ít nhất 01 ngày trong 01 tuần
- Ít nhất 01 ngày trong 01 quý
- Ít nhất 02 ngày trong 01 năm

# --- Thẩm quyền, trình tự ---
@ medium | Luật Khiếu nại 2011, Điều 17
Ai có thẩm quyền giải quyết khiếu nại lần đầu đối với quyết định hành chính, hành vi hành chính của
    Chủ tịch Ủy ban nhân dân cấp xã?
+ Chủ tịch Ủy ban nhân dân cấp xã
- Chủ tịch Hội đồng nhân dân cấp xã
- Chánh Thanh tra tỉnh
- Tòa án nhân dân khu vực
@ medium | Luật Tố cáo 2018, Điều 12
Tố cáo hành vi vi phạm pháp luật trong việc thực hiện nhiệm vụ, công vụ của công chức do ai giải
    quyết?
+ Người đứng đầu cơ quan, tổ chức có thẩm quyền quản lý công chức đó
- Chánh Thanh tra Chính phủ
- Chủ tịch Ủy ban Mặt trận Tổ quốc cùng cấp
- Thủ trưởng cơ quan điều tra cùng cấp
@ hard | Luật Tố cáo 2018, Điều 25
Đối với tố cáo không rõ họ tên, địa chỉ của người tố cáo (tố cáo nặc danh), cơ quan có thẩm quyền
    xử lý như thế nào?
+ Không thụ lý giải quyết; nếu nội dung rõ ràng, có tài liệu, chứng cứ cụ thể và có cơ sở để thẩm
    tra, xác minh thì tiến hành thanh tra, kiểm tra theo thẩm quyền
- Thụ lý giải quyết như mọi tố cáo khác
- Lưu đơn, không xem xét trong mọi trường hợp
- Chuyển ngay đơn cho người bị tố cáo để giải trình
@ easy | Luật Khiếu nại 2011, Điều 8
Theo Luật Khiếu nại năm 2011, việc khiếu nại được thực hiện bằng hình thức nào?
+ Bằng đơn khiếu nại hoặc khiếu nại trực tiếp
- Chỉ bằng đơn có xác nhận của Ủy ban nhân dân cấp xã
- Chỉ bằng đơn gửi qua bưu điện
- Chỉ bằng điện thoại đến đường dây nóng
@ medium | Luật Tố cáo 2018, Điều 9
Người tố cáo có nghĩa vụ nào sau đây?
+ Trình bày trung thực về nội dung tố cáo, cung cấp thông tin, tài liệu mà mình có; chịu trách
    nhiệm trước pháp luật về nội dung tố cáo của mình
- Phải tự thu thập đầy đủ chứng cứ trước khi tố cáo
- Phải công khai nội dung tố cáo trên phương tiện thông tin đại chúng
- Phải nộp phí giải quyết tố cáo
@ medium | Luật Thanh tra 2022
Nguyên tắc hoạt động thanh tra là gì?
+ Tuân theo pháp luật, bảo đảm chính xác, khách quan, trung thực, công khai, dân chủ, kịp thời;
    không làm cản trở hoạt động bình thường của đối tượng thanh tra
- Bí mật tuyệt đối mọi kết quả thanh tra
- Thanh tra theo yêu cầu của bất kỳ cá nhân nào
- Ưu tiên xử lý theo ý kiến của đối tượng thanh tra
@ medium | Luật Khiếu nại 2011, Điều 30
Trong quá trình giải quyết khiếu nại lần đầu, khi nào người giải quyết khiếu nại phải tổ chức đối
    thoại?
+ Khi yêu cầu của người khiếu nại và kết quả xác minh nội dung khiếu nại còn khác nhau
- Trong mọi trường hợp, kể cả khi người khiếu nại đồng ý với kết quả xác minh
- Chỉ khi người khiếu nại là cơ quan, tổ chức
- Chỉ khi có yêu cầu của Tòa án
@ hard | Luật Khiếu nại 2011, Điều 7
Hết thời hạn giải quyết khiếu nại lần đầu mà khiếu nại không được giải quyết, người khiếu nại có
    quyền gì?
+ Khiếu nại lần hai đến người có thẩm quyền hoặc khởi kiện vụ án hành chính tại Tòa án
- Chỉ được khiếu nại lần hai, không được khởi kiện
- Chỉ được khởi kiện, không được khiếu nại lần hai
- Phải chờ đến khi có quyết định giải quyết lần đầu
@ easy | Luật Tiếp công dân 2013
Nơi tiếp công dân đến khiếu nại, tố cáo, kiến nghị, phản ánh tại cấp tỉnh được gọi là gì?
+ Trụ sở tiếp công dân tỉnh
- Bộ phận Một cửa tỉnh
- Phòng Tiếp dân của Sở Nội vụ
- Trung tâm Phục vụ hành chính công tỉnh
@ medium | Luật Tố cáo 2018, Chương VI
Việc bảo vệ người tố cáo bao gồm nội dung nào?
+ Giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo; bảo vệ vị
    trí công tác, việc làm, tính mạng, sức khỏe, tài sản khi có nguy cơ bị xâm hại
- Công khai họ tên người tố cáo để tăng tính minh bạch
- Cho người bị tố cáo biết người tố cáo để đối chất
- Chỉ bảo vệ khi người tố cáo là cán bộ, công chức
@ medium | Luật Thanh tra 2022
Ngạch công chức chuyên ngành thanh tra gồm những ngạch nào?
+ Thanh tra viên, Thanh tra viên chính, Thanh tra viên cao cấp
- Thanh tra viên sơ cấp, Thanh tra viên trung cấp, Thanh tra viên cao cấp
- Kiểm tra viên, Thanh tra viên, Thanh tra viên chính
- Thanh tra viên hạng III, hạng II, hạng I
@ easy | Luật Khiếu nại 2011, Điều 9
Thời hiệu khiếu nại đối với quyết định hành chính, hành vi hành chính được tính từ thời điểm nào?
+ Từ ngày nhận được quyết định hành chính hoặc biết được quyết định hành chính, hành vi hành chính
- Từ ngày quyết định hành chính được ký ban hành
- Từ ngày người khiếu nại viết đơn
- Từ ngày cơ quan ra quyết định hành chính thông báo công khai trên báo

@ medium multiple | Luật Tiếp công dân 2013, Điều 9
Người tiếp công dân được từ chối tiếp những trường hợp nào? (Chọn các phương án đúng)
+ Người trong tình trạng say do dùng chất kích thích, người mắc bệnh tâm thần hoặc bệnh khác làm
    mất khả năng nhận thức, điều khiển hành vi
+ Người có hành vi đe dọa, xúc phạm cơ quan, tổ chức, đơn vị, người tiếp công dân, người thi hành
    công vụ
+ Người khiếu nại, tố cáo về vụ việc đã giải quyết đúng chính sách, pháp luật, đã được kiểm tra, rà
    soát, thông báo bằng văn bản, đã được tiếp, giải thích, hướng dẫn nhưng vẫn cố tình khiếu nại,
    tố cáo kéo dài
- Người cao tuổi lần đầu đến trình bày khiếu nại
@ hard multiple | Luật Khiếu nại 2011, Điều 11
Khiếu nại thuộc trường hợp nào sau đây không được thụ lý giải quyết? (Chọn các phương án đúng)
+ Quyết định hành chính, hành vi hành chính trong nội bộ cơ quan nhà nước để chỉ đạo, tổ chức thực
    hiện nhiệm vụ, công vụ
+ Người khiếu nại không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp
+ Thời hiệu, thời hạn khiếu nại đã hết mà không có lý do chính đáng
- Khiếu nại lần đầu đối với quyết định hành chính của Chủ tịch Ủy ban nhân dân cấp xã
@ medium multiple | Luật Khiếu nại 2011; Luật Tố cáo 2018
Những điểm nào sau đây phân biệt đúng khiếu nại với tố cáo? (Chọn các phương án đúng)
+ Khiếu nại nhằm bảo vệ quyền, lợi ích hợp pháp của chính người khiếu nại
+ Tố cáo nhằm báo cho cơ quan có thẩm quyền biết về hành vi vi phạm pháp luật của bất kỳ cơ quan,
    tổ chức, cá nhân nào
+ Cơ quan, tổ chức có quyền khiếu nại; tố cáo chỉ do cá nhân thực hiện
- Khiếu nại và tố cáo đều phải thực hiện trong thời hiệu 90 ngày
@ medium multiple | Luật Tiếp công dân 2013
Khi tiếp công dân, người tiếp công dân có trách nhiệm gì? (Chọn các phương án đúng)
+ Đề nghị công dân nêu rõ họ tên, địa chỉ hoặc xuất trình giấy tờ tùy thân
+ Lắng nghe, ghi chép đầy đủ, chính xác nội dung công dân trình bày
+ Hướng dẫn, giải thích cho công dân về quyền, nghĩa vụ và nơi có thẩm quyền giải quyết
- Hứa hẹn với công dân kết quả giải quyết trước khi xác minh

@ medium tf | Luật Khiếu nại 2011, Điều 10
Người khiếu nại có thể rút khiếu nại tại bất cứ thời điểm nào trong quá trình khiếu nại và giải
    quyết khiếu nại; việc rút khiếu nại phải được thực hiện bằng đơn.
= đúng
@ easy tf | Luật Tố cáo 2018, Điều 2
Theo Luật Tố cáo năm 2018, cơ quan, tổ chức cũng có quyền tố cáo như cá nhân.
= sai
@ medium tf | Luật Tố cáo 2018, Chương VI
Cơ quan giải quyết tố cáo có trách nhiệm giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá
    nhân khác của người tố cáo.
= đúng
@ hard tf | Luật Khiếu nại 2011, Điều 28
Ở vùng sâu, vùng xa đi lại khó khăn, thời hạn giải quyết khiếu nại lần đầu không quá 45 ngày kể từ
    ngày thụ lý; vụ việc phức tạp không quá 60 ngày.
= đúng

@ medium short | Luật Khiếu nại 2011
Văn bản do người có thẩm quyền ban hành để kết luận và giải quyết một vụ việc khiếu nại được gọi là
    gì? (Ghi tên văn bản)
= quyết định giải quyết khiếu nại

@ easy numeric | Luật Khiếu nại 2011, Điều 9
Theo Luật Khiếu nại năm 2011, thời hiệu khiếu nại là bao nhiêu ngày kể từ ngày nhận được hoặc biết
    được quyết định hành chính, hành vi hành chính? (Ghi số)
= 90

@ medium essay p=10 | Luật Tiếp công dân 2013; Luật Khiếu nại 2011
Tình huống: Khoảng 20 người dân cùng đến trụ sở Ủy ban nhân dân xã khiếu nại về mức bồi thường giải
    phóng mặt bằng một dự án, một số người lời lẽ gay gắt, đòi gặp ngay Chủ tịch. Là công chức được
    giao tiếp công dân, anh (chị) xử lý như thế nào?
> Giữ bình tĩnh, bảo đảm an ninh trật tự; đề nghị đoàn cử người đại diện theo quy định về khiếu nại
    đông người (2 điểm)
> Tiếp, lắng nghe, ghi chép đầy đủ nội dung, tiếp nhận đơn, tài liệu (2 điểm)
> Báo cáo ngay Chủ tịch Ủy ban nhân dân xã; phối hợp Công an, Mặt trận, đoàn thể vận động, thuyết
    phục (3 điểm)
> Hướng dẫn quyền khiếu nại, thẩm quyền và trình tự giải quyết; theo dõi, thông báo kết quả; không
    hứa hẹn ngoài thẩm quyền (3 điểm)
@ medium essay p=10 | Luật Tố cáo 2018, Điều 25
Tình huống: Ủy ban nhân dân cấp trên nhận được đơn không ghi tên người gửi, tố cáo một lãnh đạo xã
    nhận tiền của người dân khi giải quyết hồ sơ đất đai; đơn kèm bản chụp tin nhắn chuyển khoản.
    Anh (chị) tham mưu xử lý đơn như thế nào?
> Xác định đây là đơn không rõ họ tên người tố cáo, không thụ lý giải quyết theo thủ tục tố cáo (2
    điểm)
> Nội dung rõ ràng, có tài liệu, chứng cứ cụ thể: đề xuất thanh tra, kiểm tra theo thẩm quyền (3
    điểm)
> Giữ bí mật nguồn tin, bảo quản tài liệu; xác minh khách quan, không để lộ thông tin cho người bị
    phản ánh (3 điểm)
> Báo cáo kết quả, xử lý trách nhiệm nếu có vi phạm; chuyển cơ quan điều tra nếu có dấu hiệu tội
    phạm (2 điểm)
@ hard essay p=30 | Luật Thanh tra 2022
Anh (chị) hãy xây dựng đề cương kế hoạch tiến hành một cuộc thanh tra việc quản lý, sử dụng ngân
    sách và tài sản công tại một đơn vị sự nghiệp công lập.
> Căn cứ pháp lý, mục đích, yêu cầu của cuộc thanh tra (5 điểm)
> Đối tượng, nội dung, phạm vi, thời kỳ thanh tra (8 điểm)
> Phương pháp tiến hành, thành phần đoàn thanh tra, thời hạn, lịch làm việc (7 điểm)
> Chế độ báo cáo, kết luận thanh tra, công khai kết luận và theo dõi việc thực hiện (6 điểm)
> Bảo đảm điều kiện, phòng ngừa xung đột lợi ích của thành viên đoàn (4 điểm)
@ hard essay p=30 | Luật Tiếp công dân 2013; Luật Khiếu nại 2011; Luật Tố cáo 2018
Anh (chị) hãy xây dựng đề cương kế hoạch công tác tiếp công dân, giải quyết khiếu nại, tố cáo năm
    tới của cơ quan, địa phương nơi mình công tác.
> Đánh giá tình hình khiếu nại, tố cáo năm qua; dự báo tình hình (6 điểm)
> Mục tiêu, chỉ tiêu: tỷ lệ giải quyết đúng hạn, tỷ lệ vụ việc tồn đọng được giải quyết (6 điểm)
> Nhiệm vụ, giải pháp: lịch tiếp công dân định kỳ của người đứng đầu, đối thoại, phối hợp, tuyên
    truyền pháp luật (10 điểm)
> Phân công trách nhiệm, chế độ báo cáo, kiểm tra (5 điểm)
> Trình bày đúng thể thức kế hoạch, khả thi (3 điểm)

@ medium fixed | Luật Khiếu nại 2011, Điều 12
Theo Luật Khiếu nại năm 2011, người khiếu nại có những quyền nào sau đây?
- Tự mình khiếu nại hoặc thông qua người đại diện để khiếu nại
- Rút khiếu nại
- Được nhận quyết định giải quyết khiếu nại
+ Cả A, B và C đều đúng
"""

_CM_TCCB = """
# --- Văn bản về công tác cán bộ: nội dung chính ---
% tccbdoc: Về chế độ nâng bậc lương thường xuyên, nâng bậc lương trước thời hạn; Về văn hóa công vụ
@ medium g=tccbdoc | Quy định số 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị
Quy định số 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị quy định về nội dung gì?
+ Về công tác quy hoạch cán bộ
@ medium g=tccbdoc | Quy định số 80-QĐ/TW ngày 18/8/2022 của Bộ Chính trị
Quy định số 80-QĐ/TW năm 2022 của Bộ Chính trị có nội dung gì?
+ Về phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử
@ hard g=tccbdoc | Quy định số 65-QĐ/TW ngày 28/4/2022 của Bộ Chính trị
Bộ Chính trị ban hành Quy định số 65-QĐ/TW ngày 28/4/2022 về nội dung nào?
+ Về luân chuyển cán bộ
@ medium g=tccbdoc | Nghị định số 62/2020/NĐ-CP
Nghị định số 62/2020/NĐ-CP của Chính phủ quy định về vấn đề gì?
+ Về vị trí việc làm và biên chế công chức
@ medium g=tccbdoc | Nghị định số 101/2017/NĐ-CP (sửa đổi bởi Nghị định số 89/2021/NĐ-CP)
Nghị định số 101/2017/NĐ-CP (được sửa đổi, bổ sung năm 2021) quy định về nội dung gì?
+ Về đào tạo, bồi dưỡng cán bộ, công chức, viên chức
@ easy g=tccbdoc | Nghị định số 90/2020/NĐ-CP (sửa đổi bởi Nghị định số 48/2023/NĐ-CP)
Nghị định số 90/2020/NĐ-CP của Chính phủ quy định về nội dung gì?
+ Về đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức
@ hard g=tccbdoc | Nghị định số 154/2025/NĐ-CP
Nghị định số 154/2025/NĐ-CP của Chính phủ quy định về vấn đề gì?
+ Về tinh giản biên chế

# --- Xếp loại theo Nghị định 335/2025 (thang 100 điểm) ---
@ easy g=band | Nghị định số 335/2025/NĐ-CP
Theo Nghị định số 335/2025/NĐ-CP, công chức đạt tổng điểm đánh giá 92 điểm (không thuộc trường hợp
    bị xếp loại không hoàn thành nhiệm vụ) được xếp loại ở mức nào?
+ Hoàn thành xuất sắc nhiệm vụ
@ medium g=band | Nghị định số 335/2025/NĐ-CP
Một công chức có kết quả đánh giá từ 70 đến dưới 90 điểm theo Nghị định số 335/2025/NĐ-CP thì được
    xếp loại gì?
+ Hoàn thành tốt nhiệm vụ
@ medium g=band | Nghị định số 335/2025/NĐ-CP
Công chức được 58 điểm trên thang 100 theo Nghị định số 335/2025/NĐ-CP thì xếp loại ở mức nào?
+ Hoàn thành nhiệm vụ
@ easy g=band | Nghị định số 335/2025/NĐ-CP
Theo Nghị định số 335/2025/NĐ-CP, công chức có tổng điểm dưới 50 điểm thì bị xếp loại như thế nào?
+ Không hoàn thành nhiệm vụ

# --- Đánh giá, tuyển dụng, sử dụng ---
@ medium | Nghị định số 90/2020/NĐ-CP (sửa đổi bởi Nghị định số 48/2023/NĐ-CP)
Theo Nghị định số 90/2020/NĐ-CP (sửa đổi năm 2023), tỷ lệ công chức được xếp loại "Hoàn thành xuất
    sắc nhiệm vụ" được giới hạn như thế nào?
+ Không vượt quá 20% số được xếp loại "Hoàn thành tốt nhiệm vụ" trong cùng cơ quan và theo từng
    nhóm đối tượng có nhiệm vụ tương đồng
- Không vượt quá 20% tổng số công chức của cơ quan
- Không vượt quá 30% số được xếp loại "Hoàn thành tốt nhiệm vụ"
- Không giới hạn tỷ lệ
@ medium | Nghị định số 90/2020/NĐ-CP
Theo Nghị định số 90/2020/NĐ-CP, việc đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức
    hằng năm phải hoàn thành trước thời điểm nào?
+ Trước ngày 15 tháng 12 hằng năm, trước khi đánh giá, xếp loại đảng viên và bình xét thi đua, khen
    thưởng
- Trước ngày 31 tháng 12 hằng năm
- Trước ngày 31 tháng 01 năm sau
- Trước ngày 30 tháng 11 hằng năm
@ medium | Nghị định số 48/2023/NĐ-CP
Theo Nghị định số 48/2023/NĐ-CP, công chức bị xử lý kỷ luật trong năm đánh giá thì được xếp loại
    chất lượng ở mức nào?
+ Không hoàn thành nhiệm vụ (trừ trường hợp hành vi vi phạm đã được tính khi xếp loại năm trước)
- Hoàn thành nhiệm vụ
- Hoàn thành tốt nhiệm vụ nếu chỉ bị khiển trách
- Không xếp loại
@ hard | Nghị định số 335/2025/NĐ-CP
Theo Nghị định số 335/2025/NĐ-CP, mỗi sản phẩm, công việc bị chậm tiến độ hoặc không bảo đảm chất
    lượng (không có lý do khách quan được xác nhận) bị trừ bao nhiêu phần trăm số điểm của sản
    phẩm, công việc đó?
+ 25%
- 10%
- 50%
- 100%
@ medium | Nghị định số 116/2024/NĐ-CP
Theo Nghị định số 138/2020/NĐ-CP được sửa đổi bởi Nghị định số 116/2024/NĐ-CP, phần thi kiến thức
    chung ở vòng 1 thi tuyển công chức gồm bao nhiêu câu hỏi và trong thời gian bao lâu?
+ 60 câu hỏi trắc nghiệm, thời gian 60 phút
- 30 câu hỏi trắc nghiệm, thời gian 30 phút
- 100 câu hỏi trắc nghiệm, thời gian 120 phút
- 50 câu hỏi trắc nghiệm, thời gian 45 phút
@ hard | Nghị định số 116/2024/NĐ-CP
Nghị định số 116/2024/NĐ-CP đã bỏ phần thi nào khỏi vòng 1 thi tuyển công chức?
+ Phần thi tin học
- Phần thi kiến thức chung
- Phần thi ngoại ngữ đối với vị trí việc làm yêu cầu ngoại ngữ
- Vòng 2 thi môn nghiệp vụ chuyên ngành
@ medium | Nghị định số 138/2020/NĐ-CP
Điều kiện để thí sinh được vào vòng 2 thi tuyển công chức là gì?
+ Trả lời đúng từ 50% số câu hỏi trở lên cho từng phần thi ở vòng 1
- Trả lời đúng từ 60% tổng số câu hỏi ở vòng 1
- Trả lời đúng từ 70% số câu hỏi phần kiến thức chung
- Chỉ cần dự thi đủ các phần ở vòng 1
@ medium | Nghị định số 138/2020/NĐ-CP
Người trúng tuyển trong kỳ thi tuyển công chức phải có kết quả điểm thi vòng 2 như thế nào?
+ Từ 50 điểm trở lên (thang 100) và có kết quả cao hơn lấy theo thứ tự trong phạm vi chỉ tiêu tuyển
    dụng
- Từ 65 điểm trở lên
- Từ 80 điểm trở lên
- Bất kỳ điểm nào, chỉ xét theo thứ tự
@ hard | Nghị định số 06/2023/NĐ-CP
Theo Nghị định số 06/2023/NĐ-CP, kiểm định chất lượng đầu vào công chức được tổ chức định kỳ như
    thế nào?
+ 02 lần trong năm, vào tháng 7 và tháng 11
- 01 lần trong năm, vào tháng 6
- 04 lần trong năm, mỗi quý một lần
- Khi cơ quan tuyển dụng có nhu cầu
@ easy | Quy định số 80-QĐ/TW năm 2022; Nghị định số 138/2020/NĐ-CP
Thời hạn giữ chức vụ lãnh đạo, quản lý của công chức được bổ nhiệm là bao lâu?
+ 05 năm
- 03 năm
- 04 năm
- Không thời hạn
@ medium | Thông tư số 08/2013/TT-BNV
Theo chế độ nâng bậc lương thường xuyên, công chức giữ ngạch chuyên viên (trình độ đại học) được
    xét nâng một bậc lương sau thời gian giữ bậc bao lâu (nếu đủ điều kiện)?
+ 36 tháng
- 24 tháng
- 12 tháng
- 48 tháng
@ medium | Luật Cán bộ, công chức 2008, Điều 53
Theo Luật Cán bộ, công chức năm 2008, thời hạn biệt phái công chức không quá bao lâu (trừ một số
    ngành, lĩnh vực do Chính phủ quy định)?
+ 03 năm
- 01 năm
- 02 năm
- 05 năm
@ hard | Nghị định số 154/2025/NĐ-CP
Theo Nghị định số 154/2025/NĐ-CP, trường hợp nào sau đây thuộc diện tinh giản biên chế xét theo kết
    quả đánh giá, xếp loại?
+ Có 01 năm được xếp loại chất lượng ở mức không hoàn thành nhiệm vụ trong năm trước liền kề hoặc
    trong năm thực hiện xét tinh giản biên chế
- Có 01 năm được xếp loại hoàn thành nhiệm vụ
- Có 02 năm liên tiếp được xếp loại hoàn thành tốt nhiệm vụ
- Có 01 năm không được đánh giá do nghỉ thai sản
@ hard | Nghị định số 154/2025/NĐ-CP
Theo Nghị định số 154/2025/NĐ-CP, trường hợp nào sau đây chưa xem xét tinh giản biên chế (trừ khi
    tự nguyện)?
+ Đang mang thai, nghỉ thai sản hoặc đang nuôi con dưới 36 tháng tuổi
- Có 01 năm xếp loại không hoàn thành nhiệm vụ
- Dôi dư do sắp xếp tổ chức bộ máy
- Chưa đạt trình độ đào tạo theo tiêu chuẩn của vị trí việc làm
@ medium | Quy định số 114-QĐ/TW ngày 11/7/2023 của Bộ Chính trị
Quy định số 114-QĐ/TW năm 2023 của Bộ Chính trị thay thế quy định nào?
+ Quy định số 205-QĐ/TW năm 2019 về kiểm soát quyền lực trong công tác cán bộ và chống chạy chức,
    chạy quyền
- Quy định số 37-QĐ/TW năm 2021 về những điều đảng viên không được làm
- Quy định số 08-QĐi/TW năm 2018 về trách nhiệm nêu gương
- Quy định số 69-QĐ/TW năm 2022 về kỷ luật đảng viên
@ hard | Thông tư số 2/2021/TT-BNV
Theo Thông tư số 2/2021/TT-BNV, mã số của ngạch chuyên viên là gì?
+ 01.003
- 01.002
- 01.004
- 01.001
@ medium | Luật Cán bộ, công chức 2008; Nghị định số 62/2020/NĐ-CP
Căn cứ quan trọng nhất để xác định biên chế và bố trí công chức trong cơ quan hành chính là gì?
+ Vị trí việc làm
- Số lượng phòng, ban của cơ quan
- Thâm niên công tác của công chức
- Đề xuất của công đoàn cơ quan
@ medium | Kế hoạch số 212-KH/TU ngày 09/10/2019 của Ban Thường vụ Tỉnh ủy Nghệ An
Theo Kế hoạch số 212-KH/TU năm 2019 của Ban Thường vụ Tỉnh ủy Nghệ An, việc kiểm tra, sát hạch công
    chức gồm những phần nào?
+ Trắc nghiệm kiến thức chung; xử lý tình huống, nhiệm vụ gắn với vị trí việc làm; xây dựng và bảo
    vệ đề cương kế hoạch, chương trình, đề án
- Chỉ thi trắc nghiệm tin học và ngoại ngữ
- Viết tiểu luận chính trị và phỏng vấn
- Thi viết chuyên môn 180 phút và thi ngoại ngữ
@ medium | Nghị định số 90/2020/NĐ-CP (sửa đổi bởi Nghị định số 48/2023/NĐ-CP)
Ai có thẩm quyền đánh giá, xếp loại chất lượng công chức không giữ chức vụ lãnh đạo, quản lý?
+ Người đứng đầu cơ quan, tổ chức, đơn vị quản lý, sử dụng công chức
- Tập thể công chức trong phòng bỏ phiếu quyết định
- Ban Chấp hành công đoàn cơ quan
- Cơ quan tổ chức cán bộ cấp trên
@ hard | Nghị định số 90/2020/NĐ-CP
Theo Nghị định số 90/2020/NĐ-CP, công chức có thời gian công tác trong năm dưới bao lâu thì không
    thực hiện đánh giá, xếp loại chất lượng nhưng vẫn phải kiểm điểm (trừ trường hợp nghỉ chế độ
    thai sản)?
+ Dưới 06 tháng
- Dưới 03 tháng
- Dưới 09 tháng
- Dưới 12 tháng
@ easy | Nghị định số 90/2020/NĐ-CP, Điều 3
Theo Nghị định số 90/2020/NĐ-CP, nhóm tiêu chí chung khi đánh giá công chức gồm những nội dung nào?
+ Chính trị tư tưởng; đạo đức, lối sống; tác phong, lề lối làm việc; ý thức tổ chức kỷ luật
- Số năm công tác; trình độ ngoại ngữ, tin học
- Thành tích thi đua; số lần được khen thưởng
- Mức độ hài lòng của lãnh đạo trực tiếp

@ medium multiple | Quy định số 205-QĐ/TW năm 2019; Quy định số 114-QĐ/TW năm 2023
Quyền lực trong công tác cán bộ cần được kiểm soát trong những khâu nào? (Chọn các phương án đúng)
+ Tuyển dụng, đánh giá, quy hoạch
+ Bổ nhiệm, giới thiệu ứng cử, luân chuyển, điều động
+ Khen thưởng, kỷ luật, kiểm tra, giám sát
- Chỉ khâu bầu cử tại đại hội
@ medium multiple | Nghị định số 90/2020/NĐ-CP
Quy trình đánh giá, xếp loại chất lượng công chức (không giữ chức vụ lãnh đạo) gồm những bước nào?
    (Chọn các phương án đúng)
+ Công chức tự đánh giá, xếp loại theo mẫu
+ Tổ chức cuộc họp để nhận xét, đánh giá đối với công chức
+ Người có thẩm quyền quyết định xếp loại và thông báo kết quả
- Bốc thăm chọn người được xếp loại hoàn thành xuất sắc nhiệm vụ
@ hard multiple | Nghị định số 154/2025/NĐ-CP
Những trường hợp nào sau đây thuộc đối tượng tinh giản biên chế theo Nghị định số 154/2025/NĐ-CP?
    (Chọn các phương án đúng)
+ Dôi dư do rà soát, sắp xếp lại tổ chức bộ máy, nhân sự
+ Chưa đạt trình độ đào tạo theo tiêu chuẩn vị trí việc làm, không bố trí được việc làm khác và
    không thể đào tạo lại
+ Có 01 năm xếp loại chất lượng ở mức không hoàn thành nhiệm vụ trong năm trước liền kề hoặc năm
    xét tinh giản
- Đang nuôi con dưới 36 tháng tuổi và không có nguyện vọng
@ medium multiple | Quy định số 114-QĐ/TW năm 2023; Nghị định số 138/2020/NĐ-CP
Những hành vi nào sau đây bị nghiêm cấm trong công tác tuyển dụng công chức? (Chọn các phương án
    đúng)
+ Đặt ra tiêu chuẩn, điều kiện không đúng quy định để "cài" người thân quen
+ Làm lộ đề thi, đáp án
+ Gây áp lực để tuyển dụng người không đủ tiêu chuẩn là người thân
- Công khai chỉ tiêu, tiêu chuẩn, điều kiện tuyển dụng trên trang thông tin điện tử

@ medium tf | Luật Cán bộ, công chức 2008, Điều 53
Không thực hiện biệt phái công chức nữ đang mang thai hoặc nuôi con dưới 36 tháng tuổi.
= đúng
@ easy tf | Nghị định số 335/2025/NĐ-CP
Nghị định số 335/2025/NĐ-CP về đánh giá, xếp loại chất lượng công chức áp dụng từ ngày 01/01/2026.
= đúng
@ medium tf | Nghị định số 335/2025/NĐ-CP
Theo Nghị định số 335/2025/NĐ-CP, điểm đánh giá công chức gồm tiêu chí chung tối đa 30 điểm và kết
    quả thực hiện nhiệm vụ tối đa 70 điểm.
= đúng
@ hard tf | Luật Cán bộ, công chức 2008; Nghị định số 154/2025/NĐ-CP
Công chức có 02 năm liên tiếp xếp loại không hoàn thành nhiệm vụ được giải quyết tinh giản biên chế
    và hưởng chính sách tinh giản thay cho việc thôi việc.
= sai

@ hard short | Thông tư số 2/2021/TT-BNV
Mã số ngạch chuyên viên chính theo Thông tư số 2/2021/TT-BNV là gì? (Ghi mã số)
= 01.002

@ medium numeric | Nghị định số 335/2025/NĐ-CP
Theo Nghị định số 335/2025/NĐ-CP, điểm tối thiểu để công chức được xếp loại "Hoàn thành xuất sắc
    nhiệm vụ" là bao nhiêu điểm (thang 100)? (Ghi số)
= 90

@ medium essay p=10 | Quy định số 114-QĐ/TW năm 2023; Luật Cán bộ, công chức
Tình huống: Cơ quan chuẩn bị bổ nhiệm Phó Trưởng phòng Tài chính - Kế toán. Một ứng viên có đủ tiêu
    chuẩn là em ruột của Trưởng phòng Tổ chức cán bộ - người trực tiếp tham mưu quy trình bổ nhiệm.
    Là chuyên viên tổ chức cán bộ, anh (chị) tham mưu xử lý như thế nào?
> Nhận diện xung đột lợi ích và yêu cầu kiểm soát quyền lực trong công tác cán bộ (2 điểm)
> Đề xuất người có quan hệ gia đình không tham gia tham mưu, thẩm định, biểu quyết đối với trường
    hợp này; phân công người khác (3 điểm)
> Thực hiện đúng, công khai, dân chủ quy trình bổ nhiệm; lấy phiếu tín nhiệm, thẩm định tiêu chuẩn,
    kê khai quan hệ gia đình (3 điểm)
> Báo cáo cấp có thẩm quyền; lưu hồ sơ đầy đủ để kiểm tra, giám sát (2 điểm)
@ medium essay p=10 | Nghị định số 90/2020/NĐ-CP (sửa đổi bởi Nghị định số 48/2023/NĐ-CP)
Tình huống: Khi tổng hợp kết quả đánh giá cuối năm, các phòng đề xuất 35% số công chức được xếp
    loại "Hoàn thành xuất sắc nhiệm vụ"; một công chức trong danh sách bị khiển trách trong năm. Là
    chuyên viên tổ chức cán bộ, anh (chị) tham mưu xử lý như thế nào?
> Nêu quy định về tỷ lệ xếp loại hoàn thành xuất sắc nhiệm vụ so với số hoàn thành tốt nhiệm vụ (2
    điểm)
> Xác định trường hợp bị kỷ luật trong năm phải xếp loại không hoàn thành nhiệm vụ (2 điểm)
> Đề xuất rà soát lại tiêu chí, sản phẩm cụ thể, so sánh trong nhóm nhiệm vụ tương đồng; trả lại để
    các phòng đánh giá lại (4 điểm)
> Báo cáo người có thẩm quyền quyết định; công khai kết quả, giải quyết kiến nghị (2 điểm)
@ hard essay p=30 | Kế hoạch số 212-KH/TU năm 2019 của Ban Thường vụ Tỉnh ủy Nghệ An
Anh (chị) hãy xây dựng đề cương kế hoạch tổ chức kiểm tra, sát hạch công chức của cơ quan, đơn vị
    mình theo mô hình ba phần (trắc nghiệm kiến thức chung; xử lý tình huống; xây dựng và bảo vệ đề
    cương).
> Mục đích, yêu cầu, căn cứ; đối tượng kiểm tra và các trường hợp miễn, hoãn có lý do (5 điểm)
> Nội dung, hình thức từng phần, thời gian, thang điểm, yêu cầu đạt (7 điểm)
> Thành lập Hội đồng và các bộ phận giúp việc: ra đề, coi, phách, chấm, phúc khảo; bảo đảm không
    xung đột lợi ích (7 điểm)
> Tiến độ, kinh phí, cơ sở vật chất, ứng dụng phần mềm (5 điểm)
> Sử dụng kết quả: đánh giá, đào tạo, bố trí lại, tinh giản biên chế; công khai, phúc khảo (6 điểm)
@ hard essay p=30 | Nghị định số 62/2020/NĐ-CP
Anh (chị) hãy xây dựng đề cương đề án vị trí việc làm của cơ quan, đơn vị nơi mình công tác.
> Sự cần thiết, cơ sở pháp lý; chức năng, nhiệm vụ, cơ cấu tổ chức của cơ quan (5 điểm)
> Thực trạng đội ngũ: số lượng, cơ cấu ngạch, trình độ, độ tuổi; đánh giá mức độ đáp ứng (6 điểm)
> Danh mục vị trí việc làm: lãnh đạo, chuyên môn nghiệp vụ, chuyên môn dùng chung, hỗ trợ phục vụ;
    bản mô tả công việc, khung năng lực (10 điểm)
> Xác định biên chế, cơ cấu ngạch tương ứng; lộ trình sắp xếp (5 điểm)
> Tổ chức thực hiện, kiến nghị (4 điểm)
"""

_CM_DCXD = """
# --- Giải thích từ ngữ: một câu hỏi xuôi, còn lại hỏi ngược ---
% ddname/doc: Thửa đất; Bản đồ hiện trạng sử dụng đất; Sổ mục kê đất đai
% ddname/act: Đăng ký đất đai; Thu hồi đất; Tranh chấp đất đai
% ddname/value: Tiền sử dụng đất; Tiền thuê đất
@ easy | Luật Đất đai 2024, Điều 3
Theo Luật Đất đai năm 2024, "thửa đất" là gì?
+ Là phần diện tích đất được giới hạn bởi ranh giới xác định trên thực địa hoặc được mô tả trên hồ
    sơ
- Là toàn bộ diện tích đất thuộc quyền quản lý của một xã
- Là diện tích đất ghi trên hợp đồng chuyển nhượng giữa các bên
- Là phần đất có công trình xây dựng kiên cố
@ medium g=ddname/doc | Luật Đất đai 2024, Điều 3
Bản đồ thể hiện các thửa đất và các yếu tố địa lý có liên quan, được lập theo đơn vị hành chính cấp
    xã và được cơ quan nhà nước có thẩm quyền xác nhận, được gọi là gì?
+ Bản đồ địa chính
@ hard g=ddname/doc | Luật Đất đai 2024, Điều 3
Theo Luật Đất đai năm 2024, tập hợp tài liệu thể hiện thông tin chi tiết về hiện trạng và tình
    trạng pháp lý của việc quản lý, sử dụng các thửa đất, tài sản gắn liền với đất được gọi là gì?
+ Hồ sơ địa chính
@ easy g=ddname/act | Luật Đất đai 2024, Điều 3
Việc người sử dụng đất được thay đổi từ mục đích đã được xác định sang mục đích khác theo quy định
    của Luật Đất đai được gọi là gì?
+ Chuyển mục đích sử dụng đất
@ medium | Luật Đất đai 2024, Điều 3
Theo Luật Đất đai năm 2024, "tranh chấp đất đai" là tranh chấp về vấn đề gì?
+ Về quyền, nghĩa vụ của người sử dụng đất giữa hai hoặc nhiều bên trong quan hệ đất đai
- Về quyền sở hữu đất đai giữa người sử dụng đất với Nhà nước
- Về địa giới giữa các đơn vị hành chính cấp xã
- Về mức thuế sử dụng đất phi nông nghiệp phải nộp
@ hard g=ddname/value | Luật Đất đai 2024, Điều 3
Giá trị của quyền sử dụng đất tính trên một đơn vị diện tích đất được Luật Đất đai năm 2024 gọi là
    gì?
+ Giá đất

# --- Quản lý đất đai ---
@ easy | Hiến pháp năm 2013, Điều 53; Luật Đất đai 2024, Điều 12
Đất đai ở nước ta thuộc sở hữu của ai?
+ Thuộc sở hữu toàn dân do Nhà nước đại diện chủ sở hữu và thống nhất quản lý
- Thuộc sở hữu của người được cấp Giấy chứng nhận quyền sử dụng đất
- Thuộc sở hữu của Ủy ban nhân dân cấp xã nơi có đất
- Thuộc sở hữu tập thể của cộng đồng dân cư
@ easy | Luật Đất đai 2024, Điều 9
Theo Luật Đất đai năm 2024, căn cứ vào mục đích sử dụng, đất đai được phân loại thành những nhóm
    nào?
+ Nhóm đất nông nghiệp, nhóm đất phi nông nghiệp và nhóm đất chưa sử dụng
- Nhóm đất ở, nhóm đất sản xuất và nhóm đất rừng
- Nhóm đất đô thị và nhóm đất nông thôn
- Nhóm đất công, nhóm đất tư và nhóm đất chưa sử dụng
@ medium | Luật Đất đai 2024
Nhà nước trao quyền sử dụng đất cho người sử dụng đất thông qua những hình thức nào?
+ Giao đất, cho thuê đất, công nhận quyền sử dụng đất
- Bán đất, cho mượn đất và cho thuê đất
- Cấp đất, đổi đất và chia đất
- Đấu giá quyền sở hữu đất
@ easy | Luật Đất đai 2024
Đất ở do hộ gia đình, cá nhân sử dụng có thời hạn sử dụng như thế nào?
+ Sử dụng ổn định lâu dài
- 50 năm
- 70 năm
- 20 năm
@ hard | Luật Đất đai 2024, Điều 176
Hạn mức giao đất trồng cây hằng năm cho cá nhân trực tiếp sản xuất nông nghiệp ở tỉnh Nghệ An
    (không thuộc khu vực Đông Nam Bộ và đồng bằng sông Cửu Long) là bao nhiêu?
+ Không quá 02 héc ta
- Không quá 03 héc ta
- Không quá 05 héc ta
- Không quá 01 héc ta
@ medium | Luật Đất đai 2024
Việc thống kê, kiểm kê đất đai được thực hiện theo định kỳ như thế nào?
+ Thống kê đất đai hằng năm; kiểm kê đất đai 05 năm một lần
- Thống kê và kiểm kê đều 05 năm một lần
- Thống kê đất đai 02 năm một lần; kiểm kê 10 năm một lần
- Chỉ kiểm kê khi có yêu cầu của cơ quan cấp trên
@ hard | Luật Đất đai 2024
Theo Luật Đất đai năm 2024, thời kỳ quy hoạch sử dụng đất cấp quốc gia, cấp tỉnh là bao nhiêu năm?
+ 10 năm
- 05 năm
- 15 năm
- 20 năm
@ medium | Luật Đất đai 2024, Điều 235
Trước khi cơ quan nhà nước có thẩm quyền giải quyết tranh chấp đất đai, các bên tranh chấp phải
    thực hiện việc gì?
+ Hòa giải tại Ủy ban nhân dân cấp xã nơi có đất tranh chấp
- Nộp đơn ngay tại Tòa án nhân dân cấp tỉnh
- Đo đạc lại toàn bộ diện tích đất với đơn vị tư vấn
- Xin ý kiến Hội đồng nhân dân cấp xã
@ medium | Luật Đất đai 2024, Điều 133
Khi có biến động đất đai (chuyển nhượng, thừa kế, tặng cho...), người sử dụng đất phải đăng ký biến
    động trong thời hạn bao lâu?
+ 30 ngày kể từ ngày có biến động
- 15 ngày kể từ ngày có biến động
- 60 ngày kể từ ngày có biến động
- 90 ngày kể từ ngày có biến động
@ easy | Luật Đất đai 2024, Điều 31
Nghĩa vụ nào sau đây là nghĩa vụ chung của người sử dụng đất?
+ Sử dụng đất đúng mục đích, đúng ranh giới thửa đất, đúng quy định về sử dụng độ sâu trong lòng
    đất và chiều cao trên không
- Tự ý chuyển đất trồng lúa sang đất ở khi có nhu cầu
- Xây dựng công trình trên đất nông nghiệp không cần xin phép
- Không phải đăng ký đất đai nếu đã sử dụng ổn định
@ medium | Luật Đất đai 2024
Theo Luật Đất đai năm 2024, giấy tờ pháp lý xác nhận quyền sử dụng đất hợp pháp được cấp cho người
    sử dụng đất có tên gọi là gì?
+ Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất
- Sổ địa bạ
- Giấy phép sử dụng đất
- Bằng khoán điền thổ
@ easy | Luật Đất đai 2024
Luật Đất đai năm 2024 có hiệu lực thi hành từ ngày nào?
+ 01/8/2024
- 01/01/2025
- 01/7/2024
- 01/01/2024
@ medium | Luật Đất đai 2024
Người sử dụng đất muốn chuyển đất trồng lúa sang đất ở thì phải làm gì?
+ Phải được cơ quan nhà nước có thẩm quyền cho phép chuyển mục đích sử dụng đất và thực hiện nghĩa
    vụ tài chính
- Chỉ cần thông báo cho trưởng thôn
- Tự chuyển mục đích rồi đăng ký biến động sau
- Chỉ cần được hàng xóm liền kề đồng ý
@ hard | Luật Đất đai 2024
Trường hợp nào sau đây Nhà nước thu hồi đất do vi phạm pháp luật về đất đai?
+ Sử dụng đất không đúng mục đích đã được giao, cho thuê, đã bị xử phạt vi phạm hành chính mà tiếp
    tục vi phạm
- Người sử dụng đất tặng cho quyền sử dụng đất cho con theo đúng quy định
- Người sử dụng đất thế chấp quyền sử dụng đất tại ngân hàng
- Người sử dụng đất chậm nộp hồ sơ đăng ký biến động 05 ngày do ốm đau

# --- Trật tự xây dựng ---
@ hard | Luật Xây dựng 2014 (sửa đổi, bổ sung năm 2020), Điều 89
Trường hợp nào sau đây được miễn giấy phép xây dựng?
+ Nhà ở riêng lẻ ở nông thôn có quy mô dưới 07 tầng, thuộc khu vực không có quy hoạch đô thị, quy
    hoạch xây dựng khu chức năng hoặc quy hoạch chi tiết xây dựng điểm dân cư nông thôn được phê
    duyệt
- Mọi nhà ở riêng lẻ tại đô thị có quy mô dưới 07 tầng
- Nhà ở riêng lẻ ở nông thôn thuộc khu vực đã có quy hoạch chi tiết được phê duyệt
- Công trình xây dựng trên đất nông nghiệp dưới 200 m2
@ medium | Luật Xây dựng 2014 (sửa đổi, bổ sung năm 2020)
Theo Luật Xây dựng, giấy phép xây dựng gồm những loại nào?
+ Giấy phép xây dựng mới, giấy phép sửa chữa, cải tạo, giấy phép di dời công trình
- Giấy phép xây dựng tạm và giấy phép xây dựng vĩnh viễn
- Giấy phép xây dựng nhà ở và giấy phép xây dựng nhà xưởng
- Giấy phép đào đất và giấy phép đổ bê tông
@ medium | Nghị định số 16/2022/NĐ-CP
Văn bản nào quy định xử phạt vi phạm hành chính về xây dựng hiện hành?
+ Nghị định số 16/2022/NĐ-CP
- Nghị định số 30/2020/NĐ-CP
- Nghị định số 139/2017/NĐ-CP
- Nghị định số 61/2018/NĐ-CP
@ medium | Luật Xử lý vi phạm hành chính 2012; Nghị định số 16/2022/NĐ-CP
Khi phát hiện công trình đang xây dựng không có giấy phép (thuộc trường hợp phải có giấy phép),
    công chức địa chính - xây dựng cấp xã cần làm gì trước tiên?
+ Lập biên bản vi phạm hành chính, yêu cầu dừng thi công và báo cáo người có thẩm quyền xử lý
- Yêu cầu chủ nhà nộp tiền phạt ngay tại chỗ cho công chức
- Tự cưỡng chế tháo dỡ công trình
- Để chủ nhà xây xong rồi mới xử lý

@ medium multiple | Luật Đất đai 2024, Điều 9
Những loại đất nào sau đây thuộc nhóm đất nông nghiệp? (Chọn các phương án đúng)
+ Đất trồng lúa
+ Đất rừng sản xuất
+ Đất nuôi trồng thủy sản
- Đất ở tại nông thôn
@ hard multiple | Luật Đất đai 2024
Nhà nước thu hồi đất trong những trường hợp nào? (Chọn các phương án đúng)
+ Vì mục đích quốc phòng, an ninh
+ Để phát triển kinh tế - xã hội vì lợi ích quốc gia, công cộng
+ Do vi phạm pháp luật về đất đai
- Do người sử dụng đất có thu nhập thấp
@ medium multiple | Luật Đất đai 2024
Trong các loại đất sau, loại nào được xếp vào nhóm đất phi nông nghiệp? (Chọn các phương án đúng)
+ Đất ở tại đô thị
+ Đất xây dựng trụ sở cơ quan
+ Đất nghĩa trang, nhà tang lễ
- Đất trồng cây lâu năm
@ medium multiple | Luật Đất đai 2024
Hồ sơ địa chính ở cấp xã giúp công chức địa chính thực hiện những việc nào? (Chọn các phương án
    đúng)
+ Theo dõi biến động đất đai trên địa bàn
+ Phục vụ thống kê, kiểm kê đất đai
+ Cung cấp thông tin phục vụ giải quyết tranh chấp, thủ tục hành chính về đất đai
- Xác định giá bán nhà ở thương mại

@ medium tf | Luật Đất đai 2024
Đăng ký đất đai là bắt buộc đối với người sử dụng đất và người được giao đất để quản lý.
= đúng
@ easy tf | Hiến pháp năm 2013, Điều 53
Người được cấp Giấy chứng nhận quyền sử dụng đất trở thành chủ sở hữu đất đai.
= sai
@ medium tf | Luật Đất đai 2024
Người sử dụng đất được tự ý chuyển đất trồng lúa sang đất ở mà không cần cơ quan nhà nước có thẩm
    quyền cho phép.
= sai
@ hard tf | Luật Đất đai 2024, Điều 176
Theo Luật Đất đai năm 2024, hạn mức giao đất trồng cây hằng năm cho cá nhân ở các tỉnh Đông Nam Bộ
    và đồng bằng sông Cửu Long là không quá 03 héc ta cho mỗi loại đất.
= đúng

@ medium short | Luật Đất đai 2024, Điều 9
Theo Luật Đất đai năm 2024, nhóm đất gồm các loại đất chưa xác định mục đích sử dụng, chưa giao,
    chưa cho thuê có tên gọi là gì? (Ghi tên nhóm đất)
= đất chưa sử dụng
= nhóm đất chưa sử dụng

@ medium numeric | Luật Đất đai 2024, Điều 172
Thời hạn sử dụng đất nông nghiệp khi Nhà nước giao trong hạn mức cho cá nhân trực tiếp sản xuất
    nông nghiệp là bao nhiêu năm? (Ghi số)
= 50

@ medium essay p=10 | Luật Đất đai 2024; Luật Xây dựng 2014 (sửa đổi, bổ sung năm 2020); Nghị định
    số 16/2022/NĐ-CP
Tình huống: Công chức địa chính - xây dựng xã phát hiện một hộ dân đang xây nhà ở kiên cố trên đất
    trồng lúa chưa được chuyển mục đích sử dụng. Anh (chị) xử lý như thế nào?
> Xác định hành vi vi phạm: sử dụng đất sai mục đích, xây dựng không phép trên đất nông nghiệp (2
    điểm)
> Kiểm tra hiện trạng, lập biên bản vi phạm hành chính, yêu cầu dừng thi công (3 điểm)
> Báo cáo Chủ tịch Ủy ban nhân dân xã xem xét xử phạt, áp dụng biện pháp khắc phục hậu quả (khôi
    phục tình trạng ban đầu, tháo dỡ) (3 điểm)
> Tuyên truyền, hướng dẫn thủ tục chuyển mục đích hợp pháp nếu phù hợp quy hoạch; theo dõi việc
    chấp hành (2 điểm)
@ medium essay p=10 | Luật Đất đai 2024, Điều 235
Tình huống: Hai hộ liền kề tranh chấp ranh giới thửa đất; một hộ đề nghị xã cấp ngay Giấy chứng
    nhận cho phần đất đang tranh chấp. Là công chức địa chính, anh (chị) giải quyết như thế nào?
> Giải thích không cấp Giấy chứng nhận đối với đất đang có tranh chấp (2 điểm)
> Tham mưu tổ chức hòa giải tại Ủy ban nhân dân xã: thành phần, thời hạn, biên bản hòa giải (3
    điểm)
> Thu thập hồ sơ địa chính, bản đồ, đo đạc hiện trạng, xác minh nguồn gốc sử dụng đất (3 điểm)
> Hướng dẫn các bên thẩm quyền giải quyết tiếp theo nếu hòa giải không thành (2 điểm)
@ hard essay p=30 | Luật Đất đai 2024
Anh (chị) hãy xây dựng đề cương kế hoạch kiểm kê đất đai, lập bản đồ hiện trạng sử dụng đất của xã.
> Căn cứ pháp lý, mục đích, yêu cầu (5 điểm)
> Nội dung kiểm kê: loại đất, đối tượng sử dụng, đối tượng quản lý; bản đồ hiện trạng (8 điểm)
> Phương pháp, quy trình: thu thập tài liệu, điều tra thực địa, tổng hợp số liệu, lập biểu, báo cáo
    thuyết minh (8 điểm)
> Tổ chức thực hiện: nhân lực, kinh phí, tiến độ, phối hợp thôn, xóm (5 điểm)
> Kiểm tra, nghiệm thu, công bố kết quả (4 điểm)
@ hard essay p=30 | Luật Xây dựng 2014 (sửa đổi, bổ sung năm 2020); Nghị định số 16/2022/NĐ-CP
Anh (chị) hãy xây dựng đề cương kế hoạch quản lý trật tự xây dựng trên địa bàn xã trong năm tới.
> Đánh giá thực trạng vi phạm trật tự xây dựng, lấn chiếm đất đai (5 điểm)
> Mục tiêu, chỉ tiêu: phát hiện, xử lý vi phạm kịp thời; không để phát sinh vi phạm mới (5 điểm)
> Giải pháp: tuyên truyền, công khai quy hoạch, kiểm tra định kỳ và đột xuất, phối hợp thôn, xóm,
    xử lý dứt điểm (10 điểm)
> Phân công trách nhiệm, chế độ báo cáo, trách nhiệm người đứng đầu (6 điểm)
> Kinh phí, điều kiện thực hiện, kiểm tra, đánh giá (4 điểm)

@ medium fixed | Luật Đất đai 2024, Điều 26
Người sử dụng đất có những quyền chung nào sau đây?
- Được cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất khi đủ điều
    kiện
- Hưởng thành quả lao động, kết quả đầu tư trên đất sử dụng hợp pháp
- Được Nhà nước bảo hộ khi người khác xâm phạm quyền, lợi ích hợp pháp về đất đai của mình
+ Cả A, B và C đều đúng
"""

_BLOCKS: tuple[tuple[str, str], ...] = (
    ("KTC-HTCT", _KTC_HTCT),
    ("KTC-LCBCC", _KTC_LCBCC),
    ("KTC-QLNN", _KTC_QLNN),
    ("KTC-XDD", _KTC_XDD),
    ("TH", _TH),
    ("CM-TCCB", _CM_TCCB),
    ("CM-QLTC", _CM_QLTC),
    ("CM-KT", _CM_KT),
    ("CM-VT", _CM_VT),
    ("CM-TTV", _CM_TTV),
    ("CM-TPHT", _CM_TPHT),
    ("CM-DCXD", _CM_DCXD),
)
