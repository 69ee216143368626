"""Job positions (vị trí việc làm) of the demo roster, and the ranks and degrees that go with them.

Each department of ``units.py`` names a staff pool; a pool is the list of positions its staff
hold. A position carries the rank (ngạch) its holders normally have (domain.md §5), the rank an
experienced holder may have reached and the one a newcomer may still hold.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PositionSpec:
    code: str
    name: str
    rank: str  # the usual rank of a holder (and Position.required_rank)
    senior_rank: str = ""  # reached by some holders over 40
    junior_rank: str = ""  # still held by some holders under 30
    is_leadership: bool = False
    qualifications: tuple[str, ...] = ()


_ADMIN = ("Cử nhân Hành chính học", "Thạc sĩ Quản lý công", "Cử nhân Luật", "Cử nhân Kinh tế")
_PARTY = (
    "Cử nhân Xây dựng Đảng và Chính quyền nhà nước",
    "Cử nhân Chính trị học",
    "Thạc sĩ Xây dựng Đảng và Chính quyền nhà nước",
    "Cử nhân Luật",
)

POSITIONS: tuple[PositionSpec, ...] = (
    PositionSpec(
        "LD-TRUONG",
        "Cấp trưởng cơ quan, đơn vị",
        "01.002",
        "01.001",
        is_leadership=True,
        qualifications=(
            "Thạc sĩ Quản lý công",
            "Tiến sĩ Kinh tế",
            "Thạc sĩ Luật",
            "Thạc sĩ Xây dựng Đảng và Chính quyền nhà nước",
        ),
    ),
    PositionSpec(
        "LD-PHO",
        "Cấp phó cơ quan, đơn vị",
        "01.002",
        "01.001",
        is_leadership=True,
        qualifications=("Thạc sĩ Quản lý công", "Thạc sĩ Kinh tế", "Thạc sĩ Luật", "Cử nhân Luật"),
    ),
    PositionSpec(
        "LD-TP",
        "Trưởng phòng và tương đương",
        "01.003",
        "01.002",
        is_leadership=True,
        qualifications=_ADMIN,
    ),
    PositionSpec(
        "LD-PTP",
        "Phó trưởng phòng và tương đương",
        "01.003",
        "01.002",
        is_leadership=True,
        qualifications=_ADMIN,
    ),
    PositionSpec(
        "TCCB",
        "Chuyên viên tổ chức cán bộ",
        "01.003",
        "01.002",
        "01.004",
        qualifications=(
            "Cử nhân Hành chính học",
            "Cử nhân Luật",
            "Cử nhân Quản lý nhân lực",
            "Thạc sĩ Quản lý công",
        ),
    ),
    PositionSpec(
        "QLTC",
        "Chuyên viên quản lý tài chính - ngân sách",
        "01.003",
        "01.002",
        "01.004",
        qualifications=(
            "Cử nhân Tài chính - Ngân hàng",
            "Cử nhân Kinh tế",
            "Thạc sĩ Tài chính - Ngân hàng",
        ),
    ),
    PositionSpec(
        "KHDT",
        "Chuyên viên kế hoạch - đầu tư",
        "01.003",
        "01.002",
        "01.004",
        qualifications=("Cử nhân Kinh tế", "Cử nhân Kinh tế đầu tư", "Thạc sĩ Kinh tế"),
    ),
    PositionSpec(
        "KT",
        "Kế toán",
        "06.031",
        "06.030",
        "06.032",
        qualifications=("Cử nhân Kế toán", "Cử nhân Kiểm toán", "Cao đẳng Kế toán"),
    ),
    PositionSpec(
        "VT",
        "Văn thư",
        "02.007",
        "02.006",
        "02.008",
        qualifications=(
            "Cử nhân Văn thư - Lưu trữ",
            "Trung cấp Văn thư - Lưu trữ",
            "Cử nhân Lưu trữ học",
        ),
    ),
    PositionSpec(
        "TTV",
        "Thanh tra viên",
        "04.025",
        "04.024",
        qualifications=("Cử nhân Luật", "Thạc sĩ Luật", "Cử nhân Kinh tế"),
    ),
    PositionSpec(
        "TG",
        "Chuyên viên tuyên giáo",
        "01.003",
        "01.002",
        "01.004",
        qualifications=_PARTY + ("Cử nhân Báo chí",),
    ),
    PositionSpec(
        "DV",
        "Chuyên viên dân vận",
        "01.003",
        "01.002",
        "01.004",
        qualifications=_PARTY + ("Cử nhân Công tác xã hội",),
    ),
    PositionSpec(
        "KTD",
        "Chuyên viên kiểm tra đảng",
        "01.003",
        "01.002",
        qualifications=_PARTY + ("Cử nhân Kinh tế",),
    ),
    PositionSpec("TH", "Chuyên viên tổng hợp", "01.003", "01.002", "01.004", qualifications=_ADMIN),
    PositionSpec(
        "PC",
        "Chuyên viên pháp chế",
        "01.003",
        "01.002",
        "01.004",
        qualifications=("Cử nhân Luật", "Thạc sĩ Luật"),
    ),
    PositionSpec(
        "CNTT",
        "Chuyên viên công nghệ thông tin",
        "01.003",
        "01.002",
        "01.004",
        qualifications=("Kỹ sư Công nghệ thông tin", "Cử nhân Khoa học máy tính"),
    ),
    PositionSpec(
        "NN",
        "Chuyên viên quản lý nông, lâm nghiệp",
        "01.003",
        "01.002",
        "01.004",
        qualifications=(
            "Kỹ sư Nông học",
            "Kỹ sư Lâm nghiệp",
            "Kỹ sư Thủy lợi",
            "Bác sĩ Thú y",
            "Thạc sĩ Khoa học cây trồng",
        ),
    ),
    PositionSpec(
        "TNMT",
        "Chuyên viên quản lý đất đai, môi trường",
        "01.003",
        "01.002",
        "01.004",
        qualifications=("Kỹ sư Quản lý đất đai", "Kỹ sư Môi trường", "Cử nhân Địa chính"),
    ),
    PositionSpec(
        "CM",
        "Chuyên viên chuyên môn, nghiệp vụ",
        "01.003",
        "01.002",
        "01.004",
        qualifications=_ADMIN
        + ("Cử nhân Sư phạm", "Kỹ sư Xây dựng", "Cử nhân Quan hệ quốc tế", "Cử nhân Văn hóa học"),
    ),
    PositionSpec(
        "HT",
        "Nhân viên hỗ trợ, phục vụ",
        "01.005",
        "01.004",
        qualifications=("Trung cấp Hành chính", "Trung cấp Kế toán", "Trung học phổ thông"),
    ),
    PositionSpec(
        "XA-VPTK",
        "Công chức văn phòng - thống kê xã",
        "01.003",
        "01.002",
        "01.004",
        qualifications=("Cử nhân Hành chính học", "Cử nhân Kinh tế", "Cử nhân Thống kê"),
    ),
    PositionSpec(
        "XA-TPHT",
        "Công chức tư pháp - hộ tịch xã",
        "01.003",
        "01.002",
        "01.004",
        qualifications=("Cử nhân Luật", "Trung cấp Luật"),
    ),
    PositionSpec(
        "XA-TCKT",
        "Công chức tài chính - kế toán xã",
        "06.031",
        "06.030",
        "06.032",
        qualifications=("Cử nhân Kế toán", "Cao đẳng Kế toán"),
    ),
    PositionSpec(
        "XA-DCXD",
        "Công chức địa chính - xây dựng xã",
        "01.003",
        "01.002",
        "01.004",
        qualifications=("Kỹ sư Quản lý đất đai", "Cử nhân Địa chính", "Kỹ sư Xây dựng"),
    ),
    PositionSpec(
        "XA-VHXH",
        "Công chức văn hóa - xã hội xã",
        "01.003",
        "01.002",
        "01.004",
        qualifications=(
            "Cử nhân Văn hóa học",
            "Cử nhân Công tác xã hội",
            "Cử nhân Quản lý văn hóa",
        ),
    ),
)

POSITIONS_BY_CODE = {position.code: position for position in POSITIONS}

# Staff pools named by the departments of units.py: the positions their non-leading staff hold,
# repeated to weight the draw.
POOLS: dict[str, tuple[str, ...]] = {
    "vp": ("VT", "VT", "KT", "KT", "TH", "TH", "TH", "CNTT", "HT"),
    "tc": ("TCCB",),
    "th": ("TH", "TH", "TH", "VT"),
    "tcns": ("QLTC", "QLTC", "QLTC", "KHDT", "KT"),
    "tt": ("TTV",),
    "tg": ("TG",),
    "dv": ("DV",),
    "ktd": ("KTD",),
    "pc": ("PC",),
    "it": ("CNTT",),
    "nn": ("NN",),
    "tnmt": ("TNMT",),
    "cm": ("CM", "CM", "CM", "TH"),
    "x-vp": ("XA-VPTK", "XA-VPTK", "XA-TPHT", "XA-TPHT", "XA-TCKT", "VT"),
    "x-kt": ("XA-DCXD", "XA-DCXD", "NN", "KHDT"),
    "x-vhxh": ("XA-VHXH", "XA-VHXH", "CM"),
    "x-du": ("TCCB", "TG", "KTD", "VT"),
    "x-mt": ("DV", "DV", "TG"),
}
