"""Bank API: items in the requesting user's topics only (the same selectors as the pages)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from .selectors import item_get_for_user, item_list, topic_get_for_user

router = Router(tags=["bank"])


class ItemOut(Schema):
    id: int
    topic: str
    kind: str
    version: int
    state: str
    difficulty: str
    points: float
    stem: str
    content: dict[str, Any]
    source: str

    @staticmethod
    def resolve_topic(obj: Any) -> str:
        return obj.topic.code

    @staticmethod
    def resolve_version(obj: Any) -> int:
        return obj.current.number

    @staticmethod
    def resolve_state(obj: Any) -> str:
        return obj.current.state

    @staticmethod
    def resolve_difficulty(obj: Any) -> str:
        return obj.current.difficulty

    @staticmethod
    def resolve_points(obj: Any) -> float:
        return float(obj.current.points)

    @staticmethod
    def resolve_stem(obj: Any) -> str:
        return obj.current.stem

    @staticmethod
    def resolve_content(obj: Any) -> dict[str, Any]:
        return obj.current.content

    @staticmethod
    def resolve_source(obj: Any) -> str:
        return obj.current.source


@router.get("/items", response=list[ItemOut])
@paginate(PageNumberPagination, page_size=50)
def items(
    request: HttpRequest,
    q: str = "",
    topic: str = "",
    kind: str = "",
    difficulty: str = "",
    state: str = "",
):  # noqa: ANN201
    scope = topic_get_for_user(user=request.user, code=topic) if topic else None
    return item_list(
        user=request.user, query=q, topic=scope, kind=kind, difficulty=difficulty, state=state
    )


@router.get("/items/{item_id}", response=ItemOut)
def item_detail(request: HttpRequest, item_id: int):  # noqa: ANN201
    return item_get_for_user(user=request.user, pk=item_id)
