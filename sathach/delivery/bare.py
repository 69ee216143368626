"""The bare answer endpoint: the ceiling ``sathach bench delivery`` compares the exam API with.

One plain Django view, no django-ninja, no token, no checks: it parses the JSON body and runs
the very upsert ``answer_save`` runs, on the same table of the same database. What the exam
API costs beyond it (authentication, the schema, the deadline and answer checks) is the gap
between the two throughputs. Mounted at /api/v1/bare/answers only when ``SATHACH_BENCH=1``
(config/urls.py): it writes without asking who is writing, so it never runs in a deployment.
"""

from __future__ import annotations

import json

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Response
from .services.candidate import _upsert_sql


@csrf_exempt
@require_POST
def bare_answer(request: HttpRequest) -> HttpResponse:
    """Store ``{"attempt", "item", "answer", "seq"}`` unless a newer ``seq`` is stored."""
    data = json.loads(request.body)
    now = timezone.now()
    attempt, item, seq = int(data["attempt"]), int(data["item"]), int(data["seq"])
    with connection.cursor() as cursor:
        cursor.execute(
            _upsert_sql(),
            [attempt, item, json.dumps(data["answer"], ensure_ascii=False), seq, now],
        )
        row = cursor.fetchone()
    if row is None:
        seq = (
            Response.objects.filter(attempt_id=attempt, item_id=item)
            .values_list("seq", flat=True)
            .get()
        )
    return JsonResponse({"item": item, "seq": seq, "stale": row is None})
