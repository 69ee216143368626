"""The demo province's structure: Nghệ An in today's two-tier layout (domain.md §5).

    Tỉnh Nghệ An (NA)
    ├── Khối Đảng (NA-DANG) ─ Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy, ... ─ their departments
    ├── Khối Chính quyền (NA-CQ) ─ Văn phòng UBND tỉnh, the departments (sở) after the 2025
    │                              mergers and their sub-agencies (chi cục, ban) ─ departments
    ├── Mặt trận Tổ quốc (NA-MT) ─ Ủy ban MTTQ tỉnh ─ its boards, the associations it hosts
    │                                             └── Các tổ chức chính trị - xã hội (NA-CTXH)
    │                                                 ─ Hội Nông dân, Phụ nữ, Tỉnh đoàn, ...
    ├── 130 commune-level units (119 xã, 11 phường) ─ five departments each
    └── 21 former districts (inactive since 1/7/2025; past data only, no staff)

The socio-political organisations sit under the Fatherland Front since the 2025 reform, so
their block node hangs under Ủy ban MTTQ tỉnh; their ``block`` field still says which of the
four blocks of Plan 212-KH/TU they belong to. Agency names are modelled on the published
structure; the ward names are Nghệ An's, the commune list is plausible rather than official
(**unverified**), and every code is ASCII without "/".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sathach.org.constants import Block

ROOT_CODE = "NA"
ROOT_NAME = "Tỉnh Nghệ An"
DISTRICTS_DISSOLVED_ON = dt.date(2025, 7, 1)


@dataclass(frozen=True)
class BlockSpec:
    code: str
    name: str
    block: str
    parent: str


@dataclass(frozen=True)
class AgencySpec:
    """A provincial agency: ``parent`` is a block node or the agency it belongs to."""

    code: str
    name: str
    block: str
    parent: str
    departments: tuple[tuple[str, str], ...]  # (name, staff pool of positions.POOLS)
    weight: float = 1.0  # relative head-count


@dataclass(frozen=True)
class CommuneSpec:
    code: str
    name: str
    former_district: str  # code of the district it was part of
    highland: bool

    @property
    def is_ward(self) -> bool:
        return self.code.startswith("PH-")


BLOCKS: tuple[BlockSpec, ...] = (
    BlockSpec("NA-DANG", "Khối Đảng", Block.PARTY, ROOT_CODE),
    BlockSpec("NA-CQ", "Khối Chính quyền", Block.STATE, ROOT_CODE),
    BlockSpec("NA-MT", "Mặt trận Tổ quốc", Block.FRONT, ROOT_CODE),
    BlockSpec("NA-CTXH", "Các tổ chức chính trị - xã hội", Block.MASS, "MTTQ"),
)

VP = ("Văn phòng", "vp")
TCCB = ("Phòng Tổ chức cán bộ", "tc")
HCTH = ("Phòng Hành chính - Tổng hợp", "vp")
TCHC = ("Phòng Tổ chức - Hành chính", "vp")
KHTC = ("Phòng Kế hoạch - Tài chính", "tcns")


def _party(code: str, name: str, weight: float, *departments: tuple[str, str]) -> AgencySpec:
    return AgencySpec(code, name, Block.PARTY, "NA-DANG", departments, weight)


def _state(
    code: str, name: str, weight: float, *departments: tuple[str, str], parent: str = "NA-CQ"
) -> AgencySpec:
    return AgencySpec(code, name, Block.STATE, parent, departments, weight)


def _front(
    code: str, name: str, weight: float, *departments: tuple[str, str], parent: str = "MTTQ"
) -> AgencySpec:
    return AgencySpec(code, name, Block.FRONT, parent, departments, weight)


def _mass(code: str, name: str, weight: float, *departments: tuple[str, str]) -> AgencySpec:
    return AgencySpec(code, name, Block.MASS, "NA-CTXH", departments, weight)


AGENCIES: tuple[AgencySpec, ...] = (
    # --- Khối Đảng ---------------------------------------------------------------------------
    _party(
        "VPTU",
        "Văn phòng Tỉnh ủy",
        1.6,
        ("Phòng Tổng hợp", "th"),
        ("Phòng Hành chính - Lưu trữ", "vp"),
        ("Phòng Quản trị - Tài vụ", "tcns"),
        ("Phòng Tài chính Đảng", "tcns"),
        ("Phòng Công nghệ thông tin", "it"),
    ),
    _party(
        "BTC",
        "Ban Tổ chức Tỉnh ủy",
        1.3,
        VP,
        ("Phòng Tổ chức đảng - đảng viên", "tc"),
        ("Phòng Cán bộ", "tc"),
        ("Phòng Bảo vệ chính trị nội bộ", "tc"),
        ("Phòng Tổ chức bộ máy - biên chế", "tc"),
    ),
    _party(
        "UBKT",
        "Ủy ban Kiểm tra Tỉnh ủy",
        1.1,
        VP,
        ("Phòng Kiểm tra số 1", "ktd"),
        ("Phòng Kiểm tra số 2", "ktd"),
        ("Phòng Kiểm tra số 3", "ktd"),
    ),
    _party(
        "BTGDV",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        1.3,
        VP,
        ("Phòng Tuyên truyền - Báo chí - Xuất bản", "tg"),
        ("Phòng Lý luận chính trị và Lịch sử Đảng", "tg"),
        ("Phòng Khoa giáo - Văn hóa văn nghệ", "tg"),
        ("Phòng Dân vận", "dv"),
        ("Phòng Dân tộc - Tôn giáo", "dv"),
    ),
    _party(
        "BNC",
        "Ban Nội chính Tỉnh ủy",
        0.8,
        VP,
        ("Phòng Phòng, chống tham nhũng, tiêu cực", "tt"),
        ("Phòng Nội chính - Tư pháp", "pc"),
    ),
    _party(
        "BBVSK", "Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh", 0.4, VP, ("Phòng Nghiệp vụ", "cm")
    ),
    _party(
        "DUCQD",
        "Đảng ủy các cơ quan Đảng tỉnh",
        0.6,
        VP,
        ("Ban Tổ chức", "tc"),
        ("Ban Tuyên giáo và Dân vận", "tg"),
        ("Ủy ban Kiểm tra", "ktd"),
    ),
    _party(
        "DUUB",
        "Đảng ủy Ủy ban nhân dân tỉnh",
        0.6,
        VP,
        ("Ban Tổ chức", "tc"),
        ("Ban Tuyên giáo và Dân vận", "tg"),
        ("Ủy ban Kiểm tra", "ktd"),
    ),
    _party(
        "TCT",
        "Trường Chính trị tỉnh Nghệ An",
        1.0,
        TCHC,
        ("Phòng Quản lý đào tạo - Nghiên cứu khoa học", "cm"),
        ("Khoa Lý luận cơ sở", "tg"),
        ("Khoa Xây dựng Đảng", "tg"),
        ("Khoa Nhà nước và Pháp luật", "pc"),
        ("Khoa Dân vận", "dv"),
    ),
    _party(
        "BPTTH",
        "Báo và Phát thanh, Truyền hình Nghệ An",
        0.8,
        VP,
        ("Ban Thư ký tòa soạn", "tg"),
        ("Ban Thời sự", "tg"),
        ("Ban Chuyên đề", "tg"),
    ),
    # --- Khối Chính quyền ---------------------------------------------------------------------
    _state(
        "VPUB",
        "Văn phòng Ủy ban nhân dân tỉnh",
        1.4,
        ("Phòng Tổng hợp", "th"),
        ("Phòng Kinh tế", "cm"),
        ("Phòng Nội chính", "pc"),
        ("Phòng Khoa giáo - Văn xã", "cm"),
        ("Phòng Hành chính - Tổ chức", "vp"),
        ("Phòng Quản trị - Tài vụ", "tcns"),
    ),
    _state(
        "TTHCC",
        "Trung tâm Phục vụ hành chính công tỉnh",
        0.6,
        HCTH,
        ("Phòng Tiếp nhận và Trả kết quả", "cm"),
        parent="VPUB",
    ),
    _state(
        "VPDB",
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
        0.9,
        ("Phòng Tổng hợp", "th"),
        ("Phòng Công tác Quốc hội", "cm"),
        ("Phòng Công tác Hội đồng nhân dân", "cm"),
        ("Phòng Hành chính - Tổ chức - Quản trị", "vp"),
    ),
    _state(
        "SNV",
        "Sở Nội vụ",
        1.5,
        VP,
        ("Phòng Tổ chức, biên chế và tổ chức phi chính phủ", "tc"),
        ("Phòng Công chức, viên chức", "tc"),
        ("Phòng Xây dựng chính quyền và công tác thanh niên", "cm"),
        ("Phòng Lao động - Việc làm", "cm"),
        ("Phòng Người có công", "cm"),
    ),
    _state(
        "SNV-TDKT",
        "Ban Thi đua - Khen thưởng",
        0.4,
        VP,
        ("Phòng Nghiệp vụ thi đua, khen thưởng", "cm"),
        parent="SNV",
    ),
    _state(
        "SNV-VTLT",
        "Chi cục Văn thư - Lưu trữ",
        0.3,
        HCTH,
        ("Phòng Nghiệp vụ văn thư - lưu trữ", "vp"),
        parent="SNV",
    ),
    _state(
        "STC",
        "Sở Tài chính",
        1.5,
        VP,
        ("Phòng Quản lý ngân sách", "tcns"),
        ("Phòng Tài chính doanh nghiệp", "tcns"),
        ("Phòng Quản lý giá và công sản", "tcns"),
        ("Phòng Đầu tư", "tcns"),
        ("Phòng Quản lý doanh nghiệp và kinh tế tập thể", "tcns"),
    ),
    _state(
        "STP",
        "Sở Tư pháp",
        0.9,
        VP,
        ("Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật", "pc"),
        ("Phòng Hành chính tư pháp", "pc"),
        ("Phòng Bổ trợ tư pháp", "pc"),
        ("Phòng Phổ biến, giáo dục pháp luật", "pc"),
    ),
    _state(
        "SCT",
        "Sở Công Thương",
        1.1,
        VP,
        ("Phòng Quản lý công nghiệp", "cm"),
        ("Phòng Quản lý thương mại", "cm"),
        ("Phòng Quản lý năng lượng", "cm"),
        ("Phòng Kỹ thuật an toàn - Môi trường", "cm"),
    ),
    _state(
        "SCT-QLTT",
        "Chi cục Quản lý thị trường",
        1.2,
        TCHC,
        ("Phòng Nghiệp vụ - Tổng hợp", "cm"),
        ("Phòng Thanh tra - Pháp chế", "tt"),
        parent="SCT",
    ),
    _state(
        "SNNMT",
        "Sở Nông nghiệp và Môi trường",
        1.6,
        VP,
        KHTC,
        ("Phòng Quản lý đất đai", "tnmt"),
        ("Phòng Môi trường", "tnmt"),
        ("Phòng Tài nguyên nước, khoáng sản và khí tượng thủy văn", "tnmt"),
        ("Phòng Quản lý xây dựng công trình", "cm"),
    ),
    _state(
        "SNNMT-KL",
        "Chi cục Kiểm lâm",
        1.4,
        TCHC,
        ("Phòng Quản lý bảo vệ rừng và bảo tồn thiên nhiên", "nn"),
        ("Phòng Sử dụng và phát triển rừng", "nn"),
        ("Phòng Thanh tra - Pháp chế", "tt"),
        parent="SNNMT",
    ),
    _state(
        "SNNMT-TL",
        "Chi cục Thủy lợi",
        0.5,
        HCTH,
        ("Phòng Quản lý công trình thủy lợi", "nn"),
        ("Phòng Đê điều và Phòng, chống thiên tai", "nn"),
        parent="SNNMT",
    ),
    _state(
        "SNNMT-BVTV",
        "Chi cục Trồng trọt và Bảo vệ thực vật",
        0.6,
        HCTH,
        ("Phòng Trồng trọt", "nn"),
        ("Phòng Bảo vệ thực vật", "nn"),
        parent="SNNMT",
    ),
    _state(
        "SNNMT-CNTY",
        "Chi cục Chăn nuôi và Thú y",
        0.6,
        HCTH,
        ("Phòng Chăn nuôi", "nn"),
        ("Phòng Dịch tễ thú y", "nn"),
        parent="SNNMT",
    ),
    _state(
        "SNNMT-TS",
        "Chi cục Thủy sản",
        0.4,
        HCTH,
        ("Phòng Nuôi trồng và Khai thác thủy sản", "nn"),
        parent="SNNMT",
    ),
    _state(
        "SNNMT-QLDD",
        "Chi cục Quản lý đất đai",
        0.6,
        HCTH,
        ("Phòng Đo đạc, bản đồ và Viễn thám", "tnmt"),
        ("Phòng Đăng ký và Cơ sở dữ liệu đất đai", "tnmt"),
        parent="SNNMT",
    ),
    _state(
        "SNNMT-BHD",
        "Chi cục Biển và Hải đảo",
        0.3,
        HCTH,
        ("Phòng Quản lý tài nguyên biển", "tnmt"),
        parent="SNNMT",
    ),
    _state(
        "SNNMT-PTNT",
        "Chi cục Phát triển nông thôn",
        0.4,
        HCTH,
        ("Phòng Kinh tế hợp tác và Phát triển nông thôn", "nn"),
        parent="SNNMT",
    ),
    _state(
        "SNNMT-QLCL",
        "Chi cục Quản lý chất lượng nông lâm sản và thủy sản",
        0.4,
        HCTH,
        ("Phòng Quản lý chất lượng", "nn"),
        parent="SNNMT",
    ),
    _state(
        "SXD",
        "Sở Xây dựng",
        1.3,
        VP,
        ("Phòng Quản lý xây dựng", "cm"),
        ("Phòng Quy hoạch - Kiến trúc", "cm"),
        ("Phòng Quản lý giao thông", "cm"),
        ("Phòng Quản lý nhà và Thị trường bất động sản", "cm"),
        ("Phòng Kinh tế và Vật liệu xây dựng", "cm"),
    ),
    _state(
        "SGD",
        "Sở Giáo dục và Đào tạo",
        1.2,
        VP,
        TCCB,
        ("Phòng Giáo dục phổ thông", "cm"),
        ("Phòng Giáo dục mầm non", "cm"),
        ("Phòng Quản lý chất lượng", "cm"),
        KHTC,
    ),
    _state(
        "SYT",
        "Sở Y tế",
        1.1,
        VP,
        TCCB,
        ("Phòng Nghiệp vụ Y", "cm"),
        ("Phòng Nghiệp vụ Dược", "cm"),
        KHTC,
        ("Phòng Bảo trợ xã hội", "cm"),
    ),
    _state(
        "SYT-DS",
        "Chi cục Dân số",
        0.4,
        HCTH,
        ("Phòng Dân số - Kế hoạch hóa gia đình", "cm"),
        parent="SYT",
    ),
    _state(
        "SYT-ATTP",
        "Chi cục An toàn vệ sinh thực phẩm",
        0.4,
        HCTH,
        ("Phòng Nghiệp vụ", "cm"),
        ("Phòng Thanh tra", "tt"),
        parent="SYT",
    ),
    _state(
        "SKHCN",
        "Sở Khoa học và Công nghệ",
        1.0,
        VP,
        KHTC,
        ("Phòng Quản lý khoa học", "cm"),
        ("Phòng Chuyển đổi số", "it"),
        ("Phòng Bưu chính, Viễn thông", "cm"),
    ),
    _state(
        "SKHCN-TDC",
        "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        0.3,
        HCTH,
        ("Phòng Quản lý tiêu chuẩn chất lượng", "cm"),
        parent="SKHCN",
    ),
    _state(
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        1.1,
        VP,
        ("Phòng Quản lý văn hóa và Gia đình", "cm"),
        ("Phòng Quản lý di sản", "cm"),
        ("Phòng Quản lý thể dục thể thao", "cm"),
        ("Phòng Quản lý du lịch", "cm"),
        ("Phòng Báo chí - Xuất bản", "tg"),
    ),
    _state(
        "SVHTTDL-KL",
        "Khu di tích Kim Liên",
        0.4,
        HCTH,
        ("Phòng Hướng dẫn - Tuyên truyền", "tg"),
        parent="SVHTTDL",
    ),
    _state(
        "SVHTTDL-DT",
        "Ban Quản lý di tích và danh thắng",
        0.3,
        HCTH,
        ("Phòng Quản lý di tích", "cm"),
        parent="SVHTTDL",
    ),
    _state(
        "TTT",
        "Thanh tra tỉnh",
        1.2,
        VP,
        ("Phòng Nghiệp vụ 1", "tt"),
        ("Phòng Nghiệp vụ 2", "tt"),
        ("Phòng Nghiệp vụ 3", "tt"),
        ("Phòng Phòng, chống tham nhũng", "tt"),
        ("Phòng Tiếp công dân và Xử lý đơn thư", "tt"),
    ),
    _state(
        "SDTTG",
        "Sở Dân tộc và Tôn giáo",
        0.7,
        VP,
        ("Phòng Chính sách dân tộc", "cm"),
        ("Phòng Quản lý tôn giáo", "cm"),
        ("Phòng Tuyên truyền và Địa bàn", "cm"),
    ),
    _state(
        "SNGV",
        "Sở Ngoại vụ",
        0.5,
        VP,
        ("Phòng Lãnh sự và Người Việt Nam ở nước ngoài", "cm"),
        ("Phòng Hợp tác quốc tế", "cm"),
        ("Phòng Quản lý biên giới", "cm"),
    ),
    _state(
        "BQLKKT",
        "Ban Quản lý Khu kinh tế Đông Nam",
        0.9,
        VP,
        ("Phòng Quản lý đầu tư", "cm"),
        ("Phòng Quy hoạch và Xây dựng", "cm"),
        ("Phòng Tài nguyên và Môi trường", "tnmt"),
        ("Phòng Quản lý doanh nghiệp và Lao động", "cm"),
    ),
    _state(
        "LMHTX", "Liên minh Hợp tác xã tỉnh", 0.4, VP, ("Ban Phong trào và Hỗ trợ thành viên", "cm")
    ),
    _state(
        "BQLDA-GT",
        "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh",
        0.5,
        HCTH,
        ("Phòng Kế hoạch - Kỹ thuật", "cm"),
        ("Phòng Tài chính - Kế toán", "tcns"),
    ),
    _state(
        "BQLDA-DD",
        "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh",
        0.5,
        HCTH,
        ("Phòng Kế hoạch - Kỹ thuật", "cm"),
        ("Phòng Tài chính - Kế toán", "tcns"),
    ),
    _state(
        "BQLDA-NN",
        "Ban Quản lý dự án đầu tư xây dựng công trình nông nghiệp và phát triển nông thôn tỉnh",
        0.4,
        HCTH,
        ("Phòng Kế hoạch - Kỹ thuật", "cm"),
        ("Phòng Tài chính - Kế toán", "tcns"),
    ),
    # --- Mặt trận Tổ quốc and the associations it hosts ---------------------------------------
    _front(
        "MTTQ",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        1.2,
        VP,
        ("Ban Tổ chức - Kiểm tra", "tc"),
        ("Ban Dân chủ - Pháp luật", "pc"),
        ("Ban Phong trào", "dv"),
        ("Ban Tuyên giáo", "tg"),
        ("Ban Công tác cơ sở", "dv"),
        parent="NA-MT",
    ),
    _front("HCTD", "Hội Chữ thập đỏ tỉnh", 0.4, VP, ("Ban Công tác xã hội", "dv")),
    _front("HVHNT", "Hội Văn học Nghệ thuật tỉnh", 0.3, VP, ("Ban Chuyên môn", "tg")),
    _front("HNB", "Hội Nhà báo tỉnh", 0.2, VP, ("Ban Nghiệp vụ", "tg")),
    _front(
        "LHHKHKT",
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
        0.3,
        VP,
        ("Ban Khoa học - Tư vấn", "cm"),
    ),
    _front("HLG", "Hội Luật gia tỉnh", 0.2, VP, ("Ban Pháp luật", "pc")),
    _front("LHHN", "Liên hiệp các Tổ chức hữu nghị tỉnh", 0.2, VP, ("Ban Hợp tác quốc tế", "cm")),
    _front("HNM", "Hội Người mù tỉnh", 0.2, VP, ("Ban Công tác hội viên", "dv")),
    # --- Các tổ chức chính trị - xã hội (under Ủy ban MTTQ tỉnh since 2025) --------------------
    _mass(
        "HND",
        "Hội Nông dân tỉnh",
        0.7,
        VP,
        ("Ban Tổ chức - Kiểm tra", "tc"),
        ("Ban Tuyên huấn", "tg"),
        ("Ban Kinh tế - Xã hội", "dv"),
    ),
    _mass(
        "HPN",
        "Hội Liên hiệp Phụ nữ tỉnh",
        0.7,
        VP,
        ("Ban Tổ chức - Kiểm tra", "tc"),
        ("Ban Tuyên giáo", "tg"),
        ("Ban Gia đình - Xã hội", "dv"),
    ),
    _mass(
        "TDOAN",
        "Tỉnh đoàn Nghệ An",
        0.8,
        VP,
        ("Ban Tổ chức - Kiểm tra", "tc"),
        ("Ban Tuyên giáo", "tg"),
        ("Ban Phong trào", "dv"),
        ("Ban Công tác thiếu nhi", "dv"),
    ),
    _mass(
        "HCCB",
        "Hội Cựu chiến binh tỉnh",
        0.4,
        VP,
        ("Ban Tổ chức - Kiểm tra", "tc"),
        ("Ban Tuyên giáo", "tg"),
    ),
    _mass(
        "LDLD",
        "Liên đoàn Lao động tỉnh",
        0.8,
        VP,
        ("Ban Tổ chức - Kiểm tra", "tc"),
        ("Ban Tuyên giáo", "tg"),
        ("Ban Chính sách - Pháp luật", "pc"),
        ("Ban Tài chính", "tcns"),
    ),
)

# The five departments of every commune-level unit: (code suffix, name, block, pool, weight).
COMMUNE_DEPARTMENTS: tuple[tuple[str, str, str, str, float], ...] = (
    ("VP", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", Block.STATE, "x-vp", 0.30),
    ("KT", "Phòng Kinh tế", Block.STATE, "x-kt", 0.25),
    ("VHXH", "Phòng Văn hóa - Xã hội", Block.STATE, "x-vhxh", 0.20),
    ("DU", "Đảng ủy", Block.PARTY, "x-du", 0.15),
    ("MT", "Ủy ban Mặt trận Tổ quốc", Block.FRONT, "x-mt", 0.10),
)
# Wards call their economic department by its urban name.
WARD_ECONOMY_NAME = "Phòng Kinh tế, Hạ tầng và Đô thị"

# Former districts (abolished 1/7/2025): (code, name, highland).
DISTRICTS: tuple[tuple[str, str, bool], ...] = (
    ("H-VINH", "Thành phố Vinh", False),
    ("H-CUALO", "Thị xã Cửa Lò", False),
    ("H-THAIHOA", "Thị xã Thái Hòa", False),
    ("H-HOANGMAI", "Thị xã Hoàng Mai", False),
    ("H-QUYNHLUU", "Huyện Quỳnh Lưu", False),
    ("H-DIENCHAU", "Huyện Diễn Châu", False),
    ("H-YENTHANH", "Huyện Yên Thành", False),
    ("H-NGHILOC", "Huyện Nghi Lộc", False),
    ("H-HUNGNGUYEN", "Huyện Hưng Nguyên", False),
    ("H-NAMDAN", "Huyện Nam Đàn", False),
    ("H-THANHCHUONG", "Huyện Thanh Chương", False),
    ("H-DOLUONG", "Huyện Đô Lương", False),
    ("H-ANHSON", "Huyện Anh Sơn", False),
    ("H-CONCUONG", "Huyện Con Cuông", True),
    ("H-TUONGDUONG", "Huyện Tương Dương", True),
    ("H-KYSON", "Huyện Kỳ Sơn", True),
    ("H-QUEPHONG", "Huyện Quế Phong", True),
    ("H-QUYCHAU", "Huyện Quỳ Châu", True),
    ("H-QUYHOP", "Huyện Quỳ Hợp", True),
    ("H-NGHIADAN", "Huyện Nghĩa Đàn", False),
    ("H-TANKY", "Huyện Tân Kỳ", False),
)
_HIGHLAND = {code for code, _name, highland in DISTRICTS if highland}

WARDS: tuple[tuple[str, str], ...] = (
    ("Vinh Phú", "H-VINH"),
    ("Trường Vinh", "H-VINH"),
    ("Thành Vinh", "H-VINH"),
    ("Vinh Hưng", "H-VINH"),
    ("Vinh Lộc", "H-VINH"),
    ("Cửa Lò", "H-CUALO"),
    ("Hoàng Mai", "H-HOANGMAI"),
    ("Tân Mai", "H-HOANGMAI"),
    ("Quỳnh Mai", "H-HOANGMAI"),
    ("Thái Hòa", "H-THAIHOA"),
    ("Tây Hiếu", "H-THAIHOA"),
)

# Communes by former district, comma-separated (names plausible, not the official list).
COMMUNES_BY_DISTRICT: tuple[tuple[str, str], ...] = (
    ("H-QUYNHLUU", "Quỳnh Lưu, Quỳnh Văn, Quỳnh Anh, Quỳnh Tam, Quỳnh Phú, Quỳnh Sơn, Quỳnh Thắng"),
    (
        "H-DIENCHAU",
        "Diễn Châu, Đức Châu, Quảng Châu, Hải Châu, Tân Châu, An Châu, Minh Châu, Hùng Châu",
    ),
    (
        "H-YENTHANH",
        "Yên Thành, Quan Thành, Hợp Minh, Vân Tụ, Vân Du, Quang Đồng, Giai Lạc, Bình Minh, "
        "Đông Thành",
    ),
    ("H-NGHILOC", "Nghi Lộc, Phúc Lộc, Đông Lộc, Trung Lộc, Thần Lĩnh, Hải Lộc, Văn Kiều"),
    ("H-HUNGNGUYEN", "Hưng Nguyên, Yên Trung, Hưng Nguyên Nam, Lam Thành"),
    ("H-NAMDAN", "Nam Đàn, Vạn An, Kim Liên, Thiên Nhẫn, Đại Huệ"),
    (
        "H-THANHCHUONG",
        "Thanh Chương, Bích Hào, Cát Ngạn, Đại Đồng, Hạnh Lâm, Hoa Quân, Kim Bảng, Sơn Lâm, "
        "Tam Đồng, Xuân Lâm",
    ),
    ("H-DOLUONG", "Đô Lương, Bạch Ngọc, Văn Hiến, Bạch Hà, Thuần Trung, Lương Sơn"),
    ("H-ANHSON", "Anh Sơn, Yên Xuân, Nhân Hòa, Anh Sơn Đông, Vĩnh Tường, Thành Bình Thọ"),
    ("H-CONCUONG", "Con Cuông, Môn Sơn, Mậu Thạch, Cam Phục, Châu Khê, Bình Chuẩn"),
    (
        "H-TUONGDUONG",
        "Tương Dương, Tam Quang, Tam Thái, Nhôn Mai, Nga My, Hữu Khuông, Yên Hòa, Yên Na, "
        "Lượng Minh",
    ),
    (
        "H-KYSON",
        "Mường Xén, Bắc Lý, Keng Đu, Mỹ Lý, Na Loi, Na Ngoi, Nậm Cắn, Hữu Kiệm, Mường Típ, Huồi Tụ",
    ),
    ("H-QUEPHONG", "Quế Phong, Tiền Phong, Tri Lễ, Mường Quàng, Thông Thụ"),
    ("H-QUYCHAU", "Quỳ Châu, Châu Tiến, Hùng Chân, Châu Bình"),
    ("H-QUYHOP", "Quỳ Hợp, Tam Hợp, Châu Lộc, Châu Hồng, Mường Ham, Mường Chọng, Minh Hợp"),
    (
        "H-NGHIADAN",
        "Nghĩa Đàn, Nghĩa Thọ, Nghĩa Lâm, Nghĩa Mai, Nghĩa Hưng, Nghĩa Khánh, Nghĩa Lộc",
    ),
    ("H-TANKY", "Tân Kỳ, Tân Phú, Tân An, Nghĩa Đồng, Giai Xuân, Nghĩa Hành, Tiên Đồng"),
    ("H-THAIHOA", "Đông Hiếu, Nghĩa Thuận"),
)


def commune_specs() -> list[CommuneSpec]:
    """Return the 130 commune-level units: the 11 wards (PH-…) then the 119 communes (XA-…)."""
    specs = [
        CommuneSpec(f"PH-{i:03d}", f"Phường {name}", district, district in _HIGHLAND)
        for i, (name, district) in enumerate(WARDS, start=1)
    ]
    communes = [
        (name, district) for district, names in COMMUNES_BY_DISTRICT for name in names.split(", ")
    ]
    specs += [
        CommuneSpec(f"XA-{i:03d}", f"Xã {name}", district, district in _HIGHLAND)
        for i, (name, district) in enumerate(communes, start=1)
    ]
    return specs
