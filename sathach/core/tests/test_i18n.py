"""Languages: Vietnamese by default, English on request, and a complete, compiled catalogue."""

from __future__ import annotations

import ast
import re
import shutil
import struct
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

LOGIN_URL = "/tai-khoan/dang-nhap/"
SET_LANGUAGE_URL = "/i18n/setlang/"
CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{\s*\w+\s*\}\}")


@dataclass
class PoEntry:
    flags: set[str] = field(default_factory=set)
    msgid: str = ""
    msgid_plural: str = ""
    msgstrs: list[str] = field(default_factory=list)


def _read_po(path: Path) -> list[PoEntry]:
    """Return the entries of a .po file, header first; obsolete (#~) entries are left out."""
    entries: list[PoEntry] = []
    entry = PoEntry()
    keyword = ""  # the field that a continuation line ("...") extends
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "msgid ")) and entry.msgstrs:
            # An entry ends where the next one's comments or msgid begin, blank line or not.
            entries.append(entry)
            entry = PoEntry()
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith('"'):
            rest = line
        else:
            keyword, _, rest = line.partition(" ")
            if keyword.startswith("msgstr"):
                entry.msgstrs.append("")
        text = ast.literal_eval(rest)  # PO escapes (\n, \", \\) are Python's
        if keyword == "msgid":
            entry.msgid += text
        elif keyword == "msgid_plural":
            entry.msgid_plural += text
        else:
            entry.msgstrs[-1] += text
    if entry.msgstrs:
        entries.append(entry)
    return entries


def _read_mo(path: Path) -> dict[bytes, bytes]:
    """Return the msgid → msgstr table of a compiled GNU .mo file."""
    data = path.read_bytes()
    order = "<" if data[:4] == b"\xde\x12\x04\x95" else ">"
    _revision, count, originals, translations = struct.unpack(order + "4I", data[4:20])

    def strings(table: int) -> list[bytes]:
        spans = [
            struct.unpack(order + "2I", data[table + 8 * i : table + 8 * i + 8])
            for i in range(count)
        ]
        return [data[offset : offset + length] for length, offset in spans]

    return dict(zip(strings(originals), strings(translations), strict=True))


def test_login_page_is_in_vietnamese_by_default():
    response = Client().get(LOGIN_URL)
    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()
    assert "<h1>Đăng nhập</h1>" in response.content.decode()


def test_footer_offers_every_language_through_a_csrf_protected_form():
    html = Client().get(LOGIN_URL).content.decode()
    form = re.search(r'<form method="post" action="/i18n/setlang/">.*?</form>', html, re.S)
    assert form is not None
    assert 'name="csrfmiddlewaretoken"' in form.group()
    assert re.findall(r'<option value="(\w+)"', form.group()) == [c for c, _ in settings.LANGUAGES]
    assert "Đổi ngôn ngữ</button>" in form.group()
    assert "<script" not in form.group() and "style=" not in form.group()  # CSP: none inline


def test_choosing_english_shows_the_login_page_in_english():
    client = Client()
    response = client.post(SET_LANGUAGE_URL, {"language": "en", "next": LOGIN_URL})
    assert (response.status_code, response["Location"]) == (302, LOGIN_URL)
    html = client.get(LOGIN_URL).content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Sign in</h1>" in html
    assert "Đăng nhập" not in html
    assert "Change language</button>" in html


def test_english_catalogue_has_no_untranslated_or_fuzzy_entries():
    header, *entries = _read_po(CATALOGUE / "django.po")
    assert header.msgid == ""
    assert len(entries) > 300  # the parser read the catalogue, not an empty shell
    assert [e.msgid for e in [header, *entries] if "fuzzy" in e.flags] == []
    assert [e.msgid for e in entries if "" in e.msgstrs] == []
    plural = [e for e in entries if e.msgid_plural]
    assert plural and all(len(e.msgstrs) == 2 for e in plural)  # nplurals=2


def test_english_translations_keep_every_placeholder():
    _header, *entries = _read_po(CATALOGUE / "django.po")
    changed = [
        e.msgid
        for e in entries
        for msgstr in e.msgstrs
        if sorted(PLACEHOLDER.findall(msgstr)) != sorted(PLACEHOLDER.findall(e.msgid))
    ]
    assert changed == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (GNU gettext) is not installed")
def test_committed_mo_holds_exactly_what_the_po_compiles_to(tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(fresh), str(CATALOGUE / "django.po")], check=True
    )
    # Compare tables, not bytes: msgfmt versions lay out the same catalogue differently.
    assert _read_mo(CATALOGUE / "django.mo") == _read_mo(fresh)
