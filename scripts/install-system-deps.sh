#!/usr/bin/env bash
# Install the Debian packages the test suite needs, only when they are missing.
#   chromium      browser tests (Playwright drives /usr/bin/chromium; it cannot download its own)
#   poppler-utils pdftotext, to check the text of generated PDFs
#   fonts-dejavu-core  Vietnamese glyphs for PDFs and the headless browser
#   libpango      text layout for WeasyPrint
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
# WeasyPrint (PDF papers and lists) renders text with Pango.
ldconfig -p 2>/dev/null | grep -q "libpango-1.0.so" || need+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${need[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "error: need root (or sudo) to install: ${need[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
