"""The candidate's pages: check-in, the exam page, item images.

The exam page holds its bearer token in a cookie of its own (HttpOnly, SameSite=Strict), set
at check-in; the page's script reads the token from the page, not from the cookie. Everything
after check-in (start, answers, submit) goes through the JSON API in ``api.py``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from sathach.bank.models import Asset
from sathach.core.errors import ServiceError

from .constants import FINISHED
from .models import Attempt
from .selectors import attempt_asset_allowed, attempt_for_token, attempt_list_for_user
from .services import attempt_check_in

ATTEMPT_COOKIE = "sathach_thi"
ATTEMPT_COOKIE_SALT = "delivery.attempt"
# Long enough for the longest paper plus waiting and pauses; a new check-in replaces it.
ATTEMPT_COOKIE_MAX_AGE = 8 * 3600
# How often the page asks the server for its clock while the test runs (an extension by the
# proctor shows within this time, or at the next saved answer).
EXAM_POLL_SECONDS = 10
WAIT_POLL_SECONDS = 2.5


def attempt_from_cookie(request: HttpRequest) -> Attempt | None:
    """Return the attempt whose token the browser's exam cookie holds, or None."""
    token = request.get_signed_cookie(ATTEMPT_COOKIE, default="", salt=ATTEMPT_COOKIE_SALT)
    return attempt_for_token(token) if token else None


def _token_from_cookie(request: HttpRequest) -> str:
    return request.get_signed_cookie(ATTEMPT_COOKIE, default="", salt=ATTEMPT_COOKIE_SALT) or ""


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã vào phòng thi"),
        max_length=32,
        strip=True,
        error_messages={
            "required": gettext_lazy("Hãy nhập mã vào phòng thi in trên phiếu."),
            "max_length": gettext_lazy(
                "Mã vào phòng thi không đúng. Hãy kiểm tra lại mã trên phiếu."
            ),
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "autofocus": True,
                "class": "code-input",
            }
        ),
    )


def _enter(request: HttpRequest, token: str) -> HttpResponse:
    """Redirect to the exam page with the new token in the exam cookie."""
    response = redirect("delivery:exam")
    response.set_signed_cookie(
        ATTEMPT_COOKIE,
        token,
        salt=ATTEMPT_COOKIE_SALT,
        max_age=ATTEMPT_COOKIE_MAX_AGE,
        path=reverse("delivery:checkin"),
        secure=request.is_secure(),
        httponly=True,
        samesite="Strict",
    )
    return response


class CheckInView(View):
    """``/thi/``: check in with the one-time code, or, signed in, on one's own attempt."""

    template_name = "delivery/candidate_checkin.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, CheckInForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        if "attempt" in request.POST:
            return self._personal(request)
        form = CheckInForm(request.POST)
        if not form.is_valid():
            return self._render(request, form, status=400)
        try:
            _attempt, token = attempt_check_in(code=form.cleaned_data["code"])
        except ServiceError as exc:
            form.add_error("code", exc.message)
            return self._render(request, form, status=400)
        return _enter(request, token)

    def _personal(self, request: HttpRequest) -> HttpResponse:
        raw = request.POST.get("attempt", "")
        attempt = None
        if raw.isdigit():
            attempt = attempt_list_for_user(user=request.user).filter(pk=int(raw)).first()
        if attempt is None:
            error = _("Không tìm thấy bài làm của bạn trong ca thi đang mở.")
            return self._render(request, CheckInForm(), status=400, error=error)
        current = attempt_from_cookie(request)
        if current is not None and current.pk == attempt.pk:
            # This browser already holds the attempt's token: carry on with it.
            return redirect("delivery:exam")
        try:
            _attempt, token = attempt_check_in(attempt=attempt)
        except ServiceError as exc:
            return self._render(request, CheckInForm(), status=400, error=exc.message)
        return _enter(request, token)

    def _render(
        self, request: HttpRequest, form: CheckInForm, *, status: int = 200, error: str = ""
    ) -> HttpResponse:
        current = attempt_from_cookie(request)
        if current is not None and current.state in FINISHED:
            current = None
        context: dict[str, Any] = {
            "form": form,
            "error": error,
            "current": current,
            "attempts": list(attempt_list_for_user(user=request.user)),
        }
        return render(request, self.template_name, context, status=status)


def exam_strings() -> dict[str, str]:
    """Return the exam page's texts for its script (the script itself has no gettext)."""
    return {
        "question": _("Câu %(n)s"),
        "points": _("%(p)s điểm"),
        "saved": _("Đã lưu"),
        "sending": _("Đang gửi…"),
        "unsent": _("Chưa gửi được — sẽ gửi lại"),
        "flag": _("Đánh dấu xem lại"),
        "unflag": _("Bỏ đánh dấu"),
        "clear": _("Bỏ chọn"),
        "text_placeholder": _("Nhập câu trả lời"),
        "numeric_placeholder": _("Nhập số, ví dụ 3,5"),
        "essay_placeholder": _("Viết bài làm tại đây"),
        "list_view": _("Xem dạng danh sách"),
        "single_view": _("Xem từng câu"),
        "position": _("Câu %(n)s/%(total)s"),
        "nav_answered": _("đã trả lời"),
        "nav_unanswered": _("chưa trả lời"),
        "nav_flagged": _("đánh dấu xem lại"),
        "unanswered_summary": _("Bạn còn %(n)s/%(total)s câu chưa trả lời."),
        "all_answered": _("Bạn đã trả lời tất cả %(total)s câu."),
        "flagged_summary": _("%(n)s câu đang được đánh dấu xem lại."),
        "submit_unsent": _(
            "Còn %(n)s câu trả lời chưa gửi được lên máy chủ. Hãy chờ có mạng rồi bấm nộp bài lại."
        ),
        "submit_offline": _("Chưa nộp được bài vì mất kết nối. Hãy chờ có mạng rồi thử lại."),
        "submitting": _("Đang nộp bài…"),
        "time_up": _("Hết giờ làm bài: bài làm đang được tự động nộp."),
        "score": _("Điểm: %(score)s/%(max)s — đúng %(right)s/%(total)s câu"),
        "objective_score": _(
            "Điểm phần trắc nghiệm: %(score)s/%(max)s — đúng %(right)s/%(total)s câu"
        ),
        "no_score": _("Kết quả sẽ được thông báo sau."),
        "token_invalid": _(
            "Phiên làm bài trên máy này không còn hiệu lực (bài làm đã được mở trên máy khác). "
            "Hãy báo giám thị."
        ),
        "answer_refused": _("Máy chủ không nhận câu trả lời này."),
        "waiting_refused": _("Chưa bắt đầu được: %(m)s"),
    }


class ExamView(View):
    """``/thi/lam-bai/``: the exam page (waiting room, test, end screen), run by exam.js."""

    def get(self, request: HttpRequest) -> HttpResponse:
        token = _token_from_cookie(request)
        attempt = attempt_for_token(token) if token else None
        if attempt is None:
            return HttpResponseRedirect(reverse("delivery:checkin"))
        attempt = Attempt.objects.select_related(
            "candidate__person", "sitting__part", "sitting__plan", "session__room"
        ).get(pk=attempt.pk)
        context = {
            "attempt": attempt,
            "person": attempt.candidate.person,
            "part": attempt.sitting.part,
            "room": attempt.session.room,
            "token": token,
            "api_base": reverse("api:state").removesuffix("state"),
            "poll_seconds": getattr(settings, "SATHACH_EXAM_POLL_SECONDS", EXAM_POLL_SECONDS),
            "wait_poll_seconds": WAIT_POLL_SECONDS,
            "strings": exam_strings(),
        }
        response = render(request, "delivery/candidate_exam.html", context)
        # The page carries the bearer token: never keep it in a cache.
        response["Cache-Control"] = "no-store"
        response["Referrer-Policy"] = "no-referrer"
        return response


class ExamAssetView(View):
    """An image of an item on the candidate's own form, and nothing else."""

    def get(self, request: HttpRequest, sha256: str) -> HttpResponse:
        attempt = attempt_from_cookie(request)
        if attempt is None or not attempt_asset_allowed(attempt, sha256):
            raise Http404
        asset = Asset.objects.filter(sha256=sha256).first()
        if asset is None:
            raise Http404
        response = HttpResponse(bytes(asset.content), content_type=asset.mime)
        response["Cache-Control"] = "private, max-age=3600"
        return response
