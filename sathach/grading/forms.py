"""Forms of the marking pages: they check shapes; the services check the rules."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .services.common import score_text


class ScoreField(forms.DecimalField):
    """A score typed the Vietnamese way ("7,25") or with a point ("7.25")."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 6)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "size": 6}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class MarkForm(forms.Form):
    """The mark of one script: a score per question of the guide (if any), the total, a
    comment. Question fields are named ``q0``, ``q1``…"""

    total = ScoreField(label=_("Tổng điểm"))
    comment = forms.CharField(
        label=_("Nhận xét"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, questions: list[dict[str, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.questions = questions or []
        fields = {}
        for i, question in enumerate(self.questions):
            fields[f"q{i}"] = ScoreField(
                label=_("%(q)s (tối đa %(m)s)")
                % {"q": question["label"], "m": score_text(Decimal(question["max"]))}
            )
        # Questions first, then the total and the comment.
        self.fields = {**fields, **self.fields}

    def question_scores(self) -> list[Decimal]:
        return [self.cleaned_data[f"q{i}"] for i in range(len(self.questions))]


class AgreeForm(forms.Form):
    score = ScoreField(label=_("Điểm thống nhất sau trao đổi"))


class DecideForm(forms.Form):
    score = ScoreField(label=_("Điểm quyết định"))
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 3}))


class MeetingForm(forms.Form):
    agreed = forms.TypedChoiceField(
        label=_("Kết quả đối thoại"),
        choices=[("1", _("Thống nhất được điểm")), ("0", _("Không thống nhất"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    score = ScoreField(label=_("Điểm thống nhất"), required=False)
    note = forms.CharField(
        label=_("Nội dung buổi đối thoại (thành phần, ý kiến)"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(label=_("Tôi xác nhận"), required=True)


class AssignForm(ConfirmForm):
    seed = forms.IntegerField(
        label=_("Số ngẫu nhiên (để kiểm tra lại cách phân công)"),
        required=False,
        min_value=0,
        max_value=2**62,
    )


class ScanUploadForm(forms.Form):
    file = forms.FileField(label=_("Ảnh bài làm (PNG, JPEG) hoặc tệp PDF"))


class GuideForm(forms.Form):
    """The marking guide: its text and one line per question, "Câu 1 | 40"."""

    text = forms.CharField(
        label=_("Đáp án, hướng dẫn chấm"), widget=forms.Textarea(attrs={"rows": 12})
    )
    questions = forms.CharField(
        label=_("Thang điểm từng câu (mỗi dòng: tên câu | điểm tối đa)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ví dụ: “Câu 1 | 40”. Để trống nếu chỉ chấm tổng điểm."),
    )

    def clean_questions(self) -> list[tuple[str, Decimal]]:
        return scale_lines(self.cleaned_data["questions"], _("tên câu"))


def scale_lines(text: str, what: Any) -> list[tuple[str, Decimal]]:
    """Return the "name | maximum" lines of ``text`` (blank lines skipped), or refuse the
    first line that is not one."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label, sep, maximum = line.rpartition("|")
        if not sep:
            raise forms.ValidationError(
                _("Dòng %(n)d: hãy ghi “%(w)s | điểm tối đa”.") % {"n": number, "w": what}
            )
        try:
            value = Decimal(maximum.strip().replace(",", "."))
        except InvalidOperation:
            raise forms.ValidationError(
                _("Dòng %(n)d: điểm tối đa “%(v)s” không phải là số.")
                % {"n": number, "v": maximum.strip()}
            ) from None
        rows.append((label.strip(), value))
    return rows


def guide_initial(guide: Any) -> dict[str, str]:
    if guide is None:
        return {}
    lines = [f"{q['label']} | {score_text(Decimal(q['max']))}" for q in guide.questions]
    return {"text": guide.text, "questions": "\n".join(lines)}


# --- Oral and practical parts -------------------------------------------------------------------


class RubricForm(forms.Form):
    """The rubric of an oral part: one line per criterion, "Nắm vấn đề | 30", and guidance."""

    criteria = forms.CharField(
        label=_("Tiêu chí chấm (mỗi dòng: tên tiêu chí | điểm tối đa)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Ví dụ: “Nắm vững vấn đề | 30”. Tổng điểm tối đa bằng điểm tối đa phần thi."),
    )
    guidance = forms.CharField(
        label=_("Hướng dẫn chấm"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )

    def clean_criteria(self) -> list[tuple[str, Decimal]]:
        return scale_lines(self.cleaned_data["criteria"], _("tên tiêu chí"))


def rubric_initial(rubric: Any) -> dict[str, str]:
    if rubric is None:
        return {}
    lines = [f"{c['name']} | {score_text(Decimal(c['max']))}" for c in rubric.criteria]
    return {"criteria": "\n".join(lines), "guidance": rubric.guidance}


class PanelScoreForm(forms.Form):
    """One examiner's score of one candidate: a score per criterion (``c0``, ``c1``…), large
    inputs for a tablet, and a comment. The total is their sum (computed by the service)."""

    comment = forms.CharField(
        label=_("Nhận xét"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, criteria: list[dict[str, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.criteria = criteria or []
        fields = {}
        for i, criterion in enumerate(self.criteria):
            fields[f"c{i}"] = ScoreField(
                label=_("%(c)s (tối đa %(m)s)")
                % {"c": criterion["name"], "m": score_text(Decimal(criterion["max"]))},
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal", "class": "panel-input", "autocomplete": "off"}
                ),
            )
        self.fields = {**fields, **self.fields}

    def scores(self) -> list[Decimal]:
        return [self.cleaned_data[f"c{i}"] for i in range(len(self.criteria))]


# --- Appeals --------------------------------------------------------------------------------------


class AppealFileForm(forms.Form):
    reason = forms.CharField(
        label=_("Nội dung đơn phúc khảo"), widget=forms.Textarea(attrs={"rows": 3})
    )
