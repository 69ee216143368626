"""Forms of the bank pages. The item form builds a ``lib.formats.items.ItemData``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sathach.lib.formats.items import (
    AssetData,
    Difficulty,
    ItemData,
    Kind,
    NumericAnswerData,
    OptionData,
    ShortAnswerData,
)
from sathach.lib.text import nfc

from .constants import Difficulty as DifficultyChoice
from .constants import ItemKind
from .services import ALLOWED_IMAGE_TYPES, MAX_ASSET_BYTES
from .transfer import FORMATS

OPTION_LETTERS = "ABCDEF"


def _float(value: str) -> float:
    # Vietnamese writes a decimal comma: "3,5".
    return float(value.strip().replace(",", "."))


class ItemForm(forms.Form):
    topic = forms.ChoiceField(label=_("Chủ đề"))
    kind = forms.ChoiceField(
        label=_("Loại câu hỏi"), choices=ItemKind.choices, initial=ItemKind.SINGLE
    )
    difficulty = forms.ChoiceField(
        label=_("Mức độ"), choices=DifficultyChoice.choices, initial=DifficultyChoice.MEDIUM
    )
    points = forms.CharField(label=_("Điểm tối đa"), initial="1", max_length=10)
    stem = forms.CharField(
        label=_("Nội dung câu hỏi"), widget=forms.Textarea(attrs={"rows": 5}), max_length=20000
    )
    image = forms.ImageField(label=_("Ảnh minh họa"), required=False)
    correct = forms.MultipleChoiceField(
        label=_("Đáp án đúng"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(letter, letter) for letter in OPTION_LETTERS],
    )
    truth = forms.ChoiceField(
        label=_("Đáp án (Đúng/Sai)"),
        required=False,
        choices=[("", "—"), ("true", _("Đúng")), ("false", _("Sai"))],
    )
    answers = forms.CharField(
        label=_("Các đáp án được chấp nhận (mỗi dòng một đáp án)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    numeric_value = forms.CharField(label=_("Đáp án số"), required=False, max_length=30)
    numeric_tolerance = forms.CharField(
        label=_("Sai số cho phép"), required=False, max_length=30, initial="0"
    )
    essay_guide = forms.CharField(
        label=_("Hướng dẫn chấm"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20000,
    )
    general_feedback = forms.CharField(
        label=_("Giải thích đáp án"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )
    source = forms.CharField(label=_("Nguồn, căn cứ pháp lý"), required=False, max_length=500)
    shuffle = forms.BooleanField(
        label=_("Cho phép đảo thứ tự phương án"), required=False, initial=True
    )
    positions = forms.MultipleChoiceField(label=_("Vị trí việc làm áp dụng"), required=False)
    remove_assets = forms.MultipleChoiceField(
        label=_("Xóa ảnh"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, topics: list[Any], positions: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [(t.code, "— " * t.depth + t.name) for t in topics]
        self.fields["positions"].choices = [(str(p.pk), p.name) for p in positions]
        for letter in OPTION_LETTERS:
            self.fields[f"option_{letter}"] = forms.CharField(
                label=_("Phương án %(l)s") % {"l": letter}, required=False, max_length=5000
            )
        self.existing_assets: list[AssetData] = []

    def set_existing_assets(self, assets: list[AssetData]) -> None:
        """Give the form the images the item already has (kept unless ticked for removal)."""
        self.existing_assets = assets
        self.fields["remove_assets"].choices = [(a.name, a.name) for a in assets]

    def option_fields(self) -> list[tuple[str, Any]]:
        return [(letter, self[f"option_{letter}"]) for letter in OPTION_LETTERS]

    def clean_points(self) -> float:
        try:
            value = _float(self.cleaned_data["points"])
        except ValueError as exc:
            raise forms.ValidationError(_("Điểm phải là một số.")) from exc
        if value <= 0 or value > 1000:
            raise forms.ValidationError(_("Điểm phải lớn hơn 0 và không quá 1000."))
        return value

    def clean_image(self) -> Any:
        image = self.cleaned_data.get("image")
        if image is None:
            return None
        if image.size > MAX_ASSET_BYTES:
            raise forms.ValidationError(_("Ảnh lớn hơn 5 MB."))
        if getattr(image, "content_type", "") not in ALLOWED_IMAGE_TYPES:
            raise forms.ValidationError(_("Chỉ nhận ảnh PNG, JPEG, GIF hoặc WebP."))
        return image

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("kind")
        if kind == ItemKind.NUMERIC:
            try:
                data["numeric_value_f"] = _float(data.get("numeric_value") or "")
                data["numeric_tolerance_f"] = _float(data.get("numeric_tolerance") or "0")
            except ValueError:
                self.add_error("numeric_value", _("Đáp án số và sai số phải là số."))
        if kind in (ItemKind.SINGLE, ItemKind.MULTIPLE):
            filled = [ch for ch in OPTION_LETTERS if (data.get(f"option_{ch}") or "").strip()]
            missing = [ch for ch in data.get("correct", []) if ch not in filled]
            if missing:
                self.add_error(
                    "correct",
                    _("Đáp án %(l)s trỏ tới phương án để trống.") % {"l": ", ".join(missing)},
                )
            last = filled[-1] if filled else "A"
            gaps = [ch for ch in OPTION_LETTERS[: OPTION_LETTERS.index(last)] if ch not in filled]
            if gaps:
                self.add_error(
                    f"option_{gaps[0]}", _("Phương án %(l)s đang để trống.") % {"l": gaps[0]}
                )
        if kind == ItemKind.TRUE_FALSE and not data.get("truth"):
            self.add_error("truth", _("Chọn đáp án Đúng hoặc Sai."))
        return data

    def to_item_data(self) -> ItemData:
        """Return the item the form describes (call after is_valid())."""
        data = self.cleaned_data
        kind = Kind(data["kind"])
        stem = nfc(data["stem"])
        removed = set(data.get("remove_assets") or [])
        assets = [a for a in self.existing_assets if a.name not in removed]
        for asset in assets:
            # An image stays with the item even when the text around it was retyped.
            if f"asset:{asset.name}" not in stem:
                stem += f'<p><img src="asset:{asset.name}" alt=""></p>'
        image = data.get("image")
        if image is not None:
            name = nfc(image.name).replace('"', "").replace("/", "_") or "anh.png"
            assets = [a for a in assets if a.name != name]
            assets.append(AssetData(name=name, mime=image.content_type, content=image.read()))
            if f"asset:{name}" not in stem:
                stem += f'<p><img src="asset:{name}" alt=""></p>'
        item = ItemData(
            kind=kind,
            stem=stem,
            points=data["points"],
            difficulty=Difficulty(data["difficulty"]),
            general_feedback=data.get("general_feedback", ""),
            source=data.get("source", ""),
            shuffle=bool(data.get("shuffle")),
            assets=assets,
        )
        if kind in (Kind.SINGLE, Kind.MULTIPLE):
            correct = set(data.get("correct", []))
            for letter in OPTION_LETTERS:
                text = (data.get(f"option_{letter}") or "").strip()
                if text:
                    is_key = letter in correct
                    item.options.append(
                        OptionData(text=nfc(text), correct=is_key, fraction=1.0 if is_key else 0.0)
                    )
            if kind == Kind.MULTIPLE and correct:
                share = 1.0 / len([o for o in item.options if o.correct])
                for option in item.options:
                    option.fraction = share if option.correct else 0.0
        elif kind == Kind.TRUE_FALSE:
            item.truth = data.get("truth") == "true"
        elif kind == Kind.SHORT_TEXT:
            item.answers = [
                ShortAnswerData(text=nfc(line))
                for line in (data.get("answers") or "").splitlines()
                if line.strip()
            ]
        elif kind == Kind.NUMERIC and "numeric_value_f" in data:
            item.numeric = [
                NumericAnswerData(
                    value=data["numeric_value_f"], tolerance=data["numeric_tolerance_f"]
                )
            ]
        elif kind == Kind.ESSAY:
            item.essay_guide = data.get("essay_guide", "")
        return item


def initial_from_version(version: Any, item: Any) -> dict[str, Any]:
    """Return the form's initial values for editing ``version``."""
    content = version.content or {}
    initial: dict[str, Any] = {
        "topic": item.topic.code,
        "kind": version.kind,
        "difficulty": version.difficulty,
        "points": f"{version.points.normalize():f}",
        "stem": version.stem,
        "general_feedback": content.get("general_feedback", ""),
        "source": version.source,
        "shuffle": version.shuffle,
        "positions": [str(p) for p in item.positions.values_list("pk", flat=True)],
    }
    options = content.get("options", [])
    for letter, option in zip(OPTION_LETTERS, options, strict=False):
        initial[f"option_{letter}"] = option["text"]
    initial["correct"] = [
        letter
        for letter, option in zip(OPTION_LETTERS, options, strict=False)
        if option.get("correct")
    ]
    if "truth" in content:
        initial["truth"] = "true" if content["truth"] else "false"
    initial["answers"] = "\n".join(a["text"] for a in content.get("answers", []))
    if content.get("numeric"):
        initial["numeric_value"] = str(content["numeric"][0]["value"])
        initial["numeric_tolerance"] = str(content["numeric"][0]["tolerance"])
    initial["essay_guide"] = content.get("essay_guide", "")
    return initial


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Ý kiến thẩm định"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp câu hỏi"))
    format = forms.ChoiceField(
        label=_("Định dạng"),
        initial="auto",
        choices=[("auto", _("Tự nhận biết"))] + [(f, f) for f in FORMATS],
    )
    topic = forms.ChoiceField(label=_("Chủ đề đích"))
    partial = forms.BooleanField(label=_("Chỉ nhập các câu hợp lệ"), required=False)
    dry_run = forms.BooleanField(label=_("Kiểm tra thử, không ghi"), required=False)

    def __init__(self, *args: Any, topics: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [(t.code, "— " * t.depth + t.name) for t in topics]
