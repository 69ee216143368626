"""`sathach analyze FILE.csv|FILE.xlsx [--key KEYFILE] [--irt] [--json]`: item analysis of a
response matrix from elsewhere (a paper exam scored by another tool, a past year's export).

Rows are candidates, columns items (docs/formats/response-matrix.md). Prints reliability
(KR-20 / alpha), SEM and, per item, facility, discrimination and the flags of
``sathach.lib.psychometrics.classical``; with --irt, the 2PL a and b. Exit codes: 0 done,
1 the file cannot be used (the message names the row and column).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any, NoReturn

import numpy as np
from django.core.management.base import BaseCommand, CommandParser

from sathach.lib.formats.matrix import MatrixFormatError, ResponseMatrix, read_key, read_matrix
from sathach.lib.psychometrics.classical import ExamAnalysis, item_analysis
from sathach.lib.psychometrics.irt import Calibration, calibrate_2pl

MAX_FILE_BYTES = 64 * 1024 * 1024
MSG_IRT_SCORES = "IRT 2PL cần điểm 0 hoặc 1; tệp có điểm lẻ."
METHOD_LABELS = {
    "KR-20": "KR-20",
    "alpha": "hệ số alpha",
    "alpha (incomplete)": "hệ số alpha, các thí sinh làm đề khác nhau",
}


def _vn(value: float | None, digits: int = 2) -> str:
    """Return a number the Vietnamese way (decimal comma), or "—" when there is none."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    return f"{value:.{digits}f}".replace(".", ",").replace("-", "−")


def _plain(value: Any) -> Any:
    """Return ``value`` with NaN as None and floats rounded to 6 places, for JSON."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float | np.floating):
        return round(float(value), 6) if math.isfinite(value) else None
    if isinstance(value, np.integer):
        return int(value)
    return value


class Command(BaseCommand):
    help = (
        "Phân tích câu hỏi từ ma trận kết quả (CSV hoặc .xlsx; dòng là thí sinh, cột là câu): "
        "độ tin cậy, SEM, độ khó, độ phân biệt, cảnh báo; --irt thêm tham số a, b của mô hình "
        "2PL. Mã thoát: 0 thành công, 1 tệp không dùng được."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE.csv|FILE.xlsx")
        parser.add_argument(
            "--key", metavar="KEYFILE", help="tệp đáp án (câu, đáp án): ô là phương án đã chọn"
        )
        parser.add_argument("--irt", action="store_true", help="ước lượng a, b (IRT 2PL)")
        parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
        parser.add_argument(
            "--blank-wrong",
            action="store_true",
            help="với --key: ô trống là bỏ trống, tính 0 điểm (mặc định: thiếu dữ liệu)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            matrix = self._read(options)
            analysis = item_analysis(
                matrix.scores,
                items=matrix.items,
                choices=matrix.choices,
                key=matrix.key_list,
            )
            calibration = None
            if options["irt"]:
                finite = matrix.scores[~np.isnan(matrix.scores)]
                if not np.isin(finite, (0.0, 1.0)).all():
                    raise MatrixFormatError(MSG_IRT_SCORES)
                calibration = calibrate_2pl(matrix.scores)
        except MatrixFormatError as exc:
            self._fail(exc.message, options)
        report = self._report(options["file"], matrix, analysis, calibration)
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False, allow_nan=False))
        else:
            self.stdout.write(self._text(report, with_irt=calibration is not None))

    def _read(self, options: dict[str, Any]) -> ResponseMatrix:
        key = None
        if options["key"]:
            key = read_key(self._bytes(options["key"]))
        return read_matrix(
            self._bytes(options["file"]), key=key, blank_wrong=bool(options["blank_wrong"])
        )

    def _bytes(self, name: str) -> bytes:
        path = Path(name)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise MatrixFormatError(
                    f"Tệp “{name}” lớn quá {MAX_FILE_BYTES // (1024 * 1024)} MB."
                )
            return path.read_bytes()
        except OSError as exc:
            raise MatrixFormatError(f"Không đọc được tệp “{name}”: {exc.strerror}.") from exc

    def _report(
        self,
        name: str,
        matrix: ResponseMatrix,
        analysis: ExamAnalysis,
        calibration: Calibration | None,
    ) -> dict[str, Any]:
        report = analysis.as_dict()
        report["file"] = name
        items = report["items"]
        if calibration is not None:
            for i, item in enumerate(items):
                item["a"] = calibration.a[i]
                item["b"] = calibration.b[i]
                if i in calibration.item_reasons:
                    item["reasons"]["a"] = item["reasons"]["b"] = calibration.item_reasons[i]
            report["irt"] = {
                "model": "2PL",
                "converged": calibration.converged,
                "iterations": calibration.iterations,
                "log_likelihood": calibration.log_likelihood,
                "marginal_reliability": calibration.marginal_reliability,
            }
        ordered = {
            "file": report.pop("file"),
            "persons": report.pop("persons"),
            "n_items": report.pop("n_items"),
            "alpha": report.pop("alpha"),
            "sem": report.pop("sem"),
            **report,
        }
        return dict(_plain(ordered))

    def _text(self, report: dict[str, Any], *, with_irt: bool) -> str:
        method = METHOD_LABELS.get(report["method"], report["method"])
        lines = [
            f"Tệp: {report['file']} — {report['persons']} thí sinh, {report['n_items']} câu",
            f"Độ tin cậy ({method}): {_vn(report['alpha'], 3)}    "
            f"Sai số chuẩn đo lường (SEM): {_vn(report['sem'])}    "
            f"Tổng điểm: trung bình {_vn(report['mean_total'])}, "
            f"độ lệch chuẩn {_vn(report['sd_total'])}",
        ]
        if report["reasons"].get("alpha"):
            lines.append(f"  Độ tin cậy: {report['reasons']['alpha']}")
        if with_irt:
            irt = report["irt"]
            state = "hội tụ" if irt["converged"] else "chưa hội tụ"
            lines.append(
                f"IRT 2PL: {state} sau {irt['iterations']} vòng EM; "
                f"độ tin cậy biên {_vn(irt['marginal_reliability'], 3)}"
            )
        lines.append("")
        header = ["Câu", "n", "Độ khó p", "ĐLC", "Chỉ số PB %", "Hiệu quả PB %", "r (hc)"]
        if with_irt:
            header += ["a", "b"]
        header.append("Cảnh báo")
        rows = []
        for item in report["items"]:
            row = [
                str(item["item"]),
                str(item["n"]),
                _vn(item["facility"]),
                _vn(item["sd"]),
                _vn(item["discrimination_index"], 1),
                _vn(item["discriminative_efficiency"], 1),
                _vn(item["point_biserial"]),
            ]
            if with_irt:
                row += [_vn(item.get("a")), _vn(item.get("b"))]
            row.append("; ".join(flag["reason"] for flag in item["flags"]))
            rows.append(row)
        widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header) - 1)]
        for row in [header, *rows]:
            cells = [
                row[c].ljust(widths[c]) if c == 0 else row[c].rjust(widths[c])
                for c in range(len(widths))
            ]
            lines.append("  ".join([*cells, row[-1]]).rstrip())
        if any(item.get("distractors") for item in report["items"]):
            lines += ["", "Tần suất chọn phương án (* là đáp án):"]
            width = max(len(str(item["item"])) for item in report["items"])
            for item in report["items"]:
                cells = [
                    f"{option['option'] or '(trống)'}{'*' if option['is_key'] else ''} "
                    f"{option['count']} ({round(100 * option['proportion'])}%)"
                    for option in item.get("distractors") or []
                ]
                lines.append(f"{str(item['item']).ljust(width)}  " + "   ".join(cells))
        lines.append("")
        lines.append(
            "Độ khó p: điểm trung bình / điểm tối đa; ĐLC: độ lệch chuẩn; Chỉ số PB, Hiệu quả PB: "
            "chỉ số và hiệu quả phân biệt theo công thức của Moodle; r (hc): tương quan điểm-câu "
            "với phần còn lại của bài (point-biserial hiệu chỉnh)."
        )
        return "\n".join(lines)

    def _fail(self, message: str, options: dict[str, Any]) -> NoReturn:
        """Say why the file cannot be analysed, on stderr (and as JSON with --json); exit 1."""
        if options.get("json"):
            self.stdout.write(json.dumps({"error": message}, ensure_ascii=False))
        self.stderr.write(message)
        sys.exit(1)
